{{%AUTOESCAPE context="HTML"}}<h1>Apply to join the timebank</h1>
{{#SIGNUP_ERROR}}<p class="error" role="alert" id="signup-error">{{MESSAGE}}</p>{{/SIGNUP_ERROR}}
<p>Tell us who you are. A coordinator reviews every application; you can log in and edit yours while you wait.</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/signup">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="username">Username <span class="hint">(3 to 32 lower-case letters, digits, dots, dashes or underscores)</span></label>
<input type="text" id="username" name="username" value="{{USERNAME}}" autocomplete="username" autocapitalize="none" spellcheck="false" required{{#USERNAME_INVALID}} aria-invalid="true" aria-describedby="username-error"{{/USERNAME_INVALID}}>
{{#USERNAME_INVALID}}<p class="field-error" id="username-error">{{USERNAME_ERROR}}</p>{{/USERNAME_INVALID}}
<label for="name">Your name</label>
<input type="text" id="name" name="name" value="{{NAME}}" autocomplete="name" required{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-error"{{/NAME_INVALID}}>
{{#NAME_INVALID}}<p class="field-error" id="name-error">{{NAME_ERROR}}</p>{{/NAME_INVALID}}
<label for="email">Email</label>
<input type="email" id="email" name="email" value="{{EMAIL}}" autocomplete="email" required{{#EMAIL_INVALID}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_INVALID}}>
{{#EMAIL_INVALID}}<p class="field-error" id="email-error">{{EMAIL_ERROR}}</p>{{/EMAIL_INVALID}}
<label for="password">Password <span class="hint">(at least 10 characters)</span></label>
<input type="password" id="password" name="password" autocomplete="new-password" required{{#PASSWORD_INVALID}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_INVALID}}>
{{#PASSWORD_INVALID}}<p class="field-error" id="password-error">{{PASSWORD_ERROR}}</p>{{/PASSWORD_INVALID}}
<label for="password2">Password again</label>
<input type="password" id="password2" name="password2" autocomplete="new-password" required{{#PASSWORD2_INVALID}} aria-invalid="true" aria-describedby="password2-error"{{/PASSWORD2_INVALID}}>
{{#PASSWORD2_INVALID}}<p class="field-error" id="password2-error">{{PASSWORD2_ERROR}}</p>{{/PASSWORD2_INVALID}}
<label for="community">Community Timebank</label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
<option value="">No particular community</option>
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<label for="about">About you: what you could offer, what you might need</label>
<textarea id="about" name="about" rows="5"{{#ABOUT_INVALID}} aria-invalid="true" aria-describedby="about-error"{{/ABOUT_INVALID}}>{{ABOUT}}</textarea>
{{#ABOUT_INVALID}}<p class="field-error" id="about-error">{{ABOUT_ERROR}}</p>{{/ABOUT_INVALID}}
<div class="actions"><button type="submit">Send my application</button></div>
</form>
<p>Already a member? <a href="/login">Log in</a>.</p>
