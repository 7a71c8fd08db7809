{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{#OTHER}}<p>{{NAME}} ({{USERNAME}})</p>{{/OTHER}}
<p class="balance">Balance: <strong>{{BALANCE}}</strong> hours</p>
{{#OWN}}<p><a href="/exchanges/new">Record an exchange</a></p>{{/OWN}}
<h2>Statement</h2>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="get" action="{{ACTION}}" class="filters">
<label for="from">From <span class="hint">(date of service, YYYY-MM-DD)</span></label>
<input type="date" id="from" name="from" value="{{FROM}}"{{#FROM_INVALID}} aria-invalid="true" aria-describedby="from-error"{{/FROM_INVALID}}>
{{#FROM_INVALID}}<p class="field-error" id="from-error">{{FROM_ERROR}}</p>{{/FROM_INVALID}}
<label for="to">To</label>
<input type="date" id="to" name="to" value="{{TO}}"{{#TO_INVALID}} aria-invalid="true" aria-describedby="to-error"{{/TO_INVALID}}>
{{#TO_INVALID}}<p class="field-error" id="to-error">{{TO_ERROR}}</p>{{/TO_INVALID}}
<div class="actions"><button type="submit">Show</button></div>
</form>
<p>In this period: {{COUNT}} exchanges, {{TOTAL_IN}} hours given (credited), {{TOTAL_OUT}} hours received (debited). <a href="{{CSV}}">Download as CSV</a></p>
{{#ROWS}}<table class="statement">
<caption>Exchanges, newest first, with the balance after each</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Exchange</th><th scope="col">With</th><th scope="col">What</th><th scope="col">Hours in</th><th scope="col">Hours out</th><th scope="col">Balance</th></tr></thead>
<tbody>
{{/ROWS}}{{#ROW}}<tr>
<td>{{DATE}}</td>
<td><a href="/exchanges/{{ID}}">#{{ID}}</a>{{#REVERSES}}<br>reversal of <a href="/exchanges/{{REVERSES_ID}}">#{{REVERSES_ID}}</a>: {{REASON}}{{/REVERSES}}{{#REVERSED}}<br>reversed by <a href="/exchanges/{{REVERSED_BY}}">#{{REVERSED_BY}}</a>{{/REVERSED}}</td>
<td>{{OTHER_NAME}} ({{OTHER_USERNAME}})</td>
<td>{{DESCRIPTION}}</td>
<td class="num">{{IN}}</td>
<td class="num">{{OUT}}</td>
<td class="num">{{BALANCE}}</td>
</tr>
{{/ROW}}{{#ROWS}}</tbody>
</table>{{/ROWS}}
{{#NO_ROWS}}<p>No exchanges in this period.</p>{{/NO_ROWS}}
{{#NEXT}}<p><a href="{{HREF}}">Older exchanges</a></p>{{/NEXT}}
