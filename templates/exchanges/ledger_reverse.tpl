{{%AUTOESCAPE context="HTML"}}<h1>[[ledger.reverse.button]]</h1>
<p>[[ledger.reverse.summary]]</p>
<p>[[ledger.reverse.explain]]</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/exchanges/{{ID}}/reverse">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="reason">[[ledger.reason]] <span class="hint">[[ledger.reverse.reason_hint]]</span></label>
<input type="text" id="reason" name="reason" value="{{REASON}}" maxlength="255" required{{#REASON_INVALID}} aria-invalid="true" aria-describedby="reason-error"{{/REASON_INVALID}}>
{{#REASON_INVALID}}<p class="field-error" id="reason-error">{{REASON_ERROR}}</p>{{/REASON_INVALID}}
<div class="actions"><button type="submit">[[ledger.reverse.button]]</button></div>
</form>
<p><a href="/exchanges/{{ID}}">[[ledger.reverse.back]]</a></p>
