{{%AUTOESCAPE context="HTML"}}<h1>[[ledger.group.title]]</h1>
<p>[[ledger.group.intro]]</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/exchanges/group">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<fieldset>
<legend>[[ledger.group.shape]]</legend>
<p class="check"><input type="radio" id="shape-provider" name="shape" value="provider"{{#SHAPE_PROVIDER_CHECKED}} checked{{/SHAPE_PROVIDER_CHECKED}}>
<label for="shape-provider" class="inline">[[ledger.group.shape.provider]]</label></p>
<p class="check"><input type="radio" id="shape-recipient" name="shape" value="recipient"{{#SHAPE_RECIPIENT_CHECKED}} checked{{/SHAPE_RECIPIENT_CHECKED}}>
<label for="shape-recipient" class="inline">[[ledger.group.shape.recipient]]</label></p>
{{#SHAPE_INVALID}}<p class="field-error" id="shape-error">{{SHAPE_ERROR}}</p>{{/SHAPE_INVALID}}
</fieldset>
<label for="one">[[ledger.group.one]]</label>
<input type="text" id="one" name="one" value="{{ONE}}" autocapitalize="none" spellcheck="false" required{{#ONE_INVALID}} aria-invalid="true" aria-describedby="one-error"{{/ONE_INVALID}}>
{{#ONE_INVALID}}<p class="field-error" id="one-error">{{ONE_ERROR}}</p>{{/ONE_INVALID}}
<label for="many">[[ledger.group.many]] <span class="hint">[[ledger.group.many_hint n=GROUP_MAX]]</span></label>
<textarea id="many" name="many" rows="8" autocapitalize="none" spellcheck="false" required{{#MANY_INVALID}} aria-invalid="true" aria-describedby="many-error"{{/MANY_INVALID}}>{{MANY:pre_escape}}</textarea>
{{#MANY_INVALID}}<div class="field-error" id="many-error"><p>{{MANY_ERROR}}</p>
<ul>{{#LINE_ERROR}}<li>{{MESSAGE}}</li>{{/LINE_ERROR}}</ul></div>{{/MANY_INVALID}}
<label for="hours">[[ledger.group.hours]] <span class="hint">[[ledger.new.hours_hint]]</span></label>
<input type="text" id="hours" name="hours" value="{{HOURS}}" inputmode="decimal" required{{#HOURS_INVALID}} aria-invalid="true" aria-describedby="hours-error"{{/HOURS_INVALID}}>
{{#HOURS_INVALID}}<p class="field-error" id="hours-error">{{HOURS_ERROR}}</p>{{/HOURS_INVALID}}
<label for="service_date">[[ledger.entry.date]] <span class="hint">[[ledger.new.date_hint n=OLDEST_DAYS]]</span></label>
<input type="date" id="service_date" name="service_date" value="{{SERVICE_DATE}}" required{{#SERVICE_DATE_INVALID}} aria-invalid="true" aria-describedby="service_date-error"{{/SERVICE_DATE_INVALID}}>
{{#SERVICE_DATE_INVALID}}<p class="field-error" id="service_date-error">{{SERVICE_DATE_ERROR}}</p>{{/SERVICE_DATE_INVALID}}
<label for="description">[[ledger.entry.what]] <span class="hint">[[ledger.new.what_hint]]</span></label>
<input type="text" id="description" name="description" value="{{DESCRIPTION}}" maxlength="255" required{{#DESCRIPTION_INVALID}} aria-invalid="true" aria-describedby="description-error"{{/DESCRIPTION_INVALID}}>
{{#DESCRIPTION_INVALID}}<p class="field-error" id="description-error">{{DESCRIPTION_ERROR}}</p>{{/DESCRIPTION_INVALID}}
<label for="category">[[ads.field.category]] <span class="hint">[[ledger.group.category_hint]]</span></label>
<select id="category" name="category"{{#CATEGORY_INVALID}} aria-invalid="true" aria-describedby="category-error"{{/CATEGORY_INVALID}}>
<option value="">[[ledger.group.category_none]]</option>
{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}</select>
{{#CATEGORY_INVALID}}<p class="field-error" id="category-error">{{CATEGORY_ERROR}}</p>{{/CATEGORY_INVALID}}
<div class="actions"><button type="submit">[[ledger.group.submit]]</button></div>
</form>
<p><a href="/exchanges/new">[[ledger.new.title]]</a></p>
