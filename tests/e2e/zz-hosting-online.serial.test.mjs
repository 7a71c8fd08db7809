// An upgrade without downtime (docs/deploy.md, "Upgrades"): weft-migrate
// applies a migration written to be online, an added column
// (ALGORITHM=INSTANT), an index built while the table is written
// (ALGORITHM=INPLACE, LOCK=NONE) and a new table, on the tables the load
// uses, while clients read pages and record exchanges through nginx.
// Not one request may fail, and the ledger is exact afterwards.  The
// migration goes into a copy of sql/ and is undone at the end, so the
// stack is left as it was for the tests after this one.  Serial: it
// loads the whole stack.

import test from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { ROOT, BIN, VAR, get, post, csrfOf } from './lib.mjs';
import { as, dateIn, makeMember, one, rootSql, sumBalances } from './exchanges-lib.mjs';
import { tmpDir, cleanDir, sleep } from './hosting-lib.mjs';

const CLIENTS = Number(process.env.WEFT_ONLINE_CLIENTS || 6);
const VERSION = '900_hosting_online_check';
const MIGRATION = `-- A migration written to be online: nothing is rewritten, nothing waits.
ALTER TABLE exchanges ADD COLUMN hosting_note VARCHAR(64) NULL DEFAULT NULL,
    ALGORITHM=INSTANT;
ALTER TABLE exchanges ADD INDEX exchanges_hosting_check (created_at, id),
    ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE sessions ADD COLUMN hosting_seen TINYINT NULL, ALGORITHM=INSTANT;
CREATE TABLE hosting_online_check (
	id	BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	note	VARCHAR(64) NOT NULL
) ENGINE=InnoDB;
`;

function migrate(dir) {
	return new Promise((resolve) => {
		const p = spawn(`${BIN}/weft-migrate`, ['-c', `${VAR}/weft.conf`, '-u', 'root', '-d', dir],
		    { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		p.stdout.on('data', (d) => { out += d; });
		p.stderr.on('data', (d) => { out += d; });
		p.on('exit', (code) => resolve({ code, out }));
	});
}

// One client: its member records exchanges it receives (recorded at
// once) and reads pages, until stop() says so.  Every answer is checked.
async function client(c, others, state) {
	let i = 0;
	while (!state.stop) {
		const other = others[i++ % others.length];
		const what = i % 3;
		let r, ok;
		try {
			if (what === 0) {
				r = await post('/exchanges/new', c.jar, {
					csrf: c.csrf, form_key: randomBytes(32).toString('hex'),
					provider: other.username, recipient: c.me.username, hours: '0.25',
					service_date: dateIn(0), description: 'online migration',
				});
				ok = r.status === 303 && /^\/exchanges\/\d+$/.test(r.location || '');
				if (ok)
					c.recorded++;
			} else {
				r = await get(what === 1 ? '/' : '/exchanges', c.jar);
				ok = r.status === 200;
			}
		} catch (e) {
			r = { status: e.message };
			ok = false;
		}
		state.requests++;
		if (state.migrating)
			state.during++;
		if (!ok)
			state.failures.push(`${c.me.username} ${what === 0 ? 'POST' : 'GET'}: ${r.status} ${r.location || ''}`);
	}
}

test('weft-migrate applies an online migration under reads and writes: no request fails, the ledger stays exact', async () => {
	const dir = tmpDir('online-sql');
	try {
		for (const f of readdirSync(`${ROOT}/sql`).filter((n) => /^\d{3}_.*\.sql$/.test(n)))
			copyFileSync(`${ROOT}/sql/${f}`, `${dir}/${f}`);
		writeFileSync(`${dir}/${VERSION}.sql`, MIGRATION);
		const members = Array.from({ length: CLIENTS }, () => makeMember({ prefix: 'on' }));
		const clients = [];
		for (const me of members) {
			const jar = await as(me.username);
			clients.push({ me, jar, csrf: await csrfOf('/exchanges/new', jar), recorded: 0 });
		}
		const sumBefore = sumBalances();
		const state = { stop: false, migrating: false, requests: 0, during: 0, failures: [] };
		const load = clients.map((c) => client(c, members.filter((m) => m.id !== c.me.id), state));
		await sleep(1000);
		state.migrating = true;
		const t0 = Date.now();
		const m = await migrate(dir);
		const took = Date.now() - t0;
		state.migrating = false;
		await sleep(1000);
		state.stop = true;
		await Promise.all(load);
		assert.equal(m.code, 0, `weft-migrate: ${m.out}`);
		assert.match(m.out, new RegExp(`applied ${VERSION}`));
		assert.deepEqual(state.failures, [], `${state.failures.length} of ${state.requests} requests failed`);
		assert.ok(state.during > 0 || took < 200, `requests were served while it ran (${state.during} in ${took} ms)`);
		assert.equal(one(`SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = 'weft'
		    AND table_name = 'exchanges' AND column_name = 'hosting_note'`), '1');
		assert.equal(sumBalances(), sumBefore, 'the sum of balances is what it was (0)');
		for (const c of clients) {
			const bal = Number(one(`SELECT COALESCE(SUM(hundredths), 0) FROM balances WHERE member_id = ${c.me.id}`));
			const st = Number(one(`SELECT COALESCE(SUM(CASE WHEN provider_id = ${c.me.id} THEN hundredths
			    ELSE -hundredths END), 0) FROM exchanges WHERE provider_id = ${c.me.id} OR recipient_id = ${c.me.id}`));
			assert.equal(bal, st, `${c.me.username}: balance equals the statement`);
		}
		const total = clients.reduce((n, c) => n + c.recorded, 0);
		console.log(`# online migration: ${took} ms, ${state.during} requests during it, ` +
		    `${state.requests} in all, ${total} exchanges, ${state.failures.length} failed`);
	} finally {
		rootSql(`ALTER TABLE exchanges DROP INDEX IF EXISTS exchanges_hosting_check;
		    ALTER TABLE exchanges DROP COLUMN IF EXISTS hosting_note;
		    ALTER TABLE sessions DROP COLUMN IF EXISTS hosting_seen;
		    DROP TABLE IF EXISTS hosting_online_check;
		    DELETE FROM schema_migrations WHERE version = '${VERSION}'`);
		cleanDir(dir);
	}
});
