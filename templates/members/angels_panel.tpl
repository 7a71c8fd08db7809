{{%AUTOESCAPE context="HTML"}}{{#STANDALONE}}<h1>Guardian angels and managers of {{MEMBER_NAME}}</h1>
<p><a href="/members/{{MEMBER_ID}}">Back to the profile of {{MEMBER_NAME}}</a></p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}{{/STANDALONE}}
{{#ANGELS}}<section class="panel" aria-labelledby="angels-title">
<h2 id="angels-title">Guardian angels</h2>
<p>A guardian angel can post offers and requests and record exchanges for {{MEMBER_NAME}} while Guardian Angel Mode is on.</p>
<p>Guardian Angel Mode is {{#MODE_ON}}<strong>on</strong>{{/MODE_ON}}{{#MODE_OFF}}<strong>off</strong>{{/MODE_OFF}}.</p>
<form method="post" action="/members/{{MEMBER_ID}}/angel-mode">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="on" value="{{MODE_NEXT}}">
<button type="submit">{{#MODE_ON}}Switch Guardian Angel Mode off{{/MODE_ON}}{{#MODE_OFF}}Switch Guardian Angel Mode on{{/MODE_OFF}}</button>
</form>
{{#ON_INVALID}}<p class="field-error" id="on-error">{{ON_ERROR}}</p>{{/ON_INVALID}}
{{#ANGEL_LIST}}<ul class="angels">
{{#ANGEL_ROW}}<li><a href="/members/{{ID}}">{{NAME}}</a> ({{USERNAME}}){{#REMOVE}}
<form method="post" action="/members/{{MEMBER_ID}}/angels/{{ID}}/remove" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" aria-label="Remove {{NAME}} as guardian angel">Remove</button>
</form>{{/REMOVE}}</li>
{{/ANGEL_ROW}}</ul>{{/ANGEL_LIST}}
{{#ANGEL_NONE}}<p>No guardian angel has been assigned.</p>{{/ANGEL_NONE}}
{{#ASSIGN}}<form method="post" action="/members/{{MEMBER_ID}}/angels">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="angel">Username of a new guardian angel</label>
<input type="text" id="angel" name="angel" value="{{ANGEL}}" required autocomplete="off"{{#ANGEL_INVALID}} aria-invalid="true" aria-describedby="angel-error"{{/ANGEL_INVALID}}>
{{#ANGEL_INVALID}}<p class="field-error" id="angel-error">{{ANGEL_ERROR}}</p>{{/ANGEL_INVALID}}
<p class="hint">An approved member of the part of the timebank you coordinate.</p>
<div class="actions"><button type="submit">Assign guardian angel</button></div>
</form>{{/ASSIGN}}
</section>{{/ANGELS}}
{{#MANAGERS}}<section class="panel" aria-labelledby="managers-title">
<h2 id="managers-title">Managers of this organisation</h2>
<p>A manager can post offers and requests and record exchanges for {{MEMBER_NAME}}.</p>
{{#MANAGER_LIST}}<ul class="managers">
{{#MANAGER_ROW}}<li><a href="/members/{{ID}}">{{NAME}}</a> ({{USERNAME}}){{#REMOVE}}
<form method="post" action="/members/{{MEMBER_ID}}/managers/{{ID}}/remove" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" aria-label="Remove {{NAME}} as manager">Remove</button>
</form>{{/REMOVE}}</li>
{{/MANAGER_ROW}}</ul>{{/MANAGER_LIST}}
{{#MANAGER_NONE}}<p>This organisation has no manager yet.</p>{{/MANAGER_NONE}}
<form method="post" action="/members/{{MEMBER_ID}}/managers">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="manager">Username of a new manager</label>
<input type="text" id="manager" name="manager" value="{{MANAGER}}" required autocomplete="off"{{#MANAGER_INVALID}} aria-invalid="true" aria-describedby="manager-error"{{/MANAGER_INVALID}}>
{{#MANAGER_INVALID}}<p class="field-error" id="manager-error">{{MANAGER_ERROR}}</p>{{/MANAGER_INVALID}}
<p class="hint">An approved member of the part of the timebank you coordinate.</p>
<div class="actions"><button type="submit">Add manager</button></div>
</form>
</section>{{/MANAGERS}}
