{{%AUTOESCAPE context="HTML"}}<h1>{{ITEM_NAME}}</h1>
<p>[[site.item.uses n=USES]]{{#RETIRED}} [[site.item.retired]]{{/RETIRED}}</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<h2>[[site.item.edit]]</h2>
<form method="post" action="/site/lists/{{LIST}}/{{ID}}" class="item-edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">[[site.list.col.name]]</label>
<input type="text" id="name" name="name" value="{{NAME}}" required maxlength="64"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-error"{{/NAME_INVALID}}>
{{#NAME_INVALID}}<p class="field-error" id="name-error">{{NAME_ERROR}}</p>{{/NAME_INVALID}}
<label for="position">[[site.list.col.position]]</label>
<input type="text" inputmode="numeric" id="position" name="position" value="{{POSITION}}" required aria-describedby="position-hint{{#POSITION_INVALID}} position-error{{/POSITION_INVALID}}"{{#POSITION_INVALID}} aria-invalid="true"{{/POSITION_INVALID}}>
<p class="hint" id="position-hint">[[site.item.position_hint]]</p>
{{#POSITION_INVALID}}<p class="field-error" id="position-error">{{POSITION_ERROR}}</p>{{/POSITION_INVALID}}
<label><input type="checkbox" name="active" value="1"{{#ACTIVE_CHECKED}} checked{{/ACTIVE_CHECKED}}> [[site.item.active]]</label>
<div class="actions"><button type="submit">[[button.save]]</button></div>
</form>
<h2>[[site.item.names]]</h2>
{{#LANG_INVALID}}<p class="field-error" id="lang-error">{{LANG_ERROR}}</p>{{/LANG_INVALID}}
{{#NAME_LANG}}<form method="post" action="/site/lists/{{LIST}}/{{ID}}/names" class="item-name">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="lang" value="{{TAG}}">
<label for="name-{{TAG}}">[[site.item.name_in lang=LANGUAGE]]</label>
<input type="text" id="name-{{TAG}}" name="name" value="{{VALUE}}" maxlength="64" lang="{{TAG}}">
<button type="submit">[[button.save]]</button>
</form>
{{/NAME_LANG}}<h2>[[site.item.move]]</h2>
{{#IN_USE}}<form method="post" action="/site/lists/{{LIST}}/{{ID}}/move" class="item-move">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="to">[[site.item.move_to n=USES]]</label>
<select id="to" name="to"{{#TO_INVALID}} aria-invalid="true" aria-describedby="to-error"{{/TO_INVALID}}><option value="">[[site.item.choose]]</option>{{#MOVE_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/MOVE_OPTION}}</select>
{{#TO_INVALID}}<p class="field-error" id="to-error">{{TO_ERROR}}</p>{{/TO_INVALID}}
<button type="submit">[[site.item.move_button]]</button>
</form>{{/IN_USE}}
<form method="post" action="/site/lists/{{LIST}}/{{ID}}/delete" class="item-delete">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#IN_USE}}<label for="delete-to">[[site.item.delete_to n=USES]]</label>
<select id="delete-to" name="to"><option value="">[[site.item.choose]]</option>{{#MOVE_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/MOVE_OPTION}}</select>
{{/IN_USE}}<button type="submit">[[site.item.delete]]</button>
</form>
<p><a href="/site/lists/{{LIST}}">[[site.item.back name=LIST_TITLE]]</a></p>
