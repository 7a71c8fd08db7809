{{%AUTOESCAPE context="HTML"}}<h1>{{#APPLYING}}[[account.profile.title.applying]]{{/APPLYING}}{{#APPROVED}}[[account.profile.title.own]]{{/APPROVED}}{{#FOR}}[[account.profile.title.for]]{{/FOR}}</h1>
<p>[[account.profile.username]] <strong>{{USERNAME}}</strong>{{#APPLYING}} [[account.profile.awaiting]]{{/APPLYING}}{{#FOR}} ({{#ANGEL}}[[account.profile.as_angel]]{{/ANGEL}}{{#MANAGER}}[[account.profile.as_manager]]{{/MANAGER}}). [[account.profile.recorded]]{{/FOR}}</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="{{FORM_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">[[account.field.name]]</label>
<input type="text" id="name" name="name" value="{{NAME}}" autocomplete="name" required{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-error"{{/NAME_INVALID}}>
{{#NAME_INVALID}}<p class="field-error" id="name-error">{{NAME_ERROR}}</p>{{/NAME_INVALID}}
<label for="email">[[account.field.email]]</label>
<input type="email" id="email" name="email" value="{{EMAIL}}" autocomplete="email" required{{#EMAIL_LOCKED}} readonly{{/EMAIL_LOCKED}}{{#EMAIL_INVALID}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_INVALID}}>
{{#EMAIL_LOCKED}}<p class="hint">[[account.profile.email_locked]] {{TAKEOVER_REASON}}</p>{{/EMAIL_LOCKED}}
{{#EMAIL_INVALID}}<p class="field-error" id="email-error">{{EMAIL_ERROR}}</p>{{/EMAIL_INVALID}}
<label for="phone">[[account.field.phone]]</label>
<input type="tel" id="phone" name="phone" value="{{PHONE}}" autocomplete="tel"{{#PHONE_INVALID}} aria-invalid="true" aria-describedby="phone-error"{{/PHONE_INVALID}}>
{{#PHONE_INVALID}}<p class="field-error" id="phone-error">{{PHONE_ERROR}}</p>{{/PHONE_INVALID}}
<label for="address">[[account.field.address]]</label>
<input type="text" id="address" name="address" value="{{ADDRESS}}" autocomplete="address-line1"{{#ADDRESS_INVALID}} aria-invalid="true" aria-describedby="address-error"{{/ADDRESS_INVALID}}>
{{#ADDRESS_INVALID}}<p class="field-error" id="address-error">{{ADDRESS_ERROR}}</p>{{/ADDRESS_INVALID}}
{{#LIST_FIELD}}<label for="{{FIELD}}">{{LABEL}}</label>
<select id="{{FIELD}}" name="{{FIELD}}"{{#INVALID}} aria-invalid="true" aria-describedby="{{FIELD}}-error"{{/INVALID}}><option value="">[[account.field.list_none]]</option>{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}</select>
{{#INVALID}}<p class="field-error" id="{{FIELD}}-error">{{ERROR}}</p>{{/INVALID}}
{{/LIST_FIELD}}<label for="about">[[account.field.about]]</label>
<textarea id="about" name="about" rows="5"{{#ABOUT_INVALID}} aria-invalid="true" aria-describedby="about-error"{{/ABOUT_INVALID}}>{{ABOUT:pre_escape}}</textarea>
{{#ABOUT_INVALID}}<p class="field-error" id="about-error">{{ABOUT_ERROR}}</p>{{/ABOUT_INVALID}}
<label for="lang">[[account.field.lang]]</label>
<select id="lang" name="lang"{{#LANG_INVALID}} aria-invalid="true" aria-describedby="lang-error"{{/LANG_INVALID}}>
{{#LANG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/LANG_OPTION}}</select>
{{#LANG_INVALID}}<p class="field-error" id="lang-error">{{LANG_ERROR}}</p>{{/LANG_INVALID}}
{{#APPLYING}}
<label for="community">[[account.field.community]]</label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
<option value="">[[account.field.no_community]]</option>
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
{{/APPLYING}}
<div class="actions"><button type="submit">[[button.save]]</button></div>
</form>
{{#OWN_TALENTS}}<h2>[[talents.profile_heading]]</h2>
{{#TALENTS}}<ul class="talents" id="my-talents">
{{#TALENT}}<li><strong>{{CATEGORY}}</strong> {{TEXT}}</li>
{{/TALENT}}</ul>{{/TALENTS}}
<p><a href="/me/talents">[[talents.edit_own]]</a></p>{{/OWN_TALENTS}}
{{#OWN}}<h2>[[account.field.password]]</h2>
<p><a href="/me/password">[[password.title]]</a>.</p>
<h2>[[account.mailings.title]]</h2>
<form method="post" action="/me/mailings">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#OPTED_IN}}<p>[[account.mailings.on]]</p>
<input type="hidden" name="optout" value="1">
<div class="actions"><button type="submit">[[account.mailings.unsubscribe]]</button></div>{{/OPTED_IN}}
{{#OPTED_OUT}}<p>[[account.mailings.off]]</p>
<input type="hidden" name="optout" value="0">
<div class="actions"><button type="submit">[[account.mailings.subscribe]]</button></div>{{/OPTED_OUT}}
</form>
{{#DIGEST}}<form method="post" action="/me/mailings">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#DIGEST_EACH}}<p>[[account.mailings.digest_each]]</p>
<input type="hidden" name="digest" value="1">
<div class="actions"><button type="submit">[[account.mailings.digest_choose_daily]]</button></div>{{/DIGEST_EACH}}
{{#DIGEST_DAILY}}<p>[[account.mailings.digest_daily]]</p>
<input type="hidden" name="digest" value="0">
<div class="actions"><button type="submit">[[account.mailings.digest_choose_each]]</button></div>{{/DIGEST_DAILY}}
</form>{{/DIGEST}}
{{#ACTS_FOR}}<h2>[[account.profile.acts_for]]</h2>
<ul>
{{#ACT_ROW}}<li>{{#LINK}}<a href="/me/for/{{ID}}">{{NAME}}</a>{{/LINK}}{{#REFUSED}}{{NAME}}{{/REFUSED}} ({{#ANGEL}}[[account.profile.as_angel]]{{/ANGEL}}{{#MANAGER}}[[account.profile.as_manager]]{{/MANAGER}}){{#REFUSED}}: [[account.profile.cannot_change]] {{REASON}}{{/REFUSED}}</li>
{{/ACT_ROW}}</ul>
{{/ACTS_FOR}}{{/OWN}}{{#FOR}}<h2>[[account.field.password]]</h2>
{{#PASSWORD_FORM}}<p>[[account.profile.for_password]]</p>
<form method="post" action="/me/for/{{FOR_ID}}/password">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="text" name="username" value="{{USERNAME}}" autocomplete="username" hidden>
<label for="password">[[account.field.new_password]] <span class="hint">[[account.field.password_hint]]</span></label>
<input type="password" id="password" name="password" autocomplete="new-password" required{{#PASSWORD_INVALID}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_INVALID}}>
{{#PASSWORD_INVALID}}<p class="field-error" id="password-error">{{PASSWORD_ERROR}}</p>{{/PASSWORD_INVALID}}
<label for="password2">[[account.field.new_password2]]</label>
<input type="password" id="password2" name="password2" autocomplete="new-password" required{{#PASSWORD2_INVALID}} aria-invalid="true" aria-describedby="password2-error"{{/PASSWORD2_INVALID}}>
{{#PASSWORD2_INVALID}}<p class="field-error" id="password2-error">{{PASSWORD2_ERROR}}</p>{{/PASSWORD2_INVALID}}
<div class="actions"><button type="submit">[[account.profile.set_password]]</button></div>
</form>{{/PASSWORD_FORM}}{{#EMAIL_LOCKED}}<p class="notice">[[account.profile.password_locked]] {{TAKEOVER_REASON}}</p>{{/EMAIL_LOCKED}}
{{/FOR}}