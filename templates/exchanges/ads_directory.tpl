{{%AUTOESCAPE context="HTML"}}<h1>[[ads.title.directory]]</h1>
<p><a href="/ads/new">[[ads.title.new]]</a> · <a href="/ads/mine">[[ads.title.mine]]</a> · <a href="/ads/talents">[[talents.directory.link]]</a>{{#MANAGE}} · <a href="/ads/manage">[[ads.directory.manage_link]]</a>{{/MANAGE}}</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<details class="filters"{{#FILTERS_OPEN}} open{{/FILTERS_OPEN}}>
<summary><span class="filters-summary">{{FILTERS_SUMMARY}}</span> <span class="filters-change">[[filters.change]]</span></summary>
<h2 id="search-title">[[ads.directory.search_title]]</h2>
<form method="get" action="/ads" role="search" aria-labelledby="search-title">
<label for="kind">[[ads.filter.kind]]</label>
<select id="kind" name="kind"{{#KIND_INVALID}} aria-invalid="true" aria-describedby="kind-error"{{/KIND_INVALID}}>
<option value="">[[ads.filter.kind_both]]</option>
<option value="offer"{{#KIND_OFFER_SELECTED}} selected{{/KIND_OFFER_SELECTED}}>[[ads.filter.offers]]</option>
<option value="request"{{#KIND_REQUEST_SELECTED}} selected{{/KIND_REQUEST_SELECTED}}>[[ads.filter.requests]]</option>
</select>
{{#KIND_INVALID}}<p class="field-error" id="kind-error">{{KIND_ERROR}}</p>{{/KIND_INVALID}}
<label for="category">[[ads.field.category]]</label>
<select id="category" name="category"{{#CATEGORY_INVALID}} aria-invalid="true" aria-describedby="category-error"{{/CATEGORY_INVALID}}>
<option value="">[[ads.filter.any_category]]</option>
{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}</select>
{{#CATEGORY_INVALID}}<p class="field-error" id="category-error">{{CATEGORY_ERROR}}</p>{{/CATEGORY_INVALID}}
<label for="community">[[ads.field.community]]</label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
<option value="">[[ads.filter.any]]</option>
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<label for="q">[[ads.filter.words]] <span class="hint">[[ads.directory.words_hint]]</span></label>
<input type="search" id="q" name="q" value="{{Q}}"{{#Q_INVALID}} aria-invalid="true" aria-describedby="q-error"{{/Q_INVALID}}>
{{#Q_INVALID}}<p class="field-error" id="q-error">{{Q_ERROR}}</p>{{/Q_INVALID}}
<div class="actions"><button type="submit">[[ads.directory.search_button]]</button> <a href="/ads">[[ads.filter.clear]]</a></div>
</form>
</details>
<h2>[[ads.list.heading]]</h2>
{{#EMPTY}}<p>[[ads.list.empty]]</p>{{/EMPTY}}
{{#RESULTS}}<div class="scroll"><table class="ads stack">
<thead><tr><th scope="col">[[ads.field.title]]</th><th scope="col">[[ads.field.kind]]</th><th scope="col">[[ads.field.category]]</th><th scope="col">[[ads.field.community]]</th><th scope="col">[[ads.field.member]]</th><th scope="col">[[ads.field.until]]</th></tr></thead>
<tbody>
{{#AD}}<tr><td data-label="[[ads.field.title]]"><a href="/ads/{{ID}}">{{TITLE}}</a></td><td data-label="[[ads.field.kind]]">{{KIND}}</td><td data-label="[[ads.field.category]]">{{CATEGORY}}</td><td data-label="[[ads.field.community]]">{{COMMUNITY}}</td><td data-label="[[ads.field.member]]">{{OWNER_NAME}}</td><td data-label="[[ads.field.until]]">{{EXPIRES_ON}}</td></tr>
{{/AD}}</tbody>
</table></div>{{/RESULTS}}
{{#NEXT}}<p><a href="{{HREF}}" rel="next">[[ads.list.older]]</a> · <a href="/ads">[[ads.list.newest]]</a></p>{{/NEXT}}
