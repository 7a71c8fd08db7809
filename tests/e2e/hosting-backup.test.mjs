// Backups that restore (docs/deploy.md, "Backups"): weft-backup takes a
// consistent dump of the stack's database while the programs run; the
// timebank then changes (an exchange, a new member); the dump is restored
// into a fresh database of the same server, and there every member,
// grant, exchange and balance is what it was at the backup, nothing of
// the later change, and the ledger exact.  A damaged file, and a restore
// over a database that has tables, are refused.  (The restore into a
// whole fresh stack, logged into over HTTP, is tests/hosting/.)

import test from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ROOT, VAR } from './lib.mjs';
import { as, makeMember, record, rootSql } from './exchanges-lib.mjs';
import { tmpDir, cleanDir } from './hosting-lib.mjs';

const RESTORED = 'weft_restore_test';
let dir;

function backupTool(args, env = {}) {
	return spawnSync(`${ROOT}/tools/weft-backup`, ['-c', `${VAR}/weft.conf`, ...args],
	    { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120000 });
}

function onDb(db, query) {
	const r = spawnSync('mariadb', ['--batch', '--skip-column-names', '--default-character-set=utf8mb4',
	    `--socket=${VAR}/run/mariadb.sock`, '-uroot', db, '-e', query], { encoding: 'utf8', timeout: 60000 });
	if (r.status !== 0)
		throw new Error(`mariadb ${db}: ${r.stderr}`);
	return r.stdout;
}

// What must survive, as text: whole rows of the tables that make the
// timebank, in id order.
const TABLES = {
	members: 'SELECT * FROM members ORDER BY id',
	grants: 'SELECT * FROM grants ORDER BY id',
	exchanges: 'SELECT * FROM exchanges ORDER BY id',
	balances: 'SELECT * FROM balances ORDER BY member_id',
	schema_migrations: 'SELECT * FROM schema_migrations ORDER BY version',
};
const snapshot = (db) => Object.fromEntries(Object.entries(TABLES).map(([t, q]) => [t, onDb(db, q)]));

function ledgerExact(db) {
	assert.equal(onDb(db, 'SELECT COALESCE(SUM(hundredths), 0) FROM balances').trim(), '0', `${db}: balances sum to 0`);
	const wrong = onDb(db, `SELECT b.member_id FROM balances b LEFT JOIN (SELECT m, SUM(h) AS total FROM (
	    SELECT provider_id AS m, hundredths AS h FROM exchanges
	    UNION ALL SELECT recipient_id, -hundredths FROM exchanges) u GROUP BY m) s
	    ON s.m = b.member_id WHERE b.hundredths <> COALESCE(s.total, 0)`);
	assert.equal(wrong, '', `${db}: every balance equals its statement`);
}

test.before(() => {
	dir = tmpDir('backup');
});

test.after(() => {
	onDb('weft', `DROP DATABASE IF EXISTS ${RESTORED}`);
	cleanDir(dir);
});

test('back up, change, restore into a fresh database: the timebank as it was at the backup, the ledger exact', async () => {
	const a = makeMember({ prefix: 'bk' });
	const b = makeMember({ prefix: 'bk' });
	const jar = await as(a.username);
	assert.ok((await record(jar, { provider: b.username, recipient: a.username, hours: '1.5' })).id);
	const before = snapshot('weft');
	const made = backupTool(['backup', dir]);
	assert.equal(made.status, 0, `weft-backup backup: ${made.stderr}`);
	const file = made.stdout.trim();
	assert.match(file, /\/weft-weft-\d{8}T\d{6}Z\.sql\.gz$/);
	assert.equal(backupTool(['check', file]).status, 0);

	// The timebank goes on after the backup.
	const later = await record(jar, { provider: b.username, recipient: a.username, hours: '2' });
	assert.ok(later.id);
	const c = makeMember({ prefix: 'bk' });

	const res = backupTool(['restore', file], { WEFT_DB_NAME: RESTORED });
	assert.equal(res.status, 0, `weft-backup restore: ${res.stderr}`);
	const after = snapshot(RESTORED);
	for (const t of Object.keys(TABLES))
		assert.equal(after[t], before[t], `${t}: the restored rows are the backed-up ones`);
	assert.equal(onDb(RESTORED, `SELECT COUNT(*) FROM exchanges WHERE id = ${later.id}`).trim(), '0',
	    'the exchange recorded after the backup is not in it');
	assert.equal(onDb(RESTORED, `SELECT COUNT(*) FROM members WHERE id = ${c.id}`).trim(), '0');
	ledgerExact(RESTORED);
	ledgerExact('weft');
	// The programs' user may use the restored database as it did the
	// original (the grants are the server's, not the dump's).
	assert.match(onDb(RESTORED, 'SHOW TABLES'), /\bexchanges\b/);
});

test('a restore over a database with tables needs --replace; a damaged backup is refused', () => {
	const made = backupTool(['backup', dir]);
	assert.equal(made.status, 0, made.stderr);
	const file = made.stdout.trim();
	// A second backup in the same second has a name of its own.
	const twice = backupTool(['backup', dir]);
	assert.equal(twice.status, 0, twice.stderr);
	assert.notEqual(twice.stdout.trim(), file);
	const again = backupTool(['restore', file], { WEFT_DB_NAME: RESTORED });
	assert.notEqual(again.status, 0);
	assert.match(again.stderr, /--replace/);
	assert.equal(backupTool(['restore', file, '--replace'], { WEFT_DB_NAME: RESTORED }).status, 0);
	const bad = `${dir}/damaged.sql.gz`;
	const bytes = readFileSync(file);
	bytes[bytes.length >> 1] ^= 0xff;
	writeFileSync(bad, bytes);
	copyFileSync(`${file}.sha256`, `${bad}.sha256`);
	const refused = backupTool(['restore', bad, '--replace'], { WEFT_DB_NAME: RESTORED });
	assert.notEqual(refused.status, 0);
	assert.match(refused.stderr, /checksum/);
	assert.equal(onDb(RESTORED, 'SELECT COUNT(*) > 0 FROM members').trim(), '1', 'the database is left as it was');
	assert.deepEqual(rootSql('SELECT 1'), [['1']]);
});
