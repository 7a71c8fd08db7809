{{%AUTOESCAPE context="HTML"}}<h1>[[reports.title]]</h1>
<p>[[reports.intro]]</p>
<ul class="reports" id="reports">
{{#REPORT}}<li data-report="{{KEY}}"><a href="{{HREF}}">{{TITLE}}</a>: {{INTRO}}</li>
{{/REPORT}}</ul>
