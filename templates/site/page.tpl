{{%AUTOESCAPE context="HTML"}}<h1>[[site.page.heading name=TITLE]]</h1>
<p>[[site.page.language lang=LANGUAGE]]</p>
<p>{{HELP}}</p>
{{#NO_TEXT}}<p>[[site.page.no_text lang=DEFAULT_LANGUAGE]]</p>{{/NO_TEXT}}
{{#PREVIEW}}<h2>[[site.page.preview]]</h2>
<div class="markup special-preview">{{BODY_HTML:none}}</div>{{/PREVIEW}}
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<h2>[[site.page.edit]]</h2>
<form method="post" action="/site/pages/{{KEY}}/{{TAG}}" class="page-edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="body">[[site.page.body]]</label>
<textarea id="body" name="body" rows="16" lang="{{TAG}}" aria-describedby="body-hint{{#BODY_INVALID}} body-error{{/BODY_INVALID}}"{{#BODY_INVALID}} aria-invalid="true"{{/BODY_INVALID}}>{{BODY:pre_escape}}</textarea>
<p class="hint" id="body-hint">[[site.page.markup_hint]]</p>
{{#BODY_INVALID}}<p class="field-error" id="body-error">{{BODY_ERROR}}</p>{{/BODY_INVALID}}
<div class="actions"><button type="submit">[[button.save]]</button></div>
</form>
<h2>[[site.page.versions]]</h2>
<table class="versions">
<caption>[[site.page.versions_caption name=TITLE]]</caption>
<thead>
<tr><th scope="col">[[site.page.col.version]]</th><th scope="col">[[site.history.col.when]]</th><th scope="col">[[site.history.col.who]]</th><th scope="col">[[site.history.col.action]]</th></tr>
</thead>
<tbody>
{{#VERSION}}<tr><td>[[site.page.version id=ID]], [[site.page.chars n=CHARS]]{{#RESTORED}} <span class="tag">[[site.page.restored_from id=FROM]]</span>{{/RESTORED}}</td><td>{{AT}}</td><td>{{WHO}}</td><td>{{#CURRENT}}[[site.history.current]]{{/CURRENT}}{{#RESTORE}}<form method="post" action="/site/pages/{{KEY}}/{{TAG}}/restore" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{ID}}">
<button type="submit">[[site.history.restore]]</button>
</form>{{/RESTORE}}</td></tr>
{{/VERSION}}</tbody>
</table>
<p><a href="/site/pages">[[site.page.back]]</a></p>
