{{%AUTOESCAPE context="HTML"}}<section class="panel danger" aria-labelledby="become-title">
<h2 id="become-title">[[members.become.heading]]</h2>
{{#ALLOWED}}<p>[[members.become.intro]]</p>
<form method="post" action="/members/{{MEMBER_ID}}/become">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="danger">[[members.become.button]]</button>
</form>{{/ALLOWED}}
{{#REFUSED}}<p>[[members.become.refused]] {{REASON}}</p>{{/REFUSED}}
</section>
