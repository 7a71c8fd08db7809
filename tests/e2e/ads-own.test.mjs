// A member's own offers and requests: post, see, edit, renew, delete; the
// refused twins (another member: 403); bad input (422, input kept,
// nothing saved).  Issue 4, "Offers and requests".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, get, post, csrfOf, memberId, sql, text, formFor, formValues, BareKeys,
    assertSecurityHeaders } from './lib.mjs';
import { token, dateIn, dbDate, adFields, postAd, postAs, adRow, auditOf, categoryId,
    listedIds, ensureMember } from './ads-lib.mjs';

const bare = new BareKeys();

test('a member posts an offer; it shows on its page, in My ads and in the directory', async () => {
	const alice = await login('alice');
	const tok = token();
	const { res, id } = await postAd(alice, {
		title: `Bike lights fitted ${tok}`, description: 'Front and back.\nAny bike.',
		kind: 'offer', expires_on: dateIn(40),
	});
	assert.equal(res.status, 303, text(res.body).slice(0, 300));
	assert.ok(id, `redirects to the new ad: ${res.location}`);
	const row = adRow(id);
	assert.equal(row.username, 'alice');
	assert.equal(row.kind, 'offer');
	assert.equal(row.status, 'active');
	assert.equal(row.expires, dateIn(40));
	assert.equal(row.community, 1, "'own' is the owner's own community");
	assert.equal(row.createdBy, memberId('alice'));
	assert.equal(row.createdAs, memberId('alice'));
	assert.deepEqual(auditOf(id), [], 'self-service is not a coordinator write');

	const page = await get(`/ads/${id}`, alice);
	assert.equal(page.status, 200);
	assertSecurityHeaders(page, `/ads/${id}`);
	bare.check(page.body, `/ads/${id}`);
	assert.match(page.body, new RegExp(`<h1>Bike lights fitted ${tok}</h1>`));
	assert.match(page.body, /Front and back\.<br>\s*Any bike\./);
	assert.ok(formFor(page.body, `/ads/${id}/delete`), 'the owner gets a delete button');
	assert.ok(formFor(page.body, `/ads/${id}/renew`), 'and a renew button');

	const mine = await get('/ads/mine', alice);
	assert.equal(mine.status, 200);
	bare.check(mine.body, '/ads/mine');
	assert.ok(listedIds(mine.body).includes(id), 'My ads lists it');
	assert.ok(formFor(mine.body, `/ads/${id}/renew`) && formFor(mine.body, `/ads/${id}/delete`));

	const dir = await get(`/ads?q=${tok}`, await login('bob'));
	assert.equal(dir.status, 200);
	bare.check(dir.body, '/ads');
	assert.deepEqual(listedIds(dir.body), [id], 'another member finds it in the directory');
});

test('the new-ad form: own community by default, no "for" field for a plain member', async () => {
	const page = await get('/ads/new', await login('alice'));
	assert.equal(page.status, 200);
	bare.check(page.body, '/ads/new');
	assert.match(page.body, /<option value="own" selected>/);
	assert.doesNotMatch(page.body, /name="for"/);
	assert.match(page.body, /name="expires_on" value="\d{4}-\d{2}-\d{2}" min="\d{4}-\d{2}-\d{2}" max=/);
	assert.doesNotMatch(page.body, /<option value="2"[^>]*>Riverside/, 'no community a member may not choose');
});

test('a member posts a request with no community', async () => {
	const frank = await login('frank');
	const { res, id } = await postAd(frank, { kind: 'request', community: '' });
	assert.equal(res.status, 303);
	const row = adRow(id);
	assert.equal(row.kind, 'request');
	assert.equal(row.community, 0);
	assert.equal(row.username, 'frank');
});

test('the owner edits their ad; the form shows the current values', async () => {
	const alice = await login('alice');
	const { id } = await postAd(alice);
	const form = await get(`/ads/${id}/edit`, alice);
	assert.equal(form.status, 200);
	bare.check(form.body, `/ads/${id}/edit`);
	const f = formFor(form.body, `/ads/${id}/edit`);
	assert.ok(f, 'the edit form posts to /ads/:id/edit');
	const v = formValues(f);
	assert.equal(v.title, adRow(id).title);
	// (formValues() does not know radio buttons: look at the markup.)
	assert.match(form.body, /name="kind" value="offer"[^>]* checked>/);
	assert.doesNotMatch(form.body, /name="kind" value="request"[^>]* checked>/);
	assert.equal(v.community, '1');
	const tok = token();
	const res = await post(`/ads/${id}/edit`, alice, {
		...v, kind: 'request', title: `Edited ${tok}`, description: 'New text',
		category: String(categoryId('Gardening')), expires_on: dateIn(100),
	});
	assert.equal(res.status, 303, text(res.body).slice(0, 300));
	assert.equal(res.location, `/ads/${id}`);
	const row = adRow(id);
	assert.equal(row.title, `Edited ${tok}`);
	assert.equal(row.kind, 'request');
	assert.equal(row.description, 'New text');
	assert.equal(row.category, categoryId('Gardening'));
	assert.equal(row.expires, dateIn(100));
	assert.deepEqual(auditOf(id), []);
});

test('the owner may put their ad in no community or their own, not another', async () => {
	const alice = await login('alice');
	const { id } = await postAd(alice);
	const base = { ...adFields(), title: adRow(id).title };
	let res = await postAs(alice, `/ads/${id}/edit`, { ...base, community: '' });
	assert.equal(res.status, 303);
	assert.equal(adRow(id).community, 0);
	res = await postAs(alice, `/ads/${id}/edit`, { ...base, community: '1' });
	assert.equal(res.status, 303);
	assert.equal(adRow(id).community, 1);
	res = await postAs(alice, `/ads/${id}/edit`, { ...base, community: '2' });
	assert.equal(res.status, 422);
	assert.match(text(res.body), /cannot put this ad in that Community Timebank/);
	assert.equal(adRow(id).community, 1, 'unchanged');
	const r2 = await postAd(alice, { community: '2' });
	assert.equal(r2.res.status, 422, 'nor post one there');
});

test('renewing extends the expiry by three months from today or the current date', async () => {
	const alice = await login('alice');
	const { id } = await postAd(alice, { expires_on: dateIn(10) });
	const before = adRow(id).expires;
	let res = await postAs(alice, `/ads/${id}/renew`);
	assert.equal(res.status, 303);
	assert.equal(res.location, '/ads/mine');
	assert.equal(adRow(id).expires,
	    sql(`SELECT DATE('${before}') + INTERVAL 3 MONTH`)[0][0]);
	// An expired ad is renewed from today.
	sql(`UPDATE ads SET expires_on = UTC_DATE() - INTERVAL 5 DAY WHERE id = ${id}`);
	const mine = await get('/ads/mine', alice);
	assert.match(mine.body, new RegExp(`href="/ads/${id}"[\\s\\S]*?\\(expired\\)`),
	    'My ads marks it expired');
	res = await postAs(alice, `/ads/${id}/renew`);
	assert.equal(res.status, 303);
	assert.equal(adRow(id).expires, dbDate('3 MONTH'));
	// Never beyond a year from today.
	for (let i = 0; i < 5; i++)
		await postAs(alice, `/ads/${id}/renew`);
	assert.equal(adRow(id).expires, dbDate('1 YEAR'));
});

test('deleting is a soft delete; the ad leaves the directory; a second delete is harmless', async () => {
	const alice = await login('alice');
	const bob = await login('bob');
	const tok = token();
	const { id } = await postAd(alice, { title: `To delete ${tok}` });
	assert.deepEqual(listedIds((await get(`/ads?q=${tok}`, bob)).body), [id]);
	let res = await postAs(alice, `/ads/${id}/delete`);
	assert.equal(res.status, 303);
	assert.equal(res.location, '/ads/mine');
	assert.equal(adRow(id).status, 'deleted', 'the row stays, marked deleted');
	assert.deepEqual(listedIds((await get(`/ads?q=${tok}`, bob)).body), []);
	assert.ok(!listedIds((await get('/ads/mine', alice)).body).includes(id));
	const own = await get(`/ads/${id}`, alice);
	assert.equal(own.status, 200, 'the owner still sees it');
	assert.match(text(own.body), /has been deleted/);
	assert.equal(formFor(own.body, `/ads/${id}/delete`), null, 'no buttons on a deleted ad');
	assert.equal((await get(`/ads/${id}`, bob)).status, 403, 'other members do not');
	res = await postAs(alice, `/ads/${id}/delete`);
	assert.equal(res.status, 303, 'a double click');
	assert.equal((await postAs(alice, `/ads/${id}/renew`)).status, 409);
	assert.equal((await get(`/ads/${id}/edit`, alice)).status, 409);
});

test('another member cannot edit, renew or delete it (403), nor see its edit form', async () => {
	const alice = await login('alice');
	const { id } = await postAd(alice, { expires_on: dateIn(20) });
	const before = adRow(id);
	for (const who of ['bob', 'dave']) {
		const jar = await login(who);
		assert.equal((await get(`/ads/${id}`, jar)).status, 200, 'an active ad is for every member');
		const page = await get(`/ads/${id}`, jar);
		assert.equal(formFor(page.body, `/ads/${id}/delete`), null, `${who} gets no buttons`);
		assert.equal((await get(`/ads/${id}/edit`, jar)).status, 403, `${who}: edit form`);
		assert.equal((await postAs(jar, `/ads/${id}/edit`, adFields())).status, 403, `${who}: edit`);
		assert.equal((await postAs(jar, `/ads/${id}/renew`)).status, 403, `${who}: renew`);
		assert.equal((await postAs(jar, `/ads/${id}/delete`)).status, 403, `${who}: delete`);
	}
	assert.deepEqual(adRow(id), before, 'nothing changed');
	const bob = await login('bob');
	// Rule 1: a missing id is the same 403 for a member.
	assert.equal((await postAs(bob, '/ads/99999999/delete')).status, 403);
	assert.equal((await get('/ads/99999999/edit', bob)).status, 403);
	assert.equal((await get('/ads/99999999', bob)).status, 403);
	assert.equal((await get('/ads/abc', bob)).status, 403);
});

test('a member cannot post for another member (403), nothing saved', async () => {
	const bob = await login('bob');
	const n = sql('SELECT COUNT(*) FROM ads')[0][0];
	const { res } = await postAd(bob, { for: 'alice' });
	assert.equal(res.status, 403);
	const r2 = await postAd(bob, { for: 'nosuchmember' });
	assert.equal(r2.res.status, 403, 'an unknown username: the same answer');
	assert.equal(sql('SELECT COUNT(*) FROM ads')[0][0], n);
	const self = await postAd(bob, { for: 'bob' });
	assert.equal(self.res.status, 303, 'naming oneself is one\'s own ad');
});

const badNew = [
	['empty title', { title: '' }, 'title'],
	['title of 121 characters', { title: 'x'.repeat(121) }, 'title'],
	['no kind', { kind: '' }, 'kind'],
	['unknown kind', { kind: 'gift' }, 'kind'],
	['no category', { category: '' }, 'category'],
	['unknown category', { category: '99999' }, 'category'],
	['category not a number', { category: 'garden' }, 'category'],
	['expiry today', { expires_on: dateIn(0) }, 'expires_on'],
	['expiry in the past', { expires_on: dateIn(-3) }, 'expires_on'],
	['expiry beyond a year', { expires_on: dateIn(400) }, 'expires_on'],
	['expiry not a date', { expires_on: '2030-02-30' }, 'expires_on'],
	['expiry garbage', { expires_on: 'next week' }, 'expires_on'],
	['unknown community', { community: '99999' }, 'community'],
	['community garbage', { community: 'north' }, 'community'],
	['description too long', { description: 'y'.repeat(4001) }, 'description'],
	['control character', { title: 'bell\u0007' }, 'title'],
	['for: not a username', { for: 'Not A Name!' }, 'for'],
];

test('bad input on a new ad: 422, the form again with the input and a message, nothing saved', async () => {
	const alice = await login('alice');
	const n = sql(`SELECT COUNT(*) FROM ads WHERE member_id = ${memberId('alice')}`)[0][0];
	for (const [what, extra, field] of badNew) {
		const tok = token();
		const { res } = await postAd(alice, { description: `Kept ${tok}`, ...extra });
		assert.equal(res.status, 422, what);
		bare.check(res.body, `POST /ads/new (${what})`);
		assert.match(res.body, new RegExp(`id="${field}"[^>]*aria-invalid="true"|<fieldset id="${field}" aria-describedby`),
		    `${what}: ${field} is marked`);
		assert.match(res.body, /class="error-summary"/, `${what}: the summary`);
		if (field !== 'description')
			assert.match(res.body, new RegExp(`Kept ${tok}</textarea>`), `${what}: the input is kept`);
	}
	assert.equal(sql(`SELECT COUNT(*) FROM ads WHERE member_id = ${memberId('alice')}`)[0][0], n,
	    'nothing saved');
	// An empty body: every required field.
	const csrf = await csrfOf('/ads/new', alice);
	const res = await post('/ads/new', alice, { csrf });
	assert.equal(res.status, 422);
});

test('bad input on an edit: 422, the ad unchanged', async () => {
	const alice = await login('alice');
	const { id } = await postAd(alice);
	const before = adRow(id);
	for (const [what, extra] of badNew.filter(([, e]) => !('for' in e))) {
		const res = await postAs(alice, `/ads/${id}/edit`, { ...adFields(), ...extra });
		assert.equal(res.status, 422, what);
	}
	assert.deepEqual(adRow(id), before);
	// The edit may keep a date that has since passed.
	sql(`UPDATE ads SET expires_on = UTC_DATE() - INTERVAL 2 DAY WHERE id = ${id}`);
	const past = adRow(id).expires;
	const res = await postAs(alice, `/ads/${id}/edit`, { ...adFields(), expires_on: past, title: 'Kept date' });
	assert.equal(res.status, 303);
	assert.equal(adRow(id).title, 'Kept date');
});

test('My ads shows the 100 newest and says when there are more', async () => {
	const id = ensureMember('ads_many');
	sql(`DELETE FROM ads WHERE member_id = ${id}`);
	sql(`INSERT INTO ads (member_id, kind, title, description, category_id, expires_on,
	    created_by, created_as) SELECT ${id}, 'offer', CONCAT('Many ', seq), '', 1,
	    UTC_DATE() + INTERVAL 10 DAY, ${id}, ${id} FROM seq_1_to_101`);
	const page = await get('/ads/mine', await login('ads_many'));
	assert.equal(page.status, 200);
	const ids = listedIds(page.body);
	assert.equal(ids.length, 100);
	assert.match(page.body, /Many 101</, 'newest first');
	assert.doesNotMatch(page.body, /Many 1</);
	assert.match(text(page.body), /Only the 100 newest ads are shown here/);
});

test('markup in an ad is shown as text', async () => {
	const alice = await login('alice');
	const { id } = await postAd(alice, { title: '<i>x</i> & "y"', description: '<script>alert(1)</script>' });
	const page = await get(`/ads/${id}`, alice);
	assert.ok(page.body.includes('&lt;i&gt;x&lt;/i&gt; &amp; &quot;y&quot;'), 'title escaped');
	assert.ok(page.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'description escaped');
	assert.ok(!page.body.includes('<script>alert(1)'));
});

test('visitors are sent to log in', async () => {
	const r = await get('/ads', undefined);
	assert.ok([302, 303, 401, 403].includes(r.status), `GET /ads as a visitor: ${r.status}`);
});

test('no page shows a phrase key', () => {
	bare.assertNone();
});
