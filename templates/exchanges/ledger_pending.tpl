{{%AUTOESCAPE context="HTML"}}{{#TO_CONFIRM}}<section class="pending-panel" aria-labelledby="to-confirm-title">
<h2 id="to-confirm-title">{{#OWN}}Waiting for your confirmation{{/OWN}}{{#OTHER}}Waiting for this member's confirmation{{/OTHER}}</h2>
<p>The member who gave the service recorded these. No hours have moved yet: confirming one takes its hours from the recipient's balance. If one is wrong, dispute it and a coordinator will look at it.</p>
<table class="pending">
<caption>Exchanges to confirm, oldest first</caption>
<thead><tr><th scope="col">Exchange</th><th scope="col">Date</th><th scope="col">From</th><th scope="col">What</th><th scope="col">Hours</th><th scope="col">Status</th><th scope="col">Answer</th></tr></thead>
<tbody>
{{#ROW}}<tr>
<td><a href="/exchanges/pending/{{ID}}">#{{ID}}</a></td>
<td>{{DATE}}</td>
<td>{{OTHER_NAME}} ({{OTHER_USERNAME}}){{#FOR}}<br>for {{NAME}}{{/FOR}}</td>
<td>{{DESCRIPTION}}</td>
<td class="num">{{HOURS}}</td>
<td>{{#PENDING}}waiting for confirmation{{/PENDING}}{{#DISPUTED}}disputed{{#HAS_REASON}}: {{REASON}}{{/HAS_REASON}}; a coordinator will decide{{/DISPUTED}}</td>
<td>{{#FORMS}}<form method="post" action="/exchanges/pending/{{ID}}/confirm" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Confirm</button>
</form>
{{#DISPUTE}}<form method="post" action="/exchanges/pending/{{ID}}/dispute" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="reason-{{ID}}">Reason <span class="hint">(optional)</span></label>
<input type="text" id="reason-{{ID}}" name="reason" maxlength="255">
<button type="submit">Dispute</button>
</form>{{/DISPUTE}}{{/FORMS}}</td>
</tr>
{{/ROW}}</tbody>
</table>
{{#MORE}}<p>Only the oldest {{SHOWN}} are listed here.</p>{{/MORE}}
</section>{{/TO_CONFIRM}}
{{#WAITING}}<section class="pending-panel" aria-labelledby="waiting-title">
<h2 id="waiting-title">Waiting for confirmation</h2>
<p>{{#OWN}}You{{/OWN}}{{#OTHER}}This member{{/OTHER}} gave these services and recorded them. They count in no balance until the recipient confirms them.</p>
<table class="pending">
<caption>Exchanges waiting for the recipient, oldest first</caption>
<thead><tr><th scope="col">Exchange</th><th scope="col">Date</th><th scope="col">To</th><th scope="col">What</th><th scope="col">Hours</th><th scope="col">Status</th></tr></thead>
<tbody>
{{#ROW}}<tr>
<td><a href="/exchanges/pending/{{ID}}">#{{ID}}</a></td>
<td>{{DATE}}</td>
<td>{{OTHER_NAME}} ({{OTHER_USERNAME}})</td>
<td>{{DESCRIPTION}}</td>
<td class="num">{{HOURS}}</td>
<td>{{#PENDING}}waiting for confirmation{{/PENDING}}{{#DISPUTED}}disputed{{#HAS_REASON}}: {{REASON}}{{/HAS_REASON}}; a coordinator will decide{{/DISPUTED}}</td>
</tr>
{{/ROW}}</tbody>
</table>
{{#MORE}}<p>Only the oldest {{SHOWN}} are listed here.</p>{{/MORE}}
</section>{{/WAITING}}
