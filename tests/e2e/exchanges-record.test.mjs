// Recording exchanges (issue "Recording exchanges"): who may record for
// whom, each allowed case with its refused twin; bad input (the form
// again, 422, a message on the field, nothing recorded); the credit limit;
// idempotency of the one-time form key.  The recordings that move hours
// at once are made by the recipient's side or a coordinator; one made by
// the provider's side waits for the recipient (exchanges-consent.test.mjs).

import test from 'node:test';
import assert from 'node:assert/strict';
import { BareKeys, get, login, post, sql, text } from './lib.mjs';
import {
	as, balanceOf, countExchanges, dateIn, exchangeRow, fieldError, makeMember,
	one, record, recordForm, rootSql, setting, sumBalances,
} from './exchanges-lib.mjs';

const keys = new BareKeys();

// Members of this file: a, b in community 1 (North Side), d, e in
// community 2 (Riverside), x of no community.
const A = makeMember({ community: 1 });
const B = makeMember({ community: 1 });
const C = makeMember({ community: 1 });
const D = makeMember({ community: 2 });
const E = makeMember({ community: 2 });
const X = makeMember({});

test('a member records an exchange they received: hours move from recipient to provider', async () => {
	const jar = await as(B.username);
	const a0 = balanceOf(A.id), b0 = balanceOf(B.id), n0 = countExchanges();
	const { res, id } = await record(jar, { provider: A.username, recipient: B.username,
	    hours: '1.25', description: 'Fixed a bicycle' });
	assert.equal(res.status, 303, text(res.body).slice(0, 300));
	assert.ok(id, `redirects to the exchange: ${res.location}`);
	assert.equal(countExchanges(), n0 + 1);
	assert.equal(balanceOf(A.id), a0 + 125);
	assert.equal(balanceOf(B.id), b0 - 125);
	const row = exchangeRow(id);
	assert.equal(row.provider, A.id);
	assert.equal(row.recipient, B.id);
	assert.equal(row.recordedBy, B.id);
	assert.equal(row.recordedAs, B.id);
	assert.equal(row.date, dateIn(0));
	const page = await get(`/exchanges/${id}`, jar);
	assert.equal(page.status, 200);
	assert.match(text(page.body), /Fixed a bicycle/);
	assert.match(text(page.body), /1\.25/);
	keys.check(page.body, 'exchange page');
	assert.equal(sumBalances(), 0);
});

test('a member records an exchange they gave: it waits for the recipient', async () => {
	const jar = await as(A.username);
	const n0 = countExchanges();
	const { res, id, pending } = await record(jar, { provider: A.username, recipient: B.username, hours: '0.5' });
	assert.equal(res.status, 303);
	assert.equal(id, null);
	assert.ok(pending, res.location);
	assert.equal(countExchanges(), n0);
});

test('a third member may not record an exchange between two others', async () => {
	const jar = await as(C.username);
	const n0 = countExchanges();
	const { res } = await record(jar, { provider: A.username, recipient: B.username });
	assert.equal(res.status, 403);
	assert.equal(countExchanges(), n0);
});

test('a coordinator with exchange.record_for (support, site) records for two members, audited', async () => {
	const jar = await login('support');
	const supportId = Number(one("SELECT id FROM members WHERE username = 'support'"));
	const d0 = balanceOf(D.id);
	const { res, id } = await record(jar, { provider: A.username, recipient: D.username, hours: '2' });
	assert.equal(res.status, 303, text(res.body).slice(0, 300));
	assert.equal(exchangeRow(id).recordedBy, supportId);
	assert.equal(balanceOf(D.id), d0 - 200);
	const audit = rootSql(`SELECT actor_id, community_id, after_json FROM audit_log
	    WHERE action = 'exchange.record_for' AND object_type = 'exchange' AND object_id = ${id}`);
	assert.equal(audit.length, 1, 'one audit row');
	assert.equal(Number(audit[0][0]), supportId);
	assert.match(audit[0][2], /"hundredths":200/);
	// A party's own exchange is self-service: no audit row.
	const own = await record(await as(A.username), { provider: B.username, recipient: A.username });
	assert.equal(own.res.status, 303);
	assert.equal(Number(one(`SELECT COUNT(*) FROM audit_log WHERE object_type = 'exchange'
	    AND object_id = ${own.id}`)), 0);
});

test('a coordinator scoped to community 1 records inside it, not for community 2 members nor across', async () => {
	const jar = await login('northcoord');
	const ok = await record(jar, { provider: A.username, recipient: B.username });
	assert.equal(ok.res.status, 303, 'both parties in community 1');
	const n0 = countExchanges();
	for (const [p, r] of [[D, E], [A, D], [E, B], [A, X]]) {
		const { res } = await record(jar, { provider: p.username, recipient: r.username });
		assert.equal(res.status, 403, `${p.username} -> ${r.username}`);
	}
	assert.equal(countExchanges(), n0);
});

test('a community-scoped coordinator gets the same 403 for a username nobody has as for one out of scope', async () => {
	const jar = await login('northcoord');
	const n0 = countExchanges();
	const nobody = 'no-such-member-zz';
	for (const [p, r] of [[A.username, D.username], [A.username, nobody], [nobody, B.username],
	    [nobody, nobody], [D.username, D.username], [A.username, 'disabled2']]) {
		const { res } = await record(jar, { provider: p, recipient: r, hours: '1.1' });
		assert.equal(res.status, 403, `${p} -> ${r}`);
		assert.doesNotMatch(text(res.body), /approved member|two different/, `${p} -> ${r}`);
	}
	assert.equal(countExchanges(), n0);
	// In scope, the form's messages as usual.
	const same = await record(jar, { provider: A.username, recipient: A.username });
	assert.equal(same.res.status, 422);
	assert.match(fieldError(same.res.body, 'recipient'), /two different members/);
	// Site-wide, and on one's own exchange: the form says which username is wrong.
	const site = await record(await login('support'), { provider: A.username, recipient: nobody });
	assert.equal(site.res.status, 422);
	assert.match(fieldError(site.res.body, 'recipient'), /no approved member/);
	const own = await record(jar, { provider: 'northcoord', recipient: nobody });
	assert.equal(own.res.status, 422);
	assert.match(fieldError(own.res.body, 'recipient'), /no approved member/);
});

test('coordinators without exchange.record_for may not record for others', async () => {
	for (const who of ['outreach', 'payment', 'translator']) {
		const jar = await login(who);
		const n0 = countExchanges();
		const { res } = await record(jar, { provider: A.username, recipient: B.username });
		assert.equal(res.status, 403, who);
		assert.equal(countExchanges(), n0, who);
	}
});

test('a support coordinator scoped to community 2: records, sees and lists there only; never reverses', async () => {
	const sup = makeMember({ community: 2 });
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id) VALUES (${sup.id}, 'support', 'community', 2)`);
	const jar = await as(sup.username);
	const ok = await record(jar, { provider: D.username, recipient: E.username, hours: '1' });
	assert.equal(ok.res.status, 303, 'inside community 2');
	const n0 = countExchanges();
	for (const [p, r] of [[A, B], [A, D], [X, E]]) {
		const { res } = await record(jar, { provider: p.username, recipient: r.username });
		assert.equal(res.status, 403, `${p.username} -> ${r.username}`);
	}
	assert.equal(countExchanges(), n0);
	const inB = await record(await as(A.username), { provider: B.username, recipient: A.username });
	const across = await record(await as(A.username), { provider: D.username, recipient: A.username });
	assert.equal((await get(`/exchanges/${inB.id}`, jar)).status, 403);
	assert.equal((await get(`/exchanges/${across.id}`, jar)).status, 200);
	assert.equal((await get(`/exchanges/${ok.id}`, jar)).status, 200);
	const list = await get(`/exchanges/list?member=${A.username}`, jar);
	assert.equal(list.status, 200);
	assert.ok(list.body.includes(`href="/exchanges/${across.id}"`));
	assert.ok(!list.body.includes(`href="/exchanges/${inB.id}"`));
	assert.equal((await get(`/exchanges/members/${D.id}`, jar)).status, 200);
	assert.equal((await get(`/exchanges/members/${A.id}`, jar)).status, 403);
	const csrf = (await get('/exchanges', jar)).body.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
	const rev = await post(`/exchanges/${ok.id}/reverse`, jar, { csrf, reason: 'no right' });
	assert.equal(rev.status, 403, 'support has no exchange.edit');
});

test('a guardian angel records for the member they look after while the mode is on', async () => {
	const angel = makeMember({ community: 1 });
	const ward = makeMember({ community: 1, angelMode: true });
	sql(`INSERT INTO guardian_angels (member_id, angel_id) VALUES (${ward.id}, ${angel.id})`);
	const jar = await as(angel.username);
	const ok = await record(jar, { provider: B.username, recipient: ward.username, hours: '1' });
	assert.equal(ok.res.status, 303, text(ok.res.body).slice(0, 300));
	const row = exchangeRow(ok.id);
	assert.equal(row.recordedBy, angel.id);
	assert.equal(row.recipient, ward.id);
	// The angel (or whoever recorded for a party) sees the exchange.
	assert.equal((await get(`/exchanges/${ok.id}`, jar)).status, 200);
	sql(`UPDATE members SET angel_mode = 0 WHERE id = ${ward.id}`);
	const n0 = countExchanges();
	for (const [p, r] of [[B, ward], [ward, B]]) {
		const no = await record(jar, { provider: p.username, recipient: r.username });
		assert.equal(no.res.status, 403, `mode off: refused (${p.username} -> ${r.username})`);
	}
	assert.equal(countExchanges(), n0);
});

test('an organisation\'s manager records for the organisation', async () => {
	const manager = makeMember({ community: 2 });
	const org = makeMember({ community: 2, organisation: true });
	const other = makeMember({ community: 2 });
	sql(`INSERT INTO org_managers (org_id, manager_id) VALUES (${org.id}, ${manager.id})`);
	const ok = await record(await as(manager.username), { provider: E.username, recipient: org.username });
	assert.equal(ok.res.status, 303);
	const no = await record(await as(other.username), { provider: E.username, recipient: org.username });
	assert.equal(no.res.status, 403, 'not a manager');
});

test('while "become" is active the exchange records both the real and the acting member', async () => {
	const jar = await login('mcoord');
	const mcoord = Number(one("SELECT id FROM members WHERE username = 'mcoord'"));
	const target = makeMember({ community: 1 });
	const csrf = (await get('/', jar)).body.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
	const b = await post(`/members/${target.id}/become`, jar, { csrf });
	assert.equal(b.status, 303, `become: ${b.status}`);
	const { res, id } = await record(jar, { provider: B.username, recipient: target.username });
	assert.equal(res.status, 303);
	const row = exchangeRow(id);
	assert.equal(row.recordedBy, mcoord);
	assert.equal(row.recordedAs, target.id);
	// Acting as a plain member: recording for two others is refused.
	const no = await record(jar, { provider: A.username, recipient: B.username });
	assert.equal(no.res.status, 403);
});

// Bad input: each is the form again with a message on its field, and
// nothing is recorded.
const BAD = [
	['hours', { hours: '-1' }, /more than zero/],
	['hours', { hours: '0' }, /more than zero/],
	['hours', { hours: '0.00' }, /more than zero/],
	['hours', { hours: 'abc' }, /number/],
	['hours', { hours: '1,5' }, /number/],
	['hours', { hours: '1.' }, /number/],
	['hours', { hours: '1e2' }, /number/],
	['hours', { hours: '1.333' }, /two decimals/],
	['hours', { hours: '1.1' }, /quarter/],
	['hours', { hours: '99999999999999999999' }, /most is 24\.00/],
	['hours', { hours: '24.25' }, /most is 24\.00/],
	['hours', { hours: '' }, /required/],
	['service_date', { service_date: dateIn(3) }, /future/],
	['service_date', { service_date: dateIn(-400) }, /too long ago/],
	['service_date', { service_date: '2025-02-30' }, /range/],
	['service_date', { service_date: 'yesterday' }, /format/],
	['provider', { provider: 'no-such-member-zz' }, /no approved member/],
	['provider', { provider: 'disabled1' }, /no approved member/],
	['provider', { provider: 'applicant1' }, /no approved member/],
	['recipient', { recipient: 'disabled2' }, /no approved member/],
	['recipient', { recipient: '' }, /required/],
	['description', { description: '' }, /required/],
	['description', { description: 'x'.repeat(256) }, /too long/],
	['ad', { ad: '999999999' }, /offer or request/],
	['ad', { ad: 'abc' }, /format/],
];

test('bad input: the form again (422), a message on the field, nothing recorded', async () => {
	const jar = await as(A.username);
	for (const [field, change, message] of BAD) {
		const n0 = countExchanges(), a0 = balanceOf(A.id);
		const { res } = await record(jar, { provider: A.username, recipient: B.username, ...change });
		const what = `${field} ${JSON.stringify(change).slice(0, 60)}`;
		assert.equal(res.status, 422, what);
		assert.match(fieldError(res.body, field) || '', message, what);
		assert.match(res.body, new RegExp(`id="${field}"[^>]*aria-invalid="true"`), `${what}: aria-invalid`);
		assert.match(res.body, /Nothing was recorded/, what);
		assert.equal(countExchanges(), n0, `${what}: nothing recorded`);
		assert.equal(balanceOf(A.id), a0, what);
		keys.check(res.body, what);
	}
});

test('provider = recipient is refused on the recipient field', async () => {
	const n0 = countExchanges();
	const { res } = await record(await as(A.username), { provider: A.username, recipient: A.username });
	assert.equal(res.status, 422);
	assert.match(fieldError(res.body, 'recipient'), /two different members/);
	assert.equal(countExchanges(), n0);
});

test('the form keeps what was typed and its key; corrected, it records once', async () => {
	const jar = await as(A.username);
	const { values } = await recordForm(jar);
	const v = { ...values, provider: A.username, recipient: B.username, hours: '1.1',
	    description: 'Kept <b>as typed</b>' };
	const bad = await post('/exchanges/new', jar, v);
	assert.equal(bad.status, 422);
	assert.match(bad.body, new RegExp(`name="form_key" value="${values.form_key}"`));
	assert.match(bad.body, /value="Kept &lt;b&gt;as typed&lt;\/b&gt;"/);
	const n0 = countExchanges();
	const good = await post('/exchanges/new', jar, { ...v, provider: B.username, recipient: A.username, hours: '1.5' });
	assert.equal(good.status, 303);
	const again = await post('/exchanges/new', jar, { ...v, hours: '1.5' });
	assert.equal(again.location, good.location);
	assert.equal(countExchanges(), n0 + 1);
});

test('a missing or malformed form key is a 400 and records nothing', async () => {
	const jar = await as(A.username);
	const { values } = await recordForm(jar);
	const base = { ...values, provider: A.username, recipient: B.username, hours: '1', description: 'k' };
	const n0 = countExchanges();
	for (const key of [undefined, '', 'abc', values.form_key.toUpperCase(), `${values.form_key}0`,
	    values.form_key.slice(0, 63) + 'g']) {
		const v = { ...base };
		if (key === undefined)
			delete v.form_key;
		else
			v.form_key = key;
		const res = await post('/exchanges/new', jar, v);
		assert.equal(res.status, 400, `form_key ${key}`);
	}
	assert.equal(countExchanges(), n0);
});

test('idempotency: the same form sent twice, in a row or at once, records one exchange; the second answer shows the first', async () => {
	const jar = await as(A.username);
	const { values } = await recordForm(jar);
	const v = { ...values, provider: B.username, recipient: A.username, hours: '0.75', description: 'Double click' };
	const n0 = countExchanges(), a0 = balanceOf(A.id);
	const first = await post('/exchanges/new', jar, v);
	assert.equal(first.status, 303);
	const second = await post('/exchanges/new', jar, v);
	assert.equal(second.status, 303);
	assert.equal(second.location, first.location, 'the second answer is the first exchange');
	const page = await get(second.location, jar);
	assert.match(text(page.body), /already been recorded/);
	// A replay with other values still answers with the first.
	const replay = await post('/exchanges/new', jar, { ...v, hours: '5' });
	assert.equal(replay.location, first.location);
	assert.equal(countExchanges(), n0 + 1);
	assert.equal(balanceOf(A.id), a0 - 75);
	// Ten at once with one fresh key: one exchange, ten answers naming it.
	const f2 = (await recordForm(jar)).values;
	const burst = await Promise.all(Array.from({ length: 10 }, () =>
	    post('/exchanges/new', jar, { ...f2, provider: B.username, recipient: A.username, hours: '1', description: 'Burst' })));
	const locations = new Set(burst.map((r) => `${r.status} ${r.location}`));
	assert.equal(locations.size, 1, [...locations].join(', '));
	assert.match([...locations][0], /^303 \/exchanges\/\d+$/);
	assert.equal(countExchanges(), n0 + 2);
	assert.equal(Number(one(`SELECT COUNT(*) FROM exchanges WHERE form_key = '${f2.form_key}'`)), 1);
	assert.equal(sumBalances(), 0);
});

test('credit limit, hard: refused with a message on the hours field; soft: recorded', async () => {
	const oldMode = setting('credit_limit_mode', 'hard');
	const oldLimit = setting('credit_limit_hundredths', '-300');
	try {
		const giver = makeMember({ community: 1 });
		const taker = makeMember({ community: 1 });
		const jar = await as(taker.username);
		let r = await record(jar, { provider: giver.username, recipient: taker.username, hours: '3' });
		assert.equal(r.res.status, 303, 'down to the limit exactly is allowed');
		const n0 = countExchanges();
		r = await record(jar, { provider: giver.username, recipient: taker.username, hours: '0.25' });
		assert.equal(r.res.status, 422);
		assert.match(fieldError(r.res.body, 'hours'), /credit limit.*-3\.00/);
		assert.equal(countExchanges(), n0);
		assert.equal(balanceOf(taker.id), -300);
		// The other way round is fine: it raises the balance.
		r = await record(await as(giver.username), { provider: taker.username, recipient: giver.username, hours: '1' });
		assert.equal(r.res.status, 303);
		setting('credit_limit_mode', 'soft');
		r = await record(jar, { provider: giver.username, recipient: taker.username, hours: '5' });
		assert.equal(r.res.status, 303, 'soft: recorded');
		assert.equal(balanceOf(taker.id), -700);
	} finally {
		setting('credit_limit_mode', oldMode);
		setting('credit_limit_hundredths', oldLimit);
	}
});

test('the hours and date limits come from the settings', async () => {
	const oldMax = setting('exchange_max_hundredths', '200');
	const oldDays = setting('exchange_oldest_days', '10');
	try {
		const jar = await as(A.username);
		let r = await record(jar, { provider: A.username, recipient: B.username, hours: '2.25' });
		assert.equal(r.res.status, 422);
		assert.match(fieldError(r.res.body, 'hours'), /most is 2\.00/);
		r = await record(jar, { provider: A.username, recipient: B.username, service_date: dateIn(-11) });
		assert.equal(r.res.status, 422);
		assert.match(fieldError(r.res.body, 'service_date'), new RegExp(dateIn(-10)));
		r = await record(jar, { provider: A.username, recipient: B.username, hours: '2', service_date: dateIn(-10) });
		assert.equal(r.res.status, 303);
	} finally {
		setting('exchange_max_hundredths', oldMax);
		setting('exchange_oldest_days', oldDays);
	}
});

test('an exchange can name one of the two members\' ads', async () => {
	const ad = Number(one(`SELECT a.id FROM ads a JOIN members m ON m.id = a.member_id
	    WHERE m.username = 'alice' ORDER BY a.id LIMIT 1`));
	const alice = await login('alice');
	const ok = await record(await as(B.username), { provider: 'alice', recipient: B.username, ad: String(ad), hours: '1' });
	assert.equal(ok.res.status, 303);
	assert.equal(exchangeRow(ok.id).ad, ad);
	const page = await get(`/exchanges/${ok.id}`, alice);
	assert.match(page.body, new RegExp(`href="/ads/${ad}"`));
	// Someone else's ad is refused.
	const no = await record(await as(A.username), { provider: A.username, recipient: B.username, ad: String(ad) });
	assert.equal(no.res.status, 422);
	assert.match(fieldError(no.res.body, 'ad'), /offer or request/);
});

test('the form prefills from the query and offers today; applying members cannot reach it', async () => {
	const jar = await as(A.username);
	const { values, page } = await recordForm(jar, `?provider=${A.username}&recipient=${B.username}&ad=7`);
	assert.equal(values.provider, A.username);
	assert.equal(values.recipient, B.username);
	assert.equal(values.ad, '7');
	assert.equal(values.service_date, dateIn(0));
	assert.match(values.form_key, /^[0-9a-f]{64}$/);
	const again = await recordForm(jar);
	assert.notEqual(again.values.form_key, values.form_key, 'a fresh key per form');
	keys.check(page.body, 'record form');
	const applying = await login('applicant1');
	assert.equal((await get('/exchanges/new', applying)).status, 403);
});

test('no phrase keys shown instead of text', () => {
	keys.assertNone();
});
