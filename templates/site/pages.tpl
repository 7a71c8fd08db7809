{{%AUTOESCAPE context="HTML"}}<h1>[[site.pages.title]]</h1>
<p>[[site.pages.intro]]</p>
<table class="pages">
<caption>[[site.pages.caption]]</caption>
<thead>
<tr><th scope="col">[[site.pages.col.page]]</th>{{#LANG}}<th scope="col">{{LANGUAGE}}</th>{{/LANG}}</tr>
</thead>
<tbody>
{{#PAGE}}<tr><th scope="row">{{TITLE}}<br><span class="hint">{{HELP}}</span></th>{{#CELL}}<td><a href="/site/pages/{{KEY}}/{{TAG}}">{{#WRITTEN}}[[site.pages.written]]{{/WRITTEN}}{{#EMPTY}}[[site.pages.empty]]{{/EMPTY}}</a></td>{{/CELL}}</tr>
{{/PAGE}}</tbody>
</table>
<p><a href="/site">[[site.history.back]]</a></p>
