{{%AUTOESCAPE context="HTML"}}<h1>{{#NO_ROLE_ACTION}}[[members.bulk.preview_heading]]{{/NO_ROLE_ACTION}}{{#ROLE_ACTION}}[[members.bulk.preview_heading_role]]{{/ROLE_ACTION}}</h1>
<p class="summary">[[members.bulk.preview_nothing_yet]] [[members.bulk.preview_summary n=N_TOTAL change=N_CHANGE same=N_SAME refused=N_REFUSED]]</p>
{{#EXPIRE}}<p>[[members.applications.expire_older days=DAYS]]</p>
{{/EXPIRE}}{{#TRUNCATED}}<p class="error" role="alert">[[members.bulk.preview_truncated]]</p>{{/TRUNCATED}}
<h2>[[members.bulk.accounts]]</h2>
<div class="scroll">
<table class="bulk">
<thead><tr><th scope="col">[[members.bulk.col_member]]</th><th scope="col">[[members.bulk.col_status_now]]</th><th scope="col">[[members.bulk.col_will]]</th><th scope="col">[[members.bulk.col_why]]</th></tr></thead>
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
<h2>[[members.bulk.confirm]]</h2>
{{#CONFIRM}}<form method="post" action="{{APPLY_PATH}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="ids" value="{{IDS}}">
<input type="hidden" name="action" value="{{ACTION}}">
<input type="hidden" name="role" value="{{ROLE_VALUE}}">
<input type="hidden" name="scope" value="{{SCOPE_VALUE}}">
{{#EXPIRE}}<input type="hidden" name="days" value="{{DAYS}}">
{{/EXPIRE}}
<p>[[members.bulk.confirm_intro n=N_CHANGE]]</p>
<div class="actions"><button type="submit">[[members.bulk.apply n=N_CHANGE]]</button> <a href="{{BACK}}">[[members.bulk.cancel]]</a></div>
</form>{{/CONFIRM}}
{{#NOTHING}}<p>[[members.bulk.nothing]] <a href="{{BACK}}">[[members.bulk.back]]</a>.</p>{{/NOTHING}}
