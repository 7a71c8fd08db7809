{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<dl class="event">
<dt>[[broadcasts.events.starts]]</dt><dd>[[broadcasts.events.when date=START_DATE time=START_TIME]]</dd>
<dt>[[broadcasts.events.ends]]</dt><dd>[[broadcasts.events.when date=END_DATE time=END_TIME]]</dd>
{{#HAS_PLACE}}<dt>[[broadcasts.events.place]]</dt><dd>{{PLACE}}</dd>{{/HAS_PLACE}}
<dt>[[broadcasts.events.for]]</dt><dd>{{COMMUNITY}}</dd>
</dl>
<div class="description">{{DESCRIPTION_HTML:none}}</div>
<p><a href="/events">[[broadcasts.events.see_list]]</a>{{#MANAGE}} · <a href="/events/{{ID}}/edit">[[broadcasts.events.edit]]</a>{{/MANAGE}}</p>
