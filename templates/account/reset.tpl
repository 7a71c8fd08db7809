{{%AUTOESCAPE context="HTML"}}<h1>[[account.reset.title]]</h1>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="{{PATH}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="password">[[account.field.new_password]] <span class="hint">[[account.field.password_hint]]</span></label>
<input type="password" id="password" name="password" autocomplete="new-password" required{{#PASSWORD_INVALID}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_INVALID}}>
{{#PASSWORD_INVALID}}<p class="field-error" id="password-error">{{PASSWORD_ERROR}}</p>{{/PASSWORD_INVALID}}
<label for="password2">[[account.field.new_password2]]</label>
<input type="password" id="password2" name="password2" autocomplete="new-password" required{{#PASSWORD2_INVALID}} aria-invalid="true" aria-describedby="password2-error"{{/PASSWORD2_INVALID}}>
{{#PASSWORD2_INVALID}}<p class="field-error" id="password2-error">{{PASSWORD2_ERROR}}</p>{{/PASSWORD2_INVALID}}
<div class="actions"><button type="submit">[[account.reset.submit]]</button></div>
</form>
