// What each subscription owes, kept as stored data (sql/039_payments_due.sql;
// docs/payments.md, "The due list"): pay_dues and its totals pay_due_days
// stay equal to the charges minus the payments, whatever writes them
// (generate, delete, a partial and a final payment over HTTP; rows written
// by SQL), and the due list's figures (its caption, its totals, its pages,
// its CSV) agree with each other and with the same figures computed from
// the base tables.  Every test works on a subscription type of its own, so
// that other tests' members change none of its figures.
import test from 'node:test';
import assert from 'node:assert/strict';
import { formFor, formValues, get, login, post, sql, text } from './lib.mjs';
import { dateIn, makeMember, q } from './exchanges-lib.mjs';
import { charges, generate, payForm } from './payments-lib.mjs';

const tag = () => `po${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

function freshType(minor = 2400) {
	const name = `Owed ${tag()}`;
	sql(`INSERT INTO subscription_types (name, kind, period_n, period_unit, minor, currency)
	    VALUES (${q(name)}, 'individual', 1, 'year', ${minor}, 'EUR')`);
	return Number(sql(`SELECT id FROM subscription_types WHERE name = ${q(name)}`)[0][0]);
}

// The rows pay_dues should hold, from the base tables (the definition: a
// listed subscription's charge of its renewal date, minus its payments).
const EXPECTED = `SELECT s.member_id, s.renewal_date, COALESCE(m.community_id, 0) AS community_id,
    s.type_id, s.preference, c.id IS NOT NULL AS charged,
    COALESCE(c.minor - (SELECT COALESCE(SUM(p.minor), 0) FROM payments p WHERE p.charge_id = c.id), 0) AS charge_left
    FROM subscriptions s JOIN members m ON m.id = s.member_id
    LEFT JOIN charges c ON c.member_id = s.member_id AND c.period_start = s.renewal_date
    WHERE s.active = 1 AND s.head_id IS NULL AND s.preference <> 'waived'`;

// Every stored row and every total against the base tables, each in one
// statement (one snapshot, whatever other tests write meanwhile): the
// count of rows that differ, both ways.
function assertAllStored(what) {
	const [[missing]] = sql(`SELECT COUNT(*) FROM (${EXPECTED}) e LEFT JOIN pay_dues d ON d.member_id = e.member_id
	    WHERE NOT (d.renewal_date <=> e.renewal_date AND d.community_id <=> e.community_id AND d.type_id <=> e.type_id
	    AND d.preference <=> e.preference AND d.charged <=> e.charged AND d.charge_left <=> e.charge_left)`);
	assert.equal(missing, '0', `${what}: every listed subscription's stored row equals charges minus payments`);
	const [[extra]] = sql(`SELECT COUNT(*) FROM pay_dues d LEFT JOIN (${EXPECTED}) e ON e.member_id = d.member_id
	    WHERE e.member_id IS NULL`);
	assert.equal(extra, '0', `${what}: no stored row without its subscription`);
	const [[sums]] = sql(`SELECT COUNT(*) FROM (SELECT x.n, x.n_charged, x.charge_left, g.n AS gn, g.c AS gc, g.l AS gl
	    FROM pay_due_days x LEFT JOIN (SELECT renewal_date, community_id, type_id, preference, COUNT(*) AS n,
	    SUM(charged) AS c, SUM(charge_left) AS l FROM pay_dues GROUP BY 1, 2, 3, 4) g
	    ON g.renewal_date = x.renewal_date AND g.community_id = x.community_id AND g.type_id = x.type_id
	    AND g.preference = x.preference
	    UNION ALL SELECT NULL, NULL, NULL, g.n, 0, 0 FROM (SELECT renewal_date, community_id, type_id, preference,
	    COUNT(*) AS n FROM pay_dues GROUP BY 1, 2, 3, 4) g LEFT JOIN pay_due_days x
	    ON g.renewal_date = x.renewal_date AND g.community_id = x.community_id AND g.type_id = x.type_id
	    AND g.preference = x.preference WHERE x.n IS NULL) z
	    WHERE NOT (z.n <=> z.gn AND z.n_charged <=> z.gc AND z.charge_left <=> z.gl)`);
	assert.equal(sums, '0', `${what}: the totals per day are the stored rows added up`);
	const month = "renewal_date - INTERVAL (DAY(renewal_date) - 1) DAY";
	const [[months]] = sql(`SELECT COUNT(*) FROM (SELECT x.n, x.n_charged, x.charge_left, g.n AS gn, g.c AS gc, g.l AS gl
	    FROM pay_due_months x LEFT JOIN (SELECT ${month} AS month, community_id, type_id, preference, COUNT(*) AS n,
	    SUM(charged) AS c, SUM(charge_left) AS l FROM pay_dues GROUP BY 1, 2, 3, 4) g
	    ON g.month = x.month AND g.community_id = x.community_id AND g.type_id = x.type_id
	    AND g.preference = x.preference
	    UNION ALL SELECT NULL, NULL, NULL, g.n, 0, 0 FROM (SELECT ${month} AS month, community_id, type_id, preference,
	    COUNT(*) AS n FROM pay_dues GROUP BY 1, 2, 3, 4) g LEFT JOIN pay_due_months x
	    ON g.month = x.month AND g.community_id = x.community_id AND g.type_id = x.type_id
	    AND g.preference = x.preference WHERE x.n IS NULL) z
	    WHERE NOT (z.n <=> z.gn AND z.n_charged <=> z.gc AND z.charge_left <=> z.gl)`);
	assert.equal(months, '0', `${what}: the totals per month are the stored rows added up`);
}

// One member's stored row: [charged, left, renewal date] or null.
function stored(id) {
	const r = sql(`SELECT charged, charge_left, renewal_date FROM pay_dues WHERE member_id = ${Number(id)}`);
	return r.length ? r[0] : null;
}

// The due list's row of member id as the page shows it (its owed cell).
async function owedCell(jar, type, id) {
	const r = await get(`/payments?status=open&type=${type}`, jar);
	assert.equal(r.status, 200);
	const m = r.body.match(new RegExp(`<tr data-member="${id}"[^>]*>(.*?)</tr>`));
	return m ? text(m[1].split('<td>').pop()) : null;
}

test('the stored amount owed stays the charges minus the payments: generate, delete, partial and final payment', async () => {
	const pay = await login('payment');
	const type = freshType(2400);
	const m = makeMember({ prefix: 'po', community: 1 });
	sql(`INSERT INTO subscriptions (member_id, type_id, active, renewal_date, preference)
	    VALUES (${m.id}, ${type}, 1, ${q(dateIn(5))}, 'cash')`);
	assert.deepEqual(stored(m.id), ['0', '0', dateIn(5)], 'not charged yet');
	assert.match(await owedCell(pay, type, m.id), /^24\.00 EUR \(not charged yet\)$/);
	assertAllStored('subscribed');

	assert.equal((await generate(pay, m.id)).status, 303);
	assert.deepEqual(stored(m.id), ['1', '2400', dateIn(5)], 'charged: the whole charge is left');
	assertAllStored('generated');

	// Deleted while unpaid: back to the type's amount, not charged.
	const [[cid]] = charges(m.id);
	const page = await get(`/payments/members/${m.id}`, pay);
	const del = formFor(page.body, `/payments/members/${m.id}/charges/${cid}/delete`);
	assert.ok(del, 'the page offers to delete the unpaid charge');
	assert.equal((await post(`/payments/members/${m.id}/charges/${cid}/delete`, pay, formValues(del))).status, 303);
	assert.deepEqual(stored(m.id), ['0', '0', dateIn(5)], 'the charge deleted');
	assertAllStored('deleted');

	assert.equal((await generate(pay, m.id)).status, 303);
	let [action, v] = await payForm(pay, m.id);
	assert.equal((await post(action, pay, { ...v, amount: '10.50', method: 'cash' })).status, 303);
	assert.deepEqual(stored(m.id), ['1', '1350', dateIn(5)], 'a partial payment: the rest left');
	assert.equal(await owedCell(pay, type, m.id), '13.50 EUR');
	assertAllStored('partly paid');

	// A refused payment (more than what is left) changes nothing.
	[action, v] = await payForm(pay, m.id);
	assert.equal((await post(action, pay, { ...v, amount: '20', method: 'cash' })).status, 422);
	assert.deepEqual(stored(m.id), ['1', '1350', dateIn(5)], 'refused: nothing moved');

	assert.equal((await post(action, pay, { ...v, amount: '13.50', method: 'cheque' })).status, 303);
	const renewal = sql(`SELECT renewal_date FROM subscriptions WHERE member_id = ${m.id}`)[0][0];
	assert.notEqual(renewal, dateIn(5), 'the final payment moved the renewal date');
	assert.deepEqual(stored(m.id), ['0', '0', renewal], 'paid whole: the next period, not charged yet');
	assert.equal(await owedCell(pay, type, m.id), null, 'current: off the due list');
	assertAllStored('paid whole');

	// Other writers: switched off, waived, moved to another community.
	sql(`UPDATE subscriptions SET renewal_date = ${q(dateIn(-3))} WHERE member_id = ${m.id}`);
	assert.deepEqual(stored(m.id), ['0', '0', dateIn(-3)]);
	sql(`UPDATE members SET community_id = 2 WHERE id = ${m.id}`);
	assert.equal(sql(`SELECT community_id FROM pay_dues WHERE member_id = ${m.id}`)[0][0], '2', 'the member moved');
	sql(`UPDATE subscriptions SET preference = 'waived' WHERE member_id = ${m.id}`);
	assert.equal(stored(m.id), null, 'waived: off the list');
	sql(`UPDATE subscriptions SET preference = 'cash', active = 0 WHERE member_id = ${m.id}`);
	assert.equal(stored(m.id), null, 'inactive: off the list');
	assertAllStored('other writers');
});

// Member i's renewal date (days from today), preference and community:
// every status, three preferences, two communities and none (by the
// member's number: i / 3 modulo 3).
const DAYS = [-70, -40, -31, -30, -10, -1, 0, 5, 14, 15, 60];
const PREFS = ['cash', 'cheque', 'transfer'];
const N = 290;	// of which 9 in 11 on the list: more than a page

// The figures of a filter computed from the base tables: [count, owed].
function oracle(type, { lo, hi, pref = '', community = 0 }) {
	const [[n, owed]] = sql(`SELECT COUNT(*), COALESCE(SUM(COALESCE(c.minor - (SELECT COALESCE(SUM(p.minor), 0)
	    FROM payments p WHERE p.charge_id = c.id), t.minor)), 0)
	    FROM subscriptions s JOIN members m ON m.id = s.member_id JOIN subscription_types t ON t.id = s.type_id
	    LEFT JOIN charges c ON c.member_id = s.member_id AND c.period_start = s.renewal_date
	    WHERE s.type_id = ${type} AND s.active = 1 AND s.head_id IS NULL AND s.preference <> 'waived'
	    AND s.renewal_date BETWEEN UTC_DATE() + INTERVAL ${lo} DAY AND UTC_DATE() + INTERVAL ${hi} DAY
	    AND (${q(pref)} = '' OR s.preference = ${q(pref)}) AND (${community} = 0 OR m.community_id = ${community})`);
	return [Number(n), Number(owed)];
}

// The page's caption count and total, the CSV's rows and their sum.
async function figures(jar, query) {
	const r = await get(`/payments?${query}`, jar);
	assert.equal(r.status, 200, query);
	const cap = text(r.body).match(/(\d+) subscriptions? to collect/);
	const foot = r.body.match(/<tfoot>([\s\S]*?)<\/tfoot>/);
	const total = foot ? Math.round(Number(text(foot[1]).match(/([\d.]+) EUR/)[1]) * 100) : 0;
	const csv = (await get(`/payments/due.csv?${query}`, jar)).body.trim().split('\r\n').slice(1);
	const owed = csv.reduce((s, l) => s + Math.round(Number(l.split(',').at(-2).replace(/"/g, '')) * 100), 0);
	return { count: Number(cap[1]), total, csvRows: csv.length, csvOwed: owed, csv, body: r.body };
}

test('the due list\'s figures agree: caption, totals, CSV, pages, and the base tables', async () => {
	const pay = await login('payment');
	const type = freshType(1000);
	const t = tag();
	sql(`INSERT INTO members (username, email, name, password_hash, status, community_id, is_organisation, angel_mode, about, approved_at)
	    SELECT CONCAT(${q(t)}, s.seq), CONCAT(${q(t)}, s.seq, '@example.org'), CONCAT('Owed ', ${q(t)}, ' ', s.seq),
	    a.password_hash, 'approved', ELT(1 + (s.seq DIV 3) % 3, NULL, 1, 2), 0, 0, '', UTC_TIMESTAMP()
	    FROM seq_0_to_${N - 1} s JOIN members a ON a.username = 'alice'`);
	const ids = sql(`SELECT id FROM members WHERE username LIKE ${q(`${t}%`)} ORDER BY id`).map((r) => Number(r[0]));
	assert.equal(ids.length, N);
	sql(`INSERT INTO subscriptions (member_id, type_id, active, renewal_date, preference) VALUES
	    ${ids.map((id, i) => `(${id}, ${type}, 1, ${q(dateIn(DAYS[i % DAYS.length]))}, ${q(PREFS[i % 3])})`).join(', ')}`);
	try {
		// Every fourth charged, every eighth of those partly paid (4.00).
		const payer = Number(sql("SELECT id FROM members WHERE username = 'payment'")[0][0]);
		sql(`INSERT INTO charges (member_id, type_id, period_start, period_end, minor, currency, created_by)
		    SELECT member_id, type_id, renewal_date, renewal_date + INTERVAL 1 YEAR, 1000, 'EUR', ${payer}
		    FROM subscriptions WHERE type_id = ${type} AND member_id % 4 = 0`);
		sql(`INSERT INTO payments (charge_id, member_id, minor, currency, paid_on, method, form_key, recorded_by, recorded_as)
		    SELECT id, member_id, 400, 'EUR', UTC_DATE(), 'cash', LOWER(HEX(RANDOM_BYTES(32))), ${payer}, ${payer}
		    FROM charges WHERE type_id = ${type} AND member_id % 8 = 0`);
		assertAllStored('loaded by SQL');
		const st = { open: [-300000, 14], due: [0, 14], overdue: [-30, -1], lapsed: [-300000, -31] };
		for (const [status, [lo, hi]] of Object.entries(st)) {
			for (const extra of [{}, { pref: 'cheque' }, { community: 1 }, { pref: 'cash', community: 2 }]) {
				let query = `status=${status}&type=${type}`;
				if (extra.pref)
					query += `&preference=${extra.pref}`;
				if (extra.community)
					query += `&community=${extra.community}`;
				const f = await figures(pay, query);
				const [n, owed] = oracle(type, { lo, hi, ...extra });
				assert.ok(n > 0, `${query}: the data has rows for it`);
				assert.equal(f.count, n, `${query}: the caption counts every row`);
				assert.equal(f.total, owed, `${query}: the total is every row's`);
				assert.equal(f.csvRows, n, `${query}: the CSV has every row`);
				assert.equal(f.csvOwed, owed, `${query}: the CSV's amounts add up to the total`);
			}
		}
		// The pages: 200 rows, then the rest after the cursor, in the CSV's
		// order, each row once.
		const all = await figures(pay, `status=open&type=${type}`);
		assert.ok(all.count > 200, 'more than a page');
		const seen = [];
		let href = `/payments?status=open&type=${type}`;
		for (let k = 0; href && k < 5; k++) {
			const r = await get(href, pay);
			seen.push(...[...r.body.matchAll(/<tr data-member="(\d+)"/g)].map((x) => x[1]));
			const next = r.body.match(/<a href="([^"]+)" rel="next">/);
			href = next ? next[1].replace(/&amp;/g, '&') : null;
			if (k > 0)
				assert.match(r.body, /First rows/, 'a later page links back to the first');
		}
		assert.deepEqual(seen, all.csv.map((l) => l.split(',')[0]), 'the pages are the CSV\'s rows, in order');
		// A refused cursor is the first page.
		const bad = await get(`/payments?status=open&type=${type}&after=nonsense_12`, pay);
		assert.equal(bad.status, 200);
		assert.equal([...bad.body.matchAll(/<tr data-member="(\d+)"/g)][0][1], seen[0]);
		// A community-scoped coordinator: their community's rows only, the
		// same figures as the site-wide one's community filter.
		const north = await login('northpay');
		const nf = await figures(north, `status=open&type=${type}`);
		const [n1, o1] = oracle(type, { lo: -300000, hi: 14, community: 1 });
		assert.equal(nf.count, n1, 'in scope: community 1 only');
		assert.equal(nf.total, o1);
		assert.equal(nf.csvRows, n1);
		// Refused twin: a community out of their scope shows nothing.
		const out = await figures(north, `status=open&type=${type}&community=2`);
		assert.equal(out.count, 0, 'out of scope: no rows');
		assert.equal(out.csvRows, 0);
	} finally {
		sql(`UPDATE subscriptions SET active = 0 WHERE type_id = ${type}`);
	}
	assertAllStored('switched off');
});

test('writers at once: concurrent charges, payments and a change of the subscription leave the stored amounts right', async () => {
	const pay = await login('payment');
	const type = freshType(2400);
	const ms = [0, 1, 2].map(() => makeMember({ prefix: 'pc', community: 2 }));
	for (const m of ms)
		sql(`INSERT INTO subscriptions (member_id, type_id, active, renewal_date, preference)
		    VALUES (${m.id}, ${type}, 1, ${q(dateIn(-2))}, 'cash')`);
	// Six "generate" per member, all at once: one charge each.
	const gen = await Promise.all(ms.map(async (m) => {
		const page = await get(`/payments/members/${m.id}`, pay);
		const v = formValues(formFor(page.body, `/payments/members/${m.id}/charges`));
		return Promise.all(Array.from({ length: 6 }, () => post(`/payments/members/${m.id}/charges`, pay, v)));
	}));
	for (const r of gen.flat())
		assert.equal(r.status, 303);
	assertAllStored('generated at once');
	// Four payments of 6.00 per member, each with its own form key, and
	// the subscription's preference changed meanwhile: the last payment
	// completes the charge and moves the renewal date.
	const forms = [];
	for (const m of ms)
		for (let k = 0; k < 4; k++)
			forms.push([m, ...(await payForm(pay, m.id))]);
	const rs = await Promise.all([
		...forms.map(([, action, v]) => post(action, pay, { ...v, amount: '6.00', method: 'cash' })),
		// While the payments are in the server's hands (sql() blocks
		// this process, not the server).
		...ms.map((m, k) => new Promise((res) => setTimeout(() =>
			res(sql(`UPDATE subscriptions SET preference = 'cheque' WHERE member_id = ${m.id}`)), 2 + 3 * k))),
	]);
	for (const r of rs.slice(0, forms.length))
		assert.ok([303, 409].includes(r.status), `each payment recorded or answered 409 (${r.status})`);
	assertAllStored('paid at once');
	for (const m of ms) {
		const [[paid]] = sql(`SELECT COALESCE(SUM(minor), 0) FROM payments WHERE member_id = ${m.id}`);
		const row = stored(m.id);
		if (Number(paid) === 2400)
			assert.deepEqual(row.slice(0, 2), ['0', '0'], 'paid whole: the next period, not charged');
		else
			assert.deepEqual(row.slice(0, 2), ['1', String(2400 - Number(paid))], 'what is left');
	}
	sql(`UPDATE subscriptions SET active = 0 WHERE type_id = ${type}`);
});
