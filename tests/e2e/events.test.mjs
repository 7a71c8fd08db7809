// Events (cgi-bin/broadcasts/events.c; docs/broadcasts.md "Events") over
// HTTP: a community coordinator (outreach, a throwaway community) puts an
// event on; its members find it in the list, the month view and its page;
// another community's member does not (403 on its page, the same as for
// none); past events are kept and listed apart; the refusals and the
// audit.

import test from 'node:test';
import assert from 'node:assert/strict';
import { BareKeys, as, audits, get, getCsrf, login, mainText, post, sql, text } from './lib.mjs';
import { dropTagged, pageReader } from './community-lib.mjs';

const keys = new BareKeys();
const TAG = `ze${process.pid % 100000}`;
const U = (n) => `${TAG}_${n}`;
let CID = 0;
const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

test.before(() => {
	sql(`INSERT INTO communities (name) VALUES ('ZE ${TAG} events test')`);
	CID = Number(sql(`SELECT id FROM communities WHERE name = 'ZE ${TAG} events test'`)[0][0]);
	sql(`INSERT INTO members (username, email, name, password_hash, status, community_id, about, approved_at)
	    SELECT CONCAT('${TAG}_', x.n), CONCAT('${TAG}_', x.n, '@example.org'), x.name, m.password_hash,
	    'approved', ${CID}, '', UTC_TIMESTAMP() FROM members m
	    JOIN (SELECT 'coord' AS n, 'Eve Events' AS name UNION ALL SELECT 'one', 'Olive One') x
	    WHERE m.username = 'alice'`);
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id)
	    SELECT id, 'outreach', 'community', ${CID} FROM members WHERE username = '${U('coord')}'`);
});

test.after(() => {
	try {
		sql(`DELETE FROM events WHERE community_id = ${CID} OR title LIKE '%${TAG}%'`);
		dropTagged(TAG, CID);
	} catch (e) {
		console.error(`cleanup: ${e.message}`);
	}
});

const page = pageReader(keys);

const listed = (html, id) => new RegExp(`data-event="${id}"`).test(html);

test('a community\'s event is in its members\' list, month and page, not another community\'s', async () => {
	const coord = await login(U('coord'));
	const csrf = getCsrf((await page('/events/new', coord)).body);
	const when = day(2);
	let r = await post('/events/new', coord, {
		csrf, title: `Repair café ${TAG}`, description: 'Bring **anything** broken.', place: 'The library',
		start_date: when, start_time: '10:00', end_date: when, end_time: '12:30', community: String(CID),
	});
	assert.equal(r.status, 303, text(r.body).slice(0, 300));
	const id = Number(r.location.match(/^\/events\/(\d+)$/)[1]);
	assert.equal(audits('event', id, 'event.create', 'actor_id').length, 1);

	const one = await login(U('one'));
	assert.ok(listed((await page('/events', one)).body, id), 'in the list');
	const month = await page(`/events/month?m=${when.slice(0, 7)}`, one);
	assert.ok(listed(month.body, id), 'in the month view');
	const show = await page(`/events/${id}`, one);
	assert.match(show.body, /<strong>anything<\/strong>/);
	assert.match(mainText(show.body), /The library/);
	assert.doesNotMatch(show.body, /\/edit"/, 'a member does not manage it');
	assert.match((await page(`/events/${id}`, coord)).body, new RegExp(`/events/${id}/edit`));

	const dave = await as('dave');
	assert.ok(!listed((await page('/events', dave)).body, id), 'not in another community\'s list');
	assert.equal((await get(`/events/${id}`, dave)).status, 403);
	assert.equal((await get('/events/999999999', dave)).status, 403);
	assert.equal((await get('/events/999999999', await as('admin'))).status, 404);
	assert.ok(listed((await page('/events', await as('admin'))).body, id), 'a site coordinator sees it');

	// Moved into the past: kept, listed with the past ones.
	r = await post(`/events/${id}/edit`, coord, {
		csrf, title: `Repair café ${TAG}`, description: '', place: '', start_date: day(-3), start_time: '10:00',
		end_date: day(-3), end_time: '11:00', community: String(CID),
	});
	assert.equal(r.status, 303);
	assert.equal(audits('event', id, 'event.edit', 'actor_id').length, 1);
	assert.ok(!listed((await page('/events', one)).body, id), 'no longer coming');
	assert.ok(listed((await page('/events?past=1', one)).body, id), 'in the past ones');

	r = await post(`/events/${id}/delete`, coord, { csrf });
	assert.equal(r.status, 422, 'not confirmed');
	r = await post(`/events/${id}/delete`, coord, { csrf, confirm: '1' });
	assert.equal(r.status, 303);
	assert.equal(audits('event', id, 'event.delete', 'actor_id').length, 1);
	assert.equal((await get(`/events/${id}`, one)).status, 403);
});

test('events stay in the coordinator\'s scope; times in order; the month view refuses a bad month', async () => {
	const coord = await login(U('coord'));
	const csrf = getCsrf((await page('/events/new', coord)).body);
	const base = { csrf, title: `Scope ${TAG}`, start_date: day(1), start_time: '10:00', end_date: day(1), end_time: '11:00' };
	let r = await post('/events/new', coord, { ...base, community: '2' });
	assert.equal(r.status, 422, 'another community');
	r = await post('/events/new', coord, { ...base, community: '' });
	assert.equal(r.status, 422, 'the whole timebank');
	r = await post('/events/new', coord, { ...base, community: String(CID), end_time: '09:00' });
	assert.equal(r.status, 422);
	assert.match(mainText(r.body), /cannot end before it starts/);
	r = await post('/events/new', coord, { ...base, community: String(CID), start_time: '25:00' });
	assert.equal(r.status, 422);
	assert.equal(sql(`SELECT COUNT(*) FROM events WHERE title LIKE '%${TAG}%'`)[0][0], '0', 'nothing saved');
	const other = Number(sql('SELECT id FROM events WHERE community_id = 2 ORDER BY id LIMIT 1')[0][0]);
	assert.equal((await get(`/events/${other}/edit`, coord)).status, 403);
	assert.equal((await get('/events/month?m=2026-13', coord)).status, 400);
	await page('/events/month?m=2028-02', coord);
	assert.equal((await get('/events/new', await as('alice'))).status, 403);
	assert.equal((await get('/events', await as('applicant1'))).status, 403, 'approved members only');
});

test('every page met above shows text, not phrase keys', () => {
	keys.assertNone();
});
