{{%AUTOESCAPE context="HTML"}}<h1>{{#NEW}}[[broadcasts.events.new_title]]{{/NEW}}{{#EDIT}}[[broadcasts.events.edit_title]]{{/EDIT}}</h1>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="{{#NEW}}/events/new{{/NEW}}{{#EDIT}}/events/{{ID}}/edit{{/EDIT}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="title">[[broadcasts.events.field.title]]</label>
<input type="text" id="title" name="title" value="{{TITLE}}" maxlength="200" class="wide" required{{#TITLE_INVALID}} aria-invalid="true" aria-describedby="title-error"{{/TITLE_INVALID}}>
{{#TITLE_INVALID}}<p class="field-error" id="title-error">{{TITLE_ERROR}}</p>{{/TITLE_INVALID}}
<label for="start_date">[[broadcasts.events.field.start_date]]</label>
<input type="date" id="start_date" name="start_date" value="{{START_DATE}}" required{{#START_DATE_INVALID}} aria-invalid="true" aria-describedby="start_date-error"{{/START_DATE_INVALID}}>
{{#START_DATE_INVALID}}<p class="field-error" id="start_date-error">{{START_DATE_ERROR}}</p>{{/START_DATE_INVALID}}
<label for="start_time">[[broadcasts.events.field.start_time]]</label>
<input type="time" id="start_time" name="start_time" value="{{START_TIME}}" required{{#START_TIME_INVALID}} aria-invalid="true" aria-describedby="start_time-error"{{/START_TIME_INVALID}}>
{{#START_TIME_INVALID}}<p class="field-error" id="start_time-error">{{START_TIME_ERROR}}</p>{{/START_TIME_INVALID}}
<label for="end_date">[[broadcasts.events.field.end_date]]</label>
<input type="date" id="end_date" name="end_date" value="{{END_DATE}}" required{{#END_DATE_INVALID}} aria-invalid="true" aria-describedby="end_date-error"{{/END_DATE_INVALID}}>
{{#END_DATE_INVALID}}<p class="field-error" id="end_date-error">{{END_DATE_ERROR}}</p>{{/END_DATE_INVALID}}
<label for="end_time">[[broadcasts.events.field.end_time]]</label>
<input type="time" id="end_time" name="end_time" value="{{END_TIME}}" required{{#END_TIME_INVALID}} aria-invalid="true" aria-describedby="end_time-error"{{/END_TIME_INVALID}}>
{{#END_TIME_INVALID}}<p class="field-error" id="end_time-error">{{END_TIME_ERROR}}</p>{{/END_TIME_INVALID}}
<label for="place">[[broadcasts.events.field.place]]</label>
<input type="text" id="place" name="place" value="{{PLACE}}" maxlength="255" class="wide"{{#PLACE_INVALID}} aria-invalid="true" aria-describedby="place-error"{{/PLACE_INVALID}}>
{{#PLACE_INVALID}}<p class="field-error" id="place-error">{{PLACE_ERROR}}</p>{{/PLACE_INVALID}}
<label for="description">[[broadcasts.events.field.description]]</label>
<textarea id="description" name="description" rows="8" class="wide" aria-describedby="description-hint{{#DESCRIPTION_INVALID}} description-error{{/DESCRIPTION_INVALID}}"{{#DESCRIPTION_INVALID}} aria-invalid="true"{{/DESCRIPTION_INVALID}}>{{DESCRIPTION:pre_escape}}</textarea>
<p class="hint" id="description-hint">[[broadcasts.events.field.description_hint]]</p>
{{#DESCRIPTION_INVALID}}<p class="field-error" id="description-error">{{DESCRIPTION_ERROR}}</p>{{/DESCRIPTION_INVALID}}
<label for="community">[[broadcasts.events.for]]</label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
{{#ALL_COMMUNITIES}}<option value="">[[broadcasts.audience.whole]]</option>{{/ALL_COMMUNITIES}}
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<div class="actions"><button type="submit">[[broadcasts.events.save]]</button> <a href="/events">[[broadcasts.events.see_list]]</a></div>
</form>
{{#EDIT}}<form method="post" action="/events/{{ID}}/delete">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="check"><input type="checkbox" id="confirm" name="confirm" value="1" required>
<label for="confirm" class="inline">[[broadcasts.events.delete_confirm]]</label></p>
<div class="actions"><button type="submit">[[broadcasts.events.delete]]</button></div>
</form>{{/EDIT}}
