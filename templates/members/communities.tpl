{{%AUTOESCAPE context="HTML"}}<h1>[[members.communities.title]]</h1>
<p>[[members.communities.intro]]</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<h2>[[members.communities.list]]</h2>
{{#NONE}}<p>[[members.communities.none]]</p>{{/NONE}}
{{#LIST}}<table class="communities">
<caption>[[members.communities.caption]]</caption>
<thead>
<tr><th scope="col">[[members.field.community]]</th><th scope="col">[[members.communities.col_accounts]]</th></tr>
</thead>
<tbody>
{{#COMMUNITY}}<tr data-community="{{ID}}"><th scope="row"><a href="/members?community={{ID}}">{{NAME}}</a></th><td>{{COUNT}}</td></tr>
{{/COMMUNITY}}</tbody>
</table>{{/LIST}}
{{#CREATE}}<h2>[[members.communities.create]]</h2>
<form method="post" action="/members/communities">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">[[members.field.name]]</label>
<input type="text" id="name" name="name" value="{{NAME}}" required maxlength="128"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-error"{{/NAME_INVALID}}>
{{#NAME_INVALID}}<p class="field-error" id="name-error">{{NAME_ERROR}}</p>{{/NAME_INVALID}}
<div class="actions"><button type="submit">[[members.communities.create_button]]</button></div>
</form>{{/CREATE}}
