{{%AUTOESCAPE context="HTML"}}<h1>[[translations.queue.title]]</h1>
<p><a href="/translations">[[translations.queue.back]]</a> · <a href="/translations/{{TAG}}/export.po">[[translations.queue.export]]</a> · <a href="/translations/{{TAG}}/import">[[translations.queue.import]]</a></p>
<p>[[translations.queue.summary]]</p>
<details class="areas"><summary>[[translations.queue.by_area]]</summary>
<table class="progress">
<caption>[[translations.queue.area_caption]]</caption>
<thead><tr><th scope="col">[[translations.col.area]]</th><th scope="col">[[translations.col.done]]</th><th scope="col">[[translations.col.stale]]</th><th scope="col">[[translations.col.missing]]</th></tr></thead>
<tbody>
{{#AREA}}<tr><th scope="row">{{NAME}}</th><td>[[translations.count.percent count=COUNT_DONE percent=PERCENT_DONE]]</td><td>[[translations.count.percent count=COUNT_STALE percent=PERCENT_STALE]]</td><td>[[translations.count.percent count=COUNT_MISSING percent=PERCENT_MISSING]]</td></tr>
{{/AREA}}</tbody>
</table>
</details>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="get" action="/translations/{{TAG}}" class="filters" role="search" aria-labelledby="filters-title">
<h2 id="filters-title">[[translations.queue.filters]]</h2>
<label for="state">[[translations.queue.state]]</label>
<select id="state" name="state">{{#STATE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATE_OPTION}}</select>
<label for="area">[[translations.col.area]]</label>
<select id="area" name="area"><option value="">[[translations.queue.any_area]]</option>{{#AREA_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AREA_OPTION}}</select>
<label for="q">[[translations.queue.text]]</label>
<input type="search" id="q" name="q" value="{{Q}}" maxlength="64"{{#Q_INVALID}} aria-invalid="true" aria-describedby="q-error"{{/Q_INVALID}}>
{{#Q_INVALID}}<p class="field-error" id="q-error">{{Q_ERROR}}</p>{{/Q_INVALID}}
<div class="actions"><button type="submit">[[translations.queue.show]]</button></div>
</form>
<h2>[[translations.queue.phrases]]</h2>
{{#EMPTY}}<p>[[translations.queue.empty]]</p>{{/EMPTY}}
<div class="table-scroll"><table class="queue">
<caption>[[translations.queue.caption]]</caption>
<thead><tr><th scope="col">[[translations.col.english]]</th><th scope="col">[[translations.col.translation]]</th><th scope="col">[[translations.col.state]]</th></tr></thead>
<tbody>
{{#PHRASE}}<tr data-key="{{KEY}}"><td><a href="/translations/{{TAG}}/phrases/{{ID}}">{{ENGLISH}}</a><br><small class="muted">{{KEY}}</small></td><td lang="{{TAG}}">{{TEXT}}</td><td>{{#MISSING}}[[translations.state.missing]]{{/MISSING}}{{#STALE}}[[translations.state.stale]]{{/STALE}}{{#DONE}}[[translations.state.done]]{{/DONE}}</td></tr>
{{/PHRASE}}</tbody>
</table></div>
{{#NEXT}}<p><a href="{{NEXT_HREF}}" rel="next">[[translations.queue.next]]</a></p>{{/NEXT}}
