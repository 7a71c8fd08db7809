{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{#OTHER}}<p>{{NAME}} ({{USERNAME}})</p>{{/OTHER}}
<p class="balance">[[ledger.statement.balance]] <strong>{{BALANCE}}</strong> [[ledger.statement.balance_unit]]</p>
{{#OWN}}<p><a href="/exchanges/new">[[ledger.new.title]]</a></p>{{/OWN}}
{{>PENDING_PANEL}}
<h2>[[ledger.statement.heading]]</h2>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="get" action="{{ACTION}}" class="filters">
<label for="from">[[ledger.statement.from]] <span class="hint">[[ledger.statement.from_hint]]</span></label>
<input type="date" id="from" name="from" value="{{FROM}}"{{#FROM_INVALID}} aria-invalid="true" aria-describedby="from-error"{{/FROM_INVALID}}>
{{#FROM_INVALID}}<p class="field-error" id="from-error">{{FROM_ERROR}}</p>{{/FROM_INVALID}}
<label for="to">[[ledger.statement.to]]</label>
<input type="date" id="to" name="to" value="{{TO}}"{{#TO_INVALID}} aria-invalid="true" aria-describedby="to-error"{{/TO_INVALID}}>
{{#TO_INVALID}}<p class="field-error" id="to-error">{{TO_ERROR}}</p>{{/TO_INVALID}}
<div class="actions"><button type="submit">[[ledger.statement.show]]</button></div>
</form>
<p>[[ledger.statement.totals n=COUNT]] <a href="{{CSV}}">[[ledger.csv]]</a></p>
{{#ROWS}}<table class="statement stack">
<caption>[[ledger.statement.caption]]</caption>
<thead><tr><th scope="col">[[ledger.col.date]]</th><th scope="col">[[ledger.col.exchange]]</th><th scope="col">[[ledger.col.with]]</th><th scope="col">[[ledger.col.what]]</th><th scope="col">[[ledger.col.hours_in]]</th><th scope="col">[[ledger.col.hours_out]]</th><th scope="col">[[ledger.col.balance]]</th></tr></thead>
<tbody>
{{/ROWS}}{{#ROW}}<tr>
<td data-label="[[ledger.col.date]]">{{DATE}}</td>
<td data-label="[[ledger.col.exchange]]"><a href="/exchanges/{{ID}}">#{{ID}}</a>{{#REVERSES}}<br>[[ledger.row.reversal_of]] <a href="/exchanges/{{REVERSES_ID}}">#{{REVERSES_ID}}</a>: {{REASON}}{{/REVERSES}}{{#REVERSED}}<br>[[ledger.row.reversed_by]] <a href="/exchanges/{{REVERSED_BY}}">#{{REVERSED_BY}}</a>{{/REVERSED}}</td>
<td data-label="[[ledger.col.with]]">{{OTHER_NAME}} ({{OTHER_USERNAME}})</td>
<td data-label="[[ledger.col.what]]">{{DESCRIPTION}}{{#CATEGORY}}<br><span class="hint">{{NAME}}</span>{{/CATEGORY}}</td>
<td data-label="[[ledger.col.hours_in]]" class="num">{{IN}}</td>
<td data-label="[[ledger.col.hours_out]]" class="num">{{OUT}}</td>
<td data-label="[[ledger.col.balance]]" class="num">{{BALANCE}}</td>
</tr>
{{/ROW}}{{#ROWS}}</tbody>
</table>{{/ROWS}}
{{#NO_ROWS}}<p>[[ledger.statement.empty]]</p>{{/NO_ROWS}}
{{#NEXT}}<p><a href="{{HREF}}">[[ledger.older]]</a></p>{{/NEXT}}
