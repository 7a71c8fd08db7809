{{%AUTOESCAPE context="HTML"}}<h1>Preview: {{ACTION_LABEL}}{{#ROLE_ACTION}} — {{ROLE_TITLE}}, {{SCOPE}}{{/ROLE_ACTION}}</h1>
<p class="summary">Nothing has been changed yet. Of {{N_TOTAL}} accounts,
<strong>{{N_change}}</strong> will change, {{N_same}} need no change and
<strong>{{N_refused}}</strong> will be refused.</p>
{{#TRUNCATED}}<p class="error" role="alert">More accounts were chosen than one bulk action takes: only the first {{MAX}} are listed and included.</p>{{/TRUNCATED}}
<h2>Accounts</h2>
<div class="scroll">
<table class="bulk">
<thead><tr><th scope="col">Member</th><th scope="col">Status now</th><th scope="col">What will happen</th><th scope="col">Why</th></tr></thead>
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
<h2>Confirm</h2>
{{#CONFIRM}}<form method="post" action="/members/bulk/apply">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="ids" value="{{IDS}}">
<input type="hidden" name="action" value="{{ACTION}}">
<input type="hidden" name="role" value="{{ROLE_VALUE}}">
<input type="hidden" name="scope" value="{{SCOPE_VALUE}}">
<p>The {{N_change}} accounts marked “Will change” are changed in one step;
the refused ones are left as they are. Every change is written to the audit log.</p>
<div class="actions"><button type="submit">Apply to {{N_change}} accounts</button> <a href="/members">Cancel</a></div>
</form>{{/CONFIRM}}
{{#NOTHING}}<p>There is nothing to apply. <a href="/members">Back to the member list</a>.</p>{{/NOTHING}}
