{{%AUTOESCAPE context="HTML"}}<h1>{{MEMBER_NAME}}</h1>
{{#NARROW}}<p>[[members.show.membership]] <strong>{{#MEMBER_APPLYING}}[[status.applying]]{{/MEMBER_APPLYING}}{{#MEMBER_APPROVED}}[[status.approved]]{{/MEMBER_APPROVED}}{{#MEMBER_DISABLED}}[[status.disabled]]{{/MEMBER_DISABLED}}</strong></p>
<p class="hint">[[members.show.narrow]]</p>{{/NARROW}}
{{#FULL}}<section class="glance" aria-label="[[members.show.glance]]">
<dl class="glance status-{{MEMBER_STATUS}}">
<div><dt>[[members.field.membership]]</dt><dd>{{#MEMBER_APPLYING}}[[members.show.applying]]{{/MEMBER_APPLYING}}{{#MEMBER_APPROVED}}[[status.approved]]{{/MEMBER_APPROVED}}{{#MEMBER_DISABLED}}[[status.disabled]]{{/MEMBER_DISABLED}}</dd></div>
{{#MEMBER_PROFILE_STATUS_SHOWN}}<div><dt>[[members.field.profile_status]]</dt><dd>{{MEMBER_PROFILE_STATUS}}</dd></div>
{{/MEMBER_PROFILE_STATUS_SHOWN}}{{#ACTIVITY}}<div><dt>[[members.show.balance]]</dt><dd class="num">{{#BALANCE}}[[ledger.hours]]{{/BALANCE}}</dd></div>
<div><dt>[[members.show.last_exchange]]</dt><dd>{{#LAST_EXCHANGE}}{{DATE}}{{/LAST_EXCHANGE}}{{#NO_EXCHANGE}}[[members.show.no_exchange]]{{/NO_EXCHANGE}}</dd></div>
{{/ACTIVITY}}<div><dt>[[members.field.last_login]]</dt><dd>{{MEMBER_LAST_LOGIN}}</dd></div>
</dl>
</section>{{/FULL}}
<div class="profile-grid">
<div class="profile-main">
{{#FULL}}<section class="panel" aria-labelledby="details-title">
<h2 id="details-title">[[members.show.details]]</h2>
<dl class="profile">
<dt>[[members.field.username]]</dt><dd>{{MEMBER_USERNAME}}</dd>
<dt>[[members.field.community]]</dt><dd>{{MEMBER_COMMUNITY}}</dd>
{{#MEMBER_LIST}}<dt>{{LABEL}}</dt><dd>{{NAME}}</dd>
{{/MEMBER_LIST}}<dt>[[members.show.account]]</dt><dd>{{#MEMBER_ORGANISATION}}[[members.show.organisation]]{{/MEMBER_ORGANISATION}}{{#MEMBER_PERSON}}[[members.show.person]]{{/MEMBER_PERSON}}</dd>
<dt>[[members.field.broadcasts]]</dt><dd>{{#MEMBER_OPTOUT}}[[members.show.opted_out]]{{/MEMBER_OPTOUT}}{{#MEMBER_OPTIN}}[[members.list.optout_no]]{{/MEMBER_OPTIN}}</dd>
<dt>[[members.field.language]]</dt><dd>{{MEMBER_LANG}}</dd>
<dt>[[members.field.joined]]</dt><dd class="nowrap">{{MEMBER_JOINED}}</dd>
<dt>[[members.show.approved_at]]</dt><dd class="nowrap">{{MEMBER_APPROVED_AT}}</dd>
</dl>
{{#MEMBER_CONTACT}}<h3>[[members.show.contact]]</h3>
<dl class="contact">
<dt>[[members.field.email]]</dt><dd>{{MEMBER_EMAIL}}</dd>
<dt>[[members.field.phone]]</dt><dd class="nowrap">{{MEMBER_PHONE}}</dd>
<dt>[[members.field.address]]</dt><dd>{{MEMBER_ADDRESS}}</dd>
</dl>{{/MEMBER_CONTACT}}
<h3>[[members.field.about]]</h3>
<p class="about">{{MEMBER_ABOUT}}</p>
<h3>[[talents.profile_heading]]</h3>
{{#TALENTS}}<ul class="talents" id="member-talents">
{{#TALENT}}<li><strong>{{CATEGORY}}</strong> {{TEXT}}</li>
{{/TALENT}}</ul>{{/TALENTS}}{{#TALENTS_NONE}}<p>[[talents.none_other]]</p>{{/TALENTS_NONE}}
{{#TALENTS_EDIT}}<p><a href="/members/{{MEMBER_ID}}/talents">[[talents.edit_link]]</a></p>{{/TALENTS_EDIT}}
{{#EDIT_LINK}}<p><a href="/members/{{MEMBER_ID}}/edit">[[members.show.edit]]</a></p>{{/EDIT_LINK}}
</section>{{/FULL}}
{{>NOTES_PANEL}}
{{>APPLICATION_PANEL}}
</div>
<div class="profile-side">
{{#WORK}}<nav class="work panel" aria-labelledby="work-title">
<h2 id="work-title">[[members.show.work]]</h2>
<ul>
{{#WORK_STATEMENT}}<li><a href="/exchanges/members/{{ID}}">[[members.show.statement]]</a></li>
{{/WORK_STATEMENT}}{{#WORK_EXCHANGES}}<li><a href="/exchanges/list?member={{USERNAME}}">[[members.show.exchanges]]</a></li>
{{/WORK_EXCHANGES}}{{#WORK_RECORD}}<li><a href="/exchanges/new?recipient={{USERNAME}}">[[members.show.record_received]]</a></li>
<li><a href="/exchanges/new?provider={{USERNAME}}">[[members.show.record_gave]]</a></li>
{{/WORK_RECORD}}{{#WORK_AD}}<li><a href="/ads/new?for={{USERNAME}}">[[members.show.post_ad]]</a></li>
{{/WORK_AD}}</ul>
</nav>{{/WORK}}
{{>STATUS_PANEL}}
{{>ANGELS_PANEL}}
{{>GRANTS_PANEL}}
{{>ACCESS_PANEL}}
{{>BECOME_PANEL}}
</div>
</div>
<p><a href="/members">[[members.back_list]]</a></p>
