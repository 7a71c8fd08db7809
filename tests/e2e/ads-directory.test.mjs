// The members' directory of offers and requests: only active, unexpired
// ads of approved members; search by kind, category, community and words;
// keyset paging.  Fixtures are inserted with SQL under a fresh token, and
// every search names the token, so other tests' ads never interfere.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, get, text, BareKeys } from './lib.mjs';
import { token, insertAd, categoryId, listedIds, nextHref, postAs } from './ads-lib.mjs';

const bare = new BareKeys();

test('expired, deleted and disabled members\' ads are not in the directory', async () => {
	const tok = token();
	const today = insertAd({ username: 'alice', title: `Dir ${tok} today`, expiresIn: 0 });
	const later = insertAd({ username: 'bob', title: `Dir ${tok} later`, expiresIn: 90 });
	insertAd({ username: 'alice', title: `Dir ${tok} expired`, expiresIn: -1 });
	insertAd({ username: 'alice', title: `Dir ${tok} deleted`, status: 'deleted' });
	insertAd({ username: 'disabled1', title: `Dir ${tok} disabled` });
	const jar = await login('carol');
	const r = await get(`/ads?q=${tok}`, jar);
	assert.equal(r.status, 200);
	bare.check(r.body, '/ads');
	assert.deepEqual(listedIds(r.body), [later, today], 'newest first; the last day still shows');
});

test('the demo\'s expired ads are hidden too', async () => {
	const r = await get('/ads?q=chess', await login('bob'));
	assert.deepEqual(listedIds(r.body), [], 'ivan\'s chess lessons expired yesterday');
	const p = await get('/ads?q=pruning+apple', await login('bob'));
	assert.deepEqual(listedIds(p.body), []);
});

test('filters: kind, category, community, words, and all together', async () => {
	const tok = token();
	const o1 = insertAd({ username: 'alice', kind: 'offer', category: 'Gardening', title: `F ${tok} roses`, description: 'pruning hedges' });
	const r1 = insertAd({ username: 'bob', kind: 'request', category: 'Gardening', title: `F ${tok} lawn`, description: 'mowing' });
	const o2 = insertAd({ username: 'dave', kind: 'offer', category: 'Cooking and food', title: `F ${tok} soup`, description: 'hedges of bread' });
	const r2 = insertAd({ username: 'erin', kind: 'request', category: 'Cooking and food', title: `F ${tok} cake`, description: 'birthday' });
	const n0 = insertAd({ username: 'frank', kind: 'offer', category: 'Gardening', title: `F ${tok} seeds`, description: 'swap', community: null });
	const jar = await login('carol');
	const ids = async (qs) => {
		const r = await get(`/ads?q=${tok}${qs}`, jar);
		assert.equal(r.status, 200, qs);
		return listedIds(r.body).sort((a, b) => a - b);
	};
	const sorted = (...a) => a.sort((x, y) => x - y);
	assert.deepEqual(await ids(''), sorted(o1, r1, o2, r2, n0));
	assert.deepEqual(await ids('&kind=offer'), sorted(o1, o2, n0));
	assert.deepEqual(await ids('&kind=request'), sorted(r1, r2));
	assert.deepEqual(await ids(`&category=${categoryId('Gardening')}`), sorted(o1, r1, n0));
	assert.deepEqual(await ids('&community=1'), sorted(o1, r1));
	assert.deepEqual(await ids('&community=2'), sorted(o2, r2));
	assert.deepEqual(await ids('+hedges'), sorted(o1, o2), 'every word must appear');
	assert.deepEqual(await ids('+hedg'), sorted(o1, o2), 'the start of a word is enough');
	assert.deepEqual(await ids('+HEDGES'), sorted(o1, o2), 'any case');
	assert.deepEqual(await ids(`&kind=offer&category=${categoryId('Cooking and food')}&community=2`), [o2]);
	assert.deepEqual(await ids('+nowhere'), []);
	// Operators typed in the box are words, not syntax.
	assert.deepEqual(await ids('+%22-hedges%22+(*'), sorted(o1, o2));
	const page = await get(`/ads?q=${tok}&kind=request&category=${categoryId('Gardening')}&community=1`, jar);
	assert.match(page.body, /<option value="request" selected>/, 'the filters stay chosen');
	assert.match(page.body, new RegExp(`<option value="${categoryId('Gardening')}" selected>`));
	assert.match(page.body, new RegExp(`value="${tok}"`));
});

test('bad filters: 422 with a message, no results', async () => {
	const jar = await login('carol');
	for (const qs of ['kind=gift', 'category=abc', 'community=-1', `q=${'x'.repeat(101)}`, 'before=0x10']) {
		const r = await get(`/ads?${qs}`, jar);
		assert.equal(r.status, 422, qs);
		assert.match(r.body, /class="error-summary"/, qs);
		assert.deepEqual(listedIds(r.body), [], qs);
	}
});

test('keyset paging: 20 a page, newest first, the next link keeps the filters', async () => {
	const tok = token();
	const ids = [];
	for (let i = 0; i < 27; i++)
		ids.push(insertAd({ username: i % 2 ? 'alice' : 'dave', kind: 'offer', title: `Page ${tok} ${i}` }));
	insertAd({ username: 'alice', kind: 'request', title: `Page ${tok} other kind` });
	const jar = await login('carol');
	const first = await get(`/ads?kind=offer&q=${tok}`, jar);
	const p1 = listedIds(first.body);
	assert.equal(p1.length, 20);
	assert.deepEqual(p1, [...ids].reverse().slice(0, 20));
	const next = nextHref(first.body);
	assert.ok(next, 'a next link');
	assert.match(next, /kind=offer/);
	assert.match(next, new RegExp(`q=${tok}`));
	assert.match(next, new RegExp(`before=${p1[19]}`));
	const second = await get(next, jar);
	assert.equal(second.status, 200);
	const p2 = listedIds(second.body);
	assert.deepEqual(p2, [...ids].reverse().slice(20));
	assert.equal(nextHref(second.body), null, 'the last page has no next link');
	// A new ad does not shift the second page.
	insertAd({ username: 'alice', kind: 'offer', title: `Page ${tok} newer` });
	assert.deepEqual(listedIds((await get(next, jar)).body), p2);
});

test('the coordinators\' list filters: status, member, created between', async () => {
	const tok = token();
	const act = insertAd({ username: 'alice', title: `M ${tok} a` });
	const exp = insertAd({ username: 'alice', title: `M ${tok} e`, expiresIn: -3 });
	const del = insertAd({ username: 'bob', title: `M ${tok} d`, status: 'deleted' });
	const jar = await login('mcoord');
	const ids = async (qs) => {
		const r = await get(`/ads/manage?q=${tok}${qs}`, jar);
		assert.equal(r.status, 200, qs);
		bare.check(r.body, `/ads/manage${qs}`);
		return listedIds(r.body).sort((a, b) => a - b);
	};
	assert.deepEqual(await ids(''), [act, exp, del]);
	assert.deepEqual(await ids('&status=active'), [act]);
	assert.deepEqual(await ids('&status=expired'), [exp]);
	assert.deepEqual(await ids('&status=deleted'), [del]);
	assert.deepEqual(await ids('&member=bob'), [del]);
	const today = new Date().toISOString().slice(0, 10);
	assert.deepEqual(await ids(`&from=${today}&to=${today}`), [act, exp, del]);
	assert.deepEqual(await ids('&to=2000-01-01'), []);
	assert.deepEqual(await ids('&from=2999-01-01'), []);
	const bad = await get('/ads/manage?status=gone&from=2024-13-01', jar);
	assert.equal(bad.status, 422);
	const page = await get(`/ads/manage?q=${tok}`, jar);
	assert.match(text(page.body), /Deleted/);
	assert.match(text(page.body), /Expired/);
});

test('the directory and the lists show markup as text', async () => {
	const tok = token();
	insertAd({ username: 'alice', title: `<b>${tok}</b> & co` });
	const r = await get(`/ads?q=${tok}`, await login('bob'));
	assert.ok(r.body.includes(`&lt;b&gt;${tok}&lt;/b&gt; &amp; co`));
	assert.ok(!r.body.includes(`<b>${tok}`));
});

test('coordinators find the list from the directory; members do not', async () => {
	assert.match((await get('/ads', await login('outreach'))).body, /href="\/ads\/manage"/);
	assert.doesNotMatch((await get('/ads', await login('alice'))).body, /href="\/ads\/manage"/);
});

test('POST to a list is not allowed', async () => {
	const r = await postAs(await login('alice'), '/ads', {});
	assert.equal(r.status, 405);
});

test('no page shows a phrase key', () => {
	bare.assertNone();
});
