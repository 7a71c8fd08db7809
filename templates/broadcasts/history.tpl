{{%AUTOESCAPE context="HTML"}}<h1>[[broadcasts.history.title]]</h1>
<p><a href="/broadcasts/new">[[nav.broadcast_add]]</a></p>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="get" action="/broadcasts" class="filters" role="search" aria-labelledby="filters-title">
<h2 id="filters-title">[[broadcasts.history.filters]]</h2>
<label for="q">[[broadcasts.history.q]]</label>
<input type="search" id="q" name="q" value="{{Q}}" maxlength="64"{{#Q_INVALID}} aria-invalid="true" aria-describedby="q-error"{{/Q_INVALID}}>
{{#Q_INVALID}}<p class="field-error" id="q-error">{{Q_ERROR}}</p>{{/Q_INVALID}}
<label for="state">[[broadcasts.history.state]]</label>
<select id="state" name="state">
<option value="">[[broadcasts.history.any]]</option>
{{#STATE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATE_OPTION}}</select>
<label for="kind">[[broadcasts.history.kind]]</label>
<select id="kind" name="kind">
<option value="">[[broadcasts.history.any]]</option>
{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND_OPTION}}</select>
<label for="community">[[broadcasts.audience.community]]</label>
<select id="community" name="community"{{#COMMUNITY_INVALID}} aria-invalid="true" aria-describedby="community-error"{{/COMMUNITY_INVALID}}>
<option value="">[[broadcasts.history.any]]</option>
{{#COMMUNITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COMMUNITY_OPTION}}</select>
{{#COMMUNITY_INVALID}}<p class="field-error" id="community-error">{{COMMUNITY_ERROR}}</p>{{/COMMUNITY_INVALID}}
<p class="check"><input type="checkbox" id="mine" name="mine" value="1"{{#MINE_CHECKED}} checked{{/MINE_CHECKED}}>
<label for="mine" class="inline">[[broadcasts.history.mine]]</label></p>
<div class="actions"><button type="submit">[[broadcasts.history.show]]</button> <a href="/broadcasts">[[broadcasts.history.clear]]</a></div>
</form>
{{#NONE}}<p>[[broadcasts.history.none]]</p>{{/NONE}}
<div class="scroll">
<table class="broadcasts">
<caption>[[broadcasts.history.caption]]</caption>
<thead><tr><th scope="col">[[broadcasts.field.subject]]</th><th scope="col">[[broadcasts.history.state]]</th><th scope="col">[[broadcasts.history.kind]]</th><th scope="col">[[broadcasts.audience.community]]</th><th scope="col">[[broadcasts.history.author]]</th><th scope="col">[[broadcasts.history.created]]</th><th scope="col">[[broadcasts.history.sent]]</th><th scope="col">[[broadcasts.history.recipients]]</th></tr></thead>
<tbody>
{{#BROADCAST}}<tr data-broadcast="{{ID}}"><th scope="row"><a href="/broadcasts/{{ID}}">{{SUBJECT}}</a></th><td>{{STATE}}</td><td>{{KIND}}</td><td>{{COMMUNITY}}</td><td>{{AUTHOR}}</td><td>{{CREATED}}</td><td>{{SENT_AT}}</td><td>{{RECIPIENTS}}</td></tr>
{{/BROADCAST}}</tbody>
</table>
</div>
{{#OLDER}}<p><a href="{{HREF}}">[[broadcasts.history.older]]</a></p>{{/OLDER}}
