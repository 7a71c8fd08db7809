{{%AUTOESCAPE context="HTML"}}<h1>[[members.applications.title]]</h1>
<p>[[members.applications.intro days=WAITING_DAYS]] <a href="/members?status=applying&amp;sort=joined">[[members.dashboard.waiting_all]]</a>.</p>
<section aria-labelledby="late-title">
<h2 id="late-title">[[members.applications.late_title n=N_LATE]]</h2>
{{#NONE}}<p>[[members.applications.none]]</p>{{/NONE}}
<ol id="late-applications">
{{#APP}}<li data-id="{{ID}}"><a href="/members/{{ID}}">{{NAME}}</a> ({{USERNAME}}), [[members.applications.waiting_since date=JOINED days=DAYS]]</li>
{{/APP}}</ol>
</section>
<section aria-labelledby="expire-title">
<h2 id="expire-title">[[members.applications.expire_title]]</h2>
<p>[[members.applications.expire_intro]]</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/members/applications/expire">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="days">[[members.applications.expire_days]]</label>
<input type="number" id="days" name="days" min="1" max="3650" value="{{DAYS}}" required{{#DAYS_INVALID}} aria-invalid="true" aria-describedby="days-error"{{/DAYS_INVALID}}>
{{#DAYS_INVALID}}<p class="field-error" id="days-error">{{DAYS_ERROR}}</p>{{/DAYS_INVALID}}
<div class="actions"><button type="submit">[[members.applications.preview]]</button></div>
</form>
</section>
