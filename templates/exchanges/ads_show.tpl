{{%AUTOESCAPE context="HTML"}}<h1>{{AD_TITLE}}</h1>
{{#AD_DELETED}}<p class="error" role="status">This ad has been deleted: only its owner and coordinators see it.</p>{{/AD_DELETED}}
{{#AD_EXPIRED}}<p class="hint" role="status">This ad expired on {{AD_EXPIRES_ON}}: it is no longer in the directory.</p>{{/AD_EXPIRED}}
<dl class="ad">
<dt>Kind</dt><dd>{{AD_KIND}}</dd>
<dt>Member</dt><dd>{{AD_OWNER_NAME}} ({{AD_OWNER_USERNAME}})</dd>
<dt>Category</dt><dd>{{AD_CATEGORY}}</dd>
<dt>Community Timebank</dt><dd>{{AD_COMMUNITY}}</dd>
<dt>Shown until</dt><dd>{{AD_EXPIRES_ON}}</dd>
<dt>Posted</dt><dd>{{AD_CREATED_AT}} UTC</dd>
</dl>
<h2>Description</h2>
<p class="description">{{#AD_LINE}}{{LINE}}<br>
{{/AD_LINE}}</p>
{{#CAN_EDIT}}<h2>Change this ad</h2>
<p><a href="/ads/{{AD_ID}}/edit">Edit the ad</a></p>
<form method="post" action="/ads/{{AD_ID}}/renew" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Renew for three months</button>
</form>{{/CAN_EDIT}}
{{#CAN_DELETE}}<form method="post" action="/ads/{{AD_ID}}/delete" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Delete the ad</button>
</form>{{/CAN_DELETE}}
<p><a href="/ads">Back to the directory</a></p>
