{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p>{{INTRO}} <a href="/exchanges/reports">[[reports.back]]</a>.</p>
<p class="scope">{{#SCOPE_SITE}}[[reports.scope_site]]{{/SCOPE_SITE}}{{#SCOPE_SOME}}[[reports.scope_some]]{{/SCOPE_SOME}}{{#SCOPE_TRUNCATED}} [[reports.scope_truncated]]{{/SCOPE_TRUNCATED}}</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
{{#MONTHS}}<form method="get" action="/exchanges/reports/{{KEY}}" class="filters">
<label for="months">[[reports.months]]</label>
<input type="number" id="months" name="months" min="1" max="60" value="{{MONTHS}}"{{#MONTHS_INVALID}} aria-invalid="true" aria-describedby="months-error"{{/MONTHS_INVALID}}>
{{#MONTHS_INVALID}}<p class="field-error" id="months-error">{{MONTHS_ERROR}}</p>{{/MONTHS_INVALID}}
<div class="actions"><button type="submit">[[reports.show]]</button></div>
</form>{{/MONTHS}}
{{>CHART}}
<p><a href="{{CSV}}" id="report-csv">[[reports.csv]]</a></p>
{{#EMPTY}}<p id="report-empty">[[reports.empty]]</p>{{/EMPTY}}
<div class="scroll"><table class="figures" id="report-table" data-report="{{KEY}}">
<caption>[[reports.table]]</caption>
<thead><tr>{{#COL}}<th scope="col">{{TITLE}}</th>{{/COL}}</tr></thead>
<tbody>
{{#ROW}}<tr>{{#HEAD}}<th scope="row">{{#LINK}}<a href="{{HREF}}">{{/LINK}}{{TEXT}}{{#LINK}}</a>{{/LINK}}</th>{{/HEAD}}{{#CELL}}<td>{{TEXT}}</td>{{/CELL}}</tr>
{{/ROW}}</tbody>
</table></div>
{{#MORE}}<p>[[reports.more]]</p>{{/MORE}}
