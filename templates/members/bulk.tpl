{{%AUTOESCAPE context="HTML"}}<h1>Bulk action</h1>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<p id="ids">Accounts chosen: {{N_TOTAL}}.{{#IDS_INVALID}} <span class="field-error">{{IDS_ERROR}}</span>{{/IDS_INVALID}} Choose them on the <a href="/members">member list</a>.</p>
<h2>What to do</h2>
<p>Nothing is changed yet: the next page lists every account with what will
happen to it, and asks you to confirm.</p>
<form method="post" action="/members/bulk">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="ids" value="{{IDS}}">
<label for="action">Action</label>
<select id="action" name="action"{{#ACTION_INVALID}} aria-invalid="true" aria-describedby="action-error"{{/ACTION_INVALID}}>
<option value="">Choose an action</option>
{{#ACTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ACTION_OPTION}}</select>
{{#ACTION_INVALID}}<p class="field-error" id="action-error">{{ACTION_ERROR}}</p>{{/ACTION_INVALID}}
<label for="role">Role, to give or remove</label>
<select id="role" name="role"{{#ROLE_INVALID}} aria-invalid="true" aria-describedby="role-error"{{/ROLE_INVALID}}>
<option value="">No role</option>
{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}</select>
{{#ROLE_INVALID}}<p class="field-error" id="role-error">{{ROLE_ERROR}}</p>{{/ROLE_INVALID}}
<label for="scope">Where the role applies</label>
<input type="text" id="scope" name="scope" value="{{SCOPE}}" aria-describedby="scope-hint{{#SCOPE_INVALID}} scope-error{{/SCOPE_INVALID}}"{{#SCOPE_INVALID}} aria-invalid="true"{{/SCOPE_INVALID}}>
<p class="hint" id="scope-hint">site, community:N (a Community Timebank's number), or language:xx for a Translator.</p>
{{#SCOPE_INVALID}}<p class="field-error" id="scope-error">{{SCOPE_ERROR}}</p>{{/SCOPE_INVALID}}
<div class="actions"><button type="submit">Preview</button></div>
</form>
