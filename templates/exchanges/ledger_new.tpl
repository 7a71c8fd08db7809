{{%AUTOESCAPE context="HTML"}}<h1>Record an exchange</h1>
<p>An exchange moves hours to the member who gave a service from the member who received it. You can record an exchange you took part in{{#RECORD_FOR}}, and, as a coordinator, one between two members of the communities you look after{{/RECORD_FOR}}. Your username is <strong>{{ME}}</strong>.</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/exchanges/new">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<label for="provider">Provider: the username of the member who gave the service</label>
<input type="text" id="provider" name="provider" value="{{PROVIDER}}" autocapitalize="none" spellcheck="false" required{{#PROVIDER_INVALID}} aria-invalid="true" aria-describedby="provider-error"{{/PROVIDER_INVALID}}>
{{#PROVIDER_INVALID}}<p class="field-error" id="provider-error">{{PROVIDER_ERROR}}</p>{{/PROVIDER_INVALID}}
<label for="recipient">Recipient: the username of the member who received it</label>
<input type="text" id="recipient" name="recipient" value="{{RECIPIENT}}" autocapitalize="none" spellcheck="false" required{{#RECIPIENT_INVALID}} aria-invalid="true" aria-describedby="recipient-error"{{/RECIPIENT_INVALID}}>
{{#RECIPIENT_INVALID}}<p class="field-error" id="recipient-error">{{RECIPIENT_ERROR}}</p>{{/RECIPIENT_INVALID}}
<label for="hours">Hours <span class="hint">(in quarter hours, such as 1, 1.5 or 0.25; at most {{MAX_HOURS}})</span></label>
<input type="text" id="hours" name="hours" value="{{HOURS}}" inputmode="decimal" required{{#HOURS_INVALID}} aria-invalid="true" aria-describedby="hours-error"{{/HOURS_INVALID}}>
{{#HOURS_INVALID}}<p class="field-error" id="hours-error">{{HOURS_ERROR}}</p>{{/HOURS_INVALID}}
<label for="service_date">Date of the service <span class="hint">(YYYY-MM-DD; not in the future, at most {{OLDEST_DAYS}} days ago)</span></label>
<input type="date" id="service_date" name="service_date" value="{{SERVICE_DATE}}" required{{#SERVICE_DATE_INVALID}} aria-invalid="true" aria-describedby="service_date-error"{{/SERVICE_DATE_INVALID}}>
{{#SERVICE_DATE_INVALID}}<p class="field-error" id="service_date-error">{{SERVICE_DATE_ERROR}}</p>{{/SERVICE_DATE_INVALID}}
<label for="description">What was done <span class="hint">(up to 255 characters)</span></label>
<input type="text" id="description" name="description" value="{{DESCRIPTION}}" maxlength="255" required{{#DESCRIPTION_INVALID}} aria-invalid="true" aria-describedby="description-error"{{/DESCRIPTION_INVALID}}>
{{#DESCRIPTION_INVALID}}<p class="field-error" id="description-error">{{DESCRIPTION_ERROR}}</p>{{/DESCRIPTION_INVALID}}
<label for="ad">Offer or request number <span class="hint">(optional: the ad this exchange answers)</span></label>
<input type="text" id="ad" name="ad" value="{{AD}}" inputmode="numeric"{{#AD_INVALID}} aria-invalid="true" aria-describedby="ad-error"{{/AD_INVALID}}>
{{#AD_INVALID}}<p class="field-error" id="ad-error">{{AD_ERROR}}</p>{{/AD_INVALID}}
<div class="actions"><button type="submit">Record the exchange</button></div>
</form>
<p><a href="/exchanges">Your balance and statement</a></p>
