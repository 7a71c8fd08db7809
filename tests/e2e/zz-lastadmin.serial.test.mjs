// docs/authorization.md rule 4 under concurrency, over HTTP: two site
// admins A and B, the only two enabled ones, each demote the other at the
// same moment (Promise.all of two requests on separate sessions).  Exactly
// one may win; the other is refused with the last-admin message (or, when it
// arrives after the winner has committed, finds it is no longer an admin
// at all); afterwards exactly one of them is an enabled site admin.
//
// This demotes the demo admin (and any other enabled site admin) for the
// duration, so tests/run.sh runs it alone, after the other files
// (*.serial.test.mjs); every grant taken away is put back in `finally`.

import test from 'node:test';
import assert from 'node:assert/strict';
import { get, getCsrf, login, memberId, post, sql, text } from './lib.mjs';

const SUFFIX = Math.random().toString(36).slice(2, 8);
const ROUNDS = 10;
const LAST_ADMIN = /This is the last enabled Admin Coordinator of the whole timebank/;

function createMember(name) {
	const username = `zz_${name}_${SUFFIX}`;
	sql(`INSERT INTO members (username, email, name, password_hash, status, about, approved_at)
	    SELECT '${username}', '${username}@example.org', 'Serial admin ${name}', password_hash,
	    'approved', '', UTC_TIMESTAMP() FROM members WHERE username = 'admin'`);
	return { username, id: memberId(username) };
}

// The site admin grants of everyone but A and B, whole rows, to put back.
function takeOtherAdmins(a, b) {
	const rows = sql(`SELECT g.id, g.member_id, g.community_id, g.lang, COALESCE(g.granted_by, 'NULL'),
	    g.created_at FROM grants g WHERE g.role = 'admin' AND g.scope_kind = 'site'
	    AND g.member_id NOT IN (${a.id}, ${b.id})`);
	if (rows.length)
		sql(`DELETE FROM grants WHERE id IN (${rows.map((r) => r[0]).join(',')})`);
	return rows;
}

function putBack(rows) {
	for (const [id, member, community, lang, by, at] of rows)
		sql(`INSERT IGNORE INTO grants (id, member_id, role, scope_kind, community_id, lang, granted_by, created_at)
		    VALUES (${id}, ${member}, 'admin', 'site', ${community}, '${lang}', ${by}, '${at}')`);
}

// A and B: both approved, both site admins, nothing else.
function reset(a, b) {
	sql(`DELETE FROM grants WHERE member_id IN (${a.id}, ${b.id})`);
	sql(`UPDATE members SET status = 'approved' WHERE id IN (${a.id}, ${b.id})`);
	sql(`INSERT INTO grants (member_id, role, scope_kind) VALUES (${a.id}, 'admin', 'site'), (${b.id}, 'admin', 'site')`);
}

const adminGrant = (m) => {
	const r = sql(`SELECT id FROM grants WHERE member_id = ${m.id} AND role = 'admin' AND scope_kind = 'site'`);
	return r.length ? Number(r[0][0]) : 0;
};
const enabledSiteAdmins = () => sql(`SELECT m.id FROM grants g JOIN members m ON m.id = g.member_id
    WHERE g.role = 'admin' AND g.scope_kind = 'site' AND m.status = 'approved' ORDER BY m.id`)
    .map((r) => Number(r[0]));

// Both sides of a round: a fresh session each, and its CSRF token.
async function sessions(a, b) {
	const ja = await login(a.username);
	const jb = await login(b.username);
	const ca = getCsrf((await get('/me', ja)).body);
	const cb = getCsrf((await get('/me', jb)).body);
	return { ja, jb, ca, cb };
}

// What one side's answer was: 'won', 'last-admin' (409 with the message),
// 'late' (arrived when it was no longer an admin: 403, or its session had
// ended: sent to log in), or something unexpected.
function outcome(r, winRe) {
	if (winRe(r))
		return 'won';
	if ((r.status === 409 || r.status === 200) && LAST_ADMIN.test(text(r.body)))
		return 'last-admin';
	if (r.status === 403 || (r.status === 303 && /^\/login/.test(r.location || '')))
		return 'late';
	// The database chose this one as a deadlock victim: rolled back whole.
	if (r.status === 409)
		return 'conflict';
	return `unexpected ${r.status} ${r.location || ''} ${text(r.body).slice(0, 200)}`;
}

// A deadlock victim is run again by the handlers of grants.c and bulk.c,
// and status.c takes its locks in the guard's order, so a bare conflict
// is a failure everywhere.
async function rounds(t, a, b, what, fire, winRe, check, accept = ['last-admin+won', 'late+won']) {
	const seen = {};
	const met = () => (seen['last-admin+won'] || 0) + (seen['conflict+won'] || 0) > 0;
	// ROUNDS rounds; more (up to three times as many) while no round has
	// yet had both requests inside the database at once.
	for (let i = 0; i < ROUNDS || (!met() && i < 3 * ROUNDS); i++) {
		reset(a, b);
		const s = await sessions(a, b);
		const [ra, rb] = await Promise.all(fire(s));
		const oa = outcome(ra, winRe);
		const ob = outcome(rb, winRe);
		const pair = [oa, ob].sort().join('+');
		seen[pair] = (seen[pair] || 0) + 1;
		assert.ok(accept.includes(pair), `${what}, round ${i + 1}: ${oa} / ${ob}`);
		check(i);
	}
	t.diagnostic(`${what}: ${JSON.stringify(seen)}`);
	assert.ok(met(), `${what}: at least one round met the lock (${JSON.stringify(seen)})`);
}

test('rule 4 under concurrency: two last admins demote each other at once, one remains', async (t) => {
	const a = createMember('a');
	const b = createMember('b');
	reset(a, b);
	const taken = takeOtherAdmins(a, b);
	try {
		assert.deepEqual(enabledSiteAdmins(), [a.id, b.id].sort((x, y) => x - y), 'A and B are the only two');

		// Alone, the last admin cannot remove their own role.
		sql(`DELETE FROM grants WHERE member_id = ${b.id}`);
		{
			const ja = await login(a.username);
			const page = await get(`/members/${a.id}/roles`, ja);
			const r = await post(`/members/${a.id}/roles/${adminGrant(a)}/remove`, ja, { csrf: getCsrf(page.body) });
			assert.equal(r.status, 409);
			assert.match(text(r.body), LAST_ADMIN);
			assert.ok(adminGrant(a), 'A is still an admin');
			const d = await post('/members/bulk/apply', ja, { csrf: getCsrf(page.body), action: 'revoke', role: 'admin', scope: 'site', ids: `${a.id}` });
			assert.equal(d.status, 200);
			assert.match(text(d.body), LAST_ADMIN);
			assert.ok(adminGrant(a), 'A is still an admin');
		}

		// Removing each other's admin grant.
		await rounds(t, a, b, 'remove grant', (s) => [
			post(`/members/${b.id}/roles/${adminGrant(b)}/remove`, s.ja, { csrf: s.ca }),
			post(`/members/${a.id}/roles/${adminGrant(a)}/remove`, s.jb, { csrf: s.cb }),
		], (r) => r.status === 303 && /^\/members\/\d+\/roles$/.test(r.location || ''), (i) => {
			const left = [adminGrant(a), adminGrant(b)].filter(Boolean).length;
			assert.equal(left, 1, `round ${i + 1}: exactly one admin grant left`);
			assert.equal(enabledSiteAdmins().length, 1);
		});

		// Disabling each other, in bulk (one transaction each).
		await rounds(t, a, b, 'bulk disable', (s) => [
			post('/members/bulk/apply', s.ja, { csrf: s.ca, action: 'disable', ids: `${b.id}` }),
			post('/members/bulk/apply', s.jb, { csrf: s.cb, action: 'disable', ids: `${a.id}` }),
		], (r) => r.status === 200 && /data-verdict="change"/.test(r.body), (i) => {
			const st = sql(`SELECT status FROM members WHERE id IN (${a.id}, ${b.id}) ORDER BY status`).map((r) => r[0]);
			assert.deepEqual(st, ['approved', 'disabled'], `round ${i + 1}: one disabled, one left`);
			assert.equal(enabledSiteAdmins().length, 1);
		});

		// Disabling each other with the single form (status.c), which
		// runs rule 4's guard before it locks the member, so the two
		// requests wait in turn: no deadlock, no bare conflict.
		await rounds(t, a, b, 'disable', (s) => [
			post(`/members/${b.id}/disable`, s.ja, { csrf: s.ca }),
			post(`/members/${a.id}/disable`, s.jb, { csrf: s.cb }),
		], (r) => r.status === 303 && /^\/members\/\d+$/.test(r.location || ''), (i) => {
			const st = sql(`SELECT status FROM members WHERE id IN (${a.id}, ${b.id}) ORDER BY status`).map((r) => r[0]);
			assert.deepEqual(st, ['approved', 'disabled'], `round ${i + 1}: one disabled, one left`);
		});
	} finally {
		putBack(taken);
		sql(`DELETE FROM grants WHERE member_id IN (${a.id}, ${b.id})`);
		sql(`UPDATE members SET status = 'disabled' WHERE id IN (${a.id}, ${b.id})`);
	}
	assert.ok(enabledSiteAdmins().includes(memberId('admin')), 'the demo admin is an admin again');
});
