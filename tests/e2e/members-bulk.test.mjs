// Bulk actions (POST /members/bulk = preview, POST /members/bulk/apply):
// docs/authorization.md rule 7 (previewed, confirmed, no delete), rule 2
// (each account authorized on its own), rule 6 (an audit row per changed
// account).  Preview and apply agree: apply's result is compared with the
// preview, account by account.  Rule 4 in bulk:
// tests/e2e/members-lastadmin.test.mjs.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	formFor, formValues, get, getCsrf, login, memberId, post, request, sql, text, assertNoBareKeys,
} from './lib.mjs';

const SUFFIX = Math.random().toString(36).slice(2, 8);
let seq = 0;

function createMember(name, { community = null, status = 'approved' } = {}) {
	const username = `bk_${name}_${SUFFIX}_${++seq}`;
	sql(`INSERT INTO members (username, email, name, password_hash, status,
	    community_id, about, approved_at)
	    SELECT '${username}', '${username}@example.org', 'Bulk ${name}',
	    password_hash, '${status}', ${community === null ? 'NULL' : community},
	    '', ${status === 'applying' ? 'NULL' : 'UTC_TIMESTAMP()'} FROM members WHERE username = 'admin'`);
	return { username, id: memberId(username) };
}

const statusOf = (id) => sql(`SELECT status FROM members WHERE id = ${id}`)[0][0];
const auditRows = (action, id) => Number(sql(`SELECT COUNT(*) FROM audit_log WHERE action = '${action}'
    AND object_type = 'member' AND object_id = ${id}`)[0][0]);

// id -> verdict ("change", "same", "refused") and the row's text.
function verdicts(html) {
	const out = new Map();
	for (const m of html.matchAll(/<tr data-id="(\d+)" data-verdict="(\w+)">([\s\S]*?)<\/tr>/g))
		out.set(Number(m[1]), { verdict: m[2], text: text(m[3]) });
	return out;
}
const plain = (map) => Object.fromEntries([...map].map(([k, v]) => [k, v.verdict]));

async function csrfFor(jar) {
	return getCsrf((await get('/me', jar)).body);
}

// Posts the preview, then the confirm form exactly as the page has it.
async function previewAndApply(jar, form) {
	const csrf = await csrfFor(jar);
	const preview = await post('/members/bulk', jar, { csrf, ...form });
	assert.equal(preview.status, 200, text(preview.body).slice(0, 400));
	const confirm = formFor(preview.body, '/members/bulk/apply');
	let result = null;
	if (confirm)
		result = await post('/members/bulk/apply', jar, formValues(confirm));
	return { preview, confirm, result };
}

test('approve: the preview lists every account with its verdict and changes nothing; apply does exactly that', async () => {
	const app1 = createMember('app1', { status: 'applying', community: 1 });
	const app2 = createMember('app2', { status: 'applying' });
	const ok = createMember('ok', { community: 2 });
	const dis = createMember('dis', { status: 'disabled' });
	const missing = 99999999;
	const ids = [app1.id, app2.id, ok.id, dis.id, missing];
	const admin = await login('admin');
	const csrf = await csrfFor(admin);
	// Repeated "id" fields, as the list page's checkboxes send them.
	const body = `csrf=${csrf}&action=approve&` + ids.map((i) => `id=${i}`).join('&');
	const preview = await request('/members/bulk', { jar: admin, body });
	assert.equal(preview.status, 200);
	assertNoBareKeys(preview.body, 'bulk preview');
	const v = verdicts(preview.body);
	assert.deepEqual(plain(v), {
		[app1.id]: 'change', [app2.id]: 'change', [ok.id]: 'same', [dis.id]: 'refused', [missing]: 'refused',
	});
	assert.match(v.get(dis.id).text, /disabled: enable it first/);
	assert.match(v.get(missing).text, /no such member/);
	assert.match(v.get(app1.id).text, new RegExp(app1.username));
	assert.match(text(preview.body), /Nothing has been changed yet. Of 5 accounts, 2 will change, 1 need no change and 2 will be refused/);
	assert.equal(statusOf(app1.id), 'applying', 'the preview changed nothing');
	assert.equal(auditRows('member.approve', app1.id), 0, 'and wrote no audit row');

	const confirm = formFor(preview.body, '/members/bulk/apply');
	assert.ok(confirm, 'a confirm form');
	const vals = formValues(confirm);
	assert.equal(vals.ids, [...ids].sort((a, b) => a - b).join(','), 'the confirm form carries the same ids');
	assert.equal(vals.action, 'approve');
	assert.ok(vals.csrf);
	const result = await post('/members/bulk/apply', admin, vals);
	assert.equal(result.status, 200);
	assertNoBareKeys(result.body, 'bulk result');
	assert.deepEqual(plain(verdicts(result.body)), plain(v), 'the result is the preview');
	assert.match(text(result.body), /2 were changed, 1 needed no change and 2 were refused/);
	assert.equal(statusOf(app1.id), 'approved');
	assert.equal(statusOf(app2.id), 'approved');
	assert.equal(statusOf(dis.id), 'disabled', 'the refused one is left as it was');
	assert.equal(Number(sql(`SELECT approved_at IS NOT NULL FROM members WHERE id = ${app1.id}`)[0][0]), 1);
	for (const m of [app1, app2])
		assert.equal(auditRows('member.approve', m.id), 1, `one audit row for ${m.username}`);
	for (const id of [ok.id, dis.id])
		assert.equal(auditRows('member.approve', id), 0, 'no row for an account not changed');
	const row = sql(`SELECT community_id, before_json, after_json FROM audit_log
	    WHERE action = 'member.approve' AND object_id = ${app1.id}`)[0];
	assert.equal(row[0], '1');
	assert.match(row[1], /"status":"applying"/);
	assert.match(row[2], /"status":"approved"/);

	// Applying the same again: everything is "no change needed" now.
	const again = await post('/members/bulk/apply', admin, vals);
	assert.equal(again.status, 200);
	assert.equal(verdicts(again.body).get(app1.id).verdict, 'same');
	assert.equal(auditRows('member.approve', app1.id), 1);
});

test('bulk-disabling three members ends their sessions; enable brings them back', async () => {
	const ms = [createMember('d1', { community: 1 }), createMember('d2', { community: 2 }), createMember('d3')];
	const jars = [];
	for (const m of ms) {
		const jar = await login(m.username);
		assert.equal((await get('/me', jar)).status, 200, `${m.username} is logged in`);
		jars.push(jar);
	}
	const admin = await login('admin');
	const { preview, result } = await previewAndApply(admin, { action: 'disable', ids: ms.map((m) => m.id).join(',') });
	assert.ok(ms.every((m) => verdicts(preview.body).get(m.id).verdict === 'change'));
	assert.deepEqual(plain(verdicts(result.body)), plain(verdicts(preview.body)));
	for (const [i, m] of ms.entries()) {
		assert.equal(statusOf(m.id), 'disabled');
		const r = await get('/me', jars[i]);
		assert.equal(r.status, 303, `${m.username}'s session is dead`);
		assert.match(r.location, /^\/login/);
		assert.equal(auditRows('member.disable', m.id), 1);
	}
	assert.equal(Number(sql(`SELECT COUNT(*) FROM sessions WHERE member_id IN (${ms.map((m) => m.id)})`)[0][0]), 0);

	const en = await previewAndApply(admin, { action: 'enable', ids: ms.map((m) => m.id).join(',') });
	assert.deepEqual(plain(verdicts(en.result.body)), plain(verdicts(en.preview.body)));
	for (const m of ms) {
		assert.equal(statusOf(m.id), 'approved');
		assert.equal(auditRows('member.enable', m.id), 1);
	}
	await login(ms[0].username);
});

test('a community-scoped admin: each account is authorized on its own; out of scope is refused and not named', async () => {
	const na = createMember('northadmin', { community: 1 });
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id) VALUES (${na.id}, 'admin', 'community', 1)`);
	const inside = createMember('in', { community: 1 });
	const outside = createMember('out', { community: 2 });
	const none = createMember('none');
	const jar = await login(na.username);
	const ids = [inside.id, outside.id, none.id, 99999999];
	const { preview, result } = await previewAndApply(jar, { action: 'disable', ids: ids.join(',') });
	const v = verdicts(preview.body);
	assert.deepEqual(plain(v), { [inside.id]: 'change', [outside.id]: 'refused', [none.id]: 'refused', 99999999: 'refused' });
	for (const id of [outside.id, none.id, 99999999]) {
		assert.match(v.get(id).text, /outside the part of the timebank/i, 'scope, and the same words for a missing id');
		assert.match(v.get(id).text, new RegExp(`Account #${id}`));
	}
	assert.doesNotMatch(preview.body, new RegExp(outside.username), 'no name of a member out of scope');
	assert.deepEqual(plain(verdicts(result.body)), plain(v));
	assert.equal(statusOf(inside.id), 'disabled');
	assert.equal(statusOf(outside.id), 'approved');
	assert.equal(statusOf(none.id), 'approved');
	assert.equal(auditRows('member.disable', outside.id), 0);
	// Unapprove needs member.unapprove: a community admin has it in scope.
	const un = await previewAndApply(jar, { action: 'unapprove', ids: `${outside.id}` });
	assert.equal(verdicts(un.preview.body).get(outside.id).verdict, 'refused');
	assert.equal(un.confirm, null, 'nothing to confirm when nothing would change');
});

test('"all matching" takes the list\'s filter, within the actor\'s scope, and the confirm posts the ids', async () => {
	const tag = `zz${SUFFIX}`;
	const a = createMember(`${tag}a`, { community: 1 });
	const b = createMember(`${tag}b`, { community: 2 });
	const c = createMember(`${tag}c`, { community: 1, status: 'applying' });
	const admin = await login('admin');
	const csrf = await csrfFor(admin);
	const p = await post('/members/bulk', admin, { csrf, action: 'disable', all_matching: '1', f_q: tag });
	assert.equal(p.status, 200);
	assert.deepEqual(Object.keys(plain(verdicts(p.body))).map(Number).sort((x, y) => x - y), [a.id, b.id, c.id]);
	const p2 = await post('/members/bulk', admin, { csrf, action: 'disable', all_matching: '1', f_q: tag, f_status: 'applying' });
	assert.deepEqual(Object.keys(plain(verdicts(p2.body))).map(Number), [c.id]);
	const p3 = await post('/members/bulk', admin, { csrf, action: 'disable', all_matching: '1', f_q: tag, f_community: '2' });
	assert.deepEqual(Object.keys(plain(verdicts(p3.body))).map(Number), [b.id]);
	const confirm = formValues(formFor(p3.body, '/members/bulk/apply'));
	assert.equal(confirm.ids, `${b.id}`);
	assert.equal(confirm.all_matching, undefined, 'apply gets ids, never the filter');
	// The list page's yes/no and 1 values.
	const p4 = await post('/members/bulk', admin, { csrf, action: 'disable', all_matching: '1', f_q: tag, f_optout: 'no' });
	assert.equal(Object.keys(plain(verdicts(p4.body))).length, 3);
	const p5 = await post('/members/bulk', admin, { csrf, action: 'disable', all_matching: '1', f_q: tag, f_optout: 'yes' });
	assert.equal(p5.status, 422, 'none match: nothing to preview');
	assert.match(text(p5.body), /Choose at least one account/);
	const p6 = await post('/members/bulk', admin, { csrf, action: 'disable', all_matching: '1', f_q: tag, f_org: '1' });
	assert.equal(p6.status, 422);
	const p7 = await post('/members/bulk', admin, { csrf, action: 'disable', all_matching: '1', f_q: `${tag}a`, f_role: '' });
	assert.deepEqual(Object.keys(plain(verdicts(p7.body))).map(Number), [a.id]);
	// LIKE's own characters are matched as typed.
	const p8 = await post('/members/bulk', admin, { csrf, action: 'disable', all_matching: '1', f_q: `${tag}%` });
	assert.equal(p8.status, 422);
	const bad = await post('/members/bulk', admin, { csrf, action: 'disable', all_matching: '1', f_status: 'sleeping' });
	assert.equal(bad.status, 422);
	assert.equal((await post('/members/bulk', admin, { csrf, action: 'disable', all_matching: '1', f_optout: 'maybe' })).status, 422);

	// A community-1 admin's "all" is community 1's.
	const na = createMember('northadmin2', { community: 1 });
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id) VALUES (${na.id}, 'admin', 'community', 1)`);
	const jar = await login(na.username);
	const q = await post('/members/bulk', jar, { csrf: await csrfFor(jar), action: 'disable', all_matching: '1', f_q: tag });
	assert.deepEqual(Object.keys(plain(verdicts(q.body))).map(Number).sort((x, y) => x - y), [a.id, c.id]);
	assert.equal(statusOf(a.id), 'approved', 'previews change nothing');
});

test('grant and revoke a role in bulk: rule 3 per account, one audit row each', async () => {
	const m1 = createMember('g1', { community: 1 });
	const m2 = createMember('g2', { community: 1 });
	const admin = await login('admin');
	const ids = `${m1.id},${m2.id}`;
	const g = await previewAndApply(admin, { action: 'grant', role: 'support', scope: 'community:1', ids });
	assert.match(text(g.preview.body), /Give a role — Member Support Coordinator, community:1/);
	assert.deepEqual(plain(verdicts(g.result.body)), { [m1.id]: 'change', [m2.id]: 'change' });
	const held = (id) => Number(sql(`SELECT COUNT(*) FROM grants WHERE member_id = ${id} AND role = 'support'
	    AND scope_kind = 'community' AND community_id = 1`)[0][0]);
	assert.equal(held(m1.id) + held(m2.id), 2);
	const grantAudit = (id, action) => Number(sql(`SELECT COUNT(*) FROM audit_log WHERE action = '${action}'
	    AND JSON_VALUE(COALESCE(after_json, before_json), '$.member_id') = ${id}`)[0][0]);
	assert.equal(grantAudit(m1.id, 'grant.add'), 1);
	const again = await previewAndApply(admin, { action: 'grant', role: 'support', scope: 'community:1', ids });
	assert.deepEqual(plain(verdicts(again.preview.body)), { [m1.id]: 'same', [m2.id]: 'same' });
	assert.equal(again.result, null);

	const bad = await previewAndApply(admin, { action: 'grant', role: 'translator', scope: 'site', ids });
	assert.deepEqual(plain(verdicts(bad.preview.body)), { [m1.id]: 'refused', [m2.id]: 'refused' });
	assert.match(verdicts(bad.preview.body).get(m1.id).text, /Translator is appointed for a language/);

	const r = await previewAndApply(admin, { action: 'revoke', role: 'support', scope: 'community:1', ids: `${m1.id}` });
	assert.deepEqual(plain(verdicts(r.result.body)), { [m1.id]: 'change' });
	assert.equal(held(m1.id), 0);
	assert.equal(held(m2.id), 1);
	assert.equal(grantAudit(m1.id, 'grant.remove'), 1);
	const r2 = await previewAndApply(admin, { action: 'revoke', role: 'support', scope: 'community:1', ids: `${m1.id}` });
	assert.deepEqual(plain(verdicts(r2.preview.body)), { [m1.id]: 'same' });

	const badScope = await post('/members/bulk', admin, { csrf: await csrfFor(admin), action: 'grant', role: 'support', scope: 'community:99999', ids });
	assert.equal(badScope.status, 422);
});

test('bad input: the form again with 422, nothing changed; there is no delete action', async () => {
	const m = createMember('bad');
	const admin = await login('admin');
	const csrf = await csrfFor(admin);
	for (const [form, field] of [
		[{ ids: `${m.id}` }, 'action'],
		[{ action: 'delete', ids: `${m.id}` }, 'action'],
		[{ action: 'purge', ids: `${m.id}` }, 'action'],
		[{ action: 'disable' }, 'ids'],
		[{ action: 'disable', ids: 'abc' }, 'ids'],
		[{ action: 'disable', ids: `${m.id},-3` }, 'ids'],
		[{ action: 'grant', ids: `${m.id}` }, 'role'],
		[{ action: 'grant', role: 'support', ids: `${m.id}` }, 'scope'],
		[{ action: 'revoke', role: 'support', scope: 'nowhere', ids: `${m.id}` }, 'scope'],
	]) {
		const r = await post('/members/bulk', admin, { csrf, ...form });
		assert.equal(r.status, 422, JSON.stringify(form));
		assert.match(r.body, /class="error-summary"/);
		assert.match(r.body, new RegExp(`href="#${field}"`), `${JSON.stringify(form)}: the message points at ${field}`);
		const f = formFor(r.body, '/members/bulk');
		assert.ok(f, 'the form to try again');
		if (form.ids && /^\d+$/.test(form.ids))
			assert.equal(formValues(f).ids, form.ids, 'the accounts are kept');
		const applied = await post('/members/bulk/apply', admin, { csrf, ...form });
		assert.equal(applied.status, 422, `apply: ${JSON.stringify(form)}`);
	}
	assert.equal(statusOf(m.id), 'approved');
	const actions = formFor((await post('/members/bulk', admin, { csrf, ids: `${m.id}` })).body, '/members/bulk').html;
	assert.doesNotMatch(actions, /value="delete"/i, 'rule 7: no delete');
	// No CSRF, no change.
	const nocsrf = await post('/members/bulk/apply', admin, { action: 'disable', ids: `${m.id}` });
	assert.equal(nocsrf.status, 403);
	assert.equal(statusOf(m.id), 'approved');
});

test('member.bulk is an admin\'s: mcoord, support, outreach, northcoord, a member get 403', async () => {
	const m = createMember('perm');
	for (const who of ['mcoord', 'support', 'outreach', 'northcoord', 'alice']) {
		const jar = await login(who);
		const csrf = await csrfFor(jar);
		for (const path of ['/members/bulk', '/members/bulk/apply'])
			assert.equal((await post(path, jar, { csrf, action: 'disable', ids: `${m.id}` })).status, 403, `${who} ${path}`);
	}
	assert.equal(statusOf(m.id), 'approved');
});

test('the acting admin cannot disable or unapprove themselves in bulk', async () => {
	const admin = await login('admin');
	const id = memberId('admin');
	const csrf = await csrfFor(admin);
	for (const action of ['disable', 'unapprove']) {
		const p = await post('/members/bulk', admin, { csrf, action, ids: `${id}` });
		assert.equal(p.status, 200);
		const v = verdicts(p.body).get(id);
		assert.equal(v.verdict, 'refused');
		assert.match(v.text, /your own account/);
	}
	assert.equal(statusOf(id), 'approved');
});
