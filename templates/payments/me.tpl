{{%AUTOESCAPE context="HTML"}}<h1>[[payments.me.heading]]</h1>
<p class="status" data-status="{{STATUS_NAME}}">[[payments.member.status]] <strong>{{STATUS}}</strong></p>
{{#NO_SUB}}<p>[[payments.me.no_sub]]</p>{{/NO_SUB}}
{{#HOW}}<p><a href="/payments/how">[[payments.me.how]]</a></p>{{/HOW}}
{{#SUB}}<dl class="facts">
<dt>[[payments.col.type]]</dt><dd>{{TYPE_NAME}} ({{KIND}}, {{AMOUNT}})</dd>
<dt>[[payments.col.renewal]]</dt><dd>{{RENEWAL}}</dd>
<dt>[[payments.col.preference]]</dt><dd>{{PREFERENCE}}</dd>
</dl>{{/SUB}}
{{#HOUSEHOLD_MEMBER}}<p>[[payments.me.paid_by name=HEAD_NAME]]</p>{{/HOUSEHOLD_MEMBER}}
<h2>[[payments.member.charges_heading]]</h2>
{{#NO_CHARGES}}<p>[[payments.member.no_charges]]</p>{{/NO_CHARGES}}
<table class="charges">
<caption>[[payments.member.charges_caption]]</caption>
<thead><tr><th scope="col">[[payments.col.period]]</th><th scope="col">[[payments.col.amount]]</th><th scope="col">[[payments.col.paid]]</th><th scope="col">[[payments.col.left]]</th></tr></thead>
<tbody>
{{#CHARGE}}<tr><td>{{START}} – {{END}}</td><td>{{AMOUNT}}</td><td>{{PAID}}</td><td>{{LEFT}}</td></tr>
{{/CHARGE}}</tbody>
</table>
<h2>[[payments.member.payments_heading]]</h2>
{{#NO_PAYMENTS}}<p>[[payments.member.no_payments]]</p>{{/NO_PAYMENTS}}
<table class="payments">
<caption>[[payments.member.payments_caption]]</caption>
<thead><tr><th scope="col">[[payments.col.paid_on]]</th><th scope="col">[[payments.col.amount]]</th><th scope="col">[[payments.col.method]]</th><th scope="col">[[payments.col.period]]</th></tr></thead>
<tbody>
{{#PAYMENT}}<tr><td>{{PAID_ON}}</td><td>{{AMOUNT}}{{#HOURS}} [[payments.member.in_hours hours=HOURS]]{{/HOURS}}</td><td>{{METHOD}}</td><td>{{PERIOD}}</td></tr>
{{/PAYMENT}}</tbody>
</table>
