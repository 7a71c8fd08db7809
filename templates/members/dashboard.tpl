{{%AUTOESCAPE context="HTML"}}<h1>Dashboard</h1>
<p class="scope">Figures for {{#SCOPE_SITE}}the whole timebank{{/SCOPE_SITE}}{{#SCOPE_COMMUNITY}}{{#SCOPE_COMMUNITY_separator}}, {{/SCOPE_COMMUNITY_separator}}{{NAME}}{{/SCOPE_COMMUNITY}}.{{#SCOPE_TRUNCATED}} (Your first 16 Community Timebanks only.){{/SCOPE_TRUNCATED}}</p>

<section aria-labelledby="status-title">
<h2 id="status-title">Members by status</h2>
<table class="figures" id="members-by-status">
<caption>Accounts in your scope, by status</caption>
<thead><tr><th scope="col">Status</th><th scope="col">Accounts</th></tr></thead>
<tbody>
<tr data-status="applying"><th scope="row"><a href="/members?status=applying">Applying</a></th><td>{{COUNT_APPLYING}}</td></tr>
<tr data-status="approved"><th scope="row"><a href="/members?status=approved">Approved</a></th><td>{{COUNT_APPROVED}}</td></tr>
<tr data-status="disabled"><th scope="row"><a href="/members?status=disabled">Disabled</a></th><td>{{COUNT_DISABLED}}</td></tr>
<tr data-status="total"><th scope="row">All accounts</th><td>{{COUNT_TOTAL}}</td></tr>
</tbody>
</table>
</section>

<section aria-labelledby="waiting-title">
<h2 id="waiting-title">Applications waiting</h2>
<p><strong id="waiting-count">{{WAITING}}</strong> applications are waiting for approval.
<a href="/members?status=applying&amp;sort=joined">See them all, oldest first</a>.</p>
{{#OLDEST_NONE}}<p>Nobody is waiting.</p>{{/OLDEST_NONE}}
<ol id="oldest-applications">
{{#OLDEST}}<li><a href="{{HREF}}">{{NAME}}</a> ({{USERNAME}}), applied {{JOINED}}</li>
{{/OLDEST}}</ol>
</section>

<section aria-labelledby="newest-title">
<h2 id="newest-title">Newest members</h2>
{{#NEWEST_NONE}}<p>No approved members yet.</p>{{/NEWEST_NONE}}
<ol id="newest-members">
{{#NEWEST}}<li><a href="{{HREF}}">{{NAME}}</a> ({{USERNAME}}), joined {{JOINED}}</li>
{{/NEWEST}}</ol>
</section>

<section aria-labelledby="roles-title">
<h2 id="roles-title">Coordinators by role</h2>
<table class="figures" id="coordinators-by-role">
<caption>Approved members holding each role with a scope that reaches your Community Timebanks</caption>
<thead><tr><th scope="col">Role</th><th scope="col">Coordinators</th></tr></thead>
<tbody>
{{#ROLE}}<tr data-role="{{KEY}}"><th scope="row"><a href="/members?role={{KEY}}">{{TITLE}}</a></th><td>{{COUNT}}</td></tr>
{{/ROLE}}</tbody>
</table>
</section>

<section aria-labelledby="chart-heading">
<h2 id="chart-heading">New members per month</h2>
<figure class="chart">
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 {{CHART_W}} {{CHART_H}}" width="100%" height="{{CHART_H}}" preserveAspectRatio="xMinYMin meet">
<title id="chart-title">Accounts created per month, last 12 months (any status)</title>
<desc id="chart-desc">{{CHART_DESC}}</desc>
<line x1="{{AXIS_X1}}" y1="{{AXIS_Y}}" x2="{{AXIS_X2}}" y2="{{AXIS_Y}}" stroke="#4a5163" stroke-width="1"/>
{{#BAR}}<g class="bar" data-month="{{YM}}">
<rect x="{{X}}" y="{{Y}}" width="{{W}}" height="{{H}}" fill="#0b5cad"/>
<text x="{{CX}}" y="{{VY}}" text-anchor="middle" font-size="12" fill="#1d2330">{{VALUE}}</text>
<text x="{{CX}}" y="{{MY}}" text-anchor="middle" font-size="12" fill="#1d2330">{{MONTH}}</text>
{{#YEAR}}<text x="{{CX}}" y="{{YY}}" text-anchor="middle" font-size="11" fill="#4a5163">{{YEAR}}</text>{{/YEAR}}
</g>
{{/BAR}}</svg>
<figcaption>Accounts created each month (applications included), this month last.</figcaption>
</figure>
<details>
<summary>The figures as a table</summary>
<table class="figures" id="new-members-per-month">
<caption>Accounts created per month</caption>
<thead><tr><th scope="col">Month</th><th scope="col">Accounts</th></tr></thead>
<tbody>
{{#BAR}}<tr data-month="{{YM}}"><th scope="row">{{YM}}</th><td>{{VALUE}}</td></tr>
{{/BAR}}</tbody>
</table>
</details>
</section>

<section id="dashboard-exchanges" aria-label="Exchanges">
{{>LEDGER_PANEL}}
</section>
