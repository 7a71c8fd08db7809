{{%AUTOESCAPE context="HTML"}}<h1>[[content.pages.title]]</h1>
<p>[[content.pages.intro]]</p>
{{#CAN_ADD}}<p><a href="/pages/new">[[nav.page_add]]</a></p>{{/CAN_ADD}}
<h2>[[content.pages.regular]]</h2>
{{#NONE}}<p>[[content.pages.none]]</p>{{/NONE}}
<ul class="pages">
{{#PAGE}}<li data-page="{{ID}}"><a href="/pages/{{ID}}">{{TITLE}}</a> <span class="muted">({{#PUBLIC}}[[content.page.public]]{{/PUBLIC}}{{#MEMBERS_ONLY}}[[content.page.members]]{{/MEMBERS_ONLY}}; {{LANGS}})</span>{{#MANAGE}} · <a href="/pages/{{ID}}/edit">[[content.page.edit]]</a>{{/MANAGE}}</li>
{{/PAGE}}</ul>
<h2>[[content.pages.special]]</h2>
<ul class="special-pages">
{{#SPECIAL}}<li>{{#READ}}<a href="{{PATH}}">{{/READ}}{{TITLE}}{{#READ}}</a>{{/READ}}: {{HELP}}{{#CONFIG}} · <a href="/site/pages/{{KEY}}/{{LANG}}">[[content.pages.edit_special]]</a>{{/CONFIG}}</li>
{{/SPECIAL}}</ul>
