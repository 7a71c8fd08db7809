{{%AUTOESCAPE context="HTML"}}<h1>[[payments.due.heading]]</h1>
<form method="get" action="/payments" class="filters">
<label for="status">[[payments.col.status]]</label>
<select id="status" name="status">{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select>
<label for="type">[[payments.col.type]]</label>
<select id="type" name="type"><option value="">[[payments.due.filter.any]]</option>{{#TYPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTION}}</select>
<label for="community">[[payments.col.community]]</label>
<select id="community" name="community"><option value="">[[payments.due.filter.any]]</option>{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/COMMUNITY_OPTION}}</select>
<label for="preference">[[payments.col.preference]]</label>
<select id="preference" name="preference"><option value="">[[payments.due.filter.any]]</option>{{#PREF_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PREF_OPTION}}</select>
<div class="actions"><button type="submit">[[payments.due.filter.apply]]</button></div>
</form>
<p><a href="{{CSV_HREF}}">[[payments.due.csv]]</a></p>
<form method="post" action="/payments/reminders" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[payments.due.reminders]]</button>
</form>
{{#NONE}}<p>[[payments.due.none]]</p>{{/NONE}}
<table class="due">
<caption>[[payments.due.caption n=COUNT]]</caption>
<thead><tr><th scope="col">[[payments.col.member]]</th><th scope="col">[[payments.col.status]]</th><th scope="col">[[payments.col.type]]</th><th scope="col">[[payments.col.renewal]]</th><th scope="col">[[payments.col.preference]]</th><th scope="col">[[payments.col.owed]]</th></tr></thead>
<tbody>
{{#ROW}}<tr data-member="{{ID}}" data-status="{{STATUS_NAME}}"><td><a href="/payments/members/{{ID}}">{{NAME}}</a> ({{USERNAME}})</td><td>{{STATUS}}</td><td>{{TYPE}}</td><td>{{RENEWAL}}</td><td>{{PREFERENCE}}</td><td>{{OWED}}{{#NOT_CHARGED}} <span class="hint">[[payments.due.not_charged]]</span>{{/NOT_CHARGED}}</td></tr>
{{/ROW}}</tbody>
{{#TOTALS}}<tfoot>{{#TOTAL}}<tr class="total"><th scope="row" colspan="5">[[payments.due.total_all n=COUNT]]</th><td>{{TOTAL}}</td></tr>{{/TOTAL}}</tfoot>{{/TOTALS}}
</table>
{{#MORE}}<p>[[payments.due.more]]</p>{{/MORE}}
{{#NEXT}}<p class="pager"><a href="{{NEXT_HREF}}" rel="next">[[payments.due.next]]</a></p>{{/NEXT}}
{{#FIRST}}<p class="pager"><a href="{{FIRST_HREF}}">[[payments.due.first]]</a></p>{{/FIRST}}
