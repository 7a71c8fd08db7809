{{%AUTOESCAPE context="HTML"}}<h1>[[site.history.heading name=LABEL]]</h1>
<p>[[site.history.intro]]</p>
<table class="versions">
<caption>[[site.history.caption name=LABEL]]</caption>
<thead>
<tr><th scope="col">[[site.history.col.value]]</th><th scope="col">[[site.history.col.when]]</th><th scope="col">[[site.history.col.who]]</th><th scope="col">[[site.history.col.action]]</th></tr>
</thead>
<tbody>
{{#VERSION}}<tr><td>{{VALUE}}{{#RESTORED}} <span class="tag">[[site.history.restored]]</span>{{/RESTORED}}</td><td>{{#DEFAULT}}[[site.history.default]]{{/DEFAULT}}{{AT}}</td><td>{{WHO}}</td><td>{{#CURRENT}}[[site.history.current]]{{/CURRENT}}{{#RESTORE}}<form method="post" action="/site/settings/{{NAME}}/restore" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{ID}}">
<button type="submit">[[site.history.restore]]</button>
</form>{{/RESTORE}}</td></tr>
{{/VERSION}}</tbody>
</table>
<p><a href="/site">[[site.history.back]]</a></p>
