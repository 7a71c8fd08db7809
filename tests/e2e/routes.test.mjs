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
	BIN, BareKeys, Jar, get, getCsrf, login, memberId, request, sql, text,
} from './lib.mjs';
import { ACTORS, guardAllows, roleHasPerm } from './roles.mjs';

// The programs of DESIGN.md; those built are checked.
const ALL_PROGRAMS = ['account', 'members', 'exchanges', 'broadcasts', 'payments',
	'translations', 'site'];
const PROGRAMS = ALL_PROGRAMS.filter((p) => BIN && existsSync(`${BIN}/${p}`));

// An id that names no row: a POST that would change shared demo data is
// sent for it, so that the guard's answer shows (403 before the handler)
// and an allowed request changes nothing (the handler's 404).
const MISSING = 999999999;

// The reviewed route table.  R(prog, method, pattern, access, perm, opts):
// access as `--routes` prints it; perm only for access "perm".  opts:
//   form     the body of a POST probe (with the csrf token added)
//   fresh    log in anew for each actor (the request ends or changes the
//            session: logout, become)
//   target   POST on a member: a throwaway member of community 1 made for
//            this route, instead of MISSING
//   allows   (actor, missing) => bool, when the handler refines the guard
//            on the object by a rule of ROLES.md (the comment says which);
//            missing: the probe names no real object (MISSING)
const R = (prog, method, pattern, access, perm = '-', opts = {}) =>
	({ prog, method, pattern, access, perm, ...opts });

const EXPECTED = [
	// account: log in and out, own profile and password, signup
	R('account', 'GET', '/', 'public'),
	R('account', 'GET', '/login', 'public'),
	R('account', 'POST', '/login', 'public', '-', { form: { username: '', password: '' } }),
	R('account', 'POST', '/logout', 'login', '-', { fresh: true }),
	R('account', 'GET', '/me', 'login'),
	R('account', 'POST', '/me', 'login', '-', { form: { name: '', email: 'x' } }),
	R('account', 'GET', '/me/password', 'login'),
	R('account', 'POST', '/me/password', 'login', '-', { form: { current: 'wrong', password: 'x', password2: 'y' } }),
	R('account', 'GET', '/signup', 'public'),
	R('account', 'POST', '/signup', 'public', '-', { form: { username: '', email: 'x' } }),
	R('account', 'GET', '/signup/done', 'public'),

	// members
	R('members', 'GET', '/members', 'perm', 'member.list'),
	R('members', 'GET', '/members/export.csv', 'perm', 'member.list'),
	R('members', 'GET', '/members/dashboard', 'perm', 'dashboard.view'),
	R('members', 'GET', '/members/roles', 'coordinator'),
	R('members', 'GET', '/members/new', 'perm', 'member.add'),
	R('members', 'POST', '/members/new', 'perm', 'member.add', { form: { username: '' } }),
	R('members', 'GET', '/members/communities', 'perm', 'member.community'),
	R('members', 'POST', '/members/communities', 'perm', 'member.community', {
		form: { name: '' },
		// A new Community Timebank is the whole timebank's business:
		// a site grant (rules 2, 3: nothing outside one's own scope).
		allows: (a) => holds(a, 'member.community', 'site'),
	}),
	R('members', 'GET', '/members/audit', 'perm', 'audit.view'),
	R('members', 'POST', '/members/bulk', 'perm', 'member.bulk', { form: {} }),
	R('members', 'POST', '/members/bulk/apply', 'perm', 'member.bulk', { form: {} }),
	R('members', 'POST', '/members/become/return', 'login', '-', { fresh: true }),
	R('members', 'GET', '/members/:id', 'perm', 'member.list'),
	R('members', 'GET', '/members/:id/edit', 'perm', 'member.edit'),
	R('members', 'POST', '/members/:id/edit', 'perm', 'member.edit', { target: true, form: { name: '' } }),
	R('members', 'POST', '/members/:id/password', 'perm', 'member.edit', { target: true, form: { password: 'x', password2: 'y' } }),
	R('members', 'POST', '/members/:id/approve', 'perm', 'member.approve', { target: true }),
	R('members', 'POST', '/members/:id/unapprove', 'perm', 'member.unapprove', { target: true }),
	R('members', 'POST', '/members/:id/disable', 'perm', 'member.disable', { target: true }),
	R('members', 'POST', '/members/:id/enable', 'perm', 'member.disable', { target: true }),
	R('members', 'POST', '/members/:id/optout', 'perm', 'member.optout', { target: true }),
	R('members', 'POST', '/members/:id/community', 'perm', 'member.community', { target: true, form: { community: 'x' } }),
	R('members', 'GET', '/members/:id/notes', 'perm', 'member.notes'),
	R('members', 'POST', '/members/:id/notes', 'perm', 'member.notes', { target: true, form: { body: '' } }),
	R('members', 'POST', '/members/:id/notes/:note', 'perm', 'member.notes', { target: true, form: { body: '' } }),
	// Footnote 3: support toggles Guardian Angel Mode, but assigning or
	// removing an angel is the member coordinator's (and the admin's).
	R('members', 'POST', '/members/:id/angels', 'perm', 'member.angels', { target: true, form: { angel: '' }, allows: notSupportOnly }),
	R('members', 'POST', '/members/:id/angels/:angel/remove', 'perm', 'member.angels', { target: true, allows: notSupportOnly }),
	R('members', 'POST', '/members/:id/angel-mode', 'perm', 'member.angels', { target: true }),
	R('members', 'POST', '/members/:id/managers', 'perm', 'member.orgs', { target: true, form: { manager: '' } }),
	R('members', 'POST', '/members/:id/managers/:manager/remove', 'perm', 'member.orgs', { target: true }),
	R('members', 'POST', '/members/:id/become', 'perm', 'member.become', { target: true, fresh: true }),
	R('members', 'GET', '/members/:id/roles', 'perm', 'role.assign'),
	R('members', 'POST', '/members/:id/roles', 'perm', 'role.assign', { target: true, form: { role: '', scope: '' } }),
	R('members', 'POST', '/members/:id/roles/:grant/remove', 'perm', 'role.assign', { target: true }),

	// exchanges: offers and requests, the ledger
	R('exchanges', 'GET', '/ads', 'member'),
	R('exchanges', 'GET', '/ads/mine', 'member'),
	R('exchanges', 'GET', '/ads/manage', 'perm', 'ad.list'),
	R('exchanges', 'GET', '/ads/new', 'member'),
	R('exchanges', 'POST', '/ads/new', 'member', '-', { form: { title: '' } }),
	R('exchanges', 'GET', '/ads/:id', 'member'),
	R('exchanges', 'GET', '/ads/:id/edit', 'member', '-', {
		// Own ads (alice's here), or ad.edit in the ad's scope.
		allows: (a, missing) => (a === 'member' && !missing) || holds(a, 'ad.edit'),
	}),
	// On an ad that does not exist: whoever may edit (delete) other
	// members' ads gets 404; everyone else 403, as for an ad that exists
	// and is not theirs (rule 1: no probing by id).
	R('exchanges', 'POST', '/ads/:id/edit', 'member', '-', { form: { title: '' }, allows: (a) => holds(a, 'ad.edit') }),
	R('exchanges', 'POST', '/ads/:id/renew', 'member', '-', { allows: (a) => holds(a, 'ad.edit') }),
	R('exchanges', 'POST', '/ads/:id/delete', 'member', '-', { allows: (a) => holds(a, 'ad.delete') }),
	R('exchanges', 'GET', '/exchanges', 'member'),
	R('exchanges', 'GET', '/exchanges/statement.csv', 'member'),
	R('exchanges', 'GET', '/exchanges/new', 'member'),
	R('exchanges', 'POST', '/exchanges/new', 'member', '-', { form: { hours: '' } }),
	R('exchanges', 'GET', '/exchanges/list', 'perm', 'exchange.list'),
	R('exchanges', 'GET', '/exchanges/list.csv', 'perm', 'exchange.list'),
	R('exchanges', 'GET', '/exchanges/members/:id', 'perm', 'member.activity'),
	R('exchanges', 'GET', '/exchanges/:id', 'member', '-', {
		// A party (alice here), or whoever sees every exchange
		// (exchange.list / member.activity) in its scope.
		allows: (a, missing) => (a === 'member' && !missing) ||
		    holds(a, 'exchange.list') || holds(a, 'member.activity'),
	}),
	R('exchanges', 'POST', '/exchanges/:id/reverse', 'perm', 'exchange.edit'),
];

// Does the actor hold perm in some grant (community-scoped grants reach
// the community-1 objects used here)?  scope: only grants of that scope.
function holds(actorKey, perm, scope) {
	const a = ACTORS[actorKey];
	return a.status === 'approved' && a.grants.some(([r, s]) =>
	    roleHasPerm(r, perm) && (!scope || s === scope));
}

function notSupportOnly(actorKey) {
	return ACTORS[actorKey].grants.some(([r]) => r !== 'support' && roleHasPerm(r, 'member.angels'));
}

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

test('the programs are built', () => {
	assert.ok(PROGRAMS.includes('account') && PROGRAMS.includes('members'),
	    `programs in ${BIN}: ${PROGRAMS.join(', ')}`);
});

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

// A throwaway approved member of community 1, for POSTs that act on a
// member: the allowed actors may really change it.
let targets = 0;
function throwawayMember() {
	const u = `probe${process.pid % 100000}x${++targets}`;
	sql(`INSERT INTO members (username, email, name, password_hash, status, community_id, about)
	    VALUES ('${u}', '${u}@example.org', 'Probe Target ${targets}', '-', 'approved', 1, '')`);
	return memberId(u);
}

// Demo objects for GET probes, all in community 1 (so that northcoord's
// grant reaches them) and of alice (the plain member actor).
function demoIds() {
	const alice = memberId('alice');
	const one = (q) => {
		try {
			const rows = sql(q);
			return rows.length ? Number(rows[0][0]) : MISSING;
		} catch {
			return MISSING;	/* the area's tables are not there yet */
		}
	};
	return {
		member: alice,
		ad: one(`SELECT id FROM ads WHERE member_id = ${alice} ORDER BY id LIMIT 1`),
		exchange: one(`SELECT id FROM exchanges WHERE provider_id = ${alice} OR recipient_id = ${alice} ORDER BY id LIMIT 1`),
	};
}

// The path of a probe: GETs name real demo objects; POSTs a throwaway
// member (target) or MISSING, and MISSING for every other parameter.
function pathOf(e, r, demo) {
	return r.pattern.replace(/:([a-z_]+)/g, (_, p) => {
		if (r.method !== 'GET')
			return String(p === 'id' && e.target ? throwawayMember() : MISSING);
		if (p !== 'id')
			return String(MISSING);
		if (r.pattern.startsWith('/ads/'))
			return String(demo.ad);
		if (r.pattern.startsWith('/exchanges/members/'))
			return String(demo.member);
		if (r.pattern.startsWith('/exchanges/'))
			return String(demo.exchange);
		return String(demo.member);
	});
}

// Is this answer a refusal?  Visitors are sent to /login on GET and get
// 403 on POST; a refused member gets 403 (or, for a real object it may not
// see, 404).  On a MISSING object an allowed actor gets the handler's 404.
// Returns null for an answer that is neither (a server error, or a GET of
// a real object that is neither a page nor a redirect).
function verdict(res, method, missing) {
	if (res.status >= 500)
		return null;
	if (res.status === 403)
		return 'refused';
	if (method === 'GET' && res.status === 303 && /^\/login(\?|$)/.test(res.location || ''))
		return 'refused';
	if (method === 'GET' && !missing)
		return res.status === 200 || res.status === 303 ? 'allowed' : res.status === 404 ? 'refused' : null;
	return 'allowed';	/* 303, 404 for MISSING, 409, 422 */
}

// An object that does not exist has no community: a coordinator whose
// grants are all community-scoped cannot be shown to reach it, and may be
// answered 403 (rule 1: the same page whether or not it exists) or 404.
function scopeUnknowable(actorKey, missing) {
	const g = ACTORS[actorKey].grants;
	return missing && g.length > 0 && g.every(([, s]) => s !== 'site');
}

test('authorization over HTTP: every route, every kind of actor', async (t) => {
	const demo = demoIds();
	const actors = Object.keys(ACTORS);
	// One session per actor for most requests; `fresh` routes log in anew.
	const jars = {};
	const csrfs = {};
	for (const a of actors) {
		jars[a] = ACTORS[a].user ? await login(ACTORS[a].user) : new Jar();
		csrfs[a] = getCsrf((await get(ACTORS[a].user ? '/me' : '/login', jars[a])).body);
	}

	const table = [];
	const wrong = [];
	for (const prog of PROGRAMS) {
		for (const r of routesOf(prog)) {
			const e = EXPECTED.find((x) => key(x) === key(r));
			if (!e || r.access === 'unset' || r.access === '?')
				continue;	// reported by the coverage test
			const path = pathOf(e, r, demo);
			for (const a of actors) {
				const missing = path.includes(String(MISSING));
				const want = e.allows ? e.allows(a, missing) && guardAllows(a, r.access, r.perm)
				    : guardAllows(a, r.access, r.perm);
				let jar = jars[a];
				let csrf = csrfs[a];
				let res;
				if (r.method === 'GET') {
					res = await get(path, jar);
				} else {
					if (e.fresh && ACTORS[a].user) {
						jar = await login(ACTORS[a].user);
						csrf = getCsrf((await get('/me', jar)).body);
					}
					res = await request(path, { method: r.method, jar, form: { csrf, ...(e.form || {}) } });
				}
				const v = verdict(res, r.method, missing);
				const got = `${res.status}${res.location ? ' -> ' + res.location : ''}`;
				table.push(`${r.method} ${path} ${a}: ${got} ${v}`);
				const either = want && v === 'refused' && scopeUnknowable(a, missing);
				if (v !== (want ? 'allowed' : 'refused') && !either)
					wrong.push(`${r.method} ${r.pattern} (${path}) as ${a} (${ACTORS[a].user || 'visitor'}): expected ${want ? 'allowed' : 'refused'}, got ${got} ${text(res.body).slice(0, 100)}`);
				if (res.status === 200 && /text\/html/.test(res.headers['content-type'] || ''))
					keys.check(res.body, `${r.method} ${r.pattern} as ${a}`);
			}
		}
	}
	t.diagnostic(`${table.length} requests`);
	if (process.env.WEFT_TEST_VERBOSE)
		for (const l of table)
			t.diagnostic(l);
	for (const w of wrong)
		t.diagnostic(`WRONG ${w}`);
	assert.deepEqual(wrong, [], 'every guard answers as ROLES.md says');
});

test('every page met above, as every actor, shows text, not phrase keys', () => {
	keys.assertNone();
});

test('unknown routes are 404 and a known path with another method is 405, for everyone', async () => {
	const jar = await login('admin');
	for (const j of [new Jar(), jar]) {
		assert.equal((await get('/members/999999/nothing/here', j)).status, 404);
		assert.equal((await get('/no/such/route', j)).status, 404);
	}
	// POST to a GET-only route (with a valid token, so only the method is wrong).
	const csrf = getCsrf((await get('/me', jar)).body);
	const r = await request('/members/roles', { jar, form: { csrf } });
	assert.equal(r.status, 405);
	const g = await get('/logout', jar);
	assert.ok([404, 405].includes(g.status), `GET /logout: ${g.status}`);
});
