{{%AUTOESCAPE context="HTML"}}<section class="ledger-panel" aria-labelledby="ledger-panel-title">
<h2 id="ledger-panel-title">[[ledger.dashboard.title]]</h2>
{{>CHART}}
<table class="months">
<caption>[[ledger.dashboard.table]]</caption>
<thead><tr><th scope="col">[[ledger.dashboard.month]]</th><th scope="col">[[ledger.col.hours]]</th></tr></thead>
<tbody>
{{#MONTH}}<tr><td>{{MONTH}}</td><td class="num">{{HOURS}}</td></tr>
{{/MONTH}}</tbody>
</table>
<p>[[ledger.dashboard.active_label]] <strong>{{ACTIVE}}</strong> [[ledger.dashboard.active n=ACTIVE]]</p>
<h3>[[ledger.dashboard.waiting]]</h3>
<p><strong id="ledger-pending">{{PENDING}}</strong> [[ledger.dashboard.pending n=PENDING]] <strong id="ledger-disputed">{{DISPUTED}}</strong> [[ledger.dashboard.disputed n=DISPUTED]]{{#SOME_DISPUTED}} <a href="/exchanges/list?status=disputed">[[ledger.dashboard.see_disputed]]</a>.{{/SOME_DISPUTED}} [[ledger.dashboard.none_moved]]</p>
<h3>[[ledger.dashboard.under_title]]</h3>
<p>{{#SOFT}}[[ledger.dashboard.limit_soft]]{{/SOFT}}{{#HARD}}[[ledger.dashboard.limit_hard]]{{/HARD}} [[ledger.dashboard.under n=UNDER_COUNT]]</p>
{{#UNDER}}<ul class="under-limit">
{{#MEMBER}}<li><a href="/exchanges/members/{{ID}}">{{NAME}}</a> ({{USERNAME}}): [[ledger.hours hours=BALANCE]]</li>
{{/MEMBER}}</ul>{{/UNDER}}
{{#NONE_UNDER}}<p>[[ledger.dashboard.none_under]]</p>{{/NONE_UNDER}}
</section>
