{{%AUTOESCAPE context="HTML"}}{{#STANDALONE}}<h1>[[members.angels.heading]]</h1>
<p><a href="/members/{{MEMBER_ID}}">[[members.back_profile_of]]</a></p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}{{/STANDALONE}}
{{#ANGELS}}<section class="panel" aria-labelledby="angels-title">
<h2 id="angels-title">[[members.angels.angels]]</h2>
<p>[[members.angels.angels_intro]]</p>
<p><strong>{{#MODE_ON}}[[members.angels.mode_is_on]]{{/MODE_ON}}{{#MODE_OFF}}[[members.angels.mode_is_off]]{{/MODE_OFF}}</strong></p>
<form method="post" action="/members/{{MEMBER_ID}}/angel-mode">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="on" value="{{MODE_NEXT}}">
<button type="submit">{{#MODE_ON}}[[members.angels.mode_switch_off]]{{/MODE_ON}}{{#MODE_OFF}}[[members.angels.mode_switch_on]]{{/MODE_OFF}}</button>
</form>
{{#ON_INVALID}}<p class="field-error" id="on-error">{{ON_ERROR}}</p>{{/ON_INVALID}}
{{#ANGEL_LIST}}<ul class="angels">
{{#ANGEL_ROW}}<li><a href="/members/{{ID}}">{{NAME}}</a> ({{USERNAME}}){{#REMOVE}}
<form method="post" action="/members/{{MEMBER_ID}}/angels/{{ID}}/remove" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" aria-label="[[members.angels.remove_angel]]">[[members.remove]]</button>
</form>{{/REMOVE}}</li>
{{/ANGEL_ROW}}</ul>{{/ANGEL_LIST}}
{{#ANGEL_NONE}}<p>[[members.angels.angel_none]]</p>{{/ANGEL_NONE}}
{{#ASSIGN}}<form method="post" action="/members/{{MEMBER_ID}}/angels">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="angel">[[members.angels.angel_label]]</label>
<input type="text" id="angel" name="angel" value="{{ANGEL}}" required autocomplete="off"{{#ANGEL_INVALID}} aria-invalid="true" aria-describedby="angel-error"{{/ANGEL_INVALID}}>
{{#ANGEL_INVALID}}<p class="field-error" id="angel-error">{{ANGEL_ERROR}}</p>{{/ANGEL_INVALID}}
<p class="hint">[[members.angels.who_hint]]</p>
<div class="actions"><button type="submit">[[members.angels.angel_add]]</button></div>
</form>{{/ASSIGN}}
</section>{{/ANGELS}}
{{#MANAGERS}}<section class="panel" aria-labelledby="managers-title">
<h2 id="managers-title">[[members.angels.managers]]</h2>
<p>[[members.angels.managers_intro]]</p>
{{#MANAGER_LIST}}<ul class="managers">
{{#MANAGER_ROW}}<li><a href="/members/{{ID}}">{{NAME}}</a> ({{USERNAME}}){{#REMOVE}}
<form method="post" action="/members/{{MEMBER_ID}}/managers/{{ID}}/remove" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" aria-label="[[members.angels.remove_manager]]">[[members.remove]]</button>
</form>{{/REMOVE}}</li>
{{/MANAGER_ROW}}</ul>{{/MANAGER_LIST}}
{{#MANAGER_NONE}}<p>[[members.angels.manager_none]]</p>{{/MANAGER_NONE}}
<form method="post" action="/members/{{MEMBER_ID}}/managers">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="manager">[[members.angels.manager_label]]</label>
<input type="text" id="manager" name="manager" value="{{MANAGER}}" required autocomplete="off"{{#MANAGER_INVALID}} aria-invalid="true" aria-describedby="manager-error"{{/MANAGER_INVALID}}>
{{#MANAGER_INVALID}}<p class="field-error" id="manager-error">{{MANAGER_ERROR}}</p>{{/MANAGER_INVALID}}
<p class="hint">[[members.angels.who_hint]]</p>
<div class="actions"><button type="submit">[[members.angels.manager_add]]</button></div>
</form>
</section>{{/MANAGERS}}
