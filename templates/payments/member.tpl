{{%AUTOESCAPE context="HTML"}}<h1>[[payments.member.heading name=MEMBER_NAME]]</h1>
<p><a href="/payments">[[payments.member.back]]</a></p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<p class="status" data-status="{{STATUS_NAME}}">[[payments.member.status]] <strong>{{STATUS}}</strong></p>
{{#NO_SUB}}<p>[[payments.member.no_sub]]</p>{{/NO_SUB}}
{{#SUB}}<dl class="facts">
<dt>[[payments.col.type]]</dt><dd>{{TYPE_NAME}} ({{KIND}}, {{AMOUNT}})</dd>
<dt>[[payments.col.renewal]]</dt><dd>{{RENEWAL}}</dd>
<dt>[[payments.col.preference]]</dt><dd>{{PREFERENCE}}{{#GATEWAY}} ([[payments.member.gateway_ref]] {{GATEWAY_REF}}){{/GATEWAY}}</dd>
{{#INACTIVE}}<dt>[[payments.col.status]]</dt><dd>[[subscription.status.inactive]]</dd>{{/INACTIVE}}
</dl>{{/SUB}}
{{#HOUSEHOLD_MEMBER}}<p>[[payments.member.paid_by]] <a href="/payments/members/{{HEAD_ID}}">{{HEAD_NAME}}</a> ([[payments.col.renewal]] {{HEAD_RENEWAL}})</p>{{/HOUSEHOLD_MEMBER}}
{{#HOUSEHOLD}}<p>[[payments.member.pays_for]] <a href="/payments/members/{{ID}}">{{NAME}}</a></p>{{/HOUSEHOLD}}
<h2>[[payments.member.sub_heading]]</h2>
<form method="post" action="/payments/members/{{MEMBER_ID}}/subscription">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="type">[[payments.col.type]]</label>
<select id="type" name="type"{{#TYPE_INVALID}} aria-invalid="true" aria-describedby="type-error"{{/TYPE_INVALID}}>{{#TYPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTION}}</select>
{{#TYPE_INVALID}}<p class="field-error" id="type-error">{{TYPE_ERROR}}</p>{{/TYPE_INVALID}}
<label for="renewal_date">[[payments.col.renewal]]</label>
<input type="date" id="renewal_date" name="renewal_date" value="{{RENEWAL_DATE}}" required{{#RENEWAL_DATE_INVALID}} aria-invalid="true" aria-describedby="renewal_date-error"{{/RENEWAL_DATE_INVALID}}>
{{#RENEWAL_DATE_INVALID}}<p class="field-error" id="renewal_date-error">{{RENEWAL_DATE_ERROR}}</p>{{/RENEWAL_DATE_INVALID}}
<label for="preference">[[payments.col.preference]]</label>
<select id="preference" name="preference">{{#PREF_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PREF_OPTION}}</select>
<label for="gateway_ref">[[payments.member.gateway_ref]]</label>
<input type="text" id="gateway_ref" name="gateway_ref" value="{{GATEWAY_REF}}" maxlength="128"{{#GATEWAY_REF_INVALID}} aria-invalid="true" aria-describedby="gateway_ref-error"{{/GATEWAY_REF_INVALID}}>
{{#GATEWAY_REF_INVALID}}<p class="field-error" id="gateway_ref-error">{{GATEWAY_REF_ERROR}}</p>{{/GATEWAY_REF_INVALID}}
<label><input type="checkbox" name="active" value="1"{{#ACTIVE_CHECKED}} checked{{/ACTIVE_CHECKED}}> [[payments.member.active]]</label>
<div class="actions"><button type="submit">[[payments.member.save]]</button></div>
</form>
<h2>[[payments.member.household_heading]]</h2>
<form method="post" action="/payments/members/{{MEMBER_ID}}/household">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="head">[[payments.member.head]] <span class="hint">[[payments.member.head_hint]]</span></label>
<input type="text" id="head" name="head" value="{{HEAD}}" maxlength="32"{{#HEAD_INVALID}} aria-invalid="true" aria-describedby="head-error"{{/HEAD_INVALID}}>
{{#HEAD_INVALID}}<p class="field-error" id="head-error">{{HEAD_ERROR}}</p>{{/HEAD_INVALID}}
<div class="actions"><button type="submit">[[payments.member.save]]</button></div>
</form>
<h2>[[payments.member.charges_heading]]</h2>
{{#GENERATE}}<form method="post" action="/payments/members/{{MEMBER_ID}}/charges" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[payments.member.generate date=PERIOD_START]]</button>
</form>{{/GENERATE}}
{{#NO_CHARGES}}<p>[[payments.member.no_charges]]</p>{{/NO_CHARGES}}
<table class="charges">
<caption>[[payments.member.charges_caption]]</caption>
<thead><tr><th scope="col">[[payments.col.period]]</th><th scope="col">[[payments.col.amount]]</th><th scope="col">[[payments.col.paid]]</th><th scope="col">[[payments.col.left]]</th><th scope="col">[[payments.col.actions]]</th></tr></thead>
<tbody>
{{#CHARGE}}<tr data-charge="{{CHARGE_ID}}"><td>{{START}} – {{END}}</td><td>{{AMOUNT}}</td><td>{{PAID}}</td><td>{{LEFT}}</td><td>{{#DELETE}}<form method="post" action="/payments/members/{{MEMBER_ID}}/charges/{{CHARGE_ID}}/delete" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[payments.member.delete_charge]]</button>
</form>{{/DELETE}}</td></tr>
{{/CHARGE}}</tbody>
</table>
{{#PAY}}<h2>[[payments.member.pay_heading]]</h2>
<form method="post" action="/payments/members/{{MEMBER_ID}}/charges/{{CHARGE_ID}}/payments">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<label for="amount">[[payments.col.amount]] <span class="hint">[[payments.member.amount_hint]]</span></label>
<input type="text" id="amount" name="amount" value="{{AMOUNT}}" required inputmode="decimal"{{#AMOUNT_INVALID}} aria-invalid="true" aria-describedby="amount-error"{{/AMOUNT_INVALID}}>
{{#AMOUNT_INVALID}}<p class="field-error" id="amount-error">{{AMOUNT_ERROR}}</p>{{/AMOUNT_INVALID}}
<label for="paid_on">[[payments.col.paid_on]]</label>
<input type="date" id="paid_on" name="paid_on" value="{{PAID_ON}}" required{{#PAID_ON_INVALID}} aria-invalid="true" aria-describedby="paid_on-error"{{/PAID_ON_INVALID}}>
{{#PAID_ON_INVALID}}<p class="field-error" id="paid_on-error">{{PAID_ON_ERROR}}</p>{{/PAID_ON_INVALID}}
<label for="method">[[payments.col.method]]</label>
<select id="method" name="method">{{#METHOD_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/METHOD_OPTION}}</select>
<label for="hours">[[payments.member.hours]] <span class="hint">[[payments.member.hours_hint]]</span></label>
<input type="text" id="hours" name="hours" value="{{HOURS}}" inputmode="decimal"{{#HOURS_INVALID}} aria-invalid="true" aria-describedby="hours-error"{{/HOURS_INVALID}}>
{{#HOURS_INVALID}}<p class="field-error" id="hours-error">{{HOURS_ERROR}}</p>{{/HOURS_INVALID}}
<label for="reference">[[payments.col.reference]]</label>
<input type="text" id="reference" name="reference" value="{{REFERENCE}}" maxlength="128"{{#REFERENCE_INVALID}} aria-invalid="true" aria-describedby="reference-error"{{/REFERENCE_INVALID}}>
{{#REFERENCE_INVALID}}<p class="field-error" id="reference-error">{{REFERENCE_ERROR}}</p>{{/REFERENCE_INVALID}}
<label for="note">[[payments.col.note]]</label>
<input type="text" id="note" name="note" value="{{NOTE}}" maxlength="255"{{#NOTE_INVALID}} aria-invalid="true" aria-describedby="note-error"{{/NOTE_INVALID}}>
{{#NOTE_INVALID}}<p class="field-error" id="note-error">{{NOTE_ERROR}}</p>{{/NOTE_INVALID}}
<div class="actions"><button type="submit">[[payments.member.record]]</button></div>
</form>{{/PAY}}
<h2>[[payments.member.payments_heading]]</h2>
{{#NO_PAYMENTS}}<p>[[payments.member.no_payments]]</p>{{/NO_PAYMENTS}}
<table class="payments">
<caption>[[payments.member.payments_caption]]</caption>
<thead><tr><th scope="col">[[payments.col.paid_on]]</th><th scope="col">[[payments.col.amount]]</th><th scope="col">[[payments.col.method]]</th><th scope="col">[[payments.col.reference]]</th><th scope="col">[[payments.col.period]]</th><th scope="col">[[payments.col.recorded_by]]</th></tr></thead>
<tbody>
{{#PAYMENT}}<tr data-payment="{{PAYMENT_ID}}"><td>{{PAID_ON}}</td><td>{{AMOUNT}}{{#HOURS}} [[payments.member.in_hours hours=HOURS]]{{/HOURS}}</td><td>{{METHOD}}</td><td>{{REFERENCE}}{{NOTE}}</td><td>{{PERIOD}}</td><td>{{RECORDED_BY}}</td></tr>
{{/PAYMENT}}</tbody>
</table>
