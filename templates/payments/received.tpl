{{%AUTOESCAPE context="HTML"}}<h1>[[payments.received.heading]]</h1>
<form method="get" action="/payments/received" class="filters">
<label for="from">[[payments.received.from]]</label>
<input type="date" id="from" name="from" value="{{FROM}}">
<label for="to">[[payments.received.to]]</label>
<input type="date" id="to" name="to" value="{{TO}}">
<label for="method">[[payments.col.method]]</label>
<select id="method" name="method"><option value="">[[payments.due.filter.any]]</option>{{#METHOD_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/METHOD_OPTION}}</select>
<div class="actions"><button type="submit">[[payments.due.filter.apply]]</button></div>
</form>
<p><a href="/payments/received.csv?from={{FROM}}&amp;to={{TO}}&amp;method={{METHOD_NAME}}">[[payments.due.csv]]</a></p>
<table class="totals">
<caption>[[payments.received.totals]]</caption>
<thead><tr><th scope="col">[[payments.col.method]]</th><th scope="col">[[payments.received.count]]</th><th scope="col">[[payments.col.amount]]</th></tr></thead>
<tbody>
{{#TOTAL}}<tr><th scope="row">{{METHOD}}</th><td>{{COUNT}}</td><td>{{AMOUNT}}</td></tr>
{{/TOTAL}}</tbody>
{{#GRAND}}<tfoot>{{#ALL}}<tr class="total"><th scope="row">[[payments.received.all_methods]]</th><td>{{COUNT}}</td><td>{{AMOUNT}}</td></tr>
{{/ALL}}</tfoot>{{/GRAND}}
</table>
{{#NONE}}<p>[[payments.received.none]]</p>{{/NONE}}
<table class="received">
<caption>[[payments.received.caption]]</caption>
<thead><tr><th scope="col">[[payments.col.paid_on]]</th><th scope="col">[[payments.col.member]]</th><th scope="col">[[payments.col.amount]]</th><th scope="col">[[payments.col.method]]</th><th scope="col">[[payments.col.reference]]</th><th scope="col">[[payments.col.period]]</th><th scope="col">[[payments.col.recorded_by]]</th></tr></thead>
<tbody>
{{#ROW}}<tr><td>{{PAID_ON}}</td><td><a href="/payments/members/{{MEMBER_ID}}">{{NAME}}</a></td><td>{{AMOUNT}}</td><td>{{METHOD}}</td><td>{{REFERENCE}}</td><td>{{PERIOD}}</td><td>{{RECORDED_BY}}</td></tr>
{{/ROW}}</tbody>
</table>
{{#MORE}}<p>[[payments.due.more]]</p>{{/MORE}}
