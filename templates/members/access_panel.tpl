{{%AUTOESCAPE context="HTML"}}<section class="panel danger" aria-labelledby="access-panel-title">
<h2 id="access-panel-title">[[members.access_panel.title]]</h2>
<p class="hint">[[members.access_panel.intro]]</p>
{{#UNAPPROVE}}<form method="post" action="/members/{{MEMBER_ID}}/unapprove" class="action">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button type="submit" class="danger">[[members.bulk.action.unapprove]]</button> <span class="hint">[[members.access_panel.unapprove_hint]]</span></div>
</form>{{/UNAPPROVE}}
{{#DISABLE}}<form method="post" action="/members/{{MEMBER_ID}}/disable" class="action">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button type="submit" class="danger">[[members.status_panel.disable]]</button> <span class="hint">[[members.status_panel.disable_hint]]</span></div>
</form>{{/DISABLE}}
</section>
