{{%AUTOESCAPE context="HTML"}}<h1>[[account.unsubscribe.title]]</h1>
{{#ASK}}
<p>[[account.unsubscribe.ask]]</p>
<form method="post" action="{{PATH}}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">[[account.unsubscribe.button]]</button>
</form>
<p>[[account.unsubscribe.account_mail]]</p>
{{/ASK}}
{{#DONE}}
<p role="status">[[account.unsubscribe.done]]</p>
<p>[[account.unsubscribe.again]]</p>
{{/DONE}}
{{#ALREADY}}
<p role="status">[[account.unsubscribe.already]]</p>
<p>[[account.unsubscribe.again]]</p>
{{/ALREADY}}
