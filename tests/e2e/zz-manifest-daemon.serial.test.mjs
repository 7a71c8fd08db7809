// The stack's daemon path, with a throwaway daemon: no daemon exists yet
// (the mailer will be the first), so the real manifest lists none, and
// this test gives the stack an alternate one through $WEFT_PROGRAMS: the
// real rows plus "testd daemon - 1", with a build directory that holds
// the real programs (links) and testd, a shell script.  The stack must
// start testd with the daemon command line (NAME -c CONF -n N), restart
// it with the others, stop it when its row is gone, and supervise it in
// the foreground (`run`): testd dying stops the whole stack.  Restarts
// the programs and MariaDB, so it runs alone, after the others; the real
// stack is started again at the end.

import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import {
	chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync,
	statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { BIN, ROOT, URL_BASE, VAR, get } from './lib.mjs';

const STACK = `${ROOT}/tools/weft-stack`;
const PORT = new URL(URL_BASE).port;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const TESTD = `#!/bin/sh
# A throwaway daemon: says how it was started, ends on SIGTERM.
echo "testd: started with $*"
trap 'echo "testd: stopping"; exit 0' TERM
while :; do sleep 1 & wait $!; done
`;

function stackCmd(env, ...args) {
	return execFileSync(STACK, args, {
		encoding: 'utf8', timeout: 180000, env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}

const pidFile = (name) => `${VAR}/run/${name}.pid`;
const pidOf = (name) => readFileSync(pidFile(name), 'utf8').trim();
const alive = (pid) => {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return !/^\S+ \(.*\) Z/.test(stat);
	} catch {
		return false;
	}
};
const commOf = (pid) => {
	try {
		return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
	} catch {
		return '';
	}
};
const argsOf = (pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);

async function gone(pid, ms = 10000) {
	for (let i = 0; i < ms / 100 && alive(pid); i++)
		await sleep(100);
	return !alive(pid);
}

test('a daemon row is started as NAME -c CONF -n N, restarted, stopped, and supervised', async (t) => {
	assert.ok(VAR && BIN && PORT, 'WEFT_VAR, WEFT_BIN and WEFT_URL are set');
	const tmp = mkdtempSync(`${tmpdir()}/weft-testd.`);
	const bin = `${tmp}/bin`;
	execFileSync('mkdir', [bin]);
	for (const f of readdirSync(BIN))
		if (statSync(`${BIN}/${f}`).isFile() && (statSync(`${BIN}/${f}`).mode & 0o111))
			symlinkSync(`${BIN}/${f}`, `${bin}/${f}`);
	writeFileSync(`${bin}/testd`, TESTD);
	chmodSync(`${bin}/testd`, 0o755);
	const alt = `${tmp}/programs`;
	writeFileSync(alt, `${readFileSync(`${ROOT}/cgi-bin/programs`, 'utf8')}testd\tdaemon\t-\t1\n`);
	const withTestd = { WEFT_PROGRAMS: alt };
	let stopped = false;
	try {
		stackCmd(withTestd, 'start', VAR, '--port', PORT, '--bin', bin);
		const pid = pidOf('testd');
		assert.ok(alive(pid), 'testd runs');
		assert.equal(commOf(pid), 'testd');
		assert.deepEqual(argsOf(pid).slice(-4), ['-c', `${VAR}/weft.conf`, '-n', '1'],
		    'the daemon command line');
		assert.ok(!existsSync(`${VAR}/run/testd.sock`), 'a daemon has no socket');
		assert.match(readFileSync(`${VAR}/log/testd.log`, 'utf8'),
		    new RegExp(`testd: started with -c ${VAR}/weft.conf -n 1`), 'its output goes to log/testd.log');
		assert.equal((await get('/')).status, 200, 'the FastCGI programs still answer');

		// Restarted with the others.
		stackCmd(withTestd, 'start', VAR, '--port', PORT, '--bin', bin);
		const pid2 = pidOf('testd');
		assert.notEqual(pid2, pid, 'a new testd');
		assert.ok(await gone(pid), 'the old testd was stopped');
		assert.ok(alive(pid2));

		// The real manifest has no testd row: starting with it stops testd.
		stackCmd({}, 'start', VAR, '--port', PORT, '--bin', BIN);
		assert.ok(await gone(pid2), 'testd stopped once its row is gone');
		assert.ok(!existsSync(pidFile('testd')), 'and its pid file removed');
		assert.equal((await get('/')).status, 200);

		// In the foreground the daemon is watched like every program: its
		// death stops the stack.
		const run = spawn(STACK, ['run', VAR, '--port', PORT, '--bin', bin], {
			env: { ...process.env, ...withTestd }, stdio: ['ignore', 'ignore', 'pipe'],
		});
		let err = '';
		run.stderr.on('data', (d) => { err += d; });
		const exited = new Promise((r) => run.on('exit', (code) => r(code)));
		for (let i = 0; i < 600 && !/running in the foreground/.test(err); i++)
			await sleep(100);
		assert.match(err, /running in the foreground/, 'weft-stack run started');
		stopped = true;
		const pid3 = pidOf('testd');
		const account = pidOf('account');
		process.kill(Number(pid3), 'SIGTERM');
		const code = await Promise.race([exited, sleep(90000).then(() => 'timeout')]);
		assert.equal(code, 1, `weft-stack run exits 1 when testd dies: ${err.slice(-400)}`);
		assert.match(err, /testd \(pid \d+\) died: stopping the stack/);
		assert.ok(await gone(account), 'the other programs were stopped too');
		assert.ok(!existsSync(pidFile('testd')));
	} finally {
		if (stopped || !existsSync(pidFile('account')) || existsSync(pidFile('testd'))) {
			t.diagnostic('starting the real stack again');
			stackCmd({}, 'start', VAR, '--port', PORT, '--bin', BIN);
		}
		rmSync(tmp, { recursive: true, force: true });
	}
	assert.equal((await get('/')).status, 200, 'the real stack answers again');
	assert.ok(!existsSync(pidFile('testd')));
});
