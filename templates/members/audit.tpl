{{%AUTOESCAPE context="HTML"}}<h1>[[members.audit_log.title]]</h1>
<p>[[members.audit.intro]]{{#SCOPED}} [[members.audit.scoped]]{{/SCOPED}}</p>
<h2>[[members.audit.filter]]</h2>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="get" action="/members/audit" class="filters">
<label for="actor">[[members.audit.actor]]</label>
<input type="text" id="actor" name="actor" value="{{ACTOR}}"{{#ACTOR_INVALID}} aria-invalid="true" aria-describedby="actor-error"{{/ACTOR_INVALID}}>
{{#ACTOR_INVALID}}<p class="field-error" id="actor-error">{{ACTOR_ERROR}}</p>{{/ACTOR_INVALID}}
<label for="target_member">[[members.audit.target_member]]</label>
<input type="text" id="target_member" name="target_member" value="{{TARGET_MEMBER}}"{{#TARGET_MEMBER_INVALID}} aria-invalid="true" aria-describedby="target_member-error"{{/TARGET_MEMBER_INVALID}}>
{{#TARGET_MEMBER_INVALID}}<p class="field-error" id="target_member-error">{{TARGET_MEMBER_ERROR}}</p>{{/TARGET_MEMBER_INVALID}}
<label for="target_type">[[members.audit.target_type]]</label>
<input type="text" id="target_type" name="target_type" value="{{TARGET_TYPE}}" aria-describedby="target_type-hint"{{#TARGET_TYPE_INVALID}} aria-invalid="true"{{/TARGET_TYPE_INVALID}}>
<p class="hint" id="target_type-hint">[[members.audit.target_type_hint]]</p>
{{#TARGET_TYPE_INVALID}}<p class="field-error" id="target_type-error">{{TARGET_TYPE_ERROR}}</p>{{/TARGET_TYPE_INVALID}}
<label for="target_id">[[members.audit.target_id]]</label>
<input type="text" id="target_id" name="target_id" value="{{TARGET_ID}}" inputmode="numeric"{{#TARGET_ID_INVALID}} aria-invalid="true" aria-describedby="target_id-error"{{/TARGET_ID_INVALID}}>
{{#TARGET_ID_INVALID}}<p class="field-error" id="target_id-error">{{TARGET_ID_ERROR}}</p>{{/TARGET_ID_INVALID}}
<label for="action">[[members.field.action]]</label>
<select id="action" name="action">
<option value="">[[members.audit.action_any]]</option>
{{#ACTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{#PHRASE}}{{TEXT}} ({{ACTION}}){{/PHRASE}}{{#CODE_ONLY}}{{ACTION}}{{/CODE_ONLY}}</option>
{{/ACTION_OPTION}}</select>
<label for="from">[[members.audit.from]]</label>
<input type="date" id="from" name="from" value="{{FROM}}"{{#FROM_INVALID}} aria-invalid="true" aria-describedby="from-error"{{/FROM_INVALID}}>
{{#FROM_INVALID}}<p class="field-error" id="from-error">{{FROM_ERROR}}</p>{{/FROM_INVALID}}
<label for="to">[[members.audit.to]]</label>
<input type="date" id="to" name="to" value="{{TO}}"{{#TO_INVALID}} aria-invalid="true" aria-describedby="to-error"{{/TO_INVALID}}>
{{#TO_INVALID}}<p class="field-error" id="to-error">{{TO_ERROR}}</p>{{/TO_INVALID}}
<div class="actions"><button type="submit">[[members.audit.show]]</button> <a href="/members/audit">[[members.list.clear]]</a></div>
</form>
<h2>[[members.audit.records]]</h2>
{{#NO_ROWS}}<p>[[members.audit.none]]</p>{{/NO_ROWS}}
{{#HAS_ROWS}}<div class="scroll">
<table class="audit">
<thead><tr><th scope="col">[[members.audit.col_when]]</th><th scope="col">[[members.audit.col_who]]</th><th scope="col">[[members.field.action]]</th><th scope="col">[[members.audit.col_object]]</th><th scope="col">[[members.audit.col_change]]</th><th scope="col">[[members.audit.col_from]]</th></tr></thead>
<tbody>
{{#ROW}}<tr data-id="{{ID}}">
<td>{{AT}}</td>
<td>{{#SYSTEM}}[[members.audit.system]]{{/SYSTEM}}{{#REAL}}<a href="/members/{{MEMBER_ID}}">{{NAME}}</a> ({{USERNAME}}){{/REAL}}{{#ACTING}}<br>[[members.audit.acting_as]] <a href="/members/{{MEMBER_ID}}">{{NAME}}</a> ({{USERNAME}}){{/ACTING}}</td>
<td data-action="{{ACTION}}">{{#PHRASE}}<span title="{{ACTION}}">{{TEXT}}</span>{{/PHRASE}}{{#CODE_ONLY}}<code>{{ACTION}}</code>{{/CODE_ONLY}}</td>
<td>{{#OBJECT_LINK}}<a href="/members/{{OBJECT_ID}}">[[members.audit.object_member id=OBJECT_ID]]</a>{{/OBJECT_LINK}}{{#OBJECT_PLAIN}}{{OBJECT_TYPE}} #{{OBJECT_ID}}{{/OBJECT_PLAIN}}</td>
<td><div class="change">[[members.audit.before]]{{#BEFORE_NONE}} —{{/BEFORE_NONE}}{{#BEFORE_JSON}}<pre class="before">{{TEXT:pre_escape}}</pre>{{/BEFORE_JSON}}
<br>[[members.audit.after]]{{#AFTER_NONE}} —{{/AFTER_NONE}}{{#AFTER_JSON}}<pre class="after">{{TEXT:pre_escape}}</pre>{{/AFTER_JSON}}</div></td>
<td>{{ADDR}}</td>
</tr>
{{/ROW}}</tbody>
</table>
</div>{{/HAS_ROWS}}
<nav aria-label="[[members.audit.pages]]">
<p>{{#NEWEST}}<a href="{{HREF}}">[[members.audit.newest]]</a> {{/NEWEST}}{{#OLDER}}<a href="{{HREF}}" rel="next">[[members.audit.older]]</a>{{/OLDER}}</p>
</nav>
