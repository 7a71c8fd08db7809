{{%AUTOESCAPE context="HTML"}}<h1>Exchange #{{ID}}</h1>
{{#REVERSES}}<p class="note">This exchange is the reversal of <a href="/exchanges/{{REVERSES_ID}}">exchange #{{REVERSES_ID}}</a>. Reason: {{REASON}}</p>{{/REVERSES}}
{{#REVERSED}}<p class="note">This exchange was reversed by <a href="/exchanges/{{REVERSED_BY}}">exchange #{{REVERSED_BY}}</a>: its hours have been given back.</p>{{/REVERSED}}
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
{{#CONFIRMED}}<dt>Confirmed</dt>
<dd>{{#BY}}by {{NAME}}{{/BY}}{{#AUTO}}automatically, after waiting as long as the timebank allows{{/AUTO}}, on {{AT}} UTC (recorded by the provider as <a href="/exchanges/pending/{{PROPOSAL_ID}}">#{{PROPOSAL_ID}}</a>, waiting for the recipient)</dd>{{/CONFIRMED}}
</dl>
{{#REVERSE_FORM}}<h2>Reverse this exchange</h2>
<p>A mistake is corrected by a reversing exchange: the same hours go back, both exchanges stay on both statements, linked to each other. Nothing is deleted.</p>
<form method="post" action="/exchanges/{{ID}}/reverse">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="reason">Reason <span class="hint">(required, up to 255 characters)</span></label>
<input type="text" id="reason" name="reason" maxlength="255" required>
<div class="actions"><button type="submit">Reverse exchange #{{ID}}</button></div>
</form>{{/REVERSE_FORM}}
<p><a href="/exchanges">Your balance and statement</a></p>
