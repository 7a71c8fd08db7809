// Recording an exchange by finding the other member by name, and from a
// member's profile (issue 18, "Done when"), in a real browser:
//
// - a member (made for this run) opens /exchanges/new, finds herself as
//   the recipient already, types part of the provider's name, chooses
//   him among the matches and records the exchange;
// - the admin opens the provider's profile, follows "Record a service
//   this member gave", finds him filled in, types the recipient's
//   username and records it.
//
// The members are made for this run, so the demo's balances stay as they
// are.  axe-core and html-validate run on every page visited.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	STAMP, URL_BASE, close, consoleErrors, launch, q, rootSql, session, submit, visited,
} from './lib.mjs';

const SURNAME = `Findley${STAMP}`;
const GIVER = { username: `bfg${STAMP}`, name: `Gil ${SURNAME}` };
const TAKER = { username: `bft${STAMP}`, name: `Tess Taker ${STAMP}` };

function makeMember(m) {
	rootSql(`INSERT INTO members (username, email, name, password_hash, status, community_id, about, approved_at)
	    SELECT ${q(m.username)}, ${q(`${m.username}@example.org`)}, ${q(m.name)}, password_hash,
	    'approved', 1, 'Made by the browser test.', UTC_TIMESTAMP() FROM members WHERE username = 'alice'`);
	m.id = Number(rootSql(`SELECT id FROM members WHERE username = ${q(m.username)}`)[0][0]);
}

const exchange = (id) => rootSql(`SELECT provider_id, recipient_id, hundredths FROM exchanges
    WHERE id = ${Number(id)}`)[0].map(Number);

test.before(async () => {
	makeMember(GIVER);
	makeMember(TAKER);
	await launch('exchanges-find');
});
test.after(close);

test('a member records an exchange by finding the other member by name', async () => {
	const s = await session(TAKER.username);
	await s.page.goto(`${URL_BASE}/exchanges/new`);
	assert.equal(await s.page.inputValue('#recipient'), TAKER.username, 'she is the recipient already');
	await s.page.fill('#provider', SURNAME.slice(0, -2).toLowerCase());
	await s.page.fill('#hours', '0.5');
	await s.page.fill('#description', 'Hung a shelf');
	let res = await submit(s.page, 'form[action="/exchanges/new"] button[type="submit"]');
	assert.equal(res.status(), 422);
	await visited(s, 'member-matches');
	const choice = s.page.getByLabel(`${GIVER.name} (${GIVER.username})`);
	assert.equal(await choice.count(), 1, 'the provider is offered by name');
	await choice.check();
	res = await submit(s.page, 'form[action="/exchanges/new"] button[type="submit"]');
	assert.equal(res.status(), 200);
	const m = new URL(s.page.url()).pathname.match(/^\/exchanges\/(\d+)$/);
	assert.ok(m, `on the exchange's page: ${s.page.url()}`);
	assert.deepEqual(exchange(m[1]), [GIVER.id, TAKER.id, 50]);
	await visited(s, 'member-recorded');
	await s.context.close();
});

test('a coordinator records an exchange from the member\'s profile', async () => {
	const s = await session('admin');
	await s.page.goto(`${URL_BASE}/members/${GIVER.id}`);
	await visited(s, 'admin-profile');
	await submit(s.page, 'nav.work a:text("Record a service this member gave")');
	assert.equal(await s.page.inputValue('#provider'), GIVER.username, 'the member is filled in');
	assert.equal(await s.page.inputValue('#recipient'), '');
	await s.page.fill('#recipient', TAKER.username);
	await s.page.fill('#hours', '1');
	await s.page.fill('#description', 'Carried boxes');
	const res = await submit(s.page, 'form[action="/exchanges/new"] button[type="submit"]');
	assert.equal(res.status(), 200);
	const m = new URL(s.page.url()).pathname.match(/^\/exchanges\/(\d+)$/);
	assert.ok(m, `on the exchange's page: ${s.page.url()}`);
	assert.deepEqual(exchange(m[1]), [GIVER.id, TAKER.id, 100]);
	await visited(s, 'admin-recorded');
	await s.context.close();
});

test('no script errors or CSP violations in the console', () => {
	// The form answered with the matches is a 422 on purpose, which
	// chromium logs.
	assert.deepEqual(consoleErrors.filter((e) => !/status of 422 .*\/exchanges\/new\)$/.test(e)), []);
});
