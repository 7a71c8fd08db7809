// The payments area in a real browser (docs/payments.md), as the demo's
// payment coordinator works it: the due list from the gear menu, the
// overdue members among it, carol's page, a cheque recorded for her whole
// charge, and carol current; her receipt queued in the outbox and
// delivered by the mailer to the stack's SMTP sink (docs/mail.md); the subscription types, the payments
// received; carol's own view; the admin's switch page.  Every page is
// screenshotted (tests/screenshots/payments-*.png) and checked with
// axe-core (0 violations); the console must stay clean.

import test from 'node:test';
import assert from 'node:assert/strict';
import { URL_BASE, close, consoleErrors, launch, rootSql, session, submit, visited } from './lib.mjs';
import { decodeWords, mailsFor, until } from '../e2e/mail-lib.mjs';

test.before(() => launch('payments'));
test.after(close);

const carol = () => Number(rootSql("SELECT id FROM members WHERE username = 'carol'")[0][0]);

test('the payment coordinator finds an overdue member, records a cheque, and sees them current', async () => {
	const s = await session('payment');
	try {
		assert.ok(await s.page.locator('a[href="/payments"]').count() > 0, 'the menu offers the due list');
		await s.page.goto(`${URL_BASE}/payments`);
		await visited(s, 'due');
		await s.page.selectOption('#status', 'overdue');
		await submit(s.page, 'form.filters button[type="submit"]');
		const row = s.page.locator(`tr[data-member="${carol()}"]`);
		assert.equal(await row.getAttribute('data-status'), 'overdue', 'carol is overdue');
		await visited(s, 'due-overdue');
		await Promise.all([s.page.waitForNavigation(), row.locator('a').click()]);
		assert.equal(new URL(s.page.url()).pathname, `/payments/members/${carol()}`);
		assert.equal(await s.page.getAttribute('p.status', 'data-status'), 'overdue');
		await visited(s, 'member-overdue');
		// A mistake first: more than is owed is refused, the input kept.
		await s.page.fill('#amount', '30');
		await s.page.selectOption('#method', 'cheque');
		await submit(s.page, 'form[action$="/payments"] button[type="submit"]');
		assert.match(await s.page.textContent('#amount-error'), /more than what is left to pay \(24\.00 EUR\)/);
		assert.equal(await s.page.inputValue('#amount'), '30');
		await visited(s, 'member-refused');
		await s.page.fill('#amount', '24.00');
		await s.page.fill('#reference', 'Cheque 001234');
		await submit(s.page, 'form[action$="/payments"] button[type="submit"]');
		assert.equal(await s.page.getAttribute('p.status', 'data-status'), 'current', 'carol is current');
		assert.match(await s.page.textContent('table.payments'), /Cheque 001234/);
		await visited(s, 'member-current');
		const mail = rootSql(`SELECT kind, to_addr, subject FROM outbox WHERE member_id = ${carol()} AND kind = 'payments.receipt'`);
		assert.deepEqual(mail, [['payments.receipt', 'carol@example.org', 'Payment received: 24.00 EUR']], 'her receipt is queued');
		// The mailer delivers it: the stack's SMTP sink has it.
		const [[mid]] = rootSql(`SELECT message_id FROM outbox WHERE member_id = ${carol()} AND kind = 'payments.receipt'`);
		const got = await until(() => mailsFor(mid).length && mailsFor(mid));
		assert.ok(got && got.length === 1, 'carol\'s receipt reached the SMTP sink');
		assert.equal(decodeWords(got[0].headers.subject), 'Payment received: 24.00 EUR');
		await s.page.goto(`${URL_BASE}/payments/received`);
		assert.match(await s.page.textContent('table.received'), /Carol Chen/);
		await visited(s, 'received');
		await s.page.goto(`${URL_BASE}/payments/types`);
		await visited(s, 'types');
	} finally {
		await s.context.close();
	}
});

test('a member\'s own view, and the admin\'s switch page', async () => {
	const c = await session('carol');
	try {
		await c.page.goto(`${URL_BASE}/payments/me`);
		assert.match(await c.page.textContent('main'), /Cheque|cheque/);
		await visited(c, 'me');
	} finally {
		await c.context.close();
	}
	const a = await session('admin');
	try {
		await a.page.goto(`${URL_BASE}/payments/feature`);
		assert.match(await a.page.textContent('main'), /Payments are switched on/);
		await visited(a, 'feature');
	} finally {
		await a.context.close();
	}
	// The one refusal asked for above is a 422 the browser reports; any
	// other message is an error.
	const refused = /status of 422 .*\/payments\/members\/\d+\/charges\/\d+\/payments\)$/;
	assert.equal(consoleErrors.filter((m) => refused.test(m)).length, 1, 'the refused payment');
	assert.deepEqual(consoleErrors.filter((m) => !refused.test(m)), [], 'no other console errors');
});
