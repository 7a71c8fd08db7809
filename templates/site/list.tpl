{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p>[[site.list.intro]]</p>
{{#EMPTY}}<p>[[site.list.empty]]</p>{{/EMPTY}}
<table class="list-items">
<caption>[[site.list.caption name=TITLE]]</caption>
<thead>
<tr><th scope="col">[[site.list.col.name]]</th><th scope="col">[[site.list.col.position]]</th><th scope="col">[[site.list.col.uses]]</th><th scope="col">[[site.list.col.state]]</th></tr>
</thead>
<tbody>
{{#ITEM}}<tr data-item="{{ID}}"><th scope="row"><a href="/site/lists/{{LIST}}/{{ID}}">{{NAME}}</a>{{#LOCAL}} ({{NAME}}){{/LOCAL}}</th><td>{{POSITION}}</td><td>{{#USES_LINK}}<a href="/members?{{FIELD}}={{ID}}">{{USES}}</a>{{/USES_LINK}}{{#USES_PLAIN}}{{USES}}{{/USES_PLAIN}}</td><td>{{#RETIRED}}[[site.list.retired]]{{/RETIRED}}</td></tr>
{{/ITEM}}</tbody>
</table>
<h2>[[site.list.add]]</h2>
<form method="post" action="/site/lists/new">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="list" value="{{LIST}}">
<label for="name">[[site.list.col.name]]</label>
<input type="text" id="name" name="name" required maxlength="64">
<div class="actions"><button type="submit">[[site.list.add_button]]</button></div>
</form>
<p><a href="/site/lists">[[site.list.back]]</a></p>
