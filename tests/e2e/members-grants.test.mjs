// Coordinator roles of a member (role.assign): GET /members/:id/roles,
// POST /members/:id/roles, POST /members/:id/roles/:grant/remove, and the
// profile panel.  docs/authorization.md rules 2 (the member's scope), 3
// (what may be given, and where) and 6 (an audit row per change); each
// allowed case has its refused twin.  Rule 4 (the last admin) needs the
// demo admin demoted, so it is tests/e2e/zz-lastadmin.serial.test.mjs's.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	PASSWORD, forms, formFor, get, getCsrf, login, memberId, post, sql, text,
	assertNoBareKeys,
} from './lib.mjs';

const SUFFIX = Math.random().toString(36).slice(2, 8);

// A member of our own (approved, the demo password), so that nothing a
// demo account holds is changed for good.
function createMember(name, { community = null, status = 'approved' } = {}) {
	const username = `gr_${name}_${SUFFIX}`;
	sql(`INSERT INTO members (username, email, name, password_hash, status,
	    community_id, about, approved_at)
	    SELECT '${username}', '${username}@example.org', 'Grants ${name}',
	    password_hash, '${status}', ${community === null ? 'NULL' : community},
	    '', UTC_TIMESTAMP() FROM members WHERE username = 'admin'`);
	return { username, id: memberId(username) };
}

function addGrant(id, role, kind = 'site', community = 0, lang = '') {
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id, lang)
	    VALUES (${id}, '${role}', '${kind}', ${community}, '${lang}')`);
}

const grantsOf = (id) => sql(`SELECT role, scope_kind, community_id, lang
    FROM grants WHERE member_id = ${id} ORDER BY id`).map((r) => r.join(':'));
const grantId = (id, role, kind, community = 0, lang = '') => {
	const r = sql(`SELECT id FROM grants WHERE member_id = ${id} AND role = '${role}'
	    AND scope_kind = '${kind}' AND community_id = ${community} AND lang = '${lang}'`);
	return r.length ? Number(r[0][0]) : 0;
};
const auditCount = (action, where = '1') => Number(sql(`SELECT COUNT(*) FROM audit_log
    WHERE action = '${action}' AND ${where}`)[0][0]);

// The scoped admin of community 1, created once for the file.
let northAdmin;
function scopedAdmin() {
	if (!northAdmin) {
		northAdmin = createMember('northadmin', { community: 1 });
		addGrant(northAdmin.id, 'admin', 'community', 1);
	}
	return northAdmin;
}

test('admin gives bob a community member-coordinator role; bob sees the list of his community; admin removes it', async () => {
	const bob = memberId('bob');
	const admin = await login('admin');
	// Whatever happens, bob is a plain member again afterwards.
	try {
		const page = await get(`/members/${bob}/roles`, admin);
		assert.equal(page.status, 200);
		assertNoBareKeys(page.body, 'grants page');
		assert.match(text(page.body), /holds no coordinator role/);
		const f = formFor(page.body, `/members/${bob}/roles`);
		assert.ok(f, 'the add form is there');
		const roleOpts = (f.html.match(/<select id="role"[\s\S]*?<\/select>/) || [''])[0];
		for (const r of ['admin', 'member', 'support', 'outreach', 'payment', 'translator'])
			assert.match(roleOpts, new RegExp(`value="${r}"`), `a site admin may give ${r}`);
		assert.match(f.html, /value="community:1"/);
		assert.match(f.html, /value="site"/);

		const bobJar = await login('bob');
		assert.equal((await get('/members', bobJar)).status, 403, 'bob, a plain member, has no member list');

		const before = auditCount('grant.add', `JSON_VALUE(after_json, '$.member_id') = ${bob}`);
		const r = await post(`/members/${bob}/roles`, admin,
		    { csrf: getCsrf(page.body), role: 'member', scope: 'community:1' });
		assert.equal(r.status, 303, text(r.body).slice(0, 300));
		assert.equal(r.location, `/members/${bob}/roles`);
		assert.deepEqual(grantsOf(bob), ['member:community:1:']);
		assert.equal(auditCount('grant.add', `JSON_VALUE(after_json, '$.member_id') = ${bob}`), before + 1,
		    'one audit row for the grant');
		const after = await get(`/members/${bob}/roles`, admin);
		assert.match(text(after.body), /Member Coordinator Community Timebank “North Side Timebank”/);
		assert.match(text(after.body), /The role was given/, 'flash');

		// bob's next request carries the grant: members of community 1
		// and not of community 2 (rule 2), and the list, in his scope.
		assert.equal((await get(`/members/${memberId('alice')}`, bobJar)).status, 200, 'bob sees alice (community 1)');
		assert.equal((await get(`/members/${memberId('dave')}`, bobJar)).status, 403, 'bob does not see dave (community 2)');
		const list = await get('/members', bobJar);
		assert.equal(list.status, 200, 'bob now has member.list');
		const lt = text(list.body);
		assert.match(lt, /alice/, 'a member of community 1 is listed');
		assert.doesNotMatch(lt, /\bdave\b/, 'a member of community 2 is not');
		const roles = await get('/members/roles', bobJar);
		assert.equal(roles.status, 200);
		assert.match(text(roles.body), /Member Coordinator — Community Timebank “North Side Timebank”/);

		// Removing: the button of the grant posts to its remove route.
		const gid = grantId(bob, 'member', 'community', 1);
		const rm = formFor(after.body, `/members/${bob}/roles/${gid}/remove`);
		assert.ok(rm, 'a remove button for the grant');
		const r2 = await post(rm.action, admin, { csrf: getCsrf(after.body) });
		assert.equal(r2.status, 303);
		assert.deepEqual(grantsOf(bob), []);
		assert.equal(auditCount('grant.remove', `object_id = ${gid}`), 1, 'one audit row for the removal');
		assert.equal((await get('/members', bobJar)).status, 403, 'bob has no member list again');
		assert.equal((await get(`/members/${memberId('alice')}`, bobJar)).status, 403, 'nor alice\'s profile');
	} finally {
		sql(`DELETE FROM grants WHERE member_id = ${bob}`);
	}
});

test('only role.assign holders reach the grants pages (mcoord, northcoord, outreach, a member: 403)', async () => {
	const m = createMember('target', { community: 1 });
	const admin = await login('admin');
	const csrfAdmin = getCsrf((await get(`/members/${m.id}/roles`, admin)).body);
	assert.ok(csrfAdmin);
	for (const who of ['mcoord', 'northcoord', 'outreach', 'support', 'alice']) {
		const jar = await login(who);
		const g = await get(`/members/${m.id}/roles`, jar);
		assert.equal(g.status, 403, `${who}: GET /members/:id/roles`);
		const csrf = getCsrf((await get('/me', jar)).body);
		const p = await post(`/members/${m.id}/roles`, jar, { csrf, role: 'support', scope: 'community:1' });
		assert.equal(p.status, 403, `${who}: POST /members/:id/roles`);
	}
	assert.deepEqual(grantsOf(m.id), [], 'nothing was given');
	// A visitor is sent to log in.
	const v = await get(`/members/${m.id}/roles`);
	assert.ok([303, 403].includes(v.status), `visitor: ${v.status}`);
});

test('a translator needs a language scope: 422 with the reason, nothing saved; with language:es it is given', async () => {
	const m = createMember('translator');
	const admin = await login('admin');
	const page = await get(`/members/${m.id}/roles`, admin);
	const csrf = getCsrf(page.body);
	const bad = await post(`/members/${m.id}/roles`, admin, { csrf, role: 'translator', scope: 'site' });
	assert.equal(bad.status, 422);
	assert.match(text(bad.body), /A Translator is appointed for a language/);
	assert.match(bad.body, /<select id="scope" name="scope" aria-invalid="true"/);
	assert.match(bad.body, /<option value="translator" selected>/, 'the chosen role is kept');
	assert.deepEqual(grantsOf(m.id), []);

	const noLang = await post(`/members/${m.id}/roles`, admin, { csrf, role: 'translator', scope: 'language', lang: '' });
	assert.equal(noLang.status, 422, 'language chosen but no tag');
	const badLang = await post(`/members/${m.id}/roles`, admin, { csrf, role: 'translator', scope: 'language', lang: 'not a tag!' });
	assert.equal(badLang.status, 422);
	assert.match(badLang.body, /value="not a tag!"/, 'the typed tag is kept');
	// Only a translator takes a language.
	const supLang = await post(`/members/${m.id}/roles`, admin, { csrf, role: 'support', scope: 'language:es' });
	assert.equal(supLang.status, 422);
	assert.deepEqual(grantsOf(m.id), []);

	const ok = await post(`/members/${m.id}/roles`, admin, { csrf, role: 'translator', scope: 'language', lang: 'es' });
	assert.equal(ok.status, 303);
	assert.deepEqual(grantsOf(m.id), ['translator:language:0:es']);
	const shown = await get(`/members/${m.id}/roles`, admin);
	assert.match(text(shown.body), /Translator Translations into Español/);
	// The same grant again changes nothing and says so.
	const again = await post(`/members/${m.id}/roles`, admin, { csrf, role: 'translator', scope: 'language:es' });
	assert.equal(again.status, 303);
	assert.deepEqual(grantsOf(m.id), ['translator:language:0:es']);
	assert.match(text((await get(`/members/${m.id}/roles`, admin)).body), /already holds this role/);
});

test('bad input is refused with the form again and nothing saved', async () => {
	const m = createMember('badinput');
	const admin = await login('admin');
	const csrf = getCsrf((await get(`/members/${m.id}/roles`, admin)).body);
	for (const [form, field] of [
		[{ role: 'overlord', scope: 'site' }, 'role'],
		[{ scope: 'site' }, 'role'],
		[{ role: 'support', scope: 'everywhere' }, 'scope'],
		[{ role: 'support' }, 'scope'],
		[{ role: 'support', scope: 'community:0' }, 'scope'],
		[{ role: 'support', scope: 'community:99999' }, 'scope'],
	]) {
		const r = await post(`/members/${m.id}/roles`, admin, { csrf, ...form });
		assert.equal(r.status, 422, JSON.stringify(form));
		assert.match(r.body, new RegExp(`id="${field}"[^>]*aria-invalid="true"`), `${JSON.stringify(form)}: ${field} marked`);
		assert.match(r.body, /class="error-summary"/);
	}
	assert.deepEqual(grantsOf(m.id), []);
	// Without the CSRF token nothing happens either.
	const nocsrf = await post(`/members/${m.id}/roles`, admin, { role: 'support', scope: 'site' });
	assert.equal(nocsrf.status, 403);
	assert.deepEqual(grantsOf(m.id), []);
});

test('no probing: unknown members and grants', async () => {
	const admin = await login('admin');
	assert.equal((await get('/members/99999999/roles', admin)).status, 404, 'site admin: no such member');
	const csrf = getCsrf((await get('/me', admin)).body);
	assert.equal((await post('/members/99999999/roles', admin, { csrf, role: 'support', scope: 'site' })).status, 404);
	// A grant of another member under this member's path is not found.
	const m = createMember('probe');
	const other = memberId('mcoord');
	const g = grantId(other, 'member', 'site');
	assert.ok(g);
	const r = await post(`/members/${m.id}/roles/${g}/remove`, admin, { csrf });
	assert.equal(r.status, 404);
	assert.ok(grantId(other, 'member', 'site'), 'mcoord keeps the grant');
	assert.equal((await post(`/members/${m.id}/roles/abc/remove`, admin, { csrf })).status, 404);
});

test('a community-scoped admin grants only in their community, to members of it (rules 2 and 3)', async () => {
	const na = scopedAdmin();
	const inside = createMember('inside', { community: 1 });
	const outside = createMember('outside', { community: 2 });
	const nobody = createMember('nocommunity');
	const jar = await login(na.username);

	const page = await get(`/members/${inside.id}/roles`, jar);
	assert.equal(page.status, 200);
	const f = formFor(page.body, `/members/${inside.id}/roles`);
	assert.ok(f);
	assert.match(f.html, /value="community:1"/);
	assert.doesNotMatch(f.html, /value="community:2"/, 'no other community offered');
	assert.doesNotMatch(f.html, /value="site"/, 'site not offered');
	assert.doesNotMatch(f.html, /value="translator"/, 'translators are appointed by a site admin');
	const csrf = getCsrf(page.body);

	const ok = await post(`/members/${inside.id}/roles`, jar, { csrf, role: 'support', scope: 'community:1' });
	assert.equal(ok.status, 303);
	assert.deepEqual(grantsOf(inside.id), ['support:community:1:']);
	assert.equal(Number(sql(`SELECT community_id FROM audit_log WHERE action = 'grant.add'
	    AND object_id = ${grantId(inside.id, 'support', 'community', 1)}`)[0][0]), 1,
	    'the audit row belongs to community 1');

	for (const scope of ['site', 'community:2']) {
		const r = await post(`/members/${inside.id}/roles`, jar, { csrf, role: 'member', scope });
		assert.equal(r.status, 422, `scope ${scope}`);
		assert.match(text(r.body), /outside the part of the timebank/i);
	}
	// Members outside the community: 403, the same as for no member at all.
	for (const id of [outside.id, nobody.id, 99999999]) {
		assert.equal((await get(`/members/${id}/roles`, jar)).status, 403, `GET member ${id}`);
		assert.equal((await post(`/members/${id}/roles`, jar, { csrf, role: 'support', scope: 'community:1' })).status, 403);
	}
	assert.deepEqual(grantsOf(outside.id), []);

	// A site grant held by a member of the community shows without a
	// remove button for the scoped admin (rule 3), and removing it by
	// hand is refused with the reason.
	addGrant(inside.id, 'outreach', 'site');
	const p2 = await get(`/members/${inside.id}/roles`, jar);
	const gSite = grantId(inside.id, 'outreach', 'site');
	const gComm = grantId(inside.id, 'support', 'community', 1);
	assert.equal(formFor(p2.body, `/members/${inside.id}/roles/${gSite}/remove`), null, 'no button for the site grant');
	assert.ok(formFor(p2.body, `/members/${inside.id}/roles/${gComm}/remove`), 'a button for the community grant');
	const refused = await post(`/members/${inside.id}/roles/${gSite}/remove`, jar, { csrf });
	assert.equal(refused.status, 409);
	assert.match(text(refused.body), /Not done/);
	assert.ok(grantId(inside.id, 'outreach', 'site'), 'the site grant stays');
	const removed = await post(`/members/${inside.id}/roles/${gComm}/remove`, jar, { csrf });
	assert.equal(removed.status, 303);
	assert.deepEqual(grantsOf(inside.id), ['outreach:site:0:']);
});

test('rule 3: a scoped admin appoints admins of their own community, never of the site', async () => {
	const na = scopedAdmin();
	const m = createMember('deputy', { community: 1 });
	const jar = await login(na.username);
	const csrf = getCsrf((await get(`/members/${m.id}/roles`, jar)).body);
	const r1 = await post(`/members/${m.id}/roles`, jar, { csrf, role: 'admin', scope: 'site' });
	assert.equal(r1.status, 422);
	const r2 = await post(`/members/${m.id}/roles`, jar, { csrf, role: 'admin', scope: 'community:1' });
	assert.equal(r2.status, 303);
	assert.deepEqual(grantsOf(m.id), ['admin:community:1:']);
});

test('the profile shows the member\'s roles, with a link to manage them only for role.assign', async () => {
	const m = createMember('panel', { community: 1 });
	addGrant(m.id, 'support', 'community', 1);
	const admin = await login('admin');
	const show = await get(`/members/${m.id}`, admin);
	assert.equal(show.status, 200);
	const t = text(show.body);
	assert.match(t, /Coordinator roles/);
	assert.match(t, /Member Support Coordinator, for the Community Timebank “North Side Timebank”/);
	assert.match(show.body, new RegExp(`href="/members/${m.id}/roles"`), 'admin: manage link');
	const mc = await login('mcoord');
	const show2 = await get(`/members/${m.id}`, mc);
	assert.equal(show2.status, 200);
	assert.match(text(show2.body), /Member Support Coordinator/);
	assert.doesNotMatch(show2.body, new RegExp(`href="/members/${m.id}/roles"`), 'mcoord: no manage link');
	// The forms of the page all carry the CSRF token.
	for (const f of forms(show.body).filter((x) => x.method === 'post'))
		assert.ok(f.fields.some((x) => x.name === 'csrf' && x.value), `form ${f.action} has csrf`);
	assert.ok(PASSWORD);
});
