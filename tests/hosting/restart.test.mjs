// Restarting a program under load drops no request when its socket is
// held for it, as systemd's socket units do (systemd/weft@.socket.in;
// socket-holder.pl does it here, where there is no systemd to run): the
// exchanges program is restarted five times, `systemctl restart` style
// (the old master stopped, then the new one started), while members read
// its pages and record exchanges.  No request fails, every exchange
// answered 303 is there once, the ledger is exact.  For comparison the
// same restarts without a held socket (the program making its own with
// -s) are counted too: those drop requests while no socket is there.

import test from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { ROOT, BIN, Client, csrfOf, makeMembers, rootSql, sleep, startStack } from './lib.mjs';

const CLIENTS = 6;
const RESTARTS = 5;
const PROG = 'exchanges';

async function client(c, others, state) {
	let i = 0;
	while (!state.stop) {
		const other = others[i++ % others.length];
		let r, ok;
		try {
			if (i % 3 === 0) {
				const key = randomBytes(32).toString('hex');
				r = await c.http.req('/exchanges/new', { form: { csrf: c.csrf, form_key: key, provider: other,
				    recipient: c.me, hours: '0.25', service_date: new Date().toISOString().slice(0, 10),
				    description: 'restart' } });
				const m = r.status === 303 && (r.location || '').match(/^\/exchanges\/(\d+)$/);
				ok = Boolean(m);
				if (m)
					state.answered.set(key, Number(m[1]));
			} else {
				r = await c.http.req(i % 3 === 1 ? '/exchanges' : '/ads');
				ok = r.status === 200;
			}
		} catch (e) {
			r = { status: e.message };
			ok = false;
		}
		state.requests++;
		if (!ok)
			state.failures.push(`${c.me}: ${r.status}`);
	}
}

function pidOf(file) {
	try {
		return Number(readFileSync(file, 'utf8').trim());
	} catch {
		return 0;
	}
}

async function gone(pid) {
	for (let i = 0; i < 100; i++) {
		try {
			process.kill(pid, 0);
		} catch {
			return;
		}
		await sleep(50);
	}
	throw new Error(`pid ${pid} did not stop`);
}

test('a program restarted five times under load, its socket held as systemd does: no request fails', async () => {
	let stack, holder;
	try {
		stack = startStack('restart', { demo: true });
		const sock = `${stack.dir}/run/${PROG}.sock`;
		const names = makeMembers(stack, `rs${process.pid % 10000}m`, CLIENTS);
		const clients = [];
		for (const me of names) {
			const http = await new Client(stack.url).login(me, stack.password);
			clients.push({ me, http, csrf: csrfOf((await http.req('/exchanges/new')).body) });
		}
		const run = async (restart) => {
			const state = { stop: false, requests: 0, failures: [], answered: new Map() };
			const load = clients.map((c) => client(c, names.filter((n) => n !== c.me), state));
			await sleep(1000);
			for (let i = 0; i < RESTARTS; i++) {
				await restart();
				await sleep(700);
			}
			state.stop = true;
			await Promise.all(load);
			return state;
		};

		// Without a held socket: the stack's own program, stopped and
		// started again with -s, as a unit without a socket unit would.
		const plainPid = () => pidOf(`${stack.dir}/run/${PROG}.pid`);
		const plain = await run(async () => {
			const old = plainPid();
			process.kill(old, 'SIGTERM');
			await gone(old);
			const log = openSync(`${stack.dir}/log/${PROG}.log`, 'a');
			const p = spawn(`${BIN}/${PROG}`, ['-c', stack.conf, '-s', sock, '-n', '2'],
			    { stdio: ['ignore', log, log], detached: true });
			closeSync(log);
			spawnSync('sh', ['-c', `echo ${p.pid} > ${stack.dir}/run/${PROG}.pid`]);
			for (let i = 0; i < 100 && !existsSync(sock); i++)
				await sleep(20);
		});
		const last = plainPid();
		process.kill(last, 'SIGTERM');
		await gone(last);

		// With the socket held: restarts lose nothing.
		const log = openSync(`${stack.dir}/log/${PROG}-held.log`, 'a');
		holder = spawn('perl', [`${ROOT}/tests/hosting/socket-holder.pl`, sock, `${BIN}/${PROG}`,
		    '-c', stack.conf, '-n', '2'], { stdio: ['ignore', log, 'pipe'] });
		closeSync(log);
		let started = 0;
		holder.stderr.on('data', (d) => { started += (String(d).match(/^started /gm) || []).length; });
		for (let i = 0; i < 100 && started < 1; i++)
			await sleep(50);
		assert.equal(started, 1, 'the holder started the program');
		const held = await run(async () => {
			const want = started + 1;
			holder.kill('SIGHUP');
			for (let i = 0; i < 200 && started < want; i++)
				await sleep(20);
			assert.equal(started, want, 'restarted');
		});

		assert.deepEqual(held.failures, [], `with the socket held, ${held.failures.length} of ${held.requests} failed`);
		const rows = rootSql(stack, `SELECT form_key, id FROM exchanges WHERE description = 'restart'`);
		const answered = new Map([...plain.answered, ...held.answered]);
		assert.equal(rows.length, answered.size, 'one exchange per key answered 303');
		for (const [key, id] of rows)
			assert.equal(answered.get(key), Number(id));
		assert.deepEqual(rootSql(stack, 'SELECT COALESCE(SUM(hundredths), 0) FROM balances'), [['0']]);
		console.log(`# rolling restart: ${RESTARTS} restarts of ${PROG} with its socket held: ` +
		    `${held.failures.length} of ${held.requests} requests failed; the same restarts without: ` +
		    `${plain.failures.length} of ${plain.requests} failed`);
	} finally {
		if (holder && holder.exitCode === null) {
			const done = new Promise((r) => holder.once('exit', r));
			holder.kill('SIGTERM');
			await Promise.race([done, sleep(5000)]);
		}
		stack?.stop();
	}
});
