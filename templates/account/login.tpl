{{%AUTOESCAPE context="HTML"}}<h1>[[nav.login]]</h1>
{{#LOGGED_IN}}<p>[[account.login.logged_in]]</p>{{/LOGGED_IN}}
{{#LOGIN_ERROR}}<p class="error" role="alert" id="login-error">{{MESSAGE}}</p>{{/LOGIN_ERROR}}
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/login">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#NEXT}}<input type="hidden" name="next" value="{{PATH}}">{{/NEXT}}
<label for="username">[[account.field.username]]</label>
<input type="text" id="username" name="username" value="{{USERNAME}}" autocomplete="username" autocapitalize="none" spellcheck="false" required{{#USERNAME_INVALID}} aria-invalid="true" aria-describedby="username-error"{{/USERNAME_INVALID}}>
{{#USERNAME_INVALID}}<p class="field-error" id="username-error">{{USERNAME_ERROR}}</p>{{/USERNAME_INVALID}}
<label for="password">[[account.field.password]]</label>
<input type="password" id="password" name="password" autocomplete="current-password" required{{#PASSWORD_INVALID}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_INVALID}}>
{{#PASSWORD_INVALID}}<p class="field-error" id="password-error">{{PASSWORD_ERROR}}</p>{{/PASSWORD_INVALID}}
<div class="actions"><button type="submit">[[nav.login]]</button></div>
</form>
<p><a href="/password/forgot">[[account.forgot.link]]</a></p>
<p>[[account.login.new]] <a href="/signup">[[nav.signup]]</a>.</p>
