{{%AUTOESCAPE context="HTML"}}<h1>{{#APPLYING}}Your application{{/APPLYING}}{{#APPROVED}}Your profile{{/APPROVED}}</h1>
<p>Username: <strong>{{USERNAME}}</strong>{{#APPLYING}} (awaiting approval){{/APPLYING}}</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/me">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">Name</label>
<input type="text" id="name" name="name" value="{{NAME}}" autocomplete="name" required{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-error"{{/NAME_INVALID}}>
{{#NAME_INVALID}}<p class="field-error" id="name-error">{{NAME_ERROR}}</p>{{/NAME_INVALID}}
<label for="email">Email</label>
<input type="email" id="email" name="email" value="{{EMAIL}}" autocomplete="email" required{{#EMAIL_INVALID}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_INVALID}}>
{{#EMAIL_INVALID}}<p class="field-error" id="email-error">{{EMAIL_ERROR}}</p>{{/EMAIL_INVALID}}
<label for="phone">Phone</label>
<input type="tel" id="phone" name="phone" value="{{PHONE}}" autocomplete="tel"{{#PHONE_INVALID}} aria-invalid="true" aria-describedby="phone-error"{{/PHONE_INVALID}}>
{{#PHONE_INVALID}}<p class="field-error" id="phone-error">{{PHONE_ERROR}}</p>{{/PHONE_INVALID}}
<label for="address">Address</label>
<input type="text" id="address" name="address" value="{{ADDRESS}}" autocomplete="street-address"{{#ADDRESS_INVALID}} aria-invalid="true" aria-describedby="address-error"{{/ADDRESS_INVALID}}>
{{#ADDRESS_INVALID}}<p class="field-error" id="address-error">{{ADDRESS_ERROR}}</p>{{/ADDRESS_INVALID}}
<label for="about">About you</label>
<textarea id="about" name="about" rows="5"{{#ABOUT_INVALID}} aria-invalid="true" aria-describedby="about-error"{{/ABOUT_INVALID}}>{{ABOUT}}</textarea>
{{#ABOUT_INVALID}}<p class="field-error" id="about-error">{{ABOUT_ERROR}}</p>{{/ABOUT_INVALID}}
<label for="lang">Language of the pages</label>
<select id="lang" name="lang"{{#LANG_INVALID}} aria-invalid="true" aria-describedby="lang-error"{{/LANG_INVALID}}>
{{#LANG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/LANG_OPTION}}</select>
{{#LANG_INVALID}}<p class="field-error" id="lang-error">{{LANG_ERROR}}</p>{{/LANG_INVALID}}
{{#APPLYING}}
<label for="community">Community Timebank</label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
<option value="">No particular community</option>
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
{{/APPLYING}}
<div class="actions"><button type="submit">Save</button></div>
</form>
<h2>Password</h2>
<p><a href="/me/password">Change your password</a>.</p>
