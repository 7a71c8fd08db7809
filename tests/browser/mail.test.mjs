// Unsubscribing in a real browser: a visitor with a broadcast's link sees
// the confirmation page and unsubscribes with its button; a member sees
// their choice on /me and receives the mailings again.  Every page is
// screenshotted and checked with axe-core (0 violations).

import test from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { URL_BASE, close, consoleErrors, launch, rootSql, session, submit, visited } from './lib.mjs';

test.before(() => launch('mail'));
test.after(close);

const idOf = (u) => Number(rootSql(`SELECT id FROM members WHERE username = '${u}'`)[0][0]);
const optout = (id) => Number(rootSql(`SELECT optout FROM members WHERE id = ${id}`)[0][0]);

function token(id) {
	const hex = rootSql("SELECT HEX(secret) FROM site_keys WHERE name = 'unsubscribe'")[0][0];
	return `${id}-${createHmac('sha256', Buffer.from(hex, 'hex')).update(`unsubscribe:${id}`).digest('base64url')}`;
}

test('a link unsubscribes in one click; /me subscribes again', async () => {
	const frank = idOf('frank');
	rootSql(`UPDATE members SET optout = 0 WHERE id = ${frank}`);
	const s = await session('frank');
	try {
		// The link opened in a fresh context: no session needed.
		const ctx = await s.context.browser().newContext();
		const v = { context: ctx, page: await ctx.newPage() };
		await v.page.goto(`${URL_BASE}/unsubscribe/${token(frank)}`);
		await visited(v, 'unsubscribe-ask');
		await submit(v.page, 'main form button[type="submit"]');
		assert.match(await v.page.textContent('main'), /You are unsubscribed/);
		assert.equal(optout(frank), 1);
		await visited(v, 'unsubscribe-done');
		await ctx.close();

		await s.page.goto(`${URL_BASE}/me`);
		assert.match(await s.page.textContent('main'), /You do not receive the timebank's mailings/);
		await visited(s, 'me-mailings-off');
		await submit(s.page, 'form[action="/me/mailings"] button[type="submit"]');
		assert.equal(optout(frank), 0);
		assert.match(await s.page.textContent('main'), /You receive the timebank's mailings/);
		await visited(s, 'me-mailings-on');
	} finally {
		rootSql(`UPDATE members SET optout = 0 WHERE id = ${frank}`);
		await s.context.close();
	}
	assert.deepEqual(consoleErrors, []);
});
