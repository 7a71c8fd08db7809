{{%AUTOESCAPE context="HTML"}}{{#VISITOR}}<h1>Welcome to weft</h1>
<p>weft is a timebank: members help each other, and every hour of help
given earns one hour of help to receive.</p>
<ul>
<li><a href="/login">Log in</a> if you are a member.</li>
<li><a href="/signup">Apply to join</a> if you are new.</li>
</ul>{{/VISITOR}}
{{#MEMBER}}<h1>Hello, {{NAME}}</h1>
<h2>Your balance</h2>
<p class="balance">Your balance: <strong>{{BALANCE}}</strong> hours. <a href="/exchanges">Your statement</a> · <a href="/exchanges/new">Record an exchange</a></p>
{{>PENDING_PANEL}}
{{#HAS_GRANTS}}<h2>Your coordinator roles</h2>
<ul>
{{#GRANT}}<li>{{ROLE}}, for {{#SITE}}the whole timebank{{/SITE}}{{#COMMUNITY}}the Community Timebank “{{COMMUNITY_NAME}}”{{/COMMUNITY}}{{#LANGUAGE}}translations into {{LANG}}{{/LANGUAGE}}</li>
{{/GRANT}}</ul>{{/HAS_GRANTS}}
<h2>Where to go</h2>
<ul>
<li><a href="/me">Your profile</a>: name, contact details, language.</li>
<li><a href="/me/password">Change your password</a>.</li>
{{#COORDINATOR}}<li><a href="/members/roles">Coordinator roles and permissions</a>: who may do what.</li>
{{/COORDINATOR}}</ul>{{/MEMBER}}
