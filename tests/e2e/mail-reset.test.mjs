// Forgot password (cgi-bin/account/reset.c): the same answer whether or
// not an account matches; a mailed link (read from the stack's SMTP sink)
// that works once, within an hour; the new password ends every session
// of the account; a notice follows; the requests are throttled per
// member.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	Jar, csrfOf, get, login, mainText, memberId, request, sql,
} from './lib.mjs';
import { decodeQP, mailsFor, until } from './mail-lib.mjs';

const TAG = `rs${process.pid % 100000}${Date.now() % 1000}`;

async function ask(who, addr) {
	const jar = new Jar();
	const csrf = await csrfOf('/password/forgot', jar);
	const r = await request('/password/forgot', { jar, form: { csrf, who }, localAddress: addr });
	assert.equal(r.status, 200);
	return mainText(r.body);
}

const lastReset = (id) => sql(`SELECT message_id FROM outbox WHERE member_id = ${id}
    AND kind = 'account.password_reset' ORDER BY id DESC LIMIT 1`).map((r) => r[0])[0];

test('the same answer for an account, an unknown name and an address; a link that works once', async () => {
	const id = Number(sql(`INSERT INTO members (username, email, name, password_hash, status, about)
	    SELECT '${TAG}', '${TAG}@example.org', 'Reset Tester', password_hash, 'approved', ''
	    FROM members WHERE username = 'alice'; SELECT LAST_INSERT_ID()`)[0][0]);
	const known = await ask(`${TAG}@example.org`, '127.0.0.61');
	const unknown = await ask(`nobody-${TAG}`, '127.0.0.61');
	assert.equal(known, unknown, 'nothing tells whether the account exists');
	assert.match(known, /If an account matches/);
	assert.equal(sql(`SELECT COUNT(*) FROM password_resets WHERE member_id = ${id}`)[0][0], '1');
	assert.equal(sql(`SELECT COUNT(*) FROM password_resets WHERE member_id = ${id}
	    AND token_hash = UNHEX(SHA2('x', 256))`)[0][0], '0');

	const mid = lastReset(id);
	const [m] = await until(() => mailsFor(mid).length && mailsFor(mid));
	const url = new URL(decodeQP(m.body).match(/(http\S+\/password\/reset\/[0-9a-f]{64})/)[1]);
	const token = url.pathname.split('/').pop();
	assert.equal(sql(`SELECT COUNT(*) FROM password_resets WHERE token_hash = UNHEX(SHA2('${token}', 256))`)[0][0],
	    '1', 'only the hash is stored');

	const old = await login(TAG);
	assert.equal((await get('/me', old)).status, 200);
	const page = await get(url.pathname);
	assert.equal(page.status, 200);
	const jar = new Jar();
	const csrf = await csrfOf(url.pathname, jar);
	const mismatch = await request(url.pathname, { jar, form: { csrf, password: 'a-new-long-password-1', password2: 'other' } });
	assert.equal(mismatch.status, 422);
	const r = await request(url.pathname, { jar, form: { csrf, password: `a-new-long-password-${TAG}`, password2: `a-new-long-password-${TAG}` } });
	assert.equal(r.status, 303);
	assert.equal(r.location, '/login');
	assert.equal((await get('/me', old)).status, 303, 'the old session is ended');
	await login(TAG, `a-new-long-password-${TAG}`);
	assert.equal((await get(url.pathname)).status, 404, 'used once');
	const a = sql(`SELECT action FROM audit_log WHERE object_type = 'member' AND object_id = ${id}
	    AND action LIKE 'member.password_reset%' ORDER BY id`).map((x) => x[0]);
	assert.deepEqual(a, ['member.password_reset_request', 'member.password_reset']);
	assert.equal(sql(`SELECT COUNT(*) FROM outbox WHERE member_id = ${id}
	    AND kind = 'account.password_changed'`)[0][0], '1', 'a notice follows');
});

test('an expired link is a 404; a fourth request within the hour mails nothing', async () => {
	const id = memberId('erin');
	sql(`DELETE FROM password_resets WHERE member_id = ${id}`);
	for (let i = 0; i < 4; i++)
		await ask('erin', `127.0.0.${62 + i}`);
	assert.equal(sql(`SELECT COUNT(*) FROM password_resets WHERE member_id = ${id}`)[0][0], '3');
	assert.equal(sql(`SELECT COUNT(*) FROM password_resets WHERE member_id = ${id} AND used_at IS NULL`)[0][0],
	    '1', 'a new link ends the older ones');
	const mid = lastReset(id);
	const [m] = await until(() => mailsFor(mid).length && mailsFor(mid));
	const path = new URL(decodeQP(m.body).match(/(http\S+\/password\/reset\/[0-9a-f]{64})/)[1]).pathname;
	assert.equal((await get(path)).status, 200);
	sql(`UPDATE password_resets SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE member_id = ${id}`);
	assert.equal((await get(path)).status, 404);
	sql(`DELETE FROM password_resets WHERE member_id = ${id}`);
});
