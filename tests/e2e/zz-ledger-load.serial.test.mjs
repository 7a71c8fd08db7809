// The ledger under load (issue 4, "Tests"; issue 15, 5): 8 parallel
// clients, 8 different logged-in members, each recording 1,000 exchanges
// through HTTP with the real form.  Some they pay for (they are the
// recipient: recorded at once), some they gave (they are the provider:
// the exchange waits for the recipient, docs/authorization.md rule 10).
// Meanwhile each client answers, concurrently with everyone's recording,
// what waits for its member: it confirms most, confirms some twice at
// once, disputes a few.  A share of the forms (5%) is deliberately sent
// twice at once with the same form key.  Afterwards, read as root: the
// counts are exact (one exchange or proposal per form key, one exchange
// per confirmed proposal, nothing left pending), the sum of all balances
// is 0, every balance equals the sum of its statement (the confirmed
// exchanges), and the load's members hold what the clients expect.
// Alongside, a coordinator (admin) records group exchanges among the same
// members through /exchanges/group (issue 17): one provider to 2..5
// recipients or the other way round, a share of the forms sent two or
// three times at once with the same key; each group is made once, all of
// its exchanges or none, and counts in the balances checked.
//
// Sizes come from the environment, the values by default:
//   WEFT_LEDGER_CLIENTS      8      clients (members) in parallel
//   WEFT_LEDGER_PER_CLIENT   1000   exchanges each client records
//   WEFT_LEDGER_CONCURRENCY  4      requests in flight per client
//   WEFT_LEDGER_DUP_SHARE    0.05   share of forms sent twice at once
//   WEFT_LEDGER_ASK_SHARE    0.4    share recorded by the provider
//   WEFT_LEDGER_GROUPS       100    group forms the coordinator sends
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
const ASK = Number(process.env.WEFT_LEDGER_ASK_SHARE || 0.4);
const GROUPS = Number(process.env.WEFT_LEDGER_GROUPS || 100);

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
// did not first GET the form is no different for the ledger).  ask: the
// client's member gave the service, so it waits for the other.
function plan(me, members, seed) {
	const r = rng(seed);
	const work = [];
	for (let i = 0; i < PER; i++) {
		let other;
		do
			other = members[Math.floor(r() * members.length)];
		while (other.id === me.id);
		const ask = r() < ASK;
		work.push({
			key: randomBytes(32).toString('hex'),
			provider: ask ? me : other,
			recipient: ask ? other : me,
			ask,
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

// The coordinator's group forms: a random one member, 2..5 others, the
// one the provider or the recipient, each form with its own key; a fifth
// sent more than once at once.
function groupPlan(members, seed) {
	const r = rng(seed);
	const work = [];
	for (let i = 0; i < GROUPS; i++) {
		const left = [...members];
		const one1 = left.splice(Math.floor(r() * left.length), 1)[0];
		const many = [];
		const n = Math.min(left.length, 2 + Math.floor(r() * 4));
		while (many.length < n)
			many.push(left.splice(Math.floor(r() * left.length), 1)[0]);
		work.push({
			key: randomBytes(32).toString('hex'), one: one1, many,
			shape: r() < 0.5 ? 'provider' : 'recipient',
			hundredths: 25 * (1 + Math.floor(r() * 8)),
			sends: r() < 0.2 ? 2 + Math.floor(r() * 2) : 1,
		});
	}
	return work;
}

// Sends the group forms, CONC at a time; every answer of a form names
// the same first exchange.
async function grouper(g, stats) {
	const today = dateIn(0);
	await pool(g.work, CONC, async (w) => {
		const form = {
			csrf: g.csrf, form_key: w.key, shape: w.shape, one: w.one.username,
			many: w.many.map((m) => m.username).join('\n'), hours: (w.hundredths / 100).toFixed(2),
			service_date: today, description: 'load group',
		};
		const res = await Promise.all(Array.from({ length: w.sends }, () => post('/exchanges/group', g.jar, form)));
		stats.requests += res.length;
		for (const x of res) {
			const m = x.status === 303 && x.location ? x.location.match(/^\/exchanges\/(\d+)$/) : null;
			if (!m) {
				stats.failures.push(`group ${w.key.slice(0, 8)}: ${x.status} ${x.location || ''}`);
				continue;
			}
			if (w.id !== undefined && w.id !== Number(m[1]))
				stats.failures.push(`group ${w.key.slice(0, 8)}: answers name #${w.id} and #${m[1]}`);
			w.id = Number(m[1]);
		}
	});
}

// Each group once: as many exchanges as members in the list, the form's
// key on the first (the one every answer named).
function checkGroups(groups, admin, ids) {
	assert.equal(Number(one(`SELECT COUNT(*) FROM exchanges WHERE recorded_by = ${admin}
	    AND description = 'load group' AND provider_id IN (${ids}) AND recipient_id IN (${ids})`)),
	    groups.reduce((s, w) => s + w.many.length, 0), 'every group once, whole');
	const byKey = new Map(rootSql(`SELECT form_key, id FROM exchanges WHERE recorded_by = ${admin}
	    AND description = 'load group'`).map(([k, id]) => [k, Number(id)]));
	assert.equal(groups.filter((w) => byKey.get(w.key) !== w.id).length, 0, 'each group\'s key names its first exchange');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Records the client's work; each proposal made goes to the queue of the
// client of its recipient.
async function recorder(c, clients, stats) {
	const today = dateIn(0);
	await pool(c.work, CONC, async (w) => {
		const form = {
			csrf: c.csrf, form_key: w.key, provider: w.provider.username,
			recipient: w.recipient.username, hours: (w.hundredths / 100).toFixed(2),
			service_date: today, description: `load ${c.me.username}`,
		};
		const sends = w.twice ? [post('/exchanges/new', c.jar, form), post('/exchanges/new', c.jar, form)] :
		    [post('/exchanges/new', c.jar, form)];
		const res = await Promise.all(sends);
		stats.requests += res.length;
		const want = w.ask ? /^\/exchanges\/pending\/(\d+)$/ : /^\/exchanges\/(\d+)$/;
		for (const r of res) {
			const m = r.status === 303 && r.location ? r.location.match(want) : null;
			if (!m) {
				stats.failures.push(`${c.me.username} ${w.key.slice(0, 8)}: ${r.status} ${r.location || ''}`);
				continue;
			}
			const id = Number(m[1]);
			if (w.id !== undefined && w.id !== id)
				stats.failures.push(`${w.key.slice(0, 8)}: answers name #${w.id} and #${id}`);
			w.id = id;
		}
		if (w.ask && w.id !== undefined)
			clients.get(w.recipient.id).queue.push(w);
	});
	c.recording = false;
}

// Answers what waits for the client's member, while everyone records:
// confirm (once, or twice at once), or dispute.
async function answerer(c, clients, stats) {
	const r = rng(c.seed + 7);
	const one1 = async (w) => {
		const roll = r();
		w.answer = roll < 0.1 ? 'dispute' : roll < 0.25 ? 'twice' : 'confirm';
		const path = `/exchanges/pending/${w.id}/${w.answer === 'dispute' ? 'dispute' : 'confirm'}`;
		const form = { csrf: c.csrf, ...(w.answer === 'dispute' ? { reason: 'load' } : {}) };
		const res = await Promise.all((w.answer === 'twice' ? [1, 2] : [1]).map(() => post(path, c.jar, form)));
		stats.requests += res.length;
		for (const x of res) {
			const m = x.status === 303 && x.location ? x.location.match(w.answer === 'dispute' ?
			    /^\/exchanges\/pending\/(\d+)$/ : /^\/exchanges\/(\d+)$/) : null;
			if (!m) {
				stats.failures.push(`${w.answer} #${w.id}: ${x.status} ${x.location || ''}`);
				continue;
			}
			if (w.answer !== 'dispute') {
				if (w.exchange !== undefined && w.exchange !== Number(m[1]))
					stats.failures.push(`#${w.id}: confirmed as #${w.exchange} and #${m[1]}`);
				w.exchange = Number(m[1]);
			}
		}
	};
	const inFlight = new Set();
	for (;;) {
		const w = c.queue.shift();
		if (w === undefined) {
			if ([...clients.values()].every((x) => !x.recording) && inFlight.size === 0)
				break;
			await (inFlight.size ? Promise.race(inFlight) : sleep(5));
			continue;
		}
		const p = one1(w).finally(() => inFlight.delete(p));
		inFlight.add(p);
		if (inFlight.size >= 2)
			await Promise.race(inFlight);
	}
}

// The checks of the ledger's invariants and of the counts, as root.
function checkLedger(all, ids) {
	const asks = all.filter((w) => w.ask);
	const pays = all.filter((w) => !w.ask);
	const confirmed = asks.filter((w) => w.answer !== 'dispute');
	// Every form once: an exchange for each payment, a proposal for each
	// one asked; confirmed proposals made one exchange each.
	assert.equal(Number(one(`SELECT COUNT(*) FROM exchange_proposals WHERE recorded_by IN (${ids})`)), asks.length);
	assert.equal(Number(one(`SELECT COUNT(*) FROM exchanges WHERE recorded_by IN (${ids})`)),
	    pays.length + confirmed.length);
	const statuses = Object.fromEntries(rootSql(`SELECT status, COUNT(*) FROM exchange_proposals
	    WHERE recorded_by IN (${ids}) GROUP BY status`).map(([s, n]) => [s, Number(n)]));
	assert.deepEqual(statuses, Object.fromEntries([['confirmed', confirmed.length],
	    ['disputed', asks.length - confirmed.length]].filter(([, n]) => n > 0)), 'nothing left pending');
	// No key twice; a key in both tables only as a proposal and its exchange.
	assert.equal(Number(one(`SELECT COUNT(*) FROM (SELECT form_key FROM exchanges
	    WHERE form_key IS NOT NULL GROUP BY form_key HAVING COUNT(*) > 1) d`)), 0);
	assert.equal(Number(one(`SELECT COUNT(*) FROM exchanges e JOIN exchange_proposals p
	    ON p.form_key = e.form_key WHERE NOT (p.status = 'confirmed' AND p.exchange_id = e.id)`)), 0);
	assert.equal(Number(one(`SELECT COUNT(*) FROM exchange_proposals p WHERE p.status = 'confirmed'
	    AND NOT EXISTS (SELECT 1 FROM exchanges e WHERE e.id = p.exchange_id AND e.form_key = p.form_key)`)), 0);
	// Each key names what its answers named.
	const xByKey = new Map(rootSql(`SELECT form_key, id FROM exchanges WHERE recorded_by IN (${ids})`)
	    .map(([k, id]) => [k, Number(id)]));
	const pByKey = new Map(rootSql(`SELECT form_key, id, COALESCE(exchange_id, 0) FROM exchange_proposals
	    WHERE recorded_by IN (${ids})`).map(([k, id, x]) => [k, [Number(id), Number(x)]]));
	let mismatched = 0;
	for (const w of pays)
		if (xByKey.get(w.key) !== w.id)
			mismatched++;
	for (const w of asks) {
		const [pid, xid] = pByKey.get(w.key) || [];
		if (pid !== w.id || (w.answer !== 'dispute' && (xid !== w.exchange || xByKey.get(w.key) !== xid)))
			mismatched++;
	}
	assert.equal(mismatched, 0, 'every answer named the row of its key');
	// The sum of all balances is 0; every balance is the sum of its
	// statement, the exchanges that moved hours.
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
}

test(`ledger under load: ${CLIENTS} clients x ${PER} exchanges, ${ASK * 100}% waiting for the recipient, ${DUP * 100}% sent twice`, { timeout: 30 * 60 * 1000 }, async (t) => {
	const oldMode = setting('credit_limit_mode', 'soft');
	try {
		const members = Array.from({ length: CLIENTS }, (_, i) => makeMember({ prefix: 'ld', community: 1 + (i % 2) }));
		const ids = members.map((m) => m.id).join(',');
		const clients = new Map();
		for (const [i, me] of members.entries()) {
			const jar = await as(me.username);
			const page = await get('/exchanges/new', jar);
			assert.equal(page.status, 200);
			const csrf = page.body.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
			clients.set(me.id, { me, jar, csrf, seed: 1000 + i, work: plan(me, members, 1000 + i),
			    queue: [], recording: true });
		}
		const adminJar = await as('admin');
		const gpage = await get('/exchanges/group', adminJar);
		assert.equal(gpage.status, 200);
		const grp = { jar: adminJar, csrf: gpage.body.match(/name="csrf" value="([0-9a-f]{64})"/)[1],
		    work: groupPlan(members, 77) };
		const stats = { requests: 0, failures: [] };
		const t0 = Date.now();
		await Promise.all([...[...clients.values()].flatMap((c) =>
		    [recorder(c, clients, stats), answerer(c, clients, stats)]), grouper(grp, stats)]);
		const secs = (Date.now() - t0) / 1000;
		t.diagnostic(`${stats.requests} POSTs (${CLIENTS * PER} exchanges) in ${secs.toFixed(1)} s: ` +
		    `${(stats.requests / secs).toFixed(0)} requests/s`);
		assert.deepEqual(stats.failures.slice(0, 20), [], `${stats.failures.length} requests failed`);

		const all = [...clients.values()].flatMap((c) => c.work);
		const count = (f) => all.filter(f).length;
		t.diagnostic(`${count((w) => w.twice)} forms sent twice at once; ${count((w) => w.ask)} waited for ` +
		    `the recipient: ${count((w) => w.answer === 'twice')} confirmed twice at once, ` +
		    `${count((w) => w.answer === 'dispute')} disputed`);
		assert.ok(count((w) => w.twice) > 0, 'some forms were sent twice');
		assert.ok(count((w) => w.answer === 'twice') > 0, 'some were confirmed twice at once');
		assert.ok(count((w) => w.answer === 'dispute') > 0, 'some were disputed');
		checkLedger(all, ids);
		t.diagnostic(`${grp.work.length} group forms (${grp.work.reduce((n, w) => n + w.many.length, 0)} ` +
		    `exchanges), ${grp.work.filter((w) => w.sends > 1).length} sent more than once at once`);
		assert.ok(grp.work.some((w) => w.sends > 1), 'some group forms were sent more than once');
		checkGroups(grp.work, Number(one("SELECT id FROM members WHERE username = 'admin'")), ids);

		// The load's members hold what the clients expect: what they paid
		// and what was confirmed, not what was disputed.
		const expect = new Map(members.map((m) => [m.id, 0]));
		for (const w of all) {
			if (w.ask && w.answer === 'dispute')
				continue;
			expect.set(w.provider.id, expect.get(w.provider.id) + w.hundredths);
			expect.set(w.recipient.id, expect.get(w.recipient.id) - w.hundredths);
		}
		for (const w of grp.work)
			for (const m of w.many) {
				const [p, r] = w.shape === 'provider' ? [w.one, m] : [m, w.one];
				expect.set(p.id, expect.get(p.id) + w.hundredths);
				expect.set(r.id, expect.get(r.id) - w.hundredths);
			}
		for (const [id, bal] of rootSql(`SELECT member_id, hundredths FROM balances WHERE member_id IN (${ids})`))
			assert.equal(Number(bal), expect.get(Number(id)), `member ${id}`);
		// And through the product: the statement CSV ends on the balance.
		const first = clients.get(members[0].id);
		const csv = await get('/exchanges/statement.csv', first.jar);
		const lines = csv.body.trim().split('\r\n');
		assert.equal(lines.length - 1, Number(one(`SELECT COUNT(*) FROM exchanges
		    WHERE provider_id = ${members[0].id} OR recipient_id = ${members[0].id}`)));
		assert.equal(Math.round(Number(lines.at(-1).split(',')[7]) * 100), expect.get(members[0].id));
	} finally {
		setting('credit_limit_mode', oldMode);
	}
});
