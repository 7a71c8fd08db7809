{{%AUTOESCAPE context="HTML"}}<h1>[[translations.languages.title]]</h1>
<p>[[translations.languages.intro]]</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<table class="languages">
<caption>[[translations.languages.caption]]</caption>
<thead>
<tr><th scope="col">[[translations.col.tag]]</th><th scope="col">[[translations.col.language]]</th><th scope="col">[[translations.col.settings]]</th></tr>
</thead>
<tbody>
{{#LANGUAGE}}<tr data-lang="{{TAG}}"><th scope="row">{{TAG}}</th><td lang="{{TAG}}">{{NAME}}</td><td>{{#SOURCE}}[[translations.languages.source]]{{/SOURCE}}{{#EDIT}}<form method="post" action="/translations/languages/{{TAG}}" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="tag" value="{{TAG}}">
<label for="name-{{TAG}}">[[translations.languages.name]]</label>
<input type="text" id="name-{{TAG}}" name="name" value="{{NAME}}" required maxlength="64">
<label for="dir-{{TAG}}">[[translations.languages.dir]]</label>
<select id="dir-{{TAG}}" name="dir">{{#DIR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/DIR_OPTION}}</select>
<label for="plural-{{TAG}}">[[translations.languages.plural]]</label>
<input type="text" id="plural-{{TAG}}" name="plural" value="{{PLURAL}}" required maxlength="255" class="wide">
<label for="decimal-{{TAG}}">[[translations.languages.decimal]]</label>
<select id="decimal-{{TAG}}" name="decimal">{{#DECIMAL_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/DECIMAL_OPTION}}</select>
<label for="order-{{TAG}}">[[translations.languages.date_order]]</label>
<select id="order-{{TAG}}" name="date_order">{{#ORDER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ORDER_OPTION}}</select>
<label><input type="checkbox" name="enabled" value="1"{{#ENABLED_CHECKED}} checked{{/ENABLED_CHECKED}}> [[translations.languages.enabled]]</label>
<div class="actions"><button type="submit">[[translations.languages.save]]</button></div>
</form>{{/EDIT}}</td></tr>
{{/LANGUAGE}}</tbody>
</table>
<h2>[[translations.languages.add_title]]</h2>
<form method="post" action="/translations/languages">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="tag">[[translations.languages.tag]]</label>
<input type="text" id="tag" name="tag" value="{{TAG}}" required maxlength="15"{{#TAG_INVALID}} aria-invalid="true" aria-describedby="tag-error"{{/TAG_INVALID}}>
{{#TAG_INVALID}}<p class="field-error" id="tag-error">{{TAG_ERROR}}</p>{{/TAG_INVALID}}
<label for="name">[[translations.languages.name]]</label>
<input type="text" id="name" name="name" value="{{NAME}}" required maxlength="64"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-error"{{/NAME_INVALID}}>
{{#NAME_INVALID}}<p class="field-error" id="name-error">{{NAME_ERROR}}</p>{{/NAME_INVALID}}
<label for="dir">[[translations.languages.dir]]</label>
<select id="dir" name="dir">{{#DIR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/DIR_OPTION}}</select>
<label for="plural">[[translations.languages.plural]]</label>
<input type="text" id="plural" name="plural" value="{{PLURAL}}" required maxlength="255" class="wide" aria-describedby="plural-hint{{#PLURAL_INVALID}} plural-error{{/PLURAL_INVALID}}"{{#PLURAL_INVALID}} aria-invalid="true"{{/PLURAL_INVALID}}>
<p class="hint" id="plural-hint">[[translations.languages.plural_hint]]</p>
{{#PLURAL_INVALID}}<p class="field-error" id="plural-error">{{PLURAL_ERROR}}</p>{{/PLURAL_INVALID}}
<label for="decimal">[[translations.languages.decimal]]</label>
<select id="decimal" name="decimal">{{#DECIMAL_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/DECIMAL_OPTION}}</select>
<label for="date_order">[[translations.languages.date_order]]</label>
<select id="date_order" name="date_order">{{#ORDER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ORDER_OPTION}}</select>
<label><input type="checkbox" name="enabled" value="1"{{#ENABLED_CHECKED}} checked{{/ENABLED_CHECKED}}> [[translations.languages.enabled]]</label>
<div class="actions"><button type="submit">[[translations.languages.add]]</button></div>
</form>
