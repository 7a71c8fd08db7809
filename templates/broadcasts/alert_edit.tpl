{{%AUTOESCAPE context="HTML"}}<h1>{{#NEW}}[[broadcasts.alerts.new_title]]{{/NEW}}{{#EDIT}}[[broadcasts.alerts.edit_title]]{{/EDIT}}</h1>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="{{#NEW}}/alerts/new{{/NEW}}{{#EDIT}}/alerts/{{ID}}/edit{{/EDIT}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="message">[[broadcasts.alerts.message]]</label>
<textarea id="message" name="message" rows="3" class="wide" maxlength="1000" aria-describedby="message-hint{{#MESSAGE_INVALID}} message-error{{/MESSAGE_INVALID}}"{{#MESSAGE_INVALID}} aria-invalid="true"{{/MESSAGE_INVALID}}>{{MESSAGE:pre_escape}}</textarea>
<p class="hint" id="message-hint">[[broadcasts.alerts.message_hint]]</p>
{{#MESSAGE_INVALID}}<p class="field-error" id="message-error">{{MESSAGE_ERROR}}</p>{{/MESSAGE_INVALID}}
<label for="starts_on">[[broadcasts.alerts.starts_on]]</label>
<input type="date" id="starts_on" name="starts_on" value="{{STARTS_ON}}" required{{#STARTS_ON_INVALID}} aria-invalid="true" aria-describedby="starts_on-error"{{/STARTS_ON_INVALID}}>
{{#STARTS_ON_INVALID}}<p class="field-error" id="starts_on-error">{{STARTS_ON_ERROR}}</p>{{/STARTS_ON_INVALID}}
<label for="ends_on">[[broadcasts.alerts.ends_on]]</label>
<input type="date" id="ends_on" name="ends_on" value="{{ENDS_ON}}" required{{#ENDS_ON_INVALID}} aria-invalid="true" aria-describedby="ends_on-error"{{/ENDS_ON_INVALID}}>
{{#ENDS_ON_INVALID}}<p class="field-error" id="ends_on-error">{{ENDS_ON_ERROR}}</p>{{/ENDS_ON_INVALID}}
<label for="community">[[broadcasts.alerts.for]]</label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
{{#ALL_COMMUNITIES}}<option value="">[[broadcasts.audience.whole]]</option>{{/ALL_COMMUNITIES}}
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<div class="actions"><button type="submit">[[broadcasts.alerts.save]]</button> <a href="/alerts">[[broadcasts.alerts.back]]</a></div>
</form>
{{#EDIT}}<form method="post" action="/alerts/{{ID}}/delete">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="check"><input type="checkbox" id="confirm" name="confirm" value="1" required>
<label for="confirm" class="inline">[[broadcasts.alerts.delete_confirm]]</label></p>
<div class="actions"><button type="submit">[[broadcasts.alerts.delete]]</button></div>
</form>{{/EDIT}}
