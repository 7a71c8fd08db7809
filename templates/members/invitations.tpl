{{%AUTOESCAPE context="HTML"}}<h1>[[members.invitations.title]]</h1>
<p>[[members.invitations.intro]]</p>
{{#NOT_INVITATION_MODE}}<p class="notice" id="not-invitation-mode">[[members.invitations.not_mode]]</p>{{/NOT_INVITATION_MODE}}
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<h2>[[members.invitations.new]]</h2>
<form method="post" action="/members/invitations">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="email">[[members.field.email]]</label>
<input type="email" id="email" name="email" value="{{EMAIL}}" maxlength="254" required{{#EMAIL_INVALID}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_INVALID}}>
{{#EMAIL_INVALID}}<p class="field-error" id="email-error">{{EMAIL_ERROR}}</p>{{/EMAIL_INVALID}}
<label for="community">[[members.field.community]]</label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
{{#COMMUNITY_NONE}}<option value="">[[members.community_none]]</option>
{{/COMMUNITY_NONE}}{{#COMMUNITY_CHOOSE}}<option value="">[[members.new.community_choose]]</option>
{{/COMMUNITY_CHOOSE}}{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<div class="actions"><button type="submit">[[members.invitations.send]]</button></div>
</form>
<h2>[[members.invitations.pending]]</h2>
{{#NO_PENDING}}<p>[[members.invitations.none]]</p>{{/NO_PENDING}}
{{#PENDING}}<div class="scroll"><table class="invitations">
<caption>[[members.invitations.caption]]</caption>
<thead>
<tr><th scope="col">[[members.field.email]]</th><th scope="col">[[members.field.community]]</th><th scope="col">[[members.invitations.col_by]]</th><th scope="col">[[members.invitations.col_sent]]</th><th scope="col">[[members.invitations.col_expires]]</th><th scope="col">[[members.invitations.col_action]]</th></tr>
</thead>
<tbody>
{{#INVITATION}}<tr data-invitation="{{ID}}"><th scope="row">{{EMAIL}}</th><td>{{#COMMUNITY}}{{NAME}}{{/COMMUNITY}}{{#NO_COMMUNITY}}[[members.community_none]]{{/NO_COMMUNITY}}</td><td>{{INVITER}}</td><td>{{SENT}}</td><td>{{EXPIRES}}</td>
<td><form method="post" action="/members/invitations/{{ID}}/revoke"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" aria-label="[[members.invitations.revoke_label email=EMAIL]]">[[members.invitations.revoke]]</button></form></td></tr>
{{/INVITATION}}</tbody>
</table></div>{{/PENDING}}
