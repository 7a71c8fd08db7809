{{%AUTOESCAPE context="HTML"}}<h1>[[members.profile.title.new]]</h1>
<p>[[members.new.intro]]</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/members/new">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="username">[[members.field.username]] <span class="hint">[[members.new.username_hint]]</span></label>
<input type="text" id="username" name="username" value="{{USERNAME}}" autocomplete="off" autocapitalize="none" spellcheck="false" required{{#USERNAME_INVALID}} aria-invalid="true" aria-describedby="username-error"{{/USERNAME_INVALID}}>
{{#USERNAME_INVALID}}<p class="field-error" id="username-error">{{USERNAME_ERROR}}</p>{{/USERNAME_INVALID}}
<label for="name">[[members.field.name]]</label>
<input type="text" id="name" name="name" value="{{NAME}}" maxlength="128" required{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-error"{{/NAME_INVALID}}>
{{#NAME_INVALID}}<p class="field-error" id="name-error">{{NAME_ERROR}}</p>{{/NAME_INVALID}}
<label for="email">[[members.field.email]]</label>
<input type="email" id="email" name="email" value="{{EMAIL}}" required{{#EMAIL_INVALID}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_INVALID}}>
{{#EMAIL_INVALID}}<p class="field-error" id="email-error">{{EMAIL_ERROR}}</p>{{/EMAIL_INVALID}}
<label for="password">[[members.edit.password]] <span class="hint">[[members.new.password_hint]]</span></label>
<input type="password" id="password" name="password" autocomplete="new-password"{{#PASSWORD_INVALID}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_INVALID}}>
{{#PASSWORD_INVALID}}<p class="field-error" id="password-error">{{PASSWORD_ERROR}}</p>{{/PASSWORD_INVALID}}
<label for="password2">[[members.new.password2]]</label>
<input type="password" id="password2" name="password2" autocomplete="new-password"{{#PASSWORD2_INVALID}} aria-invalid="true" aria-describedby="password2-error"{{/PASSWORD2_INVALID}}>
{{#PASSWORD2_INVALID}}<p class="field-error" id="password2-error">{{PASSWORD2_ERROR}}</p>{{/PASSWORD2_INVALID}}
<label for="community">[[members.field.community]]</label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
{{#COMMUNITY_NONE}}<option value="">[[members.community_none]]</option>
{{/COMMUNITY_NONE}}{{#COMMUNITY_CHOOSE}}<option value="">[[members.new.community_choose]]</option>
{{/COMMUNITY_CHOOSE}}{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<fieldset{{#STATUS_INVALID}} aria-describedby="status-error"{{/STATUS_INVALID}}>
<legend>[[members.field.membership]]</legend>
<label><input type="radio" id="status" name="status" value="applying"{{#STATUS_APPLYING}} checked{{/STATUS_APPLYING}}> [[members.new.applying]]</label>
<label><input type="radio" id="status-approved" name="status" value="approved"{{#STATUS_APPROVED}} checked{{/STATUS_APPROVED}}> [[members.new.approved]]</label>
{{#STATUS_INVALID}}<p class="field-error" id="status-error">{{STATUS_ERROR}}</p>{{/STATUS_INVALID}}
</fieldset>
{{>SIGNUP_FIELDS}}
<label for="lang">[[members.field.language]]</label>
<select id="lang" name="lang"{{#LANG_INVALID}} aria-invalid="true" aria-describedby="lang-error"{{/LANG_INVALID}}>
{{#LANG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/LANG_OPTION}}</select>
{{#LANG_INVALID}}<p class="field-error" id="lang-error">{{LANG_ERROR}}</p>{{/LANG_INVALID}}
<div class="actions"><button type="submit">[[members.new.add]]</button></div>
</form>
