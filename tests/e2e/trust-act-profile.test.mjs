// Angels and managers act fully (docs/authorization.md, "Who is who"): a
// guardian angel, while the member's Guardian Angel Mode is on, and a
// manager of an organisation edit that member's profile and set their
// password, as they post their ads and record their exchanges, on the
// same check (act_for).  The page is /me/for/:id, the member's own
// profile form.  No password is asked (the angel does not know the
// member's, and a coordinator setting one is not asked for theirs
// either); the member's sessions end; both writes are audited.  A member
// holding roles the angel does not hold is not theirs to change (rule 9).

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	BareKeys, PASSWORD, csrfOf, formFor, formValues, get, login, loginAttempt,
	post, sql, text,
} from './lib.mjs';
import { makeMember } from './exchanges-lib.mjs';

const keys = new BareKeys();
const m = {};

test.before(() => {
	m.angel = makeMember({ prefix: 'apang', community: 1, name: 'Angela Profile' });
	m.ward = makeMember({ prefix: 'apwrd', community: 2, angelMode: true, name: 'Walter Profile' });
	m.off = makeMember({ prefix: 'apoff', community: 1, name: 'Mode Off' });
	m.org = makeMember({ prefix: 'aporg', community: 2, organisation: true, name: 'Profile Org' });
	m.coord = makeMember({ prefix: 'apcrd', community: 1, angelMode: true, name: 'Coord Ward' });
	for (const w of [m.ward, m.off, m.coord])
		sql(`INSERT INTO guardian_angels (member_id, angel_id) VALUES (${w.id}, ${m.angel.id})`);
	sql(`INSERT INTO org_managers (org_id, manager_id) VALUES (${m.org.id}, ${m.angel.id})`);
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id)
	    VALUES (${m.coord.id}, 'support', 'community', 1)`);
});

test.after(() => {
	const list = Object.values(m).map((x) => x.id).join(',');
	sql(`DELETE FROM guardian_angels WHERE member_id IN (${list}) OR angel_id IN (${list})`);
	sql(`DELETE FROM org_managers WHERE org_id IN (${list}) OR manager_id IN (${list})`);
	sql(`DELETE FROM grants WHERE member_id IN (${list})`);
});

const mainText = (html) => text((html.match(/<main[\s\S]*<\/main>/) || [html])[0]);
const row = (id) => sql(`SELECT name, email, phone, about, lang FROM members WHERE id = ${id}`)[0];
const audits = (action, id) => sql(`SELECT actor_id, acting_id, before_json, after_json
    FROM audit_log WHERE action = '${action}' AND object_type = 'member' AND object_id = ${id}
    ORDER BY id`);

test('an angel edits the profile of the member they look after, audited with both ids', async () => {
	const jar = await login(m.angel.username);
	const me = await get('/me', jar);
	assert.equal(me.status, 200);
	keys.check(me.body, '/me of an angel');
	assert.match(me.body, new RegExp(`href="/me/for/${m.ward.id}"`), '/me links to the ward\'s profile');
	assert.doesNotMatch(me.body, new RegExp(`href="/me/for/${m.off.id}"`), 'not to a member whose mode is off');
	const page = await get(`/me/for/${m.ward.id}`, jar);
	assert.equal(page.status, 200, mainText(page.body).slice(0, 200));
	keys.check(page.body, '/me/for/:id');
	assert.match(mainText(page.body), /Walter Profile/);
	assert.match(mainText(page.body), /guardian angel/);
	assert.doesNotMatch(page.body, /name="profile_status"|name="is_organisation"/, 'no coordinator field');
	const f = formFor(page.body, `/me/for/${m.ward.id}`);
	assert.ok(f, 'the profile form');
	assert.ok(formFor(page.body, `/me/for/${m.ward.id}/password`), 'the password form');
	const r = await post(`/me/for/${m.ward.id}`, jar, { ...formValues(f), phone: '+1 555 0123', about: 'Edited by my angel.' });
	assert.equal(r.status, 303, mainText(r.body).slice(0, 300));
	assert.equal(r.location, `/me/for/${m.ward.id}`);
	keys.check((await get(r.location, jar)).body, 'after the save');
	const [, , phone, about] = row(m.ward.id);
	assert.equal(phone, '+1 555 0123');
	assert.equal(about, 'Edited by my angel.');
	const a = audits('member.edit', m.ward.id);
	assert.equal(a.length, 1, 'one audit row');
	assert.equal(Number(a[0][0]), m.angel.id);
	assert.equal(Number(a[0][1]), m.angel.id);
	assert.match(a[0][3], /555 0123/);
	// Bad input: 422 with the message, nothing saved.
	const bad = await post(`/me/for/${m.ward.id}`, jar, { ...formValues(f), name: '' });
	assert.equal(bad.status, 422);
	assert.match(bad.body, /id="name-error"/);
	assert.equal(row(m.ward.id)[0], 'Walter Profile');
});

test('an angel sets the member\'s password: no password asked, the member\'s sessions end, audited', async () => {
	const ward = await login(m.ward.username);
	const jar = await login(m.angel.username);
	const tok = await csrfOf(`/me/for/${m.ward.id}`, jar);
	const mismatch = await post(`/me/for/${m.ward.id}/password`, jar, { csrf: tok, password: 'a-long-password-1', password2: 'a-long-password-2' });
	assert.equal(mismatch.status, 422);
	assert.match(mismatch.body, /id="password2-error"/);
	const next = `Angel-set-${process.pid}`;
	const r = await post(`/me/for/${m.ward.id}/password`, jar, { csrf: tok, password: next, password2: next });
	assert.equal(r.status, 303, mainText(r.body).slice(0, 300));
	assert.equal((await get('/me', ward)).status, 303, 'the ward\'s session ended');
	assert.equal((await get('/me', jar)).status, 200, 'the angel\'s own session lives on');
	assert.notEqual((await loginAttempt(m.ward.username, PASSWORD)).res.status, 303);
	await login(m.ward.username, next);
	const a = audits('member.password', m.ward.id);
	assert.equal(a.length, 1);
	assert.equal(Number(a[0][0]), m.angel.id);
	assert.doesNotMatch(a[0].join(' '), /argon2|Angel-set/);
});

test('a manager edits the organisation\'s profile', async () => {
	const jar = await login(m.angel.username);
	const page = await get(`/me/for/${m.org.id}`, jar);
	assert.equal(page.status, 200);
	assert.match(mainText(page.body), /you manage this organisation/);
	const f = formFor(page.body, `/me/for/${m.org.id}`);
	const r = await post(`/me/for/${m.org.id}`, jar, { ...formValues(f), name: 'Profile Org Renamed' });
	assert.equal(r.status, 303);
	assert.equal(row(m.org.id)[0], 'Profile Org Renamed');
	assert.equal(audits('member.edit', m.org.id).length, 1);
});

test('refused: mode off, no link, a member holding roles the angel does not hold', async () => {
	const jar = await login(m.angel.username);
	const tok = await csrfOf('/me', jar);
	const next = `Refused-${process.pid}-pw`;
	for (const w of [m.off, { id: 999999999 }]) {
		assert.equal((await get(`/me/for/${w.id}`, jar)).status, 403);
		assert.equal((await post(`/me/for/${w.id}`, jar, { csrf: tok, name: 'X', email: 'x@example.org' })).status, 403);
		assert.equal((await post(`/me/for/${w.id}/password`, jar, { csrf: tok, password: next, password2: next })).status, 403);
	}
	const alice = await login('alice');
	const atok = await csrfOf('/me', alice);
	assert.equal((await get(`/me/for/${m.ward.id}`, alice)).status, 403, 'alice is nobody\'s angel');
	assert.equal((await post(`/me/for/${m.ward.id}`, alice, { csrf: atok, name: 'X', email: 'x@example.org' })).status, 403);
	// The ward holds a support role: not the plain angel's to change.
	const before = row(m.coord.id);
	const page = await get(`/me/for/${m.coord.id}`, jar);
	assert.equal(page.status, 403);
	assert.match(mainText(page.body), /holds roles you do not hold/);
	assert.equal(formFor(page.body, `/me/for/${m.coord.id}`), null);
	const p = await post(`/me/for/${m.coord.id}`, jar, { csrf: tok, name: 'X', email: 'x@example.org' });
	assert.equal(p.status, 403);
	const w = await post(`/me/for/${m.coord.id}/password`, jar, { csrf: tok, password: next, password2: next });
	assert.equal(w.status, 403);
	assert.deepEqual(row(m.coord.id), before);
	// One's own profile is /me.
	const self = await get(`/me/for/${m.angel.id}`, jar);
	assert.equal(self.status, 303);
	assert.equal(self.location, '/me');
});

test('no phrase keys on the pages above', () => keys.assertNone());
