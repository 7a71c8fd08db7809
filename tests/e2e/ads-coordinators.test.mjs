// Coordinators on offers and requests (docs/authorization.md: ad.list,
// ad.post_for, ad.edit, ad.delete, member.community), always in scope
// (rule 2), the same 403 for a missing id (rule 1) and an audit row for
// every write (rule 6).  Each allowed case has its refused twin.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, get, memberId, text, formFor, BareKeys } from './lib.mjs';
import { token, adFields, postAd, postAs, adRow, auditOf, insertAd, listedIds } from './ads-lib.mjs';

const bare = new BareKeys();

// A fresh ad of username, for one test.
async function adOf(username, extra = {}) {
	const { res, id } = await postAd(await login(username), extra);
	assert.equal(res.status, 303, `${username} posts: ${text(res.body).slice(0, 200)}`);
	return id;
}

test('support edits another member\'s ad (ad.edit), audited; cannot delete it (403)', async () => {
	const id = await adOf('alice');
	const support = await login('support');
	const form = await get(`/ads/${id}/edit`, support);
	assert.equal(form.status, 200);
	bare.check(form.body, 'edit form (support)');
	const page = await get(`/ads/${id}`, support);
	assert.ok(formFor(page.body, `/ads/${id}/renew`), 'support sees renew');
	assert.equal(formFor(page.body, `/ads/${id}/delete`), null, 'but no delete button');
	const tok = token();
	const res = await postAs(support, `/ads/${id}/edit`, { ...adFields(), community: '1', title: `Support fixed ${tok}` });
	assert.equal(res.status, 303, text(res.body).slice(0, 300));
	assert.equal(adRow(id).title, `Support fixed ${tok}`);
	assert.equal(adRow(id).username, 'alice', 'still alice\'s');
	const audit = auditOf(id);
	assert.equal(audit.length, 1);
	assert.equal(audit[0].action, 'ad.edit');
	assert.equal(audit[0].actor, memberId('support'));
	assert.equal(audit[0].community, 1);
	assert.equal((await postAs(support, `/ads/${id}/renew`)).status, 303, 'renewing is editing');
	assert.equal(auditOf(id).at(-1).action, 'ad.renew');
	assert.equal((await postAs(support, `/ads/${id}/delete`)).status, 403);
	assert.equal(adRow(id).status, 'active');
});

test('support cannot move an ad between communities (member.community)', async () => {
	const id = await adOf('alice');
	const support = await login('support');
	const res = await postAs(support, `/ads/${id}/edit`, { ...adFields(), community: '' });
	assert.equal(res.status, 422);
	assert.equal(adRow(id).community, 1);
});

test('admin and mcoord delete another member\'s ad (ad.delete), audited', async () => {
	for (const who of ['admin', 'mcoord']) {
		const id = await adOf('dave');
		const res = await postAs(await login(who), `/ads/${id}/delete`);
		assert.equal(res.status, 303, who);
		assert.equal(res.location, '/ads/manage');
		assert.equal(adRow(id).status, 'deleted');
		const a = auditOf(id);
		assert.equal(a.length, 1);
		assert.equal(a[0].action, 'ad.delete');
		assert.equal(a[0].actor, memberId(who));
		assert.equal(a[0].community, 2);
	}
});

test('outreach lists every ad (ad.list) but cannot edit or delete (403)', async () => {
	const tok = token();
	const id = await adOf('erin', { title: `Outreach sees ${tok}` });
	const outreach = await login('outreach');
	const list = await get(`/ads/manage?q=${tok}`, outreach);
	assert.equal(list.status, 200);
	bare.check(list.body, '/ads/manage');
	assert.deepEqual(listedIds(list.body), [id]);
	assert.equal((await get(`/ads/${id}/edit`, outreach)).status, 403);
	assert.equal((await postAs(outreach, `/ads/${id}/edit`, adFields())).status, 403);
	assert.equal((await postAs(outreach, `/ads/${id}/renew`)).status, 403);
	assert.equal((await postAs(outreach, `/ads/${id}/delete`)).status, 403);
	// A deleted ad stays visible to ad.list holders in scope.
	await postAs(await login('erin'), `/ads/${id}/delete`);
	assert.equal((await get(`/ads/${id}`, outreach)).status, 200);
	assert.deepEqual(listedIds((await get(`/ads/manage?q=${tok}&status=deleted`, outreach)).body), [id]);
	assert.deepEqual(listedIds((await get(`/ads/manage?q=${tok}&status=active`, outreach)).body), []);
});

test('members and payment/translator coordinators cannot open the coordinators\' list', async () => {
	for (const who of ['alice', 'payment', 'translator'])
		assert.equal((await get('/ads/manage', await login(who))).status, 403, who);
});

test('northcoord edits and deletes community 1 ads, not community 2 or site ones (403)', async () => {
	const north = await login('northcoord');
	const a1 = await adOf('alice');
	const d2 = await adOf('dave');
	const f0 = await adOf('frank');	// no community: site scope
	let res = await postAs(north, `/ads/${a1}/edit`, { ...adFields(), community: '1', title: 'North edit' });
	assert.equal(res.status, 303);
	assert.equal(adRow(a1).title, 'North edit');
	assert.equal(auditOf(a1)[0].actor, memberId('northcoord'));
	for (const id of [d2, f0]) {
		const before = adRow(id);
		assert.equal((await get(`/ads/${id}/edit`, north)).status, 403);
		assert.equal((await postAs(north, `/ads/${id}/edit`, adFields())).status, 403);
		assert.equal((await postAs(north, `/ads/${id}/renew`)).status, 403);
		assert.equal((await postAs(north, `/ads/${id}/delete`)).status, 403);
		assert.deepEqual(adRow(id), before);
		assert.deepEqual(auditOf(id), []);
	}
	res = await postAs(north, `/ads/${a1}/delete`);
	assert.equal(res.status, 303);
	assert.equal(adRow(a1).status, 'deleted');
});

test('an ad of no community follows its owner\'s community for scope', async () => {
	const id = await adOf('alice', { community: '' });
	assert.equal(adRow(id).community, 0);
	const res = await postAs(await login('northcoord'), `/ads/${id}/edit`, { ...adFields(), community: '' });
	assert.equal(res.status, 303, 'alice is in community 1');
});

test('a missing id: 403 for a scoped coordinator (as out of scope), 404 for a site one', async () => {
	const north = await login('northcoord');
	const admin = await login('admin');
	for (const [m, path] of [['GET', '/ads/99999999/edit'], ['POST', '/ads/99999999/edit'],
	    ['POST', '/ads/99999999/renew'], ['POST', '/ads/99999999/delete'], ['GET', '/ads/99999999']]) {
		const run = (jar) => m === 'GET' ? get(path, jar) : postAs(jar, path, adFields());
		assert.equal((await run(north)).status, 403, `${m} ${path} northcoord`);
		assert.equal((await run(admin)).status, 404, `${m} ${path} admin`);
	}
	// support holds ad.edit site-wide but not ad.delete: 403 for delete.
	assert.equal((await postAs(await login('support'), '/ads/99999999/delete')).status, 403);
});

test('the coordinators\' list is scoped: northcoord sees community 1 only', async () => {
	const tok = token();
	const a = insertAd({ username: 'alice', title: `Scoped ${tok} a` });
	const b = insertAd({ username: 'bob', title: `Scoped ${tok} b`, community: null });
	const d = insertAd({ username: 'dave', title: `Scoped ${tok} d` });
	const f = insertAd({ username: 'frank', title: `Scoped ${tok} f`, community: null });
	const x = insertAd({ username: 'dave', title: `Scoped ${tok} x`, community: 1 });
	const north = await get(`/ads/manage?q=${tok}`, await login('northcoord'));
	assert.equal(north.status, 200);
	assert.deepEqual(listedIds(north.body).sort(), [a, b, x].sort(),
	    'own community ads, community-less ads of its members, and ads put in it');
	const admin = await get(`/ads/manage?q=${tok}`, await login('admin'));
	assert.deepEqual(listedIds(admin.body).sort(), [a, b, d, f, x].sort());
	// Out-of-scope community filter: nothing, not an error.
	const n2 = await get(`/ads/manage?q=${tok}&community=2`, await login('northcoord'));
	assert.equal(n2.status, 200);
	assert.deepEqual(listedIds(n2.body), []);
	// A deleted ad out of scope is refused.
	const gone = insertAd({ username: 'dave', title: `Scoped ${tok} gone`, status: 'deleted' });
	assert.equal((await get(`/ads/${gone}`, await login('northcoord'))).status, 403);
	assert.equal((await get(`/ads/${gone}`, await login('mcoord'))).status, 200);
});

test('mcoord posts for a member (ad.post_for): the ad is theirs, audited', async () => {
	const mcoord = await login('mcoord');
	assert.match((await get('/ads/new?for=bob', mcoord)).body, /name="for" value="bob"/);
	const tok = token();
	const { res, id } = await postAd(mcoord, { for: 'bob', title: `For bob ${tok}` });
	assert.equal(res.status, 303, text(res.body).slice(0, 300));
	const row = adRow(id);
	assert.equal(row.username, 'bob');
	assert.equal(row.community, 1, 'in bob\'s own community');
	assert.equal(row.createdBy, memberId('mcoord'));
	assert.equal(row.createdAs, memberId('mcoord'));
	const a = auditOf(id);
	assert.equal(a.length, 1);
	assert.equal(a[0].action, 'ad.create');
	assert.equal(a[0].actor, memberId('mcoord'));
	assert.equal(a[0].community, 1);
	assert.ok(listedIds((await get('/ads/mine', await login('bob'))).body).includes(id),
	    'bob finds it among his ads');
	// An unknown or not approved member is a field message for a site coordinator.
	let r = await postAd(mcoord, { for: 'nosuchmember' });
	assert.equal(r.res.status, 422);
	assert.match(text(r.res.body), /no member with this username/);
	r = await postAd(mcoord, { for: 'applicant1' });
	assert.equal(r.res.status, 422);
	r = await postAd(mcoord, { for: 'disabled1' });
	assert.equal(r.res.status, 422);
});

test('post_for is scoped; outreach has no post_for', async () => {
	const north = await login('northcoord');
	let r = await postAd(north, { for: 'carol' });
	assert.equal(r.res.status, 303, 'carol is in community 1');
	assert.equal(auditOf(r.id)[0].action, 'ad.create');
	r = await postAd(north, { for: 'dave' });
	assert.equal(r.res.status, 403, 'dave is in community 2');
	r = await postAd(north, { for: 'frank' });
	assert.equal(r.res.status, 403, 'frank is in no community: site scope');
	r = await postAd(north, { for: 'nosuchmember' });
	assert.equal(r.res.status, 403, 'rule 1: an unknown member is the same 403');
	r = await postAd(await login('support'), { for: 'frank' });
	assert.equal(r.res.status, 303, 'support holds ad.post_for site-wide');
	r = await postAd(await login('outreach'), { for: 'alice' });
	assert.equal(r.res.status, 403);
});

test('member.community: mcoord moves an ad to another community; northcoord cannot', async () => {
	const id = await adOf('alice');
	const north = await login('northcoord');
	let res = await postAs(north, `/ads/${id}/edit`, { ...adFields(), community: '2' });
	assert.equal(res.status, 422, 'northcoord has no scope over community 2');
	assert.equal(adRow(id).community, 1);
	const mcoord = await login('mcoord');
	const form = await get(`/ads/${id}/edit`, mcoord);
	assert.match(form.body, /<option value="2"[^>]*>Riverside Timebank/);
	res = await postAs(mcoord, `/ads/${id}/edit`, { ...adFields(), community: '2' });
	assert.equal(res.status, 303);
	assert.equal(adRow(id).community, 2);
	assert.equal(auditOf(id).at(-1).community, 2);
	// Now in community 2: out of northcoord's scope.
	assert.equal((await postAs(north, `/ads/${id}/edit`, adFields())).status, 403);
	// The owner may take it back to her own community.
	res = await postAs(await login('alice'), `/ads/${id}/edit`, { ...adFields(), community: '1' });
	assert.equal(res.status, 303);
	assert.equal(adRow(id).community, 1);
	// A coordinator posting for a member may place the new ad too.
	const r = await postAd(mcoord, { for: 'frank', community: '2' });
	assert.equal(r.res.status, 303);
	assert.equal(adRow(r.id).community, 2);
	const r2 = await postAd(north, { for: 'alice', community: '2' });
	assert.equal(r2.res.status, 422);
});

test('no page shows a phrase key', () => {
	bare.assertNone();
});
