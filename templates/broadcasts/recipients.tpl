{{%AUTOESCAPE context="HTML"}}<h1>[[broadcasts.recipients.title]]</h1>
<p><a href="/broadcasts/{{ID}}">{{SUBJECT}}</a></p>
<p>[[broadcasts.show.reach n=REACH]]{{#MORE}} [[broadcasts.recipients.more n=SHOWN]]{{/MORE}}</p>
<table class="recipients">
<caption>[[broadcasts.recipients.caption]]</caption>
<thead><tr><th scope="col">[[broadcasts.recipients.name]]</th><th scope="col">[[broadcasts.recipients.username]]</th>{{#CONTACT}}<th scope="col">[[broadcasts.recipients.email]]</th>{{/CONTACT}}<th scope="col">[[broadcasts.recipients.lang]]</th></tr></thead>
<tbody>
{{#RECIPIENT}}<tr data-member="{{MEMBER_ID}}"><th scope="row">{{NAME}}</th><td>{{USERNAME}}</td>{{#CONTACT}}<td>{{EMAIL}}</td>{{/CONTACT}}<td>{{LANG_NAME}}</td></tr>
{{/RECIPIENT}}</tbody>
</table>
