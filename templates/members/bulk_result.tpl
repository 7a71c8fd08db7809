{{%AUTOESCAPE context="HTML"}}<h1>{{#NO_ROLE_ACTION}}[[members.bulk.result_heading]]{{/NO_ROLE_ACTION}}{{#ROLE_ACTION}}[[members.bulk.result_heading_role]]{{/ROLE_ACTION}}</h1>
<p class="summary" role="status">[[members.bulk.result_summary n=N_TOTAL change=N_CHANGE same=N_SAME refused=N_REFUSED]]</p>
{{#TRUNCATED}}<p class="error" role="alert">[[members.bulk.result_truncated]]</p>{{/TRUNCATED}}
<h2>[[members.bulk.accounts]]</h2>
<div class="scroll">
<table class="bulk">
<thead><tr><th scope="col">[[members.bulk.col_member]]</th><th scope="col">[[members.bulk.col_status_before]]</th><th scope="col">[[members.bulk.col_happened]]</th><th scope="col">[[members.bulk.col_why]]</th></tr></thead>
<tbody>
{{#ITEM}}<tr data-id="{{ID}}" data-verdict="{{VERDICT}}">
<td>{{#KNOWN}}<a href="/members/{{ID}}">{{NAME}}</a> ({{USERNAME}}){{/KNOWN}}{{#UNKNOWN}}[[members.bulk.account_id]]{{/UNKNOWN}}</td>
<td>{{#KNOWN}}{{STATUS}}{{/KNOWN}}</td>
<td>{{VERDICT_TEXT}}</td>
<td>{{#WHY}}{{TEXT}}{{/WHY}}</td>
</tr>
{{/ITEM}}</tbody>
</table>
</div>
<p><a href="{{BACK}}">[[members.bulk.back]]</a> · <a href="/members/audit">[[members.audit_log.title]]</a></p>
