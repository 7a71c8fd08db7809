// docs/authorization.md rule 4 in bulk, without changing who is admin: a
// bulk preview runs the whole batch and rolls it back, so it can show what
// would happen to every site admin at once.  The demo admin stays an admin
// throughout (other files rely on it); the tests that really demote the
// last admins, with truly parallel requests, are in
// tests/e2e/zz-lastadmin.serial.test.mjs, which runs alone.

import test from 'node:test';
import assert from 'node:assert/strict';
import { formFor, get, getCsrf, login, memberId, post, sql, text } from './lib.mjs';

const SUFFIX = Math.random().toString(36).slice(2, 8);
const LAST_ADMIN = /This is the last enabled Admin Coordinator of the whole timebank/;

function createSiteAdmin(name) {
	const username = `la_${name}_${SUFFIX}`;
	sql(`INSERT INTO members (username, email, name, password_hash, status, about, approved_at)
	    SELECT '${username}', '${username}@example.org', 'Last-admin ${name}', password_hash,
	    'approved', '', UTC_TIMESTAMP() FROM members WHERE username = 'admin'`);
	const id = memberId(username);
	sql(`INSERT INTO grants (member_id, role, scope_kind) VALUES (${id}, 'admin', 'site')`);
	return { username, id };
}

const siteAdmins = () => sql(`SELECT m.id FROM grants g JOIN members m ON m.id = g.member_id
    WHERE g.role = 'admin' AND g.scope_kind = 'site' AND m.status = 'approved' ORDER BY m.id`)
    .map((r) => Number(r[0]));

function verdicts(html) {
	const out = new Map();
	for (const m of html.matchAll(/<tr data-id="(\d+)" data-verdict="(\w+)">([\s\S]*?)<\/tr>/g))
		out.set(Number(m[1]), { verdict: m[2], text: text(m[3]) });
	return out;
}

test('bulk revoke of every site admin\'s admin role: all but the last would change, the last is refused (preview only)', async () => {
	const x = createSiteAdmin('x');
	try {
		const admins = siteAdmins();
		assert.ok(admins.includes(x.id) && admins.includes(memberId('admin')));
		const jar = await login(x.username);
		const csrf = getCsrf((await get('/me', jar)).body);
		const p = await post('/members/bulk', jar, { csrf, action: 'revoke', role: 'admin', scope: 'site', ids: admins.join(',') });
		assert.equal(p.status, 200);
		const v = verdicts(p.body);
		assert.equal(v.size, admins.length);
		const refused = [...v].filter(([, x]) => x.verdict === 'refused');
		assert.equal(refused.length, 1, 'exactly one refused');
		assert.match(refused[0][1].text, LAST_ADMIN);
		assert.equal(refused[0][0], admins[admins.length - 1], 'the last one in the batch');
		assert.ok([...v].filter(([, x]) => x.verdict === 'change').length === admins.length - 1);
		assert.deepEqual(siteAdmins(), admins, 'the preview changed nothing');
		assert.ok(formFor(p.body, '/members/bulk/apply'), 'the rest could be applied');
	} finally {
		sql(`DELETE FROM grants WHERE member_id = ${x.id}`);
		sql(`UPDATE members SET status = 'disabled' WHERE id = ${x.id}`);
	}
});

test('bulk disable and unapprove of the other site admins would leave the actor: no refusal, and the actor cannot include themselves', async () => {
	const x = createSiteAdmin('y');
	try {
		const admins = siteAdmins();
		const jar = await login(x.username);
		const csrf = getCsrf((await get('/me', jar)).body);
		for (const action of ['disable', 'unapprove']) {
			const p = await post('/members/bulk', jar, { csrf, action, ids: admins.join(',') });
			const v = verdicts(p.body);
			assert.equal(v.get(x.id).verdict, 'refused', `${action}: self`);
			assert.match(v.get(x.id).text, /your own account/);
			for (const id of admins.filter((i) => i !== x.id))
				assert.equal(v.get(id).verdict, 'change', `${action} ${id}`);
		}
		assert.deepEqual(siteAdmins(), admins);
	} finally {
		sql(`DELETE FROM grants WHERE member_id = ${x.id}`);
		sql(`UPDATE members SET status = 'disabled' WHERE id = ${x.id}`);
	}
});
