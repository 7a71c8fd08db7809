// The settings registry seen over HTTP: every worker keeps a copy of the
// site's settings, and a change made as the write path makes it (the row
// and the settings generation, in one transaction: setting() of
// exchanges-lib.mjs does what cgi-bin/common/settings.c does) is seen on
// the very next request by every worker, each of which had the old value
// cached.  Two programs read them: exchanges (the record form shows the
// largest exchange and the oldest date) and members (the dashboard shows
// the credit limit and its mode).
//
// That the workers do cache: a row changed without the generation is not
// seen, by any worker, until the generation moves.

import test from 'node:test';
import assert from 'node:assert/strict';
import { get, login, text } from './lib.mjs';
import { rootSql, setting } from './exchanges-lib.mjs';

// Enough requests at once that every worker of the program serves some
// (the stack runs a few per program).
const SPREAD = 12;

async function pages(path, jar) {
	const rs = [];
	for (let round = 0; round < 2; round++)
		rs.push(...await Promise.all(Array.from({ length: SPREAD }, () => get(path, jar))));
	for (const r of rs)
		assert.equal(r.status, 200, `GET ${path}`);
	return rs.map((r) => text(r.body));
}

const maxOf = (t) => (t.match(/at most (\d+\.\d\d)\)/) || [])[1];
const limitOf = (t) => (t.match(/The credit limit is (-?\d+\.\d\d) hours \((soft|hard)/) || []).slice(1).join(' ');

test('a changed setting is seen on the very next request by every worker that had it cached', async () => {
	const alice = await login('alice');
	const oldMax = setting('exchange_max_hundredths');
	try {
		setting('exchange_max_hundredths', '2400');
		assert.deepEqual([...new Set((await pages('/exchanges/new', alice)).map(maxOf))], ['24.00'],
		    'every worker has read the setting');
		setting('exchange_max_hundredths', '1200');
		// Each of these is some worker's very next request.
		assert.deepEqual([...new Set((await pages('/exchanges/new', alice)).map(maxOf))], ['12.00'],
		    'every worker shows the new value at once');
	} finally {
		setting('exchange_max_hundredths', oldMax);
	}
	assert.deepEqual([...new Set((await pages('/exchanges/new', alice)).map(maxOf))],
	    [(Number(oldMax) / 100).toFixed(2)], 'and the old one back');
});

test('the members program sees the credit limit change at once too', async () => {
	const admin = await login('admin');
	const oldLimit = setting('credit_limit_hundredths');
	const oldMode = setting('credit_limit_mode');
	try {
		setting('credit_limit_hundredths', '-2000');
		setting('credit_limit_mode', 'soft');
		assert.deepEqual([...new Set((await pages('/members/dashboard', admin)).map(limitOf))], ['-20.00 soft']);
		setting('credit_limit_hundredths', '-1000');
		setting('credit_limit_mode', 'hard');
		assert.deepEqual([...new Set((await pages('/members/dashboard', admin)).map(limitOf))], ['-10.00 hard']);
	} finally {
		setting('credit_limit_hundredths', oldLimit);
		setting('credit_limit_mode', oldMode);
	}
});

test('the workers cache: a row changed without the generation is not seen until it moves', async () => {
	const alice = await login('alice');
	const oldMax = setting('exchange_max_hundredths');
	try {
		setting('exchange_max_hundredths', '2400');
		await pages('/exchanges/new', alice);
		rootSql("UPDATE settings SET value = '400' WHERE name = 'exchange_max_hundredths'");
		assert.deepEqual([...new Set((await pages('/exchanges/new', alice)).map(maxOf))], ['24.00'],
		    'the copy stands while the generation does not move');
		rootSql("UPDATE cache_generations SET generation = generation + 1 WHERE name = 'settings'");
		assert.deepEqual([...new Set((await pages('/exchanges/new', alice)).map(maxOf))], ['4.00']);
	} finally {
		setting('exchange_max_hundredths', oldMax);
	}
});
