{{%AUTOESCAPE context="HTML"}}{{#TO_CONFIRM}}<section class="pending-panel" aria-labelledby="to-confirm-title">
<h2 id="to-confirm-title">{{#OWN}}[[ledger.panel.to_confirm_own]]{{/OWN}}{{#OTHER}}[[ledger.panel.to_confirm_other]]{{/OTHER}}</h2>
<p>[[ledger.panel.to_confirm_intro]]</p>
<table class="pending stack">
<caption>[[ledger.panel.to_confirm_caption]]</caption>
<thead><tr><th scope="col">[[ledger.col.exchange]]</th><th scope="col">[[ledger.col.date]]</th><th scope="col">[[ledger.col.from]]</th><th scope="col">[[ledger.col.what]]</th><th scope="col">[[ledger.col.hours]]</th><th scope="col">[[ledger.col.status]]</th><th scope="col">[[ledger.col.answer]]</th></tr></thead>
<tbody>
{{#ROW}}<tr>
<td data-label="[[ledger.col.exchange]]"><a href="/exchanges/pending/{{ID}}">#{{ID}}</a></td>
<td data-label="[[ledger.col.date]]">{{DATE}}</td>
<td data-label="[[ledger.col.from]]">{{OTHER_NAME}} ({{OTHER_USERNAME}}){{#FOR}}<br>[[ledger.panel.for]]{{/FOR}}</td>
<td data-label="[[ledger.col.what]]">{{DESCRIPTION}}</td>
<td data-label="[[ledger.col.hours]]" class="num">{{HOURS}}</td>
<td data-label="[[ledger.col.status]]">{{#PENDING}}[[ledger.panel.waiting]]{{/PENDING}}{{#DISPUTED}}{{#HAS_REASON}}[[ledger.panel.disputed_reason]]{{/HAS_REASON}}{{#NO_REASON}}[[ledger.panel.disputed]]{{/NO_REASON}}{{/DISPUTED}}</td>
<td data-label="[[ledger.col.answer]]">{{#FORMS}}<form method="post" action="/exchanges/pending/{{ID}}/confirm" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[ledger.button.confirm]]</button>
</form>
{{#DISPUTE}}<form method="post" action="/exchanges/pending/{{ID}}/dispute" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="reason-{{ID}}">[[ledger.reason]] <span class="hint">[[ledger.panel.reason_hint]]</span></label>
<input type="text" id="reason-{{ID}}" name="reason" maxlength="255">
<button type="submit">[[ledger.button.dispute]]</button>
</form>{{/DISPUTE}}{{/FORMS}}</td>
</tr>
{{/ROW}}</tbody>
</table>
{{#MORE}}<p>[[ledger.panel.more n=SHOWN]]</p>{{/MORE}}
</section>{{/TO_CONFIRM}}
{{#WAITING}}<section class="pending-panel" aria-labelledby="waiting-title">
<h2 id="waiting-title">[[ledger.panel.waiting_title]]</h2>
<p>{{#OWN}}[[ledger.panel.waiting_own]]{{/OWN}}{{#OTHER}}[[ledger.panel.waiting_other]]{{/OTHER}}</p>
<table class="pending stack">
<caption>[[ledger.panel.waiting_caption]]</caption>
<thead><tr><th scope="col">[[ledger.col.exchange]]</th><th scope="col">[[ledger.col.date]]</th><th scope="col">[[ledger.col.to]]</th><th scope="col">[[ledger.col.what]]</th><th scope="col">[[ledger.col.hours]]</th><th scope="col">[[ledger.col.status]]</th></tr></thead>
<tbody>
{{#ROW}}<tr>
<td data-label="[[ledger.col.exchange]]"><a href="/exchanges/pending/{{ID}}">#{{ID}}</a></td>
<td data-label="[[ledger.col.date]]">{{DATE}}</td>
<td data-label="[[ledger.col.to]]">{{OTHER_NAME}} ({{OTHER_USERNAME}})</td>
<td data-label="[[ledger.col.what]]">{{DESCRIPTION}}</td>
<td data-label="[[ledger.col.hours]]" class="num">{{HOURS}}</td>
<td data-label="[[ledger.col.status]]">{{#PENDING}}[[ledger.panel.waiting]]{{/PENDING}}{{#DISPUTED}}{{#HAS_REASON}}[[ledger.panel.disputed_reason]]{{/HAS_REASON}}{{#NO_REASON}}[[ledger.panel.disputed]]{{/NO_REASON}}{{/DISPUTED}}</td>
</tr>
{{/ROW}}</tbody>
</table>
{{#MORE}}<p>[[ledger.panel.more n=SHOWN]]</p>{{/MORE}}
</section>{{/WAITING}}
