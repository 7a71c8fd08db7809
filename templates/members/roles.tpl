{{%AUTOESCAPE context="HTML"}}<h1>Coordinator roles and permissions</h1>
<p>What each coordinator role may do, in the scope of its grant: the whole
timebank (<em>site</em>), one Community Timebank (<em>community</em>), or one
language (<em>translators</em>). This table is the one weft enforces.</p>
<h2>Your roles</h2>
<ul>
{{#MY_GRANT}}<li>{{ROLE}} — {{SCOPE}}</li>
{{/MY_GRANT}}
</ul>
<h2>Permission matrix</h2>
<div class="scroll">
<table class="matrix">
<caption>Y: allowed in the grant's scope. —: not allowed.</caption>
<thead>
<tr><th scope="col">Permission</th>{{#ROLE}}<th scope="col" data-role="{{KEY}}">{{TITLE}}</th>{{/ROLE}}</tr>
</thead>
<tbody>
{{#PERM}}<tr data-perm="{{KEY}}"><th scope="row"><code>{{KEY}}</code> — {{DESCRIPTION}}</th>{{#CELL}}<td data-role="{{ROLE}}" class="{{#YES}}y{{/YES}}{{#NO}}n{{/NO}}">{{#YES}}Y{{/YES}}{{#NO}}—{{/NO}}{{#NOTE}}<sup>{{N}}</sup>{{/NOTE}}</td>{{/CELL}}</tr>
{{/PERM}}
</tbody>
</table>
</div>
<h2>Notes</h2>
<ol>
<li>Payment coordinators see names, membership status and subscription columns only, not contact details.</li>
<li>Outreach coordinators see the list of recorded exchanges with all its filters.</li>
<li>Member support coordinators may switch Guardian Angel Mode on and off; assigning an angel is the member coordinator's.</li>
<li>Translators translate only the language(s) of their grant.</li>
</ol>
<h2>Rules</h2>
<ul>
<li>A coordinator scoped to a Community Timebank acts only on that community's members and their things.</li>
<li>Roles are granted only inside the granter's own scope, and never above the granter's own role.</li>
<li>The timebank always keeps at least one enabled site Admin Coordinator.</li>
<li>"Become another member" never raises privileges, and every action while acting is recorded with both members.</li>
<li>Every coordinator change is written to the audit log.</li>
</ul>
