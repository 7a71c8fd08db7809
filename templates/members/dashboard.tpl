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
{{>CHART}}
<details>
<summary>[[members.dashboard.as_table]]</summary>
<table class="figures" id="new-members-per-month">
<caption>[[members.dashboard.table_caption]]</caption>
<thead><tr><th scope="col">[[members.dashboard.col_month]]</th><th scope="col">[[members.communities.col_accounts]]</th></tr></thead>
<tbody>
{{#MONTH}}<tr data-month="{{YM}}"><th scope="row">{{YM}}</th><td>{{VALUE}}</td></tr>
{{/MONTH}}</tbody>
</table>
</details>
</section>

<div id="dashboard-exchanges">
{{>LEDGER_PANEL}}
</div>
