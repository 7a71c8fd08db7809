{{%AUTOESCAPE context="HTML"}}<h1>[[ads.title.mine]]</h1>
<p><a href="/ads/new">[[ads.title.new]]</a> · <a href="/ads">[[ads.link.directory]]</a></p>
<p class="hint">[[ads.mine.hint]]</p>
{{#GROUP}}<h2>{{#SELF}}[[ads.mine.yours]]{{/SELF}}{{#ANGEL}}[[ads.mine.angel]]{{/ANGEL}}{{#MANAGER}}[[ads.mine.manager]]{{/MANAGER}}</h2>
{{#EMPTY}}<p>[[ads.mine.empty]]</p>{{/EMPTY}}
{{#RESULTS}}<div class="scroll"><table class="ads stack">
<thead><tr><th scope="col">[[ads.field.title]]</th><th scope="col">[[ads.field.kind]]</th><th scope="col">[[ads.field.category]]</th><th scope="col">[[ads.field.community]]</th><th scope="col">[[ads.field.until]]</th><th scope="col">[[ads.field.actions]]</th></tr></thead>
<tbody>
{{#AD}}<tr><td data-label="[[ads.field.title]]"><a href="/ads/{{ID}}">{{TITLE}}</a></td><td data-label="[[ads.field.kind]]">{{KIND}}</td><td data-label="[[ads.field.category]]">{{CATEGORY}}</td><td data-label="[[ads.field.community]]">{{COMMUNITY}}</td><td data-label="[[ads.field.until]]">{{EXPIRES_ON}}{{#EXPIRED}} <strong>[[ads.mine.expired]]</strong>{{/EXPIRED}}</td>
<td data-label="[[ads.field.actions]]"><a href="/ads/{{ID}}/edit" aria-label="[[ads.mine.edit_label]]">[[ads.mine.edit]]</a>
<form method="post" action="/ads/{{ID}}/renew" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" aria-label="[[ads.mine.renew_label]]">[[ads.mine.renew]]</button>
</form>
<form method="post" action="/ads/{{ID}}/delete" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" aria-label="[[ads.mine.delete_label]]">[[ads.mine.delete]]</button>
</form></td></tr>
{{/AD}}</tbody>
</table></div>{{/RESULTS}}
{{#MORE}}<p class="hint">[[ads.mine.more n=MINE_MAX]]</p>{{/MORE}}
{{/GROUP}}
