{{%AUTOESCAPE context="HTML"}}<section class="panel" aria-labelledby="notes-panel-title">
<h2 id="notes-panel-title">Coordinator notes</h2>
<p class="hint">Seen by coordinators only, never by the member.</p>
{{#NO_NOTES}}<p>No notes yet.</p>{{/NO_NOTES}}
{{#NOTE}}<article class="note" id="note-{{NOTE_ID}}">
<p class="note-meta"><strong>{{AUTHOR}}</strong>, {{CREATED}} UTC{{#UPDATED}} (edited {{UPDATED_AT}} UTC){{/UPDATED}}</p>
<p class="note-body">{{#LINE}}{{TEXT}}<br>{{/LINE}}</p>
</article>
{{/NOTE}}
<p><a href="/members/{{MEMBER_ID}}/notes">All notes ({{COUNT}}){{#MORE}}, older ones too{{/MORE}}</a></p>
<form method="post" action="/members/{{MEMBER_ID}}/notes">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="note-new-body">New note</label>
<textarea id="note-new-body" name="body" rows="3" maxlength="5000" required></textarea>
<div class="actions"><button type="submit">Add the note</button></div>
</form>
</section>
