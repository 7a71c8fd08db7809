{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{#PENDING}}<p class="note">Recorded by the member who gave the service: it is waiting for {{#RECIPIENT}}{{NAME}}{{/RECIPIENT}} to confirm it. No hours have moved yet.</p>{{/PENDING}}
{{#DISPUTED}}<p class="note">Disputed by {{DISPUTED_BY}} on {{DISPUTED_AT}} UTC{{#HAS_REASON}}: {{REASON}}{{/HAS_REASON}}. A coordinator will confirm it for the recipient or cancel it. No hours have moved.</p>{{/DISPUTED}}
{{#CONFIRMED}}<p class="note">Confirmed {{#BY}}by {{NAME}}{{/BY}}{{#AUTO}}automatically, after waiting as long as the timebank allows,{{/AUTO}} on {{AT}} UTC: its hours have moved, as <a href="/exchanges/{{EXCHANGE_ID}}">exchange #{{EXCHANGE_ID}}</a>.</p>{{/CONFIRMED}}
{{#CANCELLED}}<p class="note">Cancelled by {{NAME}} on {{AT}} UTC{{#HAS_REASON}}, after a dispute: {{REASON}}{{/HAS_REASON}}. No hours moved.</p>{{/CANCELLED}}
<dl class="exchange">
<dt>Provider (gave the service)</dt>
<dd>{{#PROVIDER}}{{NAME}} ({{USERNAME}}){{#STATEMENT}} · <a href="/exchanges/members/{{ID}}">statement</a>{{/STATEMENT}}{{/PROVIDER}}</dd>
<dt>Recipient (received the service)</dt>
<dd>{{#RECIPIENT}}{{NAME}} ({{USERNAME}}){{#STATEMENT}} · <a href="/exchanges/members/{{ID}}">statement</a>{{/STATEMENT}}{{/RECIPIENT}}</dd>
<dt>Hours</dt>
<dd>{{HOURS}}</dd>
<dt>Date of the service</dt>
<dd>{{SERVICE_DATE}}</dd>
<dt>What was done</dt>
<dd>{{DESCRIPTION}}</dd>
{{#AD}}<dt>Offer or request</dt>
<dd><a href="/ads/{{AD_ID}}">{{AD_TITLE}}</a></dd>{{/AD}}
<dt>Recorded by</dt>
<dd>{{RECORDED_BY}}{{#RECORDED_AS}}, acting as {{NAME}}{{/RECORDED_AS}}, on {{CREATED_AT}} UTC</dd>
</dl>
{{#ANSWER}}<h2>Your answer</h2>
<p>Confirming takes {{HOURS}} hours from the balance of {{#RECIPIENT}}{{NAME}}{{/RECIPIENT}} and gives them to {{#PROVIDER}}{{NAME}}{{/PROVIDER}}.{{#DISPUTE}} If this is wrong, dispute it: a coordinator will look at it.{{/DISPUTE}}</p>
<form method="post" action="/exchanges/pending/{{ID}}/confirm" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Confirm</button>
</form>
{{#DISPUTE}}<form method="post" action="/exchanges/pending/{{ID}}/dispute">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="reason">Reason <span class="hint">(optional, up to 255 characters)</span></label>
<input type="text" id="reason" name="reason" maxlength="255">
<div class="actions"><button type="submit">Dispute</button></div>
</form>{{/DISPUTE}}{{/ANSWER}}
{{#RESOLVE}}<h2>Decide as a coordinator</h2>
<p>Confirm it for the recipient (its hours then move, as if they had confirmed it), or cancel it (nothing moves). Either is recorded in the audit log.</p>
<form method="post" action="/exchanges/pending/{{ID}}/confirm" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Confirm for the recipient</button>
</form>
<form method="post" action="/exchanges/pending/{{ID}}/cancel" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Cancel this exchange</button>
</form>{{/RESOLVE}}
<p><a href="/exchanges">Your balance and statement</a></p>
