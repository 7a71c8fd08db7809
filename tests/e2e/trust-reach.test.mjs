// Rule 9 (docs/authorization.md), no reach through another account: a
// site coordinator may make a member of community 1 the guardian angel,
// or the manager of an organisation, of a member of community 2.  A
// coordinator scoped to community 1 must not reach that member through
// the angel's or the manager's account, whatever the path: becoming
// them, a link made while becoming them, setting their password (then
// logging in as them) or their e-mail address (a reset would reach the
// coordinator).  Each refusal says why; each has its allowed twin, for a
// coordinator whose scope covers both.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	BareKeys, PASSWORD, csrfOf, formFor, formValues, get, login, loginAttempt, post,
	sql, text,
} from './lib.mjs';
import { makeMember, record } from './exchanges-lib.mjs';
import { postAd } from './ads-lib.mjs';

const keys = new BareKeys();
const m = {};

test.before(() => {
	// angel (community 1) looks after ward (community 2, mode on); mgr
	// (community 1) manages org (community 2); late (community 1) is
	// linked to ward only while someone acts as them; plain has no link.
	m.angel = makeMember({ prefix: 'rchang', community: 1 });
	m.ward = makeMember({ prefix: 'rchwrd', community: 2, angelMode: true });
	m.mgr = makeMember({ prefix: 'rchmgr', community: 1 });
	m.org = makeMember({ prefix: 'rchorg', community: 2, organisation: true });
	m.late = makeMember({ prefix: 'rchlat', community: 1 });
	m.plain = makeMember({ prefix: 'rchpln', community: 1 });
	m.near = makeMember({ prefix: 'rchnea', community: 1, angelMode: true });
	sql(`INSERT INTO guardian_angels (member_id, angel_id) VALUES (${m.ward.id}, ${m.angel.id})`);
	sql(`INSERT INTO org_managers (org_id, manager_id) VALUES (${m.org.id}, ${m.mgr.id})`);
});

test.after(() => {
	const list = Object.values(m).map((x) => x.id).join(',');
	sql(`DELETE FROM guardian_angels WHERE member_id IN (${list}) OR angel_id IN (${list})`);
	sql(`DELETE FROM org_managers WHERE org_id IN (${list}) OR manager_id IN (${list})`);
	sql(`DELETE FROM sessions WHERE member_id IN (${list}) OR acting_member_id IN (${list})`);
});

const mainText = (html) => text((html.match(/<main[\s\S]*<\/main>/) || [html])[0]);
const csrf = (jar) => csrfOf('/', jar);
const audits = (action, id) => Number(sql(`SELECT COUNT(*) FROM audit_log
    WHERE action = '${action}' AND object_id = ${id}`)[0][0]);

async function become(jar, id) {
	return post(`/members/${id}/become`, jar, { csrf: await csrf(jar) });
}

async function comeBack(jar) {
	const r = await post('/members/become/return', jar, { csrf: await csrf(jar) });
	assert.equal(r.status, 303);
}

const REACH = /acts for a member (outside|beyond) what you/;

test('become: a community coordinator cannot become the angel or the manager of a member of another community', async () => {
	const nc = await login('northcoord');
	for (const who of [m.angel, m.mgr]) {
		const page = await get(`/members/${who.id}`, nc);
		assert.equal(page.status, 200);
		keys.check(page.body, 'profile with the become refusal');
		assert.doesNotMatch(page.body, new RegExp(`action="/members/${who.id}/become"`),
		    `${who.username}: no "Become" button that would be refused`);
		assert.match(mainText(page.body), REACH, 'the panel says why');
		const before = audits('member.become', who.id);
		const r = await become(nc, who.id);
		assert.equal(r.status, 403, `become ${who.username}: ${r.status}`);
		assert.match(mainText(r.body), REACH);
		keys.check(r.body, 'become refused');
		assert.equal(audits('member.become', who.id), before, 'nothing audited');
	}
	// Still herself: no ad can be posted for the ward.
	assert.equal((await postAd(nc, { for: m.ward.username })).res.status, 403);
	// A member of the same community with no such link: allowed.
	const r = await become(nc, m.plain.id);
	assert.equal(r.status, 303, text(r.body).slice(0, 200));
	await comeBack(nc);
});

test('become: a site coordinator may, and then acts for the ward as the angel would', async () => {
	const mc = await login('mcoord');
	const r = await become(mc, m.angel.id);
	assert.equal(r.status, 303, text(r.body).slice(0, 300));
	const { res } = await postAd(mc, { for: m.ward.username });
	assert.equal(res.status, 303, 'the angel\'s ad for the ward');
	await comeBack(mc);
});

test('a link made while a coordinator acts as the angel reaches nothing outside their scope', async () => {
	const nc = await login('northcoord');
	assert.equal((await become(nc, m.late.id)).status, 303);
	// Meanwhile a site coordinator makes late the angel of two members:
	// one of community 2, one of community 1.
	sql(`INSERT INTO guardian_angels (member_id, angel_id) VALUES (${m.ward.id}, ${m.late.id}),
	    (${m.near.id}, ${m.late.id})`);
	try {
		assert.equal((await postAd(nc, { for: m.ward.username })).res.status, 403,
		    'no ad for the member of community 2');
		const x = await record(nc, { provider: m.ward.username, recipient: m.plain.username, hours: '0.5' });
		assert.equal(x.res.status, 403, `no exchange for the member of community 2: ${x.res.status}`);
		const mine = await get('/ads/mine', nc);
		assert.doesNotMatch(text(mine.body), new RegExp(m.ward.username.slice(0, 6)),
		    '"My ads" does not offer the ward');
		// Allowed twin: the ward of community 1 is within reach.
		assert.equal((await postAd(nc, { for: m.near.username })).res.status, 303,
		    'an ad for the member of community 1');
	} finally {
		sql(`DELETE FROM guardian_angels WHERE angel_id = ${m.late.id}`);
		await comeBack(nc);
	}
});

test('password: a community coordinator cannot set the angel\'s or the manager\'s password (and log in as them)', async () => {
	const nc = await login('northcoord');
	const next = `Reach-pw-${process.pid}-x`;
	for (const who of [m.angel, m.mgr]) {
		const page = await get(`/members/${who.id}/edit`, nc);
		assert.equal(page.status, 200, 'the profile itself may be edited');
		keys.check(page.body, 'edit page with the password refusal');
		assert.equal(formFor(page.body, `/members/${who.id}/password`), null,
		    `${who.username}: no password form that would be refused`);
		assert.match(mainText(page.body), REACH, 'the page says why');
		const before = sql(`SELECT password_hash FROM members WHERE id = ${who.id}`)[0][0];
		const r = await post(`/members/${who.id}/password`, nc,
		    { csrf: await csrf(nc), password: next, password2: next });
		assert.equal(r.status, 403, `${who.username}: ${r.status}`);
		assert.match(mainText(r.body), REACH);
		assert.equal(sql(`SELECT password_hash FROM members WHERE id = ${who.id}`)[0][0], before);
		assert.notEqual((await loginAttempt(who.username, next)).res.status, 303,
		    'nobody logs in as them with that password');
	}
	// The angel still logs in with their own password: nothing changed.
	await login(m.angel.username, PASSWORD);
	// Allowed twin: the site coordinator may (both communities are theirs).
	const mc = await login('mcoord');
	const r = await post(`/members/${m.mgr.id}/password`, mc,
	    { csrf: await csrf(mc), password: next, password2: next });
	assert.equal(r.status, 303);
	await login(m.mgr.username, next);
	// And a member of community 1 with no link, northcoord may.
	const p = await post(`/members/${m.plain.id}/password`, nc,
	    { csrf: await csrf(nc), password: next, password2: next });
	assert.equal(p.status, 303);
});

test('e-mail: a community coordinator cannot change the angel\'s e-mail address; the rest of the profile yes', async () => {
	const nc = await login('northcoord');
	const page = await get(`/members/${m.angel.id}/edit`, nc);
	const f = formFor(page.body, `/members/${m.angel.id}/edit`);
	assert.ok(f, 'the profile form');
	const email = f.fields.find((x) => x.name === 'email');
	assert.ok(email, 'the e-mail is shown');
	assert.match(f.html, /name="email"[^>]*readonly|readonly[^>]*name="email"/, 'but cannot be changed');
	const v = formValues(f);
	const r = await post(`/members/${m.angel.id}/edit`, nc, { ...v, email: `rch${process.pid}@example.org` });
	assert.equal(r.status, 403);
	assert.match(mainText(r.body), REACH);
	assert.equal(sql(`SELECT email FROM members WHERE id = ${m.angel.id}`)[0][0], `${m.angel.username}@example.org`);
	const ok = await post(`/members/${m.angel.id}/edit`, nc, { ...v, phone: '+1 555 0177' });
	assert.equal(ok.status, 303, 'other fields');
	assert.equal(sql(`SELECT phone FROM members WHERE id = ${m.angel.id}`)[0][0], '+1 555 0177');
});

test('links: a community coordinator links no member of another community, either way', async () => {
	const nc = await login('northcoord');
	const tok = await csrf(nc);
	// The ward is of community 2: not theirs to give an angel.
	const a = await post(`/members/${m.ward.id}/angels`, nc, { csrf: tok, angel: m.plain.username });
	assert.equal(a.status, 403);
	// A member of community 2 as the angel of a member of community 1.
	const b = await post(`/members/${m.near.id}/angels`, nc, { csrf: tok, angel: m.ward.username });
	assert.equal(b.status, 422);
	// An organisation of community 2 and, for one of community 1, a
	// manager of community 2.
	const c = await post(`/members/${m.org.id}/managers`, nc, { csrf: tok, manager: m.plain.username });
	assert.equal(c.status, 403);
	const org1 = makeMember({ prefix: 'rchor1', community: 1, organisation: true });
	m.org1 = org1;
	const d = await post(`/members/${org1.id}/managers`, nc, { csrf: tok, manager: m.ward.username });
	assert.equal(d.status, 422);
	const rows = Number(sql(`SELECT COUNT(*) FROM guardian_angels WHERE member_id IN (${m.ward.id}, ${m.near.id})
	    AND angel_id IN (${m.plain.id}, ${m.ward.id})`)[0][0]) +
	    Number(sql(`SELECT COUNT(*) FROM org_managers WHERE org_id IN (${m.org.id}, ${org1.id})
	    AND manager_id IN (${m.plain.id}, ${m.ward.id})`)[0][0]);
	assert.equal(rows, 0, 'no link made');
	// Allowed twin: within community 1.
	const e = await post(`/members/${org1.id}/managers`, nc, { csrf: tok, manager: m.plain.username });
	assert.equal(e.status, 303);
});

test('no phrase keys on the pages above', () => keys.assertNone());
