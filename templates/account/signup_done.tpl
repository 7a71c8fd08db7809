{{%AUTOESCAPE context="HTML"}}<h1>Thank you for applying</h1>
<p>Thank you — a coordinator will review your application.</p>
<p>You can already <a href="/login">log in</a> to see its status and edit
it while you wait.</p>
