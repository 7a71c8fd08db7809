{{%AUTOESCAPE context="HTML"}}<h1>[[site.lists.title]]</h1>
<p>[[site.lists.intro]]</p>
<table class="lists">
<caption>[[site.lists.caption]]</caption>
<thead>
<tr><th scope="col">[[site.lists.col.list]]</th><th scope="col">[[site.lists.col.active]]</th><th scope="col">[[site.lists.col.retired]]</th></tr>
</thead>
<tbody>
{{#LIST}}<tr data-list="{{KEY}}"><th scope="row"><a href="/site/lists/{{KEY}}">{{TITLE}}</a></th><td>{{ACTIVE}}</td><td>{{RETIRED}}</td></tr>
{{/LIST}}</tbody>
</table>
<p><a href="/site/lists/new">[[nav.list_add]]</a></p>
