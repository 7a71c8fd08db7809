// Acting for another member on ads (act.h): a guardian angel while the
// member's Guardian Angel Mode is on, and an organisation's manager.
// The test's own members are created here (ads_angel, ads_ward, ads_org),
// so the demo's relations stay as they are.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { login, get, text, sql } from './lib.mjs';
import { token, adFields, postAd, postAs, adRow, auditOf, ensureMember, listedIds } from './ads-lib.mjs';

let angel, ward, org;

before(() => {
	angel = ensureMember('ads_angel', { name: 'Angela Angel' });
	ward = ensureMember('ads_ward', { community: 2, name: 'Walter Ward' });
	org = ensureMember('ads_org', { organisation: 1, name: 'Ads Test Org' });
	sql(`INSERT IGNORE INTO guardian_angels (member_id, angel_id) VALUES (${ward}, ${angel})`);
	sql(`INSERT IGNORE INTO org_managers (org_id, manager_id) VALUES (${org}, ${angel})`);
});

function angelMode(on) {
	sql(`UPDATE members SET angel_mode = ${on ? 1 : 0} WHERE id = ${ward}`);
}

test('an angel posts, edits, renews and deletes for the member while the mode is on', async () => {
	angelMode(true);
	const jar = await login('ads_angel');
	assert.match((await get('/ads/new', jar)).body, /name="for"/, 'an angel gets the "for" field');
	const tok = token();
	const { res, id } = await postAd(jar, { for: 'ads_ward', title: `Angel ${tok}` });
	assert.equal(res.status, 303, text(res.body).slice(0, 300));
	const row = adRow(id);
	assert.equal(row.member, ward);
	assert.equal(row.community, 2, 'the ward\'s own community');
	assert.equal(row.createdBy, angel);
	assert.equal(auditOf(id)[0].action, 'ad.create', 'a write for someone else is recorded');
	const mine = await get('/ads/mine', jar);
	assert.equal(mine.status, 200);
	assert.match(text(mine.body), /Ads of Walter Ward \(you are their guardian angel\)/);
	assert.ok(listedIds(mine.body).includes(id));
	assert.equal((await postAs(jar, `/ads/${id}/edit`, { ...adFields(), community: 'own', title: `Angel edit ${tok}` })).status, 303);
	assert.equal(adRow(id).title, `Angel edit ${tok}`);
	assert.equal((await postAs(jar, `/ads/${id}/renew`)).status, 303);
	assert.equal((await postAs(jar, `/ads/${id}/delete`)).status, 303);
	assert.equal(adRow(id).status, 'deleted');
});

test('with the mode off the angel is refused (403) and the member is not listed', async () => {
	angelMode(true);
	const jar = await login('ads_angel');
	const { id } = await postAd(jar, { for: 'ads_ward' });
	angelMode(false);
	try {
		const before = adRow(id);
		assert.equal((await postAd(jar, { for: 'ads_ward' })).res.status, 403);
		assert.equal((await get(`/ads/${id}/edit`, jar)).status, 403);
		assert.equal((await postAs(jar, `/ads/${id}/edit`, adFields())).status, 403);
		assert.equal((await postAs(jar, `/ads/${id}/renew`)).status, 403);
		assert.equal((await postAs(jar, `/ads/${id}/delete`)).status, 403);
		assert.deepEqual(adRow(id), before);
		assert.doesNotMatch(text((await get('/ads/mine', jar)).body), /Walter Ward/);
	} finally {
		angelMode(true);
	}
});

test('an organisation\'s manager posts for the organisation', async () => {
	const jar = await login('ads_angel');
	const { res, id } = await postAd(jar, { for: 'ads_org', kind: 'request' });
	assert.equal(res.status, 303);
	assert.equal(adRow(id).member, org);
	assert.match(text((await get('/ads/mine', jar)).body), /Ads of Ads Test Org \(you manage this organisation\)/);
	// The manager of one organisation is not anyone's angel elsewhere.
	assert.equal((await postAd(jar, { for: 'greenhouse' })).res.status, 403);
	assert.equal((await postAd(jar, { for: 'alice' })).res.status, 403);
});

test('the ward is not refused their own ads meanwhile', async () => {
	const w = await login('ads_ward');
	const { res, id } = await postAd(w);
	assert.equal(res.status, 303);
	assert.deepEqual(auditOf(id), []);
});
