{{%AUTOESCAPE context="HTML"}}<h1>Coordinator roles of {{MEMBER_NAME}}</h1>
<p><a href="/members/{{MEMBER_ID}}">Back to the profile of {{MEMBER_NAME}}</a> ({{MEMBER_USERNAME}}).
<a href="/members/roles">What each role may do</a>.</p>
{{#REFUSED}}<div class="error-summary" role="alert" aria-labelledby="refused-title">
<h2 id="refused-title">Not done</h2>
<p class="error">{{MESSAGE}}</p>
</div>{{/REFUSED}}
<h2>Roles held</h2>
{{#NO_GRANTS}}<p>{{MEMBER_NAME}} holds no coordinator role.</p>{{/NO_GRANTS}}
{{#HAS_GRANTS}}<table class="grants">
<thead><tr><th scope="col">Role</th><th scope="col">Where it applies</th><th scope="col">Action</th></tr></thead>
<tbody>
{{#GRANT}}<tr data-role="{{ROLE_KEY}}"><td>{{ROLE}}</td><td>{{#SITE}}The whole timebank{{/SITE}}{{#COMMUNITY}}Community Timebank “{{COMMUNITY_NAME}}”{{/COMMUNITY}}{{#LANGUAGE}}Translations into {{LANG}}{{/LANGUAGE}}</td>
<td>{{#REMOVE}}<form method="post" action="/members/{{MEMBER_ID}}/roles/{{GRANT_ID}}/remove" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" aria-label="Remove the role {{ROLE}}">Remove</button>
</form>{{/REMOVE}}</td></tr>
{{/GRANT}}</tbody>
</table>{{/HAS_GRANTS}}
{{#ADD_FORM}}<h2>Give a role</h2>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/members/{{MEMBER_ID}}/roles">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="role">Role</label>
<select id="role" name="role"{{#ROLE_INVALID}} aria-invalid="true" aria-describedby="role-error"{{/ROLE_INVALID}}>
{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}</select>
{{#ROLE_INVALID}}<p class="field-error" id="role-error">{{ROLE_ERROR}}</p>{{/ROLE_INVALID}}
<label for="scope">Where it applies</label>
<select id="scope" name="scope"{{#SCOPE_INVALID}} aria-invalid="true" aria-describedby="scope-error"{{/SCOPE_INVALID}}>
{{#SCOPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/SCOPE_OPTION}}{{#LANGUAGE_OPTION}}<option value="language"{{#SELECTED}} selected{{/SELECTED}}>A language (Translators only)</option>
{{/LANGUAGE_OPTION}}</select>
{{#SCOPE_INVALID}}<p class="field-error" id="scope-error">{{SCOPE_ERROR}}</p>{{/SCOPE_INVALID}}
{{#LANGUAGE_INPUT}}<label for="lang">Language tag, for a Translator</label>
<input type="text" id="lang" name="lang" value="{{LANG_VALUE}}" aria-describedby="lang-hint">
<p class="hint" id="lang-hint">For example es or pt-BR. Used only when “A language” is chosen.</p>{{/LANGUAGE_INPUT}}
<div class="actions"><button type="submit">Give the role</button></div>
</form>{{/ADD_FORM}}
