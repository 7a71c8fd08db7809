{{%AUTOESCAPE context="HTML"}}<h1>My offers and requests</h1>
<p><a href="/ads/new">Post an offer or a request</a> · <a href="/ads">The directory</a></p>
<p class="hint">An ad shows in the directory until its date; renewing keeps it there three more months.</p>
{{#GROUP}}<h2>{{#SELF}}Your ads{{/SELF}}{{#ANGEL}}Ads of {{NAME}} (you are their guardian angel){{/ANGEL}}{{#MANAGER}}Ads of {{NAME}} (you manage this organisation){{/MANAGER}}</h2>
{{#EMPTY}}<p>No current ads.</p>{{/EMPTY}}
{{#RESULTS}}<table class="ads">
<thead><tr><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">Category</th><th scope="col">Community Timebank</th><th scope="col">Until</th><th scope="col">Actions</th></tr></thead>
<tbody>
{{#AD}}<tr><td><a href="/ads/{{ID}}">{{TITLE}}</a></td><td>{{KIND}}</td><td>{{CATEGORY}}</td><td>{{COMMUNITY}}</td><td>{{EXPIRES_ON}}{{#EXPIRED}} <strong>(expired)</strong>{{/EXPIRED}}</td>
<td><a href="/ads/{{ID}}/edit" aria-label="Edit {{TITLE}}">Edit</a>
<form method="post" action="/ads/{{ID}}/renew" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" aria-label="Renew {{TITLE}}">Renew</button>
</form>
<form method="post" action="/ads/{{ID}}/delete" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" aria-label="Delete {{TITLE}}">Delete</button>
</form></td></tr>
{{/AD}}</tbody>
</table>{{/RESULTS}}
{{#MORE}}<p class="hint">Only the {{MINE_MAX}} newest ads are shown here.</p>{{/MORE}}
{{/GROUP}}
