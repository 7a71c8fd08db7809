{{%AUTOESCAPE context="HTML"}}<h1>[[members.notes.heading]]</h1>
<p>[[members.notes.seen_by]] [[members.notes.author_only]]
<a href="/members/{{MEMBER_ID}}">[[members.back_profile]]</a>.</p>
{{#ADD}}<h2>[[members.notes.add_heading]]</h2>
{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
<form method="post" action="/members/{{MEMBER_ID}}/notes">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="body">[[members.notes.note]] <span class="hint">[[members.notes.note_hint]]</span></label>
<textarea id="body" name="body" rows="4"{{#BODY_INVALID}} aria-invalid="true" aria-describedby="body-error"{{/BODY_INVALID}}>{{BODY:pre_escape}}</textarea>
{{#BODY_INVALID}}<p class="field-error" id="body-error">{{BODY_ERROR}}</p>{{/BODY_INVALID}}
<div class="actions"><button type="submit">[[members.notes.add]]</button></div>
</form>{{/ADD}}
<h2>[[members.notes.newest_first]]</h2>
{{#NO_NOTES}}<p>[[members.notes.none]]</p>{{/NO_NOTES}}
{{#NOTE}}<article class="note" id="note-{{NOTE_ID}}">
<p class="note-meta"><strong>{{AUTHOR}}</strong>, {{CREATED}}{{#UPDATED}} [[members.notes.edited]]{{/UPDATED}}</p>
<p class="note-body">{{#LINE}}{{TEXT}}<br>{{/LINE}}</p>
{{#EDIT}}<form method="post" action="/members/{{MEMBER_ID}}/notes/{{NOTE_ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="note-{{NOTE_ID}}-body">[[members.notes.edit_label]]</label>
<textarea id="note-{{NOTE_ID}}-body" name="body" rows="3"{{#BODY_INVALID}} aria-invalid="true" aria-describedby="note-{{NOTE_ID}}-error"{{/BODY_INVALID}}>{{BODY:pre_escape}}</textarea>
{{#BODY_INVALID}}<p class="field-error" id="note-{{NOTE_ID}}-error" role="alert">{{BODY_ERROR}}</p>{{/BODY_INVALID}}
<div class="actions"><button type="submit">[[members.notes.save]]</button></div>
</form>{{/EDIT}}
</article>
{{/NOTE}}
