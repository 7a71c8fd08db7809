{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<div class="markup special">{{BODY_HTML:none}}</div>
