{{%AUTOESCAPE context="HTML"}}<section class="error">
<h1>{{HEADING}}</h1>
<p>{{MESSAGE}}</p>
<p class="status">[[error.status]] <a href="/">[[error.home]]</a>.</p>
</section>
