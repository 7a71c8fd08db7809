// Login throttling, per (account, address) with growing delays and per
// address (issue 15, 7: no lock of an account for everyone).  Each test comes from its
// own loopback address (127.0.0.x), so that the failures counted here do not
// throttle the other tests, which come from 127.0.0.1.

import test from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, confNum, loginAttempt, text } from './lib.mjs';

const ACCOUNT_MAX = confNum('throttle_account_max', 5);
const ADDRESS_MAX = confNum('throttle_address_max', 20);

function assertThrottled(r, what) {
	assert.equal(r.res.status, 429, `${what}: 429 (got ${r.res.status}: ${text(r.res.body).slice(0, 160)})`);
	assert.equal(r.jar.get('__Host-weft'), undefined, `${what}: no session`);
	const ra = r.res.headers['retry-after'];
	if (ra !== undefined)
		assert.match(ra, /^[1-9][0-9]*$/, `${what}: Retry-After is a number of seconds`);
}

// Fails `max` times for username from addr, each an ordinary refusal, then
// expects the next attempt to be throttled.
async function failUntilThrottled(username, addr, max, passwordOf) {
	let first = null;
	for (let i = 0; i < max; i++) {
		const r = await loginAttempt(passwordOf ? passwordOf(i) : username,
		    'wrong-password-' + i, { localAddress: addr });
		assert.notEqual(r.res.status, 429, `failure ${i + 1} of ${max} is not yet throttled`);
		assert.notEqual(r.res.status, 303);
		if (first === null)
			first = r.res.status;
		assert.equal(r.res.status, first, 'every ordinary failure answers alike');
	}
}

test(`an account is held back after ${ACCOUNT_MAX} failures from one address, only from that address`, async () => {
	const addr = '127.0.0.11';
	await failUntilThrottled('frank', addr, ACCOUNT_MAX);
	assertThrottled(await loginAttempt('frank', 'wrong-again', { localAddress: addr }), 'wrong password');
	const held = await loginAttempt('frank', PASSWORD, { localAddress: addr });
	assertThrottled(held, 'right password');
	assert.match(held.res.headers['retry-after'] || '', /^[1-9][0-9]*$/, 'the wait is said');
	assert.ok(Number(held.res.headers['retry-after']) <= 15, 'the first delay is short');
	// Issue 15 (7): the attacker's address slows itself, not the owner,
	// who logs in from their own address at once.
	const owner = await loginAttempt('frank', PASSWORD, { localAddress: '127.0.0.13' });
	assert.equal(owner.res.status, 303, 'frank logs in from another address');
	// Other accounts from that address are not affected by frank's count.
	const ok = await loginAttempt('bob', PASSWORD, { localAddress: addr });
	assert.equal(ok.res.status, 303, 'bob still logs in from the same address');
});

test('an unknown username is throttled the same way (no account probing)', async () => {
	const addr = '127.0.0.14';
	const name = 'nobody-' + process.pid;
	await failUntilThrottled(name, addr, ACCOUNT_MAX);
	assertThrottled(await loginAttempt(name, 'wrong-again', { localAddress: addr }), 'unknown user');
	// Case does not give a fresh counter.
	assertThrottled(await loginAttempt(name.toUpperCase(), 'x', { localAddress: addr }), 'upper case');
});

test(`an address is throttled after ${ADDRESS_MAX} failures over many accounts`, async () => {
	const addr = '127.0.0.12';
	await failUntilThrottled(null, addr, ADDRESS_MAX, (i) => `spray-${process.pid}-${i}`);
	assertThrottled(await loginAttempt(`spray-${process.pid}-x`, 'x', { localAddress: addr }), 'next unknown user');
	assertThrottled(await loginAttempt('bob', PASSWORD, { localAddress: addr }), 'a real account from that address');
	// Other addresses are not affected.
	const ok = await loginAttempt('bob', PASSWORD, { localAddress: '127.0.0.15' });
	assert.equal(ok.res.status, 303, 'bob logs in from another address');
});

// Same work for unknown accounts: a guesser cannot tell by the time taken
// whether an account exists (one argon2 verification either way).
test('an unknown user takes about as long to refuse as a wrong password', async () => {
	const addr = '127.0.0.16';
	const timeOf = async (username) => {
		const t0 = process.hrtime.bigint();
		const r = await loginAttempt(username, 'wrong-password', { localAddress: addr });
		const ms = Number(process.hrtime.bigint() - t0) / 1e6;
		assert.notEqual(r.res.status, 429);
		return ms;
	};
	const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
	const known = [];
	const unknown = [];
	for (let i = 0; i < Math.min(4, ACCOUNT_MAX - 1); i++) {
		known.push(await timeOf('quentin'));
		unknown.push(await timeOf(`ghost-${process.pid}-${i}`));
	}
	const k = median(known);
	const u = median(unknown);
	assert.ok(u > k * 0.5 && u < k * 2, `median refusal: known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`);
});
