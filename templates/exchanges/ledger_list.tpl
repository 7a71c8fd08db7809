{{%AUTOESCAPE context="HTML"}}<h1>Recorded exchanges</h1>
<p>Exchanges in which at least one member belongs to a community you look after.</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="get" action="/exchanges/list" class="filters">
<label for="member">Member <span class="hint">(username: provider or recipient)</span></label>
<input type="text" id="member" name="member" value="{{MEMBER}}" autocapitalize="none" spellcheck="false"{{#MEMBER_INVALID}} aria-invalid="true" aria-describedby="member-error"{{/MEMBER_INVALID}}>
{{#MEMBER_INVALID}}<p class="field-error" id="member-error">{{MEMBER_ERROR}}</p>{{/MEMBER_INVALID}}
<label for="community">Community Timebank <span class="hint">(of either member)</span></label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
<option value="">All</option>
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<label for="from">Service from <span class="hint">(YYYY-MM-DD)</span></label>
<input type="date" id="from" name="from" value="{{FROM}}"{{#FROM_INVALID}} aria-invalid="true" aria-describedby="from-error"{{/FROM_INVALID}}>
{{#FROM_INVALID}}<p class="field-error" id="from-error">{{FROM_ERROR}}</p>{{/FROM_INVALID}}
<label for="to">Service to</label>
<input type="date" id="to" name="to" value="{{TO}}"{{#TO_INVALID}} aria-invalid="true" aria-describedby="to-error"{{/TO_INVALID}}>
{{#TO_INVALID}}<p class="field-error" id="to-error">{{TO_ERROR}}</p>{{/TO_INVALID}}
<label for="category">Category <span class="hint">(of the offer or request)</span></label>
<select id="category" name="category"{{#CATEGORY_INVALID}} aria-invalid="true" aria-describedby="category-error"{{/CATEGORY_INVALID}}>
<option value="">All</option>
{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}</select>
{{#CATEGORY_INVALID}}<p class="field-error" id="category-error">{{CATEGORY_ERROR}}</p>{{/CATEGORY_INVALID}}
<label for="recorded_by">Recorded by <span class="hint">(username)</span></label>
<input type="text" id="recorded_by" name="recorded_by" value="{{RECORDED_BY}}" autocapitalize="none" spellcheck="false"{{#RECORDED_BY_INVALID}} aria-invalid="true" aria-describedby="recorded_by-error"{{/RECORDED_BY_INVALID}}>
{{#RECORDED_BY_INVALID}}<p class="field-error" id="recorded_by-error">{{RECORDED_BY_ERROR}}</p>{{/RECORDED_BY_INVALID}}
<label for="reversed">Corrections</label>
<select id="reversed" name="reversed"{{#REVERSED_INVALID}} aria-invalid="true" aria-describedby="reversed-error"{{/REVERSED_INVALID}}>
{{#REVERSED_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/REVERSED_OPTION}}</select>
{{#REVERSED_INVALID}}<p class="field-error" id="reversed-error">{{REVERSED_ERROR}}</p>{{/REVERSED_INVALID}}
<div class="actions"><button type="submit">Filter</button></div>
</form>
{{#ROWS}}<p class="totals">{{COUNT}} exchanges, {{TOTAL}} hours in all. <a href="{{CSV}}">Download as CSV</a></p>
<table class="exchanges">
<caption>Exchanges, newest first</caption>
<thead><tr><th scope="col">Exchange</th><th scope="col">Date</th><th scope="col">Provider</th><th scope="col">Recipient</th><th scope="col">Hours</th><th scope="col">What</th><th scope="col">Recorded by</th></tr></thead>
<tbody>
{{/ROWS}}{{#ROW}}<tr>
<td><a href="/exchanges/{{ID}}">#{{ID}}</a>{{#REVERSES}}<br>reversal of <a href="/exchanges/{{REVERSES_ID}}">#{{REVERSES_ID}}</a>{{/REVERSES}}{{#REVERSED}}<br>reversed by <a href="/exchanges/{{REVERSED_BY}}">#{{REVERSED_BY}}</a>{{/REVERSED}}</td>
<td>{{DATE}}</td>
<td>{{PROVIDER}} ({{PROVIDER_USERNAME}})</td>
<td>{{RECIPIENT}} ({{RECIPIENT_USERNAME}})</td>
<td class="num">{{HOURS}}</td>
<td>{{DESCRIPTION}}</td>
<td>{{RECORDED_BY}}</td>
</tr>
{{/ROW}}{{#ROWS}}</tbody>
</table>{{/ROWS}}
{{#NO_ROWS}}<p>No exchanges match these filters.</p>{{/NO_ROWS}}
{{#NEXT}}<p><a href="{{HREF}}">Older exchanges</a></p>{{/NEXT}}
