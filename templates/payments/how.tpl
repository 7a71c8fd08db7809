{{%AUTOESCAPE context="HTML"}}<h1>[[special.payments]]</h1>
<div class="markup special">{{BODY_HTML:none}}</div>
<p><a href="/payments/me">[[payments.how.back]]</a></p>
