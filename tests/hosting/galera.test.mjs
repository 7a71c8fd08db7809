// The database on a three-node MariaDB Galera cluster (docs/scaling.md,
// "The database"): the cluster is started on this machine
// (galera-cluster.mjs: 127.0.0.1 ports, datadirs under var/), the
// migrations and the demo timebank are run on it, and the stack's
// programs are pointed at its three nodes (db_hosts, each worker starting
// on a node of its own: db_hosts_spread), the stack's own MariaDB then
// stopped.  Eight members record exchanges over HTTP through nginx while
// node 1 is killed (kill -9) and, once the others have evicted it,
// restarted: it rejoins by IST.  Then, on every node: the sum of balances
// is zero, every balance equals its statement, no key is there twice and
// every exchange answered 303 is there once, with the id it was answered
// with.  Then node 2 refuses its clients for a while (1047, as a node cut
// off from its cluster does) under the same writers: its workers leave
// it.  Last, the last-admin rule (rule 4) under concurrent demotions on
// several nodes: each round, the last two site admins remove each other's
// grant at once; one admin is left every time.  Figures printed: requests
// failed when the node died, time to fail over, time to rejoin, the
// requests run again after a conflict or a lost node.

import test from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, appendFileSync, rmSync } from 'node:fs';
import { ROOT, BIN, Client, csrfOf, sleep, startStack } from './lib.mjs';
import { Cluster } from './galera-cluster.mjs';

const CLIENTS = 8;
const DESC = 'galera writer';

// The stack's password for db_user, and the migrations and the demo
// timebank on node n (as tools/stack-db.sh does on a stack's own server).
function prepareDatabase(cluster, n, stack) {
	const pw = readFileSync(stack.conf, 'utf8').match(/^db_password = (.*)$/m)[1];
	cluster.sql(n, `CREATE DATABASE weft CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
	    CREATE USER 'weft'@'127.0.0.1' IDENTIFIED BY '${pw}';
	    GRANT SELECT, INSERT, UPDATE, DELETE, CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE
	    ON weft.* TO 'weft'@'127.0.0.1';`);
	const env = { ...process.env, WEFT_DB_SOCKET: n.sock, WEFT_DB_HOSTS: '' };
	const mig = spawnSync(`${BIN}/weft-migrate`, ['-c', stack.conf, '-u', 'root', '-d', `${ROOT}/sql`],
	    { encoding: 'utf8', env, input: '', timeout: 300000 });
	assert.equal(mig.status, 0, `weft-migrate on ${n.name}: ${mig.stdout} ${mig.stderr}`);
	const hash = spawnSync(`${BIN}/weft-passwd`, ['-c', stack.conf], { input: stack.password, encoding: 'utf8' });
	assert.equal(hash.status, 0, hash.stderr);
	const files = ['demo.sql', ...readdirSync(`${ROOT}/sql`).filter((f) => /^demo_.*\.sql$/.test(f)).sort()];
	// The demo files count on consecutive ids (@b2 + 1); Galera steps
	// AUTO_INCREMENT by the cluster's size (wsrep_auto_increment_control,
	// which a session cannot override), so the load takes them one by one
	// as a single server does, with nothing else writing meanwhile.
	cluster.sql(n, 'SET GLOBAL wsrep_auto_increment_control = OFF; ' +
	    'SET GLOBAL auto_increment_increment = 1, auto_increment_offset = 1;');
	cluster.sql(n, `SET @pw = '${hash.stdout.trim()}';\n` +
	    files.map((f) => readFileSync(`${ROOT}/sql/${f}`, 'utf8')).join('\n'), 'weft');
	cluster.sql(n, 'SET GLOBAL wsrep_auto_increment_control = ON');
	const step = cluster.sql(n, "SHOW GLOBAL VARIABLES LIKE 'auto_increment_increment'")[0][1];
	assert.equal(step, '3', 'AUTO_INCREMENT steps by the cluster size again');
}

// The stack's programs on the cluster, its own MariaDB stopped.
function pointAtCluster(stack, cluster) {
	appendFileSync(stack.conf, '# tests/hosting/galera.test.mjs: the three nodes\n' +
	    `db_hosts = ${cluster.nodes.map((n) => `127.0.0.1:${n.port}`).join(', ')}\n` +
	    'db_hosts_spread = 1\ndb_connect_timeout_s = 1\ndb_read_timeout_s = 10\n');
	const r = spawnSync(`${ROOT}/tools/weft-stack`, ['start', stack.dir, '--port', stack.port, '--bin', BIN,
	    '--workers', String(stack.workers)], { encoding: 'utf8', timeout: 240000 });
	assert.equal(r.status, 0, `restarting the programs: ${r.stderr.slice(-2000)}`);
	const s = spawnSync(`${ROOT}/tools/weft-stack`, ['db-stop', stack.dir], { encoding: 'utf8', timeout: 120000 });
	assert.equal(s.status, 0, s.stderr);
}

function makeMembers(cluster, n, prefix, count) {
	const names = Array.from({ length: count }, (_, i) => `${prefix}${i}`);
	cluster.sql(n, names.map((u) => `INSERT INTO members (username, email, name, password_hash, status, about,
	    approved_at) SELECT '${u}', '${u}@example.org', 'Member ${u}', password_hash, 'approved', '', UTC_TIMESTAMP()
	    FROM members WHERE username = 'alice';`).join('\n'), 'weft');
	return names;
}

// One member recording exchanges as fast as they are answered; a POST not
// answered 303 is sent again with its key, up to 20 times.
async function writer(c, others, state) {
	for (let i = 0; !state.stop; i++) {
		const key = randomBytes(32).toString('hex');
		const form = { csrf: c.csrf, form_key: key, provider: others[i % others.length], recipient: c.me,
		    hours: '0.25', service_date: new Date().toISOString().slice(0, 10), description: DESC };
		for (let tries = 1; ; tries++) {
			const t0 = Date.now();
			let r;
			try {
				r = await c.http.req('/exchanges/new', { form });
			} catch (e) {
				r = { status: e.message };
			}
			const t1 = Date.now();
			state.posts++;
			if (state.killedAt && t0 <= state.killedAt && t1 > state.killedAt)
				state.inFlight++;
			if (state.killedAt)
				state.slowest = Math.max(state.slowest, t1 - t0);
			const m = r.status === 303 && (r.location || '').match(/^\/exchanges\/(\d+)$/);
			if (m) {
				state.answered.set(key, Number(m[1]));
				if (state.killedAt && t0 > state.killedAt && !c.resumedAt)
					c.resumedAt = t1;
				if (tries > 1)
					state.resentOk++;
				break;
			}
			state.failures.push(`${c.me}: POST ${r.status}${state.killedAt ? ' (after the kill)' : ''}`);
			if (tries >= 20)
				break;
			await sleep(100);
		}
	}
}

// The ledger's invariants, read on node n.
function checkLedger(cluster, n, state) {
	// A node applies the others' certified writesets a moment after they
	// commit there: a read waits until it has applied what was committed
	// anywhere before it (causal reads), or it may not see the last rows.
	const q = (s) => cluster.sql(n, `SET SESSION wsrep_sync_wait = 1; ${s}`, 'weft');
	const rows = q(`SELECT form_key, id FROM exchanges WHERE description = '${DESC}'`);
	assert.equal(rows.length, state.answered.size, `${n.name}: one exchange per key answered 303, none lost`);
	for (const [key, id] of rows)
		assert.equal(state.answered.get(key), Number(id), `${n.name}: key ${key.slice(0, 8)} has the exchange it was answered with`);
	assert.deepEqual(q('SELECT form_key FROM exchanges WHERE form_key IS NOT NULL GROUP BY form_key HAVING COUNT(*) > 1'),
	    [], `${n.name}: no key twice`);
	assert.deepEqual(q('SELECT COALESCE(SUM(hundredths), 0) FROM balances'), [['0']], `${n.name}: balances sum to zero`);
	assert.deepEqual(q(`SELECT b.member_id FROM balances b LEFT JOIN (SELECT m, SUM(h) AS t FROM (
	    SELECT provider_id AS m, hundredths AS h FROM exchanges UNION ALL
	    SELECT recipient_id, -hundredths FROM exchanges) u GROUP BY m) s ON s.m = b.member_id
	    WHERE b.hundredths <> COALESCE(s.t, 0)`), [], `${n.name}: every balance equals its statement`);
	return rows.length;
}

// Rule 4 across nodes: admins a and b (the only site admins) remove each
// other's grant at once, rounds times; one admin is left each round.
async function lastAdminRounds(cluster, stack, rounds) {
	const n2 = cluster.nodes[1];
	const q = (s) => cluster.sql(n2, s, 'weft');
	const [a, b] = makeMembers(cluster, n2, `gadm${process.pid % 10000}x`, 2);
	const id = (u) => Number(q(`SELECT id FROM members WHERE username = '${u}'`)[0][0]);
	const ids = { [a]: id(a), [b]: id(b) };
	q(`DELETE FROM grants WHERE role = 'admin' AND scope_kind = 'site'`);
	const grant = (u) => q(`INSERT INTO grants (member_id, role, scope_kind, community_id, lang, granted_by)
	    VALUES (${ids[u]}, 'admin', 'site', 0, '', ${ids[u]}); SELECT LAST_INSERT_ID();`)[0][0];
	const sessions = {};
	for (const u of [a, b])
		sessions[u] = await new Client(stack.url).login(u, stack.password);
	const outcomes = [];
	for (let r = 0; r < rounds; r++) {
		const g = { [a]: grant(a), [b]: grant(b) };
		// Each opens the other's roles page (its CSRF token), then both post.
		const pages = {};
		for (const [me, other] of [[a, b], [b, a]])
			pages[me] = await sessions[me].req(`/members/${ids[other]}/roles`);
		const res = await Promise.all([[a, b], [b, a]].map(([me, other]) =>
		    sessions[me].req(`/members/${ids[other]}/roles/${g[other]}/remove`,
		    { form: { csrf: csrfOf(pages[me].body) } })));
		const left = q(`SELECT g.member_id FROM grants g JOIN members m ON m.id = g.member_id
		    WHERE g.role = 'admin' AND g.scope_kind = 'site' AND m.status = 'approved'`);
		outcomes.push(res.map((x) => x.status).sort().join('+'));
		assert.equal(left.length, 1, `round ${r}: one site admin left (answers ${res.map((x) => x.status)})`);
		assert.equal(res.filter((x) => x.status === 303).length, 1, `round ${r}: one removal done, one refused`);
		q(`DELETE FROM grants WHERE role = 'admin' AND scope_kind = 'site'`);
	}
	return outcomes;
}

// Lines of the programs' logs that match re.
function logCount(stack, re) {
	let n = 0;
	for (const f of readdirSync(`${stack.dir}/log`).filter((x) => x.endsWith('.log')))
		n += readFileSync(`${stack.dir}/log/${f}`, 'utf8').split('\n').filter((l) => re.test(l)).length;
	return n;
}

test('a Galera cluster of three: a node killed and restarted under eight writers, the ledger exact on every node, rule 4 across nodes', async () => {
	// The nodes' directories are the mysql user's (galera-cluster.mjs), so
	// they are made where that user may reach them: not under a checkout,
	// which may sit in a directory only its owner can enter (mktemp -d).
	const dir = mkdtempSync(join(tmpdir(), 'weft-galera-test.'));
	const cluster = new Cluster(dir, String(process.pid));
	let stack;
	try {
		await cluster.init();
		const [n1, n2, n3] = cluster.nodes;
		cluster.start(n1, ['--wsrep-new-cluster']);
		await cluster.waitSynced(n1, 1);
		cluster.start(n2);
		await cluster.waitSynced(n2, 2);
		cluster.start(n3);
		await cluster.waitSynced(n3, 3);

		stack = startStack('galera', { demo: true, workers: 3 });
		prepareDatabase(cluster, n1, stack);
		pointAtCluster(stack, cluster);
		const names = makeMembers(cluster, n1, `gal${process.pid % 10000}m`, CLIENTS);
		const clients = [];
		for (const me of names) {
			const http = await new Client(stack.url).login(me, stack.password);
			clients.push({ me, http, csrf: csrfOf((await http.req('/exchanges/new')).body), resumedAt: 0 });
		}
		// Every node serves some worker (db_hosts_spread).
		const conns = cluster.nodes.map((n) => Number(cluster.sql(n,
		    "SELECT COUNT(*) FROM information_schema.processlist WHERE user = 'weft'")[0][0]));
		assert.ok(conns.every((c) => c > 0), `workers on every node: ${conns}`);

		const state = { stop: false, posts: 0, failures: [], answered: new Map(), resentOk: 0, killedAt: 0,
		    inFlight: 0, slowest: 0 };
		const load = clients.map((c) => writer(c, names.filter((x) => x !== c.me), state));
		await sleep(3000);
		const before = { posts: state.posts, answered: state.answered.size, failures: state.failures.length };
		cluster.kill(n1);
		state.killedAt = Date.now();
		// Evicted: the others' view has two members.
		let evicted = 0;
		while (!evicted && Date.now() - state.killedAt < 30000) {
			if (Number(cluster.status(n2, 'wsrep_cluster_size')) === 2)
				evicted = Date.now() - state.killedAt;
			else
				await sleep(50);
		}
		assert.ok(evicted > 0, 'node 1 was evicted');
		await sleep(3000);
		const pos = cluster.recover(n1);
		const logAt = readFileSync(n1.log, 'utf8').length;
		cluster.start(n1, [`--wsrep_start_position=${pos}`]);
		const rejoin = await cluster.waitSynced(n1, 3);
		await sleep(2000);
		state.stop = true;
		await Promise.all(load);
		const rejoinLog = readFileSync(n1.log, 'utf8').slice(logAt);
		// rsync's script runs either way; it says which it did.
		const byIst = /rsync IST completed on joiner/.test(rejoinLog) && !/rsync SST completed on joiner/.test(rejoinLog);
		const istSets = (rejoinLog.match(/Receiving IST: (\d+) writesets/) || [])[1];
		assert.ok(byIst, 'node 1 rejoined by IST, not a full state transfer');

		const afterKill = state.failures.length - before.failures;
		const resumed = clients.map((c) => c.resumedAt ? c.resumedAt - state.killedAt : Infinity);
		assert.ok(resumed.every(Number.isFinite), `every writer recorded after the kill: ${resumed}`);

		// A node that refuses its clients (1047, as one cut off from the
		// primary component does), while the writers go on: its
		// workers leave it for the next node.
		const refusing = { posts: state.posts, failures: state.failures.length, answered: state.answered.size };
		const lines1047 = logCount(stack, /\b1047\b/);
		cluster.sql(n2, 'SET GLOBAL wsrep_reject_queries = ALL');
		state.stop = false;
		state.killedAt = 0;
		const load2 = clients.map((c) => writer(c, names.filter((x) => x !== c.me), state));
		// At least 2.5 s of it, and on until writes have gone on for a
		// while (a cluster that has just taken node 1 back may hold its
		// writers a moment by flow control), at most 30 s.
		const refusedAt = Date.now();
		await sleep(2500);
		while (state.answered.size < refusing.answered + 100 && Date.now() - refusedAt < 30000)
			await sleep(100);
		const refusedFor = Date.now() - refusedAt;
		state.stop = true;
		await Promise.all(load2);
		cluster.sql(n2, 'SET GLOBAL wsrep_reject_queries = NONE');
		const refusedFailed = state.failures.length - refusing.failures;
		const refused1047 = logCount(stack, /\b1047\b/) - lines1047;
		assert.ok(refused1047 > 0, 'workers on node 2 met 1047');
		assert.ok(state.answered.size > refusing.answered, 'exchanges recorded while node 2 refused');

		const counts = cluster.nodes.map((n) => checkLedger(cluster, n, state));
		const sums = cluster.nodes.map((n) => cluster.sql(n, 'SET SESSION wsrep_sync_wait = 1; CHECKSUM TABLE exchanges, balances', 'weft')
		    .map((r) => r[1]).join(' '));
		assert.equal(new Set(sums).size, 1, `the three nodes hold the same exchanges and balances: ${sums}`);

		const outcomes = await lastAdminRounds(cluster, stack, 6);
		const conflicts = logCount(stack, /run again .* after a conflict/);
		const lostRuns = logCount(stack, /run again .* after a lost database node/);
		const moves = logCount(stack, /db: now on /);
		console.log(`# galera: ${state.posts} POSTs, ${counts[0]} exchanges (${before.answered} before node 1 was killed); ` +
		    `POSTs failed when the node died: ${afterKill} (in flight at the kill: ${state.inFlight}; ` +
		    `${state.resentOk} recorded on a resend with their key); ` +
		    `node 1 evicted after ${evicted} ms; writes resumed after ${Math.min(...resumed)} ms, ` +
		    `every writer recording again after ${Math.max(...resumed)} ms (slowest request after the kill ${state.slowest} ms); ` +
		    `rejoin by IST (${istSets} writesets) ${rejoin} ms from the restart to Synced; ` +
		    `requests run again: ${conflicts} after a conflict, ${lostRuns} after a lost node; workers moved to another node: ${moves}; ` +
		    `node 2 refusing its clients (1047) for ${(refusedFor / 1000).toFixed(1)} s: ${state.posts - refusing.posts} POSTs, ` +
		    `${refusedFailed} failed, ${refused1047} log lines of 1047; ` +
		    `rule 4 rounds (answers): ${outcomes.join(', ')}`);
		if (state.failures.length)
			console.log(`# galera: failed answers: ${[...new Set(state.failures)].slice(0, 10).join('; ')}`);
	} finally {
		// The logs of the last run stay in var/galera-last/.
		const keep = `${ROOT}/var/galera-last`;
		rmSync(keep, { recursive: true, force: true });
		mkdirSync(keep, { recursive: true });
		for (const n of cluster.nodes)
			spawnSync('cp', [n.log, `${keep}/${n.name}-error.log`]);
		if (stack)
			spawnSync('cp', ['-r', `${stack.dir}/log`, `${keep}/stack-log`]);
		stack?.stop();
		await cluster.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});
