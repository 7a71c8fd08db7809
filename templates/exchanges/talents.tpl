{{%AUTOESCAPE context="HTML"}}<h1>[[talents.directory.title]]</h1>
<p>[[talents.directory.intro]] <a href="/me/talents">[[talents.edit_own]]</a> · <a href="/ads">[[ads.title.directory]]</a></p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<h2 id="search-title">[[talents.directory.search_title]]</h2>
<form method="get" action="/ads/talents" role="search" aria-labelledby="search-title">
<label for="category">[[talents.field.category]]</label>
<select id="category" name="category"{{#CATEGORY_INVALID}} aria-invalid="true" aria-describedby="category-error"{{/CATEGORY_INVALID}}>
<option value="">[[ads.filter.any_category]]</option>
{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}</select>
{{#CATEGORY_INVALID}}<p class="field-error" id="category-error">{{CATEGORY_ERROR}}</p>{{/CATEGORY_INVALID}}
<label for="q">[[ads.filter.words]] <span class="hint">[[ads.directory.words_hint]]</span></label>
<input type="search" id="q" name="q" value="{{Q}}"{{#Q_INVALID}} aria-invalid="true" aria-describedby="q-error"{{/Q_INVALID}}>
{{#Q_INVALID}}<p class="field-error" id="q-error">{{Q_ERROR}}</p>{{/Q_INVALID}}
<div class="actions"><button type="submit">[[ads.directory.search_button]]</button> <a href="/ads/talents">[[ads.filter.clear]]</a></div>
</form>
<h2>[[talents.directory.heading]]</h2>
{{#EMPTY}}<p>[[talents.directory.empty]]</p>{{/EMPTY}}
{{#RESULTS}}<div class="scroll"><table class="stack" id="talents-directory">
<thead><tr><th scope="col">[[ads.field.member]]</th><th scope="col">[[talents.field.category]]</th><th scope="col">[[talents.directory.col_text]]</th></tr></thead>
<tbody>
{{#TALENT}}<tr data-username="{{USERNAME}}"><td data-label="[[ads.field.member]]">{{NAME}}</td><td data-label="[[talents.field.category]]">{{CATEGORY}}</td><td data-label="[[talents.directory.col_text]]">{{TEXT}}</td></tr>
{{/TALENT}}</tbody>
</table></div>{{/RESULTS}}
{{#NEXT}}<p><a href="{{HREF}}" rel="next">[[ads.list.older]]</a> · <a href="/ads/talents">[[ads.list.newest]]</a></p>{{/NEXT}}
