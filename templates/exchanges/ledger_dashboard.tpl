{{%AUTOESCAPE context="HTML"}}<section class="ledger-panel" aria-labelledby="ledger-panel-title">
<h2 id="ledger-panel-title">Exchanges</h2>
<figure>
<svg viewBox="0 0 640 240" width="640" height="240" role="img" aria-labelledby="ledger-chart-title">
<title id="ledger-chart-title">Hours exchanged per month over the last twelve months; the busiest month had {{MAX_HOURS}} hours</title>
<line x1="25" y1="200" x2="630" y2="200" stroke="#555"></line>
{{#BAR}}<rect x="{{X}}" y="{{Y}}" width="{{WIDTH}}" height="{{HEIGHT}}" fill="#2a6f97"><title>{{MONTH}}: {{HOURS}} hours</title></rect>
<text x="{{LABEL_X}}" y="218" font-size="12" text-anchor="middle" fill="#333">{{SHORT}}</text>
{{/BAR}}</svg>
<figcaption>Hours exchanged per month (reversed exchanges left out).</figcaption>
</figure>
<table class="months">
<caption>Hours exchanged per month</caption>
<thead><tr><th scope="col">Month</th><th scope="col">Hours</th></tr></thead>
<tbody>
{{#BAR}}<tr><td>{{MONTH}}</td><td class="num">{{HOURS}}</td></tr>
{{/BAR}}</tbody>
</table>
<p>Active traders: <strong>{{ACTIVE}}</strong> members took part in an exchange in the last {{DAYS}} days.</p>
<h3>Waiting for confirmation</h3>
<p><strong id="ledger-pending">{{PENDING}}</strong> exchanges recorded by their provider are waiting for the recipient to confirm them; <strong id="ledger-disputed">{{DISPUTED}}</strong> are disputed and wait for a coordinator.{{#SOME_DISPUTED}} <a href="/exchanges/list?status=disputed">See the disputed exchanges</a>.{{/SOME_DISPUTED}} None of their hours is in any balance yet.</p>
<h3>Members below the credit limit</h3>
<p>The credit limit is {{LIMIT}} hours ({{#SOFT}}soft: such exchanges are recorded, and the members are listed here{{/SOFT}}{{#HARD}}hard: exchanges that would go below it are refused{{/HARD}}). {{UNDER_COUNT}} members are below it.</p>
{{#UNDER}}<ul class="under-limit">
{{#MEMBER}}<li><a href="/exchanges/members/{{ID}}">{{NAME}}</a> ({{USERNAME}}): {{BALANCE}} hours</li>
{{/MEMBER}}</ul>{{/UNDER}}
{{#NONE_UNDER}}<p>No member is below the credit limit.</p>{{/NONE_UNDER}}
</section>
