// Alerts (cgi-bin/broadcasts/alerts.c; docs/broadcasts.md "Alerts") over
// HTTP: a community coordinator puts a notice on the pages of their
// community's members between two dates; members of other communities
// never see it; a member dismisses it for themself only; the refusals
// (another community, the whole timebank, dates in the wrong order, a bad
// link, another community's alert) and the audit.  The fixtures are a
// throwaway Community Timebank with its coordinator and two members.

import test from 'node:test';
import assert from 'node:assert/strict';
import { BareKeys, as, audits, get, getCsrf, login, mainText, post, sql, text } from './lib.mjs';
import { dropTagged, pageReader } from './community-lib.mjs';

const keys = new BareKeys();
const TAG = `za${process.pid % 100000}`;
const U = (n) => `${TAG}_${n}`;
let CID = 0;
const today = () => new Date().toISOString().slice(0, 10);
const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

test.before(() => {
	sql(`INSERT INTO communities (name) VALUES ('ZA ${TAG} alerts test')`);
	CID = Number(sql(`SELECT id FROM communities WHERE name = 'ZA ${TAG} alerts test'`)[0][0]);
	sql(`INSERT INTO members (username, email, name, password_hash, status, community_id, about, approved_at)
	    SELECT CONCAT('${TAG}_', x.n), CONCAT('${TAG}_', x.n, '@example.org'), x.name, m.password_hash,
	    'approved', ${CID}, '', UTC_TIMESTAMP() FROM members m
	    JOIN (SELECT 'coord' AS n, 'Ada Alerter' AS name UNION ALL SELECT 'one', 'Olga One'
	    UNION ALL SELECT 'two', 'Tom Two') x WHERE m.username = 'alice'`);
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id)
	    SELECT id, 'outreach', 'community', ${CID} FROM members WHERE username = '${U('coord')}'`);
});

test.after(() => {
	try {
		sql(`DELETE FROM alerts WHERE community_id = ${CID} OR message LIKE '%${TAG}%'`);
		sql(`DELETE FROM alert_dismissals WHERE member_id IN (SELECT id FROM members WHERE username LIKE '${TAG}\\_%')`);
		dropTagged(TAG, CID);
	} catch (e) {
		console.error(`cleanup: ${e.message}`);
	}
});

const page = pageReader(keys);

const shown = (html, id) => new RegExp(`data-alert="${id}"`).test(html);

test('a community coordinator\'s alert is on their members\' pages between its dates, until each dismisses it', async () => {
	const coord = await login(U('coord'));
	const form = await page('/alerts/new', coord);
	const csrf = getCsrf(form.body);
	const msg = `Potluck ${TAG} on **Friday**`;
	let r = await post('/alerts/new', coord, { csrf, message: msg, starts_on: today(), ends_on: day(2), community: String(CID) });
	assert.equal(r.status, 303, text(r.body).slice(0, 300));
	const id = Number(sql(`SELECT id FROM alerts WHERE community_id = ${CID} ORDER BY id DESC LIMIT 1`)[0][0]);
	assert.equal(audits('alert', id, 'alert.create', 'actor_id').length, 1);
	const list = await page('/alerts', coord);
	assert.match(list.body, new RegExp(`data-alert="${id}"`));

	const one = await login(U('one'));
	const two = await login(U('two'));
	let home = await page('/', one);
	assert.ok(shown(home.body, id), 'shown to a member of the community');
	assert.match(home.body, /<strong>Friday<\/strong>/, 'in the safe markup');
	assert.ok(shown((await page('/ads', one)).body, id), 'on every page');
	assert.ok(!shown((await page('/', await as('dave'))).body, id), 'not to another community');
	assert.ok(!shown((await page('/', await as('frank'))).body, id), 'not to a member of none');

	// Dismissed by one: gone for one, still there for two.
	r = await post(`/alerts/${id}/dismiss`, one, { csrf: getCsrf(home.body), next: '/ads' });
	assert.equal(r.status, 303);
	assert.equal(r.location, '/ads', 'back to the page');
	home = await page('/', one);
	assert.ok(!shown(home.body, id), 'dismissed');
	assert.ok(shown((await page('/', two)).body, id), 'still shown to the other member');
	r = await post(`/alerts/${id}/dismiss`, one, { csrf: getCsrf(home.body), next: 'https://evil.example/' });
	assert.equal(r.status, 303);
	assert.equal(r.location, '/', 'never away from weft');
	// Another community's member cannot dismiss it: the same 403 as none.
	const dave = await as('dave');
	const dcsrf = getCsrf((await page('/', dave)).body);
	assert.equal((await post(`/alerts/${id}/dismiss`, dave, { csrf: dcsrf })).status, 403);
	assert.equal((await post('/alerts/999999999/dismiss', dave, { csrf: dcsrf })).status, 403);

	// Moved to the future: not shown until then.
	r = await post(`/alerts/${id}/edit`, coord, { csrf, message: msg, starts_on: day(3), ends_on: day(4), community: String(CID) });
	assert.equal(r.status, 303);
	assert.ok(!shown((await page('/', two)).body, id), 'not before its first day');
	assert.equal(audits('alert', id, 'alert.edit', 'actor_id').length, 1);

	// Deleted, confirmed.
	r = await post(`/alerts/${id}/delete`, coord, { csrf });
	assert.equal(r.status, 422);
	r = await post(`/alerts/${id}/delete`, coord, { csrf, confirm: '1' });
	assert.equal(r.status, 303);
	assert.equal(sql(`SELECT COUNT(*) FROM alerts WHERE id = ${id}`)[0][0], '0');
	assert.equal(audits('alert', id, 'alert.delete', 'actor_id').length, 1);
});

test('alerts stay in the coordinator\'s scope; bad dates and links are refused with the input kept', async () => {
	const coord = await login(U('coord'));
	const csrf = getCsrf((await page('/alerts/new', coord)).body);
	const base = { csrf, message: `Scope ${TAG}`, starts_on: today(), ends_on: today() };
	let r = await post('/alerts/new', coord, { ...base, community: '2' });
	assert.equal(r.status, 422, 'another community');
	r = await post('/alerts/new', coord, { ...base, community: '' });
	assert.equal(r.status, 422, 'the whole timebank');
	r = await post('/alerts/new', coord, { ...base, community: String(CID), starts_on: day(2), ends_on: day(1) });
	assert.equal(r.status, 422);
	assert.match(mainText(r.body), /The last day cannot be before the first/);
	r = await post('/alerts/new', coord, { ...base, community: String(CID), message: `[x](javascript:1) ${TAG}` });
	assert.equal(r.status, 422);
	assert.match(r.body, /\[x\]\(javascript:1\)/, 'the message is kept');
	assert.equal(sql(`SELECT COUNT(*) FROM alerts WHERE message LIKE '%${TAG}%'`)[0][0], '0', 'nothing saved');

	const other = Number(sql('SELECT id FROM alerts WHERE community_id = 2 ORDER BY id LIMIT 1')[0][0]);
	assert.equal((await get(`/alerts/${other}/edit`, coord)).status, 403);
	assert.equal((await get('/alerts/999999999/edit', coord)).status, 403);
	assert.equal((await get('/alerts/999999999/edit', await as('admin'))).status, 404);
	const mine = await page('/alerts', coord);
	assert.doesNotMatch(mine.body, new RegExp(`data-alert="${other}"`), 'the list is of their communities');
	assert.equal((await get('/alerts', await as('payment'))).status, 403);
});

test('a whole timebank\'s alert, by an admin, is on every member\'s pages', async () => {
	const admin = await as('admin');
	const csrf = getCsrf((await page('/alerts/new', admin)).body);
	const r = await post('/alerts/new', admin, { csrf, message: `Everyone ${TAG}`, starts_on: today(), ends_on: today(), community: '' });
	assert.equal(r.status, 303, text(r.body).slice(0, 300));
	const id = Number(sql(`SELECT id FROM alerts WHERE message = 'Everyone ${TAG}'`)[0][0]);
	try {
		for (const u of ['dave', 'frank', 'alice'])
			assert.ok(shown((await page('/', await as(u))).body, id), `shown to ${u}`);
		const visitor = await get('/login');
		assert.ok(!shown(visitor.body, id), 'members\' pages only, not visitors\'');
	} finally {
		sql(`DELETE FROM alerts WHERE id = ${id}`);
	}
});

test('every page met above shows text, not phrase keys', () => {
	keys.assertNone();
});
