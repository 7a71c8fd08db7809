// Pages, news and links (cgi-bin/broadcasts/content*.c; docs/broadcasts.md
// "Pages, news and links") over HTTP: the outreach coordinator writes a
// members-only page, a public one, a news item and a link; a visitor reads
// the public page and is sent to log in for the other; members read the
// news newest first and the links; a translation is read in its language
// and the default one otherwise; raw HTML never reaches a page; the
// refusals (a link that is not http/https, no title, a community-scoped
// outreach coordinator) and the audit of every write.

import test from 'node:test';
import assert from 'node:assert/strict';
import { BareKeys, Jar, as, audits, get, getCsrf, login, mainText, post, sql, text } from './lib.mjs';
import { dropTagged, pageReader } from './community-lib.mjs';

const keys = new BareKeys();
const TAG = `zc${process.pid % 100000}`;
const page = pageReader(keys);

test.after(() => {
	try {
		sql(`DELETE i FROM content_items i JOIN content_texts t ON t.item_id = i.id WHERE t.title LIKE '%${TAG}%'`);
		dropTagged(TAG, 0);
	} catch (e) {
		console.error(`cleanup: ${e.message}`);
	}
});

// The newest item of kind whose title has the tag.
const newest = (kind) => Number(sql(`SELECT i.id FROM content_items i JOIN content_texts t ON t.item_id = i.id
    WHERE i.kind = '${kind}' AND t.title LIKE '%${TAG}%' ORDER BY i.id DESC LIMIT 1`)[0][0]);

// POSTs form to path with the csrf token of path's own page.
async function write(path, jar, form) {
	const csrf = getCsrf((await page(path, jar)).body);
	return post(path, jar, { csrf, ...form });
}

test('a public page is read by visitors; a members-only page sends them to log in', async () => {
	const out = await as('outreach');
	let r = await write('/pages/new', out, { lang: 'en', title: `Open day ${TAG}`, body: '# Welcome\n\nCome **on Saturday**. <script>alert(1)</script>', public: '1' });
	assert.equal(r.status, 303, text(r.body).slice(0, 300));
	const pub = newest('page');
	assert.equal(r.location, `/pages/${pub}`);
	assert.equal(audits('page', pub, 'page.create', 'actor_id').length, 1, 'audited');
	r = await write('/pages/new', out, { lang: 'en', title: `Handbook ${TAG}`, body: 'For members.' });
	assert.equal(r.status, 303);
	const priv = newest('page');

	const visitor = new Jar();
	r = await page(`/pages/${pub}`, visitor);
	assert.match(r.body, /<h2>Welcome<\/h2>/, 'the safe markup');
	assert.match(r.body, /<strong>on Saturday<\/strong>/);
	assert.ok(!r.body.includes('<script>alert(1)'), 'never raw HTML');
	assert.match(r.body, /&lt;script&gt;/);
	r = await get(`/pages/${priv}`, visitor);
	assert.equal(r.status, 303);
	assert.equal(r.location, `/login?next=/pages/${priv}`);
	// The same answer for a page that does not exist (rule 1).
	r = await get('/pages/999999999', visitor);
	assert.equal(r.status, 303);
	assert.equal(r.location, '/login?next=/pages/999999999');
	// An applying member is refused the members-only one, reads the public one.
	const applying = await as('applicant1');
	assert.equal((await get(`/pages/${priv}`, applying)).status, 403);
	await page(`/pages/${pub}`, applying);
	// A member reads both.
	const alice = await as('alice');
	assert.match(mainText((await page(`/pages/${priv}`, alice)).body), new RegExp(`Handbook ${TAG}`));
	// The list of pages (page.list): support sees both, with the special pages.
	const list = await page('/pages', await as('support'));
	assert.match(list.body, new RegExp(`data-page="${pub}"`));
	assert.match(list.body, new RegExp(`data-page="${priv}"`));
	assert.match(list.body, /href="\/about"/, 'the special pages too');
	assert.ok(!list.body.includes(`/pages/${pub}/edit`), 'support may not edit');
	assert.equal((await get('/pages', alice)).status, 403, 'a plain member has no list');
});

test('a page read in the reader\'s language, else the default one; a translation removed', async () => {
	const out = await as('outreach');
	let r = await write('/pages/new', out, { lang: 'en', title: `Guide ${TAG}`, body: 'In English.', public: '1' });
	assert.equal(r.status, 303);
	const id = newest('page');
	r = await write(`/pages/${id}/edit`, out, { lang: 'es', title: `Guía ${TAG}`, body: 'En español.', public: '1' });
	assert.equal(r.status, 303, text(r.body).slice(0, 300));
	assert.equal(audits('page', id, 'page.edit', 'actor_id').length, 1);
	const es = new Jar();
	es.set('weft-lang', 'es');
	assert.match(mainText((await page(`/pages/${id}`, es)).body), /En español/);
	const fr = new Jar();
	fr.set('weft-lang', 'fr');
	assert.match(mainText((await page(`/pages/${id}`, fr)).body), /In English/, 'the default language');
	// Both fields empty: the Spanish text goes, the English stays.
	r = await write(`/pages/${id}/edit?lang=es`, out, { lang: 'es', title: '', body: '', public: '1' });
	assert.equal(r.status, 303);
	assert.equal(audits('page', id, 'page.text_delete', 'actor_id').length, 1);
	assert.match(mainText((await page(`/pages/${id}`, es)).body), /In English/);
	// The last text is not removed.
	r = await write(`/pages/${id}/edit`, out, { lang: 'en', title: '', body: '', public: '1' });
	assert.equal(r.status, 422);
	assert.equal(sql(`SELECT COUNT(*) FROM content_texts WHERE item_id = ${id}`)[0][0], '1');
});

test('news newest first and links for members; the links are http or https', async () => {
	const out = await as('outreach');
	let r = await write('/news/new', out, { lang: 'en', title: `Older ${TAG}`, body: 'Old news.', date: '2026-01-05' });
	assert.equal(r.status, 303, text(r.body).slice(0, 300));
	r = await write('/news/new', out, { lang: 'en', title: `Newer ${TAG}`, body: 'New *news*.', date: '2026-02-05' });
	assert.equal(r.status, 303);
	const newer = newest('news');
	assert.equal(audits('news', newer, 'news.create', 'actor_id').length, 1);
	const news = mainText((await page('/news', await as('alice'))).body);
	assert.ok(news.indexOf(`Newer ${TAG}`) >= 0 && news.indexOf(`Newer ${TAG}`) < news.indexOf(`Older ${TAG}`), 'newest first');
	assert.equal((await get('/news', new Jar())).status, 303, 'a visitor is sent to log in');

	for (const url of ['javascript:alert(1)', 'ftp://example.org/', 'mailto:a@example.org', 'https://exa mple.org/']) {
		r = await write('/links/new', out, { lang: 'en', title: `Bad ${TAG}`, url, body: '' });
		assert.equal(r.status, 422, `${url} refused`);
		assert.match(r.body, /starting with http:\/\/ or https:\/\//);
		assert.match(r.body, new RegExp(`value="Bad ${TAG}"`), 'the input kept');
	}
	assert.equal(sql(`SELECT COUNT(*) FROM content_texts WHERE title = 'Bad ${TAG}'`)[0][0], '0');
	r = await write('/links/new', out, { lang: 'en', title: `Library ${TAG}`, url: 'https://library.example.org/', body: 'Books.' });
	assert.equal(r.status, 303);
	const link = newest('link');
	const links = await page('/links', await as('alice'));
	assert.match(links.body, new RegExp(`<a href="https://library.example.org/"[^>]*>Library ${TAG}</a>`));
	r = await write(`/links/${link}/edit`, out, { lang: 'en', title: `Library ${TAG}`, url: 'https://books.example.org/', body: '' });
	assert.equal(r.status, 303);
	assert.match(audits('link', link, 'link.edit')[0][1], /books\.example\.org/);
	// Deleting needs the box.
	const csrf = getCsrf((await page(`/links/${link}/edit`, out)).body);
	assert.equal((await post(`/links/${link}/delete`, out, { csrf })).status, 422);
	r = await post(`/links/${link}/delete`, out, { csrf, confirm: '1' });
	assert.equal(r.status, 303);
	assert.equal(audits('link', link, 'link.delete', 'actor_id').length, 1);
	assert.equal(sql(`SELECT COUNT(*) FROM content_items WHERE id = ${link}`)[0][0], '0');
	assert.equal((await post('/news/new', out, { lang: 'en', title: `No token ${TAG}`, date: '2026-01-01' })).status, 403, 'CSRF');
});

test('content.manage is carried by site grants only: a community outreach coordinator is refused', async () => {
	sql(`INSERT INTO members (username, email, name, password_hash, status, community_id, about, approved_at)
	    SELECT '${TAG}_out', '${TAG}_out@example.org', 'Olive Outreach', password_hash, 'approved', 2, '',
	    UTC_TIMESTAMP() FROM members WHERE username = 'alice'`);
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id)
	    SELECT id, 'outreach', 'community', 2 FROM members WHERE username = '${TAG}_out'`);
	const dave = await login(`${TAG}_out`);
	assert.equal((await get('/pages/new', dave)).status, 403);
	const home = await page('/', dave);
	assert.ok(!home.body.includes('href="/pages/new"'), 'not offered in the + menu');
	assert.ok(home.body.includes('href="/broadcasts/new"'), 'their broadcasts are');
	const csrf = getCsrf(home.body);
	assert.equal((await post('/news/new', dave, { csrf, lang: 'en', title: `Dave ${TAG}`, date: '2026-01-01' })).status, 403);
	await page('/pages', dave);	// page.list: in some scope, a list of site-wide pages
});
