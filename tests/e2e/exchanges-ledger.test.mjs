// Balances, statements, the page of one exchange, corrections and the
// coordinators' list, with docs/authorization.md's scope rules: a
// coordinator scoped to community A cannot see, list or reverse exchanges
// between two members of community B; an exchange across A and B is
// visible to both scopes and reversible only with scope over both parties.

import test from 'node:test';
import assert from 'node:assert/strict';
import { BareKeys, get, login, text } from './lib.mjs';
import {
	as, balanceOf, dateIn, exchangeRow, fieldError, makeMember, one, record,
	postWithCsrf, rootSql, sumBalances,
} from './exchanges-lib.mjs';

const keys = new BareKeys();

const P = makeMember({ community: 1 });	// the statement's member
const Q = makeMember({ community: 1 });
const R = makeMember({ community: 2 });
const S = makeMember({ community: 2 });

// P's exchanges, oldest first: [provider, recipient, hours, days ago].
const PLAN = [
	[P, Q, '3', 20], [Q, P, '1.25', 15], [R, P, '0.5', 10], [P, R, '2', 5],
	[Q, P, '4', 2],
];
const ids = [];

test('setup: five exchanges of P over three weeks, each recorded by its recipient', async () => {
	for (const [p, r, h, ago] of PLAN) {
		const jar = await as(r.username);
		const { res, id } = await record(jar, { provider: p.username, recipient: r.username,
		    hours: h, service_date: dateIn(-ago), description: `=SUM(A1) plan ${ago}` });
		assert.equal(res.status, 303, text(res.body).slice(0, 200));
		ids.push(id);
	}
	assert.equal(balanceOf(P.id), 300 - 125 - 50 + 200 - 400);
});

// Rows of a statement page: [id, in, out, balance].
function rowsOf(html) {
	const out = [];
	const re = /<tr>\s*<td[^>]*>(\d{4}-\d\d-\d\d)<\/td>\s*<td[^>]*><a href="\/exchanges\/(\d+)">[\s\S]*?<\/td>\s*<td[^>]*>[\s\S]*?<\/td>\s*<td[^>]*>[\s\S]*?<\/td>\s*<td[^>]*class="num">([^<]*)<\/td>\s*<td[^>]*class="num">([^<]*)<\/td>\s*<td[^>]*class="num">([^<]*)<\/td>/g;
	let m;
	while ((m = re.exec(html)) !== null)
		out.push({ date: m[1], id: Number(m[2]), in: m[3], out: m[4], balance: m[5] });
	return out;
}

const hund = (s) => (s === '' ? 0 : Math.round(Number(s) * 100));

test('own statement: the balance, newest first, a running balance after each row', async () => {
	const jar = await as(P.username);
	const r = await get('/exchanges', jar);
	assert.equal(r.status, 200);
	keys.check(r.body, 'statement');
	const bal = balanceOf(P.id);
	assert.match(text(r.body), new RegExp(`Balance: ${(bal / 100).toFixed(2)} hours`));
	const rows = rowsOf(r.body);
	assert.deepEqual(rows.map((x) => x.id), [...ids].reverse());
	assert.equal(hund(rows[0].balance), bal, 'the newest row shows the balance');
	for (let i = 0; i + 1 < rows.length; i++) {
		const delta = hund(rows[i].in) - hund(rows[i].out);
		assert.equal(hund(rows[i + 1].balance), hund(rows[i].balance) - delta, `row ${i + 1}`);
	}
	assert.equal(hund(rows.at(-1).balance), hund(rows.at(-1).in) - hund(rows.at(-1).out));
	// The home page shows the same balance.
	const home = await get('/', jar);
	assert.match(text(home.body), new RegExp(`Your balance: ${(bal / 100).toFixed(2)} hours`));
});

test('statement filters: a date range, its totals; bad dates are the form again', async () => {
	const jar = await as(P.username);
	const r = await get(`/exchanges?from=${dateIn(-16)}&to=${dateIn(-4)}`, jar);
	assert.equal(r.status, 200);
	const rows = rowsOf(r.body);
	assert.deepEqual(rows.map((x) => x.id), [ids[3], ids[2], ids[1]]);
	assert.match(text(r.body), /3 exchanges, 2\.00 hours given \(credited\), 1\.75 hours received/);
	// The running balance is the ledger's, not reset by the filter.
	assert.equal(hund(rows[0].balance), 300 - 125 - 50 + 200);
	let bad = await get('/exchanges?from=2025-13-01', jar);
	assert.equal(bad.status, 422);
	assert.ok(fieldError(bad.body, 'from'));
	bad = await get(`/exchanges?from=${dateIn(-1)}&to=${dateIn(-9)}`, jar);
	assert.equal(bad.status, 422);
	assert.match(fieldError(bad.body, 'to'), /before the start/);
});

test('statement CSV: oldest first, running balance, formulas defused', async () => {
	const jar = await as(P.username);
	const r = await get('/exchanges/statement.csv', jar);
	assert.equal(r.status, 200);
	assert.match(r.headers['content-type'], /^text\/csv/);
	assert.match(r.headers['content-disposition'], /attachment/);
	const lines = r.body.trim().split('\r\n');
	assert.match(lines[0], /^id,date,description,other_member,other_name,hours_in,hours_out,balance/);
	assert.equal(lines.length, 1 + PLAN.length);
	assert.deepEqual(lines.slice(1).map((l) => Number(l.split(',')[0])), ids);
	assert.ok(lines[1].includes('"\'=SUM(A1) plan 20"'), `a formula is made text: ${lines[1]}`);
	assert.doesNotMatch(r.body, /(^|,)"?=SUM/m);
	const last = lines.at(-1).split(',');
	assert.equal(hund(last[7]), balanceOf(P.id));
	const part = await get(`/exchanges/statement.csv?from=${dateIn(-12)}`, jar);
	const pl = part.body.trim().split('\r\n');
	assert.equal(pl.length, 1 + 3);
	assert.equal(hund(pl.at(-1).split(',')[7]), balanceOf(P.id));
	assert.equal((await get('/exchanges/statement.csv?from=nope', jar)).status, 400);
	// Another member's statement needs member.activity over them.
	assert.equal((await get(`/exchanges/statement.csv?member=${Q.id}`, jar)).status, 403);
	const admin = await login('admin');
	const other = await get(`/exchanges/statement.csv?member=${P.id}`, admin);
	assert.equal(other.status, 200);
	assert.equal(other.body.trim().split('\r\n').length, 1 + PLAN.length);
});

test('a member\'s statement for coordinators with member.activity, in scope only', async () => {
	const cases = [
		['admin', P, 200], ['mcoord', R, 200], ['support', P, 200], ['outreach', R, 200],
		['northcoord', P, 200], ['northcoord', R, 403],
	];
	for (const [who, m, want] of cases) {
		const jar = await login(who);
		const r = await get(`/exchanges/members/${m.id}`, jar);
		assert.equal(r.status, want, `${who} -> ${m.username}`);
		if (want === 200) {
			assert.match(text(r.body), new RegExp(`Balance: ${(balanceOf(m.id) / 100).toFixed(2)} hours`));
			keys.check(r.body, `member statement as ${who}`);
		}
	}
	// Missing ids: 404 for a site-wide holder only (rule 1).
	assert.equal((await get('/exchanges/members/999999999', await login('admin'))).status, 404);
	assert.equal((await get('/exchanges/members/999999999', await login('northcoord'))).status, 403);
	for (const who of ['payment', 'translator'])
		assert.equal((await get(`/exchanges/members/${P.id}`, await login(who))).status, 403, who);
	assert.equal((await get(`/exchanges/members/${Q.id}`, await as(P.username))).status, 403);
});

test('the page of an exchange: its parties and coordinators in scope of either; others 403', async () => {
	const jar = await as(S.username);
	const { id: rs } = await record(jar, { provider: R.username, recipient: S.username, hours: '1' });
	const across = ids[2];	// R (community 2) -> P (community 1)
	const inOne = ids[0];	// P -> Q, both community 1
	const cases = [
		[P.username, inOne, 200], [Q.username, inOne, 200], [R.username, inOne, 403],
		[R.username, across, 200], [P.username, across, 200], [S.username, across, 403],
		['northcoord', inOne, 200], ['northcoord', across, 200], ['northcoord', rs, 403],
		['outreach', rs, 200], ['payment', inOne, 403], ['admin', rs, 200],
	];
	for (const [who, id, want] of cases) {
		const j = ['northcoord', 'outreach', 'payment', 'admin'].includes(who) ? await login(who) : await as(who);
		assert.equal((await get(`/exchanges/${id}`, j)).status, want, `${who} -> #${id}`);
	}
	assert.equal((await get('/exchanges/999999999', await login('admin'))).status, 404);
	for (const who of ['northcoord', 'alice'])
		assert.equal((await get('/exchanges/999999999', await login(who))).status, 403, who);
});

test('reversal: a reason is required; the reversing exchange swaps the parties, links both ways, is audited', async () => {
	const jar = await login('mcoord');
	const target = ids[1];	// Q -> P 1.25
	const p0 = balanceOf(P.id), q0 = balanceOf(Q.id);
	let r = await postWithCsrf(jar, `/exchanges/${target}/reverse`, { reason: '' });
	assert.equal(r.status, 422);
	assert.match(fieldError(r.body, 'reason'), /required/);
	assert.equal(balanceOf(P.id), p0);
	r = await postWithCsrf(jar, `/exchanges/${target}/reverse`, { reason: 'Recorded the wrong way round' });
	assert.equal(r.status, 303);
	const rid = Number(r.location.match(/^\/exchanges\/(\d+)$/)[1]);
	const row = exchangeRow(rid);
	assert.equal(row.reverses, target);
	assert.equal(row.provider, P.id);
	assert.equal(row.recipient, Q.id);
	assert.equal(row.hundredths, 125);
	assert.equal(row.reason, 'Recorded the wrong way round');
	assert.ok(exchangeRow(target), 'the original stays');
	assert.equal(balanceOf(P.id), p0 + 125);
	assert.equal(balanceOf(Q.id), q0 - 125);
	assert.equal(sumBalances(), 0);
	const audit = rootSql(`SELECT before_json, after_json FROM audit_log WHERE action = 'exchange.reverse'
	    AND object_id = ${rid}`);
	assert.equal(audit.length, 1);
	assert.match(audit[0][0], new RegExp(`"id":${target}`));
	assert.match(audit[0][1], /"reason":"Recorded the wrong way round"/);
	// Both pages and both statements show the link.
	assert.match((await get(`/exchanges/${target}`, jar)).body, new RegExp(`reversed by <a href="/exchanges/${rid}">`));
	assert.match((await get(`/exchanges/${rid}`, jar)).body, new RegExp(`reversal of <a href="/exchanges/${target}">`));
	for (const m of [P, Q]) {
		const st = await get('/exchanges', await as(m.username));
		assert.match(st.body, new RegExp(`reversed by <a href="/exchanges/${rid}">#${rid}</a>`), m.username);
		assert.match(st.body, new RegExp(`reversal of <a href="/exchanges/${target}">#${target}</a>`), m.username);
	}
	// Twice, or the reversal itself: 409, nothing more.
	const n0 = Number(one('SELECT COUNT(*) FROM exchanges'));
	r = await postWithCsrf(jar, `/exchanges/${target}/reverse`, { reason: 'again' });
	assert.equal(r.status, 409);
	r = await postWithCsrf(jar, `/exchanges/${rid}/reverse`, { reason: 'undo the undo' });
	assert.equal(r.status, 409);
	assert.equal(Number(one('SELECT COUNT(*) FROM exchanges')), n0);
	// The reverse form is offered only where it can be used.
	assert.match((await get(`/exchanges/${ids[0]}`, jar)).body, new RegExp(`action="/exchanges/${ids[0]}/reverse"`));
	assert.doesNotMatch((await get(`/exchanges/${target}`, jar)).body, /\/reverse"/);
});

test('reversing needs exchange.edit over both parties', async () => {
	// northcoord (member coordinator, community 1): P-Q yes, R-P (across) no.
	const nc = await login('northcoord');
	let r = await postWithCsrf(nc, `/exchanges/${ids[2]}/reverse`, { reason: 'across' });
	assert.equal(r.status, 403);
	assert.doesNotMatch((await get(`/exchanges/${ids[2]}`, nc)).body, /\/reverse"/);
	r = await postWithCsrf(nc, `/exchanges/${ids[4]}/reverse`, { reason: 'inside my community' });
	assert.equal(r.status, 303);
	// support (no exchange.edit), members, a missing id.
	for (const who of ['support', 'outreach'])
		assert.equal((await postWithCsrf(await login(who), `/exchanges/${ids[3]}/reverse`, { reason: 'x' })).status, 403, who);
	assert.equal((await postWithCsrf(await as(P.username), `/exchanges/${ids[3]}/reverse`, { reason: 'x' })).status, 403);
	assert.equal((await postWithCsrf(nc, '/exchanges/999999999/reverse', { reason: 'x' })).status, 403);
	assert.equal((await postWithCsrf(await login('admin'), '/exchanges/999999999/reverse', { reason: 'x' })).status, 404);
	assert.ok(!exchangeRow(ids[3]).reverses && Number(one(`SELECT COUNT(*) FROM exchanges WHERE reverses_id = ${ids[3]}`)) === 0);
});

// Exchange ids listed on a list page.
function listIds(html) {
	return [...html.matchAll(/<td[^>]*><a href="\/exchanges\/(\d+)">#\d+<\/a>/g)].map((m) => Number(m[1]));
}

test('coordinators\' list: filters, totals, scope, CSV', async () => {
	const admin = await login('admin');
	let r = await get(`/exchanges/list?member=${P.username}`, admin);
	assert.equal(r.status, 200);
	keys.check(r.body, 'list');
	const mine = rootSql(`SELECT id FROM exchanges WHERE provider_id = ${P.id} OR recipient_id = ${P.id}
	    ORDER BY id DESC`).map((x) => Number(x[0]));
	assert.deepEqual(listIds(r.body), mine);
	const total = Number(one(`SELECT SUM(hundredths) FROM exchanges WHERE provider_id = ${P.id} OR recipient_id = ${P.id}`));
	assert.match(text(r.body), new RegExp(`${mine.length} exchanges, ${(total / 100).toFixed(2)} hours in all`));
	// Reversed: yes / no.
	r = await get(`/exchanges/list?member=${P.username}&reversed=yes`, admin);
	const rev = rootSql(`SELECT e.id FROM exchanges e WHERE (e.provider_id = ${P.id} OR e.recipient_id = ${P.id})
	    AND (e.reverses_id IS NOT NULL OR EXISTS (SELECT 1 FROM exchanges x WHERE x.reverses_id = e.id))
	    ORDER BY e.id DESC`).map((x) => Number(x[0]));
	assert.ok(rev.length >= 4);
	assert.deepEqual(listIds(r.body), rev);
	r = await get(`/exchanges/list?member=${P.username}&reversed=no`, admin);
	assert.deepEqual(listIds(r.body), mine.filter((x) => !rev.includes(x)));
	// Dates, recorded by, community.
	r = await get(`/exchanges/list?member=${P.username}&from=${dateIn(-11)}&to=${dateIn(-4)}&reversed=no`, admin);
	assert.deepEqual(listIds(r.body), [ids[3], ids[2]]);
	r = await get(`/exchanges/list?recorded_by=mcoord&member=${P.username}`, admin);
	assert.equal(listIds(r.body).length, 1);
	r = await get(`/exchanges/list?community=2&member=${P.username}`, admin);
	assert.deepEqual(listIds(r.body).sort(), mine.filter((x) => [ids[2], ids[3]].includes(x)).sort());
	// Bad filters: the form again.
	for (const qs of ['member=no-such-member-zz', 'from=2025-02-30', 'reversed=maybe', 'community=x']) {
		r = await get(`/exchanges/list?${qs}`, admin);
		assert.equal(r.status, 422, qs);
	}
	// Scope: northcoord (community 1) sees exchanges touching community 1 only.
	const nc = await login('northcoord');
	const { id: rs } = await record(await as(S.username), { provider: R.username, recipient: S.username });
	r = await get(`/exchanges/list?member=${R.username}`, nc);
	const seen = listIds(r.body);
	assert.ok(seen.includes(ids[2]), 'across communities: listed');
	assert.ok(!seen.includes(rs), 'between two community 2 members: not listed');
	r = await get('/exchanges/list', await login('outreach'));
	assert.equal(r.status, 200);
	for (const who of ['payment', 'translator'])
		assert.equal((await get('/exchanges/list', await login(who))).status, 403, who);
	assert.equal((await get('/exchanges/list', await as(P.username))).status, 403);
	// CSV: the same filtered set.
	r = await get(`/exchanges/list.csv?member=${P.username}`, admin);
	assert.equal(r.status, 200);
	assert.match(r.headers['content-type'], /^text\/csv/);
	const lines = r.body.trim().split('\r\n');
	assert.equal(lines[0], 'id,date,provider,provider_name,recipient,recipient_name,hours,description,category,recorded_by,reverses,reversed_by');
	assert.deepEqual(lines.slice(1).map((l) => Number(l.split(',')[0])), mine);
	assert.doesNotMatch(r.body, /(^|,)"?=SUM/m);
	r = await get(`/exchanges/list.csv?member=${R.username}`, nc);
	assert.ok(!r.body.split('\r\n').some((l) => l.startsWith(`${rs},`)));
	assert.equal((await get('/exchanges/list.csv?from=bad', admin)).status, 400);
	assert.equal((await get('/exchanges/list.csv', await login('payment'))).status, 403);
});

test('the list filters by the category of the ad', async () => {
	const admin = await login('admin');
	const ad = rootSql(`SELECT a.id, a.category_id FROM ads a JOIN members m ON m.id = a.member_id
	    WHERE m.username = 'bob' ORDER BY a.id LIMIT 1`)[0];
	const { id } = await record(await as(Q.username), { provider: 'bob', recipient: Q.username, ad: ad[0] });
	assert.ok(id);
	const r = await get(`/exchanges/list?category=${ad[1]}&member=${Q.username}`, admin);
	assert.deepEqual(listIds(r.body), [id]);
});

test('keyset paging of the list: pages do not overlap and cover the set', async () => {
	const admin = await login('admin');
	const all = new Set();
	let path = '/exchanges/list';
	let pages = 0;
	while (path && pages < 3) {
		const r = await get(path, admin);
		assert.equal(r.status, 200);
		for (const id of listIds(r.body)) {
			assert.ok(!all.has(id), `#${id} on two pages`);
			all.add(id);
		}
		const m = r.body.match(/<a href="([^"]+)">Older exchanges<\/a>/);
		path = m ? m[1].replace(/&amp;/g, '&') : null;
		pages++;
	}
	assert.ok(all.size >= 50, `at least one full page: ${all.size}`);
});

test('no phrase keys shown instead of text', () => {
	keys.assertNone();
});
