{{%AUTOESCAPE context="HTML"}}<h1>[[account.awaiting.title]]</h1>
<p>[[account.awaiting.intro]]</p>
<h2>[[account.awaiting.while]]</h2>
<ul>
<li><a href="/me">[[account.awaiting.edit]]</a>: [[account.awaiting.edit_what]]</li>
<li><a href="/me/password">[[password.title]]</a>.</li>
</ul>
