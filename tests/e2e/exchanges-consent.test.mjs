// Consent in the ledger (issue 15, 5; docs/authorization.md rule 10: no
// debit without the payer).  Who records at once and who waits; the
// recipient's home page with Confirm and Dispute; the provider's statement
// with what waits (in no balance); confirming (the hours move as recording
// moves them, once, also under two confirmations at once; the hard credit
// limit judged then); disputes reaching the coordinators' list and
// dashboard; a coordinator's confirmation for the recipient or
// cancellation, audited; the refusals (a third member, the provider, a
// coordinator out of scope); one form key, one proposal; auto-confirmation
// by the setting, without a cron, audited as the system.

import test from 'node:test';
import assert from 'node:assert/strict';
import { BareKeys, formFor, formValues, get, login, post, sql, text } from './lib.mjs';
import {
	as, balanceOf, countExchanges, countProposals, exchangeRow, makeMember, one,
	postWithCsrf, proposalRow, record, recordForm, rootSql, setting, sumBalances,
} from './exchanges-lib.mjs';

const keys = new BareKeys();

// This file's members: A, B, C in community 1, D, E in community 2.
const A = makeMember({ community: 1 });
const B = makeMember({ community: 1 });
const C = makeMember({ community: 1 });
const D = makeMember({ community: 2 });
const E = makeMember({ community: 2 });

const idOf = (u) => Number(one(`SELECT id FROM members WHERE username = '${u}'`));
const flashOf = async (jar, res) => text((await get(res.location, jar)).body);

// A proposal from provider to recipient, recorded by the provider.
async function propose(provider, recipient, hours = '1', jar = null) {
	const r = await record(jar || await as(provider.username),
	    { provider: provider.username, recipient: recipient.username, hours });
	assert.equal(r.res.status, 303, text(r.res.body).slice(0, 300));
	assert.ok(r.pending, `waits for the recipient: ${r.res.location}`);
	return r.pending;
}

const confirmAs = (jar, id) => postWithCsrf(jar, `/exchanges/pending/${id}/confirm`, {});
const disputeAs = (jar, id, reason = '') => postWithCsrf(jar, `/exchanges/pending/${id}/dispute`, { reason });
const cancelAs = (jar, id) => postWithCsrf(jar, `/exchanges/pending/${id}/cancel`, {});
const exchangeOf = (res) => Number((res.location || '').match(/^\/exchanges\/(\d+)$/)?.[1] || 0);

test('the recipient pays at once; recorded by the provider it waits, moving nothing', async () => {
	const a0 = balanceOf(A.id), b0 = balanceOf(B.id), n0 = countExchanges(), p0 = countProposals();
	const paid = await record(await as(A.username), { provider: B.username, recipient: A.username, hours: '1.5' });
	assert.equal(paid.res.status, 303);
	assert.ok(paid.id, `at once: ${paid.res.location}`);
	assert.equal(balanceOf(A.id), a0 - 150);
	assert.equal(balanceOf(B.id), b0 + 150);
	const jar = await as(A.username);
	const asked = await record(jar, { provider: A.username, recipient: B.username, hours: '2' });
	assert.equal(asked.res.status, 303);
	assert.ok(asked.pending, `waits: ${asked.res.location}`);
	assert.match(await flashOf(jar, asked.res), /waiting for the recipient to confirm it/);
	assert.equal(countExchanges(), n0 + 1);
	assert.equal(countProposals(), p0 + 1);
	assert.equal(balanceOf(A.id), a0 - 150, 'nothing moved');
	assert.equal(balanceOf(B.id), b0 + 150);
	const row = proposalRow(asked.pending);
	assert.deepEqual([row.provider, row.recipient, row.hundredths, row.status, row.recordedBy],
	    [A.id, B.id, 200, 'pending', A.id]);
	assert.equal(sumBalances(), 0);
});

test('angels and managers: for the recipient at once, for the provider it waits', async () => {
	const angel = makeMember({ community: 1 });
	const ward = makeMember({ community: 1, angelMode: true });
	const manager = makeMember({ community: 2 });
	const org = makeMember({ community: 2, organisation: true });
	sql(`INSERT INTO guardian_angels (member_id, angel_id) VALUES (${ward.id}, ${angel.id})`);
	sql(`INSERT INTO org_managers (org_id, manager_id) VALUES (${org.id}, ${manager.id})`);
	const aj = await as(angel.username);
	const mj = await as(manager.username);
	const asWard = await record(aj, { provider: ward.username, recipient: C.username });
	assert.ok(asWard.pending);
	assert.equal(Number(one(`SELECT COUNT(*) FROM audit_log WHERE action = 'exchange.propose'
	    AND object_type = 'exchange_proposal' AND object_id = ${asWard.pending}
	    AND actor_id = ${angel.id}`)), 1, 'proposed for the ward: audited');
	const cases = [
		[aj, B, ward, 'id'], [aj, ward, B, 'pending'],
		[mj, E, org, 'id'], [mj, org, E, 'pending'],
		// The angel paying themself from the ward's balance waits too.
		[aj, angel, ward, 'pending'],
	];
	for (const [jar, p, r, how] of cases) {
		const res = await record(jar, { provider: p.username, recipient: r.username });
		assert.equal(res.res.status, 303, `${p.username} -> ${r.username}`);
		assert.ok(res[how], `${p.username} -> ${r.username}: ${how} (${res.res.location})`);
	}
});

test('coordinators with exchange.record_for record at once, audited; as the provider they wait like anyone', async () => {
	const support = await login('support');
	const a0 = balanceOf(A.id);
	const r = await record(support, { provider: D.username, recipient: A.username, hours: '1' });
	assert.ok(r.id, `at once: ${r.res.location}`);
	assert.equal(balanceOf(A.id), a0 - 100);
	assert.equal(Number(one(`SELECT COUNT(*) FROM audit_log WHERE action = 'exchange.record_for'
	    AND object_id = ${r.id}`)), 1);
	// mcoord giving a service to A: mcoord's own income waits for A.
	const own = await record(await login('mcoord'), { provider: 'mcoord', recipient: A.username });
	assert.ok(own.pending, `waits: ${own.res.location}`);
	assert.equal(balanceOf(A.id), a0 - 100);
	// While "become" is active: recorded by the real member, as the acting one.
	const jar = await login('mcoord');
	const target = makeMember({ community: 1 });
	const csrf = (await get('/', jar)).body.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
	assert.equal((await post(`/members/${target.id}/become`, jar, { csrf })).status, 303);
	const b = await record(jar, { provider: target.username, recipient: B.username });
	assert.ok(b.pending);
	const row = proposalRow(b.pending);
	assert.equal(row.recordedBy, idOf('mcoord'));
	assert.equal(row.recordedAs, target.id);
});

test('the recipient\'s home page: Confirm and Dispute; the provider\'s statement: waiting, not in the balance', async () => {
	const id = await propose(C, A, '0.75');
	const aj = await as(A.username);
	const home = await get('/', aj);
	assert.equal(home.status, 200);
	keys.check(home.body, 'home with exchanges to confirm');
	assert.match(text(home.body), /Waiting for your confirmation/);
	assert.ok(formFor(home.body, `/exchanges/pending/${id}/confirm`), 'a Confirm button');
	const dispute = formFor(home.body, `/exchanges/pending/${id}/dispute`);
	assert.ok(dispute, 'a Dispute button');
	assert.match(dispute.html, new RegExp(`<label for="reason-${id}">`), 'its reason, labelled');
	assert.match(dispute.html, /name="csrf" value="[0-9a-f]{64}"/);
	// The provider: on their statement, waiting, outside the balance.
	const cj = await as(C.username);
	const st = await get('/exchanges', cj);
	keys.check(st.body, 'statement with exchanges waiting');
	assert.match(text(st.body), /Waiting for confirmation/);
	assert.match(st.body, new RegExp(`href="/exchanges/pending/${id}"`));
	assert.ok(!formFor(st.body, `/exchanges/pending/${id}/confirm`), 'no Confirm for the provider');
	const bal = balanceOf(C.id);
	assert.match(text(st.body), new RegExp(`Balance: ${(bal / 100).toFixed(2)} hours`));
	const csv = await get('/exchanges/statement.csv', cj);
	assert.ok(!csv.body.includes('0.75'), 'not a line of the statement');
	// Its page: the provider sees it, with no button to answer it.
	const page = await get(`/exchanges/pending/${id}`, cj);
	assert.equal(page.status, 200);
	keys.check(page.body, 'pending page');
	assert.ok(!formFor(page.body, `/exchanges/pending/${id}/confirm`));
	assert.ok(formFor((await get(`/exchanges/pending/${id}`, aj)).body, `/exchanges/pending/${id}/confirm`));
});

test('an angel sees what waits for the member they look after on their own home page, and confirms it', async () => {
	const angel = makeMember({ community: 1 });
	const ward = makeMember({ community: 1, angelMode: true, name: 'Ward of an angel' });
	sql(`INSERT INTO guardian_angels (member_id, angel_id) VALUES (${ward.id}, ${angel.id})`);
	const id = await propose(B, ward, '0.5');
	// The angel's own income from the ward waits too, with no button.
	const own = await propose(angel, ward, '0.25');
	const aj = await as(angel.username);
	const home = await get('/', aj);
	assert.match(text(home.body), /for Ward of an angel/);
	assert.ok(formFor(home.body, `/exchanges/pending/${id}/confirm`), 'Confirm for the ward');
	assert.ok(!formFor(home.body, `/exchanges/pending/${own}/confirm`), 'not their own income');
	assert.equal((await confirmAs(aj, own)).status, 403);
	const w0 = balanceOf(ward.id);
	const r = await confirmAs(aj, id);
	assert.equal(r.status, 303);
	assert.equal(balanceOf(ward.id), w0 - 50);
	assert.equal(proposalRow(id).settledBy, angel.id);
	// On someone's behalf: audited (rule 5); one's own answer is not.
	assert.equal(Number(one(`SELECT COUNT(*) FROM audit_log WHERE action = 'exchange.confirm'
	    AND object_id = ${exchangeOf(r)} AND actor_id = ${angel.id}`)), 1);
	assert.equal(Number(one(`SELECT COUNT(*) FROM audit_log WHERE action = 'exchange.propose'
	    AND object_id = ${own}`)), 0, 'the angel proposed their own income as themself');
	// Mode off: neither listed nor confirmed by the angel.
	const later = await propose(B, ward, '0.25');
	sql(`UPDATE members SET angel_mode = 0 WHERE id = ${ward.id}`);
	assert.ok(!formFor((await get('/', aj)).body, `/exchanges/pending/${later}/confirm`));
	assert.equal((await confirmAs(aj, later)).status, 403);
});

test('confirm: both balances move as recording moves them, once; the exchange says who confirmed', async () => {
	const id = await propose(B, A, '1.25');
	const a0 = balanceOf(A.id), b0 = balanceOf(B.id), n0 = countExchanges();
	const aj = await as(A.username);
	const r = await confirmAs(aj, id);
	assert.equal(r.status, 303);
	const xid = exchangeOf(r);
	assert.ok(xid, `to the exchange: ${r.location}`);
	assert.match(await flashOf(aj, r), /has been confirmed/);
	assert.equal(balanceOf(A.id), a0 - 125);
	assert.equal(balanceOf(B.id), b0 + 125);
	assert.equal(countExchanges(), n0 + 1);
	const x = exchangeRow(xid);
	assert.deepEqual([x.provider, x.recipient, x.hundredths, x.recordedBy], [B.id, A.id, 125, B.id]);
	const p = proposalRow(id);
	assert.deepEqual([p.status, p.exchange, p.settledBy], ['confirmed', xid, A.id]);
	assert.equal(x.key, p.key, 'the exchange carries the form key');
	const page = await get(`/exchanges/${xid}`, aj);
	assert.match(text(page.body), /Confirmed\s+by Ledger/);
	keys.check(page.body, 'confirmed exchange');
	// Again: nothing moves; answered with the same exchange.
	const again = await confirmAs(aj, id);
	assert.equal(again.status, 303);
	assert.equal(exchangeOf(again), xid);
	assert.match(await flashOf(aj, again), /already been confirmed/);
	assert.equal(balanceOf(A.id), a0 - 125);
	assert.equal(countExchanges(), n0 + 1);
	// No longer on the home page; now on the statement, in the balance.
	assert.ok(!formFor((await get('/', aj)).body, `/exchanges/pending/${id}/confirm`));
	assert.match((await get('/exchanges', aj)).body, new RegExp(`href="/exchanges/${xid}"`));
	assert.equal(sumBalances(), 0);
});

test('two confirmations at once move the hours once', async () => {
	const aj = await as(A.username);
	const aj2 = await as(A.username);
	for (let i = 0; i < 5; i++) {
		const id = await propose(C, A, '0.25');
		const a0 = balanceOf(A.id), n0 = countExchanges();
		const [r1, r2] = await Promise.all([confirmAs(aj, id), confirmAs(aj2, id)]);
		assert.deepEqual([r1.status, r2.status], [303, 303]);
		assert.equal(exchangeOf(r1), exchangeOf(r2), 'both name one exchange');
		assert.equal(balanceOf(A.id), a0 - 25);
		assert.equal(countExchanges(), n0 + 1);
	}
	assert.equal(sumBalances(), 0);
});

test('the hard credit limit is judged at confirmation: refused, saying why; it stays pending', async () => {
	const payer = makeMember({ community: 1 });
	const id = await propose(A, payer, '3');
	const oldMode = setting('credit_limit_mode', 'hard');
	const oldLimit = setting('credit_limit_hundredths', '-200');
	try {
		const r = await confirmAs(await as(payer.username), id);
		assert.equal(r.status, 409);
		assert.match(text(r.body), /below the credit limit.*-2\.00/);
		assert.equal(balanceOf(payer.id), 0);
		assert.equal(proposalRow(id).status, 'pending');
	} finally {
		setting('credit_limit_mode', oldMode);
		setting('credit_limit_hundredths', oldLimit);
	}
	assert.equal((await confirmAs(await as(payer.username), id)).status, 303, 'soft: confirmed');
	assert.equal(balanceOf(payer.id), -300);
});

test('refusals: a third member, the provider, coordinators without exchange.edit over both, a missing id', async () => {
	const id = await propose(A, B, '1');
	const across = await propose(A, D, '1');
	const b0 = balanceOf(B.id);
	const refused = [
		[await as(C.username), id, 'a third member'],
		[await as(A.username), id, 'the provider'],
		[await login('support'), id, 'support: no exchange.edit'],
		[await login('outreach'), id, 'outreach'],
		[await login('northcoord'), across, 'northcoord: community 1 only'],
	];
	for (const [jar, pid, who] of refused) {
		assert.equal((await confirmAs(jar, pid)).status, 403, `confirm: ${who}`);
		assert.equal((await cancelAs(jar, pid)).status, 403, `cancel: ${who}`);
	}
	for (const who of [C.username, A.username])
		assert.equal((await disputeAs(await as(who), id)).status, 403, `dispute: ${who}`);
	assert.equal((await disputeAs(await login('admin'), id)).status, 403, 'a coordinator does not dispute for them');
	assert.equal((await get(`/exchanges/pending/${id}`, await as(C.username))).status, 403, 'a third member does not see it');
	assert.equal((await get(`/exchanges/pending/${across}`, await login('northcoord'))).status, 200, 'visible to either scope');
	assert.equal((await get(`/exchanges/pending/${id}`, await login('payment'))).status, 403);
	assert.equal(balanceOf(B.id), b0);
	assert.equal(proposalRow(id).status, 'pending');
	assert.equal(proposalRow(across).status, 'pending');
	// Missing: 404 only for a site-wide holder (rule 1).
	assert.equal((await confirmAs(await login('admin'), 999999999)).status, 404);
	assert.equal((await confirmAs(await login('northcoord'), 999999999)).status, 403);
	assert.equal((await confirmAs(await as(B.username), 999999999)).status, 403);
	assert.equal((await disputeAs(await login('admin'), 999999999)).status, 403);
	assert.equal((await get('/exchanges/pending/999999999', await login('admin'))).status, 404);
	assert.equal((await get('/exchanges/pending/999999999', await as(B.username))).status, 403);
});

test('dispute: with a reason; on the coordinators\' list and dashboard; a coordinator confirms it for the recipient, audited', async () => {
	const id = await propose(D, E, '2');
	const ej = await as(E.username);
	const r = await disputeAs(ej, id, 'I was not at home that day');
	assert.equal(r.status, 303);
	assert.equal(r.location, `/exchanges/pending/${id}`);
	assert.match(await flashOf(ej, r), /has been disputed/);
	const p = proposalRow(id);
	assert.deepEqual([p.status, p.reason, p.disputedBy], ['disputed', 'I was not at home that day', E.id]);
	assert.match(await flashOf(ej, await disputeAs(ej, id, 'again')), /already been disputed/);
	// The list, by status, and its CSV.
	const mc = await login('mcoord');
	const list = await get(`/exchanges/list?status=disputed&member=${E.username}`, mc);
	assert.equal(list.status, 200);
	keys.check(list.body, 'list of disputed exchanges');
	assert.match(list.body, new RegExp(`<a href="/exchanges/pending/${id}">#${id}</a>`));
	assert.match(text(list.body), /disputed: I was not at home that day/);
	assert.doesNotMatch((await get(`/exchanges/list?member=${E.username}`, mc)).body,
	    new RegExp(`href="/exchanges/pending/${id}"`), 'not among the recorded ones');
	assert.doesNotMatch((await get(`/exchanges/list?status=pending&member=${E.username}`, mc)).body,
	    new RegExp(`href="/exchanges/pending/${id}"`));
	const csv = await get(`/exchanges/list.csv?status=disputed&member=${E.username}`, mc);
	assert.match(csv.body.split('\r\n')[0], /,recorded_by,status,reason$/);
	assert.match(csv.body, new RegExp(`^${id},.*,disputed,"I was not at home that day"\r$`, 'm'));
	assert.equal((await get('/exchanges/list?status=maybe', mc)).status, 422);
	// northcoord (community 1) does not see it; the dashboard counts it.
	assert.doesNotMatch((await get('/exchanges/list?status=disputed', await login('northcoord'))).body,
	    new RegExp(`href="/exchanges/pending/${id}"`));
	const dash = await get('/members/dashboard', mc);
	const disputed = Number(dash.body.match(/id="ledger-disputed">(\d+)</)[1]);
	assert.equal(disputed, Number(one(`SELECT COUNT(*) FROM exchange_proposals WHERE status = 'disputed'`)));
	assert.match(dash.body, /href="\/exchanges\/list\?status=disputed"/);
	// mcoord decides: confirmed for the recipient, audited.
	const page = await get(`/exchanges/pending/${id}`, mc);
	assert.ok(formFor(page.body, `/exchanges/pending/${id}/cancel`));
	const e0 = balanceOf(E.id);
	const c = await confirmAs(mc, id);
	assert.equal(c.status, 303);
	const xid = exchangeOf(c);
	assert.ok(xid);
	assert.equal(balanceOf(E.id), e0 - 200);
	assert.equal(proposalRow(id).settledBy, idOf('mcoord'));
	const audit = rootSql(`SELECT actor_id, community_id, after_json FROM audit_log
	    WHERE action = 'exchange.confirm_for' AND object_type = 'exchange' AND object_id = ${xid}`);
	assert.equal(audit.length, 1);
	assert.deepEqual([Number(audit[0][0]), Number(audit[0][1])], [idOf('mcoord'), 2]);
	assert.match(audit[0][2], new RegExp(`"proposal":${id},"status":"confirmed"`));
});

test('a coordinator cancels one, audited: nothing moves, and it can no longer be confirmed or disputed', async () => {
	const id = await propose(A, B, '1');
	const b0 = balanceOf(B.id);
	const nc = await login('northcoord');
	const r = await cancelAs(nc, id);
	assert.equal(r.status, 303);
	assert.match(await flashOf(nc, r), /has been cancelled/);
	assert.equal(proposalRow(id).status, 'cancelled');
	assert.equal(Number(one(`SELECT COUNT(*) FROM audit_log WHERE action = 'exchange.cancel'
	    AND object_type = 'exchange_proposal' AND object_id = ${id} AND actor_id = ${idOf('northcoord')}`)), 1);
	const bj = await as(B.username);
	let x = await confirmAs(bj, id);
	assert.equal(x.status, 409);
	assert.match(text(x.body), /cancelled by a coordinator/);
	x = await disputeAs(bj, id);
	assert.equal(x.status, 409);
	assert.equal(balanceOf(B.id), b0);
	// A confirmed one is not cancelled: it is reversed.
	const done = await propose(A, B, '0.5');
	assert.equal((await confirmAs(bj, done)).status, 303);
	x = await cancelAs(nc, done);
	assert.equal(x.status, 409);
	assert.match(text(x.body), /confirmed already/);
	assert.equal((await disputeAs(bj, done)).status, 409);
});

test('one form key, one proposal: a double submit, in a row or ten at once', async () => {
	const jar = await as(A.username);
	const { values } = await recordForm(jar);
	const v = { ...values, provider: A.username, recipient: B.username, hours: '0.5', description: 'Twice' };
	const p0 = countProposals();
	const first = await post('/exchanges/new', jar, v);
	const second = await post('/exchanges/new', jar, v);
	assert.match(first.location, /^\/exchanges\/pending\/\d+$/);
	assert.equal(second.location, first.location);
	assert.match(await flashOf(jar, second), /already been recorded and is waiting/);
	assert.equal(countProposals(), p0 + 1);
	const f2 = (await recordForm(jar)).values;
	const burst = await Promise.all(Array.from({ length: 10 }, () =>
	    post('/exchanges/new', jar, { ...f2, provider: A.username, recipient: B.username, hours: '1', description: 'Burst' })));
	const answers = new Set(burst.map((r) => `${r.status} ${r.location}`));
	assert.equal(answers.size, 1, [...answers].join(', '));
	assert.equal(countProposals(), p0 + 2);
	// Confirmed, the form's replay shows the exchange.
	const id = Number(first.location.split('/').pop());
	const c = await confirmAs(await as(B.username), id);
	const replay = await post('/exchanges/new', jar, v);
	assert.equal(replay.location, c.location);
	assert.equal(Number(one(`SELECT COUNT(*) FROM exchanges WHERE form_key = '${v.form_key}'`)), 1);
});

test('auto-confirmation after the setting\'s days, when a party\'s page is shown, audited as the system', async () => {
	const old = await propose(C, B, '0.5');
	const fresh = await propose(C, B, '0.25');
	const disputed = await propose(C, B, '0.25');
	assert.equal((await disputeAs(await as(B.username), disputed)).status, 303);
	sql(`UPDATE exchange_proposals SET created_at = UTC_TIMESTAMP() - INTERVAL 3 DAY
	    WHERE id IN (${old}, ${disputed})`);
	const b0 = balanceOf(B.id);
	const before = setting('exchange_auto_confirm_days', '2');
	try {
		assert.equal(proposalRow(old).status, 'pending', 'nothing happens without a page');
		const home = await get('/', await as(B.username));
		assert.equal(home.status, 200);
		assert.equal(proposalRow(old).status, 'confirmed');
		assert.equal(proposalRow(fresh).status, 'pending', 'not yet due');
		assert.equal(proposalRow(disputed).status, 'disputed', 'a dispute waits for a coordinator');
		assert.equal(balanceOf(B.id), b0 - 50);
		assert.match(text(home.body), new RegExp(`Your balance: ${((b0 - 50) / 100).toFixed(2)} hours`),
		    'the balance shown counts it');
		const xid = proposalRow(old).exchange;
		const audit = rootSql(`SELECT COALESCE(actor_id, 0) FROM audit_log
		    WHERE action = 'exchange.auto_confirm' AND object_id = ${xid}`);
		assert.deepEqual(audit, [['0']]);
		assert.match(text((await get(`/exchanges/${xid}`, await as(C.username))).body), /Confirmed\s+automatically/);
		// The provider's statement confirms too.
		sql(`UPDATE exchange_proposals SET created_at = UTC_TIMESTAMP() - INTERVAL 3 DAY WHERE id = ${fresh}`);
		assert.equal((await get('/exchanges', await as(C.username))).status, 200);
		assert.equal(proposalRow(fresh).status, 'confirmed');
	} finally {
		setting('exchange_auto_confirm_days', before);
	}
	assert.equal(sumBalances(), 0);
});

test('reversals apply to recorded exchanges: a waiting one offers none, its confirmed exchange does', async () => {
	const id = await propose(A, C, '1');
	const mc = await login('mcoord');
	const page = await get(`/exchanges/pending/${id}`, mc);
	assert.doesNotMatch(page.body, /\/reverse"/);
	const r = await confirmAs(await as(C.username), id);
	const xid = exchangeOf(r);
	const rev = await postWithCsrf(mc, `/exchanges/${xid}/reverse`, { reason: 'Consent test' });
	assert.equal(rev.status, 303);
	assert.equal(sumBalances(), 0);
});

test('no phrase keys shown instead of text', () => {
	keys.assertNone();
});
