{{%AUTOESCAPE context="HTML"}}<h1>All offers and requests</h1>
<p>Every ad in your scope, deleted and expired ones too. <a href="/ads/new">Post an ad for a member</a> · <a href="/ads">The directory</a></p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<h2 id="filter-title">Filters</h2>
<form method="get" action="/ads/manage" role="search" aria-labelledby="filter-title">
<label for="kind">Offers or requests</label>
<select id="kind" name="kind"{{#KIND_INVALID}} aria-invalid="true" aria-describedby="kind-error"{{/KIND_INVALID}}>
<option value="">Both</option>
<option value="offer"{{#KIND_OFFER_SELECTED}} selected{{/KIND_OFFER_SELECTED}}>Offers</option>
<option value="request"{{#KIND_REQUEST_SELECTED}} selected{{/KIND_REQUEST_SELECTED}}>Requests</option>
</select>
{{#KIND_INVALID}}<p class="field-error" id="kind-error">{{KIND_ERROR}}</p>{{/KIND_INVALID}}
<label for="status">Status</label>
<select id="status" name="status"{{#STATUS_INVALID}} aria-invalid="true" aria-describedby="status-error"{{/STATUS_INVALID}}>
<option value="">Any</option>
<option value="active"{{#STATUS_ACTIVE_SELECTED}} selected{{/STATUS_ACTIVE_SELECTED}}>Active (in the directory)</option>
<option value="expired"{{#STATUS_EXPIRED_SELECTED}} selected{{/STATUS_EXPIRED_SELECTED}}>Expired</option>
<option value="deleted"{{#STATUS_DELETED_SELECTED}} selected{{/STATUS_DELETED_SELECTED}}>Deleted</option>
</select>
{{#STATUS_INVALID}}<p class="field-error" id="status-error">{{STATUS_ERROR}}</p>{{/STATUS_INVALID}}
<label for="category">Category</label>
<select id="category" name="category"{{#CATEGORY_INVALID}} aria-invalid="true" aria-describedby="category-error"{{/CATEGORY_INVALID}}>
<option value="">Any category</option>
{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}</select>
{{#CATEGORY_INVALID}}<p class="field-error" id="category-error">{{CATEGORY_ERROR}}</p>{{/CATEGORY_INVALID}}
<label for="community">Community Timebank <span class="hint">(the ad's, or its member's when the ad has none)</span></label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
<option value="">Any in your scope</option>
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<label for="member">Member <span class="hint">(username)</span></label>
<input type="text" id="member" name="member" value="{{MEMBER}}" autocapitalize="none" spellcheck="false"{{#MEMBER_INVALID}} aria-invalid="true" aria-describedby="member-error"{{/MEMBER_INVALID}}>
{{#MEMBER_INVALID}}<p class="field-error" id="member-error">{{MEMBER_ERROR}}</p>{{/MEMBER_INVALID}}
<label for="q">Words</label>
<input type="search" id="q" name="q" value="{{Q}}"{{#Q_INVALID}} aria-invalid="true" aria-describedby="q-error"{{/Q_INVALID}}>
{{#Q_INVALID}}<p class="field-error" id="q-error">{{Q_ERROR}}</p>{{/Q_INVALID}}
<label for="from">Posted from <span class="hint">(YYYY-MM-DD)</span></label>
<input type="date" id="from" name="from" value="{{FROM}}"{{#FROM_INVALID}} aria-invalid="true" aria-describedby="from-error"{{/FROM_INVALID}}>
{{#FROM_INVALID}}<p class="field-error" id="from-error">{{FROM_ERROR}}</p>{{/FROM_INVALID}}
<label for="to">Posted until <span class="hint">(YYYY-MM-DD, included)</span></label>
<input type="date" id="to" name="to" value="{{TO}}"{{#TO_INVALID}} aria-invalid="true" aria-describedby="to-error"{{/TO_INVALID}}>
{{#TO_INVALID}}<p class="field-error" id="to-error">{{TO_ERROR}}</p>{{/TO_INVALID}}
<div class="actions"><button type="submit">Filter</button> <a href="/ads/manage">Clear</a></div>
</form>
<h2>Ads</h2>
{{#EMPTY}}<p>No ad matches.</p>{{/EMPTY}}
{{#RESULTS}}<div class="scroll"><table class="ads">
<thead><tr><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Category</th><th scope="col">Community Timebank</th><th scope="col">Member</th><th scope="col">Until</th><th scope="col">Posted</th></tr></thead>
<tbody>
{{#AD}}<tr data-id="{{ID}}"><td><a href="/ads/{{ID}}">{{TITLE}}</a></td><td>{{KIND}}</td><td>{{#ACTIVE}}Active{{/ACTIVE}}{{#DELETED}}Deleted{{/DELETED}}{{#EXPIRED}}Expired{{/EXPIRED}}</td><td>{{CATEGORY}}</td><td>{{COMMUNITY}}</td><td>{{OWNER_NAME}} ({{OWNER_USERNAME}})</td><td>{{EXPIRES_ON}}</td><td>{{CREATED_AT}}</td></tr>
{{/AD}}</tbody>
</table></div>{{/RESULTS}}
{{#NEXT}}<p><a href="{{HREF}}" rel="next">Older ads</a> · <a href="/ads/manage">Newest</a></p>{{/NEXT}}
