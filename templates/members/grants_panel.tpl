{{%AUTOESCAPE context="HTML"}}<section class="panel" aria-labelledby="grants-panel-title">
<h2 id="grants-panel-title">Coordinator roles</h2>
{{#NO_GRANTS}}<p>{{MEMBER_NAME}} holds no coordinator role.</p>{{/NO_GRANTS}}
{{#HAS_GRANTS}}<ul class="grants">
{{#GRANT}}<li data-role="{{ROLE_KEY}}">{{ROLE}}, for {{#SITE}}the whole timebank{{/SITE}}{{#COMMUNITY}}the Community Timebank “{{COMMUNITY_NAME}}”{{/COMMUNITY}}{{#LANGUAGE}}translations into {{LANG}}{{/LANGUAGE}}</li>
{{/GRANT}}</ul>{{/HAS_GRANTS}}
{{#MANAGE}}<p><a href="/members/{{MEMBER_ID}}/roles">Manage the coordinator roles of {{MEMBER_NAME}}</a></p>{{/MANAGE}}
</section>
