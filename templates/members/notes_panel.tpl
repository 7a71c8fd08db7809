{{%AUTOESCAPE context="HTML"}}<section class="panel" aria-labelledby="notes-panel-title">
<h2 id="notes-panel-title">[[members.notes.title]]</h2>
<p class="hint">[[members.notes.seen_by]]</p>
{{#NO_NOTES}}<p>[[members.notes.none]]</p>{{/NO_NOTES}}
{{#NOTE}}<article class="note" id="note-{{NOTE_ID}}">
<p class="note-meta"><strong>{{AUTHOR}}</strong>, {{CREATED}}{{#UPDATED}} [[members.notes.edited]]{{/UPDATED}}</p>
<p class="note-body">{{#LINE}}{{TEXT}}<br>{{/LINE}}</p>
</article>
{{/NOTE}}
<p><a href="/members/{{MEMBER_ID}}/notes">{{#NO_MORE}}[[members.notes.all]]{{/NO_MORE}}{{#MORE}}[[members.notes.all_more]]{{/MORE}}</a></p>
<form method="post" action="/members/{{MEMBER_ID}}/notes">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="note-new-body">[[members.notes.new]]</label>
<textarea id="note-new-body" name="body" rows="3" maxlength="5000" required></textarea>
<div class="actions"><button type="submit">[[members.notes.add]]</button></div>
</form>
</section>
