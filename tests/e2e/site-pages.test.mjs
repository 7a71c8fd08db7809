// The special pages (docs/site.md, "Special pages") over HTTP on the demo
// timebank: admins write them in the site area in each language, each
// save a new version audited before -> after, "restore this version";
// the safe markup, never raw HTML; readers read them in their language
// or, when it has none, in the default one: /about, /terms, /privacy,
// the visitors' welcome, the "awaiting approval" text and how to pay
// (linked from /payments/me).  Every row written here is removed at the
// end of its test (the audit rows stay, as they do).

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	BareKeys, Jar, as, audits, formFor, formValues, forms, get, login, mainText, post, sql, text,
} from './lib.mjs';

const keys = new BareKeys();
const clip = (s) => String(s).slice(0, 300);
const ES = { headers: { 'Accept-Language': 'es' } };

async function page(path, jar, status = 200, extra = {}) {
	const r = await get(path, jar, extra);
	assert.equal(r.status, status, `GET ${path}: ${r.status} ${clip(text(r.body))}`);
	if (status === 200)
		keys.check(r.body, path);
	return r;
}

// The editor's form values, with body.
async function save(jar, key, lang, body) {
	const r = await page(`/site/pages/${key}/${lang}`, jar);
	const f = formFor(r.body, `/site/pages/${key}/${lang}`);
	assert.ok(f, 'the editor has its form');
	return post(`/site/pages/${key}/${lang}`, jar, { ...formValues(f), body });
}

const newest = (key, lang) => sql(`SELECT id, body, author_id, restored_from FROM special_pages
    WHERE page = '${key}' AND lang = '${lang}' ORDER BY id DESC LIMIT 1`)[0];
const maxId = () => Number(sql('SELECT COALESCE(MAX(id), 0) FROM special_pages')[0][0]);
const cleanup = (from) => sql(`DELETE FROM special_pages WHERE id > ${from}`);
const adminId = () => Number(sql("SELECT id FROM members WHERE username = 'admin'")[0][0]);

test('the list shows every special page in every language, and the public pages read the demo texts', async () => {
	const admin = await as('admin');
	const r = await page('/site/pages', admin);
	for (const key of ['welcome', 'about', 'terms', 'privacy', 'awaiting', 'payments']) {
		assert.match(r.body, new RegExp(`href="/site/pages/${key}/en"`), `${key} in English`);
		assert.match(r.body, new RegExp(`href="/site/pages/${key}/es"`), `${key} in Spanish`);
	}
	assert.match(mainText(r.body), /Terms of membership/);
	// The demo's texts, rendered from the safe markup.
	const about = await page('/about', new Jar());
	assert.match(about.body, /<h2>About the demo timebank<\/h2>/);
	assert.match(about.body, /<em>hours<\/em>/);
	assert.match(about.body, /<a href="mailto:coordinators@example.org">the coordinators<\/a>/);
	assert.match((await page('/terms', new Jar())).body, /<ol>/);
	assert.match(mainText((await page('/privacy', new Jar())).body), /Privacy/);
	// Spanish has its own about; terms fall back to English.
	assert.match(mainText((await page('/about', new Jar(), 200, ES)).body), /Sobre el banco de tiempo/);
	assert.match(mainText((await page('/terms', new Jar(), 200, ES)).body), /Every hour is worth the same/);
});

test('saving writes a new version with who and when, audited before -> after; restoring one is a new version too', async () => {
	const from = maxId();
	const admin = await as('admin');
	try {
		const before = newest('privacy', 'en');
		let r = await save(admin, 'privacy', 'en', '# Privacy\n\nWe keep **little**.');
		assert.equal(r.status, 303, `save: ${r.status} ${clip(text(r.body))}`);
		const row = newest('privacy', 'en');
		assert.ok(Number(row[0]) > from, 'a new row');
		assert.equal(Number(row[2]), adminId(), 'written by the admin');
		const [a] = audits('special_page', row[0], 'special_page.save');
		assert.ok(a, 'the save is audited');
		const [b, after] = [JSON.parse(a[0]), JSON.parse(a[1])];
		assert.equal(b.version, Number(before[0]));
		assert.match(b.body, /Your profile is seen/);
		assert.equal(after.body, '# Privacy\n\nWe keep **little**.');
		assert.equal(Number(a[2]), adminId());
		assert.match((await page('/privacy', new Jar())).body, /<strong>little<\/strong>/);

		// The versions: the new one in force, the demo's with a restore form.
		r = await page('/site/pages/privacy/en', admin);
		const restore = formFor(r.body, '/site/pages/privacy/en/restore');
		assert.ok(restore, 'an older version may be restored');
		assert.equal(formValues(restore).version, before[0], 'the demo version is offered');
		r = await post('/site/pages/privacy/en/restore', admin, formValues(restore));
		assert.equal(r.status, 303, `restore: ${r.status} ${clip(text(r.body))}`);
		const back = newest('privacy', 'en');
		assert.equal(back[3], before[0], 'a copy of the demo version');
		assert.equal(back[1], before[1], 'the same text');
		const [ra] = audits('special_page', back[0], 'special_page.restore');
		assert.ok(ra, 'the restore is audited');
		assert.equal(JSON.parse(ra[0]).version, Number(row[0]));
		assert.match(mainText((await page('/privacy', new Jar())).body), /Your profile is seen/);

		// A version of another page is none of this one's: 404.
		const other = newest('terms', 'en');
		r = await post('/site/pages/privacy/en/restore', admin, { ...formValues(restore), version: other[0] });
		assert.equal(r.status, 404);
	} finally {
		cleanup(from);
	}
});

test('raw HTML is written as text, and a text that is too long is refused with the input kept', async () => {
	const from = maxId();
	const admin = await as('admin');
	try {
		let r = await save(admin, 'terms', 'en', '<script>alert(1)</script> [x](javascript:alert(1)) <b>bold</b>');
		assert.equal(r.status, 303);
		r = await page('/terms', new Jar());
		assert.doesNotMatch(r.body, /<script>alert|<b>bold|href="javascript/);
		assert.match(r.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
		assert.match(r.body, /&lt;b&gt;bold&lt;\/b&gt;/);

		const n = maxId();
		r = await save(admin, 'terms', 'en', 'y'.repeat(20001));
		assert.equal(r.status, 422, `too long: ${r.status}`);
		assert.match(r.body, /aria-invalid="true"/);
		assert.match(r.body, /y{20001}<\/textarea>/, 'the input is kept');
		assert.equal(maxId(), n, 'nothing saved');
	} finally {
		cleanup(from);
	}
});

test('an empty text removes a page: /about is 404 until it has one, and a language without one reads the default', async () => {
	const from = maxId();
	const admin = await as('admin');
	try {
		assert.equal((await save(admin, 'about', 'es', '')).status, 303);
		// Spanish has none: the English one.
		assert.match(mainText((await page('/about', new Jar(), 200, ES)).body), /About the demo timebank/);
		assert.equal((await save(admin, 'about', 'en', '')).status, 303);
		await page('/about', new Jar(), 404);
		await page('/about', new Jar(), 404, ES);
		const r = await page('/site/pages', admin);
		assert.match(r.body, /href="\/site\/pages\/about\/en"[^>]*>Empty/);
	} finally {
		cleanup(from);
	}
	await page('/about', new Jar());
});

// The links at the foot of a page (the layout's), as their hrefs.
const footer = (body) => [...(body.match(/<ul class="footer-links">(.*?)<\/ul>/s)?.[1] ?? '')
    .matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]);

test('the foot of every page links about, terms and privacy, each only while the reader would read it', async () => {
	const from = maxId();
	const admin = await as('admin');
	try {
		assert.deepEqual(footer((await page('/login', new Jar())).body), ['/about', '/terms', '/privacy']);
		assert.deepEqual(footer((await page('/', admin)).body), ['/about', '/terms', '/privacy'],
		    'members too, in every program');
		assert.deepEqual(footer((await page('/members', admin)).body), ['/about', '/terms', '/privacy']);
		// Privacy emptied in every language: no link, and the page is 404.
		const langs = sql("SELECT DISTINCT lang FROM special_pages WHERE page = 'privacy'").map((x) => x[0]);
		for (const l of langs)
			assert.equal((await save(admin, 'privacy', l, '')).status, 303);
		assert.deepEqual(footer((await page('/login', new Jar())).body), ['/about', '/terms']);
		await page('/privacy', new Jar(), 404);
		// Written in Spanish only: a Spanish reader has it, an English
		// one (the default language has none) does not.
		assert.equal((await save(admin, 'privacy', 'es', 'Tus datos son tuyos.')).status, 303);
		assert.deepEqual(footer((await page('/login', new Jar(), 200, ES)).body), ['/about', '/terms', '/privacy']);
		assert.match(mainText((await page('/privacy', new Jar(), 200, ES)).body), /Tus datos son tuyos/);
		assert.deepEqual(footer((await page('/login', new Jar())).body), ['/about', '/terms']);
		await page('/privacy', new Jar(), 404);
	} finally {
		cleanup(from);
	}
	assert.deepEqual(footer((await page('/login', new Jar())).body), ['/about', '/terms', '/privacy']);
});

test('the "+" menu\'s "Add a special page" asks for a page and a language, then opens its editor', async () => {
	const admin = await as('admin');
	let r = await page('/', admin);
	assert.match(r.body, /<a href="\/site\/pages\/new"[^>]*>Add a special page<\/a>/);
	r = await page('/site/pages/new', admin);
	assert.ok(forms(r.body).find((f) => f.action === '/site/pages/new' && f.method === 'get'), 'its form, a GET');
	assert.match(r.body, /<option value="terms">Terms of membership<\/option>/);
	assert.match(r.body, /<option value="es"/);
	r = await get('/site/pages/new?page=terms&lang=es', admin);
	assert.equal(r.status, 303);
	assert.equal(r.location, '/site/pages/terms/es');
	for (const [qs, field] of [['page=nothing&lang=es', 'page'], ['page=terms&lang=zz', 'lang'], ['page=&lang=es', 'page']]) {
		r = await get(`/site/pages/new?${qs}`, admin);
		assert.equal(r.status, 400, qs);
		assert.match(r.body, new RegExp(`id="${field}-error"`), `${qs}: a message beside ${field}`);
	}
	// Not for a member coordinator, nor offered to one.
	const mc = await as('mcoord');
	await page('/site/pages/new', mc, 403);
	assert.doesNotMatch((await page('/', mc)).body, /href="\/site\/pages\/new"/);
});

test('the welcome, awaiting approval and how-to-pay texts are shown where they belong', async () => {
	const from = maxId();
	const admin = await as('admin');
	try {
		// Before: the standard words; no welcome text of the timebank's.
		let home = await page('/', new Jar());
		assert.doesNotMatch(home.body, /class="markup welcome"/);
		assert.equal((await save(admin, 'welcome', 'en', 'Welcome to *our* timebank.')).status, 303);
		assert.equal((await save(admin, 'awaiting', 'en', 'A coordinator will **call** you.')).status, 303);
		home = await page('/', new Jar());
		assert.match(home.body, /Welcome to <em>our<\/em> timebank\./);
		const applicant = await login('applicant1');
		const aw = await page('/', applicant);
		assert.match(mainText(aw.body), /awaiting approval/i);
		assert.match(aw.body, /A coordinator will <strong>call<\/strong> you\./);

		// How to pay: the demo's, linked from the member's own page.
		const alice = await as('alice');
		let me = await page('/payments/me', alice);
		assert.match(me.body, /href="\/payments\/how"/);
		assert.match((await page('/payments/how', alice)).body, /<li>By cheque, at the community centre<\/li>/);
		assert.equal((await save(admin, 'payments', 'en', '')).status, 303);
		me = await page('/payments/me', alice);
		assert.doesNotMatch(me.body, /href="\/payments\/how"/);
		await page('/payments/how', alice, 404);
	} finally {
		cleanup(from);
	}
});

test('only admins with site scope edit them; an unknown page or language is 404', async () => {
	const admin = await as('admin');
	await page('/site/pages/nothing/en', admin, 404);
	await page('/site/pages/about/zz', admin, 404);
	for (const u of ['northcoord', 'mcoord', 'alice', 'translator']) {
		const j = await as(u);
		assert.equal((await get('/site/pages', j)).status, 403, `${u} refused`);
		assert.equal((await post('/site/pages/about/en', j, { body: 'x' })).status, 403, `${u} may not save`);
	}
});
