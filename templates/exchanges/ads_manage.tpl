{{%AUTOESCAPE context="HTML"}}<h1>[[ads.title.manage]]</h1>
<p>[[ads.manage.intro]] <a href="/ads/new">[[ads.manage.post_for]]</a> · <a href="/ads">[[ads.link.directory]]</a></p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<details class="filters"{{#FILTERS_OPEN}} open{{/FILTERS_OPEN}}>
<summary><span class="filters-summary">{{FILTERS_SUMMARY}}</span> <span class="filters-change">[[filters.change]]</span></summary>
<h2 id="filter-title">[[ads.manage.filters]]</h2>
<form method="get" action="/ads/manage" role="search" aria-labelledby="filter-title">
<label for="kind">[[ads.filter.kind]]</label>
<select id="kind" name="kind"{{#KIND_INVALID}} aria-invalid="true" aria-describedby="kind-error"{{/KIND_INVALID}}>
<option value="">[[ads.filter.kind_both]]</option>
<option value="offer"{{#KIND_OFFER_SELECTED}} selected{{/KIND_OFFER_SELECTED}}>[[ads.filter.offers]]</option>
<option value="request"{{#KIND_REQUEST_SELECTED}} selected{{/KIND_REQUEST_SELECTED}}>[[ads.filter.requests]]</option>
</select>
{{#KIND_INVALID}}<p class="field-error" id="kind-error">{{KIND_ERROR}}</p>{{/KIND_INVALID}}
<label for="status">[[ads.field.status]]</label>
<select id="status" name="status"{{#STATUS_INVALID}} aria-invalid="true" aria-describedby="status-error"{{/STATUS_INVALID}}>
<option value="">[[ads.filter.any]]</option>
<option value="active"{{#STATUS_ACTIVE_SELECTED}} selected{{/STATUS_ACTIVE_SELECTED}}>[[ads.manage.status_active]]</option>
<option value="expired"{{#STATUS_EXPIRED_SELECTED}} selected{{/STATUS_EXPIRED_SELECTED}}>[[ads.status.expired]]</option>
<option value="deleted"{{#STATUS_DELETED_SELECTED}} selected{{/STATUS_DELETED_SELECTED}}>[[ads.status.deleted]]</option>
</select>
{{#STATUS_INVALID}}<p class="field-error" id="status-error">{{STATUS_ERROR}}</p>{{/STATUS_INVALID}}
<label for="category">[[ads.field.category]]</label>
<select id="category" name="category"{{#CATEGORY_INVALID}} aria-invalid="true" aria-describedby="category-error"{{/CATEGORY_INVALID}}>
<option value="">[[ads.filter.any_category]]</option>
{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}</select>
{{#CATEGORY_INVALID}}<p class="field-error" id="category-error">{{CATEGORY_ERROR}}</p>{{/CATEGORY_INVALID}}
<label for="community">[[ads.field.community]] <span class="hint">[[ads.manage.community_hint]]</span></label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
<option value="">[[ads.manage.any_in_scope]]</option>
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<label for="member">[[ads.field.member]] <span class="hint">[[exchanges.hint.username]]</span></label>
<input type="text" id="member" name="member" value="{{MEMBER}}" autocapitalize="none" spellcheck="false"{{#MEMBER_INVALID}} aria-invalid="true" aria-describedby="member-error"{{/MEMBER_INVALID}}>
{{#MEMBER_INVALID}}<p class="field-error" id="member-error">{{MEMBER_ERROR}}</p>{{/MEMBER_INVALID}}
<label for="q">[[ads.filter.words]]</label>
<input type="search" id="q" name="q" value="{{Q}}"{{#Q_INVALID}} aria-invalid="true" aria-describedby="q-error"{{/Q_INVALID}}>
{{#Q_INVALID}}<p class="field-error" id="q-error">{{Q_ERROR}}</p>{{/Q_INVALID}}
<label for="from">[[ads.manage.from]] <span class="hint">[[exchanges.hint.date]]</span></label>
<input type="date" id="from" name="from" value="{{FROM}}"{{#FROM_INVALID}} aria-invalid="true" aria-describedby="from-error"{{/FROM_INVALID}}>
{{#FROM_INVALID}}<p class="field-error" id="from-error">{{FROM_ERROR}}</p>{{/FROM_INVALID}}
<label for="to">[[ads.manage.to]] <span class="hint">[[ads.manage.to_hint]]</span></label>
<input type="date" id="to" name="to" value="{{TO}}"{{#TO_INVALID}} aria-invalid="true" aria-describedby="to-error"{{/TO_INVALID}}>
{{#TO_INVALID}}<p class="field-error" id="to-error">{{TO_ERROR}}</p>{{/TO_INVALID}}
<div class="actions"><button type="submit">[[exchanges.button.filter]]</button> <a href="/ads/manage">[[ads.filter.clear]]</a></div>
</form>
</details>
<h2>[[ads.list.heading]]</h2>
{{#EMPTY}}<p>[[ads.list.empty]]</p>{{/EMPTY}}
{{#RESULTS}}<div class="scroll"><table class="ads">
<thead><tr><th scope="col">[[ads.field.title]]</th><th scope="col">[[ads.field.kind]]</th><th scope="col">[[ads.field.status]]</th><th scope="col">[[ads.field.category]]</th><th scope="col">[[ads.field.community]]</th><th scope="col">[[ads.field.member]]</th><th scope="col">[[ads.field.until]]</th><th scope="col">[[ads.field.posted]]</th></tr></thead>
<tbody>
{{#AD}}<tr data-id="{{ID}}"><td><a href="/ads/{{ID}}">{{TITLE}}</a></td><td>{{KIND}}</td><td>{{#ACTIVE}}[[ads.status.active]]{{/ACTIVE}}{{#DELETED}}[[ads.status.deleted]]{{/DELETED}}{{#EXPIRED}}[[ads.status.expired]]{{/EXPIRED}}</td><td>{{CATEGORY}}</td><td>{{COMMUNITY}}</td><td>{{OWNER_NAME}} ({{OWNER_USERNAME}})</td><td>{{EXPIRES_ON}}</td><td>{{CREATED_AT}}</td></tr>
{{/AD}}</tbody>
</table></div>{{/RESULTS}}
{{#NEXT}}<p><a href="{{HREF}}" rel="next">[[ads.list.older]]</a> · <a href="/ads/manage">[[ads.list.newest]]</a></p>{{/NEXT}}
