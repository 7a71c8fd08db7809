{{%AUTOESCAPE context="HTML"}}<h1>[[members.list.title]]</h1>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
{{#NOTICE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/NOTICE}}
<details class="filters"{{#FILTERS_OPEN}} open{{/FILTERS_OPEN}}>
<summary><span class="filters-summary">{{FILTERS_SUMMARY}}</span> <span class="filters-change">[[filters.change]]</span></summary>
<form method="get" action="/members" class="filters" role="search" aria-labelledby="filters-title">
<h2 id="filters-title">[[members.list.filters]]</h2>
<label for="q">{{#EMAIL_SEARCH}}[[members.list.q_email]]{{/EMAIL_SEARCH}}{{#NO_EMAIL_SEARCH}}[[members.list.q]]{{/NO_EMAIL_SEARCH}}</label>
<input type="search" id="q" name="q" value="{{Q}}" maxlength="64"{{#Q_INVALID}} aria-invalid="true" aria-describedby="q-error"{{/Q_INVALID}}>
{{#Q_INVALID}}<p class="field-error" id="q-error">{{Q_ERROR}}</p>{{/Q_INVALID}}
<label for="status">[[members.list.status]]</label>
<select id="status" name="status"{{#STATUS_INVALID}} aria-invalid="true" aria-describedby="status-error"{{/STATUS_INVALID}}>
<option value=""{{#STATUS_IS_ANY}} selected{{/STATUS_IS_ANY}}>[[members.list.status_any]]</option>
<option value="applying"{{#STATUS_IS_applying}} selected{{/STATUS_IS_applying}}>[[status.applying]]</option>
<option value="approved"{{#STATUS_IS_approved}} selected{{/STATUS_IS_approved}}>[[status.approved]]</option>
<option value="disabled"{{#STATUS_IS_disabled}} selected{{/STATUS_IS_disabled}}>[[status.disabled]]</option>
</select>
{{#STATUS_INVALID}}<p class="field-error" id="status-error">{{STATUS_ERROR}}</p>{{/STATUS_INVALID}}
<label for="community">[[members.field.community]]</label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
<option value="">{{#ALL_COMMUNITIES}}[[members.list.community_all]]{{/ALL_COMMUNITIES}}{{#MY_COMMUNITIES}}[[members.list.community_mine]]{{/MY_COMMUNITIES}}</option>
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
{{#FULL}}
<label for="role">[[members.list.role]]</label>
<select id="role" name="role"{{#ROLE_INVALID}} aria-invalid="true" aria-describedby="role-error"{{/ROLE_INVALID}}>
<option value="">[[members.list.role_any]]</option>
{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}</select>
{{#ROLE_INVALID}}<p class="field-error" id="role-error">{{ROLE_ERROR}}</p>{{/ROLE_INVALID}}
<label for="optout">[[members.list.optout]]</label>
<select id="optout" name="optout"{{#OPTOUT_INVALID}} aria-invalid="true" aria-describedby="optout-error"{{/OPTOUT_INVALID}}>
<option value=""{{#OPTOUT_IS_ANY}} selected{{/OPTOUT_IS_ANY}}>[[members.list.optout_any]]</option>
<option value="yes"{{#OPTOUT_IS_YES}} selected{{/OPTOUT_IS_YES}}>[[members.list.optout_yes]]</option>
<option value="no"{{#OPTOUT_IS_NO}} selected{{/OPTOUT_IS_NO}}>[[members.list.optout_no]]</option>
</select>
{{#OPTOUT_INVALID}}<p class="field-error" id="optout-error">{{OPTOUT_ERROR}}</p>{{/OPTOUT_INVALID}}
<p class="check"><input type="checkbox" id="org" name="org" value="1"{{#ORG_CHECKED}} checked{{/ORG_CHECKED}}{{#ORG_INVALID}} aria-invalid="true" aria-describedby="org-error"{{/ORG_INVALID}}>
<label for="org" class="inline">[[members.list.org]]</label></p>
{{#ORG_INVALID}}<p class="field-error" id="org-error">{{ORG_ERROR}}</p>{{/ORG_INVALID}}
{{#LIST_FIELD}}<label for="{{FIELD}}">{{LABEL}}</label>
<select id="{{FIELD}}" name="{{FIELD}}"><option value="">[[members.list.list_any]]</option>{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}</select>
{{/LIST_FIELD}}<label for="talent">[[talents.list_filter]]</label>
<select id="talent" name="talent"{{#TALENT_INVALID}} aria-invalid="true" aria-describedby="talent-error"{{/TALENT_INVALID}}><option value="">[[members.list.list_any]]</option>{{#TALENT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TALENT_OPTION}}</select>
{{#TALENT_INVALID}}<p class="field-error" id="talent-error">{{TALENT_ERROR}}</p>{{/TALENT_INVALID}}
<fieldset>
<legend>[[members.list.joined]]</legend>
<label for="joined_from">[[members.list.joined_from]]</label>
<input type="date" id="joined_from" name="joined_from" value="{{JOINED_FROM}}"{{#JOINED_FROM_INVALID}} aria-invalid="true" aria-describedby="joined_from-error"{{/JOINED_FROM_INVALID}}>
{{#JOINED_FROM_INVALID}}<p class="field-error" id="joined_from-error">{{JOINED_FROM_ERROR}}</p>{{/JOINED_FROM_INVALID}}
<label for="joined_to">[[members.list.joined_to]]</label>
<input type="date" id="joined_to" name="joined_to" value="{{JOINED_TO}}"{{#JOINED_TO_INVALID}} aria-invalid="true" aria-describedby="joined_to-error"{{/JOINED_TO_INVALID}}>
{{#JOINED_TO_INVALID}}<p class="field-error" id="joined_to-error">{{JOINED_TO_ERROR}}</p>{{/JOINED_TO_INVALID}}
</fieldset>
<fieldset>
<legend>[[members.field.last_login]]</legend>
<label for="login">[[members.list.login]]</label>
<select id="login" name="login"{{#LOGIN_INVALID}} aria-invalid="true" aria-describedby="login-error"{{/LOGIN_INVALID}}>
<option value=""{{#LOGIN_IS_ANY}} selected{{/LOGIN_IS_ANY}}>[[members.list.login_any]]</option>
<option value="never"{{#LOGIN_IS_never}} selected{{/LOGIN_IS_never}}>[[members.list.login_never]]</option>
<option value="before"{{#LOGIN_IS_before}} selected{{/LOGIN_IS_before}}>[[members.list.login_before]]</option>
<option value="after"{{#LOGIN_IS_after}} selected{{/LOGIN_IS_after}}>[[members.list.login_after]]</option>
</select>
{{#LOGIN_INVALID}}<p class="field-error" id="login-error">{{LOGIN_ERROR}}</p>{{/LOGIN_INVALID}}
<label for="login_date">[[members.list.login_date_label]]</label>
<input type="date" id="login_date" name="login_date" value="{{LOGIN_DATE}}"{{#LOGIN_DATE_INVALID}} aria-invalid="true" aria-describedby="login_date-error"{{/LOGIN_DATE_INVALID}}>
{{#LOGIN_DATE_INVALID}}<p class="field-error" id="login_date-error">{{LOGIN_DATE_ERROR}}</p>{{/LOGIN_DATE_INVALID}}
</fieldset>
{{/FULL}}
<label for="sort">[[members.list.sort]]</label>
<select id="sort" name="sort"{{#SORT_INVALID}} aria-invalid="true" aria-describedby="sort-error"{{/SORT_INVALID}}>
<option value="name"{{#SORT_IS_name}} selected{{/SORT_IS_name}}>[[members.field.name]]</option>
<option value="username"{{#SORT_IS_username}} selected{{/SORT_IS_username}}>[[members.field.username]]</option>
{{#FULL}}<option value="joined"{{#SORT_IS_joined}} selected{{/SORT_IS_joined}}>[[members.field.joined]]</option>
<option value="login"{{#SORT_IS_login}} selected{{/SORT_IS_login}}>[[members.field.last_login]]</option>
{{/FULL}}</select>
{{#SORT_INVALID}}<p class="field-error" id="sort-error">{{SORT_ERROR}}</p>{{/SORT_INVALID}}
<label for="dir">[[members.list.dir]]</label>
<select id="dir" name="dir"{{#DIR_INVALID}} aria-invalid="true" aria-describedby="dir-error"{{/DIR_INVALID}}>
<option value="asc"{{#DIR_IS_ASC}} selected{{/DIR_IS_ASC}}>[[members.list.dir_asc]]</option>
<option value="desc"{{#DIR_IS_DESC}} selected{{/DIR_IS_DESC}}>[[members.list.dir_desc]]</option>
</select>
{{#DIR_INVALID}}<p class="field-error" id="dir-error">{{DIR_ERROR}}</p>{{/DIR_INVALID}}
<div class="actions"><button type="submit">[[members.list.show]]</button> <a href="/members">[[members.list.clear]]</a></div>
</form>
</details>
{{#RESULTS}}
<h2 id="results-title">[[members.list.found]]</h2>
{{#NARROW}}<p class="hint">[[members.list.narrow]]</p>{{/NARROW}}
{{#NO_ROWS}}<p>[[members.list.none]]</p>{{/NO_ROWS}}
{{#HAS_ROWS}}
<p><a href="{{CSV_HREF}}" download>[[members.list.csv]]</a> [[members.list.csv_note]]</p>
{{#BULK}}<form method="post" action="/members/bulk" class="bulk" aria-labelledby="bulk-title">
<input type="hidden" name="csrf" value="{{CSRF}}">{{/BULK}}
{{#BULK}}<fieldset class="bulk-actions">
<legend id="bulk-title">[[members.list.bulk]]</legend>
<label for="bulk-action">[[members.field.action]]</label>
<select id="bulk-action" name="action">
<option value="approve">[[members.bulk.action.approve]]</option>
<option value="unapprove">[[members.bulk.action.unapprove]]</option>
<option value="disable">[[members.bulk.action.disable]]</option>
<option value="enable">[[members.bulk.action.enable]]</option>
<option value="grant">[[members.list.bulk_grant]]</option>
<option value="revoke">[[members.list.bulk_revoke]]</option>
</select>
<label for="bulk-role">[[members.list.bulk_role]]</label>
<select id="bulk-role" name="role">
<option value="">—</option>
{{#BULK_ROLE}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/BULK_ROLE}}</select>
<label for="bulk-scope">[[members.list.bulk_scope]]</label>
<input type="text" id="bulk-scope" name="scope" value="" placeholder="[[members.list.bulk_scope_hint]]">
{{#BULK_ALL}}<p class="check"><input type="checkbox" id="all_matching" name="all_matching" value="1">
<label for="all_matching" class="inline">[[members.list.bulk_all]]</label></p>
<input type="hidden" name="f_status" value="{{F_STATUS}}">
<input type="hidden" name="f_role" value="{{F_ROLE}}">
<input type="hidden" name="f_community" value="{{F_COMMUNITY}}">
<input type="hidden" name="f_q" value="{{F_Q}}">
<input type="hidden" name="f_org" value="{{F_ORG}}">
<input type="hidden" name="f_optout" value="{{F_OPTOUT}}">{{/BULK_ALL}}
{{#BULK_NO_ALL}}<p class="hint">[[members.list.bulk_no_all]]</p>{{/BULK_NO_ALL}}
<div class="actions"><button type="submit">[[members.list.bulk_preview]]</button></div>
</fieldset>{{/BULK}}
<div class="scroll">
<table class="members stack">
<caption>[[members.list.shown n=SHOWN]]</caption>
<thead>
<tr>{{#BULK}}<th scope="col">[[members.list.col_select]]</th>{{/BULK}}
<th scope="col" aria-sort="{{SORT_NAME_ARIA}}"><a href="{{SORT_NAME_HREF}}">[[members.field.name]]{{#SORT_NAME_ASC}} <span aria-hidden="true">▲</span>{{/SORT_NAME_ASC}}{{#SORT_NAME_DESC}} <span aria-hidden="true">▼</span>{{/SORT_NAME_DESC}}</a></th>
<th scope="col" aria-sort="{{SORT_USERNAME_ARIA}}"><a href="{{SORT_USERNAME_HREF}}">[[members.field.username]]{{#SORT_USERNAME_ASC}} <span aria-hidden="true">▲</span>{{/SORT_USERNAME_ASC}}{{#SORT_USERNAME_DESC}} <span aria-hidden="true">▼</span>{{/SORT_USERNAME_DESC}}</a></th>
<th scope="col">[[members.list.status]]</th>
{{#FULL}}<th scope="col">[[members.field.community]]</th>
<th scope="col" aria-sort="{{SORT_JOINED_ARIA}}"><a href="{{SORT_JOINED_HREF}}">[[members.field.joined]]{{#SORT_JOINED_ASC}} <span aria-hidden="true">▲</span>{{/SORT_JOINED_ASC}}{{#SORT_JOINED_DESC}} <span aria-hidden="true">▼</span>{{/SORT_JOINED_DESC}}</a></th>
<th scope="col" aria-sort="{{SORT_LOGIN_ARIA}}"><a href="{{SORT_LOGIN_HREF}}">[[members.field.last_login]]{{#SORT_LOGIN_ASC}} <span aria-hidden="true">▲</span>{{/SORT_LOGIN_ASC}}{{#SORT_LOGIN_DESC}} <span aria-hidden="true">▼</span>{{/SORT_LOGIN_DESC}}</a></th>
<th scope="col">[[members.list.col_notes]]</th>
{{/FULL}}{{#CONTACT}}<th scope="col">[[members.list.col_email]]</th>
<th scope="col">[[members.field.phone]]</th>
{{/CONTACT}}{{#PAYMENT}}<th scope="col">[[members.list.col_subscription]]</th>
<th scope="col">[[members.list.col_renewal]]</th>
{{/PAYMENT}}</tr>
</thead>
<tbody>
{{#ROW}}<tr data-member="{{ID}}">{{#ROW_BULK}}<td class="select"><input type="checkbox" name="id" value="{{ID}}" aria-label="[[members.list.select_one]]"></td>{{/ROW_BULK}}
<td data-label="[[members.field.name]]"><a href="/members/{{ID}}">{{NAME}}</a>{{#ROW_ORG}} <span class="tag">[[members.list.tag_org]]</span>{{/ROW_ORG}}{{#ROW_OPTOUT}} <span class="tag">[[members.list.tag_optout]]</span>{{/ROW_OPTOUT}}</td>
<td data-label="[[members.field.username]]">{{USERNAME}}</td>
<td data-label="[[members.list.status]]">{{STATUS}}</td>
{{#ROW_FULL}}<td data-label="[[members.field.community]]">{{COMMUNITY}}</td>
<td data-label="[[members.field.joined]]" class="nowrap">{{JOINED}}</td>
<td data-label="[[members.field.last_login]]" class="nowrap">{{LOGIN}}</td>
<td data-label="[[members.list.col_notes]]">{{#ROW_NOTES}}<a href="/members/{{ID}}/notes" aria-label="[[members.list.notes_on]]">[[members.list.col_notes]]</a>{{/ROW_NOTES}}</td>
{{/ROW_FULL}}{{#ROW_CONTACT}}<td class="email" data-label="[[members.list.col_email]]">{{EMAIL}}</td>
<td data-label="[[members.field.phone]]" class="nowrap">{{PHONE}}</td>
{{/ROW_CONTACT}}{{#ROW_NO_CONTACT}}<td data-label="[[members.list.col_email]]">—</td>
<td data-label="[[members.field.phone]]">—</td>
{{/ROW_NO_CONTACT}}{{#ROW_SUB}}<td data-label="[[members.list.col_subscription]]" data-subscription="{{SUB_STATUS_NAME}}"><a href="/payments/members/{{ID}}">{{SUB_STATUS}}</a></td>
<td data-label="[[members.list.col_renewal]]" class="nowrap">{{SUB_RENEWAL}}</td>
{{/ROW_SUB}}{{#ROW_NO_SUB}}<td data-label="[[members.list.col_subscription]]">—</td>
<td data-label="[[members.list.col_renewal]]">—</td>
{{/ROW_NO_SUB}}</tr>
{{/ROW}}</tbody>
</table>
</div>
{{#BULK}}</form>{{/BULK}}
{{/HAS_ROWS}}
{{#PAGER}}<nav class="pager" aria-label="[[members.list.pages]]">
<ul>
{{#FIRST}}<li><a href="{{HREF}}">[[members.list.page_first]]</a></li>
{{/FIRST}}{{#PREV}}<li><a href="{{HREF}}" rel="prev">[[members.list.page_prev]]</a></li>
{{/PREV}}{{#NEXT}}<li><a href="{{HREF}}" rel="next">[[members.list.page_next]]</a></li>
{{/NEXT}}</ul>
</nav>{{/PAGER}}
{{/RESULTS}}
