{{%AUTOESCAPE context="HTML"}}<h1>[[members.dashboard.title]]</h1>
<p class="scope">{{#SCOPE_SITE}}[[members.dashboard.scope_site]]{{/SCOPE_SITE}}{{#SCOPE_SOME}}[[members.dashboard.scope_some]]{{/SCOPE_SOME}}{{#SCOPE_TRUNCATED}} [[members.dashboard.scope_truncated]]{{/SCOPE_TRUNCATED}}</p>

<section aria-labelledby="status-title">
<h2 id="status-title">[[members.dashboard.by_status]]</h2>
<table class="figures" id="members-by-status">
<caption>[[members.dashboard.by_status_caption]]</caption>
<thead><tr><th scope="col">[[members.list.status]]</th><th scope="col">[[members.communities.col_accounts]]</th></tr></thead>
<tbody>
<tr data-status="applying"><th scope="row"><a href="/members?status=applying">[[status.applying]]</a></th><td>{{COUNT_APPLYING}}</td></tr>
<tr data-status="approved"><th scope="row"><a href="/members?status=approved">[[status.approved]]</a></th><td>{{COUNT_APPROVED}}</td></tr>
<tr data-status="disabled"><th scope="row"><a href="/members?status=disabled">[[status.disabled]]</a></th><td>{{COUNT_DISABLED}}</td></tr>
<tr data-status="total"><th scope="row">[[members.dashboard.all_accounts]]</th><td>{{COUNT_TOTAL}}</td></tr>
</tbody>
</table>
</section>

<section aria-labelledby="waiting-title">
<h2 id="waiting-title">[[members.dashboard.waiting_title]]</h2>
<p><strong id="waiting-count">{{WAITING}}</strong> [[members.dashboard.waiting n=WAITING]]
<a href="/members?status=applying&amp;sort=joined">[[members.dashboard.waiting_all]]</a>.</p>
{{#OLDEST_NONE}}<p>[[members.dashboard.waiting_none]]</p>{{/OLDEST_NONE}}
<ol id="oldest-applications">
{{#OLDEST}}<li><a href="{{HREF}}">{{NAME}}</a> ({{USERNAME}}), [[members.dashboard.applied]]</li>
{{/OLDEST}}</ol>
</section>

<section aria-labelledby="late-title">
<h2 id="late-title">[[members.dashboard.late_title days=LATE_DAYS]]</h2>
<p><strong id="late-count">{{LATE_COUNT}}</strong> [[members.dashboard.late n=LATE_COUNT days=LATE_DAYS]]
<a href="/members/applications">[[members.dashboard.late_all]]</a>.</p>
{{#LATE_NONE}}<p>[[members.dashboard.late_none]]</p>{{/LATE_NONE}}
<ol id="late-applications">
{{#LATE}}<li><a href="{{HREF}}">{{NAME}}</a> ({{USERNAME}}), [[members.dashboard.applied]]</li>
{{/LATE}}</ol>
</section>

<section aria-labelledby="newest-title">
<h2 id="newest-title">[[members.dashboard.newest]]</h2>
{{#NEWEST_NONE}}<p>[[members.dashboard.newest_none]]</p>{{/NEWEST_NONE}}
<ol id="newest-members">
{{#NEWEST}}<li><a href="{{HREF}}">{{NAME}}</a> ({{USERNAME}}), [[members.dashboard.joined]]</li>
{{/NEWEST}}</ol>
</section>

<section aria-labelledby="roles-title">
<h2 id="roles-title">[[members.dashboard.by_role]]</h2>
<table class="figures" id="coordinators-by-role">
<caption>[[members.dashboard.by_role_caption]]</caption>
<thead><tr><th scope="col">[[members.field.role]]</th><th scope="col">[[members.dashboard.col_coordinators]]</th></tr></thead>
<tbody>
{{#ROLE}}<tr data-role="{{KEY}}"><th scope="row"><a href="/members?role={{KEY}}">{{TITLE}}</a></th><td>{{COUNT}}</td></tr>
{{/ROLE}}</tbody>
</table>
</section>

<section aria-labelledby="chart-heading">
<h2 id="chart-heading">[[members.dashboard.per_month]]</h2>
<figure class="chart">
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 {{CHART_W}} {{CHART_H}}" width="100%" height="{{CHART_H}}" preserveAspectRatio="xMinYMin meet">
<title id="chart-title">[[members.dashboard.chart_title]]</title>
<desc id="chart-desc">{{CHART_DESC}}</desc>
<line x1="{{AXIS_X1}}" y1="{{AXIS_Y}}" x2="{{AXIS_X2}}" y2="{{AXIS_Y}}" stroke="#4a5163" stroke-width="1"/>
{{#BAR}}<g class="bar" data-month="{{YM}}">
<rect x="{{X}}" y="{{Y}}" width="{{W}}" height="{{H}}" fill="#0b5cad"/>
<text x="{{CX}}" y="{{VY}}" text-anchor="middle" font-size="12" fill="#1d2330">{{VALUE}}</text>
<text x="{{CX}}" y="{{MY}}" text-anchor="middle" font-size="12" fill="#1d2330">{{MONTH}}</text>
{{#YEAR}}<text x="{{CX}}" y="{{YY}}" text-anchor="middle" font-size="11" fill="#4a5163">{{YEAR}}</text>{{/YEAR}}
</g>
{{/BAR}}</svg>
<figcaption>[[members.dashboard.chart_caption]]</figcaption>
</figure>
<details>
<summary>[[members.dashboard.as_table]]</summary>
<table class="figures" id="new-members-per-month">
<caption>[[members.dashboard.table_caption]]</caption>
<thead><tr><th scope="col">[[members.dashboard.col_month]]</th><th scope="col">[[members.communities.col_accounts]]</th></tr></thead>
<tbody>
{{#BAR}}<tr data-month="{{YM}}"><th scope="row">{{YM}}</th><td>{{VALUE}}</td></tr>
{{/BAR}}</tbody>
</table>
</details>
</section>

<div id="dashboard-exchanges">
{{>LEDGER_PANEL}}
</div>
