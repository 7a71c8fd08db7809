{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{#PENDING}}<p class="note">[[ledger.pending.note_pending recipient=RECIPIENT_NAME]]</p>{{/PENDING}}
{{#DISPUTED}}<p class="note">{{#HAS_REASON}}[[ledger.pending.note_disputed_reason]]{{/HAS_REASON}}{{#NO_REASON}}[[ledger.pending.note_disputed]]{{/NO_REASON}}</p>{{/DISPUTED}}
{{#CONFIRMED}}<p class="note">{{#BY}}[[ledger.pending.note_confirmed_by]]{{/BY}}{{#AUTO}}[[ledger.pending.note_confirmed_auto]]{{/AUTO}} <a href="/exchanges/{{EXCHANGE_ID}}">[[ledger.exchange_link id=EXCHANGE_ID]]</a>.</p>{{/CONFIRMED}}
{{#CANCELLED}}<p class="note">{{#HAS_REASON}}[[ledger.pending.note_cancelled_reason]]{{/HAS_REASON}}{{#NO_REASON}}[[ledger.pending.note_cancelled]]{{/NO_REASON}}</p>{{/CANCELLED}}
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
</dl>
{{#ANSWER}}<h2>[[ledger.pending.answer_title]]</h2>
<p>[[ledger.pending.answer recipient=RECIPIENT_NAME provider=PROVIDER_NAME]]{{#DISPUTE}} [[ledger.pending.answer_dispute]]{{/DISPUTE}}</p>
<form method="post" action="/exchanges/pending/{{ID}}/confirm" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[ledger.button.confirm]]</button>
</form>
{{#DISPUTE}}<form method="post" action="/exchanges/pending/{{ID}}/dispute">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="reason">[[ledger.reason]] <span class="hint">[[ledger.pending.reason_hint]]</span></label>
<input type="text" id="reason" name="reason" maxlength="255">
<div class="actions"><button type="submit">[[ledger.button.dispute]]</button></div>
</form>{{/DISPUTE}}{{/ANSWER}}
{{#RESOLVE}}<h2>[[ledger.pending.resolve_title]]</h2>
<p>[[ledger.pending.resolve]]</p>
<form method="post" action="/exchanges/pending/{{ID}}/confirm" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[ledger.pending.confirm_for]]</button>
</form>
<form method="post" action="/exchanges/pending/{{ID}}/cancel" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[ledger.pending.cancel]]</button>
</form>{{/RESOLVE}}
<p><a href="/exchanges">[[ledger.statement.title]]</a></p>
