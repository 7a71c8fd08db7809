{{%AUTOESCAPE context="HTML"}}<h1>[[password.title]]</h1>
<p>[[account.password.intro]]</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/me/password">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="text" name="username" value="{{USERNAME}}" autocomplete="username" hidden>
<label for="current">[[account.field.current_password]]</label>
<input type="password" id="current" name="current" autocomplete="current-password" required{{#CURRENT_INVALID}} aria-invalid="true" aria-describedby="current-error"{{/CURRENT_INVALID}}>
{{#CURRENT_INVALID}}<p class="field-error" id="current-error">{{CURRENT_ERROR}}</p>{{/CURRENT_INVALID}}
<label for="password">[[account.field.new_password]] <span class="hint">[[account.field.password_hint]]</span></label>
<input type="password" id="password" name="password" autocomplete="new-password" required{{#PASSWORD_INVALID}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_INVALID}}>
{{#PASSWORD_INVALID}}<p class="field-error" id="password-error">{{PASSWORD_ERROR}}</p>{{/PASSWORD_INVALID}}
<label for="password2">[[account.field.new_password2]]</label>
<input type="password" id="password2" name="password2" autocomplete="new-password" required{{#PASSWORD2_INVALID}} aria-invalid="true" aria-describedby="password2-error"{{/PASSWORD2_INVALID}}>
{{#PASSWORD2_INVALID}}<p class="field-error" id="password2-error">{{PASSWORD2_ERROR}}</p>{{/PASSWORD2_INVALID}}
<div class="actions"><button type="submit">[[account.password.submit]]</button></div>
</form>
