{{%AUTOESCAPE context="HTML"}}<h1>Reverse exchange #{{ID}}</h1>
<p>{{PROVIDER}} gave {{HOURS}} hours to {{RECIPIENT}} on {{SERVICE_DATE}}: {{DESCRIPTION}}</p>
<p>A mistake is corrected by a reversing exchange: the same hours go back, both exchanges stay on both statements, linked to each other. Nothing is deleted.</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/exchanges/{{ID}}/reverse">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="reason">Reason <span class="hint">(required, up to 255 characters)</span></label>
<input type="text" id="reason" name="reason" value="{{REASON}}" maxlength="255" required{{#REASON_INVALID}} aria-invalid="true" aria-describedby="reason-error"{{/REASON_INVALID}}>
{{#REASON_INVALID}}<p class="field-error" id="reason-error">{{REASON_ERROR}}</p>{{/REASON_INVALID}}
<div class="actions"><button type="submit">Reverse exchange #{{ID}}</button></div>
</form>
<p><a href="/exchanges/{{ID}}">Back to exchange #{{ID}}</a></p>
