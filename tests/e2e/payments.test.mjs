// The payments area over HTTP (docs/payments.md): charges one per member
// and period, payments partial and whole moving the status, paid charges
// kept, paying in hours through the ledger, households sharing their
// head's status, the lists and their CSV without contact columns, the
// notices in the outbox, and a community-scoped payment coordinator's
// reach.
import test from 'node:test';
import assert from 'node:assert/strict';
import { audits, get, login, post, sql, text } from './lib.mjs';
import { balanceOf, dateIn, makeMember, q, sumBalances } from './exchanges-lib.mjs';
import { charges, generate, pageForm, payForm, statusOf, subscriber } from './payments-lib.mjs';

test('two "generate the next charge" at once make one charge; again is answered with it', async () => {
	const pay = await login('payment');
	const m = subscriber({ days: 5 });
	const v = await pageForm(pay, m.id, 'charges');
	const rs = await Promise.all(Array.from({ length: 6 }, () => post(`/payments/members/${m.id}/charges`, pay, v)));
	for (const r of rs)
		assert.equal(r.status, 303, 'each answered with the member page');
	assert.equal(charges(m.id).length, 1, 'one charge');
	assert.equal(Number(charges(m.id)[0][1]), 2400, 'at the type\'s amount');
	const a = audits('charge', charges(m.id)[0][0], 'charge.generate');
	assert.equal(a.length, 1, 'one audit row');
	assert.match(a[0][1], /"period_start":"\d{4}-\d\d-\d\d"/);
});

test('a partial then a final payment move the status from due to current; the renewal date moves on', async () => {
	const pay = await login('payment');
	const m = subscriber({ days: 5 });
	assert.equal(await statusOf(pay, m.id), 'due');
	await generate(pay, m.id);
	let [action, v] = await payForm(pay, m.id);
	let r = await post(action, pay, { ...v, amount: '10.50', method: 'cash' });
	assert.equal(r.status, 303);
	assert.equal(await statusOf(pay, m.id), 'due', 'partly paid: still due');
	[action, v] = await payForm(pay, m.id);
	// More than what is left is refused, with a message saying how much.
	r = await post(action, pay, { ...v, amount: '20', method: 'cash' });
	assert.equal(r.status, 422);
	assert.match(text(r.body), /more than what is left to pay \(13\.50 EUR\)/);
	r = await post(action, pay, { ...v, amount: '13.50', method: 'cheque', reference: 'CHQ 0042' });
	assert.equal(r.status, 303);
	assert.equal(await statusOf(pay, m.id), 'current', 'paid whole: current');
	const renewal = sql(`SELECT renewal_date FROM subscriptions WHERE member_id = ${m.id}`)[0][0];
	assert.equal(renewal, `${Number(dateIn(5).slice(0, 4)) + 1}${dateIn(5).slice(4)}`.replace(/-02-29$/, '-03-01'), 'a year later');
	const rows = sql(`SELECT minor, method, reference FROM payments WHERE member_id = ${m.id} ORDER BY id`);
	assert.deepEqual(rows, [['1050', 'cash', ''], ['1350', 'cheque', 'CHQ 0042']]);
	// Each payment audited with before and after: what was left, and the
	// renewal date the final one moved.
	const [p1, p2] = sql(`SELECT id FROM payments WHERE member_id = ${m.id} ORDER BY id`).map((x) => x[0]);
	const [a1] = audits('payment', p1, 'payment.record');
	assert.match(a1[0], /"left":2400/);
	assert.doesNotMatch(a1[0], /renewal_date/);
	assert.match(a1[1], /"minor":1050,.*"left":1350/);
	const [a2] = audits('payment', p2, 'payment.record');
	assert.match(a2[0], new RegExp(`"left":1350,"renewal_date":"${dateIn(5)}"`));
	assert.match(a2[1], new RegExp(`"left":0,"renewal_date":"${renewal}"`));
	// The same form key again records nothing more.
	r = await post(action, pay, { ...v, amount: '13.50', method: 'cheque' });
	assert.ok([303, 422].includes(r.status));
	assert.equal(sql(`SELECT COUNT(*) FROM payments WHERE member_id = ${m.id}`)[0][0], '2');
});

test('amounts are read in the coordinator\'s language: "12,50" in Spanish, refused in English', async () => {
	const pay = await login('payment');
	const m = subscriber({ days: 3 });
	await generate(pay, m.id);
	let [action, v] = await payForm(pay, m.id);
	let r = await post(action, pay, { ...v, amount: '12,50', method: 'cash' });
	assert.equal(r.status, 422, 'English reads no decimal comma');
	for (const bad of ['12.505', '-1', '0', '1e3', '12.5.0', ' 12', '12 EUR'])
		assert.equal((await post(action, pay, { ...v, amount: bad, method: 'cash' })).status, 422, `"${bad}" refused`);
	sql("UPDATE members SET lang = 'es' WHERE username = 'payment'");
	try {
		const es = await login('payment');
		[action, v] = await payForm(es, m.id);
		r = await post(action, es, { ...v, amount: '12,50', method: 'cash' });
		assert.equal(r.status, 303, 'Spanish reads 12,50');
	} finally {
		sql("UPDATE members SET lang = 'en' WHERE username = 'payment'");
	}
	assert.equal(sql(`SELECT minor FROM payments WHERE member_id = ${m.id}`)[0][0], '1250');
});

test('a charge with a payment on it is not deleted; an unpaid one is, audited', async () => {
	const pay = await login('payment');
	const m = subscriber({ days: 2 });
	await generate(pay, m.id);
	const [cid] = charges(m.id)[0];
	const [action, v] = await payForm(pay, m.id);
	assert.equal((await post(action, pay, { ...v, amount: '1', method: 'cash' })).status, 303);
	let r = await post(`/payments/members/${m.id}/charges/${cid}/delete`, pay, { csrf: v.csrf });
	assert.equal(r.status, 409);
	assert.match(text(r.body), /Something is paid on this charge/);
	assert.equal(charges(m.id).length, 1, 'still there');
	const u = subscriber({ days: 2 });
	await generate(pay, u.id);
	const [uid] = charges(u.id)[0];
	r = await post(`/payments/members/${u.id}/charges/${uid}/delete`, pay, { csrf: v.csrf });
	assert.equal(r.status, 303);
	assert.equal(charges(u.id).length, 0);
	assert.equal(audits('charge', uid, 'charge.delete').length, 1);
});

test('paying in hours moves them to the timebank\'s own account in the same transaction: the ledger sum stays zero', async () => {
	const pay = await login('payment');
	const m = subscriber({ days: 1, pref: 'hours', type: 'Individual, monthly' });
	await generate(pay, m.id);
	const before = balanceOf(m.id);
	const [action, v] = await payForm(pay, m.id);
	assert.equal(v.method, 'hours', 'the method defaults to the preference');
	let r = await post(action, pay, { ...v, amount: '2.50' });
	assert.equal(r.status, 422, 'hours are needed');
	r = await post(action, pay, { ...v, amount: '2.50', hours: '1.5' });
	assert.equal(r.status, 303);
	assert.equal(balanceOf(m.id), before - 150, 'the member paid 1.50 hours');
	const tb = Number(sql("SELECT member_id FROM ledger_accounts WHERE name = 'timebank'")[0][0]);
	const [[xid, provider, recipient, h]] = sql(`SELECT x.id, x.provider_id, x.recipient_id, x.hundredths
	    FROM payments p JOIN exchanges x ON x.id = p.exchange_id WHERE p.member_id = ${m.id}`);
	assert.deepEqual([Number(provider), Number(recipient), Number(h)], [tb, m.id, 150]);
	assert.equal(sumBalances(), 0, 'the sum of all balances is zero');
	assert.equal(audits('exchange', xid, 'exchange.record_for').length, 1, 'the exchange is audited');
	assert.equal(await statusOf(pay, m.id), 'current');
});

test('a household head\'s lapse shows on its members; the head pays for them', async () => {
	const pay = await login('payment');
	const head = subscriber({ type: 'Household, yearly', days: -45 });
	const kid = subscriber({ type: 'Household, yearly', days: 300 });
	const v = await pageForm(pay, kid.id, 'household');
	let r = await post(`/payments/members/${kid.id}/household`, pay, { ...v, head: head.username });
	assert.equal(r.status, 303);
	assert.equal(await statusOf(pay, head.id), 'lapsed');
	assert.equal(await statusOf(pay, kid.id), 'lapsed', 'the member shares the head\'s status');
	// A member cannot be the head of a household type they do not have.
	const single = subscriber({ days: 300 });
	r = await post(`/payments/members/${kid.id}/household`, pay, { ...v, head: single.username });
	assert.equal(r.status, 422);
	// No charge for a household's member: the head is charged.
	assert.equal(await pageForm(pay, kid.id, 'charges'), null, 'no "generate" for a household member');
	const kids = await get(`/payments/members/${head.id}`, pay);
	assert.match(text(kids.body), new RegExp(`Pays for the household's member ${kid.username.replace(/[.]/g, '.')}|Pays for the household's member Ledger ${kid.username}`));
});

test('the due list: filters, totals; the payment role\'s CSV has no contact column', async () => {
	const pay = await login('payment');
	const overdue = subscriber({ days: -3 });
	let r = await get('/payments?status=overdue', pay);
	assert.equal(r.status, 200);
	assert.match(r.body, new RegExp(`data-member="${overdue.id}" data-status="overdue"`));
	r = await get('/payments?status=due', pay);
	assert.doesNotMatch(r.body, new RegExp(`data-member="${overdue.id}"`));
	// The default (due, overdue or lapsed): the demo's lapsed dave too.
	r = await get('/payments', pay);
	assert.match(r.body, new RegExp(`data-member="${overdue.id}"`));
	assert.match(r.body, /data-status="lapsed"/);
	assert.match((await get('/payments?status=lapsed', pay)).body, /data-status="lapsed"/);
	assert.match(text(r.body), /Total of all \d+ subscriptions/);
	r = await get('/payments/due.csv?status=overdue', pay);
	assert.equal(r.status, 200);
	assert.match(r.headers['content-type'], /text\/csv/);
	const [head, ...lines] = r.body.trim().split('\r\n');
	assert.deepEqual(head.replace(/"/g, '').split(','), ['member_id', 'username', 'name', 'status', 'type', 'renewal_date', 'preference', 'owed', 'currency']);
	assert.doesNotMatch(head, /email|phone|address/, 'no contact column');
	assert.doesNotMatch(r.body, /@example\.org|\+1 555/, 'no contact detail anywhere');
	assert.ok(lines.some((l) => l.replace(/"/g, '').startsWith(`${overdue.id},`)), 'the overdue member is in it');
	r = await get('/payments/received.csv', pay);
	assert.equal(r.status, 200);
	assert.doesNotMatch(r.body.split('\r\n')[0], /email|phone|address/);
});

test('a community-scoped payment coordinator reaches only their community\'s members', async () => {
	const coord = makeMember({ prefix: 'pc', community: 1 });
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id) VALUES (${coord.id}, 'payment', 'community', 1)`);
	const jar = await login(coord.username);
	const inside = subscriber({ days: -2, community: 1 });
	const outside = subscriber({ days: -2, community: 2 });
	const none = subscriber({ days: -2 });
	assert.equal((await get(`/payments/members/${inside.id}`, jar)).status, 200);
	assert.equal((await get(`/payments/members/${outside.id}`, jar)).status, 403);
	assert.equal((await get(`/payments/members/${none.id}`, jar)).status, 403);
	assert.equal((await get('/payments/members/999999999', jar)).status, 403, 'rule 1: the same 403 for no such member');
	const list = await get('/payments?status=overdue', jar);
	assert.match(list.body, new RegExp(`data-member="${inside.id}"`));
	assert.doesNotMatch(list.body, new RegExp(`data-member="(${outside.id}|${none.id})"`));
	const csv = await get('/payments/due.csv', jar);
	assert.ok(!csv.body.replace(/"/g, '').includes(`\r\n${outside.id},`), 'nor in the CSV');
	// Types are the whole timebank's.
	const t = await get('/payments/types', jar);
	assert.equal(t.status, 200);
	assert.doesNotMatch(t.body, /action="\/payments\/types"/, 'no form to add one');
});

test('a recorded payment queues its receipt in the member\'s language; reminders once per member and period', async () => {
	const pay = await login('payment');
	const m = subscriber({ days: 4, lang: 'es' });
	await generate(pay, m.id);
	const [action, v] = await payForm(pay, m.id);
	assert.equal((await post(action, pay, { ...v, amount: '24', method: 'transfer', reference: 'TRF 7' })).status, 303);
	const rows = sql(`SELECT kind, to_addr, lang, subject FROM outbox WHERE member_id = ${m.id} ORDER BY id`);
	assert.deepEqual(rows.map((r) => r.slice(0, 3)), [['payments.receipt', `${m.username}@example.org`, 'es']]);
	assert.match(rows[0][3], /^Pago recibido: 24,00 EUR$/, 'in Spanish, with its decimal comma (the demo translates the subject)');
	// Reminders: one due N days before, one on the date; the job twice.
	const before = subscriber({ days: 3 });
	const on = subscriber({ days: 0 });
	for (let i = 0; i < 2; i++)
		assert.equal((await post('/payments/reminders', pay, { csrf: v.csrf })).status, 303);
	const kinds = (id) => sql(`SELECT kind FROM payment_notices WHERE member_id = ${id}`).map((r) => r[0]);
	assert.deepEqual(kinds(before.id), ['before']);
	assert.deepEqual(kinds(on.id), ['on']);
	for (const x of [before, on])
		assert.equal(sql(`SELECT COUNT(*) FROM outbox WHERE member_id = ${x.id} AND kind = 'payments.reminder'`)[0][0], '1', 'one reminder');
	assert.match(sql(`SELECT subject FROM outbox WHERE member_id = ${before.id}`)[0][0], /^Your subscription renews on /);
});

test('subscription and type writes are audited with before and after', async () => {
	const pay = await login('payment');
	const m = makeMember({ prefix: 'pa' });
	const v = await pageForm(pay, m.id, 'subscription');
	assert.ok(v, 'a member without a subscription is offered one');
	let r = await post(`/payments/members/${m.id}/subscription`, pay, { ...v, renewal_date: dateIn(30), preference: 'card', gateway_ref: 'cus_123' });
	assert.equal(r.status, 303);
	const v2 = await pageForm(pay, m.id, 'subscription');
	r = await post(`/payments/members/${m.id}/subscription`, pay, { ...v2, preference: 'waived' });
	assert.equal(r.status, 303);
	const a = audits('member', m.id, 'subscription.save');
	assert.equal(a.length, 2);
	assert.equal(a[0][0], 'null', 'first: nothing before');
	assert.match(a[1][0], /"preference":"card","gateway_ref":"cus_123"/);
	assert.match(a[1][1], /"preference":"waived"/);
	assert.equal(await statusOf(pay, m.id), 'current', 'waived is current');
	// A type: added by the site's payment coordinator, an amount read strictly.
	const name = `Test type ${m.username}`;
	const tv = { csrf: v.csrf, name, kind: 'individual', period_n: '6', period_unit: 'month', amount: '7.5', active: '1' };
	r = await post('/payments/types', pay, { ...tv, amount: '7,5' });
	assert.equal(r.status, 422);
	r = await post('/payments/types', pay, tv);
	assert.equal(r.status, 303);
	const [[tid, minor]] = sql(`SELECT id, minor FROM subscription_types WHERE name = ${q(name)}`);
	assert.equal(minor, '750');
	const { active, ...retired } = tv;
	assert.equal(active, '1');
	r = await post(`/payments/types/${tid}`, pay, { ...retired, amount: '8' });
	assert.equal(r.status, 303);
	const ta = audits('subscription_type', tid, 'subscription_type.save');
	assert.equal(ta.length, 2);
	assert.match(ta[1][0], /"minor":750/);
	assert.match(ta[1][1], /"minor":800,"currency":"EUR","active":false/);
});

test('a member sees their own subscription, charges and payments at /payments/me', async () => {
	const r = await get('/payments/me', await login('heidi'));
	assert.equal(r.status, 200);
	const t = text(r.body);
	assert.match(t, /Status: overdue/);
	assert.match(t, /Individual, yearly/);
	assert.match(t, /10\.00 EUR/, 'the partial payment');
	const none = await get('/payments/me', await login('bob'));
	assert.match(text(none.body), /due/);
});
