{{%AUTOESCAPE context="HTML"}}{{#VISITOR}}<h1>[[account.home.welcome]]</h1>
{{#WELCOME}}<div class="markup welcome">{{WELCOME_HTML:none}}</div>{{/WELCOME}}{{#STOCK_WELCOME}}<p>[[account.home.about]]</p>{{/STOCK_WELCOME}}
<ul>
<li><a href="/login">[[nav.login]]</a> [[account.home.login_if]]</li>
<li><a href="/signup">[[nav.signup]]</a> [[account.home.signup_if]]</li>
</ul>{{/VISITOR}}
{{#MEMBER}}<h1>[[account.home.hello]]</h1>
<h2>[[account.home.balance.title]]</h2>
<p class="balance">[[account.home.balance.is]] <strong>{{BALANCE}}</strong> [[account.home.balance.hours]] <a href="/exchanges">[[account.home.balance.statement]]</a> · <a href="/exchanges/new">[[account.home.balance.record]]</a></p>
{{>PENDING_PANEL}}
{{#HAS_GRANTS}}<h2>[[account.home.roles]]</h2>
<ul>
{{#GRANT}}<li>{{#SITE}}[[account.home.grant.site]]{{/SITE}}{{#COMMUNITY}}[[account.home.grant.community]]{{/COMMUNITY}}{{#LANGUAGE}}[[account.home.grant.language]]{{/LANGUAGE}}</li>
{{/GRANT}}</ul>{{/HAS_GRANTS}}
<h2>[[account.home.where]]</h2>
<ul>
<li><a href="/me">[[account.home.profile]]</a>: [[account.home.profile_what]]</li>
<li><a href="/me/password">[[password.title]]</a>.</li>
{{#COORDINATOR}}<li><a href="/members/roles">[[account.home.matrix]]</a>: [[account.home.matrix_what]]</li>
{{/COORDINATOR}}</ul>{{/MEMBER}}
