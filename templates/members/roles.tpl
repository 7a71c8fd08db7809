{{%AUTOESCAPE context="HTML"}}<h1>[[members.roles.heading]]</h1>
<p>[[members.roles.intro]]</p>
<h2>[[members.roles.yours]]</h2>
<ul>
{{#MY_GRANT}}<li>{{ROLE}} — {{#SITE}}[[members.grants.scope_site]]{{/SITE}}{{#COMMUNITY}}[[members.grants.scope_community]]{{/COMMUNITY}}{{#LANGUAGE}}[[members.grants.scope_language]]{{/LANGUAGE}}</li>
{{/MY_GRANT}}
</ul>
<h2>[[members.roles.matrix]]</h2>
<div class="scroll">
<table class="matrix">
<caption>[[members.roles.caption]]</caption>
<thead>
<tr><th scope="col">[[members.roles.permission]]</th>{{#ROLE}}<th scope="col" data-role="{{KEY}}">{{TITLE}}</th>{{/ROLE}}</tr>
</thead>
<tbody>
{{#PERM}}<tr data-perm="{{KEY}}"><th scope="row"><code>{{KEY}}</code> — {{DESCRIPTION}}</th>{{#CELL}}<td data-role="{{ROLE}}" class="{{#YES}}y{{/YES}}{{#NO}}n{{/NO}}">{{#YES}}[[members.roles.yes]]{{/YES}}{{#NO}}—{{/NO}}{{#NOTE}}<sup>{{N}}</sup>{{/NOTE}}</td>{{/CELL}}</tr>
{{/PERM}}
</tbody>
</table>
</div>
<h2>[[members.roles.notes]]</h2>
<ol>
<li>[[members.roles.note1]]</li>
<li>[[members.roles.note2]]</li>
<li>[[members.roles.note3]]</li>
<li>[[members.roles.note4]]</li>
</ol>
<h2>[[members.roles.rules]]</h2>
<ul>
<li>[[members.roles.rule_scope]]</li>
<li>[[members.roles.rule_grant]]</li>
<li>[[members.roles.rule_admin]]</li>
<li>[[members.roles.rule_become]]</li>
<li>[[members.roles.rule_audit]]</li>
</ul>
