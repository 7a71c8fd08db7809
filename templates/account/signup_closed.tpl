{{%AUTOESCAPE context="HTML"}}<h1>[[account.signup.title]]</h1>
<p class="notice" id="signup-closed">[[account.signup.closed]]</p>
<p><a href="/login">[[nav.login]]</a></p>
