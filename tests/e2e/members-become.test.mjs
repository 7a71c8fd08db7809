// "Become another member" (member.become, docs/authorization.md rule 5):
// becoming starts a new session token acting as the target, the real
// member never changes, the banner shows on every page with a way back,
// grants are the target's while acting, and nobody becomes someone holding
// more than they do.  Each allowed case has its refused twin.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	BareKeys, Jar, csrfOf, get, login, memberId, post, sessionCookieName,
	sql, text,
} from './lib.mjs';

const keys = new BareKeys();
const tag = `bec${process.pid}`;
const ids = {};

// Members of this file's own: an applying site admin (not an enabled
// admin, so no last-admin rule elsewhere notices it) and an applying
// admin of community 1 (held by nobody who may become them).
test.before(() => {
	for (const [k, comm] of [['siteadmin', 'NULL'], ['commadmin', '1']]) {
		sql(`INSERT INTO members (username, email, name, password_hash,
		    status, community_id, about) VALUES ('${tag}${k}',
		    '${tag}${k}@example.org', 'Become ${k}', 'x', 'applying',
		    ${comm}, '')`);
		ids[k] = memberId(`${tag}${k}`);
	}
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id)
	    VALUES (${ids.siteadmin}, 'admin', 'site', 0),
	    (${ids.commadmin}, 'admin', 'community', 1)`);
});

test.after(() => {
	const list = Object.values(ids).join(',');
	if (!list)
		return;
	sql(`DELETE FROM grants WHERE member_id IN (${list})`);
	sql(`DELETE FROM sessions WHERE member_id IN (${list})
	    OR acting_member_id IN (${list})`);
	sql(`DELETE FROM members WHERE id IN (${list})`);
});

// The csrf token of the session (the log-out form of any page carries it).
const csrf = (jar) => csrfOf('/', jar);

function lastAudit(action, objectId) {
	const rows = sql(`SELECT actor_id, acting_id, object_type
	    FROM audit_log WHERE action = '${action}' AND object_id = ${objectId}
	    ORDER BY id DESC LIMIT 1`);
	return rows.length ? rows[0].map((v, i) => (i < 2 ? Number(v) : v)) : null;
}

// Redirects are followed as a browser would, so that a one-time flash is
// shown (and used up) by the program it belongs to.
async function follow(r, jar) {
	if (r.status === 303)
		keys.check((await get(r.location, jar)).body, `after ${r.location}`);
	return r;
}

async function become(jar, id) {
	return follow(await post(`/members/${id}/become`, jar, { csrf: await csrf(jar) }), jar);
}

async function comeBack(jar) {
	return follow(await post('/members/become/return', jar, { csrf: await csrf(jar) }), jar);
}

test('admin becomes alice: new token, banner, alice\'s rights, real member kept; return', async () => {
	const admin = memberId('admin');
	const alice = memberId('alice');
	const jar = await login('admin');
	const before = jar.get(sessionCookieName());
	const old = jar.clone();

	const r = await become(jar, alice);
	assert.equal(r.status, 303, `become: ${r.status} ${text(r.body).slice(0, 200)}`);
	assert.equal(r.location, '/');
	const after = jar.get(sessionCookieName());
	assert.ok(after && after !== before, 'a new session token');
	const sc = r.setCookies.find((c) => c.startsWith(`${sessionCookieName()}=`));
	assert.match(sc, /HttpOnly/i);
	assert.match(sc, /Secure/i);

	const home = await get('/', jar);
	assert.equal(home.status, 200);
	const t = text(home.body);
	assert.match(t, /You are acting as Alice Adams/, 'the banner names the acting member');
	assert.match(t, /You are really Ada Admin/, 'and the real one');
	assert.match(home.body, /action="\/members\/become\/return"/, 'with a way back');
	keys.check(home.body, 'home while acting');

	// The acting member's grants: alice has none.
	assert.equal((await get('/members/communities', jar)).status, 403, 'no coordinator page while acting as alice');
	assert.equal((await get('/members/roles', jar)).status, 403);

	// The audit row: real admin, acting alice.
	assert.deepEqual(lastAudit('member.become', alice), [admin, alice, 'member']);
	// The session row: real member unchanged.
	const rows = sql(`SELECT COUNT(*) FROM sessions WHERE member_id = ${admin}
	    AND acting_member_id = ${alice}`);
	assert.ok(Number(rows[0][0]) >= 1, 'a session of admin acting as alice');

	// The old token is dead (rotated, its row deleted).
	const o = await get('/me', old);
	assert.equal(o.status, 303, 'the token from before become opens nothing');
	assert.match(o.location, /^\/login/);

	const back = await comeBack(jar);
	assert.equal(back.status, 303);
	assert.equal(back.location, `/members/${alice}`);
	const third = jar.get(sessionCookieName());
	assert.ok(third && third !== after, 'returning rotates the token again');
	assert.deepEqual(lastAudit('member.become_return', alice), [admin, alice, 'member']);
	const h2 = await get('/', jar);
	assert.doesNotMatch(text(h2.body), /You are acting as/, 'no banner after return');
	assert.match(text(h2.body), /Ada Admin/);
	assert.equal((await get('/members/communities', jar)).status, 200, 'admin\'s rights are back');

	// The token used while acting is dead too.
	const acting = new Jar();
	acting.set(sessionCookieName(), after);
	assert.equal((await get('/me', acting)).status, 303);
});

test('return when not acting is harmless', async () => {
	const jar = await login('mcoord');
	const before = jar.get(sessionCookieName());
	const r = await comeBack(jar);
	assert.equal(r.status, 303);
	assert.equal(r.location, '/');
	assert.equal(jar.get(sessionCookieName()), before, 'same session');
	assert.equal((await get('/members/communities', jar)).status, 200);
});

test('a scoped coordinator becomes a member of their community, not of another', async () => {
	const jar = await login('northcoord');
	const dave = memberId('dave');
	const bob = memberId('bob');
	const before = jar.get(sessionCookieName());

	const no = await become(jar, dave);
	assert.equal(no.status, 403, 'northcoord cannot become a community-2 member');
	assert.equal(jar.get(sessionCookieName()), before, 'the session is unchanged');
	// Same answer for no such member (no probing).
	const none = await become(jar, 999999999);
	assert.equal(none.status, 403);
	assert.equal(text(none.body).replace(/\d+/g, ''), text(no.body).replace(/\d+/g, ''),
	    'out of scope and missing look the same');

	const yes = await become(jar, bob);
	assert.equal(yes.status, 303, `northcoord becomes bob: ${yes.status}`);
	assert.match(text((await get('/', jar)).body), /You are acting as Bob Brown/);
	assert.equal((await comeBack(jar)).status, 303);
});

test('nobody becomes a site admin; a member coordinator cannot become an admin', async () => {
	const admin = memberId('admin');
	const aj = await login('admin');
	const r1 = await become(aj, ids.siteadmin);
	assert.equal(r1.status, 403, 'admin cannot become another site admin');
	assert.match(text(r1.body), /Nobody can become an Admin Coordinator/);
	keys.check(r1.body, 'site admin refusal');
	const self = await become(aj, admin);
	assert.equal(self.status, 403, 'nor themselves');
	assert.match(text(self.body), /cannot become yourself/);
	// The admin may become a community admin (their grants cover it).
	const ok = await become(aj, ids.commadmin);
	assert.equal(ok.status, 303, `admin becomes a community admin: ${ok.status}`);
	assert.equal((await comeBack(aj)).status, 303);

	const mj = await login('mcoord');
	const before = mj.get(sessionCookieName());
	const r2 = await become(mj, admin);
	assert.equal(r2.status, 403, 'mcoord cannot become admin');
	assert.match(text(r2.body), /Nobody can become an Admin Coordinator/);
	const r3 = await become(mj, ids.commadmin);
	assert.equal(r3.status, 403, 'mcoord cannot become a community admin');
	assert.match(text(r3.body), /holds roles you do not/);
	keys.check(r3.body, 'not subset refusal');
	assert.equal(mj.get(sessionCookieName()), before, 'mcoord\'s session unchanged');
	assert.equal(lastAudit('member.become', ids.siteadmin), null, 'nothing audited for refusals');

	// The allowed twin: mcoord becomes a plain member.
	const yes = await become(mj, memberId('erin'));
	assert.equal(yes.status, 303);
	assert.equal((await comeBack(mj)).status, 303);
});

test('support has no become; a disabled member cannot be become', async () => {
	const sj = await login('support');
	const r = await become(sj, memberId('alice'));
	assert.equal(r.status, 403, 'support lacks member.become');
	const aj = await login('admin');
	const d = await become(aj, memberId('disabled1'));
	assert.equal(d.status, 403);
	assert.match(text(d.body), /disabled member/);
});

test('cannot become while already acting: return first', async () => {
	const jar = await login('admin');
	const mcoord = memberId('mcoord');
	const r = await become(jar, mcoord);
	assert.equal(r.status, 303, 'admin becomes mcoord');
	// As mcoord the actor holds member.become, but is acting already.
	const again = await become(jar, memberId('alice'));
	assert.equal(again.status, 409);
	assert.match(text(again.body), /Return to yourself first/);
	assert.match(text((await get('/', jar)).body), /You are acting as Marcus Cole/,
	    'still acting as mcoord');
	assert.equal((await comeBack(jar)).status, 303);
	assert.doesNotMatch(text((await get('/', jar)).body), /You are acting as/);
});

test('become without the csrf token is refused and changes nothing', async () => {
	const jar = await login('admin');
	const before = jar.get(sessionCookieName());
	const r = await post(`/members/${memberId('alice')}/become`, jar, {});
	assert.equal(r.status, 403);
	assert.equal(jar.get(sessionCookieName()), before);
	assert.doesNotMatch(text((await get('/', jar)).body), /You are acting as/);
});

test('the profile shows "Become" only when rule 5 allows it', async (t) => {
	const jar = await login('admin');
	const alice = await get(`/members/${memberId('alice')}`, jar);
	if (alice.status === 404) {
		t.skip('the profile page is not written yet');
		return;
	}
	assert.equal(alice.status, 200);
	assert.match(alice.body, new RegExp(`action="/members/${memberId('alice')}/become"`));
	keys.check(alice.body, 'profile with become');
	const adm = await get(`/members/${ids.siteadmin}`, jar);
	assert.equal(adm.status, 200);
	assert.doesNotMatch(adm.body, new RegExp(`action="/members/${ids.siteadmin}/become"`));
	assert.match(text(adm.body), /Nobody can become an Admin Coordinator/);
	// support holds no member.become: no panel at all.
	const sj = await login('support');
	const s = await get(`/members/${memberId('alice')}`, sj);
	assert.equal(s.status, 200);
	assert.doesNotMatch(s.body, /\/become"/);
});

test('no phrase keys on the pages visited', () => keys.assertNone());
