{{%AUTOESCAPE context="HTML"}}<h1>Members</h1>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
{{#NOTICE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/NOTICE}}
<form method="get" action="/members" class="filters" role="search" aria-labelledby="filters-title">
<h2 id="filters-title">Filters</h2>
<label for="q">Name{{#EMAIL_SEARCH}}, username or e-mail{{/EMAIL_SEARCH}}{{#NO_EMAIL_SEARCH}} or username{{/NO_EMAIL_SEARCH}} starts with</label>
<input type="search" id="q" name="q" value="{{Q}}" maxlength="64"{{#Q_INVALID}} aria-invalid="true" aria-describedby="q-error"{{/Q_INVALID}}>
{{#Q_INVALID}}<p class="field-error" id="q-error">{{Q_ERROR}}</p>{{/Q_INVALID}}
<label for="status">Status</label>
<select id="status" name="status"{{#STATUS_INVALID}} aria-invalid="true" aria-describedby="status-error"{{/STATUS_INVALID}}>
<option value=""{{#STATUS_IS_ANY}} selected{{/STATUS_IS_ANY}}>Any status</option>
<option value="applying"{{#STATUS_IS_applying}} selected{{/STATUS_IS_applying}}>Applying</option>
<option value="approved"{{#STATUS_IS_approved}} selected{{/STATUS_IS_approved}}>Approved</option>
<option value="disabled"{{#STATUS_IS_disabled}} selected{{/STATUS_IS_disabled}}>Disabled</option>
</select>
{{#STATUS_INVALID}}<p class="field-error" id="status-error">{{STATUS_ERROR}}</p>{{/STATUS_INVALID}}
<label for="community">Community Timebank</label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
<option value="">{{#ALL_COMMUNITIES}}All members{{/ALL_COMMUNITIES}}{{#MY_COMMUNITIES}}All of my Community Timebanks{{/MY_COMMUNITIES}}</option>
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
{{#FULL}}
<label for="role">Holds the coordinator role</label>
<select id="role" name="role"{{#ROLE_INVALID}} aria-invalid="true" aria-describedby="role-error"{{/ROLE_INVALID}}>
<option value="">Any member</option>
{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}</select>
{{#ROLE_INVALID}}<p class="field-error" id="role-error">{{ROLE_ERROR}}</p>{{/ROLE_INVALID}}
<label for="optout">Broadcast opt-out</label>
<select id="optout" name="optout"{{#OPTOUT_INVALID}} aria-invalid="true" aria-describedby="optout-error"{{/OPTOUT_INVALID}}>
<option value=""{{#OPTOUT_IS_ANY}} selected{{/OPTOUT_IS_ANY}}>Any</option>
<option value="yes"{{#OPTOUT_IS_YES}} selected{{/OPTOUT_IS_YES}}>Opted out of broadcasts</option>
<option value="no"{{#OPTOUT_IS_NO}} selected{{/OPTOUT_IS_NO}}>Receives broadcasts</option>
</select>
{{#OPTOUT_INVALID}}<p class="field-error" id="optout-error">{{OPTOUT_ERROR}}</p>{{/OPTOUT_INVALID}}
<p class="check"><input type="checkbox" id="org" name="org" value="1"{{#ORG_CHECKED}} checked{{/ORG_CHECKED}}{{#ORG_INVALID}} aria-invalid="true" aria-describedby="org-error"{{/ORG_INVALID}}>
<label for="org" class="inline">Organisation accounts only</label></p>
{{#ORG_INVALID}}<p class="field-error" id="org-error">{{ORG_ERROR}}</p>{{/ORG_INVALID}}
<fieldset>
<legend>Joined between (inclusive)</legend>
<label for="joined_from">From</label>
<input type="date" id="joined_from" name="joined_from" value="{{JOINED_FROM}}"{{#JOINED_FROM_INVALID}} aria-invalid="true" aria-describedby="joined_from-error"{{/JOINED_FROM_INVALID}}>
{{#JOINED_FROM_INVALID}}<p class="field-error" id="joined_from-error">{{JOINED_FROM_ERROR}}</p>{{/JOINED_FROM_INVALID}}
<label for="joined_to">To</label>
<input type="date" id="joined_to" name="joined_to" value="{{JOINED_TO}}"{{#JOINED_TO_INVALID}} aria-invalid="true" aria-describedby="joined_to-error"{{/JOINED_TO_INVALID}}>
{{#JOINED_TO_INVALID}}<p class="field-error" id="joined_to-error">{{JOINED_TO_ERROR}}</p>{{/JOINED_TO_INVALID}}
</fieldset>
<fieldset>
<legend>Last log-in</legend>
<label for="login">When</label>
<select id="login" name="login"{{#LOGIN_INVALID}} aria-invalid="true" aria-describedby="login-error"{{/LOGIN_INVALID}}>
<option value=""{{#LOGIN_IS_ANY}} selected{{/LOGIN_IS_ANY}}>Any time, or never</option>
<option value="never"{{#LOGIN_IS_never}} selected{{/LOGIN_IS_never}}>Never logged in</option>
<option value="before"{{#LOGIN_IS_before}} selected{{/LOGIN_IS_before}}>Before the date</option>
<option value="after"{{#LOGIN_IS_after}} selected{{/LOGIN_IS_after}}>On or after the date</option>
</select>
{{#LOGIN_INVALID}}<p class="field-error" id="login-error">{{LOGIN_ERROR}}</p>{{/LOGIN_INVALID}}
<label for="login_date">Date</label>
<input type="date" id="login_date" name="login_date" value="{{LOGIN_DATE}}"{{#LOGIN_DATE_INVALID}} aria-invalid="true" aria-describedby="login_date-error"{{/LOGIN_DATE_INVALID}}>
{{#LOGIN_DATE_INVALID}}<p class="field-error" id="login_date-error">{{LOGIN_DATE_ERROR}}</p>{{/LOGIN_DATE_INVALID}}
</fieldset>
{{/FULL}}
<label for="sort">Sort by</label>
<select id="sort" name="sort"{{#SORT_INVALID}} aria-invalid="true" aria-describedby="sort-error"{{/SORT_INVALID}}>
<option value="name"{{#SORT_IS_name}} selected{{/SORT_IS_name}}>Name</option>
<option value="username"{{#SORT_IS_username}} selected{{/SORT_IS_username}}>Username</option>
{{#FULL}}<option value="joined"{{#SORT_IS_joined}} selected{{/SORT_IS_joined}}>Joined</option>
<option value="login"{{#SORT_IS_login}} selected{{/SORT_IS_login}}>Last log-in</option>
{{/FULL}}</select>
{{#SORT_INVALID}}<p class="field-error" id="sort-error">{{SORT_ERROR}}</p>{{/SORT_INVALID}}
<label for="dir">Order</label>
<select id="dir" name="dir"{{#DIR_INVALID}} aria-invalid="true" aria-describedby="dir-error"{{/DIR_INVALID}}>
<option value="asc"{{#DIR_IS_ASC}} selected{{/DIR_IS_ASC}}>Ascending</option>
<option value="desc"{{#DIR_IS_DESC}} selected{{/DIR_IS_DESC}}>Descending</option>
</select>
{{#DIR_INVALID}}<p class="field-error" id="dir-error">{{DIR_ERROR}}</p>{{/DIR_INVALID}}
<div class="actions"><button type="submit">Show members</button> <a href="/members">Clear the filters</a></div>
</form>
{{#RESULTS}}
<h2 id="results-title">Members found</h2>
{{#NARROW}}<p class="hint">Your view of the list shows names and membership status only.</p>{{/NARROW}}
{{#NO_ROWS}}<p>No member matches these filters.</p>{{/NO_ROWS}}
{{#HAS_ROWS}}
<p><a href="{{CSV_HREF}}" download>Download this list as CSV</a> (every page, at most 100,000 rows).</p>
{{#BULK}}<form method="post" action="/members/bulk" class="bulk" aria-labelledby="bulk-title">
<input type="hidden" name="csrf" value="{{CSRF}}">{{/BULK}}
<div class="scroll">
<table class="members">
<caption>{{SHOWN}} members on this page</caption>
<thead>
<tr>{{#BULK}}<th scope="col">Select</th>{{/BULK}}
<th scope="col" aria-sort="{{SORT_NAME_ARIA}}"><a href="{{SORT_NAME_HREF}}">Name{{#SORT_NAME_ASC}} <span aria-hidden="true">▲</span>{{/SORT_NAME_ASC}}{{#SORT_NAME_DESC}} <span aria-hidden="true">▼</span>{{/SORT_NAME_DESC}}</a></th>
<th scope="col" aria-sort="{{SORT_USERNAME_ARIA}}"><a href="{{SORT_USERNAME_HREF}}">Username{{#SORT_USERNAME_ASC}} <span aria-hidden="true">▲</span>{{/SORT_USERNAME_ASC}}{{#SORT_USERNAME_DESC}} <span aria-hidden="true">▼</span>{{/SORT_USERNAME_DESC}}</a></th>
<th scope="col">Status</th>
{{#FULL}}<th scope="col">Community Timebank</th>
<th scope="col" aria-sort="{{SORT_JOINED_ARIA}}"><a href="{{SORT_JOINED_HREF}}">Joined{{#SORT_JOINED_ASC}} <span aria-hidden="true">▲</span>{{/SORT_JOINED_ASC}}{{#SORT_JOINED_DESC}} <span aria-hidden="true">▼</span>{{/SORT_JOINED_DESC}}</a></th>
<th scope="col" aria-sort="{{SORT_LOGIN_ARIA}}"><a href="{{SORT_LOGIN_HREF}}">Last log-in{{#SORT_LOGIN_ASC}} <span aria-hidden="true">▲</span>{{/SORT_LOGIN_ASC}}{{#SORT_LOGIN_DESC}} <span aria-hidden="true">▼</span>{{/SORT_LOGIN_DESC}}</a></th>
<th scope="col">Notes</th>
{{/FULL}}{{#CONTACT}}<th scope="col">E-mail</th>
<th scope="col">Phone</th>
{{/CONTACT}}</tr>
</thead>
<tbody>
{{#ROW}}<tr data-member="{{ID}}">{{#ROW_BULK}}<td><input type="checkbox" name="id" value="{{ID}}" aria-label="Select {{NAME}}"></td>{{/ROW_BULK}}
<td><a href="/members/{{ID}}">{{NAME}}</a>{{#ROW_ORG}} <span class="tag">organisation</span>{{/ROW_ORG}}{{#ROW_OPTOUT}} <span class="tag">no broadcasts</span>{{/ROW_OPTOUT}}</td>
<td>{{USERNAME}}</td>
<td>{{STATUS}}</td>
{{#ROW_FULL}}<td>{{COMMUNITY}}</td>
<td>{{JOINED}}</td>
<td>{{LOGIN}}</td>
<td>{{#ROW_NOTES}}<a href="/members/{{ID}}/notes" aria-label="Notes on {{NAME}}">Notes</a>{{/ROW_NOTES}}</td>
{{/ROW_FULL}}{{#ROW_CONTACT}}<td class="email">{{EMAIL}}</td>
<td>{{PHONE}}</td>
{{/ROW_CONTACT}}{{#ROW_NO_CONTACT}}<td>—</td>
<td>—</td>
{{/ROW_NO_CONTACT}}</tr>
{{/ROW}}</tbody>
</table>
</div>
{{#BULK}}<fieldset class="bulk-actions">
<legend id="bulk-title">Bulk action on the selected members</legend>
<label for="bulk-action">Action</label>
<select id="bulk-action" name="action">
<option value="approve">Approve</option>
<option value="unapprove">Set back to applying</option>
<option value="disable">Disable</option>
<option value="enable">Enable</option>
<option value="grant">Grant a coordinator role</option>
<option value="revoke">Remove a coordinator role</option>
</select>
<label for="bulk-role">Role (to grant or remove)</label>
<select id="bulk-role" name="role">
<option value="">—</option>
{{#BULK_ROLE}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/BULK_ROLE}}</select>
<label for="bulk-scope">Scope of the role</label>
<input type="text" id="bulk-scope" name="scope" value="" placeholder="site, community:1 or language:es">
{{#BULK_ALL}}<p class="check"><input type="checkbox" id="all_matching" name="all_matching" value="1">
<label for="all_matching" class="inline">All members matching the filters, not only the selected ones</label></p>
<input type="hidden" name="f_status" value="{{F_STATUS}}">
<input type="hidden" name="f_role" value="{{F_ROLE}}">
<input type="hidden" name="f_community" value="{{F_COMMUNITY}}">
<input type="hidden" name="f_q" value="{{F_Q}}">
<input type="hidden" name="f_org" value="{{F_ORG}}">
<input type="hidden" name="f_optout" value="{{F_OPTOUT}}">{{/BULK_ALL}}
{{#BULK_NO_ALL}}<p class="hint">"All matching" is not offered with the joined or last log-in filters: select the members instead.</p>{{/BULK_NO_ALL}}
<div class="actions"><button type="submit">Preview the bulk action</button></div>
</fieldset>
</form>{{/BULK}}
{{/HAS_ROWS}}
{{#PAGER}}<nav class="pager" aria-label="Pages of members">
<ul>
{{#FIRST}}<li><a href="{{HREF}}">First page</a></li>
{{/FIRST}}{{#PREV}}<li><a href="{{HREF}}" rel="prev">Previous page</a></li>
{{/PREV}}{{#NEXT}}<li><a href="{{HREF}}" rel="next">Next page</a></li>
{{/NEXT}}</ul>
</nav>{{/PAGER}}
{{/RESULTS}}
