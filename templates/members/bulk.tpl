{{%AUTOESCAPE context="HTML"}}<h1>[[members.bulk.title]]</h1>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<p id="ids">[[members.bulk.chosen n=N_TOTAL]]{{#IDS_INVALID}} <span class="field-error">{{IDS_ERROR}}</span>{{/IDS_INVALID}} <a href="/members">[[members.bulk.choose_on_list]]</a></p>
<h2>[[members.bulk.what]]</h2>
<p>[[members.bulk.what_intro]]</p>
<form method="post" action="/members/bulk">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="ids" value="{{IDS}}">
<label for="action">[[members.field.action]]</label>
<select id="action" name="action"{{#ACTION_INVALID}} aria-invalid="true" aria-describedby="action-error"{{/ACTION_INVALID}}>
<option value="">[[members.bulk.action_choose]]</option>
{{#ACTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ACTION_OPTION}}</select>
{{#ACTION_INVALID}}<p class="field-error" id="action-error">{{ACTION_ERROR}}</p>{{/ACTION_INVALID}}
<label for="role">[[members.bulk.role]]</label>
<select id="role" name="role"{{#ROLE_INVALID}} aria-invalid="true" aria-describedby="role-error"{{/ROLE_INVALID}}>
<option value="">[[members.bulk.role_none]]</option>
{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}</select>
{{#ROLE_INVALID}}<p class="field-error" id="role-error">{{ROLE_ERROR}}</p>{{/ROLE_INVALID}}
<label for="scope">[[members.bulk.scope]]</label>
<input type="text" id="scope" name="scope" value="{{SCOPE}}" aria-describedby="scope-hint{{#SCOPE_INVALID}} scope-error{{/SCOPE_INVALID}}"{{#SCOPE_INVALID}} aria-invalid="true"{{/SCOPE_INVALID}}>
<p class="hint" id="scope-hint">[[members.bulk.scope_hint]]</p>
{{#SCOPE_INVALID}}<p class="field-error" id="scope-error">{{SCOPE_ERROR}}</p>{{/SCOPE_INVALID}}
<div class="actions"><button type="submit">[[members.bulk.preview]]</button></div>
</form>
