// Rule 5 (docs/authorization.md): while someone acts as a member (a
// coordinator who "became" them, a guardian angel, an organisation's
// manager), every action is recorded with the real and the acting
// member.  The member's own changes to their profile, password, ads and
// exchanges made by themself are self-service and write no audit row;
// the same changes made while acting do, with both ids.

import test from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, csrfOf, formFor, formValues, get, login, memberId, post, sql, text } from './lib.mjs';
import { makeMember, record } from './exchanges-lib.mjs';
import { adFields, postAd, postAs } from './ads-lib.mjs';

const m = {};

test.before(() => {
	m.self = makeMember({ prefix: 'aasel', community: 1 });
	m.other = makeMember({ prefix: 'aaoth', community: 1 });
	m.angel = makeMember({ prefix: 'aaang', community: 1 });
	m.ward = makeMember({ prefix: 'aawrd', community: 1, angelMode: true });
	sql(`INSERT INTO guardian_angels (member_id, angel_id) VALUES (${m.ward.id}, ${m.angel.id})`);
});

test.after(() => {
	const list = Object.values(m).map((x) => x.id).join(',');
	sql(`DELETE FROM guardian_angels WHERE member_id IN (${list}) OR angel_id IN (${list})`);
	sql(`DELETE FROM sessions WHERE member_id IN (${list}) OR acting_member_id IN (${list})`);
});

const audits = (action, type, id) => sql(`SELECT COALESCE(actor_id, 0), COALESCE(acting_id, 0)
    FROM audit_log WHERE action = '${action}' AND object_type = '${type}' AND object_id = ${id}
    ORDER BY id`).map((r) => r.map(Number));

async function become(jar, id) {
	const r = await post(`/members/${id}/become`, jar, { csrf: await csrfOf('/', jar) });
	assert.equal(r.status, 303, text(r.body).slice(0, 200));
}

async function comeBack(jar) {
	const r = await post('/members/become/return', jar, { csrf: await csrfOf('/', jar) });
	assert.equal(r.status, 303);
}

async function saveMe(jar, change) {
	const page = await get('/me', jar);
	const f = formFor(page.body, '/me');
	assert.ok(f, 'the /me form');
	return post('/me', jar, { ...formValues(f), ...change });
}

test('the member\'s own changes are self-service: no audit row', async () => {
	const jar = await login(m.self.username);
	assert.equal((await saveMe(jar, { phone: '+1 555 0101' })).status, 303);
	assert.deepEqual(audits('member.edit', 'member', m.self.id), []);
	const x = await record(jar, { provider: m.other.username, recipient: m.self.username, hours: '0.25' });
	assert.equal(x.res.status, 303);
	assert.deepEqual(audits('exchange.record_for', 'exchange', x.id), []);
});

test('while "become" is active: /me, /me/password, ads and exchanges are audited with both ids', async () => {
	const admin = memberId('admin');
	const jar = await login('admin');
	await become(jar, m.self.id);
	try {
		const both = [[admin, m.self.id]];
		assert.equal((await saveMe(jar, { phone: '+1 555 0102', about: 'Changed while acting.' })).status, 303);
		assert.deepEqual(audits('member.edit', 'member', m.self.id), both, '/me');
		const next = `Acting-pw-${process.pid}`;
		const pw = await post('/me/password', jar, { csrf: await csrfOf('/me/password', jar),
		    current: PASSWORD, password: next, password2: next });
		assert.equal(pw.status, 303, text(pw.body).slice(0, 200));
		assert.deepEqual(audits('member.password', 'member', m.self.id), both, '/me/password');
		const { res, id } = await postAd(jar);
		assert.equal(res.status, 303);
		assert.deepEqual(audits('ad.create', 'ad', id), both, 'a new ad');
		assert.equal((await postAs(jar, `/ads/${id}/edit`, adFields({ title: `Acting edit ${process.pid}` }))).status, 303);
		assert.deepEqual(audits('ad.edit', 'ad', id), both, 'an edited ad');
		assert.equal((await postAs(jar, `/ads/${id}/delete`)).status, 303);
		assert.deepEqual(audits('ad.delete', 'ad', id), both, 'a deleted ad');
		const x = await record(jar, { provider: m.other.username, recipient: m.self.username, hours: '0.5' });
		assert.equal(x.res.status, 303, text(x.res.body).slice(0, 200));
		assert.deepEqual(audits('exchange.record_for', 'exchange', x.id), both, 'an exchange');
	} finally {
		await comeBack(jar);
	}
});

test('an angel recording an exchange for the member they look after is audited', async () => {
	const jar = await login(m.angel.username);
	const x = await record(jar, { provider: m.other.username, recipient: m.ward.username, hours: '0.25' });
	assert.equal(x.res.status, 303, text(x.res.body).slice(0, 200));
	assert.deepEqual(audits('exchange.record_for', 'exchange', x.id), [[m.angel.id, m.angel.id]]);
});
