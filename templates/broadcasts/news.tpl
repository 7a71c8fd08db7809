{{%AUTOESCAPE context="HTML"}}<h1>[[content.news.title]]</h1>
<p><a href="/links">[[content.links.title]]</a>{{#CAN_ADD}} · <a href="/news/new">[[nav.news_add]]</a>{{/CAN_ADD}}</p>
{{#NO_NEWS}}<p>[[content.news.none]]</p>{{/NO_NEWS}}
{{#NEWS}}<article class="news" data-news="{{ID}}">
<h2>{{TITLE}}</h2>
<p class="muted"><time datetime="{{ISO_DATE}}">{{DATE}}</time>{{#MANAGE}} · <a href="/news/{{ID}}/edit">[[content.news.edit]]</a>{{/MANAGE}}</p>
{{BODY_HTML:none}}
</article>
{{/NEWS}}{{#HAS_PAGES}}<h2>[[content.news.pages]]</h2>
<ul class="pages">
{{#PAGE}}<li data-page="{{ID}}"><a href="/pages/{{ID}}">{{TITLE}}</a></li>
{{/PAGE}}</ul>{{/HAS_PAGES}}
