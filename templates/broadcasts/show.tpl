{{%AUTOESCAPE context="HTML"}}<h1>{{SUBJECT}}</h1>
<p class="broadcast-meta" data-state="{{STATE}}">{{#COORDINATORS}}[[broadcasts.kind.coordinators]] · {{/COORDINATORS}}<strong>{{STATE_LABEL}}</strong> · [[broadcasts.show.by author=AUTHOR created=CREATED]]{{#SCHEDULED}} · [[broadcasts.show.scheduled_at at=AT]]{{/SCHEDULED}}{{#SENT}} · [[broadcasts.show.sent_at at=AT]]{{/SENT}}</p>
<p><a href="/broadcasts">[[broadcasts.back_history]]</a></p>
<h2>[[broadcasts.audience.legend]]</h2>
<dl class="audience">
{{#AUDIENCE_TERM}}<dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>
{{/AUDIENCE_TERM}}</dl>
{{#COUNTS}}<p class="reach">[[broadcasts.show.reach n=REACH]] [[broadcasts.show.left_out n=LEFT_OUT]] <a href="/broadcasts/{{ID}}/recipients">[[broadcasts.show.list]]</a></p>{{/COUNTS}}
{{#PROGRESS}}<h2 id="progress-title">[[broadcasts.progress.title]]</h2>
<p>[[broadcasts.show.recipients n=RECIPIENTS]] <a href="/broadcasts/{{ID}}/recipients">[[broadcasts.show.list]]</a></p>
<table class="progress" aria-labelledby="progress-title">
<thead><tr><th scope="col">[[broadcasts.progress.state]]</th><th scope="col">[[broadcasts.progress.count]]</th></tr></thead>
<tbody>
{{#COUNT}}<tr data-state="{{STATE}}"><th scope="row">{{LABEL}}</th><td>{{N}}</td></tr>
{{/COUNT}}</tbody>
</table>
{{#WAITING}}<p class="hint">[[broadcasts.progress.refresh]] <a href="/broadcasts/{{ID}}">[[broadcasts.progress.reload]]</a></p>{{/WAITING}}
{{#RESEND}}<form method="post" action="/broadcasts/{{ID}}/resend" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[broadcasts.resend n=FAILED]]</button>
</form>{{/RESEND}}
{{#COPY}}<form method="post" action="/broadcasts/{{ID}}/copy" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[broadcasts.copy]]</button>
</form>{{/COPY}}
{{#CANCEL}}<form method="post" action="/broadcasts/{{ID}}/cancel" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[broadcasts.cancel]]</button>
</form>{{/CANCEL}}
{{/PROGRESS}}
<h2>[[broadcasts.show.texts]]</h2>
{{#TEXT}}<section class="broadcast-text" lang="{{LANG}}" aria-labelledby="text-{{LANG}}">
<h3 id="text-{{LANG}}">{{LANG_NAME}}{{#PRIMARY}} ([[broadcasts.show.primary]]){{/PRIMARY}}</h3>
<p><strong>[[broadcasts.field.subject]]:</strong> {{SUBJECT}}</p>
<div class="preview">{{BODY_HTML:none}}</div>
<details><summary>[[broadcasts.show.plain]]</summary><pre class="plain">{{PLAIN}}</pre></details>
{{#EDIT}}<p><a href="/broadcasts/{{ID}}/edit?lang={{LANG}}">[[broadcasts.show.edit_text]]</a></p>{{/EDIT}}
</section>
{{/TEXT}}
{{#DRAFT}}<h2>[[broadcasts.show.translate]]</h2>
<form method="get" action="/broadcasts/{{ID}}/edit" class="inline-form">
<label for="add-lang">[[broadcasts.field.lang]]</label>
<select id="add-lang" name="lang">{{#ADD_LANG}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ADD_LANG}}</select>
<button type="submit">[[broadcasts.show.add_text]]</button>
</form>
<h2>[[broadcasts.show.actions]]</h2>
<form method="post" action="/broadcasts/{{ID}}/test" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[broadcasts.test]]</button>
</form>
<form method="post" action="/broadcasts/{{ID}}/send">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="when" value="now">
<button type="submit">[[broadcasts.send n=REACH]]</button>
</form>
<form method="post" action="/broadcasts/{{ID}}/send" aria-labelledby="schedule-title">
<h3 id="schedule-title">[[broadcasts.schedule.title]]</h3>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="when" value="later">
<label for="date">[[broadcasts.schedule.date]]</label>
<input type="date" id="date" name="date" required>
<label for="time">[[broadcasts.schedule.time zone=ZONE]]</label>
<input type="time" id="time" name="time" required>
<div class="actions"><button type="submit">[[broadcasts.schedule.submit]]</button></div>
</form>
<p><a href="/broadcasts/{{ID}}/edit">[[broadcasts.show.edit]]</a></p>
<form method="post" action="/broadcasts/{{ID}}/delete" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="check"><input type="checkbox" id="confirm" name="confirm" value="1" required>
<label for="confirm" class="inline">[[broadcasts.delete_confirm]]</label></p>
<button type="submit">[[broadcasts.delete]]</button>
</form>{{/DRAFT}}
