// The ledger under load (issue 4, "Tests"): 8 parallel clients, 8
// different logged-in members, each recording 1,000 exchanges through
// HTTP with the real form, a share of them (5%) deliberately submitted
// twice at once with the same form key.  Afterwards, read as root: the
// exchange count is exact, no form key was recorded twice, the sum of all
// balances is 0, and every balance equals the sum of its statement (and,
// for the load's members, the sum the clients themselves expect).
//
// Sizes come from the environment, the values by default:
//   WEFT_LEDGER_CLIENTS      8      clients (members) in parallel
//   WEFT_LEDGER_PER_CLIENT   1000   exchanges each client records
//   WEFT_LEDGER_CONCURRENCY  4      requests in flight per client
//   WEFT_LEDGER_DUP_SHARE    0.05   share of forms sent twice at once
// A serial test (runs alone, after the others): it loads the whole stack.

import test from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { get, post } from './lib.mjs';
import { as, dateIn, makeMember, one, rootSql, setting } from './exchanges-lib.mjs';

const CLIENTS = Number(process.env.WEFT_LEDGER_CLIENTS || 8);
const PER = Number(process.env.WEFT_LEDGER_PER_CLIENT || 1000);
const CONC = Number(process.env.WEFT_LEDGER_CONCURRENCY || 4);
const DUP = Number(process.env.WEFT_LEDGER_DUP_SHARE || 0.05);

// A deterministic generator, so a failing run can be replayed.
function rng(seed) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

// The client's work: PER exchanges with the other load members, in both
// directions, 0.25 to 2 hours, each with its own one-time key (64 hex,
// made here: the server takes any well-formed key once, so a client that
// did not first GET the form is no different for the ledger).
function plan(me, members, seed) {
	const r = rng(seed);
	const work = [];
	for (let i = 0; i < PER; i++) {
		let other;
		do
			other = members[Math.floor(r() * members.length)];
		while (other.id === me.id);
		const give = r() < 0.5;
		work.push({
			key: randomBytes(32).toString('hex'),
			provider: give ? me : other,
			recipient: give ? other : me,
			hundredths: 25 * (1 + Math.floor(r() * 8)),
			twice: r() < DUP,
		});
	}
	return work;
}

// Runs fn over items with at most n at once.
async function pool(items, n, fn) {
	let next = 0;
	const workers = Array.from({ length: Math.min(n, items.length) }, async () => {
		while (next < items.length) {
			const i = next++;
			await fn(items[i], i);
		}
	});
	await Promise.all(workers);
}

async function client(c, stats) {
	const page = await get('/exchanges/new', c.jar);
	assert.equal(page.status, 200);
	const csrf = page.body.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
	const today = dateIn(0);
	await pool(c.work, CONC, async (w) => {
		const form = {
			csrf, form_key: w.key, provider: w.provider.username,
			recipient: w.recipient.username, hours: (w.hundredths / 100).toFixed(2),
			service_date: today, description: `load ${c.me.username}`,
		};
		const sends = w.twice ? [post('/exchanges/new', c.jar, form), post('/exchanges/new', c.jar, form)] :
		    [post('/exchanges/new', c.jar, form)];
		const res = await Promise.all(sends);
		stats.requests += res.length;
		for (const r of res) {
			const m = r.status === 303 && r.location ? r.location.match(/^\/exchanges\/(\d+)$/) : null;
			if (!m) {
				stats.failures.push(`${c.me.username} ${w.key.slice(0, 8)}: ${r.status}`);
				continue;
			}
			const id = Number(m[1]);
			if (w.id !== undefined && w.id !== id)
				stats.failures.push(`${w.key.slice(0, 8)}: answers name #${w.id} and #${id}`);
			w.id = id;
		}
	});
}

test(`ledger under load: ${CLIENTS} clients x ${PER} exchanges, ${DUP * 100}% sent twice`, { timeout: 30 * 60 * 1000 }, async (t) => {
	const oldMode = setting('credit_limit_mode', 'soft');
	try {
		const members = Array.from({ length: CLIENTS }, (_, i) => makeMember({ prefix: 'ld', community: 1 + (i % 2) }));
		const ids = members.map((m) => m.id).join(',');
		const clients = [];
		for (const [i, me] of members.entries())
			clients.push({ me, jar: await as(me.username), work: plan(me, members, 1000 + i) });
		const before = Number(one('SELECT COUNT(*) FROM exchanges'));
		const stats = { requests: 0, failures: [] };
		const t0 = Date.now();
		await Promise.all(clients.map((c) => client(c, stats)));
		const secs = (Date.now() - t0) / 1000;
		t.diagnostic(`${stats.requests} POSTs (${CLIENTS * PER} exchanges) in ${secs.toFixed(1)} s: ` +
		    `${(stats.requests / secs).toFixed(0)} requests/s`);
		assert.deepEqual(stats.failures.slice(0, 20), [], `${stats.failures.length} requests failed`);

		// The count is exact: every form once, no more.
		const all = clients.flatMap((c) => c.work);
		const twice = all.filter((w) => w.twice).length;
		t.diagnostic(`${twice} forms were sent twice at once`);
		assert.ok(twice > 0, 'some forms were sent twice');
		assert.equal(Number(one('SELECT COUNT(*) FROM exchanges')) - before, CLIENTS * PER);
		assert.equal(Number(one(`SELECT COUNT(*) FROM exchanges WHERE recorded_by IN (${ids})`)), CLIENTS * PER);
		// No key twice, and each key names the exchange its answers named.
		assert.equal(Number(one(`SELECT COUNT(*) FROM (SELECT form_key FROM exchanges
		    WHERE form_key IS NOT NULL GROUP BY form_key HAVING COUNT(*) > 1) d`)), 0);
		const byKey = new Map(rootSql(`SELECT form_key, id FROM exchanges WHERE recorded_by IN (${ids})`)
		    .map(([k, id]) => [k, Number(id)]));
		assert.equal(byKey.size, CLIENTS * PER);
		let mismatched = 0;
		for (const w of all)
			if (byKey.get(w.key) !== w.id)
				mismatched++;
		assert.equal(mismatched, 0, 'every answer named the exchange of its key');

		// The sum of all balances is 0; every balance is the sum of its
		// statement; the load's members hold what the clients expect.
		assert.equal(Number(one('SELECT COALESCE(SUM(hundredths), 0) FROM balances')), 0);
		const wrong = rootSql(`SELECT b.member_id, b.hundredths, s.total FROM balances b
		    JOIN (SELECT m, SUM(h) AS total FROM (
			SELECT provider_id AS m, hundredths AS h FROM exchanges
			UNION ALL SELECT recipient_id, -hundredths FROM exchanges) u GROUP BY m) s
		    ON s.m = b.member_id WHERE b.hundredths <> s.total`);
		assert.deepEqual(wrong, [], 'balances that differ from their statements');
		assert.equal(Number(one(`SELECT COUNT(*) FROM (SELECT provider_id AS m FROM exchanges
		    UNION SELECT recipient_id FROM exchanges) p
		    WHERE NOT EXISTS (SELECT 1 FROM balances b WHERE b.member_id = p.m)`)), 0,
		    'every member with an exchange has a balance');
		const expect = new Map(members.map((m) => [m.id, 0]));
		for (const w of all) {
			expect.set(w.provider.id, expect.get(w.provider.id) + w.hundredths);
			expect.set(w.recipient.id, expect.get(w.recipient.id) - w.hundredths);
		}
		for (const [id, bal] of rootSql(`SELECT member_id, hundredths FROM balances WHERE member_id IN (${ids})`))
			assert.equal(Number(bal), expect.get(Number(id)), `member ${id}`);
		// And through the product: the statement CSV ends on the balance.
		const csv = await get('/exchanges/statement.csv', clients[0].jar);
		const lines = csv.body.trim().split('\r\n');
		assert.equal(lines.length - 1, Number(one(`SELECT COUNT(*) FROM exchanges
		    WHERE provider_id = ${members[0].id} OR recipient_id = ${members[0].id}`)));
		assert.equal(Math.round(Number(lines.at(-1).split(',')[7]) * 100), expect.get(members[0].id));
	} finally {
		setting('credit_limit_mode', oldMode);
	}
});
