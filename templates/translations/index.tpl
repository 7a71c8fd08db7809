{{%AUTOESCAPE context="HTML"}}<h1>[[translations.index.title]]</h1>
<p>[[translations.index.intro]]</p>
{{#MANAGE}}<p><a href="/translations/languages">[[translations.index.manage]]</a></p>{{/MANAGE}}
{{#NONE}}<p>[[translations.index.none]]</p>{{/NONE}}
<table class="progress">
<caption>[[translations.index.caption]]</caption>
<thead>
<tr><th scope="col">[[translations.col.language]]</th><th scope="col">[[translations.col.phrases]]</th><th scope="col">[[translations.col.done]]</th><th scope="col">[[translations.col.stale]]</th><th scope="col">[[translations.col.missing]]</th><th scope="col">[[translations.col.work]]</th></tr>
</thead>
<tbody>
{{#LANGUAGE}}<tr data-lang="{{TAG}}"><th scope="row" lang="{{TAG}}">{{NAME}}{{#DISABLED}} <span class="muted">([[translations.index.disabled]])</span>{{/DISABLED}}</th><td>[[translations.count.phrases n=TOTAL]]</td><td>[[translations.count.percent count=COUNT_DONE percent=PERCENT_DONE]]</td><td>[[translations.count.percent count=COUNT_STALE percent=PERCENT_STALE]]</td><td>[[translations.count.percent count=COUNT_MISSING percent=PERCENT_MISSING]]</td><td><a href="/translations/{{TAG}}">[[translations.index.open_queue]]</a></td></tr>
{{/LANGUAGE}}</tbody>
</table>
