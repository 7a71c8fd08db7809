{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}"{{#RTL}} dir="rtl"{{/RTL}}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>[[layout.title_site site=SITE_NAME]]</title>
{{#VISITOR}}<meta name="description" content="{{SITE_DESCRIPTION}}">
{{/VISITOR}}<link rel="stylesheet" href="/static/weft.css">
</head>
<body>
<a class="skip" href="#main">[[layout.skip]]</a>
<header class="site">
<p class="brand"><a href="/">{{SITE_NAME}}</a> <span>{{SITE_DESCRIPTION}}</span></p>
<nav aria-label="[[layout.nav]]">
<ul>
{{#NAV}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>
{{/NAV}}
</ul>
{{#MENU}}<details class="menu" id="menu-{{ID}}">
<summary><span class="icon" aria-hidden="true">{{ICON}}</span> {{LABEL}}</summary>
<div class="menu-panel">
{{#GROUP}}{{#HEADING}}<p class="menu-heading" id="menu-{{GROUP_ID}}">{{TEXT}}</p>
{{/HEADING}}{{#LABELLED}}<div role="group" aria-labelledby="menu-{{GROUP_ID}}">{{/LABELLED}}<ul>
{{#ITEM}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>
{{/ITEM}}</ul>{{#LABELLED}}</div>{{/LABELLED}}
{{/GROUP}}</div>
</details>
{{/MENU}}</nav>
<div class="who">
{{#USER}}<span>{{NAME}}</span>
<form method="post" action="/logout" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[nav.logout]]</button>
</form>{{/USER}}
{{#VISITOR}}<a href="/login">[[nav.login]]</a>{{#SIGNUP_OPEN}} <a href="/signup">[[nav.signup]]</a>{{/SIGNUP_OPEN}}{{/VISITOR}}
</div>
</header>
{{#BECOME}}<div class="become" role="status">
<p>[[layout.become.acting]] <strong>{{ACTING_NAME}}</strong>. [[layout.become.really]]</p>
<form method="post" action="/members/become/return" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[layout.become.return]]</button>
</form>
</div>{{/BECOME}}
{{#ALERTS}}<section class="alerts" aria-label="[[layout.alerts]]">
{{#ALERT}}<div class="alert" data-alert="{{ID}}">{{MESSAGE_HTML:none}}
<form method="post" action="/alerts/{{ID}}/dismiss" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<button type="submit">[[layout.alert.dismiss]]</button>
</form></div>
{{/ALERT}}</section>{{/ALERTS}}
<main id="main">
{{#FLASH}}<p class="flash" role="status">{{MESSAGE}}</p>{{/FLASH}}
{{>BODY}}
</main>
<footer class="site"><p>[[layout.footer]]</p>
{{#CONTACT}}<p><a href="mailto:{{EMAIL}}">[[layout.contact]]</a></p>{{/CONTACT}}
{{#FOOTER_LINKS}}<ul class="footer-links">{{#FOOTER_LINK}}<li><a href="{{HREF}}">{{LABEL}}</a></li>{{/FOOTER_LINK}}</ul>{{/FOOTER_LINKS}}
{{#LANG_SWITCH}}<form method="post" action="/language" class="lang-switch">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<label for="lang-switch">[[layout.language]]</label>
<select id="lang-switch" name="lang">{{#LANG_OPTION}}<option value="{{VALUE}}" lang="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANG_OPTION}}</select>
<button type="submit">[[layout.language_change]]</button>
</form>{{/LANG_SWITCH}}</footer>
</body>
</html>
