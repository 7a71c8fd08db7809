// The payment switch (docs/payments.md): with payments_enabled off every
// payments route but the switch's answers the page saying so, and nothing
// of payments shows in the navigation; turning it on shows first who
// would be mailed, then needs a confirmation, and then mails them at once
// (the reminder job made due).  Serial: it changes what
// every page shows.
import test from 'node:test';
import assert from 'node:assert/strict';
import { get, getCsrf, login, post, sql, text } from './lib.mjs';
import { until } from './mail-lib.mjs';
import { setting } from './exchanges-lib.mjs';
import { subscriber } from './payments-lib.mjs';

const CLOSED = /Payments are switched off in this timebank/;

test('feature off: the area is closed and nothing of it shows; on again after a preview and a confirmation', async () => {
	const admin = await login('admin');
	const pay = await login('payment');
	const alice = await login('alice');
	// Due in three days, not reminded yet: the preview names them.
	const due = subscriber({ days: 3 });
	const old = setting('payments_enabled', 'off');
	try {
		for (const [jar, path] of [[pay, '/payments'], [pay, '/payments/due.csv'], [pay, '/payments/received'],
		    [pay, '/payments/types'], [alice, '/payments/me'], [admin, '/payments/members/1']]) {
			const r = await get(path, jar);
			assert.equal(r.status, 404, `GET ${path}`);
			assert.match(text(r.body), CLOSED, `${path} says why`);
		}
		// Refused as ever to whom may not pass.
		assert.equal((await get('/payments', alice)).status, 403);
		for (const jar of [admin, pay, alice]) {
			const home = await get('/', jar);
			assert.doesNotMatch(home.body, /href="\/payments(\/me|\/received|\/types)?"/, 'no entry of the area in the menus');
		}
		// The switch's page stays reachable, and shows it as off.
		let r = await get('/payments/feature', admin);
		assert.equal(r.status, 200);
		assert.match(text(r.body), /Payments are switched off/);
		const csrf = getCsrf(r.body);
		r = await post('/payments/feature', admin, { csrf, state: 'on' });
		assert.equal(r.status, 200, 'a preview first');
		assert.match(text(r.body), /Who would be mailed/);
		assert.match(text(r.body), new RegExp(`Ledger ${due.username}`), 'a member due soon would be reminded');
		assert.equal(setting('payments_enabled'), 'off', 'still off');
		r = await post('/payments/feature', admin, { csrf, state: 'on', confirm: '1' });
		assert.equal(r.status, 303);
		assert.equal(setting('payments_enabled'), 'on');
		// Those previewed are mailed at once: the reminder job is made
		// due, and the stack's mailer runs it within seconds.
		const queued = await until(() => Number(sql(`SELECT COUNT(*) FROM outbox
		    WHERE member_id = ${due.id} AND kind = 'payments.reminder'`)[0][0]), 30000);
		assert.equal(queued, 1, 'the member previewed is reminded once');
		assert.equal((await get('/payments', pay)).status, 200, 'open again');
		assert.match((await get('/', pay)).body, /href="\/payments"/);
	} finally {
		setting('payments_enabled', old === null ? 'on' : old);
	}
});
