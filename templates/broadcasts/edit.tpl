{{%AUTOESCAPE context="HTML"}}<h1>{{#NEW}}[[broadcasts.new.title]]{{/NEW}}{{#FIXED_LANG}}[[broadcasts.edit.heading lang=LANG_NAME]]{{/FIXED_LANG}}</h1>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="{{#NEW}}/broadcasts/new{{/NEW}}{{#FIXED_LANG}}/broadcasts/{{ID}}/edit{{/FIXED_LANG}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#TRANSLATION}}<p>[[broadcasts.edit.translation_hint]]</p>{{/TRANSLATION}}
{{#TEXT_LANG}}<label for="lang">[[broadcasts.field.lang]]</label>
<select id="lang" name="lang">{{#LANG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANG_OPTION}}</select>{{/TEXT_LANG}}
{{#FIXED_LANG}}<input type="hidden" name="lang" value="{{LANG}}">{{/FIXED_LANG}}
<label for="subject">[[broadcasts.field.subject]]</label>
<input type="text" id="subject" name="subject" value="{{SUBJECT}}" maxlength="200" class="wide"{{#SUBJECT_INVALID}} aria-invalid="true" aria-describedby="subject-error"{{/SUBJECT_INVALID}}>
{{#SUBJECT_INVALID}}<p class="field-error" id="subject-error">{{SUBJECT_ERROR}}</p>{{/SUBJECT_INVALID}}
<label for="body">[[broadcasts.field.body]]</label>
<textarea id="body" name="body" rows="14" class="wide" aria-describedby="body-hint{{#BODY_INVALID}} body-error{{/BODY_INVALID}}"{{#BODY_INVALID}} aria-invalid="true"{{/BODY_INVALID}}>{{BODY:pre_escape}}</textarea>
<p class="hint" id="body-hint">[[broadcasts.field.body_hint first_name=MERGE_FIRST_NAME name=MERGE_NAME username=MERGE_USERNAME]]</p>
{{#BODY_INVALID}}<p class="field-error" id="body-error">{{BODY_ERROR}}</p>{{/BODY_INVALID}}
{{#AUDIENCE}}<fieldset>
<legend>[[broadcasts.audience.legend]]</legend>
<p class="hint">[[broadcasts.audience.hint]]</p>
<label for="community">[[broadcasts.audience.community]]</label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
{{#ALL_COMMUNITIES}}<option value="">[[broadcasts.audience.whole]]</option>{{/ALL_COMMUNITIES}}
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<label for="status">[[broadcasts.audience.status]]</label>
<select id="status" name="status">
<option value="">[[broadcasts.audience.status.any]]</option>
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}</select>
<label for="role">[[broadcasts.audience.role]]</label>
<select id="role" name="role">
<option value="">[[broadcasts.audience.role_any]]</option>
{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}</select>
<label for="audience_lang">[[broadcasts.audience.lang]]</label>
<select id="audience_lang" name="audience_lang">
<option value="">[[broadcasts.audience.lang_any]]</option>
{{#FLANG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/FLANG_OPTION}}</select>
<label for="org">[[broadcasts.audience.org]]</label>
<select id="org" name="org">
<option value="">[[broadcasts.audience.org_any]]</option>
{{#ORG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ORG_OPTION}}</select>
<label for="joined_from">[[broadcasts.audience.joined_from]]</label>
<input type="date" id="joined_from" name="joined_from" value="{{JOINED_FROM}}"{{#JOINED_FROM_INVALID}} aria-invalid="true" aria-describedby="joined_from-error"{{/JOINED_FROM_INVALID}}>
{{#JOINED_FROM_INVALID}}<p class="field-error" id="joined_from-error">{{JOINED_FROM_ERROR}}</p>{{/JOINED_FROM_INVALID}}
<label for="joined_to">[[broadcasts.audience.joined_to]]</label>
<input type="date" id="joined_to" name="joined_to" value="{{JOINED_TO}}"{{#JOINED_TO_INVALID}} aria-invalid="true" aria-describedby="joined_to-error"{{/JOINED_TO_INVALID}}>
{{#JOINED_TO_INVALID}}<p class="field-error" id="joined_to-error">{{JOINED_TO_ERROR}}</p>{{/JOINED_TO_INVALID}}
</fieldset>{{/AUDIENCE}}
<div class="actions"><button type="submit">[[broadcasts.edit.save]]</button>{{#FIXED_LANG}} <a href="/broadcasts/{{ID}}">[[broadcasts.back]]</a>{{/FIXED_LANG}}</div>
</form>
