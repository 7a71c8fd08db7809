{{%AUTOESCAPE context="HTML"}}<h1>[[account.signup.title]]</h1>
{{#NO_TOKEN}}<p class="notice" id="signup-invite-only">[[account.signup.invite_only]]</p>{{/NO_TOKEN}}
{{#BAD_TOKEN}}<p class="notice" id="signup-invite-bad">[[account.signup.invite_bad]]</p>{{/BAD_TOKEN}}
<p><a href="/login">[[nav.login]]</a></p>
