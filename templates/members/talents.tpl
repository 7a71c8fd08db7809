{{%AUTOESCAPE context="HTML"}}{{#SELF}}<h1>[[talents.heading.own]]</h1>
<p>[[talents.intro.own]] <a href="/me">[[talents.back_own]]</a></p>{{/SELF}}
{{#OTHER}}<h1>[[talents.heading name=MEMBER_NAME]]</h1>
<p>[[talents.intro.other]] <a href="/members/{{MEMBER_ID}}">[[members.back_profile]]</a>.</p>{{/OTHER}}
{{#NONE}}<p id="talents-none">[[talents.none]]</p>{{/NONE}}
<ul class="talents" id="talents">
{{#TALENT}}<li id="talent-{{ID}}"><strong class="talent-category">{{CATEGORY}}</strong> <span class="talent-text">{{TEXT}}</span>
{{#EDIT}}<form method="post" action="{{BASE}}/{{ID}}" class="talent-edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="talent-{{ID}}-category">[[talents.field.category]]</label>
<select id="talent-{{ID}}-category" name="category"{{#CATEGORY_INVALID}} aria-invalid="true" aria-describedby="talent-{{ID}}-category-error"{{/CATEGORY_INVALID}}>
<option value="">[[talents.no_category]]</option>
{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}</select>
{{#CATEGORY_INVALID}}<p class="field-error" id="talent-{{ID}}-category-error" role="alert">{{CATEGORY_ERROR}}</p>{{/CATEGORY_INVALID}}
<label for="talent-{{ID}}-text">[[talents.field.text]]</label>
<input type="text" id="talent-{{ID}}-text" name="text" maxlength="120" value="{{TEXT}}"{{#TEXT_INVALID}} aria-invalid="true" aria-describedby="talent-{{ID}}-text-error"{{/TEXT_INVALID}}>
{{#TEXT_INVALID}}<p class="field-error" id="talent-{{ID}}-text-error" role="alert">{{TEXT_ERROR}}</p>{{/TEXT_INVALID}}
<button type="submit">[[talents.save]]</button>
</form>{{/EDIT}}
{{#REMOVE}}<form method="post" action="{{BASE}}/{{ID}}/remove" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="secondary">[[talents.remove]]</button>
</form>{{/REMOVE}}
</li>
{{/TALENT}}</ul>
{{#ADD}}<h2>[[talents.add_heading]]</h2>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="{{BASE}}" id="talent-add">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="category">[[talents.field.category]] <span class="hint">[[talents.category_hint]]</span></label>
<select id="category" name="category"{{#CATEGORY_INVALID}} aria-invalid="true" aria-describedby="category-error"{{/CATEGORY_INVALID}}>
<option value="">[[talents.no_category]]</option>
{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}</select>
{{#CATEGORY_INVALID}}<p class="field-error" id="category-error">{{CATEGORY_ERROR}}</p>{{/CATEGORY_INVALID}}
<label for="text">[[talents.field.text]] <span class="hint">[[talents.text_hint]]</span></label>
<input type="text" id="text" name="text" maxlength="120" value="{{TEXT}}"{{#TEXT_INVALID}} aria-invalid="true" aria-describedby="text-error"{{/TEXT_INVALID}}>
{{#TEXT_INVALID}}<p class="field-error" id="text-error">{{TEXT_ERROR}}</p>{{/TEXT_INVALID}}
<div class="actions"><button type="submit">[[talents.add]]</button></div>
</form>{{/ADD}}
