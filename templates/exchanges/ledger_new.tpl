{{%AUTOESCAPE context="HTML"}}<h1>[[ledger.new.title]]</h1>
<p>[[ledger.new.intro]] {{#RECORD_OWN}}[[ledger.new.who]]{{/RECORD_OWN}}{{#RECORD_FOR}}[[ledger.new.who_for]]{{/RECORD_FOR}} [[ledger.new.username]] <strong>{{ME}}</strong>.</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/exchanges/new">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<label for="provider">[[ledger.new.provider]]</label>
<input type="text" id="provider" name="provider" value="{{PROVIDER}}" autocapitalize="none" spellcheck="false" required{{#PROVIDER_INVALID}} aria-invalid="true" aria-describedby="provider-error"{{/PROVIDER_INVALID}}>
{{#PROVIDER_INVALID}}<p class="field-error" id="provider-error">{{PROVIDER_ERROR}}</p>{{/PROVIDER_INVALID}}
{{#PROVIDER_MATCHES}}<fieldset class="matches">
<legend>[[ledger.new.matches]]</legend>
{{#MATCH}}<p class="check"><input type="radio" id="provider-pick-{{N}}" name="provider_pick" value="{{USERNAME}}">
<label for="provider-pick-{{N}}" class="inline">{{NAME}} ({{USERNAME}})</label></p>
{{/MATCH}}{{#MORE}}<p class="hint">[[ledger.new.matches_more]]</p>{{/MORE}}</fieldset>
{{/PROVIDER_MATCHES}}<label for="recipient">[[ledger.new.recipient]]</label>
<input type="text" id="recipient" name="recipient" value="{{RECIPIENT}}" autocapitalize="none" spellcheck="false" required{{#RECIPIENT_INVALID}} aria-invalid="true" aria-describedby="recipient-error"{{/RECIPIENT_INVALID}}>
{{#RECIPIENT_INVALID}}<p class="field-error" id="recipient-error">{{RECIPIENT_ERROR}}</p>{{/RECIPIENT_INVALID}}
{{#RECIPIENT_MATCHES}}<fieldset class="matches">
<legend>[[ledger.new.matches]]</legend>
{{#MATCH}}<p class="check"><input type="radio" id="recipient-pick-{{N}}" name="recipient_pick" value="{{USERNAME}}">
<label for="recipient-pick-{{N}}" class="inline">{{NAME}} ({{USERNAME}})</label></p>
{{/MATCH}}{{#MORE}}<p class="hint">[[ledger.new.matches_more]]</p>{{/MORE}}</fieldset>
{{/RECIPIENT_MATCHES}}<label for="hours">[[ledger.col.hours]] <span class="hint">[[ledger.new.hours_hint]]</span></label>
<input type="text" id="hours" name="hours" value="{{HOURS}}" inputmode="decimal" required{{#HOURS_INVALID}} aria-invalid="true" aria-describedby="hours-error"{{/HOURS_INVALID}}>
{{#HOURS_INVALID}}<p class="field-error" id="hours-error">{{HOURS_ERROR}}</p>{{/HOURS_INVALID}}
<label for="service_date">[[ledger.entry.date]] <span class="hint">[[ledger.new.date_hint n=OLDEST_DAYS]]</span></label>
<input type="date" id="service_date" name="service_date" value="{{SERVICE_DATE}}" required{{#SERVICE_DATE_INVALID}} aria-invalid="true" aria-describedby="service_date-error"{{/SERVICE_DATE_INVALID}}>
{{#SERVICE_DATE_INVALID}}<p class="field-error" id="service_date-error">{{SERVICE_DATE_ERROR}}</p>{{/SERVICE_DATE_INVALID}}
<label for="description">[[ledger.entry.what]] <span class="hint">[[ledger.new.what_hint]]</span></label>
<input type="text" id="description" name="description" value="{{DESCRIPTION}}" maxlength="255" required{{#DESCRIPTION_INVALID}} aria-invalid="true" aria-describedby="description-error"{{/DESCRIPTION_INVALID}}>
{{#DESCRIPTION_INVALID}}<p class="field-error" id="description-error">{{DESCRIPTION_ERROR}}</p>{{/DESCRIPTION_INVALID}}
<label for="category">[[ads.field.category]] <span class="hint">[[ledger.new.category_hint]]</span></label>
<select id="category" name="category"{{#CATEGORY_INVALID}} aria-invalid="true" aria-describedby="category-error"{{/CATEGORY_INVALID}}>
<option value="">[[ledger.new.category_none]]</option>
{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}</select>
{{#CATEGORY_INVALID}}<p class="field-error" id="category-error">{{CATEGORY_ERROR}}</p>{{/CATEGORY_INVALID}}
<label for="ad">[[ledger.new.ad]] <span class="hint">[[ledger.new.ad_hint]]</span></label>
<input type="text" id="ad" name="ad" value="{{AD}}" inputmode="numeric"{{#AD_INVALID}} aria-invalid="true" aria-describedby="ad-error"{{/AD_INVALID}}>
{{#AD_INVALID}}<p class="field-error" id="ad-error">{{AD_ERROR}}</p>{{/AD_INVALID}}
<div class="actions"><button type="submit">[[ledger.new.submit]]</button></div>
</form>
{{#RECORD_FOR}}<p><a href="/exchanges/group">[[ledger.group.title]]</a></p>{{/RECORD_FOR}}
<p><a href="/exchanges">[[ledger.statement.title]]</a></p>
