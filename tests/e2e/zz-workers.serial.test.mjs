// The pre-forking master keeps its workers: a worker that goes away is
// replaced, the master stays the same process, and requests keep being
// answered meanwhile.  The worker is ended with SIGTERM (a clean exit), so
// the log scan of tests/run.sh, which fails on workers dying by a signal
// they did not handle, stays meaningful.  Run alone, after the others.

import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { VAR, get, login } from './lib.mjs';
import { NAMES } from './programs.mjs';

const masterOf = (prog) => readFileSync(`${VAR}/run/${prog}.pid`, 'utf8').trim();
const workersOf = (master) => {
	try {
		return execFileSync('pgrep', ['-P', master], { encoding: 'utf8' })
		    .split('\n').filter(Boolean).sort();
	} catch {
		return [];
	}
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('a worker that exits is replaced, and the program keeps answering, for every program of the manifest', async () => {
	assert.ok(VAR, 'WEFT_VAR is set');
	const bob = await login('bob');
	for (const prog of NAMES) {
		const master = masterOf(prog);
		const before = workersOf(master);
		assert.ok(before.length >= 1, `${prog} has workers`);
		process.kill(Number(before[0]), 'SIGTERM');
		let after = [];
		for (let i = 0; i < 40; i++) {
			await sleep(100);
			after = workersOf(master);
			if (after.length === before.length && !after.includes(before[0]))
				break;
		}
		assert.equal(after.length, before.length, `${prog}: as many workers as before`);
		assert.ok(!after.includes(before[0]), `${prog}: the old worker is gone`);
		assert.equal(masterOf(prog), master, `${prog}: the same master`);
	}
	for (let i = 0; i < 6; i++)
		assert.equal((await get('/', bob)).status, 200, 'pages are answered');
});
