{{%AUTOESCAPE context="HTML"}}<h1>[[ledger.list.title]]</h1>
<p>[[ledger.list.intro]]</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<details class="filters"{{#FILTERS_OPEN}} open{{/FILTERS_OPEN}}>
<summary><span class="filters-summary">{{FILTERS_SUMMARY}}</span> <span class="filters-change">[[filters.change]]</span></summary>
<form method="get" action="/exchanges/list" class="filters">
<label for="member">[[ledger.list.member]] <span class="hint">[[ledger.list.member_hint]]</span></label>
<input type="text" id="member" name="member" value="{{MEMBER}}" autocapitalize="none" spellcheck="false"{{#MEMBER_INVALID}} aria-invalid="true" aria-describedby="member-error"{{/MEMBER_INVALID}}>
{{#MEMBER_INVALID}}<p class="field-error" id="member-error">{{MEMBER_ERROR}}</p>{{/MEMBER_INVALID}}
<label for="community">[[ads.field.community]] <span class="hint">[[ledger.list.community_hint]]</span></label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
<option value="">[[ledger.list.all]]</option>
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<label for="from">[[ledger.list.from]] <span class="hint">[[exchanges.hint.date]]</span></label>
<input type="date" id="from" name="from" value="{{FROM}}"{{#FROM_INVALID}} aria-invalid="true" aria-describedby="from-error"{{/FROM_INVALID}}>
{{#FROM_INVALID}}<p class="field-error" id="from-error">{{FROM_ERROR}}</p>{{/FROM_INVALID}}
<label for="to">[[ledger.list.to]]</label>
<input type="date" id="to" name="to" value="{{TO}}"{{#TO_INVALID}} aria-invalid="true" aria-describedby="to-error"{{/TO_INVALID}}>
{{#TO_INVALID}}<p class="field-error" id="to-error">{{TO_ERROR}}</p>{{/TO_INVALID}}
<label for="category">[[ads.field.category]] <span class="hint">[[ledger.list.category_hint]]</span></label>
<select id="category" name="category"{{#CATEGORY_INVALID}} aria-invalid="true" aria-describedby="category-error"{{/CATEGORY_INVALID}}>
<option value="">[[ledger.list.all]]</option>
{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}</select>
{{#CATEGORY_INVALID}}<p class="field-error" id="category-error">{{CATEGORY_ERROR}}</p>{{/CATEGORY_INVALID}}
<label for="recorded_by">[[ledger.entry.recorded_by]] <span class="hint">[[exchanges.hint.username]]</span></label>
<input type="text" id="recorded_by" name="recorded_by" value="{{RECORDED_BY}}" autocapitalize="none" spellcheck="false"{{#RECORDED_BY_INVALID}} aria-invalid="true" aria-describedby="recorded_by-error"{{/RECORDED_BY_INVALID}}>
{{#RECORDED_BY_INVALID}}<p class="field-error" id="recorded_by-error">{{RECORDED_BY_ERROR}}</p>{{/RECORDED_BY_INVALID}}
<label for="reversed">[[ledger.list.corrections]]</label>
<select id="reversed" name="reversed"{{#REVERSED_INVALID}} aria-invalid="true" aria-describedby="reversed-error"{{/REVERSED_INVALID}}>
{{#REVERSED_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/REVERSED_OPTION}}</select>
{{#REVERSED_INVALID}}<p class="field-error" id="reversed-error">{{REVERSED_ERROR}}</p>{{/REVERSED_INVALID}}
<label for="status">[[ledger.col.status]]</label>
<select id="status" name="status"{{#STATUS_INVALID}} aria-invalid="true" aria-describedby="status-error"{{/STATUS_INVALID}}>
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}</select>
{{#STATUS_INVALID}}<p class="field-error" id="status-error">{{STATUS_ERROR}}</p>{{/STATUS_INVALID}}
<div class="actions"><button type="submit">[[exchanges.button.filter]]</button></div>
</form>
</details>
{{#ROWS}}<p class="totals">[[ledger.list.totals n=COUNT]] <a href="{{CSV}}">[[ledger.csv]]</a></p>
<div class="scroll"><table class="exchanges stack">
<caption>[[ledger.list.caption]]</caption>
<thead><tr><th scope="col">[[ledger.col.exchange]]</th><th scope="col">[[ledger.col.date]]</th><th scope="col">[[ledger.col.provider]]</th><th scope="col">[[ledger.col.recipient]]</th><th scope="col">[[ledger.col.hours]]</th><th scope="col">[[ledger.col.what]]</th><th scope="col">[[ads.field.category]]</th><th scope="col">[[ledger.entry.recorded_by]]</th><th scope="col">[[ledger.col.status]]</th></tr></thead>
<tbody>
{{/ROWS}}{{#ROW}}<tr>
<td data-label="[[ledger.col.exchange]]">{{#EXCHANGE}}<a href="/exchanges/{{ID}}">#{{ID}}</a>{{/EXCHANGE}}{{#PROPOSAL}}<a href="/exchanges/pending/{{ID}}">#{{ID}}</a>{{/PROPOSAL}}{{#REVERSES}}<br>[[ledger.row.reversal_of]] <a href="/exchanges/{{REVERSES_ID}}">#{{REVERSES_ID}}</a>{{/REVERSES}}{{#REVERSED}}<br>[[ledger.row.reversed_by]] <a href="/exchanges/{{REVERSED_BY}}">#{{REVERSED_BY}}</a>{{/REVERSED}}</td>
<td data-label="[[ledger.col.date]]">{{DATE}}</td>
<td data-label="[[ledger.col.provider]]">{{PROVIDER}} ({{PROVIDER_USERNAME}})</td>
<td data-label="[[ledger.col.recipient]]">{{RECIPIENT}} ({{RECIPIENT_USERNAME}})</td>
<td data-label="[[ledger.col.hours]]" class="num">{{HOURS}}</td>
<td data-label="[[ledger.col.what]]">{{DESCRIPTION}}</td>
<td data-label="[[ads.field.category]]">{{CATEGORY}}</td>
<td data-label="[[ledger.entry.recorded_by]]">{{RECORDED_BY}}</td>
<td data-label="[[ledger.col.status]]">{{#RECORDED}}[[ledger.status.recorded]]{{/RECORDED}}{{#PENDING}}[[ledger.status.waiting_recipient]]{{/PENDING}}{{#DISPUTED}}{{#HAS_REASON}}[[ledger.status.disputed_reason]]{{/HAS_REASON}}{{#NO_REASON}}[[ledger.status.disputed]]{{/NO_REASON}}{{/DISPUTED}}{{#CANCELLED}}[[ledger.status.cancelled]]{{/CANCELLED}}</td>
</tr>
{{/ROW}}{{#ROWS}}</tbody>
</table></div>{{/ROWS}}
{{#NO_ROWS}}<p>[[ledger.list.empty]]</p>{{/NO_ROWS}}
{{#NEXT}}<p><a href="{{HREF}}">[[ledger.older]]</a></p>{{/NEXT}}
