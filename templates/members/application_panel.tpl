{{%AUTOESCAPE context="HTML"}}<section class="panel" id="application-panel" aria-labelledby="application-panel-title">
<h2 id="application-panel-title">[[members.application.title]]</h2>
<p class="hint">[[members.application.seen_by]]</p>
<dl class="application">
{{#BIRTH_DATE}}<dt>[[signup.field.birth_date]]</dt><dd>{{VALUE}}</dd>
{{/BIRTH_DATE}}{{#HEARD_ABOUT}}<dt>[[signup.field.heard_about]]</dt><dd>{{VALUE}}</dd>
{{/HEARD_ABOUT}}{{#TERMS}}<dt>[[members.application.terms]]</dt><dd>{{AT}}</dd>
{{/TERMS}}{{#ANSWER}}<dt>{{QUESTION}}</dt><dd class="answer">{{ANSWER}}</dd>
{{/ANSWER}}</dl>
</section>
