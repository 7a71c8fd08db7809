{{%AUTOESCAPE context="HTML"}}<h1>Your application is awaiting approval</h1>
<p>Thank you for applying to join the timebank, {{NAME}}. A coordinator
will review your application; once it is approved you can offer and ask for
help here.</p>
<h2>While you wait</h2>
<ul>
<li><a href="/me">Edit your application</a>: name, contact details, community, about you.</li>
<li><a href="/me/password">Change your password</a>.</li>
</ul>
