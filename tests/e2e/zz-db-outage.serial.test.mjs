// The database goes away and comes back: pages that need it answer 503
// with Retry-After (the workers live on), pages that do not still work,
// and once MariaDB is back every page works again without restarting the
// programs.  Stops the stack's database, so tests/run.sh runs this file
// alone, after the others (*.serial.test.mjs).

import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import {
	Jar, PASSWORD, VAR, assertSecurityHeaders, confNum, get, getCsrf, login,
	request, stack,
} from './lib.mjs';
import { NAMES, PROGRAMS } from './programs.mjs';

const pidOf = (prog) => readFileSync(`${VAR}/run/${prog}.pid`, 'utf8').trim();
const pidsOf = () => Object.fromEntries(NAMES.map((p) => [p, pidOf(p)]));

// What a program has logged since offset (bytes) of its log.
const logSize = (prog) => statSync(`${VAR}/log/${prog}.log`).size;
const logSince = (prog, offset) => readFileSync(`${VAR}/log/${prog}.log`).subarray(offset).toString('utf8');

test('DB stopped: 503 with Retry-After; DB started: pages work again', async (t) => {
	assert.ok(VAR, 'WEFT_VAR is set');
	const bob = await login('bob');
	const admin = await login('admin');
	assert.equal((await get('/', bob)).status, 200);
	assert.equal((await get('/members/roles', admin)).status, 200);
	const pids = pidsOf();
	const visitor = new Jar();
	const visitorCsrf = getCsrf((await get('/login', visitor)).body);

	const logAt = { account: logSize('account'), members: logSize('members') };
	stack('db-stop', VAR);
	let restarted = false;
	try {
		// More requests than workers, so that every worker meets the
		// outage, and many more than one line per worker would allow.
		for (let i = 0; i < 30; i++) {
			for (const [path, jar, what] of [
				['/', bob, 'GET / as bob'],
				['/me', bob, 'GET /me as bob'],
				['/members/roles', admin, 'GET /members/roles as admin'],
			]) {
				const r = await get(path, jar);
				assert.equal(r.status, 503, `${what} with the database stopped`);
				assert.match(r.headers['retry-after'] || '', /^[1-9][0-9]*$/, `${what}: Retry-After`);
				assertSecurityHeaders(r, what);
				assert.match(r.headers['content-type'], /^text\/html; charset=utf-8/i);
			}
		}
		// Logging in needs the database: 503, not "wrong password".
		const p = await request('/login', { jar: visitor, form: { csrf: visitorCsrf, username: 'bob', password: PASSWORD } });
		assert.equal(p.status, 503, 'POST /login with the database stopped');
		assert.match(p.headers['retry-after'] || '', /^[1-9][0-9]*$/, 'POST /login: Retry-After');
		assert.equal(visitor.get('__Host-weft'), undefined);
		// The login page itself may render without the database (a
		// visitor has no session to look up), or say 503: not a 500.
		const lp = await request('/login');
		assert.ok([200, 503].includes(lp.status), `GET /login as a visitor: ${lp.status}`);
		assertSecurityHeaders(lp, 'GET /login as a visitor');
		// What needs no database still works.
		const h = await request('/healthz');
		assert.equal(h.status, 200, '/healthz with the database stopped');
		assert.equal((await request('/static/weft.css')).status, 200, 'static files');
		assert.equal((await request('/no-such-page')).status, 404, 'unknown routes are 404 without the database');

		// Issue 15 (9): the first failure is logged, then one line per
		// minute at most: not a line per request.  Each worker logs
		// the failure it meets (a lost connection, then the connect
		// that failed): a few lines per worker, whatever the load.
		// The stack gives each program the workers of its manifest row
		// unless weft.conf says otherwise.
		const workers = confNum('workers', 0) ||
		    Math.max(...PROGRAMS.filter((p) => ['account', 'members'].includes(p.name)).map((p) => p.workers));
		for (const prog of ['account', 'members']) {
			const lines = logSince(prog, logAt[prog]).split('\n').filter((l) => / db: /.test(l));
			assert.ok(lines.length >= 1, `${prog} logged the outage`);
			assert.ok(lines.length <= 3 * workers,
			    `${prog} logged ${lines.length} database lines for ${30 * 3 + 3} requests:\n${lines.join('\n')}`);
			assert.ok(lines.some((l) => /db: connecting to .*: [0-9]+ /.test(l)), `${prog}: the first failure says why`);
		}
		const before = { account: logSize('account'), members: logSize('members') };

		stack('db-start', VAR);
		restarted = true;

		// Every request now works, the first ones included: the workers
		// reconnect on their own.
		for (let i = 0; i < 6; i++) {
			const home = await get('/', bob);
			assert.equal(home.status, 200, `GET / as bob after db-start (#${i + 1})`);
			assert.match(home.body, /action="\/logout"/, 'bob is still logged in (sessions live in the database)');
			const roles = await get('/members/roles', admin);
			assert.equal(roles.status, 200, `GET /members/roles as admin after db-start (#${i + 1})`);
			const lp = await get('/login');
			assert.equal(lp.status, 200);
			assert.ok(getCsrf(lp.body));
		}
		const fresh = await login('carol');
		assert.equal((await get('/me', fresh)).status, 200, 'a new login works');
		assert.deepEqual(pidsOf(), pids, 'no program of the manifest was restarted');
		// The recovery is logged, once per worker that saw the outage.
		for (const prog of ['account', 'members']) {
			const back = logSince(prog, before[prog]).split('\n').filter((l) => /db: reachable again after [0-9]+s and [0-9]+ failed connects/.test(l));
			assert.ok(back.length >= 1 && back.length <= workers, `${prog} logged its recovery (${back.length} lines)`);
		}
	} finally {
		if (!restarted) {
			t.diagnostic('restarting the database after a failure');
			stack('db-start', VAR);
		}
	}
});
