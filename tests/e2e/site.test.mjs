// The site area (cgi-bin/site; docs/site.md) over HTTP on the demo
// timebank: the configuration page built from the settings registry, its
// refusals (a message per field, nothing saved), changes audited before
// and after, each setting's versions with "restore this version", and
// who may come near it (admins with site scope only; a community-scoped
// admin is refused and not offered it).  Every setting changed here is
// put back at the end of its test.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	BareKeys, as, audits, formFor, formValues, get, getCsrf, login, mainText, post, sql, text,
} from './lib.mjs';
import {
	balanceOf, countExchanges, fieldError, makeMember, q, record, rootSql, setting,
} from './exchanges-lib.mjs';

const keys = new BareKeys();
const clip = (s) => String(s).slice(0, 300);

// Every setting of the registry, as the docs table lists them (make docs
// writes it from settings_defs[]).
import { readFileSync } from 'node:fs';
import { ROOT } from './lib.mjs';
const REGISTRY = [...readFileSync(`${ROOT}/docs/configuration.md`, 'utf8')
    .matchAll(/^\| `([a-z_]+)` \| (integer|choice|text) \|/gm)].map((m) => m[1]);

async function page(path, jar, status = 200) {
	const r = await get(path, jar);
	assert.equal(r.status, status, `GET ${path}: ${clip(text(r.body))}`);
	if (status === 200)
		keys.check(r.body, path);
	return r;
}

// The configuration form's values as the page shows them.
async function configForm(jar) {
	const r = await page('/site', jar);
	const f = formFor(r.body, '/site');
	assert.ok(f, 'the page has the configuration form');
	return { values: formValues(f), body: r.body };
}

async function save(jar, changes) {
	const { values } = await configForm(jar);
	return post('/site', jar, { ...values, ...changes });
}

// Puts the named settings back as they were (the rows, and the generation).
function restoreRows(saved) {
	for (const [name, value] of Object.entries(saved))
		setting(name, value);
}

test('the configuration page shows every setting of the registry, grouped, with its value', async () => {
	const admin = await as('admin');
	assert.ok(REGISTRY.length >= 15, `the registry has the site's settings: ${REGISTRY.join(', ')}`);
	const { values, body } = await configForm(admin);
	for (const name of REGISTRY) {
		assert.match(body, new RegExp(`data-setting="${name}"`), `${name} is on the page`);
		assert.ok(name in values, `${name} is a field of the form`);
		assert.match(body, new RegExp(`href="/site/settings/${name}"`), `${name} links to its versions`);
	}
	for (const g of ['The timebank', 'Hours and exchanges', 'Mail', 'Offers and requests', 'Logging in'])
		assert.match(body, new RegExp(`<legend>${g}</legend>`));
	// The credit limit is shown in hours, the mode as a choice of words.
	const limit = Number(setting('credit_limit_hundredths') ?? '-2000');
	assert.equal(values.credit_limit_hundredths, (limit / 100).toFixed(2));
	assert.match(body, /<option value="hard"[^>]*>Refuse the exchange \(hard limit\)<\/option>/);
	// The default language is one of the enabled languages.
	assert.match(body, /<select id="default_language" name="default_language"[^>]*><option value="en"/);
	assert.doesNotMatch(body.match(/<select id="default_language"[\s\S]*?<\/select>/)[0], /value="fr"/,
	    'French is not offered to members, so not a default either');
});

test('bad input comes back with a message per field and saves nothing', async () => {
	const admin = await as('admin');
	const before = sql('SELECT name, value FROM settings ORDER BY name');
	const audits0 = Number(sql("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'setting.%'")[0][0]);
	const r = await save(admin, {
		site_name: 'A name that is fine',
		time_zone: 'Mars/Olympus',
		contact_email: 'not an address',
		credit_limit_hundredths: '5',
		exchange_max_hundredths: '1.1',
		ad_renewal_days: '0',
		mail_from_name: 'Evil <x@example.org>',
		default_language: 'fr',
		session_idle_minutes: 'soon',
	});
	assert.equal(r.status, 422, clip(text(r.body)));
	for (const f of ['time_zone', 'contact_email', 'credit_limit_hundredths', 'exchange_max_hundredths',
	    'ad_renewal_days', 'mail_from_name', 'default_language', 'session_idle_minutes'])
		assert.ok(fieldError(r.body, f), `${f} has its message`);
	assert.equal(fieldError(r.body, 'site_name'), null, 'a good field has none');
	assert.match(fieldError(r.body, 'time_zone'), /time zone/);
	assert.match(r.body, /<div class="error-summary"/);
	assert.match(r.body, /<a href="#time_zone">/);
	// The input is kept.
	const f = formValues(formFor(r.body, '/site'));
	assert.equal(f.site_name, 'A name that is fine');
	assert.equal(f.time_zone, 'Mars/Olympus');
	assert.deepEqual(sql('SELECT name, value FROM settings ORDER BY name'), before, 'nothing saved');
	assert.equal(Number(sql("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'setting.%'")[0][0]), audits0);
	assert.doesNotMatch((await get('/login')).body, /A name that is fine/);
});

test('the timebank\'s name and description show in the layout at once, audited; the versions restore', async () => {
	const admin = await as('admin');
	const saved = { site_name: setting('site_name'), site_description: setting('site_description'),
	    contact_email: setting('contact_email') };
	try {
		let r = await save(admin, { site_name: 'Riverside Timebank', site_description: 'neighbours helping neighbours',
		    contact_email: 'hello@riverside.example.org' });
		assert.equal(r.status, 303, clip(text(r.body)));
		assert.equal(r.location, '/site');
		// Every program's layout, a visitor's and a member's page.
		for (const [path, jar] of [['/login', undefined], ['/ads', await as('alice')], ['/members', admin],
		    ['/translations', admin], ['/site', admin]]) {
			const p = await get(path, jar);
			assert.match(p.body, /<p class="brand"><a href="\/">Riverside Timebank<\/a> <span>neighbours helping neighbours<\/span>/, path);
			assert.match(p.body, /<title>[^<]* · Riverside Timebank<\/title>/, path);
			assert.match(p.body, /<a href="mailto:hello@riverside.example.org">Contact us<\/a>/, path);
		}
		const a = sql(`SELECT before_json, after_json, actor_id FROM audit_log WHERE action = 'setting.set'
		    AND after_json LIKE '%"site_name"%' ORDER BY id DESC LIMIT 1`)[0];
		assert.equal(JSON.parse(a[1]).value, 'Riverside Timebank');
		assert.equal(JSON.parse(a[0]).value, saved.site_name);
		assert.equal(Number(a[2]), Number(sql("SELECT id FROM members WHERE username = 'admin'")[0][0]));
		// Saving again unchanged writes nothing.
		const n = Number(sql("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'setting.%'")[0][0]);
		r = await save(admin, {});
		assert.equal(r.status, 303);
		assert.equal(Number(sql("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'setting.%'")[0][0]), n);
		// A second name, then the history: newest first, who and when.
		r = await save(admin, { site_name: 'Riverside Time Bank' });
		assert.equal(r.status, 303);
		const h = await page('/site/settings/site_name', admin);
		const rows = [...h.body.matchAll(/<tr><td>([^<]*)/g)].map((m) => m[1]);
		assert.deepEqual(rows.slice(0, 2), ['Riverside Time Bank', 'Riverside Timebank']);
		assert.match(h.body, /In force now/);
		assert.match(mainText(h.body), /Admin/i);
		// Restore the first name: audited as a restore, seen at once.
		const form = [...h.body.matchAll(/<form method="post" action="\/site\/settings\/site_name\/restore"[\s\S]*?<\/form>/g)]
		    .map((m) => m[0]).find((f) => true);
		const version = form.match(/name="version" value="(\d+)"/)[1];
		r = await post('/site/settings/site_name/restore', admin, { csrf: getCsrf(h.body), version });
		assert.equal(r.status, 303, clip(text(r.body)));
		assert.equal(r.location, '/site/settings/site_name');
		assert.match((await get('/login')).body, /<p class="brand"><a href="\/">Riverside Timebank</);
		const ra = sql(`SELECT before_json, after_json FROM audit_log WHERE action = 'setting.restore'
		    ORDER BY id DESC LIMIT 1`)[0];
		assert.equal(JSON.parse(ra[0]).value, 'Riverside Time Bank');
		assert.equal(JSON.parse(ra[1]).value, 'Riverside Timebank');
		// A version of another setting, or none, is not one of its versions.
		r = await post('/site/settings/site_description/restore', admin, { csrf: getCsrf(h.body), version });
		assert.equal(r.status, 404);
		// The default is a version too: weft's own words come back.
		r = await post('/site/settings/site_name/restore', admin, { csrf: getCsrf(h.body), version: '0' });
		assert.equal(r.status, 303);
		assert.match((await get('/login')).body, /<p class="brand"><a href="\/">weft<\/a>/);
		await page('/site/settings/no_such_setting', admin, 404);
	} finally {
		restoreRows(saved);
	}
});

test('a changed credit limit is enforced on the very next exchange, by every worker, without a restart', async () => {
	const admin = await as('admin');
	const saved = { credit_limit_hundredths: setting('credit_limit_hundredths'),
	    credit_limit_mode: setting('credit_limit_mode') };
	try {
		let r = await save(admin, { credit_limit_hundredths: '-20', credit_limit_mode: 'hard' });
		assert.equal(r.status, 303, clip(text(r.body)));
		const giver = makeMember({ community: 1 });
		const taker = makeMember({ community: 1 });
		const jar = await login(taker.username);
		r = await record(jar, { provider: giver.username, recipient: taker.username, hours: '2' });
		assert.equal(r.res.status, 303, 'within the limit');
		// Through the page: the limit in hours, in this language's way.
		r = await save(admin, { credit_limit_hundredths: '-2.5' });
		assert.equal(r.status, 303, clip(text(r.body)));
		assert.equal(setting('credit_limit_hundredths'), '-250');
		// Several exchanges at once, so that every exchanges worker
		// records one of them: each refuses what goes below -2.50.
		const n0 = countExchanges();
		const tries = await Promise.all(Array.from({ length: 6 }, () =>
		    record(jar, { provider: giver.username, recipient: taker.username, hours: '1' })));
		assert.deepEqual(tries.map((t) => t.res.status), [422, 422, 422, 422, 422, 422]);
		assert.match(fieldError(tries[0].res.body, 'hours'), /credit limit.*-2\.50/);
		assert.equal(countExchanges(), n0);
		assert.equal(balanceOf(taker.id), -200);
		r = await save(admin, { credit_limit_hundredths: '-3' });
		assert.equal(r.status, 303);
		const more = await Promise.all(Array.from({ length: 4 }, () =>
		    record(jar, { provider: giver.username, recipient: taker.username, hours: '0.25' })));
		assert.deepEqual(more.map((t) => t.res.status).sort(), [303, 303, 303, 303], 'the new limit at once');
		assert.equal(balanceOf(taker.id), -300);
		r = await save(admin, { credit_limit_mode: 'soft' });
		assert.equal(r.status, 303);
		r = await record(jar, { provider: giver.username, recipient: taker.username, hours: '1' });
		assert.equal(r.res.status, 303, 'soft: recorded');
	} finally {
		restoreRows(saved);
	}
});

test('the ad renewal days set the date a new ad proposes', async () => {
	const admin = await as('admin');
	const saved = { ad_renewal_days: setting('ad_renewal_days') };
	try {
		const r = await save(admin, { ad_renewal_days: '14' });
		assert.equal(r.status, 303, clip(text(r.body)));
		const want = new Date(Date.now() + 14 * 86400000).toISOString().slice(0, 10);
		const f = await get('/ads/new', await as('alice'));
		assert.match(f.body, new RegExp(`name="expires_on" value="${want}"`));
	} finally {
		restoreRows(saved);
	}
});

test('the site\'s idle time ends a session sooner than weft.conf\'s', async () => {
	const admin = await as('admin');
	const saved = { session_idle_minutes: setting('session_idle_minutes') };
	try {
		const m = makeMember({});
		const jar = await login(m.username);
		assert.equal((await get('/me', jar)).status, 200);
		const r = await save(admin, { session_idle_minutes: '5' });
		assert.equal(r.status, 303, clip(text(r.body)));
		rootSql(`UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 6 MINUTE
		    WHERE member_id = ${m.id}`);
		const gone = await get('/me', jar);
		assert.equal(gone.status, 303, 'sent to log in');
		assert.match(gone.location, /^\/login/);
	} finally {
		restoreRows(saved);
	}
});

test('only admins with site scope: other roles are refused, a community admin too and is not offered it', async () => {
	// A member holding admin for community 1 only.
	const ca = makeMember({ community: 1 });
	rootSql(`INSERT INTO grants (member_id, role, scope_kind, community_id)
	    VALUES (${ca.id}, 'admin', 'community', 1)`);
	const jar = await login(ca.username);
	for (const path of ['/site', '/site/settings/site_name', '/translations/languages'])
		assert.equal((await get(path, jar)).status, 403, path);
	const csrf = getCsrf((await get('/me', jar)).body);
	const saved = setting('site_name');
	let r = await post('/site', jar, { csrf, site_name: 'Taken over' });
	assert.equal(r.status, 403);
	r = await post('/site/settings/site_name/restore', jar, { csrf, version: '0' });
	assert.equal(r.status, 403);
	assert.equal(setting('site_name'), saved);
	// The gear menu offers their community's work, not the site's pages.
	const home = await get('/members', jar);
	assert.equal(home.status, 200);
	assert.doesNotMatch(home.body, /href="\/site"/);
	assert.doesNotMatch(home.body, /href="\/translations\/languages"/);
	// They still act in their community.
	assert.match(home.body, /href="\/members\/new"/);
	for (const u of ['mcoord', 'support', 'outreach', 'payment', 'translator', 'alice', 'northcoord']) {
		const j = await as(u);
		assert.equal((await get('/site', j)).status, 403, u);
		assert.doesNotMatch((await get('/', j)).body, /href="\/site"/, u);
	}
	assert.equal((await get('/site')).status, 303, 'a visitor is sent to log in');
	// The site admin has it in the gear menu's "Configure the site".
	assert.match((await get('/', await as('admin'))).body, /<a href="\/site">Site settings<\/a>/);
});

test('the pages met show text, not phrase keys', () => {
	keys.assertNone();
});
