{{%AUTOESCAPE context="HTML"}}<h1>[[broadcasts.alerts.title]]</h1>
<p>[[broadcasts.alerts.intro]]</p>
<p><a href="/alerts/new">[[nav.alert_add]]</a></p>
{{#NONE}}<p>[[broadcasts.alerts.none]]</p>{{/NONE}}
<div class="scroll">
<table class="alerts-list">
<caption>[[broadcasts.alerts.caption]]</caption>
<thead><tr><th scope="col">[[broadcasts.alerts.message]]</th><th scope="col">[[broadcasts.alerts.when]]</th><th scope="col">[[broadcasts.alerts.starts_on]]</th><th scope="col">[[broadcasts.alerts.ends_on]]</th><th scope="col">[[broadcasts.audience.community]]</th><th scope="col">[[broadcasts.alerts.dismissed]]</th><th scope="col">[[broadcasts.alerts.actions]]</th></tr></thead>
<tbody>
{{#ALERT}}<tr data-alert="{{ID}}"><td>{{MESSAGE_HTML:none}}</td><td>{{WHEN}}</td><td>{{FROM}}</td><td>{{TO}}</td><td>{{COMMUNITY}}</td><td>{{DISMISSED}}</td><td><a href="/alerts/{{ID}}/edit">[[broadcasts.alerts.edit from=FROM]]</a></td></tr>
{{/ALERT}}</tbody>
</table>
</div>
