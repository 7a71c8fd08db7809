{{%AUTOESCAPE context="HTML"}}<h1>[[translations.import.title]]</h1>
<p><a href="/translations/{{TAG}}">[[translations.phrase.back]]</a></p>
<p>[[translations.import.intro]]</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
{{#PREVIEW}}<section class="preview" aria-labelledby="preview-title">
<h2 id="preview-title">[[translations.import.preview]]</h2>
<p>[[translations.import.counts]]</p>
{{#HAS_CHANGES}}<table class="changes">
<caption>[[translations.import.changes]]</caption>
<thead><tr><th scope="col">[[translations.phrase.key]]</th><th scope="col">[[translations.import.before]]</th><th scope="col">[[translations.import.after]]</th></tr></thead>
<tbody>
{{#CHANGE}}<tr><th scope="row"><code>{{KEY}}</code></th><td lang="{{TAG}}">{{BEFORE}}</td><td lang="{{TAG}}">{{AFTER}}</td></tr>
{{/CHANGE}}</tbody>
</table>{{/HAS_CHANGES}}
{{#HAS_LEFT_OUT}}<h3>[[translations.import.left_out]]</h3>
<ul>{{#LEFT_OUT}}<li>[[translations.import.left_out_item line=LINE key=KEY why=WHY]]</li>
{{/LEFT_OUT}}</ul>{{/HAS_LEFT_OUT}}
</section>{{/PREVIEW}}
<form method="post" action="/translations/{{TAG}}/import">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="po">[[translations.import.file]]</label>
<textarea id="po" name="po" rows="16" required{{#PO_INVALID}} aria-invalid="true" aria-describedby="po-error"{{/PO_INVALID}}>{{PO:pre_escape}}</textarea>
{{#PO_INVALID}}<p class="field-error" id="po-error">{{PO_ERROR}}</p>{{/PO_INVALID}}
<div class="actions"><button type="submit">[[translations.import.check]]</button>{{#CONFIRM}} <button type="submit" name="confirm" value="1">[[translations.import.confirm]]</button>{{/CONFIRM}}</div>
</form>
