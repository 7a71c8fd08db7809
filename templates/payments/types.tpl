{{%AUTOESCAPE context="HTML"}}<h1>[[payments.types.heading]]</h1>
<p>[[payments.types.intro code=CURRENCY]]</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
{{#TYPE_INVALID}}<p class="field-error" id="type-error">{{TYPE_ERROR}}</p>{{/TYPE_INVALID}}
{{#NO_TYPES}}<p>[[payments.types.none]]</p>{{/NO_TYPES}}
<table class="types">
<caption>[[payments.types.caption]]</caption>
<thead><tr><th scope="col">[[payments.col.type]]</th><th scope="col">[[payments.types.kind]]</th><th scope="col">[[payments.types.period]]</th><th scope="col">[[payments.col.amount]]</th><th scope="col">[[payments.types.subscribers]]</th></tr></thead>
<tbody>
{{#TYPE}}<tr data-type="{{ID}}"><th scope="row">{{NAME}}{{#RETIRED}} <span class="hint">[[payments.types.retired]]</span>{{/RETIRED}}</th><td>{{KIND}}</td><td>{{PERIOD_N}} {{PERIOD_UNIT}}</td><td>{{AMOUNT}}</td><td>{{SUBSCRIBERS}}</td></tr>
{{#EDIT}}<tr><td colspan="5"><form method="post" action="/payments/types/{{ID}}" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name-{{ID}}">[[payments.types.name]]</label>
<input type="text" id="name-{{ID}}" name="name" value="{{NAME}}" required maxlength="128">
<label for="kind-{{ID}}">[[payments.types.kind]]</label>
<select id="kind-{{ID}}" name="kind">{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select>
<label for="period_n-{{ID}}">[[payments.types.period]]</label>
<input type="number" id="period_n-{{ID}}" name="period_n" value="{{PERIOD_N}}" min="1" max="120" required>
<label for="period_unit-{{ID}}">[[payments.types.unit]]</label>
<select id="period_unit-{{ID}}" name="period_unit">{{#UNIT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
<label for="amount-{{ID}}">[[payments.col.amount]]</label>
<input type="text" id="amount-{{ID}}" name="amount" value="{{AMOUNT}}" required inputmode="decimal">
<label><input type="checkbox" name="active" value="1"{{#ACTIVE_CHECKED}} checked{{/ACTIVE_CHECKED}}> [[payments.types.active]]</label>
<div class="actions"><button type="submit">[[payments.types.save]]</button></div>
</form>
<form method="post" action="/payments/types/{{ID}}/names" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="lang-{{ID}}">[[payments.types.lang]]</label>
<select id="lang-{{ID}}" name="lang">{{#LANG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANG_OPTION}}</select>
<label for="tname-{{ID}}">[[payments.types.translated_name]]</label>
<input type="text" id="tname-{{ID}}" name="name" maxlength="128">
<div class="actions"><button type="submit">[[payments.types.save_name]]</button></div>
</form></td></tr>{{/EDIT}}
{{/TYPE}}</tbody>
</table>
{{#ADD}}<h2>[[payments.types.add_heading]]</h2>
<form method="post" action="/payments/types">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">[[payments.types.name]]</label>
<input type="text" id="name" name="name" value="{{NAME}}" required maxlength="128"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-error"{{/NAME_INVALID}}>
{{#NAME_INVALID}}<p class="field-error" id="name-error">{{NAME_ERROR}}</p>{{/NAME_INVALID}}
<label for="kind">[[payments.types.kind]]</label>
<select id="kind" name="kind">{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select>
<label for="period_n">[[payments.types.period]]</label>
<input type="number" id="period_n" name="period_n" value="{{PERIOD_N}}" min="1" max="120" required{{#PERIOD_N_INVALID}} aria-invalid="true" aria-describedby="period_n-error"{{/PERIOD_N_INVALID}}>
{{#PERIOD_N_INVALID}}<p class="field-error" id="period_n-error">{{PERIOD_N_ERROR}}</p>{{/PERIOD_N_INVALID}}
<label for="period_unit">[[payments.types.unit]]</label>
<select id="period_unit" name="period_unit">{{#UNIT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
<label for="amount">[[payments.col.amount]]</label>
<input type="text" id="amount" name="amount" value="{{AMOUNT}}" required inputmode="decimal"{{#AMOUNT_INVALID}} aria-invalid="true" aria-describedby="amount-error"{{/AMOUNT_INVALID}}>
{{#AMOUNT_INVALID}}<p class="field-error" id="amount-error">{{AMOUNT_ERROR}}</p>{{/AMOUNT_INVALID}}
<label><input type="checkbox" name="active" value="1"{{#ACTIVE_CHECKED}} checked{{/ACTIVE_CHECKED}}> [[payments.types.active]]</label>
<div class="actions"><button type="submit">[[payments.types.add]]</button></div>
</form>{{/ADD}}
