{{%AUTOESCAPE context="HTML"}}<h1>[[content.links.title]]</h1>
<p><a href="/news">[[content.news.title]]</a>{{#CAN_ADD}} · <a href="/links/new">[[nav.link_add]]</a>{{/CAN_ADD}}</p>
{{#NONE}}<p>[[content.links.none]]</p>{{/NONE}}
<ul class="links">
{{#LINK}}<li data-link="{{ID}}"><a href="{{URL}}" rel="noopener noreferrer">{{TITLE}}</a>{{#MANAGE}} · <a href="/links/{{ID}}/edit">[[content.link.edit]]</a>{{/MANAGE}}
{{BODY_HTML:none}}</li>
{{/LINK}}</ul>
