{{%AUTOESCAPE context="HTML"}}<h1>[[account.awaiting.title]]</h1>
{{#AWAITING}}<div class="markup awaiting">{{AWAITING_HTML:none}}</div>{{/AWAITING}}{{#STOCK_AWAITING}}<p>[[account.awaiting.intro]]</p>{{/STOCK_AWAITING}}
<h2>[[account.awaiting.while]]</h2>
<ul>
<li><a href="/me">[[account.awaiting.edit]]</a>: [[account.awaiting.edit_what]]</li>
<li><a href="/me/password">[[password.title]]</a>.</li>
</ul>
