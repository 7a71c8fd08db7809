{{%AUTOESCAPE context="HTML"}}<h1>[[account.signup.title]]</h1>
{{#SIGNUP_ERROR}}<p class="error" role="alert" id="signup-error">{{MESSAGE}}</p>{{/SIGNUP_ERROR}}
<p>[[account.signup.intro]]</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/signup">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="username">[[account.field.username]] <span class="hint">[[account.field.username_hint]]</span></label>
<input type="text" id="username" name="username" value="{{USERNAME}}" autocomplete="username" autocapitalize="none" spellcheck="false" required{{#USERNAME_INVALID}} aria-invalid="true" aria-describedby="username-error"{{/USERNAME_INVALID}}>
{{#USERNAME_INVALID}}<p class="field-error" id="username-error">{{USERNAME_ERROR}}</p>{{/USERNAME_INVALID}}
<label for="name">[[account.field.your_name]]</label>
<input type="text" id="name" name="name" value="{{NAME}}" autocomplete="name" required{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-error"{{/NAME_INVALID}}>
{{#NAME_INVALID}}<p class="field-error" id="name-error">{{NAME_ERROR}}</p>{{/NAME_INVALID}}
{{#EMAIL_FIELD}}<label for="email">[[account.field.email]]</label>
<input type="email" id="email" name="email" value="{{EMAIL}}" autocomplete="email" required{{#EMAIL_INVALID}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_INVALID}}>
{{#EMAIL_INVALID}}<p class="field-error" id="email-error">{{EMAIL_ERROR}}</p>{{/EMAIL_INVALID}}
{{/EMAIL_FIELD}}{{#INVITED}}<input type="hidden" name="invite" value="{{TOKEN}}">
<p id="invited-email">[[account.signup.invited_email]] <strong>{{INVITED_EMAIL}}</strong></p>
{{/INVITED}}<label for="password">[[account.field.password]] <span class="hint">[[account.field.password_hint]]</span></label>
<input type="password" id="password" name="password" autocomplete="new-password" required{{#PASSWORD_INVALID}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_INVALID}}>
{{#PASSWORD_INVALID}}<p class="field-error" id="password-error">{{PASSWORD_ERROR}}</p>{{/PASSWORD_INVALID}}
<label for="password2">[[account.field.password2]]</label>
<input type="password" id="password2" name="password2" autocomplete="new-password" required{{#PASSWORD2_INVALID}} aria-invalid="true" aria-describedby="password2-error"{{/PASSWORD2_INVALID}}>
{{#PASSWORD2_INVALID}}<p class="field-error" id="password2-error">{{PASSWORD2_ERROR}}</p>{{/PASSWORD2_INVALID}}
{{#COMMUNITY_FIELD}}<label for="community">[[account.field.community]]</label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
<option value="">[[account.field.no_community]]</option>
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
{{/COMMUNITY_FIELD}}{{>SIGNUP_FIELDS}}
<label for="about">[[account.field.about_signup]]</label>
<textarea id="about" name="about" rows="5"{{#ABOUT_INVALID}} aria-invalid="true" aria-describedby="about-error"{{/ABOUT_INVALID}}>{{ABOUT:pre_escape}}</textarea>
{{#ABOUT_INVALID}}<p class="field-error" id="about-error">{{ABOUT_ERROR}}</p>{{/ABOUT_INVALID}}
<div class="actions"><button type="submit">[[account.signup.submit]]</button></div>
</form>
<p>[[account.signup.member]] <a href="/login">[[nav.login]]</a>.</p>
