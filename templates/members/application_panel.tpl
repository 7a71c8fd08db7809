{{%AUTOESCAPE context="HTML"}}<section class="panel" id="application-panel" aria-labelledby="application-panel-title">
<h2 id="application-panel-title">[[members.application.title]]</h2>
<p class="hint">[[members.application.seen_by]]</p>
{{#REJECTION}}<div class="notice" id="application-end">
<p>{{#REJECTED}}[[members.application.rejected]]{{/REJECTED}}{{#EXPIRED}}[[members.application.expired]]{{/EXPIRED}} {{AT}}{{#BY}} · <a href="/members/{{ID}}">{{NAME}}</a>{{/BY}}</p>
{{#REASON}}<p><strong>[[members.application.reason]]</strong> <span class="reason">{{TEXT}}</span></p>{{/REASON}}
<p class="hint">{{#MAILED}}[[members.application.mailed]]{{/MAILED}}{{#NOT_MAILED}}[[members.application.not_mailed]]{{/NOT_MAILED}}</p>
</div>{{/REJECTION}}
<dl class="application">
{{#BIRTH_DATE}}<dt>[[signup.field.birth_date]]</dt><dd>{{VALUE}}</dd>
{{/BIRTH_DATE}}{{#HEARD_ABOUT}}<dt>[[signup.field.heard_about]]</dt><dd>{{VALUE}}</dd>
{{/HEARD_ABOUT}}{{#TERMS}}<dt>[[members.application.terms]]</dt><dd>{{AT}}</dd>
{{/TERMS}}{{#ANSWER}}<dt>{{QUESTION}}</dt><dd class="answer">{{ANSWER}}</dd>
{{/ANSWER}}</dl>
</section>
