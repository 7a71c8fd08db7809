// The audit log page (GET /members/audit, audit.view):
// docs/authorization.md rule 6.  Every write has its row; the filters
// narrow; paging is keyset; only admins read it, a community-scoped admin
// only their communities' rows; nothing edits or deletes a row.

import test from 'node:test';
import assert from 'node:assert/strict';
import { get, getCsrf, login, memberId, post, request, sql, text, assertNoBareKeys } from './lib.mjs';

const SUFFIX = Math.random().toString(36).slice(2, 8);

function createMember(name, { community = null, status = 'approved' } = {}) {
	const username = `au_${name}_${SUFFIX}`;
	sql(`INSERT INTO members (username, email, name, password_hash, status,
	    community_id, about, approved_at)
	    SELECT '${username}', '${username}@example.org', 'Audit ${name}',
	    password_hash, '${status}', ${community === null ? 'NULL' : community},
	    '', UTC_TIMESTAMP() FROM members WHERE username = 'admin'`);
	return { username, id: memberId(username) };
}

// The rows of an audit page: [{id, action (the code), said (as the page
// words it), title, object, who, change, addr}].
function rows(html) {
	const out = [];
	const re = /<tr data-id="(\d+)">([\s\S]*?)<\/tr>/g;
	let m;
	while ((m = re.exec(html)) !== null) {
		const cells = [...m[2].matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)].map((c) => [c[1], c[2]]);
		const cell = (i) => (cells[i] || ['', ''])[1];
		const code = ((cells[2] || [''])[0].match(/data-action="([^"]*)"/) || [])[1];
		const title = (cell(2).match(/title="([^"]*)"/) || [])[1];
		out.push({ id: Number(m[1]), who: text(cell(1)), action: code, said: text(cell(2)), title,
		    object: text(cell(3)), change: cell(4), addr: text(cell(5)) });
	}
	return out;
}

const olderHref = (html) => {
	const m = html.match(/<a href="([^"]*)" rel="next">/);
	return m ? m[1].replace(/&amp;/g, '&') : null;
};

async function giveRole(jar, memberIdNum, role, scope) {
	const page = await get(`/members/${memberIdNum}/roles`, jar);
	assert.equal(page.status, 200);
	const r = await post(`/members/${memberIdNum}/roles`, jar, { csrf: getCsrf(page.body), role, scope });
	assert.equal(r.status, 303, `give ${role} ${scope}`);
	return Number(sql(`SELECT MAX(id) FROM grants WHERE member_id = ${memberIdNum}`)[0][0]);
}

test('each write has its row: who, what, on which object, before and after, from where', async () => {
	const m = createMember('target', { community: 1 });
	const admin = await login('admin');
	const gid = await giveRole(admin, m.id, 'support', 'community:1');
	const page = await get(`/members/roles`, admin);
	const r = await post(`/members/${m.id}/roles/${gid}/remove`, admin, { csrf: getCsrf(page.body) });
	assert.equal(r.status, 303);

	const log = await get(`/members/audit?target_member=${m.username}`, admin);
	assert.equal(log.status, 200);
	assertNoBareKeys(log.body, 'audit page');
	const rs = rows(log.body);
	assert.deepEqual(rs.map((x) => x.action), ['grant.remove', 'grant.add'], 'newest first, one row each');
	for (const x of rs) {
		assert.match(x.who, /Ada Admin \(admin\)/);
		assert.doesNotMatch(x.who, /acting as/);
		assert.equal(x.object, `grant #${gid}`);
		assert.match(x.addr, /^127\.0\.0\.\d+$/);
	}
	// Before and after, pretty-printed JSON.
	assert.match(rs[0].change, /Before:<pre class="before">\{\n  &quot;member_id&quot;: \d+,\n  &quot;role&quot;: &quot;support&quot;,/);
	assert.match(rs[0].change, /After: —/);
	assert.match(rs[1].change, /Before: —/);
	assert.match(rs[1].change, /<pre class="after">[\s\S]*community:1/);
});

test('an action is shown as its phrase, in the reader\'s language, its code kept as the title', async () => {
	const m = createMember('phrase', { community: 1 });
	const admin = await login('admin');
	await giveRole(admin, m.id, 'support', 'community:1');
	const en = rows((await get(`/members/audit?target_member=${m.username}`, admin)).body);
	assert.equal(en.length, 1);
	assert.equal(en[0].action, 'grant.add');
	assert.equal(en[0].said, 'Gave a role', 'the English phrase, not the code');
	assert.equal(en[0].title, 'grant.add', 'the code as the title');
	const sel = (await get('/members/audit', admin)).body;
	assert.match(sel, /<option value="grant.add">Gave a role \(grant.add\)<\/option>/, 'the filter says it too');

	// A Spanish-reading admin reads sql/demo_es_audit.sql's phrase.
	const es = createMember('phrase_es', { community: null });
	sql(`UPDATE members SET lang = 'es' WHERE id = ${es.id}`);
	sql(`INSERT INTO grants (member_id, role, scope_kind) VALUES (${es.id}, 'admin', 'site')`);
	const jar = await login(es.username);
	const rs = rows((await get(`/members/audit?target_member=${m.username}`, jar)).body);
	assert.equal(rs.length, 1);
	assert.equal(rs[0].said, 'Dio un rol');
	assert.equal(rs[0].title, 'grant.add');
});

test('an action without a phrase is shown as its code, never as a phrase key', async () => {
	const action = `test.nophrase.${SUFFIX}`;
	sql(`INSERT INTO audit_log (actor_id, action, object_type, object_id) VALUES (NULL, '${action}', 'test', 1)`);
	const html = (await get(`/members/audit?action=${action}`, await login('admin'))).body;
	assertNoBareKeys(html, 'audit page');
	const rs = rows(html);
	assert.equal(rs.length, 1);
	assert.equal(rs[0].said, action);
	assert.equal(rs[0].title, undefined, 'no title: the code is the text');
	assert.match(html, new RegExp(`<code>${action.replace(/\./g, '\\.')}</code>`));
});

test('the filters narrow: action, actor, target, object, dates; bad dates are 422', async () => {
	const a = createMember('filt', { community: 2 });
	const admin = await login('admin');
	const g1 = await giveRole(admin, a.id, 'outreach', 'site');

	const byAction = rows((await get('/members/audit?action=grant.add', admin)).body);
	assert.ok(byAction.length > 0);
	assert.ok(byAction.every((x) => x.action === 'grant.add'), 'only grant.add rows');
	const sel = (await get('/members/audit?action=grant.add', admin)).body;
	assert.match(sel, /<option value="grant.add" selected>/, 'the action select keeps the choice');

	const byObject = rows((await get(`/members/audit?target_type=grant&target_id=${g1}`, admin)).body);
	assert.deepEqual(byObject.map((x) => [x.action, x.object]), [['grant.add', `grant #${g1}`]]);

	const byActor = rows((await get('/members/audit?actor=admin', admin)).body);
	assert.ok(byActor.length > 0 && byActor.every((x) => /\(admin\)/.test(x.who)));
	const byOther = rows((await get(`/members/audit?actor=${a.username}`, admin)).body);
	assert.equal(byOther.length, 0, 'a new member wrote nothing');
	const noSuch = await get('/members/audit?actor=nosuchperson', admin);
	assert.equal(noSuch.status, 200);
	assert.equal(rows(noSuch.body).length, 0, 'an unknown actor matches nothing');
	assert.match(noSuch.body, /value="nosuchperson"/, 'the filter keeps its input');

	const today = new Date().toISOString().slice(0, 10);
	const tomorrow = new Date(Date.now() + 86400e3).toISOString().slice(0, 10);
	const todays = rows((await get(`/members/audit?target_member=${a.username}&from=${today}&to=${today}`, admin)).body);
	assert.equal(todays.length, 1);
	const future = rows((await get(`/members/audit?target_member=${a.username}&from=${tomorrow}`, admin)).body);
	assert.equal(future.length, 0);
	const past = rows((await get(`/members/audit?target_member=${a.username}&to=2000-01-01`, admin)).body);
	assert.equal(past.length, 0);

	const bad = await get('/members/audit?from=2024-02-30', admin);
	assert.equal(bad.status, 422);
	assert.match(bad.body, /id="from"[^>]*aria-invalid="true"/);
	assert.match(bad.body, /value="2024-02-30"/);
	const badId = await get('/members/audit?target_id=x1', admin);
	assert.equal(badId.status, 422);
});

test('the acting member is shown beside the real one', async () => {
	const admin = memberId('admin');
	const alice = memberId('alice');
	const action = `test.acting.${SUFFIX}`;
	sql(`INSERT INTO audit_log (actor_id, acting_id, action, object_type, object_id, community_id, addr)
	    VALUES (${admin}, ${alice}, '${action}', 'member', ${alice}, 1, '127.0.0.9')`);
	const jar = await login('admin');
	const rs = rows((await get(`/members/audit?action=${action}`, jar)).body);
	assert.equal(rs.length, 1);
	assert.match(rs[0].who, /Ada Admin \(admin\) acting as .* \(alice\)/);
	assert.equal(rs[0].object, `member #${alice}`);
});

test('keyset paging: 50 rows a page, newest first, the next page continues without overlap', async () => {
	const action = `test.paging.${SUFFIX}`;
	const values = Array.from({ length: 57 }, (_, i) => `(NULL, '${action}', 'test', ${i + 1})`).join(',');
	sql(`INSERT INTO audit_log (actor_id, action, object_type, object_id) VALUES ${values}`);
	const jar = await login('admin');
	const p1 = await get(`/members/audit?action=${action}`, jar);
	const r1 = rows(p1.body);
	assert.equal(r1.length, 50);
	assert.match(r1[0].who, /The system/);
	const next = olderHref(p1.body);
	assert.ok(next, 'a link to older records');
	assert.match(next, new RegExp(`action=${action.replace(/\./g, '\\.')}`), 'the link keeps the filter');
	const p2 = await get(next, jar);
	assert.equal(p2.status, 200);
	const r2 = rows(p2.body);
	assert.equal(r2.length, 7);
	assert.equal(olderHref(p2.body), null, 'no older page after the last');
	const ids = [...r1, ...r2].map((x) => x.id);
	assert.deepEqual(ids, [...ids].sort((x, y) => y - x), 'descending');
	assert.equal(new Set(ids).size, 57, 'no row twice');
	assert.deepEqual([...r1, ...r2].map((x) => Number(x.object.split('#')[1])),
	    Array.from({ length: 57 }, (_, i) => 57 - i));
});

test('only admins read the log: outreach, mcoord, support, a member get 403; a visitor logs in', async () => {
	for (const who of ['outreach', 'mcoord', 'support', 'payment', 'northcoord', 'alice']) {
		const jar = await login(who);
		assert.equal((await get('/members/audit', jar)).status, 403, who);
	}
	const v = await get('/members/audit');
	assert.equal(v.status, 303);
	assert.match(v.location, /^\/login/);
});

test('a community-scoped admin sees only the rows of their community', async () => {
	const na = createMember('northadmin', { community: 1 });
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id) VALUES (${na.id}, 'admin', 'community', 1)`);
	const m1 = createMember('c1', { community: 1 });
	const m2 = createMember('c2', { community: 2 });
	const admin = await login('admin');
	const g1 = await giveRole(admin, m1.id, 'support', 'community:1');
	const g2 = await giveRole(admin, m2.id, 'support', 'community:2');
	const gs = await giveRole(admin, m2.id, 'outreach', 'site');

	const jar = await login(na.username);
	const page = await get('/members/audit', jar);
	assert.equal(page.status, 200);
	assert.match(text(page.body), /You see the records of your Community Timebanks/);
	const seen = rows(page.body);
	const objects = new Set(seen.map((x) => x.object));
	assert.ok(objects.has(`grant #${g1}`), 'a row of community 1');
	assert.ok(!objects.has(`grant #${g2}`), 'not a row of community 2');
	assert.ok(!objects.has(`grant #${gs}`), 'not a site-level row');
	const ids = seen.map((x) => x.id).join(',') || '0';
	const communities = sql(`SELECT DISTINCT community_id FROM audit_log WHERE id IN (${ids})`).map((r) => r[0]);
	assert.deepEqual(communities, ['1'], 'every row shown is of community 1');
	// Asking for a row of another community by its object finds nothing.
	const probe = rows((await get(`/members/audit?target_type=grant&target_id=${g2}`, jar)).body);
	assert.equal(probe.length, 0);
	// The site admin sees all three.
	const all = rows((await get(`/members/audit?actor=admin&target_type=grant`, admin)).body).map((x) => x.object);
	for (const g of [g1, g2, gs])
		assert.ok(all.includes(`grant #${g}`), `site admin sees grant #${g}`);
});

test('read-only: no route edits or deletes audit rows', async () => {
	const jar = await login('admin');
	const before = sql('SELECT COUNT(*), MAX(id) FROM audit_log')[0].join(':');
	const csrf = getCsrf((await get('/members/audit', jar)).body);
	const last = sql('SELECT MAX(id) FROM audit_log')[0][0];
	for (const path of ['/members/audit', `/members/audit/${last}`, `/members/audit/${last}/delete`, `/members/audit/${last}/edit`]) {
		const r = await request(path, { jar, form: { csrf, action: 'x' } });
		assert.ok([404, 405].includes(r.status), `POST ${path}: ${r.status}`);
	}
	assert.equal(sql('SELECT COUNT(*), MAX(id) FROM audit_log')[0].join(':'), before);
	// The page offers no form that posts.
	const page = await get('/members/audit', jar);
	assert.doesNotMatch(page.body.replace(/<form method="post" action="\/logout"[\s\S]*?<\/form>/, ''),
	    /<form[^>]*method="post"/i);
});
