{{%AUTOESCAPE context="HTML"}}<div class="error-summary" role="alert" aria-labelledby="{{HEADING_ID}}">
<h{{LEVEL}} id="{{HEADING_ID}}">{{TITLE}}</h{{LEVEL}}>
<ul>
{{#FORM_ERROR_LIST}}<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>
{{/FORM_ERROR_LIST}}</ul>
</div>{{! No newline here: the line of the include marker ends with one, shown or not (form.h). }}