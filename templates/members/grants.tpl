{{%AUTOESCAPE context="HTML"}}<h1>[[members.grants.heading]]</h1>
<p><a href="/members/{{MEMBER_ID}}">[[members.back_profile_of]]</a> ({{MEMBER_USERNAME}}).
<a href="/members/roles">[[members.grants.what_roles]]</a>.</p>
{{#REFUSED}}<div class="error-summary" role="alert" aria-labelledby="refused-title">
<h2 id="refused-title">[[members.grants.not_done]]</h2>
<p class="error">{{MESSAGE}}</p>
</div>{{/REFUSED}}
<h2>[[members.grants.held]]</h2>
{{#NO_GRANTS}}<p>[[members.grants.none]]</p>{{/NO_GRANTS}}
{{#HAS_GRANTS}}<table class="grants">
<thead><tr><th scope="col">[[members.field.role]]</th><th scope="col">[[members.grants.where]]</th><th scope="col">[[members.field.action]]</th></tr></thead>
<tbody>
{{#GRANT}}<tr data-role="{{ROLE_KEY}}"><td>{{ROLE}}</td><td>{{#SITE}}[[members.grants.scope_site]]{{/SITE}}{{#COMMUNITY}}[[members.grants.scope_community]]{{/COMMUNITY}}{{#LANGUAGE}}[[members.grants.scope_language]]{{/LANGUAGE}}</td>
<td>{{#REMOVE}}<form method="post" action="/members/{{MEMBER_ID}}/roles/{{GRANT_ID}}/remove" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" aria-label="[[members.grants.remove_label]]">[[members.remove]]</button>
</form>{{/REMOVE}}</td></tr>
{{/GRANT}}</tbody>
</table>{{/HAS_GRANTS}}
{{#ADD_FORM}}<h2>[[members.bulk.action.grant]]</h2>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/members/{{MEMBER_ID}}/roles">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="role">[[members.field.role]]</label>
<select id="role" name="role"{{#ROLE_INVALID}} aria-invalid="true" aria-describedby="role-error"{{/ROLE_INVALID}}>
{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}</select>
{{#ROLE_INVALID}}<p class="field-error" id="role-error">{{ROLE_ERROR}}</p>{{/ROLE_INVALID}}
<label for="scope">[[members.grants.where]]</label>
<select id="scope" name="scope"{{#SCOPE_INVALID}} aria-invalid="true" aria-describedby="scope-error"{{/SCOPE_INVALID}}>
{{#SCOPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/SCOPE_OPTION}}{{#LANGUAGE_OPTION}}<option value="language"{{#SELECTED}} selected{{/SELECTED}}>[[members.grants.scope_language_option]]</option>
{{/LANGUAGE_OPTION}}</select>
{{#SCOPE_INVALID}}<p class="field-error" id="scope-error">{{SCOPE_ERROR}}</p>{{/SCOPE_INVALID}}
{{#LANGUAGE_INPUT}}<label for="lang">[[members.grants.lang_label]]</label>
<input type="text" id="lang" name="lang" value="{{LANG_VALUE}}" aria-describedby="lang-hint">
<p class="hint" id="lang-hint">[[members.grants.lang_hint]]</p>{{/LANGUAGE_INPUT}}
<div class="actions"><button type="submit">[[members.grants.give]]</button></div>
</form>{{/ADD_FORM}}
