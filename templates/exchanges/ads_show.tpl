{{%AUTOESCAPE context="HTML"}}<h1>{{AD_TITLE}}</h1>
{{#AD_DELETED}}<p class="error" role="status">[[ads.show.deleted]]</p>{{/AD_DELETED}}
{{#AD_EXPIRED}}<p class="hint" role="status">[[ads.show.expired date=AD_EXPIRES_ON]]</p>{{/AD_EXPIRED}}
<dl class="ad">
<dt>[[ads.field.number]]</dt><dd>#{{AD_ID}}</dd>
<dt>[[ads.field.kind]]</dt><dd>{{AD_KIND}}</dd>
<dt>[[ads.field.member]]</dt><dd>{{AD_OWNER_NAME}} ({{AD_OWNER_USERNAME}})</dd>
<dt>[[ads.field.category]]</dt><dd>{{AD_CATEGORY}}</dd>
<dt>[[ads.field.community]]</dt><dd>{{AD_COMMUNITY}}</dd>
<dt>[[ads.show.until]]</dt><dd>{{AD_EXPIRES_ON}}</dd>
<dt>[[ads.field.posted]]</dt><dd>{{AD_CREATED_AT}}</dd>
</dl>
<h2>[[ads.field.description]]</h2>
<p class="description">{{#AD_LINE}}{{LINE}}<br>
{{/AD_LINE}}</p>
{{#RECORD}}<p><a href="/exchanges/new?provider={{PROVIDER}}&amp;recipient={{RECIPIENT}}&amp;ad={{AD_ID}}">[[ads.show.record]]</a></p>
{{/RECORD}}{{#CAN_EDIT}}<h2>[[ads.show.change]]</h2>
<p><a href="/ads/{{AD_ID}}/edit">[[ads.show.edit]]</a></p>
<form method="post" action="/ads/{{AD_ID}}/renew" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[ads.show.renew]]</button>
</form>{{/CAN_EDIT}}
{{#CAN_DELETE}}<form method="post" action="/ads/{{AD_ID}}/delete" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[ads.show.delete]]</button>
</form>{{/CAN_DELETE}}
<p><a href="/ads">[[ads.show.back]]</a></p>
