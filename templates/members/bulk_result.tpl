{{%AUTOESCAPE context="HTML"}}<h1>Done: {{ACTION_LABEL}}{{#ROLE_ACTION}} — {{ROLE_TITLE}}, {{SCOPE}}{{/ROLE_ACTION}}</h1>
<p class="summary" role="status">Of {{N_TOTAL}} accounts, <strong>{{N_change}}</strong>
were changed, {{N_same}} needed no change and <strong>{{N_refused}}</strong>
were refused.</p>
{{#TRUNCATED}}<p class="error" role="alert">More accounts were sent than one bulk action takes: only the first {{MAX}} were included.</p>{{/TRUNCATED}}
<h2>Accounts</h2>
<div class="scroll">
<table class="bulk">
<thead><tr><th scope="col">Member</th><th scope="col">Status before</th><th scope="col">What happened</th><th scope="col">Why</th></tr></thead>
<tbody>
{{#ITEM}}<tr data-id="{{ID}}" data-verdict="{{VERDICT}}">
<td>{{#KNOWN}}<a href="/members/{{ID}}">{{NAME}}</a> ({{USERNAME}}){{/KNOWN}}{{#UNKNOWN}}Account #{{ID}}{{/UNKNOWN}}</td>
<td>{{#KNOWN}}{{STATUS}}{{/KNOWN}}</td>
<td>{{VERDICT_TEXT}}</td>
<td>{{#WHY}}{{TEXT}}{{/WHY}}</td>
</tr>
{{/ITEM}}</tbody>
</table>
</div>
<p><a href="/members">Back to the member list</a> · <a href="/members/audit">Audit log</a></p>
