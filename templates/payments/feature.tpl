{{%AUTOESCAPE context="HTML"}}<h1>[[payments.feature.heading]]</h1>
{{#ON}}<p>[[payments.feature.is_on]]</p>
<form method="post" action="/payments/feature">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="state" value="off">
<div class="actions"><button type="submit">[[payments.feature.turn_off]]</button></div>
</form>{{/ON}}
{{#OFF}}<p>[[payments.feature.is_off]]</p>
{{#PREVIEW}}<h2>[[payments.feature.preview_heading]]</h2>
{{#NOBODY}}<p>[[payments.feature.nobody]]</p>{{/NOBODY}}
<p>[[payments.feature.would_mail n=COUNT]]</p>
<ul class="recipients">{{#RECIPIENT}}<li>{{NAME}}</li>{{/RECIPIENT}}</ul>
{{#MORE}}<p>[[payments.feature.more]]</p>{{/MORE}}
<form method="post" action="/payments/feature">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="state" value="on">
<input type="hidden" name="confirm" value="1">
<div class="actions"><button type="submit">[[payments.feature.confirm]]</button></div>
</form>{{/PREVIEW}}
<form method="post" action="/payments/feature">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="state" value="on">
<div class="actions"><button type="submit">[[payments.feature.turn_on]]</button></div>
</form>{{/OFF}}
<p>[[payments.feature.currency code=CURRENCY]]</p>
