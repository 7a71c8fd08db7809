{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}{{#EDIT}}: [[content.edit.in_lang lang=LANG_NAME]]{{/EDIT}}</h1>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
{{#EDIT}}<p>[[content.edit.translation_hint]]</p>
<p>[[content.edit.other_langs]] {{#OTHER_LANG}}<a href="{{BASE}}/{{ID}}/edit?lang={{TAG}}" hreflang="{{TAG}}">{{NAME}}</a> {{/OTHER_LANG}}</p>{{/EDIT}}
<form method="post" action="{{BASE}}/{{#NEW}}new{{/NEW}}{{#EDIT}}{{ID}}/edit{{/EDIT}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#TEXT_LANG}}<label for="lang">[[broadcasts.field.lang]]</label>
<select id="lang" name="lang">{{#LANG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANG_OPTION}}</select>{{/TEXT_LANG}}
{{#EDIT}}<input type="hidden" name="lang" value="{{LANG}}">{{/EDIT}}
<label for="title">[[content.field.title]]</label>
<input type="text" id="title" name="title" value="{{TITLE}}" maxlength="200" class="wide"{{#TITLE_INVALID}} aria-invalid="true" aria-describedby="title-error"{{/TITLE_INVALID}}>
{{#TITLE_INVALID}}<p class="field-error" id="title-error">{{TITLE_ERROR}}</p>{{/TITLE_INVALID}}
{{#IS_LINK}}<label for="url">[[content.field.url]]</label>
<input type="url" id="url" name="url" value="{{URL}}" maxlength="2048" class="wide" aria-describedby="url-hint{{#URL_INVALID}} url-error{{/URL_INVALID}}"{{#URL_INVALID}} aria-invalid="true"{{/URL_INVALID}}>
<p class="hint" id="url-hint">[[content.field.url_hint]]</p>
{{#URL_INVALID}}<p class="field-error" id="url-error">{{URL_ERROR}}</p>{{/URL_INVALID}}{{/IS_LINK}}
{{#IS_NEWS}}<label for="date">[[content.field.date]]</label>
<input type="date" id="date" name="date" value="{{DATE}}"{{#DATE_INVALID}} aria-invalid="true" aria-describedby="date-error"{{/DATE_INVALID}}>
{{#DATE_INVALID}}<p class="field-error" id="date-error">{{DATE_ERROR}}</p>{{/DATE_INVALID}}{{/IS_NEWS}}
<label for="body">{{#IS_LINK}}[[content.field.description]]{{/IS_LINK}}{{#IS_PAGE}}[[content.field.body]]{{/IS_PAGE}}{{#IS_NEWS}}[[content.field.body]]{{/IS_NEWS}}</label>
<textarea id="body" name="body" rows="12" class="wide" aria-describedby="body-hint{{#BODY_INVALID}} body-error{{/BODY_INVALID}}"{{#BODY_INVALID}} aria-invalid="true"{{/BODY_INVALID}}>{{BODY:pre_escape}}</textarea>
<p class="hint" id="body-hint">[[content.field.body_hint]]</p>
{{#BODY_INVALID}}<p class="field-error" id="body-error">{{BODY_ERROR}}</p>{{/BODY_INVALID}}
{{#IS_PAGE}}<p class="check"><input type="checkbox" id="public" name="public" value="1"{{#PUBLIC_CHECKED}} checked{{/PUBLIC_CHECKED}}>
<label for="public" class="inline">[[content.field.public]]</label></p>{{/IS_PAGE}}
<div class="actions"><button type="submit">[[content.save]]</button></div>
</form>
{{#EDIT}}<form method="post" action="{{BASE}}/{{ID}}/delete">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="check"><input type="checkbox" id="confirm" name="confirm" value="1" required>
<label for="confirm" class="inline">[[content.delete_confirm]]</label></p>
<div class="actions"><button type="submit">[[content.delete]]</button></div>
</form>{{/EDIT}}
