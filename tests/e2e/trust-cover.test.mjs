// Rule 9 (docs/authorization.md): changing another member's account
// (status, opt-out, Community Timebank, profile, password, e-mail, one at
// a time or in bulk) needs, beside the permission over the member's
// scope, that the actor's grants cover the member's, as for "become".  A
// Member Coordinator does not disable, approve, move or edit an Admin
// Coordinator; a community admin does not set back a site-wide member
// coordinator.  The refusal says why, and the forms that would be refused
// are not offered.  A site admin covers everyone (rule 4 aside).  Notes
// stay open to whoever holds member.notes.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	BareKeys, csrfOf, formFor, formValues, get, login, post, sql, text,
} from './lib.mjs';
import { makeMember } from './exchanges-lib.mjs';

const keys = new BareKeys();
const m = {};

function grant(id, role, scope) {
	const [kind, c] = scope.split(':');
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id)
	    VALUES (${id}, '${role}', '${kind}', ${c ? Number(c) : 0})`);
}

test.before(() => {
	// cadm: an admin of community 1 (the target of mcoord and support,
	// and an actor); smc: a site-wide member coordinator living in
	// community 1 (the target of cadm); app, dis: applying and disabled
	// admins of community 1; plain: nobody special.
	m.cadm = makeMember({ prefix: 'cvcadm', community: 1 });
	m.smc = makeMember({ prefix: 'cvsmc', community: 1 });
	m.app = makeMember({ prefix: 'cvapp', community: 1, status: 'applying' });
	m.dis = makeMember({ prefix: 'cvdis', community: 1, status: 'disabled' });
	m.plain = makeMember({ prefix: 'cvpln', community: 1 });
	grant(m.cadm.id, 'admin', 'community:1');
	grant(m.smc.id, 'member', 'site');
	grant(m.app.id, 'admin', 'community:1');
	grant(m.dis.id, 'admin', 'community:1');
});

test.after(() => {
	const list = Object.values(m).map((x) => x.id).join(',');
	sql(`DELETE FROM grants WHERE member_id IN (${list})`);
	sql(`DELETE FROM sessions WHERE member_id IN (${list})`);
});

const jars = {};
const as = async (u) => (jars[u] ||= await login(u));
const mainText = (html) => text((html.match(/<main[\s\S]*<\/main>/) || [html])[0]);
const row = (id) => sql(`SELECT status, optout, COALESCE(community_id, 0), name, phone
    FROM members WHERE id = ${id}`)[0];
const auditCount = (id) => Number(sql(`SELECT COUNT(*) FROM audit_log
    WHERE object_type = 'member' AND object_id = ${id}`)[0][0]);
const COVER = /holds roles you do not hold/;

async function act(user, id, action, form = {}) {
	const jar = await as(user);
	return post(`/members/${id}/${action}`, jar, { csrf: await csrfOf('/', jar), ...form });
}

async function refused(user, target, action, form) {
	const before = row(target.id);
	const audits = auditCount(target.id);
	const r = await act(user, target.id, action, form);
	assert.equal(r.status, 403, `${user} ${action} ${target.username}: ${r.status} ${mainText(r.body).slice(0, 160)}`);
	assert.match(mainText(r.body), COVER, `${user} ${action}: the refusal says why`);
	keys.check(r.body, `${user} ${action} refused`);
	assert.deepEqual(row(target.id), before, `${user} ${action}: nothing changed`);
	assert.equal(auditCount(target.id), audits, `${user} ${action}: nothing audited`);
}

test('a member coordinator changes nothing of an admin\'s account: status, opt-out, community, profile', async () => {
	await refused('mcoord', m.cadm, 'disable');
	await refused('mcoord', m.app, 'approve', { approved_on: '' });
	await refused('mcoord', m.dis, 'enable');
	await refused('mcoord', m.cadm, 'community', { community: '2' });
	await refused('mcoord', m.cadm, 'optout', { optout: '1' });
	await refused('support', m.cadm, 'optout', { optout: '1' });
	await refused('mcoord', m.cadm, 'edit', {
		name: 'Renamed', email: `${m.cadm.username}@example.org`, phone: '', address: '',
		about: '', lang: 'en', profile_status: 'new',
	});
	await refused('mcoord', m.cadm, 'password', { password: 'long-enough-pw-1', password2: 'long-enough-pw-1' });
	await refused('northcoord', m.cadm, 'disable');
});

test('a community admin does not set back or disable a site-wide member coordinator', async () => {
	await refused(m.cadm.username, m.smc, 'unapprove');
	await refused(m.cadm.username, m.smc, 'disable');
	// Allowed twin: a plain member of their community.
	const r = await act(m.cadm.username, m.plain.id, 'unapprove');
	assert.equal(r.status, 303);
	assert.equal(row(m.plain.id)[0], 'applying');
	assert.equal((await act(m.cadm.username, m.plain.id, 'approve', { approved_on: '' })).status, 303);
});

test('a site admin covers everyone: disables and enables the community admin, audited', async () => {
	const before = auditCount(m.cadm.id);
	assert.equal((await act('admin', m.cadm.id, 'disable')).status, 303);
	assert.equal(row(m.cadm.id)[0], 'disabled');
	assert.equal((await act('admin', m.cadm.id, 'enable')).status, 303);
	assert.equal(row(m.cadm.id)[0], 'approved');
	assert.equal(auditCount(m.cadm.id), before + 2);
	delete jars[m.cadm.username];	/* disabling ended the session */
});

test('notes are fine: a member coordinator writes a note on an admin', async () => {
	const r = await act('mcoord', m.cadm.id, 'notes', { body: 'A note on an admin.' });
	assert.equal(r.status, 303);
});

test('forms that would be refused are not offered: the profile says why instead', async () => {
	const actions = ['approve', 'unapprove', 'disable', 'enable', 'optout', 'community'];
	const offered = (body, id) => actions.filter((a) => formFor(body, `/members/${id}/${a}`));
	const mc = await get(`/members/${m.cadm.id}`, await as('mcoord'));
	assert.equal(mc.status, 200);
	keys.check(mc.body, 'profile of an admin as mcoord');
	assert.deepEqual(offered(mc.body, m.cadm.id), [], 'mcoord: no status form');
	assert.doesNotMatch(mc.body, new RegExp(`href="/members/${m.cadm.id}/edit"`), 'mcoord: no edit link');
	assert.match(mainText(mc.body), COVER, 'mcoord: the page says why');
	const sup = await get(`/members/${m.cadm.id}`, await as('support'));
	assert.deepEqual(offered(sup.body, m.cadm.id), [], 'support: no opt-out form');
	const edit = await get(`/members/${m.cadm.id}/edit`, await as('mcoord'));
	assert.equal(edit.status, 403, 'the edit page is refused, with the reason');
	assert.match(mainText(edit.body), COVER);
	assert.equal(formFor(edit.body, `/members/${m.cadm.id}/password`), null);
	// Allowed twins: the site admin gets the forms, mcoord gets them for a
	// plain member.
	const ad = await get(`/members/${m.cadm.id}`, await as('admin'));
	assert.deepEqual(offered(ad.body, m.cadm.id), ['unapprove', 'disable', 'optout', 'community']);
	assert.match(ad.body, new RegExp(`href="/members/${m.cadm.id}/edit"`));
	const pl = await get(`/members/${m.plain.id}`, await as('mcoord'));
	assert.deepEqual(offered(pl.body, m.plain.id), ['disable', 'optout', 'community']);
	const pe = await get(`/members/${m.plain.id}/edit`, await as('mcoord'));
	assert.equal(pe.status, 200);
	assert.ok(formFor(pe.body, `/members/${m.plain.id}/password`), 'the password form for a plain member');
	assert.ok(formFor(pe.body, `/members/${m.plain.id}/edit`));
});

// id -> verdict and the row's text, as members-bulk.test.mjs reads them.
function verdicts(html) {
	const out = new Map();
	for (const x of html.matchAll(/<tr data-id="(\d+)" data-verdict="(\w+)">([\s\S]*?)<\/tr>/g))
		out.set(Number(x[1]), { verdict: x[2], text: text(x[3]) });
	return out;
}

test('bulk: each account is covered on its own; the refused one says why', async () => {
	const jar = await as(m.cadm.username);
	const csrf = await csrfOf('/', jar);
	const ids = `${m.smc.id},${m.plain.id}`;
	const preview = await post('/members/bulk', jar, { csrf, action: 'disable', ids });
	assert.equal(preview.status, 200, mainText(preview.body).slice(0, 300));
	keys.check(preview.body, 'bulk preview');
	const v = verdicts(preview.body);
	assert.equal(v.get(m.smc.id).verdict, 'refused');
	assert.match(v.get(m.smc.id).text, COVER);
	assert.equal(v.get(m.plain.id).verdict, 'change');
	const confirm = formFor(preview.body, '/members/bulk/apply');
	assert.ok(confirm);
	const result = await post('/members/bulk/apply', jar, formValues(confirm));
	assert.equal(result.status, 200);
	assert.equal(row(m.smc.id)[0], 'approved', 'the coordinator kept');
	assert.equal(row(m.plain.id)[0], 'disabled');
	sql(`UPDATE members SET status = 'approved' WHERE id = ${m.plain.id}`);
});

test('no phrase keys on the pages above', () => keys.assertNone());
