{{%AUTOESCAPE context="HTML"}}<h1>{{MEMBER_NAME}}</h1>
{{#NARROW}}<p>Membership status: <strong>{{#MEMBER_APPLYING}}Applying{{/MEMBER_APPLYING}}{{#MEMBER_APPROVED}}Approved{{/MEMBER_APPROVED}}{{#MEMBER_DISABLED}}Disabled{{/MEMBER_DISABLED}}</strong></p>
<p class="hint">Your role shows the member's name and membership status only.</p>{{/NARROW}}
{{#FULL}}<dl class="profile">
<dt>Username</dt><dd>{{MEMBER_USERNAME}}</dd>
<dt>Membership status</dt><dd>{{#MEMBER_APPLYING}}Applying (awaiting approval){{/MEMBER_APPLYING}}{{#MEMBER_APPROVED}}Approved{{/MEMBER_APPROVED}}{{#MEMBER_DISABLED}}Disabled{{/MEMBER_DISABLED}}</dd>
{{#MEMBER_PROFILE_STATUS_SHOWN}}<dt>Profile status</dt><dd>{{MEMBER_PROFILE_STATUS}}</dd>
{{/MEMBER_PROFILE_STATUS_SHOWN}}<dt>Community Timebank</dt><dd>{{MEMBER_COMMUNITY}}</dd>
<dt>Account</dt><dd>{{#MEMBER_ORGANISATION}}Organisation{{/MEMBER_ORGANISATION}}{{#MEMBER_PERSON}}Person{{/MEMBER_PERSON}}</dd>
<dt>Broadcasts</dt><dd>{{#MEMBER_OPTOUT}}Opted out{{/MEMBER_OPTOUT}}{{#MEMBER_OPTIN}}Receives broadcasts{{/MEMBER_OPTIN}}</dd>
<dt>Language</dt><dd>{{MEMBER_LANG}}</dd>
<dt>Joined</dt><dd>{{MEMBER_JOINED}}</dd>
<dt>Approved</dt><dd>{{MEMBER_APPROVED_AT}}</dd>
<dt>Last log-in</dt><dd>{{MEMBER_LAST_LOGIN}}</dd>
</dl>
{{#MEMBER_CONTACT}}<h2>Contact details</h2>
<dl class="contact">
<dt>Email</dt><dd>{{MEMBER_EMAIL}}</dd>
<dt>Phone</dt><dd>{{MEMBER_PHONE}}</dd>
<dt>Address</dt><dd>{{MEMBER_ADDRESS}}</dd>
</dl>{{/MEMBER_CONTACT}}
<h2>About</h2>
<p class="about">{{MEMBER_ABOUT}}</p>
{{#EDIT_LINK}}<p><a href="/members/{{MEMBER_ID}}/edit">Edit this profile or set a password</a></p>{{/EDIT_LINK}}
{{/FULL}}
{{>STATUS_PANEL}}
{{>NOTES_PANEL}}
{{>ANGELS_PANEL}}
{{>BECOME_PANEL}}
{{>GRANTS_PANEL}}
<p><a href="/members">Back to the member list</a></p>
