{{%AUTOESCAPE context="HTML"}}<h1>[[site.lists.new.title]]</h1>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/site/lists/new">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="list">[[site.lists.new.list]]</label>
<select id="list" name="list"{{#LIST_INVALID}} aria-invalid="true" aria-describedby="list-error"{{/LIST_INVALID}}>{{#LIST_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LIST_OPTION}}</select>
{{#LIST_INVALID}}<p class="field-error" id="list-error">{{LIST_ERROR}}</p>{{/LIST_INVALID}}
<label for="name">[[site.list.col.name]]</label>
<input type="text" id="name" name="name" value="{{NAME}}" required maxlength="64"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-error"{{/NAME_INVALID}}>
{{#NAME_INVALID}}<p class="field-error" id="name-error">{{NAME_ERROR}}</p>{{/NAME_INVALID}}
<div class="actions"><button type="submit">[[site.list.add_button]]</button></div>
</form>
