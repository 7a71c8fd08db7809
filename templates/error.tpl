{{%AUTOESCAPE context="HTML"}}<section class="error">
<h1>{{HEADING}}</h1>
<p>{{MESSAGE}}</p>
<p class="status">Error {{STATUS}}. <a href="/">Go to the home page</a>.</p>
</section>
