{{%AUTOESCAPE context="HTML"}}<h1>[[account.forgot.title]]</h1>
{{#ASK}}
<p>[[account.forgot.intro]]</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/password/forgot">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="who">[[account.forgot.who]]</label>
<input type="text" id="who" name="who" value="{{WHO}}" autocomplete="username" required>
<div class="actions"><button type="submit">[[account.forgot.submit]]</button></div>
</form>
{{/ASK}}
{{#SENT}}<p role="status">[[account.forgot.sent]]</p>
<p><a href="/login">[[account.forgot.back]]</a></p>{{/SENT}}
