// The coordinators' reports (issue 17): every figure agrees with the list
// it summarises (the exchanges list's hours of a month against the
// report's rows; ads posted against the ads), the CSV is the page's
// table, the timebank's own account is left out, a reversal takes its
// exchange out again, and a community coordinator's figures cover their
// community only (docs/authorization.md rule 2).

import test from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { BareKeys, as, get, getCsrf, mainText, memberId, post, sql, text } from './lib.mjs';

const keys = new BareKeys();
const TAG = `rp${process.pid % 100000}`;

function mkMember(suffix, community) {
	const u = `${TAG}_${suffix}`;
	sql(`INSERT INTO members (username, email, name, password_hash, status,
	    lang, community_id, about, approved_at)
	    SELECT '${u}', '${u}@example.org', 'Report ${suffix}', password_hash,
	    'approved', 'en', ${community === null ? 'NULL' : community}, '', UTC_TIMESTAMP()
	    FROM members WHERE username = 'alice'`);
	return { u, id: memberId(u) };
}

// Five months back, well inside the oldest service date allowed, where
// the demo and the other tests record little.
function monthBack(n) {
	const d = new Date();
	d.setUTCDate(1);
	d.setUTCMonth(d.getUTCMonth() - n);
	return d.toISOString().slice(0, 7);
}
const MONTH = monthBack(5);
const DAY = `${MONTH}-14`;
const LAST = new Date(Date.UTC(Number(MONTH.slice(0, 4)), Number(MONTH.slice(5, 7)), 0)).toISOString().slice(0, 10);
const CATEGORY = 'Transport and errands';
const categoryId = () => Number(sql(`SELECT id FROM categories WHERE name = '${CATEGORY}'`)[0][0]);

function mkAd(owner) {
	return Number(sql(`INSERT INTO ads (member_id, kind, title, description, category_id,
	    expires_on, created_by, created_as) VALUES (${owner}, 'offer', 'Lifts ${TAG}', 'Lifts',
	    ${categoryId()}, UTC_DATE() + INTERVAL 30 DAY, ${owner}, ${owner}); SELECT LAST_INSERT_ID()`)[0][0]);
}

async function record(jar, provider, recipient, hours, ad) {
	const csrf = getCsrf((await get('/exchanges/new', jar)).body);
	const r = await post('/exchanges/new', jar, {
		csrf, provider, recipient, hours, service_date: DAY, description: `report ${TAG}`,
		ad: String(ad), form_key: randomBytes(32).toString('hex'),
	});
	assert.equal(r.status, 303, mainText(r.body).slice(0, 300));
	return Number(r.location.match(/\/exchanges\/(\d+)/)[1]);
}

// A CSV body as rows of fields (no quoted commas in these reports but
// names, which the parser keeps).
function csvRows(body) {
	const rows = [];
	for (const line of body.split('\r\n').filter(Boolean)) {
		const out = [];
		let cur = '', q = false;
		for (let i = 0; i < line.length; i++) {
			const ch = line[i];
			if (q && ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') q = !q;
			else if (ch === ',' && !q) { out.push(cur); cur = ''; } else cur += ch;
		}
		out.push(cur);
		rows.push(out);
	}
	return rows;
}

// The page's table as rows of cell texts.
function tableRows(html) {
	const t = html.match(/<table class="figures" id="report-table"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/);
	assert.ok(t, 'the report has its table');
	return [...t[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
	    [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1]).trim()));
}

const hoursOf = (rows, month, cat) => rows.filter((r) => r[0] === month && (cat === undefined || r[1] === cat))
    .reduce((s, r) => s + Math.round(Number(r[2]) * 100), 0);

async function report(key, jar, query = '') {
	const page = await get(`/exchanges/reports/${key}${query}`, jar);
	assert.equal(page.status, 200, key);
	keys.check(page.body, `report ${key}`);
	assert.match(page.body, /<svg[^>]*role="img"/, 'an inline SVG chart');
	const csv = await get(`/exchanges/reports/${key}/export.csv${query}`, jar);
	assert.equal(csv.status, 200);
	assert.match(csv.headers['content-type'] || '', /text\/csv/);
	return { page: page.body, table: tableRows(page.body), csv: csvRows(csv.body) };
}

test('hours per month agree with the exchanges list, without the timebank, reversals netted', async () => {
	const admin = await as('admin');
	const mc = await as('mcoord');
	const a = mkMember('a', 1), b = mkMember('b', 1), c = mkMember('c', 2), d = mkMember('d', 2);
	const adA = mkAd(a.id), adC = mkAd(c.id);
	const before = (await report('hours-month', admin)).csv.slice(1);
	await record(mc, a.u, b.u, '1.25', adA);
	await record(mc, c.u, d.u, '2.00', adC);
	const wrong = await record(mc, a.u, b.u, '3.00', adA);
	const csrf = getCsrf((await get(`/exchanges/${wrong}`, admin)).body);
	const rev = await post(`/exchanges/${wrong}/reverse`, admin, { csrf, reason: `report ${TAG}` });
	assert.equal(rev.status, 303);
	// An exchange with the timebank's own account (a payment in hours).
	let tb = sql("SELECT member_id FROM ledger_accounts WHERE name = 'timebank'");
	if (tb.length === 0) {
		sql(`INSERT IGNORE INTO members (username, email, name, password_hash, status, is_organisation, about)
		    VALUES ('_timebank', '', 'Timebank', '-', 'disabled', 1, '');
		    INSERT IGNORE INTO ledger_accounts (name, member_id) SELECT 'timebank', id FROM members WHERE username = '_timebank'`);
		tb = sql("SELECT member_id FROM ledger_accounts WHERE name = 'timebank'");
	}
	sql(`START TRANSACTION;
	    INSERT INTO exchanges (provider_id, recipient_id, hundredths, service_date, description, ad_id, recorded_by, recorded_as)
	    VALUES (${tb[0][0]}, ${a.id}, 500, '${DAY}', 'subscription ${TAG}', ${adA}, ${a.id}, ${a.id});
	    INSERT INTO balances (member_id, hundredths) VALUES (${tb[0][0]}, 500), (${a.id}, -500)
	    ON DUPLICATE KEY UPDATE hundredths = hundredths + VALUES(hundredths);
	    COMMIT`);

	const r = await report('hours-month', admin);
	assert.deepEqual(r.csv[0], ['month', 'category', 'hours', 'exchanges']);
	assert.deepEqual(r.csv.slice(1), r.table, 'the CSV is the table');
	// The report's row moved by exactly what was recorded: 1.25 + 2.00.
	assert.equal(hoursOf(r.csv.slice(1), MONTH, CATEGORY) - hoursOf(before, MONTH, CATEGORY), 325);
	// The exchanges list's month, neither reversed nor a reversal, without
	// the timebank's account: the report's month total.
	const list = csvRows((await get(`/exchanges/list.csv?from=${MONTH}-01&to=${LAST}&reversed=no`, admin)).body);
	const head = list[0];
	const [hi, pi, ri] = ['hours', 'provider', 'recipient'].map((k) => head.indexOf(k));
	const sum = list.slice(1).filter((row) => row[pi] !== '_timebank' && row[ri] !== '_timebank')
	    .reduce((s, row) => s + Math.round(Number(row[hi]) * 100), 0);
	assert.equal(hoursOf(r.csv.slice(1), MONTH), sum, 'the list and the report agree');

	// A community 1 coordinator counts the exchange of community 1 only.
	const nc = await report('hours-month', await as('northcoord'));
	assert.match(mainText(nc.page), /cover your communities: North/);
	const mine = hoursOf(nc.csv.slice(1), MONTH, CATEGORY);
	const site = hoursOf(r.csv.slice(1), MONTH, CATEGORY);
	assert.equal(site - mine >= 200, true, 'the community 2 exchange is not theirs');
});

test('offers and requests per month count what was posted, and the CSV is the table', async () => {
	const admin = await as('admin');
	const m = mkMember('ads', 1);
	const before = (await report('ads-month', admin)).csv;
	const now = monthBack(0);
	const col = before[0].indexOf('offers_posted');
	const was = Number(before.find((row) => row[0] === now)[col]);
	mkAd(m.id);
	const r = await report('ads-month', admin);
	assert.deepEqual(r.csv.slice(1), r.table);
	assert.equal(Number(r.csv.find((row) => row[0] === now)[col]), was + 1);
	const posted = Number(sql(`SELECT COUNT(*) FROM ads WHERE kind = 'offer'
	    AND DATE_FORMAT(created_at, '%Y-%m') = '${now}'`)[0][0]);
	assert.equal(Number(r.csv.find((row) => row[0] === now)[col]), posted, 'agrees with the ads');
	for (const key of ['ads-category', 'unmatched']) {
		const x = await report(key, admin);
		assert.deepEqual(x.csv.slice(1), x.table, `${key}: the CSV is the table`);
	}
});

test('current ads by category agree with the ads, and the turn of the day takes out those that ended', async () => {
	const admin = await as('admin');
	const m = mkMember('cur', 1);
	const live = (from = 'UTC_DATE()') => Number(sql(`SELECT COUNT(*) FROM ads
	    WHERE category_id = ${categoryId()} AND kind = 'offer' AND status = 'active'
	    AND expires_on >= ${from}`)[0][0]);
	const shown = async (key) => {
		const r = await report(key, admin);
		const col = r.csv[0].indexOf('offers_current');
		const row = r.csv.find((x) => x[0] === CATEGORY);
		return row ? Number(row[col]) : 0;
	};
	const ad = mkAd(m.id);
	assert.equal(await shown('ads-category'), live(), 'current offers are the ads');
	assert.equal(await shown('unmatched'), live(), 'and so in the unmatched report');
	// The counts as they were yesterday, then an ad whose last day was
	// yesterday: current for that day, so counted ...
	sql('UPDATE report_ads_current_day SET day = UTC_DATE() - INTERVAL 1 DAY');
	sql(`UPDATE ads SET expires_on = UTC_DATE() - INTERVAL 1 DAY WHERE id = ${ad}`);
	const kept = () => Number(sql(`SELECT COALESCE(SUM(n), 0) FROM report_ads_current
	    WHERE category_id = ${categoryId()} AND kind = 'offer'`)[0][0]);
	assert.equal(kept(), live('UTC_DATE() - INTERVAL 1 DAY'), "counted for yesterday's day");
	assert.ok(kept() > live(), 'the ended ad is in the counts of yesterday');
	// ... and not today: the first read of the day moves the counts on.
	assert.equal(await shown('ads-category'), live(), 'the ended ad is not current today');
	assert.equal(sql('SELECT day = UTC_DATE() FROM report_ads_current_day')[0][0], '1');
	assert.equal(kept(), live());
	// Renewed, it is current again; deleted, it leaves the counts at once.
	sql(`UPDATE ads SET expires_on = UTC_DATE() WHERE id = ${ad}`);
	assert.equal(await shown('ads-category'), live(), 'renewed to today');
	sql(`UPDATE ads SET status = 'deleted' WHERE id = ${ad}`);
	assert.equal(await shown('ads-category'), live(), 'deleted');
	// A rebuild of every summary keeps them too.
	sql('CALL report_rebuild()');
	assert.equal(kept(), live(), 'after report_rebuild()');
});

test('members with no ad, inactive and most active members', async () => {
	const admin = await as('admin');
	const idle = mkMember('idle', 2);
	let r = await report('no-ad', admin);
	assert.ok(r.csv.some((row) => row[1] === idle.u), 'a new member has no ad');
	r = await report('inactive', admin, '?months=3');
	assert.ok(r.csv.some((row) => row[1] === idle.u && row[2] === ''), 'never active');
	assert.ok(!r.csv.some((row) => row[1] === '_timebank'), 'not the timebank');
	mkAd(idle.id);
	r = await report('no-ad', admin);
	assert.ok(!r.csv.some((row) => row[1] === idle.u), 'not once it has an ad');
	// Out of scope: community 1's coordinator does not see a community 2 member.
	r = await report('no-ad', await as('northcoord'));
	assert.ok(!r.csv.some((row) => row[1] === `${TAG}_idle`));
	r = await report('most-active', admin);
	assert.deepEqual(r.csv.slice(1), r.table);
	const top = r.csv[1];
	const n = Number(sql(`SELECT COUNT(*) FROM exchanges e JOIN members m ON m.username = '${top[1]}'
	    WHERE (e.provider_id = m.id OR e.recipient_id = m.id) AND e.reverses_id IS NULL
	    AND NOT EXISTS (SELECT 1 FROM exchanges x WHERE x.reverses_id = e.id)
	    AND NOT EXISTS (SELECT 1 FROM ledger_accounts l WHERE l.member_id IN (e.provider_id, e.recipient_id))`)[0][0]);
	assert.equal(Number(top[2]), n, 'the most active member\'s exchanges agree with the ledger');
	assert.equal((await get('/exchanges/reports/inactive?months=0', admin)).status, 400);
});

test('the reports are dashboard.view\'s', async () => {
	for (const u of ['admin', 'mcoord', 'northcoord'])
		assert.equal((await get('/exchanges/reports', await as(u))).status, 200, u);
	for (const u of ['alice', 'support', 'outreach', 'payment'])
		assert.equal((await get('/exchanges/reports/hours-month', await as(u))).status, 403, u);
	assert.equal((await get('/exchanges/reports/nothing', await as('admin'))).status, 404);
	const idx = await get('/exchanges/reports', await as('admin'));
	assert.match(idx.body, /href="\/exchanges\/reports\/hours-month"/);
});
