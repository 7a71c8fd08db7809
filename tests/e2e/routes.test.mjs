// ROLES.md rule 1 ("every route names its permission") and the guards,
// checked from the outside:
//
// 1. Every route each program prints with --routes must be in EXPECTED
//    below, with the same access and permission, and none may be "unset".
//    A new route therefore fails this test until it is reviewed here.
// 2. For every route and every kind of actor (visitor, plain member,
//    applying member, each site role, the community-scoped coordinator),
//    a request over HTTP is let through or refused as ROLES.md says.

import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
	BIN, BareKeys, Jar, get, getCsrf, login, memberId, request, text,
} from './lib.mjs';
import { ACTORS, guardAllows } from './roles.mjs';

const PROGRAMS = ['account', 'members'];

// The reviewed route table: program, method, pattern, access, perm ('-'
// unless access is perm).  `probe` says how to exercise a route without
// changing shared demo data: the body to post (a refused request must be
// refused before the handler; a let-through one gets the handler's answer
// to an empty or invalid form, never a write).
const EXPECTED = [
	// account
	{ prog: 'account', method: 'GET', pattern: '/', access: 'public', perm: '-' },
	{ prog: 'account', method: 'GET', pattern: '/login', access: 'public', perm: '-' },
	{ prog: 'account', method: 'POST', pattern: '/login', access: 'public', perm: '-', probe: { form: { username: '', password: '' } } },
	{ prog: 'account', method: 'POST', pattern: '/logout', access: 'login', perm: '-', fresh: true },
	{ prog: 'account', method: 'GET', pattern: '/me', access: 'login', perm: '-' },
	{ prog: 'account', method: 'POST', pattern: '/me', access: 'login', perm: '-', probe: { form: { name: '', email: 'x' } } },
	{ prog: 'account', method: 'GET', pattern: '/me/password', access: 'login', perm: '-' },
	{ prog: 'account', method: 'POST', pattern: '/me/password', access: 'login', perm: '-', probe: { form: { current: 'wrong', password: 'x', password2: 'y' } } },
	{ prog: 'account', method: 'GET', pattern: '/signup', access: 'public', perm: '-' },
	{ prog: 'account', method: 'POST', pattern: '/signup', access: 'public', perm: '-', probe: { form: { username: '', email: 'x' } } },
	{ prog: 'account', method: 'GET', pattern: '/signup/done', access: 'public', perm: '-' },
	// members
	{ prog: 'members', method: 'GET', pattern: '/members/roles', access: 'coordinator', perm: '-' },
];

function routesOf(prog) {
	const exe = `${BIN}/${prog}`;
	assert.ok(existsSync(exe), `${exe} exists`);
	const out = execFileSync(exe, ['--routes'], { encoding: 'utf8', timeout: 20000 });
	return out.split('\n').filter((l) => l.trim() !== '').map((l) => {
		const f = l.split('\t');
		assert.equal(f.length, 4, `--routes line has 4 fields: ${JSON.stringify(l)}`);
		const [method, pattern, access, perm] = f;
		return { prog, method, pattern, access, perm };
	});
}

const keys = new BareKeys();
const key = (r) => `${r.prog} ${r.method} ${r.pattern}`;

for (const prog of PROGRAMS) {
	test(`${prog} --routes: every route is in the reviewed table, with its access`, () => {
		const got = routesOf(prog);
		assert.ok(got.length > 0, 'at least one route');
		const seen = new Set();
		const problems = [];
		for (const r of got) {
			if (seen.has(key(r)))
				problems.push(`duplicate route ${key(r)}`);
			seen.add(key(r));
			if (r.access === 'unset' || r.access === '?')
				problems.push(`${key(r)} has no access (ACCESS_UNSET)`);
			if (r.access === 'perm' && (!r.perm || r.perm === '-'))
				problems.push(`${key(r)} is ACCESS_PERM without a permission`);
			const e = EXPECTED.find((x) => key(x) === key(r));
			if (!e) {
				problems.push(`${key(r)} (${r.access} ${r.perm}) is not in tests/e2e/routes.test.mjs EXPECTED`);
				continue;
			}
			if (e.access !== r.access || e.perm !== r.perm)
				problems.push(`${key(r)}: expected ${e.access} ${e.perm}, program says ${r.access} ${r.perm}`);
		}
		for (const e of EXPECTED.filter((x) => x.prog === prog))
			if (!seen.has(key(e)))
				problems.push(`${key(e)} is expected but the program has no such route`);
		assert.deepEqual(problems, []);
	});
}

// Fills ":name" path parameters with real demo ids.
function pathOf(pattern, ids) {
	return pattern.replace(/:([a-z_]+)/g, (_, p) => {
		if (!(p in ids))
			throw new Error(`no demo value for :${p} in ${pattern}`);
		return String(ids[p]);
	});
}

// Is this answer a refusal by the guard?  Visitors are sent to /login on
// GET and refused (403) on POST; logged-in members get 403.
function refused(res, actorKey, method) {
	if (res.status === 403)
		return true;
	if (actorKey === 'visitor' && method === 'GET' && res.status === 303 &&
	    /^\/login(\?|$)/.test(res.location || ''))
		return true;
	return false;
}

test('authorization over HTTP: every route, every kind of actor', async (t) => {
	const ids = { id: memberId('alice') };
	const actors = Object.keys(ACTORS);
	// One logged-in session per actor for GETs; POSTs that end the
	// session (fresh: true) log in anew.
	const jars = {};
	for (const a of actors)
		jars[a] = ACTORS[a].user ? await login(ACTORS[a].user) : new Jar();
	// The visitor needs its CSRF cookie and token to be judged on access,
	// not on a missing token.
	const visitorPage = await get('/login', jars.visitor);
	const visitorCsrf = getCsrf(visitorPage.body);

	const table = [];
	const wrong = [];
	for (const prog of PROGRAMS) {
		for (const r of routesOf(prog)) {
			const e = EXPECTED.find((x) => key(x) === key(r)) || {};
			if (r.access === 'unset' || r.access === '?')
				continue;	// reported by the coverage test
			const path = pathOf(r.pattern, ids);
			for (const a of actors) {
				const want = guardAllows(a, r.access, r.perm);
				let jar = jars[a];
				let res;
				if (r.method === 'GET') {
					res = await get(path, jar);
				} else if (r.method === 'POST') {
					if (e.fresh && ACTORS[a].user)
						jar = await login(ACTORS[a].user);
					let csrf = visitorCsrf;
					if (ACTORS[a].user)
						csrf = getCsrf((await get('/me', jar)).body);
					res = await request(path, { jar, form: { csrf, ...((e.probe && e.probe.form) || {}) } });
				} else {
					res = await request(path, { method: r.method, jar });
				}
				const got = !refused(res, a, r.method);
				if (/text\/html/.test(res.headers['content-type'] || ''))
					keys.check(res.body, `${r.method} ${path} as ${a}`);
				table.push(`${r.method} ${path} ${a}: ${res.status}${res.location ? ' -> ' + res.location : ''} ${got ? 'allowed' : 'refused'}`);
				if (got !== want || res.status >= 500)
					wrong.push(`${r.method} ${r.pattern} as ${a} (${ACTORS[a].user || 'visitor'}): expected ${want ? 'allowed' : 'refused'}, got ${res.status}${res.location ? ' -> ' + res.location : ''} ${text(res.body).slice(0, 120)}`);
			}
		}
	}
	t.diagnostic(`${table.length} requests`);
	if (process.env.WEFT_TEST_VERBOSE)
		for (const l of table)
			t.diagnostic(l);
	assert.deepEqual(wrong, [], 'every guard answers as ROLES.md says');
});

test('every page met above, as every actor, shows text, not phrase keys', () => {
	keys.assertNone();
});

test('unknown routes are 404 and a known path with another method is 405, for everyone', async () => {
	const jar = await login('admin');
	for (const j of [new Jar(), jar]) {
		assert.equal((await get('/members/999999/nothing', j)).status, 404);
		assert.equal((await get('/no/such/route', j)).status, 404);
	}
	// POST to a GET-only route (with a valid token, so only the method is wrong).
	const csrf = getCsrf((await get('/me', jar)).body);
	const r = await request('/members/roles', { jar, form: { csrf } });
	assert.equal(r.status, 405);
	const g = await get('/logout', jar);
	assert.ok([404, 405].includes(g.status), `GET /logout: ${g.status}`);
});
