// The grand totals of the payments lists (docs/payments.md, "Pages"): the
// due list and the payments received show the first 200 rows, and their
// totals are of every row the filters match, not only of the page's.
// Both lists are given more rows than a page, of a type (and a period)
// of their own so that nothing else matches; the due list's are switched
// off afterwards, so that they fill no later test's page (nor a batch of
// reminders).
import test from 'node:test';
import assert from 'node:assert/strict';
import { get, login, sql, text } from './lib.mjs';
import { q } from './exchanges-lib.mjs';

const N = 205;	// more than a page (200)

// N throwaway members subscribed to a fresh type of 10.00 EUR, renewing
// in `days` days; the type and their ids, in order.
function subscribeMany(days) {
	const tag = `pt${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
	sql(`INSERT INTO subscription_types (name, kind, period_n, period_unit, minor, currency)
	    VALUES (${q(`Totals ${tag}`)}, 'individual', 1, 'year', 1000, 'EUR')`);
	const type = Number(sql(`SELECT id FROM subscription_types WHERE name = ${q(`Totals ${tag}`)}`)[0][0]);
	sql(`INSERT INTO members (username, email, name, password_hash, status, is_organisation, angel_mode, about, approved_at)
	    SELECT CONCAT(${q(tag)}, s.seq), CONCAT(${q(tag)}, s.seq, '@example.org'), CONCAT('Totals ', ${q(tag)}, ' ', s.seq),
	    a.password_hash, 'approved', 0, 0, '', UTC_TIMESTAMP()
	    FROM seq_1_to_${N} s JOIN members a ON a.username = 'alice'`);
	const ids = sql(`SELECT id FROM members WHERE username LIKE ${q(`${tag}%`)} ORDER BY id`).map((r) => Number(r[0]));
	assert.equal(ids.length, N);
	sql(`INSERT INTO subscriptions (member_id, type_id, active, renewal_date, preference)
	    SELECT id, ${type}, 1, UTC_DATE() + INTERVAL ${Number(days)} DAY, 'cheque' FROM members WHERE username LIKE ${q(`${tag}%`)}`);
	return { type, ids };
}

const rows = (body) => (body.match(/<tr data-member="\d+"/g) || []).length;

test('the due list\'s total is of every row the filters match, not only of the page shown', async () => {
	const pay = await login('payment');
	const { type, ids } = subscribeMany(-3);
	try {
		await dueTotals(pay, type, ids);
	} finally {
		sql(`UPDATE subscriptions SET active = 0 WHERE type_id = ${type}`);
	}
});

async function dueTotals(pay, type, ids) {
	// One of them is charged and has paid 4.00 of it: 6.00 left.
	const payer = Number(sql("SELECT id FROM members WHERE username = 'payment'")[0][0]);
	sql(`INSERT INTO charges (member_id, type_id, period_start, period_end, minor, currency, created_by)
	    VALUES (${ids[0]}, ${type}, UTC_DATE() - INTERVAL 3 DAY, UTC_DATE() - INTERVAL 3 DAY + INTERVAL 1 YEAR, 1000, 'EUR', ${payer})`);
	sql(`INSERT INTO payments (charge_id, member_id, minor, currency, paid_on, method, form_key, recorded_by, recorded_as)
	    SELECT id, member_id, 400, 'EUR', UTC_DATE(), 'cheque', LOWER(HEX(RANDOM_BYTES(32))), ${payer}, ${payer}
	    FROM charges WHERE member_id = ${ids[0]}`);
	const r = await get(`/payments?status=overdue&type=${type}`, pay);
	assert.equal(r.status, 200);
	assert.equal(rows(r.body), 200, 'a page of 200 rows');
	const t = text(r.body);
	assert.match(t, /Only the first rows are shown/);
	assert.match(t, new RegExp(`${N} subscriptions to collect`), 'the caption counts every row');
	const foot = r.body.match(/<tfoot>([\s\S]*?)<\/tfoot>/);
	assert.ok(foot, 'a total');
	assert.match(text(foot[1]), new RegExp(`Total of all ${N} subscriptions\\s*${(N - 1) * 10 + 6}\\.00 EUR`),
	    'every row: 204 × 10.00 + 6.00');
	// The same filters: by preference, none of them match.
	const none = await get(`/payments?status=overdue&type=${type}&preference=cash`, pay);
	assert.equal(rows(none.body), 0);
	assert.doesNotMatch(none.body, /<tfoot>/, 'no total without rows');
	assert.match(text(none.body), /No subscription matches/);
	// The CSV has them all.
	const csv = await get(`/payments/due.csv?status=overdue&type=${type}`, pay);
	assert.equal(csv.body.trim().split('\r\n').length, N + 1);
}

test('the payments received: totals by method and of all methods are of every payment of the period, not only of the page', async () => {
	const pay = await login('payment');
	// Current (a year away): on no due list.
	const { type, ids } = subscribeMany(300);
	const payer = Number(sql("SELECT id FROM members WHERE username = 'payment'")[0][0]);
	// A period of their own: January 2001, 205 payments of 10.00, every
	// third by cash, the rest by cheque.
	sql(`INSERT INTO charges (member_id, type_id, period_start, period_end, minor, currency, created_by)
	    SELECT member_id, ${type}, '2001-01-01', '2002-01-01', 1000, 'EUR', ${payer}
	    FROM subscriptions WHERE type_id = ${type}`);
	sql(`INSERT INTO payments (charge_id, member_id, minor, currency, paid_on, method, form_key, recorded_by, recorded_as)
	    SELECT c.id, c.member_id, 1000, 'EUR', '2001-01-15', IF(c.member_id % 3 = 0, 'cash', 'cheque'),
	    LOWER(HEX(RANDOM_BYTES(32))), ${payer}, ${payer} FROM charges c WHERE c.type_id = ${type}`);
	const cash = ids.filter((id) => id % 3 === 0).length;
	assert.equal(Number(sql("SELECT COUNT(*) FROM payments WHERE paid_on BETWEEN '2001-01-01' AND '2001-01-31'")[0][0]), N,
	    'nothing else in that month');
	const r = await get('/payments/received?from=2001-01-01&to=2001-01-31', pay);
	assert.equal(r.status, 200);
	const table = r.body.match(/<table class="received">([\s\S]*?)<\/table>/)[1];
	assert.equal((table.match(/<tr><td>/g) || []).length, 200, 'a page of 200 payments');
	assert.match(text(r.body), /Only the first rows are shown/);
	const totals = text(r.body.match(/<table class="totals">([\s\S]*?)<\/table>/)[1]);
	assert.match(totals, new RegExp(`cash\\s*${cash}\\s*${cash * 10}\\.00 EUR`));
	assert.match(totals, new RegExp(`cheque\\s*${N - cash}\\s*${(N - cash) * 10}\\.00 EUR`));
	assert.match(totals, new RegExp(`All methods\\s*${N}\\s*${N * 10}\\.00 EUR`), 'the grand total');
	// A method filter: its rows, and the grand total of those.
	const c = await get('/payments/received?from=2001-01-01&to=2001-01-31&method=cash', pay);
	assert.match(text(c.body.match(/<table class="totals">([\s\S]*?)<\/table>/)[1]),
	    new RegExp(`All methods\\s*${cash}\\s*${cash * 10}\\.00 EUR`));
	assert.match(c.body, /href="\/payments\/received\.csv\?from=2001-01-01&amp;to=2001-01-31&amp;method=cash"/,
	    'the CSV link keeps the filters');
	const csv = await get('/payments/received.csv?from=2001-01-01&to=2001-01-31', pay);
	assert.equal(csv.body.trim().split('\r\n').length, N + 1);
});
