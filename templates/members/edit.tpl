{{%AUTOESCAPE context="HTML"}}<h1>[[members.edit.heading]]</h1>
<p>[[members.edit.username]] <strong>{{MEMBER_USERNAME}}</strong>. <a href="/members/{{MEMBER_ID}}">[[members.back_profile]]</a>.</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<h2>[[members.edit.profile]]</h2>
<form method="post" action="/members/{{MEMBER_ID}}/edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">[[members.field.name]]</label>
<input type="text" id="name" name="name" value="{{NAME}}" maxlength="128" required{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-error"{{/NAME_INVALID}}>
{{#NAME_INVALID}}<p class="field-error" id="name-error">{{NAME_ERROR}}</p>{{/NAME_INVALID}}
<label for="email">[[members.field.email]]</label>
<input type="email" id="email" name="email" value="{{EMAIL}}" required{{#EMAIL_LOCKED}} readonly{{/EMAIL_LOCKED}}{{#EMAIL_INVALID}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_INVALID}}>
{{#EMAIL_LOCKED}}<p class="hint">[[members.edit.email_locked]] {{TAKEOVER_REASON}}</p>{{/EMAIL_LOCKED}}
{{#EMAIL_INVALID}}<p class="field-error" id="email-error">{{EMAIL_ERROR}}</p>{{/EMAIL_INVALID}}
<label for="phone">[[members.field.phone]]</label>
<input type="tel" id="phone" name="phone" value="{{PHONE}}"{{#PHONE_INVALID}} aria-invalid="true" aria-describedby="phone-error"{{/PHONE_INVALID}}>
{{#PHONE_INVALID}}<p class="field-error" id="phone-error">{{PHONE_ERROR}}</p>{{/PHONE_INVALID}}
<label for="address">[[members.field.address]]</label>
<input type="text" id="address" name="address" value="{{ADDRESS}}"{{#ADDRESS_INVALID}} aria-invalid="true" aria-describedby="address-error"{{/ADDRESS_INVALID}}>
{{#ADDRESS_INVALID}}<p class="field-error" id="address-error">{{ADDRESS_ERROR}}</p>{{/ADDRESS_INVALID}}
{{#LIST_FIELD}}<label for="{{FIELD}}">{{LABEL}}</label>
<select id="{{FIELD}}" name="{{FIELD}}"{{#INVALID}} aria-invalid="true" aria-describedby="{{FIELD}}-error"{{/INVALID}}><option value="">[[members.field.list_none]]</option>{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}</select>
{{#INVALID}}<p class="field-error" id="{{FIELD}}-error">{{ERROR}}</p>{{/INVALID}}
{{/LIST_FIELD}}<label for="about">[[members.field.about]]</label>
<textarea id="about" name="about" rows="5"{{#ABOUT_INVALID}} aria-invalid="true" aria-describedby="about-error"{{/ABOUT_INVALID}}>{{ABOUT:pre_escape}}</textarea>
{{#ABOUT_INVALID}}<p class="field-error" id="about-error">{{ABOUT_ERROR}}</p>{{/ABOUT_INVALID}}
<label for="lang">[[members.field.language]]</label>
<select id="lang" name="lang"{{#LANG_INVALID}} aria-invalid="true" aria-describedby="lang-error"{{/LANG_INVALID}}>
{{#LANG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/LANG_OPTION}}</select>
{{#LANG_INVALID}}<p class="field-error" id="lang-error">{{LANG_ERROR}}</p>{{/LANG_INVALID}}
<label for="profile_status">[[members.field.profile_status]] <span class="hint">[[members.edit.profile_status_hint]]</span></label>
<select id="profile_status" name="profile_status"{{#PROFILE_STATUS_INVALID}} aria-invalid="true" aria-describedby="profile_status-error"{{/PROFILE_STATUS_INVALID}}>
{{#PSTATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/PSTATUS_OPTION}}</select>
{{#PROFILE_STATUS_INVALID}}<p class="field-error" id="profile_status-error">{{PROFILE_STATUS_ERROR}}</p>{{/PROFILE_STATUS_INVALID}}
<label><input type="checkbox" id="is_organisation" name="is_organisation" value="1"{{#IS_ORGANISATION_CHECKED}} checked{{/IS_ORGANISATION_CHECKED}}> [[members.edit.is_organisation]]</label>
<div class="actions"><button type="submit">[[members.edit.save]]</button></div>
</form>
<h2>[[members.edit.password]]</h2>
{{#EMAIL_LOCKED}}<p class="notice">[[members.edit.password_locked]] {{TAKEOVER_REASON}}</p>{{/EMAIL_LOCKED}}
{{#PASSWORD_FORM}}<p>[[members.edit.password_intro]]</p>
<form method="post" action="/members/{{MEMBER_ID}}/password">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="text" name="username" value="{{MEMBER_USERNAME}}" autocomplete="username" hidden>
<label for="password">[[members.edit.new_password]] <span class="hint">[[members.edit.new_password_hint]]</span></label>
<input type="password" id="password" name="password" autocomplete="new-password" required{{#PASSWORD_INVALID}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_INVALID}}>
{{#PASSWORD_INVALID}}<p class="field-error" id="password-error">{{PASSWORD_ERROR}}</p>{{/PASSWORD_INVALID}}
<label for="password2">[[members.edit.new_password2]]</label>
<input type="password" id="password2" name="password2" autocomplete="new-password" required{{#PASSWORD2_INVALID}} aria-invalid="true" aria-describedby="password2-error"{{/PASSWORD2_INVALID}}>
{{#PASSWORD2_INVALID}}<p class="field-error" id="password2-error">{{PASSWORD2_ERROR}}</p>{{/PASSWORD2_INVALID}}
<div class="actions"><button type="submit">[[members.edit.set_password]]</button></div>
</form>{{/PASSWORD_FORM}}
