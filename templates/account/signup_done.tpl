{{%AUTOESCAPE context="HTML"}}<h1>[[account.signup_done.title]]</h1>
<p>[[account.signup_done.thanks]]</p>
<p>[[account.signup_done.before]] <a href="/login">[[account.signup_done.login]]</a> [[account.signup_done.after]]</p>
