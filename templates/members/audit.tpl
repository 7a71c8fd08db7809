{{%AUTOESCAPE context="HTML"}}<h1>Audit log</h1>
<p>Every change made by a coordinator: who made it (and as whom, while
acting as another member), what, on which object, before and after, when
and from where. Nobody can change or delete these records.{{#SCOPED}} You see
the records of your Community Timebanks.{{/SCOPED}}</p>
<h2>Filter</h2>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="get" action="/members/audit" class="filters">
<label for="actor">Made by (username)</label>
<input type="text" id="actor" name="actor" value="{{ACTOR}}"{{#ACTOR_INVALID}} aria-invalid="true" aria-describedby="actor-error"{{/ACTOR_INVALID}}>
{{#ACTOR_INVALID}}<p class="field-error" id="actor-error">{{ACTOR_ERROR}}</p>{{/ACTOR_INVALID}}
<label for="target_member">About the member (username)</label>
<input type="text" id="target_member" name="target_member" value="{{TARGET_MEMBER}}"{{#TARGET_MEMBER_INVALID}} aria-invalid="true" aria-describedby="target_member-error"{{/TARGET_MEMBER_INVALID}}>
{{#TARGET_MEMBER_INVALID}}<p class="field-error" id="target_member-error">{{TARGET_MEMBER_ERROR}}</p>{{/TARGET_MEMBER_INVALID}}
<label for="target_type">Object type</label>
<input type="text" id="target_type" name="target_type" value="{{TARGET_TYPE}}" aria-describedby="target_type-hint"{{#TARGET_TYPE_INVALID}} aria-invalid="true"{{/TARGET_TYPE_INVALID}}>
<p class="hint" id="target_type-hint">For example member, grant or note.</p>
{{#TARGET_TYPE_INVALID}}<p class="field-error" id="target_type-error">{{TARGET_TYPE_ERROR}}</p>{{/TARGET_TYPE_INVALID}}
<label for="target_id">Object number</label>
<input type="text" id="target_id" name="target_id" value="{{TARGET_ID}}" inputmode="numeric"{{#TARGET_ID_INVALID}} aria-invalid="true" aria-describedby="target_id-error"{{/TARGET_ID_INVALID}}>
{{#TARGET_ID_INVALID}}<p class="field-error" id="target_id-error">{{TARGET_ID_ERROR}}</p>{{/TARGET_ID_INVALID}}
<label for="action">Action</label>
<select id="action" name="action">
<option value="">Any action</option>
{{#ACTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>
{{/ACTION_OPTION}}</select>
<label for="from">From (date)</label>
<input type="date" id="from" name="from" value="{{FROM}}"{{#FROM_INVALID}} aria-invalid="true" aria-describedby="from-error"{{/FROM_INVALID}}>
{{#FROM_INVALID}}<p class="field-error" id="from-error">{{FROM_ERROR}}</p>{{/FROM_INVALID}}
<label for="to">To (date, included)</label>
<input type="date" id="to" name="to" value="{{TO}}"{{#TO_INVALID}} aria-invalid="true" aria-describedby="to-error"{{/TO_INVALID}}>
{{#TO_INVALID}}<p class="field-error" id="to-error">{{TO_ERROR}}</p>{{/TO_INVALID}}
<div class="actions"><button type="submit">Show</button> <a href="/members/audit">Clear the filters</a></div>
</form>
<h2>Records</h2>
{{#NO_ROWS}}<p>No records match.</p>{{/NO_ROWS}}
{{#HAS_ROWS}}<div class="scroll">
<table class="audit">
<thead><tr><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Object</th><th scope="col">Before → after</th><th scope="col">From</th></tr></thead>
<tbody>
{{#ROW}}<tr data-id="{{ID}}">
<td>{{AT}}</td>
<td>{{#SYSTEM}}The system{{/SYSTEM}}{{#REAL}}<a href="/members/{{MEMBER_ID}}">{{NAME}}</a> ({{USERNAME}}){{/REAL}}{{#ACTING}}<br>acting as <a href="/members/{{MEMBER_ID}}">{{NAME}}</a> ({{USERNAME}}){{/ACTING}}</td>
<td><code>{{ACTION}}</code></td>
<td>{{#OBJECT_LINK}}<a href="/members/{{OBJECT_ID}}">member #{{OBJECT_ID}}</a>{{/OBJECT_LINK}}{{#OBJECT_PLAIN}}{{OBJECT_TYPE}} #{{OBJECT_ID}}{{/OBJECT_PLAIN}}</td>
<td><div class="change">Before:{{#BEFORE_NONE}} —{{/BEFORE_NONE}}{{#BEFORE_JSON}}<pre class="before">{{TEXT:pre_escape}}</pre>{{/BEFORE_JSON}}
<br>After:{{#AFTER_NONE}} —{{/AFTER_NONE}}{{#AFTER_JSON}}<pre class="after">{{TEXT:pre_escape}}</pre>{{/AFTER_JSON}}</div></td>
<td>{{ADDR}}</td>
</tr>
{{/ROW}}</tbody>
</table>
</div>{{/HAS_ROWS}}
<nav aria-label="Pages of the audit log">
<p>{{#NEWEST}}<a href="{{HREF}}">Newest records</a> {{/NEWEST}}{{#OLDER}}<a href="{{HREF}}" rel="next">Older records</a>{{/OLDER}}</p>
</nav>
