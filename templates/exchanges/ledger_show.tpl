{{%AUTOESCAPE context="HTML"}}<h1>[[ledger.show.title]]</h1>
{{#REVERSES}}<p class="note">[[ledger.show.reverses]] <a href="/exchanges/{{REVERSES_ID}}">[[ledger.exchange_link id=REVERSES_ID]]</a>. [[ledger.show.reason]]</p>{{/REVERSES}}
{{#REVERSED}}<p class="note">[[ledger.show.reversed]] <a href="/exchanges/{{REVERSED_BY}}">[[ledger.exchange_link id=REVERSED_BY]]</a>[[ledger.show.reversed_end]]</p>{{/REVERSED}}
<dl class="exchange">
<dt>[[ledger.entry.provider]]</dt>
<dd>{{#PROVIDER}}{{NAME}} ({{USERNAME}}){{#STATEMENT}} · <a href="/exchanges/members/{{ID}}">[[ledger.entry.statement]]</a>{{/STATEMENT}}{{/PROVIDER}}</dd>
<dt>[[ledger.entry.recipient]]</dt>
<dd>{{#RECIPIENT}}{{NAME}} ({{USERNAME}}){{#STATEMENT}} · <a href="/exchanges/members/{{ID}}">[[ledger.entry.statement]]</a>{{/STATEMENT}}{{/RECIPIENT}}</dd>
<dt>[[ledger.col.hours]]</dt>
<dd>{{HOURS}}</dd>
<dt>[[ledger.entry.date]]</dt>
<dd>{{SERVICE_DATE}}</dd>
<dt>[[ledger.entry.what]]</dt>
<dd>{{DESCRIPTION}}</dd>
{{#CATEGORY}}<dt>[[ads.field.category]]</dt>
<dd>{{NAME}}</dd>{{/CATEGORY}}
{{#AD}}<dt>[[ledger.entry.ad]]</dt>
<dd><a href="/ads/{{AD_ID}}">{{AD_TITLE}}</a></dd>{{/AD}}
<dt>[[ledger.entry.recorded_by]]</dt>
<dd>{{#RECORDED_SELF}}[[ledger.entry.recorded]]{{/RECORDED_SELF}}{{#RECORDED_AS}}[[ledger.entry.recorded_as]]{{/RECORDED_AS}}</dd>
{{#CONFIRMED}}<dt>[[ledger.show.confirmed]]</dt>
<dd>{{#BY}}[[ledger.show.confirmed_by]]{{/BY}}{{#AUTO}}[[ledger.show.confirmed_auto]]{{/AUTO}} <a href="/exchanges/pending/{{PROPOSAL_ID}}">#{{PROPOSAL_ID}}</a>[[ledger.show.confirmed_end]]</dd>{{/CONFIRMED}}
</dl>
{{#REVERSE_FORM}}<h2>[[ledger.show.reverse_title]]</h2>
<p>[[ledger.reverse.explain]]</p>
<form method="post" action="/exchanges/{{ID}}/reverse">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="reason">[[ledger.reason]] <span class="hint">[[ledger.reverse.reason_hint]]</span></label>
<input type="text" id="reason" name="reason" maxlength="255" required>
<div class="actions"><button type="submit">[[ledger.reverse.button]]</button></div>
</form>{{/REVERSE_FORM}}
<p><a href="/exchanges">[[ledger.statement.title]]</a></p>
