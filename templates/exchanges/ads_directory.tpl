{{%AUTOESCAPE context="HTML"}}<h1>Offers and requests</h1>
<p><a href="/ads/new">Post an offer or a request</a> · <a href="/ads/mine">My offers and requests</a>{{#MANAGE}} · <a href="/ads/manage">All offers and requests (coordinators)</a>{{/MANAGE}}</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<h2 id="search-title">Search</h2>
<form method="get" action="/ads" role="search" aria-labelledby="search-title">
<label for="kind">Offers or requests</label>
<select id="kind" name="kind"{{#KIND_INVALID}} aria-invalid="true" aria-describedby="kind-error"{{/KIND_INVALID}}>
<option value="">Both</option>
<option value="offer"{{#KIND_OFFER_SELECTED}} selected{{/KIND_OFFER_SELECTED}}>Offers</option>
<option value="request"{{#KIND_REQUEST_SELECTED}} selected{{/KIND_REQUEST_SELECTED}}>Requests</option>
</select>
{{#KIND_INVALID}}<p class="field-error" id="kind-error">{{KIND_ERROR}}</p>{{/KIND_INVALID}}
<label for="category">Category</label>
<select id="category" name="category"{{#CATEGORY_INVALID}} aria-invalid="true" aria-describedby="category-error"{{/CATEGORY_INVALID}}>
<option value="">Any category</option>
{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}</select>
{{#CATEGORY_INVALID}}<p class="field-error" id="category-error">{{CATEGORY_ERROR}}</p>{{/CATEGORY_INVALID}}
<label for="community">Community Timebank</label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
<option value="">Any</option>
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<label for="q">Words <span class="hint">(every word must appear in the title or description; the start of a word is enough)</span></label>
<input type="search" id="q" name="q" value="{{Q}}"{{#Q_INVALID}} aria-invalid="true" aria-describedby="q-error"{{/Q_INVALID}}>
{{#Q_INVALID}}<p class="field-error" id="q-error">{{Q_ERROR}}</p>{{/Q_INVALID}}
<div class="actions"><button type="submit">Search</button> <a href="/ads">Clear</a></div>
</form>
<h2>Ads</h2>
{{#EMPTY}}<p>No ad matches.</p>{{/EMPTY}}
{{#RESULTS}}<table class="ads">
<thead><tr><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">Category</th><th scope="col">Community Timebank</th><th scope="col">Member</th><th scope="col">Until</th></tr></thead>
<tbody>
{{#AD}}<tr><td><a href="/ads/{{ID}}">{{TITLE}}</a></td><td>{{KIND}}</td><td>{{CATEGORY}}</td><td>{{COMMUNITY}}</td><td>{{OWNER_NAME}}</td><td>{{EXPIRES_ON}}</td></tr>
{{/AD}}</tbody>
</table>{{/RESULTS}}
{{#NEXT}}<p><a href="{{HREF}}" rel="next">Older ads</a> · <a href="/ads">Newest</a></p>{{/NEXT}}
