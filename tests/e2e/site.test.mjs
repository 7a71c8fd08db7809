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
	BareKeys, Jar, as, audits, formFor, formValues, get, getCsrf, login, mainText, post, sql, text,
} from './lib.mjs';
import { pageReader } from './community-lib.mjs';
import {
	balanceOf, countExchanges, fieldError, makeMember, q, record, rootSql, setting,
} from './exchanges-lib.mjs';

const keys = new BareKeys();
const clip = (s) => String(s).slice(0, 300);

// Every setting of the registry, as the docs table lists them (make docs
// writes it from settings_defs[]).
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { ROOT, VAR } from './lib.mjs';
// Settings changed on a page of their own (settings_defs[].elsewhere).
const ELSEWHERE = ['payments_enabled'];
const REGISTRY = [...readFileSync(`${ROOT}/docs/configuration.md`, 'utf8')
    .matchAll(/^\| `([a-z_]+)` \| (integer|choice|text) \|/gm)].map((m) => m[1])
    .filter((n) => !ELSEWHERE.includes(n));

const page = pageReader(keys);

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

// The worker processes of the exchanges program: its master's children.
function exchangesWorkers() {
	const master = readFileSync(`${VAR}/run/exchanges.pid`, 'utf8').trim();
	try {
		return execFileSync('pgrep', ['-P', master], { encoding: 'utf8' }).split('\n').filter(Boolean).length;
	} catch {
		return 0;
	}
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

test('payments_enabled is changed only on /payments/feature: not offered here, not saved from here, no versions here', async () => {
	const admin = await as('admin');
	const { values, body } = await configForm(admin);
	assert.ok(!('payments_enabled' in values), 'not a field of the form');
	assert.doesNotMatch(body, /data-setting="payments_enabled"/);
	assert.match(body, /data-setting="payment_currency"/, 'the currency is');
	const before = setting('payments_enabled');
	const flip = before === 'on' ? 'off' : 'on';
	const r = await post('/site', admin, { ...values, payments_enabled: flip });
	assert.equal(r.status, 303);
	assert.equal(setting('payments_enabled'), before, 'a forged field changes nothing');
	await page('/site/settings/payments_enabled', admin, 404);
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
			// A visitor's page describes the timebank to search engines;
			// a member's page is nobody's search result.
			if (jar === undefined)
				assert.match(p.body, /<meta name="description" content="neighbours helping neighbours">/, path);
			else
				assert.doesNotMatch(p.body, /<meta name="description"/, path);
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
		// records one of them: each refuses what goes below -2.50.  The
		// stack runs more than one worker of the exchanges program, and
		// three tries for each.
		const workers = exchangesWorkers();
		assert.ok(workers >= 2, `the exchanges program has ${workers} workers`);
		const n0 = countExchanges();
		const tries = await Promise.all(Array.from({ length: Math.max(6, 3 * workers) }, () =>
		    record(jar, { provider: giver.username, recipient: taker.username, hours: '1' })));
		assert.deepEqual(tries.map((t) => t.res.status), tries.map(() => 422));
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

test('closed signup: /signup says so and takes no application; the layout stops offering it', async () => {
	const admin = await as('admin');
	const saved = { signup_mode: setting('signup_mode') };
	try {
		let r = await save(admin, { signup_mode: 'closed' });
		assert.equal(r.status, 303, clip(text(r.body)));
		const form = await get('/signup');
		assert.equal(form.status, 200);
		assert.match(form.body, /<p class="notice" id="signup-closed">The timebank is not taking applications/);
		assert.doesNotMatch(form.body, /action="\/signup"/);
		assert.doesNotMatch(form.body, /href="\/signup"/, 'the layout does not offer it');
		const jar = new Jar();
		const csrf = getCsrf((await get('/login', jar)).body);
		const username = `closed${Date.now().toString(36)}`;
		r = await post('/signup', jar, { csrf, username, name: 'Closed Out', email: `${username}@example.org`,
		    password: 'a long enough password', password2: 'a long enough password' });
		assert.equal(r.status, 403);
		assert.equal(sql(`SELECT COUNT(*) FROM members WHERE username = ${q(username)}`)[0][0], '0');
		// Coordinators still add members.
		assert.equal((await get('/members/new', admin)).status, 200);
		r = await save(admin, { signup_mode: 'open' });
		assert.equal(r.status, 303);
		assert.match((await get('/signup')).body, /action="\/signup"/);
		assert.match((await get('/login')).body, /href="\/signup"/);
	} finally {
		restoreRows(saved);
	}
});

// ---- the lists -------------------------------------------------------------

const uniq = () => `${process.pid.toString(36)}${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 1e4)}`;
const itemId = (table, name) => {
	const r = sql(`SELECT id FROM ${table} WHERE name = ${q(name)}`);
	return r.length ? Number(r[0][0]) : null;
};

async function addItem(jar, list, name) {
	const csrf = getCsrf((await page('/site/lists/new', jar)).body);
	return post('/site/lists/new', jar, { csrf, list, name });
}

test('the lists: the four with their counts; the categories are the ads\' own', async () => {
	const admin = await as('admin');
	const r = await page('/site/lists', admin);
	for (const l of ['neighbourhoods', 'counties', 'affiliations', 'categories'])
		assert.match(r.body, new RegExp(`<tr data-list="${l}"><th scope="row"><a href="/site/lists/${l}">`));
	const cats = await page('/site/lists/categories', admin);
	const gardening = itemId('categories', 'Gardening');
	// Its ads, the talents that name it, and the exchanges and proposals
	// filed under it (issue 17).
	const uses = Number(sql(`SELECT (SELECT COUNT(*) FROM ads WHERE category_id = ${gardening}) + (SELECT COUNT(*) FROM member_talents WHERE category_id = ${gardening})
	    + (SELECT COUNT(*) FROM exchanges WHERE category_id = ${gardening}) + (SELECT COUNT(*) FROM exchange_proposals WHERE category_id = ${gardening})`)[0][0]);
	assert.match(cats.body, new RegExp(`<tr data-item="${gardening}"><th scope="row"><a href="/site/lists/categories/${gardening}">Gardening</a>[^<]*</th><td>\\d+</td><td>${uses}</td>`));
	const nb = await page('/site/lists/neighbourhoods', admin);
	assert.match(nb.body, /Riverside/);
	assert.match(nb.body, /Mill Lane<\/a><\/th><td>50<\/td><td>0<\/td><td>retired/, 'the retired one is marked');
	await page('/site/lists/no_such_list', admin, 404);
	await page('/site/lists/neighbourhoods/999999999', admin, 404);
});

test('adding, renaming, reordering and retiring an item, each audited; names per language', async () => {
	const admin = await as('admin');
	const name = `Quayside ${uniq()}`;
	let r = await addItem(admin, 'neighbourhoods', name);
	assert.equal(r.status, 303, clip(text(r.body)));
	assert.equal(r.location, '/site/lists/neighbourhoods');
	const id = itemId('neighbourhoods', name);
	assert.ok(id, 'added');
	const a = sql(`SELECT after_json FROM audit_log WHERE action = 'list.add' AND object_type = 'neighbourhoods'
	    AND object_id = ${id}`);
	assert.equal(JSON.parse(a[0][0]).name, name);
	// The same name twice, and no name: refused with the message.
	r = await addItem(admin, 'neighbourhoods', name);
	assert.equal(r.status, 422);
	assert.match(fieldError(r.body, 'name'), /already has an item of this name/);
	r = await addItem(admin, 'neighbourhoods', '');
	assert.equal(r.status, 422);
	// The member edit form offers it.
	const alice = Number(sql("SELECT id FROM members WHERE username = 'alice'")[0][0]);
	let f = await page(`/members/${alice}/edit`, admin);
	assert.match(f.body, new RegExp(`<option value="${id}">${name}</option>`));
	// Renamed, moved first, then retired: not offered any more.
	const item = await page(`/site/lists/neighbourhoods/${id}`, admin);
	const csrf = getCsrf(item.body);
	r = await post(`/site/lists/neighbourhoods/${id}`, admin, { csrf, name: `${name} Quay`, position: '1', active: '1' });
	assert.equal(r.status, 303, clip(text(r.body)));
	let list = await page('/site/lists/neighbourhoods', admin);
	assert.match(list.body, new RegExp(`<tbody>\\n<tr data-item="${id}">`), 'first in order');
	r = await post(`/site/lists/neighbourhoods/${id}`, admin, { csrf, name: `${name} Quay`, position: 'x' });
	assert.equal(r.status, 422);
	assert.ok(fieldError(r.body, 'position'));
	r = await post(`/site/lists/neighbourhoods/${id}`, admin, { csrf, name: `${name} Quay`, position: '1' });
	assert.equal(r.status, 303);
	assert.equal(sql(`SELECT active FROM neighbourhoods WHERE id = ${id}`)[0][0], '0');
	f = await page(`/members/${alice}/edit`, admin);
	assert.doesNotMatch(f.body, new RegExp(`<option value="${id}"`), 'a retired item is not offered');
	const ed = sql(`SELECT before_json, after_json FROM audit_log WHERE action = 'list.edit' AND object_id = ${id}
	    AND object_type = 'neighbourhoods' ORDER BY id DESC LIMIT 1`)[0];
	assert.equal(JSON.parse(ed[0]).active, true);
	assert.equal(JSON.parse(ed[1]).active, false);
	// A name in Spanish; French is not offered to members, so refused.
	r = await post(`/site/lists/neighbourhoods/${id}/names`, admin, { csrf, lang: 'es', name: 'Muelle' });
	assert.equal(r.status, 303, clip(text(r.body)));
	assert.equal(sql(`SELECT name FROM list_names WHERE list = 'neighbourhoods' AND item_id = ${id} AND lang = 'es'`)[0][0], 'Muelle');
	r = await post(`/site/lists/neighbourhoods/${id}/names`, admin, { csrf, lang: 'fr', name: 'Quai' });
	assert.equal(r.status, 422);
	// The demo's Spanish category names reach a Spanish member's ad form.
	const es = await page('/ads/new', await as('translator'));
	assert.match(es.body, /<option value="\d+">Jardinería<\/option>/);
	assert.match((await page('/ads/new', await as('alice'))).body, /<option value="\d+">Gardening<\/option>/);
	// Deleted: nothing uses it.
	r = await post(`/site/lists/neighbourhoods/${id}/delete`, admin, { csrf });
	assert.equal(r.status, 303, clip(text(r.body)));
	assert.equal(itemId('neighbourhoods', `${name} Quay`), null);
	assert.equal(sql(`SELECT COUNT(*) FROM list_names WHERE list = 'neighbourhoods' AND item_id = ${id}`)[0][0], '0');
});

test('an item in use is deleted only with its uses moved, in the same transaction', async () => {
	const admin = await as('admin');
	const from = `Westbank ${uniq()}`;
	const to = `Eastbank ${uniq()}`;
	assert.equal((await addItem(admin, 'neighbourhoods', from)).status, 303);
	assert.equal((await addItem(admin, 'neighbourhoods', to)).status, 303);
	const fromId = itemId('neighbourhoods', from);
	const toId = itemId('neighbourhoods', to);
	const m1 = makeMember({ community: 1 });
	const m2 = makeMember({ community: 2 });
	sql(`UPDATE members SET neighbourhood_id = ${fromId} WHERE id IN (${m1.id}, ${m2.id})`);
	const item = await page(`/site/lists/neighbourhoods/${fromId}`, admin);
	assert.match(item.body, /Used 2 times/);
	assert.match(item.body, new RegExp(`<option value="${toId}">${to}</option>`), 'where to move them');
	const csrf = getCsrf(item.body);
	// Without a target: refused, nothing changed.
	let r = await post(`/site/lists/neighbourhoods/${fromId}/delete`, admin, { csrf });
	assert.equal(r.status, 422);
	assert.ok(fieldError(r.body, 'to'));
	assert.ok(itemId('neighbourhoods', from));
	// To itself, or to an item that is none: refused.
	r = await post(`/site/lists/neighbourhoods/${fromId}/delete`, admin, { csrf, to: String(fromId) });
	assert.equal(r.status, 422);
	r = await post(`/site/lists/neighbourhoods/${fromId}/delete`, admin, { csrf, to: '999999999' });
	assert.equal(r.status, 422);
	r = await post(`/site/lists/neighbourhoods/${fromId}/delete`, admin, { csrf, to: String(toId) });
	assert.equal(r.status, 303, clip(text(r.body)));
	assert.equal(itemId('neighbourhoods', from), null);
	assert.deepEqual(sql(`SELECT neighbourhood_id FROM members WHERE id IN (${m1.id}, ${m2.id})`).map((x) => Number(x[0])),
	    [toId, toId]);
	const d = sql(`SELECT before_json, after_json FROM audit_log WHERE action = 'list.delete' AND object_id = ${fromId}
	    AND object_type = 'neighbourhoods'`)[0];
	assert.equal(JSON.parse(d[0]).uses, 2);
	assert.equal(JSON.parse(d[1]).moved, 2);
	assert.equal(JSON.parse(d[1]).moved_to, toId);
	// A category with ads: the ads move too.
	const cat = `Bicycles ${uniq()}`;
	assert.equal((await addItem(admin, 'categories', cat)).status, 303);
	const catId = itemId('categories', cat);
	const ad = Number(sql("SELECT MIN(id) FROM ads")[0][0]);
	const had = Number(sql(`SELECT category_id FROM ads WHERE id = ${ad}`)[0][0]);
	sql(`UPDATE ads SET category_id = ${catId} WHERE id = ${ad}`);
	const ci = await page(`/site/lists/categories/${catId}`, admin);
	r = await post(`/site/lists/categories/${catId}/delete`, admin, { csrf: getCsrf(ci.body), to: String(had) });
	assert.equal(r.status, 303, clip(text(r.body)));
	assert.equal(Number(sql(`SELECT category_id FROM ads WHERE id = ${ad}`)[0][0]), had);
	assert.equal(itemId('categories', cat), null);
});

test('a coordinator sets a member\'s neighbourhood, county and affiliation; the profile shows them', async () => {
	const admin = await as('admin');
	const m = makeMember({ community: 1 });
	const edit = await page(`/members/${m.id}/edit`, admin);
	const v = formValues(formFor(edit.body, `/members/${m.id}/edit`));
	const hill = itemId('neighbourhoods', 'Hillcrest');
	const north = itemId('counties', 'North County');
	const mill = itemId('neighbourhoods', 'Mill Lane');
	// A retired item is refused for a member who does not have it.
	let r = await post(`/members/${m.id}/edit`, admin, { ...v, neighbourhood: String(mill) });
	assert.equal(r.status, 422);
	assert.ok(fieldError(r.body, 'neighbourhood'));
	r = await post(`/members/${m.id}/edit`, admin, { ...v, neighbourhood: String(hill), county: String(north) });
	assert.equal(r.status, 303, clip(text(r.body)));
	assert.deepEqual(sql(`SELECT neighbourhood_id, county_id, affiliation_id FROM members WHERE id = ${m.id}`)[0],
	    [String(hill), String(north), 'NULL']);
	const show = await page(`/members/${m.id}`, admin);
	assert.match(show.body, /<dt>Neighbourhood<\/dt><dd>Hillcrest<\/dd>/);
	assert.match(show.body, /<dt>County<\/dt><dd>North County<\/dd>/);
	const au = sql(`SELECT after_json FROM audit_log WHERE action = 'member.edit' AND object_id = ${m.id} ORDER BY id DESC LIMIT 1`)[0][0];
	assert.equal(JSON.parse(au).neighbourhood, String(hill));
});

test('a coordinator adding a member chooses their neighbourhood; a retired one is refused', async () => {
	const admin = await as('admin');
	const page0 = await page('/members/new', admin);
	const riverside = itemId('neighbourhoods', 'Riverside');
	const mill = itemId('neighbourhoods', 'Mill Lane');
	assert.match(page0.body, new RegExp(`<option value="${riverside}">Riverside</option>`));
	assert.doesNotMatch(page0.body, new RegExp(`<option value="${mill}"`), 'retired: not offered');
	const csrf = getCsrf(page0.body);
	const username = `nb${Date.now().toString(36)}`;
	const base = { csrf, username, name: 'New Neighbour', email: `${username}@example.org`, status: 'applying', lang: 'en' };
	let r = await post('/members/new', admin, { ...base, neighbourhood: String(mill) });
	assert.equal(r.status, 422);
	assert.ok(fieldError(r.body, 'neighbourhood'));
	r = await post('/members/new', admin, { ...base, neighbourhood: String(riverside) });
	assert.equal(r.status, 303, clip(text(r.body)));
	assert.equal(Number(sql(`SELECT neighbourhood_id FROM members WHERE username = ${q(username)}`)[0][0]), riverside);
});

test('the pages met show text, not phrase keys', () => {
	keys.assertNone();
});
