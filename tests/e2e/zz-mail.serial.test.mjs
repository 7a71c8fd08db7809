// weft-mailer through outages and kills, against an SMTP sink of the
// test's own (tools/weft-smtp-sink on a port of its own): the stack's
// mailer is stopped, the test runs its own (the same build, the stack's
// weft.conf, a short lease and retry from the environment), and the
// stack is started again at the end.  Changes the whole stack (10,000
// members for a while, the mail_per_minute setting): it runs alone.
//
//   - the relay away: rows deferred with the reason, sent once it is back;
//   - SIGTERM: the message in flight finished, the rest given back, no row
//     left claimed, nothing delivered that is not recorded as sent;
//   - 10,000 list rows, 3 invalid addresses, kill -9 of the mailer mid-run
//     and a new one: 9,997 delivered, 3 skipped with the reason, and no
//     message twice but those in flight at the kill (counted, reported).

import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { BIN, ROOT, URL_BASE, VAR, sql } from './lib.mjs';
import { emlFiles, parseEml, q, sleep, until } from './mail-lib.mjs';

const STACK = `${ROOT}/tools/weft-stack`;
const PORT = new URL(URL_BASE).port;
const N = 10000;
const BAD = [17, 5000, 9999];

const alive = (pid) => {
	try {
		return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
};

async function gone(pid, ms = 10000) {
	for (let i = 0; i < ms / 100 && alive(pid); i++)
		await sleep(100);
	return !alive(pid);
}

function listening(port) {
	return new Promise((resolve) => {
		const s = net.connect(port, '127.0.0.1');
		s.once('connect', () => { s.destroy(); resolve(true); });
		s.once('error', () => resolve(false));
	});
}

const freePort = () => execFileSync(STACK, ['free-port'], { encoding: 'utf8' }).trim();

class Sink {
	constructor(dir, port) {
		this.dir = dir;
		this.port = port;
	}

	async start() {
		const log = openSync(`${this.dir}.log`, 'a');
		this.p = spawn(`${ROOT}/tools/weft-smtp-sink`, ['--port', this.port, '--dir', this.dir],
		    { detached: true, stdio: ['ignore', log, log] });
		let up = false;
		for (let i = 0; i < 150 && !(up = await listening(this.port)); i++)
			await sleep(100);
		assert.ok(up, 'the sink listens');
	}

	async stop() {
		if (this.p && alive(this.p.pid)) {
			process.kill(this.p.pid, 'SIGTERM');
			await gone(this.p.pid);
		}
	}
}

class Mailer {
	constructor(port, log, workers = 4) {
		this.port = port;
		this.log = log;
		this.workers = workers;
	}

	start() {
		const log = openSync(this.log, 'a');
		this.p = spawn(`${BIN}/weft-mailer`, ['-c', `${VAR}/weft.conf`, '-n', String(this.workers)], {
			detached: true,
			stdio: ['ignore', log, log],
			env: {
				...process.env, WEFT_SMTP_HOST: '127.0.0.1', WEFT_SMTP_PORT: String(this.port),
				WEFT_MAIL_LEASE_S: '3', WEFT_MAIL_RETRY_S: '1', WEFT_MAIL_BATCH: '20',
				ASAN_OPTIONS: `detect_leaks=0:abort_on_error=0:log_path=${VAR}/log/asan`,
				UBSAN_OPTIONS: `print_stacktrace=1:log_path=${VAR}/log/ubsan`,
			},
		});
	}

	// Every process of the group: the master and its workers.
	pids() {
		const out = [];
		for (const d of execFileSync('ls', ['/proc'], { encoding: 'utf8' }).split('\n')) {
			if (!/^\d+$/.test(d))
				continue;
			try {
				const f = readFileSync(`/proc/${d}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
				if (Number(f[2]) === this.p.pid)
					out.push(Number(d));
			} catch { /* gone */ }
		}
		return out;
	}

	async stop(signal = 'SIGTERM') {
		const pids = this.pids();
		if (signal === 'SIGKILL')
			for (const pid of pids)
				process.kill(pid, 'SIGKILL');
		else
			process.kill(this.p.pid, signal);
		for (const pid of pids)
			assert.ok(await gone(pid), `mailer process ${pid} ended`);
	}
}

const counts = (where) => Object.fromEntries(sql(`SELECT state, COUNT(*) FROM outbox
    WHERE ${where} GROUP BY state`).map(([s, n]) => [s, Number(n)]));

// message_id -> how many times the sink has it.
function received(dir) {
	const seen = new Map();
	for (const f of emlFiles(dir)) {
		const id = parseEml(readFileSync(f, 'latin1')).headers['message-id'];
		seen.set(id, (seen.get(id) || 0) + 1);
	}
	return seen;
}

test('outages, SIGTERM and kill -9: every message delivered, none twice but those in flight', { timeout: 170000 }, async (t) => {
	assert.ok(VAR && BIN && PORT, 'WEFT_VAR, WEFT_BIN and WEFT_URL are set');
	const tmp = mkdtempSync(`${tmpdir()}/weft-mail.`);
	const sink = new Sink(`${tmp}/mail`, freePort());
	const logf = `${VAR}/log/weft-mailer-test.log`;
	const before = sql("SELECT value FROM settings WHERE name = 'mail_per_minute'");
	const stackMailer = readFileSync(`${VAR}/run/weft-mailer.pid`, 'utf8').trim();
	let m;
	try {
		// The stack's mailer must not take the test's rows.
		process.kill(Number(stackMailer), 'SIGTERM');
		assert.ok(await gone(Number(stackMailer)), 'the stack mailer stopped');
		sql(`INSERT INTO settings (name, value) VALUES ('mail_per_minute', '1000000')
		    ON DUPLICATE KEY UPDATE value = '1000000'`);
		sql("UPDATE cache_generations SET generation = generation + 1 WHERE name = 'settings'");

		await t.test('the relay away defers, and the mail goes once it is back', async () => {
			m = new Mailer(sink.port, logf, 2);
			m.start();
			sql(`INSERT INTO outbox (kind, to_addr, subject, body, message_id)
			    SELECT 'test.outage', CONCAT('o', seq, '@example.org'), 'Outage', 'b',
			    CONCAT('<outage', seq, '@test.invalid>') FROM seq_1_to_5`);
			const where = "kind = 'test.outage'";
			const d = await until(() => counts(where).deferred === 5 && counts(where));
			assert.deepEqual(d, { deferred: 5 }, 'deferred while nothing listens');
			const why = sql(`SELECT DISTINCT reason FROM outbox WHERE ${where}`);
			assert.match(why[0][0], /connect|refused/i, why[0][0]);
			await sink.start();
			const s = await until(() => counts(where).sent === 5 && counts(where), 30000);
			assert.deepEqual(s, { sent: 5 }, 'sent once the relay is back');
			const tries = sql(`SELECT MIN(attempts) FROM outbox WHERE ${where}`)[0][0];
			assert.ok(Number(tries) >= 2, `retried (${tries} tries)`);
			await m.stop();
		});

		await t.test('SIGTERM finishes the message in flight and gives the rest back', async () => {
			sql(`INSERT INTO outbox (kind, to_addr, subject, body, message_id)
			    SELECT 'test.term', CONCAT('t', seq, '@example.org'), 'Term', 'b',
			    CONCAT('<term', seq, '@test.invalid>') FROM seq_1_to_3000`);
			const where = "kind = 'test.term'";
			m = new Mailer(sink.port, logf, 2);
			m.start();
			await until(() => (counts(where).sent || 0) >= 200, 30000);
			await m.stop('SIGTERM');
			const c = counts(where);
			t.diagnostic(`after SIGTERM: ${JSON.stringify(c)}`);
			assert.equal(c.sending, undefined, 'no row left claimed');
			const got = received(sink.dir);
			const sent = sql(`SELECT message_id FROM outbox WHERE ${where} AND state = 'sent'`)
			    .map((r) => r[0]);
			const inSink = [...got.keys()].filter((k) => k.startsWith('<term'));
			assert.equal(inSink.length, sent.length, 'the sink has exactly what is recorded as sent');
			assert.ok(sent.every((id) => got.get(id) === 1), 'each once');
			sql(`DELETE FROM outbox WHERE ${where}`);
		});

		await t.test('10,000 list rows, 3 invalid, a kill -9 mid-run: 9,997 delivered, 3 skipped', async () => {
			sql(`INSERT INTO members (username, email, name, password_hash, status, about)
			    SELECT CONCAT('zzmail', seq), IF(seq IN (${BAD.join(',')}),
			    CONCAT('not an address ', seq), CONCAT('zzmail', seq, '@example.org')),
			    CONCAT('Mail Test ', seq), '!', 'approved', '' FROM seq_1_to_${N}`);
			sql(`INSERT INTO outbox (kind, member_id, to_addr, to_name, subject, body, list,
			    message_id)
			    SELECT 'broadcast', id, email, name, 'Hello', CONCAT('Dear ', name), 1,
			    CONCAT('<zz', id, '@test.invalid>') FROM members WHERE username LIKE 'zzmail%'`);
			const where = "kind = 'broadcast' AND message_id LIKE '<zz%'";
			const t0 = Date.now();
			m = new Mailer(sink.port, logf, 4);
			m.start();
			await until(() => (counts(where).sent || 0) >= 3000, 60000, 50);
			await m.stop('SIGKILL');
			const atKill = counts(where);
			const inflight = atKill.sending || 0;
			t.diagnostic(`at the kill -9: ${JSON.stringify(atKill)}`);
			m = new Mailer(sink.port, logf, 4);
			m.start();
			const done = await until(() => {
				const c = counts(where);
				return !c.queued && !c.sending && !c.deferred && c;
			}, 90000, 200);
			const secs = (Date.now() - t0) / 1000;
			await m.stop();
			assert.deepEqual(done, { sent: N - 3, skipped: 3 });
			const reasons = sql(`SELECT reason, COUNT(*) FROM outbox WHERE ${where}
			    AND state = 'skipped' GROUP BY reason`);
			assert.deepEqual(reasons, [['invalid_address', '3']]);
			const got = received(sink.dir);
			const ids = sql(`SELECT message_id FROM outbox WHERE ${where} AND state = 'sent'`)
			    .map((r) => r[0]);
			assert.ok(ids.every((id) => got.get(id) >= 1), 'every sent row reached the sink');
			const twice = ids.filter((id) => got.get(id) > 1).length;
			const extra = [...got.keys()].filter((k) => k.startsWith('<zz') && !ids.includes(k));
			assert.deepEqual(extra, [], 'nothing reached the sink that is not sent');
			t.diagnostic(`in flight at the kill: ${inflight}; delivered twice: ${twice}; `
			    + `${N - 3} in ${secs.toFixed(1)} s with the kill and restart`);
			assert.ok(twice <= inflight, `at most the in-flight ones twice (${twice} <= ${inflight})`);
		});
	} finally {
		if (m?.p && alive(m.p.pid))
			await m.stop('SIGKILL').catch(() => {});
		await sink.stop();
		sql(`DELETE FROM outbox WHERE message_id LIKE '<zz%' OR message_id LIKE '<outage%'
		    OR message_id LIKE '<term%'`);
		sql("DELETE FROM members WHERE username LIKE 'zzmail%'");
		if (before.length)
			sql(`UPDATE settings SET value = ${q(before[0][0])} WHERE name = 'mail_per_minute'`);
		else
			sql("DELETE FROM settings WHERE name = 'mail_per_minute'");
		sql("UPDATE cache_generations SET generation = generation + 1 WHERE name = 'settings'");
		rmSync(tmp, { recursive: true, force: true });
		execFileSync(STACK, ['start', VAR, '--port', PORT, '--bin', BIN],
		    { encoding: 'utf8', timeout: 180000, stdio: ['ignore', 'pipe', 'pipe'] });
	}
});
