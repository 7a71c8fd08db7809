// Recording and reversing exchanges in a real browser (issue 4, "Tests":
// "Browser"), through the forms:
//
// - a member (alice) records an exchange she gave bob through
//   /exchanges/new: it waits for bob (her statement lists it, no balance
//   moves); bob confirms it on his home page, and both balances change:
//   on her statement, on bob's own statement, and on the member
//   coordinator's page of bob's statement;
// - a member support coordinator (support) records one between two other
//   members (two members made for this run);
// - a member coordinator (mcoord) reverses alice's exchange, with a
//   reason: the reversal is linked both ways and shown on her statement,
//   and alice's and bob's balances are back where they were, so that
//   reruns and the other tests find the demo balances unchanged.
//
// Every page visited is screenshotted (tests/screenshots/exchanges-*.png)
// and checked with axe-core (0 violations; each one is printed); the
// console must show no script error and no CSP violation.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	STAMP, URL_BASE, close, consoleErrors, launch, q, rootSql, session, submit, visited,
} from './lib.mjs';

const GIVER = { username: `brxg${STAMP}`, name: `Browser Giver ${STAMP}` };
const TAKER = { username: `brxt${STAMP}`, name: `Browser Taker ${STAMP}` };

const idOf = (username) => Number(rootSql(`SELECT id FROM members WHERE username = ${q(username)}`)[0][0]);

function makeMember(m, community) {
	rootSql(`INSERT INTO members (username, email, name, password_hash, status, community_id, about, approved_at)
	    SELECT ${q(m.username)}, ${q(`${m.username}@example.org`)}, ${q(m.name)}, password_hash,
	    'approved', ${Number(community)}, 'Made by the browser test.', UTC_TIMESTAMP()
	    FROM members WHERE username = 'alice'`);
	m.id = idOf(m.username);
	return m;
}

// The balance as the ledger keeps it, in hundredths (a check beside what
// the pages show).
function ledgerBalance(id) {
	const rows = rootSql(`SELECT hundredths FROM balances WHERE member_id = ${Number(id)}`);
	return rows.length ? Number(rows[0][0]) : 0;
}

test.before(async () => {
	await launch('exchanges');
	makeMember(GIVER, 1);
	makeMember(TAKER, 2);
});

test.after(close);

// The balance a statement page shows ("Balance: N hours"), in hundredths.
async function shownBalance(s, path) {
	const res = await s.page.goto(`${URL_BASE}${path}`);
	assert.equal(res.status(), 200, `GET ${path}`);
	const t = (await s.page.textContent('p.balance strong')).trim().replace('\u2212', '-');
	assert.match(t, /^-?\d+\.\d\d$/, `a balance on ${path}: "${t}"`);
	return Math.round(Number(t) * 100);
}

const main = (s) => s.page.textContent('main');
const exchangePath = (s) => {
	const m = new URL(s.page.url()).pathname.match(/^\/exchanges\/(\d+)$/);
	assert.ok(m, `on an exchange's page: ${s.page.url()}`);
	return { path: m[0], id: Number(m[1]) };
};

// Fills the record form on the current page and sends it.
async function fillRecord(s, o) {
	await s.page.fill('#provider', o.provider);
	await s.page.fill('#recipient', o.recipient);
	await s.page.fill('#hours', o.hours);
	await s.page.fill('#description', o.description);
	return submit(s.page, 'form[action="/exchanges/new"] button[type="submit"]');
}

const ALICE_HOURS = 125;	/* 1.25 hours, in hundredths */
let aliceExchange;
let aliceBefore;
let bobBefore;

test('a member records an exchange with bob and sees both balances change', async () => {
	const alice = await session('alice');
	const bob = await session('bob');
	const mcoord = await session('mcoord');
	const bobId = idOf('bob');

	aliceBefore = await shownBalance(alice, '/exchanges');
	assert.equal(aliceBefore, ledgerBalance(idOf('alice')), 'her statement shows the ledger\'s balance');
	await visited(alice, 'alice-statement-before');
	bobBefore = await shownBalance(bob, '/exchanges');
	assert.equal(await shownBalance(mcoord, `/exchanges/members/${bobId}`), bobBefore,
	    'the coordinator sees the balance bob sees');
	await visited(mcoord, 'bob-statement-coordinator-before');

	// From her statement to the form.
	await alice.page.goto(`${URL_BASE}/exchanges`);
	await submit(alice.page, 'main a[href="/exchanges/new"]');
	assert.equal(new URL(alice.page.url()).pathname, '/exchanges/new');
	await visited(alice, 'record-form');

	const description = `Mended a bicycle (browser ${STAMP})`;
	const res = await fillRecord(alice, { provider: 'alice', recipient: 'bob', hours: '1.25', description });
	assert.equal(res.status(), 200);
	const pending = new URL(alice.page.url()).pathname.match(/^\/exchanges\/pending\/(\d+)$/);
	assert.ok(pending, `waits for bob: ${alice.page.url()}`);
	assert.match(await alice.page.textContent('p.flash'), /waiting for the recipient to confirm it/);
	assert.match(await main(alice), /Alice Adams \(alice\)[\s\S]*Bob Brown \(bob\)/, 'provider, then recipient');
	assert.match(await main(alice), /1\.25/);
	await visited(alice, 'recorded-waiting');
	// Her statement lists it as waiting; no balance has moved.
	assert.equal(await shownBalance(alice, '/exchanges'), aliceBefore, 'nothing moved yet');
	assert.equal(await alice.page.locator(`a[href="${pending[0]}"]`).count(), 1, 'listed as waiting');
	await visited(alice, 'alice-statement-waiting');

	// Bob confirms it on his home page.
	await bob.page.goto(`${URL_BASE}/`);
	await visited(bob, 'bob-home-to-confirm');
	await submit(bob.page, `form[action="${pending[0]}/confirm"] button[type="submit"]`);
	aliceExchange = exchangePath(bob);
	assert.match(await bob.page.textContent('p.flash'), /has been confirmed/);
	assert.match(await main(bob), /Confirmed\s+by Bob Brown/);
	await visited(bob, 'bob-confirmed');

	// Her statement: the balance and the row.
	assert.equal(await shownBalance(alice, '/exchanges'), aliceBefore + ALICE_HOURS, 'alice has 1.25 hours more');
	const row = alice.page.locator('table.statement tr', { has: alice.page.locator(`a[href="${aliceExchange.path}"]`) });
	assert.equal(await row.count(), 1, 'the exchange is on her statement');
	assert.match(await row.textContent(), /Bob Brown/);
	await visited(alice, 'alice-statement-after');

	// Bob's balance: his own statement, and the coordinator's page of it.
	assert.equal(await shownBalance(bob, '/exchanges'), bobBefore - ALICE_HOURS, 'bob has 1.25 hours less');
	assert.equal(await bob.page.locator(`table.statement a[href="${aliceExchange.path}"]`).count(), 1,
	    'the exchange is on bob\'s statement');
	await visited(bob, 'bob-statement-after');
	assert.equal(await shownBalance(mcoord, `/exchanges/members/${bobId}`), bobBefore - ALICE_HOURS,
	    'the coordinator sees bob\'s new balance');
	await visited(mcoord, 'bob-statement-coordinator-after');
	for (const s of [alice, bob, mcoord])
		await s.context.close();
});

test('a member support coordinator records one for two members', async () => {
	const support = await session('support');
	const g0 = ledgerBalance(GIVER.id);
	const t0 = ledgerBalance(TAKER.id);
	await support.page.goto(`${URL_BASE}/exchanges/new`);
	assert.match(await main(support), /as a coordinator/, 'the form says support may record for others');
	const description = `Carried shopping home (browser ${STAMP})`;
	const res = await fillRecord(support, { provider: GIVER.username, recipient: TAKER.username, hours: '2', description });
	assert.equal(res.status(), 200);
	const x = exchangePath(support);
	assert.match(await support.page.textContent('p.flash'), /has been recorded/);
	const text = await main(support);
	assert.match(text, new RegExp(`${GIVER.name}[\\s\\S]*${TAKER.name}`), 'both members, provider first');
	const supportName = rootSql("SELECT name FROM members WHERE username = 'support'")[0][0];
	assert.match(text, new RegExp(`Recorded by\\s+${supportName}`), 'recorded by the support coordinator');
	await visited(support, 'support-recorded');
	assert.equal(ledgerBalance(GIVER.id), g0 + 200);
	assert.equal(ledgerBalance(TAKER.id), t0 - 200);

	// It is in the coordinators' list of exchanges.
	await support.page.goto(`${URL_BASE}/exchanges/list?member=${GIVER.username}`);
	assert.equal(await support.page.locator(`main a[href="${x.path}"]`).count(), 1, 'in the list');
	await visited(support, 'support-list');
	// And on the giver's statement, as support sees it (member.activity).
	assert.equal(await shownBalance(support, `/exchanges/members/${GIVER.id}`), g0 + 200);
	await visited(support, 'support-giver-statement');
	await support.context.close();
});

test('a member coordinator reverses alice\'s exchange with a reason', async () => {
	assert.ok(aliceExchange, 'alice recorded an exchange above');
	const mcoord = await session('mcoord');
	await mcoord.page.goto(`${URL_BASE}${aliceExchange.path}`);
	await visited(mcoord, 'before-reversal');
	const reason = `Recorded twice by mistake (browser ${STAMP})`;
	await mcoord.page.fill('#reason', reason);
	await submit(mcoord.page, `form[action="${aliceExchange.path}/reverse"] button[type="submit"]`);
	const rev = exchangePath(mcoord);
	assert.notEqual(rev.id, aliceExchange.id, 'a new exchange');
	assert.match(await mcoord.page.textContent('p.flash'), /has been reversed/);
	assert.match(await main(mcoord), new RegExp(`reversal of[\\s\\S]*#${aliceExchange.id}[\\s\\S]*${reason.replace(/[()]/g, '\\$&')}`));
	assert.match(await main(mcoord), /Bob Brown \(bob\)[\s\S]*Alice Adams \(alice\)/, 'the parties swapped');
	await visited(mcoord, 'reversal');
	await mcoord.page.goto(`${URL_BASE}${aliceExchange.path}`);
	assert.match(await main(mcoord), new RegExp(`reversed by[\\s\\S]*#${rev.id}`));
	assert.equal(await mcoord.page.locator(`form[action="${aliceExchange.path}/reverse"]`).count(), 0,
	    'no second reversal offered');
	await visited(mcoord, 'reversed');
	await mcoord.context.close();

	// Both exchanges on alice's statement, and her balance as before.
	const alice = await session('alice');
	assert.equal(await shownBalance(alice, '/exchanges'), aliceBefore, 'alice\'s balance is back');
	const main2 = await main(alice);
	assert.match(main2, new RegExp(`reversal of #${aliceExchange.id}: ${reason.replace(/[()]/g, '\\$&')}`));
	assert.match(main2, new RegExp(`reversed by #${rev.id}`));
	await visited(alice, 'alice-statement-reversed');
	await alice.context.close();
	assert.equal(ledgerBalance(idOf('bob')), bobBefore, 'bob\'s balance is back');
});

test('no script errors or CSP violations in the console', () => {
	assert.deepEqual(consoleErrors, []);
});
