{{%AUTOESCAPE context="HTML"}}<section class="panel" aria-labelledby="status-panel-title">
<h2 id="status-panel-title">Membership</h2>
<p>This member is <strong>{{#MEMBER_APPLYING}}applying{{/MEMBER_APPLYING}}{{#MEMBER_APPROVED}}approved{{/MEMBER_APPROVED}}{{#MEMBER_DISABLED}}disabled{{/MEMBER_DISABLED}}</strong>.</p>
{{#REFUSED}}<p class="notice">You cannot change this account. {{REASON}}</p>{{/REFUSED}}
{{#APPROVE}}<h3>Approve the application</h3>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/members/{{MEMBER_ID}}/approve">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="approved_on">Approval date <span class="hint">(YYYY-MM-DD; not in the future)</span></label>
<input type="text" id="approved_on" name="approved_on" value="{{APPROVED_ON}}" inputmode="numeric" pattern="[0-9]{4}-[0-9]{2}-[0-9]{2}"{{#APPROVED_ON_INVALID}} aria-invalid="true" aria-describedby="approved_on-error"{{/APPROVED_ON_INVALID}}>
{{#APPROVED_ON_INVALID}}<p class="field-error" id="approved_on-error">{{APPROVED_ON_ERROR}}</p>{{/APPROVED_ON_INVALID}}
<label for="notify"><input type="checkbox" id="notify" name="notify" value="1"{{#NOTIFY_CHECKED}} checked{{/NOTIFY_CHECKED}}> Notify the member <span class="hint">(weft sends no mail yet: the choice is recorded)</span></label>
<div class="actions"><button type="submit">Approve</button></div>
</form>{{/APPROVE}}
{{#UNAPPROVE}}<form method="post" action="/members/{{MEMBER_ID}}/unapprove" class="action">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button type="submit">Set back to applying</button></div>
</form>{{/UNAPPROVE}}
{{#DISABLE}}<form method="post" action="/members/{{MEMBER_ID}}/disable" class="action">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button type="submit">Disable the account</button> <span class="hint">The member is logged out everywhere and cannot log in.</span></div>
</form>{{/DISABLE}}
{{#ENABLE}}<form method="post" action="/members/{{MEMBER_ID}}/enable" class="action">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button type="submit">Enable the account</button></div>
</form>{{/ENABLE}}
{{#OPTOUT}}<h3>Broadcasts</h3>
{{#OPTOUT_INVALID}}<p class="field-error" role="alert">{{OPTOUT_ERROR}}</p>{{/OPTOUT_INVALID}}
<form method="post" action="/members/{{MEMBER_ID}}/optout">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#OPTOUT_SET}}<p>The member receives broadcasts.</p>
<input type="hidden" name="optout" value="1">
<div class="actions"><button type="submit">Opt out of broadcasts</button></div>{{/OPTOUT_SET}}
{{#OPTOUT_CLEAR}}<p>The member has opted out of broadcasts.</p>
<input type="hidden" name="optout" value="0">
<div class="actions"><button type="submit">Receive broadcasts again</button></div>{{/OPTOUT_CLEAR}}
</form>{{/OPTOUT}}
{{#COMMUNITY}}<h3>Community Timebank</h3>
<form method="post" action="/members/{{MEMBER_ID}}/community">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="member-community">Community Timebank</label>
<select id="member-community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="member-community-error"{{/COMMUNITY_INVALID}}>
{{#NONE_OPTION}}<option value="none"{{#SELECTED}} selected{{/SELECTED}}>No Community Timebank</option>
{{/NONE_OPTION}}{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="member-community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<div class="actions"><button type="submit">Move the member</button></div>
</form>{{/COMMUNITY}}
</section>
