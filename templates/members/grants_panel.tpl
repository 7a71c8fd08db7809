{{%AUTOESCAPE context="HTML"}}<section class="panel" aria-labelledby="grants-panel-title">
<h2 id="grants-panel-title">[[members.grants.title]]</h2>
{{#NO_GRANTS}}<p>[[members.grants.none]]</p>{{/NO_GRANTS}}
{{#HAS_GRANTS}}<ul class="grants">
{{#GRANT}}<li data-role="{{ROLE_KEY}}">{{#SITE}}[[members.grants.role_site]]{{/SITE}}{{#COMMUNITY}}[[members.grants.role_community]]{{/COMMUNITY}}{{#LANGUAGE}}[[members.grants.role_language]]{{/LANGUAGE}}</li>
{{/GRANT}}</ul>{{/HAS_GRANTS}}
{{#MANAGE}}<p><a href="/members/{{MEMBER_ID}}/roles">[[members.grants.manage]]</a></p>{{/MANAGE}}
</section>
