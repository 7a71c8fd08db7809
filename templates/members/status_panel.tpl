{{%AUTOESCAPE context="HTML"}}<section class="panel" aria-labelledby="status-panel-title">
<h2 id="status-panel-title">[[members.status_panel.title]]</h2>
<p><strong>{{#MEMBER_APPLYING}}[[members.status_panel.is_applying]]{{/MEMBER_APPLYING}}{{#MEMBER_APPROVED}}[[members.status_panel.is_approved]]{{/MEMBER_APPROVED}}{{#MEMBER_DISABLED}}[[members.status_panel.is_disabled]]{{/MEMBER_DISABLED}}</strong></p>
{{#REFUSED}}<p class="notice">[[members.status_panel.refused]] {{REASON}}</p>{{/REFUSED}}
{{#APPROVE}}<h3>[[members.status_panel.approve_heading]]</h3>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/members/{{MEMBER_ID}}/approve">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="approved_on">[[members.status_panel.approved_on]] <span class="hint">[[members.status_panel.approved_on_hint]]</span></label>
<input type="text" id="approved_on" name="approved_on" value="{{APPROVED_ON}}" inputmode="numeric" pattern="[0-9]{4}-[0-9]{2}-[0-9]{2}"{{#APPROVED_ON_INVALID}} aria-invalid="true" aria-describedby="approved_on-error"{{/APPROVED_ON_INVALID}}>
{{#APPROVED_ON_INVALID}}<p class="field-error" id="approved_on-error">{{APPROVED_ON_ERROR}}</p>{{/APPROVED_ON_INVALID}}
<label><input type="checkbox" id="notify" name="notify" value="1"{{#NOTIFY_CHECKED}} checked{{/NOTIFY_CHECKED}}> [[members.status_panel.notify]] <span class="hint">[[members.status_panel.notify_hint]]</span></label>
<div class="actions"><button type="submit">[[members.bulk.action.approve]]</button></div>
</form>{{/APPROVE}}
{{#REJECT}}<h3>[[members.status_panel.reject_heading]]</h3>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/members/{{MEMBER_ID}}/reject">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="reason">[[members.status_panel.reject_reason]] <span class="hint">[[members.status_panel.reject_reason_hint]]</span></label>
<textarea id="reason" name="reason" rows="3" maxlength="2000" required{{#REASON_INVALID}} aria-invalid="true" aria-describedby="reason-error"{{/REASON_INVALID}}>{{REASON:pre_escape}}</textarea>
{{#REASON_INVALID}}<p class="field-error" id="reason-error">{{REASON_ERROR}}</p>{{/REASON_INVALID}}
<label><input type="checkbox" id="reject-notify" name="notify" value="1"{{#NOTIFY_CHECKED}} checked{{/NOTIFY_CHECKED}}> [[members.status_panel.reject_notify]] <span class="hint">[[members.status_panel.reject_notify_hint]]</span></label>
<div class="actions"><button type="submit" class="danger">[[members.status_panel.reject]]</button></div>
</form>{{/REJECT}}
{{#ENABLE}}<form method="post" action="/members/{{MEMBER_ID}}/enable" class="action">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button type="submit">[[members.status_panel.enable]]</button></div>
</form>{{/ENABLE}}
{{#OPTOUT}}<h3>[[members.field.broadcasts]]</h3>
{{#OPTOUT_INVALID}}<p class="field-error" role="alert">{{OPTOUT_ERROR}}</p>{{/OPTOUT_INVALID}}
<form method="post" action="/members/{{MEMBER_ID}}/optout">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#OPTOUT_SET}}<p>[[members.status_panel.receives]]</p>
<input type="hidden" name="optout" value="1">
<div class="actions"><button type="submit">[[members.status_panel.opt_out]]</button></div>{{/OPTOUT_SET}}
{{#OPTOUT_CLEAR}}<p>[[members.status_panel.opted_out]]</p>
<input type="hidden" name="optout" value="0">
<div class="actions"><button type="submit">[[members.status_panel.opt_in]]</button></div>{{/OPTOUT_CLEAR}}
</form>{{/OPTOUT}}
{{#COMMUNITY}}<h3>[[members.field.community]]</h3>
<form method="post" action="/members/{{MEMBER_ID}}/community">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="member-community">[[members.field.community]]</label>
<select id="member-community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="member-community-error"{{/COMMUNITY_INVALID}}>
{{#NONE_OPTION}}<option value="none"{{#SELECTED}} selected{{/SELECTED}}>[[members.community_none]]</option>
{{/NONE_OPTION}}{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="member-community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<div class="actions"><button type="submit">[[members.status_panel.move]]</button></div>
</form>{{/COMMUNITY}}
</section>
