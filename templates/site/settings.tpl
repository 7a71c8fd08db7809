{{%AUTOESCAPE context="HTML"}}<h1>[[site.settings.title]]</h1>
<p>[[site.settings.intro]]</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/site" class="settings" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#GROUP}}<fieldset>
<legend>{{HEADING}}</legend>
{{#SETTING}}<div class="field" data-setting="{{NAME}}">
<label for="{{NAME}}">{{LABEL}}</label>
{{#IS_INPUT}}<input type="{{TYPE}}" id="{{NAME}}" name="{{NAME}}" value="{{VALUE}}"{{#NUMERIC}} inputmode="numeric"{{/NUMERIC}}{{#MAXLEN}} maxlength="{{N}}"{{/MAXLEN}}{{#REQUIRED}} required{{/REQUIRED}}{{#DESCRIBED}} aria-describedby="{{NAME}}-help{{#INVALID}} {{NAME}}-error{{/INVALID}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{/IS_INPUT}}
{{#IS_CHOICE}}<select id="{{NAME}}" name="{{NAME}}"{{#DESCRIBED}} aria-describedby="{{NAME}}-help"{{/DESCRIBED}}>{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}</select>{{/IS_CHOICE}}
{{#IS_LANG}}<select id="{{NAME}}" name="{{NAME}}"{{#DESCRIBED}} aria-describedby="{{NAME}}-help"{{/DESCRIBED}}>{{#LANG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANG_OPTION}}</select>{{/IS_LANG}}
{{#HELP}}<p class="hint" id="{{NAME}}-help">{{TEXT}}</p>{{/HELP}}
{{#INVALID}}<p class="field-error" id="{{NAME}}-error">{{ERROR}}</p>{{/INVALID}}
<p class="history"><a href="/site/settings/{{NAME}}">[[site.settings.history name=LABEL]]</a></p>
</div>
{{/SETTING}}</fieldset>
{{/GROUP}}<div class="actions"><button type="submit">[[button.save]]</button></div>
</form>
