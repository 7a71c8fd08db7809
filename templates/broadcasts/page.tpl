{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<div class="description">{{BODY_HTML:none}}</div>
{{#MANAGE}}<p>{{#MEMBERS_ONLY}}[[content.page.members_only]] {{/MEMBERS_ONLY}}<a href="/pages/{{ID}}/edit">[[content.page.edit]]</a> · <a href="/pages">[[content.pages.title]]</a></p>{{/MANAGE}}
