{{%AUTOESCAPE context="HTML"}}<h1>[[broadcasts.events.month_heading month=MONTH]]</h1>
<p><a href="/events/month?m={{PREV}}">[[broadcasts.events.prev_month]]</a> · <a href="/events/month?m={{NEXT}}">[[broadcasts.events.next_month]]</a> · <a href="/events">[[broadcasts.events.see_list]]</a></p>
<div class="scroll">
<table class="month">
<caption>[[broadcasts.events.month_caption month=MONTH]]</caption>
<thead><tr>{{#WEEKDAY}}<th scope="col">{{NAME}}</th>{{/WEEKDAY}}</tr></thead>
<tbody>
{{#WEEK}}<tr>{{#DAY}}<td>{{#DATE}}<span class="day">{{N}}</span>{{/DATE}}{{#EVENT}}<a href="/events/{{ID}}" class="event" data-event="{{ID}}">{{TIME}} {{TITLE}}</a>{{/EVENT}}</td>{{/DAY}}</tr>
{{/WEEK}}</tbody>
</table>
</div>
