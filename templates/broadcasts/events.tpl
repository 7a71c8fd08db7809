{{%AUTOESCAPE context="HTML"}}<h1>[[broadcasts.events.title]]</h1>
<p>{{#UPCOMING}}<a href="/events?past=1">[[broadcasts.events.see_past]]</a>{{/UPCOMING}}{{#PAST}}<a href="/events">[[broadcasts.events.see_upcoming]]</a>{{/PAST}} · <a href="/events/month">[[broadcasts.events.see_month]]</a>{{#MANAGE}} · <a href="/events/new">[[nav.event_add]]</a>{{/MANAGE}}</p>
<h2>{{#UPCOMING}}[[broadcasts.events.upcoming]]{{/UPCOMING}}{{#PAST}}[[broadcasts.events.past]]{{/PAST}}</h2>
{{#NONE}}<p>[[broadcasts.events.none]]</p>{{/NONE}}
<ul class="events">
{{#EVENT}}<li data-event="{{ID}}"><a href="/events/{{ID}}">{{TITLE}}</a>: [[broadcasts.events.when date=DATE time=TIME]]{{#HAS_PLACE}} [[broadcasts.events.at_place place=PLACE]]{{/HAS_PLACE}} <span class="muted">[[broadcasts.events.for_whom community=COMMUNITY]]</span></li>
{{/EVENT}}</ul>
