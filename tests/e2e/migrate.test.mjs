// weft-migrate (cgi-bin/weft-migrate.c) on scratch databases of the test
// stack's MariaDB, never the stack's own: it applies every migration to an
// empty database, recording each with its file's SHA-256; a second run
// has nothing to do; a changed migration is refused before anything is
// applied (and its twin, the file put back, goes on); a schema_migrations
// from before checksums is upgraded; a failing migration stops the run
// unrecorded; two runs at once do not interleave (the lock); another
// user's password is read from stdin (-p); bad file names and two
// migrations with one number are refused.

import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import {
	copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync,
	appendFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { BIN, ROOT, VAR } from './lib.mjs';

const MIGRATE = `${BIN}/weft-migrate`;
const CONF = `${VAR}/weft.conf`;
const SQL = `${ROOT}/sql`;
const FILES = readdirSync(SQL).filter((f) => /^\d{3}_[A-Za-z0-9_-]+\.sql$/.test(f)).sort();
const VERSIONS = FILES.map((f) => f.replace(/\.sql$/, ''));
const sha = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const scratch = [];
const users = [];
const dirs = [];
let n = 0;

// Runs SQL as the stack's root (its mariadb.cnf); rows of tab-separated
// fields.
function root(db, query) {
	const r = spawnSync('mariadb', [`--defaults-file=${VAR}/mariadb.cnf`, '-uroot', '-N', '-B',
	    ...(db ? [db] : []), '-e', query], { encoding: 'utf8', timeout: 60000 });
	if (r.status !== 0)
		throw new Error(`mariadb ${db}: ${r.stderr}`);
	return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

function newDb() {
	const db = `weft_mig_${process.pid}_${++n}`;
	root(null, `CREATE DATABASE ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
	scratch.push(db);
	return db;
}

function newDir(files = {}) {
	const d = mkdtempSync(`${tmpdir()}/weft-mig.`);
	dirs.push(d);
	for (const [name, text] of Object.entries(files))
		writeFileSync(`${d}/${name}`, text);
	return d;
}

// -S: the phrase sync has tests of its own (translations.test.mjs).
const args = (dir) => ['-c', CONF, '-u', 'root', '-d', dir, '-S'];
const envOf = (db) => ({ ...process.env, WEFT_DB_NAME: db });

function migrate(db, dir = SQL) {
	const r = spawnSync(MIGRATE, args(dir), { encoding: 'utf8', env: envOf(db), timeout: 120000 });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

const recorded = (db) => root(db, 'SELECT version, checksum, applied_at FROM schema_migrations ORDER BY version');
const tables = (db) => root(db, 'SHOW TABLES').map(([t]) => t).sort();
const columns = (db) => root(null, `SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE,
    IFNULL(COLUMN_DEFAULT, '-') FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '${db}'
    ORDER BY TABLE_NAME, ORDINAL_POSITION`);

after(() => {
	for (const db of scratch)
		root(null, `DROP DATABASE IF EXISTS ${db}`);
	for (const u of users)
		root(null, `DROP USER IF EXISTS '${u}'@'localhost'`);
	for (const d of dirs)
		rmSync(d, { recursive: true, force: true });
});

let upToDate;

test('an empty database gets every migration, in order, each recorded with its checksum', () => {
	assert.ok(FILES.length >= 9, `migrations in sql/: ${FILES.join(' ')}`);
	const db = newDb();
	const r = migrate(db);
	assert.equal(r.code, 0, r.err);
	assert.equal(r.out, VERSIONS.map((v) => `applied ${v}\n`).join(''));
	assert.deepEqual(recorded(db).map(([v, sum]) => [v, sum]),
	    FILES.map((f) => [f.replace(/\.sql$/, ''), sha(`${SQL}/${f}`)]));
	// The same schema as the stack's database, table by table, column by
	// column.
	assert.deepEqual(columns(db), columns('weft'));
	upToDate = db;
});

test('a second run on an up-to-date database does nothing', () => {
	assert.ok(upToDate, 'the first test made a database');
	const before = recorded(upToDate);
	const r = migrate(upToDate);
	assert.equal(r.code, 0, r.err);
	assert.equal(r.out, 'up to date\n');
	assert.equal(r.err, '');
	assert.deepEqual(recorded(upToDate), before);
});

test('a changed migration is refused, naming its file, before anything is applied; put back, the run goes on', () => {
	assert.ok(upToDate);
	const dir = newDir();
	for (const f of FILES)
		copyFileSync(`${SQL}/${f}`, `${dir}/${f}`);
	writeFileSync(`${dir}/999_new.sql`, 'CREATE TABLE mig_new (id INT NOT NULL);\n');
	appendFileSync(`${dir}/003_ads.sql`, '-- an edit after the fact\n');
	const r = migrate(upToDate, dir);
	assert.equal(r.code, 1, r.out + r.err);
	assert.match(r.err, /003_ads\.sql has changed since it was applied/);
	assert.doesNotMatch(r.out, /applied/);
	assert.ok(!tables(upToDate).includes('mig_new'), '999_new was not applied');
	assert.ok(!recorded(upToDate).some(([v]) => v === '999_new'));

	copyFileSync(`${SQL}/003_ads.sql`, `${dir}/003_ads.sql`);
	const ok = migrate(upToDate, dir);
	assert.equal(ok.code, 0, ok.err);
	assert.equal(ok.out, 'applied 999_new\n');
	assert.ok(tables(upToDate).includes('mig_new'));
});

test('a schema_migrations from before checksums gets the column and the checksums of the applied files', () => {
	const db = newDb();
	// What tools/weft-stack used to make: versions only, the files fed to
	// the mariadb client.
	root(db, `CREATE TABLE schema_migrations (version VARCHAR(64) NOT NULL PRIMARY KEY,
	    applied_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP()) ENGINE=InnoDB`);
	const old = VERSIONS.slice(0, 3);
	for (const v of old) {
		const r = spawnSync('mariadb', [`--defaults-file=${VAR}/mariadb.cnf`, '-uroot', db],
		    { input: readFileSync(`${SQL}/${v}.sql`), timeout: 60000 });
		assert.equal(r.status, 0, String(r.stderr));
		root(db, `INSERT INTO schema_migrations (version) VALUES ('${v}')`);
	}
	const r = migrate(db);
	assert.equal(r.code, 0, r.err);
	assert.equal(r.out, [
		'schema_migrations: added the checksum column',
		...old.map((v) => `recorded the checksum of ${v} (applied before checksums were kept)`),
		...VERSIONS.slice(3).map((v) => `applied ${v}`),
	].map((l) => `${l}\n`).join(''));
	assert.deepEqual(recorded(db).map(([v, sum]) => [v, sum]),
	    VERSIONS.map((v) => [v, sha(`${SQL}/${v}.sql`)]));
	assert.equal(migrate(db).out, 'up to date\n');
});

test('a failing migration stops the run, unrecorded, naming its statement', () => {
	const db = newDb();
	const dir = newDir({
		'001_ok.sql': 'CREATE TABLE ok1 (id INT);\n',
		'002_bad.sql': '-- the second statement fails\nCREATE TABLE bad1 (id INT);\nINSERT INTO no_such_table VALUES (1);\nCREATE TABLE bad2 (id INT);\n',
		'003_later.sql': 'CREATE TABLE later1 (id INT);\n',
	});
	const r = migrate(db, dir);
	assert.equal(r.code, 1, r.out + r.err);
	assert.equal(r.out, 'applied 001_ok\n');
	assert.match(r.err, /002_bad\.sql, statement 2: 1146 /);
	assert.match(r.err, /002_bad is not recorded/);
	assert.deepEqual(recorded(db).map(([v]) => v), ['001_ok']);
	assert.deepEqual(tables(db), ['bad1', 'ok1', 'schema_migrations'], 'statement 1 stays done, 3 and 003 never ran');
});

test('two runs at once do not interleave: the second waits for the lock, then has nothing to do', async () => {
	const db = newDb();
	const dir = newDir({
		'001_slow.sql': 'CREATE TABLE slow1 (id INT);\nDO SLEEP(2);\n',
		'002_after.sql': 'CREATE TABLE after1 (id INT);\n',
	});
	const run = () => {
		const p = spawn(MIGRATE, args(dir), { env: envOf(db) });
		const r = { out: '', err: '' };
		p.stdout.on('data', (d) => { r.out += d; });
		p.stderr.on('data', (d) => { r.err += d; });
		r.done = new Promise((res) => p.on('exit', (code) => { r.code = code; res(r); }));
		return r;
	};
	const a = run();
	// The second starts once the first holds the lock.
	let held = false;
	for (let i = 0; i < 100 && !held; i++) {
		held = root(null, `SELECT IS_USED_LOCK('weft-migrate:${db}') IS NOT NULL`)[0][0] === '1';
		if (!held)
			await sleep(50);
	}
	assert.ok(held, 'the first run took the lock');
	const b = run();
	await Promise.all([a.done, b.done]);
	assert.equal(a.code, 0, a.err);
	assert.equal(b.code, 0, b.err);
	assert.equal(a.out, 'applied 001_slow\napplied 002_after\n');
	assert.equal(b.out, 'up to date\n');
	assert.match(b.err, /waiting for another weft-migrate on database/);
	assert.deepEqual(recorded(db).map(([v]) => v), ['001_slow', '002_after']);
});

test('-u USER -p: another user allowed to change the schema, its password read from stdin', () => {
	const db = newDb();
	const user = `wmig${process.pid}`;
	const pw = `pw-${process.pid}-${Date.now()}`;
	users.push(user);
	root(null, `CREATE USER '${user}'@'localhost' IDENTIFIED BY '${pw}'`);
	root(null, `GRANT ALL ON ${db}.* TO '${user}'@'localhost'`);
	const dir = newDir({ '001_a.sql': 'CREATE TABLE a1 (id INT);\n' });
	const run = (input) => spawnSync(MIGRATE, ['-c', CONF, '-u', user, '-p', '-d', dir],
	    { encoding: 'utf8', env: envOf(db), input, timeout: 60000 });
	const wrong = run('not-the-password\n');
	assert.equal(wrong.status, 1);
	assert.match(wrong.stderr, /Access denied for user/);
	assert.doesNotMatch(wrong.stderr + wrong.stdout, /not-the-password/, 'the password is never echoed');
	assert.equal(run('').status, 1, 'no password line');
	const ok = run(`${pw}\n`);
	assert.equal(ok.status, 0, ok.stderr);
	assert.equal(ok.stdout, 'applied 001_a\n');
	// The programs' user may not change the schema, and is not taken from
	// the config: -u names who connects.
	const weft = spawnSync(MIGRATE, ['-c', CONF, '-u', 'weft', '-d', dir], { encoding: 'utf8', env: envOf(db) });
	assert.equal(weft.status, 1);
});

test('bad migration file names and two migrations with one number are refused', () => {
	const db = newDb();
	for (const [files, why] of [
		[{ '001_a.sql': 'DO 1;\n', '001_b.sql': 'DO 1;\n' }, /001_a\.sql and 001_b\.sql have the same number/],
		[{ '001_a b.sql': 'DO 1;\n' }, /001_a b\.sql: a migration is named NNN_/],
		[{ '001_.sql': 'DO 1;\n' }, /001_\.sql: a migration is named NNN_/],
	]) {
		const r = migrate(db, newDir(files));
		assert.equal(r.code, 1, `${Object.keys(files)}: ${r.out}${r.err}`);
		assert.match(r.err, why);
		assert.equal(r.out, '');
	}
	// Not migrations, so not refused: other files beside them.
	const ok = migrate(db, newDir({ '001_a.sql': 'DO 1;\n', 'demo.sql': 'nonsense', '01_x.sql': 'nonsense' }));
	assert.equal(ok.code, 0, ok.err);
	assert.equal(ok.out, 'applied 001_a\n');
	assert.equal(spawnSync(MIGRATE, ['-d', SQL]).status, 2, 'no -c: usage');
});
