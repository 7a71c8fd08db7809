{{%AUTOESCAPE context="HTML"}}<h1>Coordinator notes on {{MEMBER_NAME}}</h1>
<p>Seen by coordinators only, never by the member. Only the author of a note can edit it.
<a href="/members/{{MEMBER_ID}}">Back to the profile</a>.</p>
{{#ADD}}<h2>Add a note</h2>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/members/{{MEMBER_ID}}/notes">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="body">Note <span class="hint">(up to 5000 characters)</span></label>
<textarea id="body" name="body" rows="4"{{#BODY_INVALID}} aria-invalid="true" aria-describedby="body-error"{{/BODY_INVALID}}>{{BODY}}</textarea>
{{#BODY_INVALID}}<p class="field-error" id="body-error">{{BODY_ERROR}}</p>{{/BODY_INVALID}}
<div class="actions"><button type="submit">Add the note</button></div>
</form>{{/ADD}}
<h2>Notes, newest first</h2>
{{#NO_NOTES}}<p>No notes yet.</p>{{/NO_NOTES}}
{{#NOTE}}<article class="note" id="note-{{NOTE_ID}}">
<p class="note-meta"><strong>{{AUTHOR}}</strong>, {{CREATED}} UTC{{#UPDATED}} (edited {{UPDATED_AT}} UTC){{/UPDATED}}</p>
<p class="note-body">{{#LINE}}{{TEXT}}<br>{{/LINE}}</p>
{{#EDIT}}<form method="post" action="/members/{{MEMBER_ID}}/notes/{{NOTE_ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="note-{{NOTE_ID}}-body">Edit your note</label>
<textarea id="note-{{NOTE_ID}}-body" name="body" rows="3"{{#BODY_INVALID}} aria-invalid="true" aria-describedby="note-{{NOTE_ID}}-error"{{/BODY_INVALID}}>{{BODY}}</textarea>
{{#BODY_INVALID}}<p class="field-error" id="note-{{NOTE_ID}}-error" role="alert">{{BODY_ERROR}}</p>{{/BODY_INVALID}}
<div class="actions"><button type="submit">Save the note</button></div>
</form>{{/EDIT}}
</article>
{{/NOTE}}
