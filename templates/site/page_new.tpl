{{%AUTOESCAPE context="HTML"}}<h1>[[site.pages.new.title]]</h1>
<p>[[site.pages.new.intro]]</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="get" action="/site/pages/new">
<label for="page">[[site.pages.new.page]]</label>
<select id="page" name="page"{{#PAGE_INVALID}} aria-invalid="true" aria-describedby="page-error"{{/PAGE_INVALID}}>{{#PAGE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PAGE_OPTION}}</select>
{{#PAGE_INVALID}}<p class="field-error" id="page-error">{{PAGE_ERROR}}</p>{{/PAGE_INVALID}}
<label for="lang">[[site.pages.new.lang]]</label>
<select id="lang" name="lang"{{#LANG_INVALID}} aria-invalid="true" aria-describedby="lang-error"{{/LANG_INVALID}}>{{#LANG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANG_OPTION}}</select>
{{#LANG_INVALID}}<p class="field-error" id="lang-error">{{LANG_ERROR}}</p>{{/LANG_INVALID}}
<div class="actions"><button type="submit">[[site.pages.new.button]]</button></div>
</form>
<p><a href="/site/pages">[[site.pages.new.back]]</a></p>
