{{%AUTOESCAPE context="HTML"}}<section class="panel" aria-labelledby="become-title">
<h2 id="become-title">Become this member</h2>
{{#ALLOWED}}<p>See and use weft as {{MEMBER_NAME}} does. You keep your own account: a banner on every page shows that you are acting, with a way back, and everything you do is recorded under both names.</p>
<form method="post" action="/members/{{MEMBER_ID}}/become">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Become {{MEMBER_NAME}}</button>
</form>{{/ALLOWED}}
{{#REFUSED}}<p>You cannot become this member. {{REASON}}</p>{{/REFUSED}}
</section>
