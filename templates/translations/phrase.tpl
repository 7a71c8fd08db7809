{{%AUTOESCAPE context="HTML"}}<h1>[[translations.phrase.title]]</h1>
<p><a href="/translations/{{TAG}}">[[translations.phrase.back]]</a></p>
<dl class="phrase">
<dt>[[translations.phrase.key]]</dt><dd><code>{{KEY}}</code> ({{AREA}})</dd>
<dt>[[translations.phrase.note]]</dt><dd>{{NOTE}}</dd>
<dt>[[translations.phrase.used_in]]</dt><dd>{{USED_IN}}</dd>
{{#SINGULAR}}<dt>[[translations.col.english]]</dt><dd lang="en" class="english">{{ENGLISH}}</dd>{{/SINGULAR}}
{{#PLURAL}}<dt>[[translations.phrase.english_one]]</dt><dd lang="en" class="english">{{ONE}}</dd>
<dt>[[translations.phrase.english_other]]</dt><dd lang="en" class="english">{{OTHER}}</dd>{{/PLURAL}}
{{#PLACEHOLDERS}}<dt>[[translations.phrase.placeholders]]</dt><dd><code>{{LIST}}</code></dd>{{/PLACEHOLDERS}}
<dt>[[translations.col.state]]</dt><dd>{{#STATE_MISSING}}[[translations.state.missing]]{{/STATE_MISSING}}{{#STATE_STALE}}[[translations.state.stale]]{{/STATE_STALE}}{{#STATE_DONE}}[[translations.state.done]]{{/STATE_DONE}}</dd>
</dl>
{{#STALE}}<section class="stale" aria-labelledby="stale-title">
<h2 id="stale-title">[[translations.phrase.changed]]</h2>
<p>[[translations.phrase.made_from]] <q lang="en">{{FROM}}</q></p>
<p class="diff" lang="en">{{#DIFF}}{{#SAME}}{{TEXT}}{{/SAME}}{{#REMOVED}}<del>{{TEXT}}</del>{{/REMOVED}}{{#ADDED}}<ins>{{TEXT}}</ins>{{/ADDED}}{{/DIFF}}</p>
</section>{{/STALE}}
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/translations/{{TAG}}/phrases/{{ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#FORM}}<label for="{{FIELD}}">{{#EXAMPLE}}[[translations.phrase.form_n index=INDEX n=N]]{{/EXAMPLE}}{{#ONE_FORM}}[[translations.phrase.translation]]{{/ONE_FORM}}</label>
<textarea id="{{FIELD}}" name="{{FIELD}}" rows="3" lang="{{TAG}}"{{#RTL}} dir="rtl"{{/RTL}}{{#FORM0_INVALID}} aria-invalid="true" aria-describedby="form0-error"{{/FORM0_INVALID}}>{{TEXT:pre_escape}}</textarea>
{{/FORM}}{{#FORM0_INVALID}}<p class="field-error" id="form0-error">{{FORM0_ERROR}}</p>{{/FORM0_INVALID}}
<label><input type="checkbox" name="fuzzy" value="1"{{#FUZZY_CHECKED}} checked{{/FUZZY_CHECKED}}> [[translations.phrase.fuzzy]]</label>
<div class="actions"><button type="submit">[[translations.phrase.save]]</button></div>
</form>
