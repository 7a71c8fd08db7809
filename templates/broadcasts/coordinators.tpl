{{%AUTOESCAPE context="HTML"}}<h1>[[broadcasts.coordinators.title]]</h1>
<p>[[broadcasts.coordinators.intro]]</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/broadcasts/coordinators">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="community">[[broadcasts.audience.community]]</label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
{{#ALL_COMMUNITIES}}<option value="">[[broadcasts.audience.whole]]</option>{{/ALL_COMMUNITIES}}
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<label for="role">[[broadcasts.audience.role]]</label>
<select id="role" name="role">
<option value="">[[broadcasts.audience.every_role]]</option>
{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}</select>
<label for="subject">[[broadcasts.field.subject]]</label>
<input type="text" id="subject" name="subject" value="{{SUBJECT}}" maxlength="200" class="wide"{{#SUBJECT_INVALID}} aria-invalid="true" aria-describedby="subject-error"{{/SUBJECT_INVALID}}>
{{#SUBJECT_INVALID}}<p class="field-error" id="subject-error">{{SUBJECT_ERROR}}</p>{{/SUBJECT_INVALID}}
<label for="body">[[broadcasts.field.body]]</label>
<textarea id="body" name="body" rows="12" class="wide" aria-describedby="body-hint{{#BODY_INVALID}} body-error{{/BODY_INVALID}}"{{#BODY_INVALID}} aria-invalid="true"{{/BODY_INVALID}}>{{BODY:pre_escape}}</textarea>
<p class="hint" id="body-hint">[[broadcasts.field.body_hint first_name=MERGE_FIRST_NAME name=MERGE_NAME username=MERGE_USERNAME]]</p>
{{#BODY_INVALID}}<p class="field-error" id="body-error">{{BODY_ERROR}}</p>{{/BODY_INVALID}}
<div class="actions"><button type="submit">[[broadcasts.coordinators.send]]</button></div>
</form>
