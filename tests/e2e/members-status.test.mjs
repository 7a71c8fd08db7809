// The members area, status family: approve, unapprove, disable, enable,
// the broadcast opt-out and the Community Timebank of a member, and the
// status panel that offers them; each allowed case with its refused twin
// (docs/authorization.md rules 1, 2, 4 and 6).  Every member whose status
// changes is created here; the demo admin is only ever refused (rule 4), never
// changed.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	BareKeys, as, audits, formFor, get, getCsrf, login, mainText, memberId,
	post, sql, text,
} from './lib.mjs';

const keys = new BareKeys();
const TAG = `st${process.pid % 100000}`;
function mkMember(suffix, { community = null, status = 'approved', optout = 0 } = {}) {
	const u = `${TAG}_${suffix}`;
	sql(`INSERT INTO members (username, email, name, password_hash, status,
	    lang, community_id, optout, about, approved_at, joined_at)
	    SELECT '${u}', '${u}@example.org', 'Status ${suffix}', password_hash,
	    '${status}', 'en', ${community === null ? 'NULL' : community}, ${optout}, '',
	    IF('${status}' = 'approved', UTC_TIMESTAMP(), NULL),
	    UTC_TIMESTAMP() - INTERVAL 30 DAY
	    FROM members WHERE username = 'alice'`);
	return memberId(u);
}

function row(id, cols) {
	return sql(`SELECT ${cols} FROM members WHERE id = ${id}`)[0];
}

async function csrf(user) {
	return getCsrf((await get('/members/roles', await as(user))).body);
}

function isoDate(offsetDays = 0) {
	return new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);
}

async function act(user, id, action, form = {}) {
	return post(`/members/${id}/${action}`, await as(user), { csrf: await csrf(user), ...form });
}

test('approving an applying member: date and notify recorded, flash says no mail is sent; approving again is 409', async () => {
	// Created through the product, as a coordinator would.
	const jar = await as('mcoord');
	const u = `${TAG}_applicant`;
	const add = await post('/members/new', jar, { csrf: await csrf('mcoord'), username: u,
	    name: 'Applying Person', email: `${u}@example.org`, community: '2', status: 'applying', lang: 'en' });
	assert.equal(add.status, 303);
	const id = memberId(u);

	const page = await get(`/members/${id}`, jar);
	const form = formFor(page.body, `/members/${id}/approve`);
	assert.ok(form, 'the panel offers approval');
	assert.equal(form.fields.find((f) => f.name === 'approved_on').value, isoDate(), 'today by default');
	keys.check(page.body, 'profile of an applicant');

	const r = await post(`/members/${id}/approve`, jar, { csrf: getCsrf(page.body), approved_on: isoDate(), notify: '1' });
	assert.equal(r.status, 303, mainText(r.body).slice(0, 300));
	assert.equal(r.location, `/members/${id}`);
	const shown = await get(r.location, jar);
	assert.match(mainText(shown.body), /a welcome message is on its way/i, 'the flash says the mail is queued');
	assert.deepEqual(row(id, 'status, DATE(approved_at)'), ['approved', isoDate()]);
	const a = audits('member', id, 'member.approve');
	assert.equal(a.length, 1);
	assert.deepEqual(JSON.parse(a[0][0]), { status: 'applying' });
	const after = JSON.parse(a[0][1]);
	assert.equal(after.status, 'approved');
	assert.equal(after.notify, true);
	assert.equal(after.mail_queued, true);
	const mail = sql(`SELECT kind, to_addr, lang, subject FROM outbox WHERE member_id = ${id}
	    AND kind = 'account.approved'`);
	assert.equal(mail.length, 1, 'the welcome message is queued with the approval');
	assert.match(mail[0][3], /approved/);
	assert.equal(after.approved_on, isoDate());
	assert.equal(a[0][2], String(memberId('mcoord')));
	assert.equal(formFor(shown.body, `/members/${id}/approve`), null, 'no approve form for an approved member');

	const again = await act('mcoord', id, 'approve', { approved_on: isoDate() });
	assert.equal(again.status, 409);
	assert.match(mainText(again.body), /Only an applying member can be approved/);
	assert.match(mainText(again.body), /is approved/);
	assert.equal(audits('member', id, 'member.approve').length, 1);
	keys.check(again.body, 'approve twice');
});

test('approving with a past date, without notify; a future or malformed date is 422 with the input kept', async () => {
	const id = mkMember('dated', { status: 'applying', community: 1 });
	for (const bad of [isoDate(2), '2024-02-30', 'yesterday', isoDate(-400)]) {
		const r = await act('northcoord', id, 'approve', { approved_on: bad, notify: '1' });
		assert.equal(r.status, 422, bad);
		assert.match(r.body, new RegExp(`value="${bad}"`), `input kept: ${bad}`);
		assert.match(r.body, /id="approved_on-error"/);
		assert.match(r.body, /<input type="checkbox" id="notify" name="notify" value="1" checked>/, 'notify kept');
		keys.check(r.body, `approve with ${bad}`);
	}
	assert.deepEqual(row(id, 'status'), ['applying'], 'nothing saved');
	assert.equal(audits('member', id, 'member.approve').length, 0);
	const ok = await act('northcoord', id, 'approve', { approved_on: isoDate(-3) });
	assert.equal(ok.status, 303);
	assert.deepEqual(row(id, 'status, DATE(approved_at)'), ['approved', isoDate(-3)]);
	const after = JSON.parse(audits('member', id, 'member.approve')[0][1]);
	assert.equal(after.notify, false);
	// An empty date means today.
	const other = mkMember('today', { status: 'applying', community: 1 });
	assert.equal((await act('northcoord', other, 'approve')).status, 303);
	assert.deepEqual(row(other, 'DATE(approved_at)'), [isoDate()]);
});

test('a coordinator out of scope: the same 403 for another community\'s member and for no member, for every action', async () => {
	const theirs = mkMember('river', { status: 'applying', community: 2 });
	const missing = 987654322;
	for (const action of ['approve', 'disable', 'enable', 'optout', 'community']) {
		const a = await act('northcoord', theirs, action, { approved_on: isoDate(), optout: '1', community: '1' });
		const b = await act('northcoord', missing, action, { approved_on: isoDate(), optout: '1', community: '1' });
		assert.equal(a.status, 403, `${action} out of scope`);
		assert.equal(b.status, 403, `${action} of no member`);
		assert.equal(mainText(a.body), mainText(b.body), `${action}: the same page`);
	}
	assert.deepEqual(row(theirs, 'status, optout, community_id'), ['applying', '0', '2']);
	assert.equal(sql(`SELECT COUNT(*) FROM audit_log WHERE object_type = 'member' AND object_id = ${theirs}`)[0][0], '0');
	// The profile of a community-2 member shows northcoord nothing.
	assert.equal((await get(`/members/${theirs}`, await as('northcoord'))).status, 403);
});

test('unapprove is for admins only; an admin sets an approved member back to applying', async () => {
	const id = mkMember('unapprove', { community: 1 });
	const page = await get(`/members/${id}`, await as('mcoord'));
	assert.equal(formFor(page.body, `/members/${id}/unapprove`), null, 'mcoord is not offered unapprove');
	const refused = await act('mcoord', id, 'unapprove');
	assert.equal(refused.status, 403);
	assert.deepEqual(row(id, 'status'), ['approved']);

	const adminPage = await get(`/members/${id}`, await as('admin'));
	assert.ok(formFor(adminPage.body, `/members/${id}/unapprove`), 'admin is offered unapprove');
	const ok = await act('admin', id, 'unapprove');
	assert.equal(ok.status, 303);
	assert.deepEqual(row(id, 'status, approved_at IS NULL'), ['applying', '1']);
	const a = audits('member', id, 'member.unapprove');
	assert.equal(a.length, 1);
	assert.deepEqual(JSON.parse(a[0][0]), { status: 'approved' });
	assert.deepEqual(JSON.parse(a[0][1]), { status: 'applying' });
	const again = await act('admin', id, 'unapprove');
	assert.equal(again.status, 409);
	assert.match(mainText(again.body), /Only an approved member/);
});

test('disabling ends the member\'s sessions at once; enabling lets them back in', async () => {
	const id = mkMember('disable', { community: 1 });
	const theirs = await login(`${TAG}_disable`);
	assert.equal((await get('/me', theirs)).status, 200, 'logged in');
	const r = await act('northcoord', id, 'disable');
	assert.equal(r.status, 303, mainText(r.body).slice(0, 300));
	assert.deepEqual(row(id, 'status'), ['disabled']);
	const after = await get('/me', theirs);
	assert.equal(after.status, 303, 'the old cookie is a visitor\'s now');
	assert.match(after.location, /^\/login/);
	const home = await get('/', theirs);
	assert.match(mainText(home.body), /Log in/);
	assert.equal(sql(`SELECT COUNT(*) FROM sessions WHERE member_id = ${id}`)[0][0], '0');
	const a = audits('member', id, 'member.disable');
	assert.equal(a.length, 1);
	assert.equal(JSON.parse(a[0][1]).sessions_ended, true);

	const again = await act('northcoord', id, 'disable');
	assert.equal(again.status, 409);
	assert.match(mainText(again.body), /disabled already/);

	const page = await get(`/members/${id}`, await as('northcoord'));
	assert.ok(formFor(page.body, `/members/${id}/enable`), 'enable is offered');
	assert.equal(formFor(page.body, `/members/${id}/disable`), null);
	const en = await act('northcoord', id, 'enable');
	assert.equal(en.status, 303);
	assert.deepEqual(row(id, 'status'), ['approved']);
	assert.equal(audits('member', id, 'member.enable').length, 1);
	await login(`${TAG}_disable`);
	const en2 = await act('northcoord', id, 'enable');
	assert.equal(en2.status, 409);
});

test('support may not approve, disable or move members (403) but may set the opt-out', async () => {
	const id = mkMember('support', { status: 'applying', community: 1 });
	for (const action of ['approve', 'disable', 'enable', 'unapprove', 'community'])
		assert.equal((await act('support', id, action, { community: '2' })).status, 403, action);
	const page = await get(`/members/${id}`, await as('support'));
	assert.equal(formFor(page.body, `/members/${id}/approve`), null);
	assert.ok(formFor(page.body, `/members/${id}/optout`), 'support is offered the opt-out');
	const r = await act('support', id, 'optout', { optout: '1' });
	assert.equal(r.status, 303);
	assert.deepEqual(row(id, 'status, optout, community_id'), ['applying', '1', '1']);
});

test('the opt-out is set and cleared, each audited; a bad value is 422 and changes nothing', async () => {
	const id = mkMember('optout', { community: 2 });
	const set = await act('mcoord', id, 'optout', { optout: '1' });
	assert.equal(set.status, 303);
	assert.deepEqual(row(id, 'optout'), ['1']);
	const same = await act('mcoord', id, 'optout', { optout: '1' });
	assert.equal(same.status, 303, 'setting it again changes nothing');
	const clear = await act('mcoord', id, 'optout', { optout: '0' });
	assert.equal(clear.status, 303);
	assert.deepEqual(row(id, 'optout'), ['0']);
	const a = audits('member', id, 'member.optout');
	assert.deepEqual(a.map((x) => JSON.parse(x[1]).optout), [true, false], 'two writes, two rows');
	for (const bad of [{}, { optout: '2' }, { optout: 'yes' }]) {
		const r = await act('mcoord', id, 'optout', bad);
		assert.equal(r.status, 422, JSON.stringify(bad));
		keys.check(r.body, 'optout with a bad value');
	}
	assert.deepEqual(row(id, 'optout'), ['0']);
	assert.equal(audits('member', id, 'member.optout').length, 2);
});

test('moving a member between communities needs member.community over both; "none" needs the site', async () => {
	const id = mkMember('move', { community: 1 });
	// northcoord: in scope, but not over community 2 nor over "none".
	assert.equal((await act('northcoord', id, 'community', { community: '2' })).status, 403);
	assert.equal((await act('northcoord', id, 'community', { community: 'none' })).status, 403);
	assert.deepEqual(row(id, 'community_id'), ['1']);
	assert.equal((await act('northcoord', id, 'community', { community: '1' })).status, 303, 'no change');
	assert.equal(audits('member', id, 'member.community').length, 0);
	// Unknown or malformed communities: 422, nothing saved.
	for (const c of ['999999', 'abc', '']) {
		const r = await act('mcoord', id, 'community', { community: c });
		assert.equal(r.status, 422, `community "${c}"`);
		assert.match(r.body, /id="member-community-error"/);
	}
	// mcoord (site): to community 2, then to none.
	assert.equal((await act('mcoord', id, 'community', { community: '2' })).status, 303);
	assert.deepEqual(row(id, 'community_id'), ['2']);
	assert.equal((await get(`/members/${id}`, await as('northcoord'))).status, 403, 'now out of northcoord\'s scope');
	assert.equal((await act('mcoord', id, 'community', { community: 'none' })).status, 303);
	assert.deepEqual(row(id, 'community_id IS NULL'), ['1']);
	const a = audits('member', id, 'member.community');
	assert.deepEqual(a.map((x) => [JSON.parse(x[0]).community, JSON.parse(x[1]).community]), [[1, 2], [2, 0]]);
});

test('rule 4: the last enabled site admin cannot be disabled or unapproved, with a message saying why', async (t) => {
	const admins = sql(`SELECT COUNT(DISTINCT g.member_id) FROM grants g JOIN members m ON m.id = g.member_id
	    WHERE g.role = 'admin' AND g.scope_kind = 'site' AND m.status = 'approved'`)[0][0];
	if (admins !== '1') {
		t.skip(`there are ${admins} enabled site admins now: the refusal cannot be tested safely`);
		return;
	}
	const admin = memberId('admin');
	const page = await get(`/members/${admin}`, await as('admin'));
	assert.equal(page.status, 200);
	for (const action of ['disable', 'unapprove']) {
		const r = await act('admin', admin, action);
		if (r.status === 303) {
			// Never leave the demo without its admin, whatever happened.
			sql(`UPDATE members SET status = 'approved' WHERE id = ${admin}`);
		}
		assert.equal(r.status, 409, `${action} of the last admin`);
		assert.match(mainText(r.body), /last enabled Admin Coordinator/);
		keys.check(r.body, `${action} of the last admin`);
	}
	assert.deepEqual(row(admin, 'status'), ['approved']);
	assert.equal((await get('/members/roles', await as('admin'))).status, 200, 'the admin\'s session lives on');
	// mcoord may not unapprove at all, the last admin or anyone.
	assert.equal((await act('mcoord', admin, 'unapprove')).status, 403);
	assert.equal(sql(`SELECT COUNT(*) FROM audit_log WHERE object_type = 'member' AND object_id = ${admin}
	    AND action IN ('member.disable', 'member.unapprove')`)[0][0], '0');
});

test('the status panel offers only what the actor may do', async () => {
	const id = mkMember('panel', { community: 1 });
	const forms = async (user) => {
		const r = await get(`/members/${id}`, await as(user));
		assert.equal(r.status, 200, user);
		return ['approve', 'unapprove', 'disable', 'enable', 'optout', 'community']
		    .filter((a) => formFor(r.body, `/members/${id}/${a}`));
	};
	assert.deepEqual(await forms('admin'), ['unapprove', 'disable', 'optout', 'community']);
	assert.deepEqual(await forms('mcoord'), ['disable', 'optout', 'community']);
	assert.deepEqual(await forms('northcoord'), ['disable', 'optout', 'community']);
	assert.deepEqual(await forms('support'), ['optout']);
	assert.deepEqual(await forms('outreach'), []);
	assert.deepEqual(await forms('payment'), []);
});

test('the pages above show text, not phrase keys', () => {
	keys.assertNone();
});
