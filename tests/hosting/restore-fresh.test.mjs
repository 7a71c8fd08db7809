// A backup restored into a whole fresh stack (docs/deploy.md, "Backups"):
// stack A, the demo timebank, records an exchange and is backed up with
// weft-backup; A goes on (another exchange).  Stack B is new and empty
// (its own MariaDB, the migrations only); the backup is restored there.
// Then, through B's nginx, a member logs in with A's password and reads
// the statement A showed at the backup, and B's ledger is exact.

import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ROOT, Client, csrfOf, rootSql, startStack } from './lib.mjs';

function backupTool(stack, args) {
	const r = spawnSync(`${ROOT}/tools/weft-backup`, ['-c', stack.conf, ...args], { encoding: 'utf8', timeout: 120000 });
	assert.equal(r.status, 0, `weft-backup ${args[0]}: ${r.stderr}`);
	return r.stdout.trim();
}

async function recordFor(c, provider, recipient, hours) {
	const page = await c.req('/exchanges/new');
	assert.equal(page.status, 200);
	const key = page.body.match(/name="form_key"[^>]*value="([0-9a-f]{64})"/);
	assert.ok(key, 'the record form has its key');
	const r = await c.req('/exchanges/new', { form: { csrf: csrfOf(page.body), form_key: key[1], provider,
	    recipient, hours, service_date: new Date().toISOString().slice(0, 10), description: 'restore test' } });
	assert.equal(r.status, 303, `record: ${r.status}`);
}

function ledgerExact(stack) {
	assert.deepEqual(rootSql(stack, 'SELECT COALESCE(SUM(hundredths), 0) FROM balances'), [['0']]);
	assert.deepEqual(rootSql(stack, `SELECT b.member_id FROM balances b LEFT JOIN (SELECT m, SUM(h) AS t FROM (
	    SELECT provider_id AS m, hundredths AS h FROM exchanges UNION ALL
	    SELECT recipient_id, -hundredths FROM exchanges) u GROUP BY m) s ON s.m = b.member_id
	    WHERE b.hundredths <> COALESCE(s.t, 0)`), []);
}

test('backup of one stack, restored into a fresh one: the same timebank, logged into over HTTP', async () => {
	const dir = mkdtempSync('/tmp/weft-hbackup.');
	let a, b;
	try {
		a = startStack('a', { demo: true });
		const alice = await new Client(a.url).login('alice', a.password);
		await recordFor(alice, 'bob', 'alice', '1.25');
		const statement = (await alice.req('/exchanges/statement.csv')).body;
		const rows = (t) => rootSql(a, `SELECT * FROM ${t} ORDER BY 1`);
		const want = { members: rows('members'), exchanges: rows('exchanges'), balances: rows('balances') };
		const file = backupTool(a, ['backup', dir]);
		await recordFor(alice, 'carol', 'alice', '2');

		b = startStack('b');
		assert.deepEqual(rootSql(b, 'SELECT COUNT(*) FROM members'), [['0']], 'B starts empty');
		backupTool(b, ['restore', file, '--replace']);
		for (const t of Object.keys(want))
			assert.deepEqual(rootSql(b, `SELECT * FROM ${t} ORDER BY 1`), want[t], `${t} as at the backup`);
		ledgerExact(b);
		const there = await new Client(b.url).login('alice', a.password);
		assert.equal((await there.req('/exchanges/statement.csv')).body, statement,
		    'the statement B shows is the one A showed at the backup');
		assert.equal((await there.req('/members')).status, 403, 'alice is still not a coordinator');
		await new Client(b.url).login('admin', a.password);
	} finally {
		a?.stop();
		b?.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});
