{{%AUTOESCAPE context="HTML"}}<h1>Community Timebanks</h1>
<p>Community Timebanks are groups of members within the timebank. A coordinator appointed for one community works with that community's members only.</p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<h2>Communities</h2>
{{#NONE}}<p>There is no Community Timebank you coordinate.</p>{{/NONE}}
{{#LIST}}<table class="communities">
<caption>Community Timebanks and how many accounts (of every status) each holds.</caption>
<thead>
<tr><th scope="col">Community Timebank</th><th scope="col">Accounts</th></tr>
</thead>
<tbody>
{{#COMMUNITY}}<tr data-community="{{ID}}"><th scope="row"><a href="/members?community={{ID}}">{{NAME}}</a></th><td>{{COUNT}}</td></tr>
{{/COMMUNITY}}</tbody>
</table>{{/LIST}}
{{#CREATE}}<h2>Create a Community Timebank</h2>
<form method="post" action="/members/communities">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">Name</label>
<input type="text" id="name" name="name" value="{{NAME}}" required maxlength="128"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-error"{{/NAME_INVALID}}>
{{#NAME_INVALID}}<p class="field-error" id="name-error">{{NAME_ERROR}}</p>{{/NAME_INVALID}}
<div class="actions"><button type="submit">Create</button></div>
</form>{{/CREATE}}
