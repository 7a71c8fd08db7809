// The members area, profile family: the profile page (GET /members/:id)
// with its views per role, editing a profile, setting a member's password
// and adding a member, each allowed case with its refused twin
// (docs/authorization.md rules 1, 2, 6 and 8).  Members changed here are
// created by this file (named after it), so the demo rows stay usable for
// the other files.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	BareKeys, Jar, PASSWORD, as, assertNoBareKeys, audits, formFor,
	formValues, get, getCsrf, login, loginAttempt, mainText, memberId,
	post, request, sessionCookieName, sql, text, unbatch,
} from './lib.mjs';

const keys = new BareKeys();
const TAG = `pf${process.pid % 100000}`;
// A member of our own, with the demo password (alice's hash), in
// community (null: none), of status.
function mkMember(suffix, { community = null, status = 'approved', name } = {}) {
	const u = `${TAG}_${suffix}`;
	sql(`INSERT INTO members (username, email, name, password_hash, status,
	    lang, community_id, phone, address, about, approved_at)
	    SELECT '${u}', '${u}@example.org', '${name || `Profile ${suffix}`}',
	    password_hash, '${status}', 'en', ${community === null ? 'NULL' : community},
	    '+1 555 0199', '1 Test Street', 'About ${suffix}.',
	    IF('${status}' = 'approved', UTC_TIMESTAMP(), NULL)
	    FROM members WHERE username = 'alice'`);
	return memberId(u);
}

// mariadb --batch writes \n, \t and \\ for newline, tab and backslash.
function row(id, cols) {
	return sql(`SELECT ${cols} FROM members WHERE id = ${id}`)[0].map(unbatch);
}

async function csrf(user) {
	const r = await get('/members/roles', await as(user));
	return getCsrf(r.body);
}

test('the profile page shows the member with contact details, the panels and the edit link', async () => {
	const jar = await as('mcoord');
	const id = memberId('alice');
	const r = await get(`/members/${id}`, jar);
	assert.equal(r.status, 200);
	keys.check(r.body, 'profile as mcoord');
	const t = mainText(r.body);
	assert.match(t, /Alice Adams/);
	assert.match(t, /alice@example\.org/, 'contact: email');
	assert.match(t, /\+1 555 0110/, 'contact: phone');
	assert.match(t, /North Side Timebank/);
	assert.match(r.body, new RegExp(`href="/members/${id}/edit"`), 'edit link');
	assert.ok(formFor(r.body, `/members/${id}/disable`), 'status panel: disable');
	assert.ok(formFor(r.body, `/members/${id}/notes`), 'notes panel: add a note');
	assert.match(t, /Profile status/, 'member.edit sees the profile status');
});

test('support sees contact details and notes but no edit link; outreach sees neither contact nor notes', async () => {
	const id = memberId('alice');
	const s = await get(`/members/${id}`, await as('support'));
	assert.equal(s.status, 200);
	assert.match(mainText(s.body), /alice@example\.org/);
	assert.doesNotMatch(s.body, new RegExp(`href="/members/${id}/edit"`));
	assert.doesNotMatch(mainText(s.body), /Profile status/, 'rule 8: profile status needs member.edit');
	assert.ok(formFor(s.body, `/members/${id}/notes`), 'support has member.notes');

	const o = await get(`/members/${id}`, await as('outreach'));
	assert.equal(o.status, 200);
	const t = mainText(o.body);
	assert.match(t, /Alice Adams/);
	assert.doesNotMatch(t, /alice@example\.org|555 0110|Birch Avenue/, 'rule 8: no contact details');
	assert.doesNotMatch(t, /Coordinator notes|mentor new gardeners/, 'no notes without member.notes');
	assert.doesNotMatch(o.body, /action="\/members\/\d+\/(disable|approve|edit|notes)"/);
	keys.check(o.body, 'profile as outreach');
});

test('the payment coordinator\'s view is narrow: name and membership status only', async () => {
	const id = memberId('alice');
	const r = await get(`/members/${id}`, await as('payment'));
	assert.equal(r.status, 200);
	const t = mainText(r.body);
	assert.match(t, /Alice Adams/);
	assert.match(t, /Approved/);
	assert.doesNotMatch(t, /alice@example\.org|555 0110|Birch Avenue|North Side Timebank|gardening|Username/i);
	assert.doesNotMatch(r.body, /<form[^>]*action="\/members\//, 'no actions');
	keys.check(r.body, 'profile as payment');
});

test('a coordinator out of scope gets the same 403 for a member of another community and for no member', async () => {
	const jar = await as('northcoord');
	const dave = memberId('dave');
	const missing = 987654321;
	assert.equal((await get(`/members/${memberId('alice')}`, jar)).status, 200, 'in scope: allowed');
	const pairs = [
		[`/members/${dave}`, `/members/${missing}`],
		[`/members/${dave}/edit`, `/members/${missing}/edit`],
	];
	for (const [a, b] of pairs) {
		const ra = await get(a, jar);
		const rb = await get(b, jar);
		assert.equal(ra.status, 403, a);
		assert.equal(rb.status, 403, b);
		assert.equal(mainText(ra.body), mainText(rb.body), `${a} and ${b} look the same`);
	}
	const token = await csrf('northcoord');
	for (const path of [`/members/${dave}/edit`, `/members/${missing}/edit`,
	    `/members/${dave}/password`, `/members/${missing}/password`]) {
		const r = await post(path, jar, { csrf: token, name: 'X', email: 'x@example.org',
		    password: 'long-enough-pw-1', password2: 'long-enough-pw-1' });
		assert.equal(r.status, 403, `POST ${path}`);
	}
	assert.equal(row(dave, 'name')[0], 'Dave Davies', 'nothing changed');
	// A site-wide holder may learn that there is no such member.
	assert.equal((await get(`/members/${missing}`, await as('mcoord'))).status, 404);
});

test('support cannot edit a profile or set a password (403)', async () => {
	const id = mkMember('support_target');
	const jar = await as('support');
	assert.equal((await get(`/members/${id}/edit`, jar)).status, 403);
	const token = await csrf('support');
	const r = await post(`/members/${id}/edit`, jar, { csrf: token, name: 'Changed', email: 'c@example.org', lang: 'en', profile_status: 'new' });
	assert.equal(r.status, 403);
	const p = await post(`/members/${id}/password`, jar, { csrf: token, password: 'long-enough-pw-1', password2: 'long-enough-pw-1' });
	assert.equal(p.status, 403);
	assert.equal(row(id, 'name')[0], 'Profile support_target');
	assert.equal(audits('member', id, 'member.edit').length, 0);
});

test('editing a profile saves the fields, writes an audit row of the changed fields, and shows them', async () => {
	const id = mkMember('edit', { community: 1 });
	const jar = await as('mcoord');
	const page = await get(`/members/${id}/edit`, jar);
	assert.equal(page.status, 200);
	keys.check(page.body, 'edit form');
	const form = formFor(page.body, `/members/${id}/edit`);
	assert.ok(form, 'the edit form');
	const v = formValues(form);
	assert.equal(v.email, `${TAG}_edit@example.org`, 'the form holds the stored email');
	v.name = `Édith "Edit" <b>${TAG}</b>`;
	v.phone = '+1 555 0177';
	v.profile_status = 'complete';
	v.is_organisation = '1';
	const r = await post(`/members/${id}/edit`, jar, v);
	assert.equal(r.status, 303, mainText(r.body).slice(0, 300));
	assert.equal(r.location, `/members/${id}`);
	assert.deepEqual(row(id, 'name, phone, profile_status, is_organisation, email'),
	    [v.name, '+1 555 0177', 'complete', '1', `${TAG}_edit@example.org`]);
	const a = audits('member', id, 'member.edit');
	assert.equal(a.length, 1, 'one audit row');
	const before = JSON.parse(a[0][0]);
	const after = JSON.parse(a[0][1]);
	assert.deepEqual(Object.keys(after).sort(), ['is_organisation', 'name', 'phone', 'profile_status']);
	assert.equal(before.name, 'Profile edit');
	assert.equal(after.name, v.name);
	assert.equal(a[0][2], String(memberId('mcoord')));
	const show = await get(`/members/${id}`, jar);
	assert.ok(show.body.includes('Édith &quot;Edit&quot; &lt;b&gt;') || show.body.includes('Édith &#34;Edit&#34; &lt;b&gt;'), 'the new name, escaped');
	assert.match(mainText(show.body), /Organisation/);
	// The same form again changes nothing and writes no audit row.
	const again = await post(`/members/${id}/edit`, jar, v);
	assert.equal(again.status, 303);
	assert.equal(audits('member', id, 'member.edit').length, 1);
});

test('a community coordinator edits a member of their community; bad input keeps the input and saves nothing', async () => {
	const id = mkMember('bad', { community: 1 });
	const jar = await as('northcoord');
	const page = await get(`/members/${id}/edit`, jar);
	assert.equal(page.status, 200);
	const v = formValues(formFor(page.body, `/members/${id}/edit`));
	const bad = { ...v, name: '', email: 'not-an-email', phone: 'x'.repeat(60), profile_status: 'bogus', lang: 'xx' };
	const r = await post(`/members/${id}/edit`, jar, bad);
	assert.equal(r.status, 422);
	keys.check(r.body, 'edit with bad input');
	assert.match(r.body, /value="not-an-email"/, 'input kept');
	for (const f of ['name', 'email', 'phone', 'profile_status', 'lang'])
		assert.match(r.body, new RegExp(`id="${f}-error"`), `a message for ${f}`);
	assert.match(r.body, /class="error-summary"/);
	assert.deepEqual(row(id, 'name, email, profile_status'), ['Profile bad', `${TAG}_bad@example.org`, 'new']);
	assert.equal(audits('member', id, 'member.edit').length, 0, 'no audit row');

	const ok = await post(`/members/${id}/edit`, jar, { ...v, about: `Line one\nline two ${TAG}` });
	assert.equal(ok.status, 303);
	assert.equal(row(id, 'about')[0], `Line one\nline two ${TAG}`);
});

test('setting a member\'s password: checked twice, ends their sessions, audited without the hash', async () => {
	const id = mkMember('pw', { community: 1 });
	const user = `${TAG}_pw`;
	const theirs = await login(user);
	assert.equal((await get('/me', theirs)).status, 200);
	const jar = await as('northcoord');
	const token = await csrf('northcoord');
	const short = await post(`/members/${id}/password`, jar, { csrf: token, password: 'short', password2: 'short' });
	assert.equal(short.status, 422);
	assert.match(short.body, /id="password-error"/);
	const mismatch = await post(`/members/${id}/password`, jar, { csrf: token, password: 'a-long-password-1', password2: 'a-long-password-2' });
	assert.equal(mismatch.status, 422);
	assert.match(mismatch.body, /id="password2-error"/);
	keys.check(mismatch.body, 'password mismatch');
	assert.equal((await get('/me', theirs)).status, 200, 'refused changes leave the session');
	assert.equal(audits('member', id, 'member.password').length, 0);

	const next = `New-password-${TAG}`;
	const r = await post(`/members/${id}/password`, jar, { csrf: token, password: next, password2: next });
	assert.equal(r.status, 303, mainText(r.body).slice(0, 200));
	const after = await get('/me', theirs);
	assert.equal(after.status, 303, 'the member\'s session has ended');
	assert.match(after.location, /^\/login/);
	assert.notEqual((await loginAttempt(user, PASSWORD)).res.status, 303, 'old password refused');
	await login(user, next);
	const a = audits('member', id, 'member.password');
	assert.equal(a.length, 1);
	assert.doesNotMatch(`${a[0][0]} ${a[0][1]}`, /argon2|New-password/, 'no hash or password in the audit row');
});

test('a coordinator setting their own password keeps this browser logged in; their other sessions end', async () => {
	const id = mkMember('selfpw', { community: 1 });
	const user = `${TAG}_selfpw`;
	// A coordinator of our own, so that no demo login changes.
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id, lang)
	    VALUES (${id}, 'member', 'community', 1, '')`);
	const mine = await login(user);
	const other = await login(user);
	const token = getCsrf((await get(`/members/${id}/edit`, mine)).body);
	const next = `Self-password-${TAG}`;
	const r = await post(`/members/${id}/password`, mine, { csrf: token, password: next, password2: next });
	assert.equal(r.status, 303, mainText(r.body).slice(0, 200));
	assert.equal((await get(`/members/${id}`, mine)).status, 200, 'this browser got a fresh session');
	assert.equal((await get(`/members/${id}`, other)).status, 303, 'the other session ended');
	await login(user, next);
});

test('adding a member: site holders may choose no community; the account lands on its profile, audited', async () => {
	const jar = await as('mcoord');
	const page = await get('/members/new', jar);
	assert.equal(page.status, 200);
	keys.check(page.body, 'add form');
	assert.match(page.body, /<option value="">No Community Timebank<\/option>/);
	const form = formFor(page.body, '/members/new');
	assert.ok(form);
	const u = `${TAG}_new`;
	const v = { ...formValues(form), username: u, name: 'New Person', email: `${u}@example.org`,
	    password: `Pw-${TAG}-long`, password2: `Pw-${TAG}-long`, community: '2', status: 'approved', lang: 'es' };
	const r = await post('/members/new', jar, v);
	assert.equal(r.status, 303, mainText(r.body).slice(0, 300));
	const id = memberId(u);
	assert.equal(r.location, `/members/${id}`);
	assert.deepEqual(row(id, 'status, community_id, lang, approved_at IS NOT NULL'), ['approved', '2', 'es', '1']);
	const a = audits('member', id, 'member.add');
	assert.equal(a.length, 1);
	assert.equal(JSON.parse(a[0][1]).username, u);
	assert.doesNotMatch(a[0][1], /Pw-|argon2/);
	await login(u, `Pw-${TAG}-long`);

	// The same username again: a field error, the input kept, nobody added.
	const dup = await post('/members/new', jar, { ...v, name: 'Someone Else' });
	assert.equal(dup.status, 422);
	assert.match(dup.body, /id="username-error"/);
	assert.match(dup.body, /value="Someone Else"/);
	assert.equal(sql(`SELECT COUNT(*) FROM members WHERE username = '${u}'`)[0][0], '1');
	keys.check(dup.body, 'duplicate username');
});

test('adding a member without a password: the account exists but nobody can log in to it', async () => {
	const jar = await as('mcoord');
	const token = await csrf('mcoord');
	const u = `${TAG}_nopw`;
	const r = await post('/members/new', jar, { csrf: token, username: u, name: 'No Password',
	    email: `${u}@example.org`, password: '', password2: '', community: '', status: 'applying', lang: 'en' });
	assert.equal(r.status, 303, mainText(r.body).slice(0, 300));
	const id = memberId(u);
	assert.deepEqual(row(id, 'status, community_id IS NULL'), ['applying', '1']);
	for (const pw of [PASSWORD, '', '!', 'x'])
		assert.notEqual((await loginAttempt(u, pw)).res.status, 303, `no log-in with "${pw.slice(0, 3)}"`);
	assert.equal(JSON.parse(audits('member', id, 'member.add')[0][1]).password_set, false);
});

test('adding a member: a community coordinator must pick one of their communities', async () => {
	const jar = await as('northcoord');
	const page = await get('/members/new', jar);
	assert.equal(page.status, 200);
	assert.doesNotMatch(page.body, /Riverside Timebank/, 'only their communities are offered');
	assert.doesNotMatch(page.body, /No Community Timebank/);
	const token = getCsrf(page.body);
	const base = { csrf: token, name: 'North New', password: '', password2: '', status: 'approved', lang: 'en' };
	for (const community of ['', '2', '999999', 'abc']) {
		const u = `${TAG}_nc${community.length}`;
		const r = await post('/members/new', jar, { ...base, username: u, email: `${u}@example.org`, community });
		assert.equal(r.status, 422, `community "${community}"`);
		assert.match(r.body, /id="community-error"/);
		assert.match(r.body, new RegExp(`value="${u}"`), 'input kept');
		assert.deepEqual(sql(`SELECT id FROM members WHERE username = '${u}'`), []);
	}
	const u = `${TAG}_north`;
	const ok = await post('/members/new', jar, { ...base, username: u, email: `${u}@example.org`, community: '1' });
	assert.equal(ok.status, 303, mainText(ok.body).slice(0, 300));
	assert.deepEqual(row(memberId(u), 'status, community_id'), ['approved', '1']);
});

test('adding a member: bad input is a message per field and adds nobody; support may not add (403)', async () => {
	const jar = await as('mcoord');
	const token = await csrf('mcoord');
	const r = await post('/members/new', jar, { csrf: token, username: 'Bad Name!', name: '', email: 'nope',
	    password: 'short', password2: 'short', community: '', status: 'boss', lang: 'en' });
	assert.equal(r.status, 422);
	for (const f of ['username', 'name', 'email', 'password', 'status'])
		assert.match(r.body, new RegExp(`id="${f}-error"`), `a message for ${f}`);
	assert.match(r.body, /value="Bad Name!"/);
	assert.doesNotMatch(r.body, /value="short"/, 'passwords are never echoed');
	assert.deepEqual(sql(`SELECT id FROM members WHERE email = 'nope'`), []);
	const empty = await post('/members/new', jar, { csrf: token });
	assert.equal(empty.status, 422);

	const s = await as('support');
	assert.equal((await get('/members/new', s)).status, 403);
	const st = await csrf('support');
	const u = `${TAG}_bysupport`;
	const refused = await post('/members/new', s, { csrf: st, username: u, name: 'X', email: `${u}@example.org`, status: 'applying', lang: 'en' });
	assert.equal(refused.status, 403);
	assert.deepEqual(sql(`SELECT id FROM members WHERE username = '${u}'`), []);
});

test('no write without the CSRF token', async () => {
	const id = mkMember('csrf', { community: 1 });
	const jar = await as('mcoord');
	const r = await post(`/members/${id}/edit`, jar, { name: 'No Token', email: 'x@example.org', lang: 'en', profile_status: 'new' });
	assert.equal(r.status, 403);
	assert.equal(row(id, 'name')[0], 'Profile csrf');
});

test('visitors are sent to log in; plain members get 403', async () => {
	const id = memberId('alice');
	const v = await request(`/members/${id}`, { jar: new Jar() });
	assert.equal(v.status, 303);
	assert.match(v.location, /^\/login/);
	const m = await get(`/members/${id}`, await as('alice'));
	assert.equal(m.status, 403);
	assert.ok((await as('alice')).get(sessionCookieName()));
});

test('the pages above show text, not phrase keys', () => {
	keys.assertNone();
});

test('setting a password never raises privileges: a member coordinator cannot set a site admin\'s, an admin can', async () => {
	// Our own site admin and our own community coordinator, so that no demo login changes.
	const admin = mkMember('pwadmin', { community: 1 });
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id, lang)
	    VALUES (${admin}, 'admin', 'site', 0, '')`);
	const before = row(admin, 'password_hash')[0];
	const next = `Taken-over-${TAG}`;
	// Refused: mcoord (member coordinator, site) lacks what a site admin holds.
	const r = await post(`/members/${admin}/password`, await as('mcoord'),
	    { csrf: await csrf('mcoord'), password: next, password2: next });
	assert.equal(r.status, 403, 'member coordinator refused');
	assert.match(mainText(r.body), /roles you do not hold/);
	assert.equal(row(admin, 'password_hash')[0], before, 'the password did not change');
	assert.equal(audits('member', admin, 'member.password').length, 0, 'nothing audited');
	// Refused in community scope too: northcoord over a community:1 member coordinator.
	const coord = mkMember('pwcoord', { community: 1 });
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id, lang)
	    VALUES (${coord}, 'member', 'site', 0, '')`);
	const n = await post(`/members/${coord}/password`, await as('northcoord'),
	    { csrf: await csrf('northcoord'), password: next, password2: next });
	assert.equal(n.status, 403, 'a community coordinator cannot take over a site-wide coordinator');
	// Allowed twin: a site admin may set it; a plain member's password anyone with member.edit may.
	const a = await post(`/members/${admin}/password`, await as('admin'),
	    { csrf: await csrf('admin'), password: next, password2: next });
	assert.equal(a.status, 303, 'site admin allowed');
	assert.equal(audits('member', admin, 'member.password').length, 1);
	const plain = mkMember('pwplain', { community: 1 });
	const p = await post(`/members/${plain}/password`, await as('northcoord'),
	    { csrf: await csrf('northcoord'), password: next, password2: next });
	assert.equal(p.status, 303, 'plain member in scope allowed');
	// Other files count the site admins (rule 4): leave none of ours.
	sql(`DELETE FROM grants WHERE member_id IN (${admin}, ${coord})`);
});

test('changing an e-mail address never raises privileges: a member coordinator cannot change a site admin\'s, a plain member\'s yes', async () => {
	const admin = mkMember('emadmin', { community: 1 });
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id, lang)
	    VALUES (${admin}, 'admin', 'site', 0, '')`);
	const jar = await as('mcoord');
	const edit = async (id, change) => {
		const page = await get(`/members/${id}/edit`, jar);
		assert.equal(page.status, 200);
		const v = { ...formValues(formFor(page.body, `/members/${id}/edit`)), ...change };
		return post(`/members/${id}/edit`, jar, v);
	};
	// Refused: the reset mail would go to the coordinator's address; and
	// rule 9: nothing of a site admin's account is mcoord's to change,
	// so the edit page itself says why instead of offering the form.
	const page = await get(`/members/${admin}/edit`, jar);
	assert.equal(page.status, 403);
	assert.match(mainText(page.body), /roles you do not hold/);
	assert.equal(formFor(page.body, `/members/${admin}/edit`), null);
	const r = await post(`/members/${admin}/edit`, jar, { csrf: await csrf('mcoord'),
	    name: 'Renamed too', email: `${TAG}_taken@example.org`, phone: '', address: '',
	    about: '', lang: 'en', profile_status: 'new' });
	assert.equal(r.status, 403, 'member coordinator refused');
	assert.match(mainText(r.body), /roles you do not hold/);
	assertNoBareKeys(r.body, 'e-mail refusal');
	assert.deepEqual(row(admin, 'email, name'), [`${TAG}_emadmin@example.org`, 'Profile emadmin'],
	    'nothing changed');
	assert.equal(audits('member', admin, 'member.edit').length, 0, 'nothing audited');
	// Allowed twin: a plain member's e-mail.
	const plain = mkMember('emplain', { community: 1 });
	const p = await edit(plain, { email: `${TAG}_emnew@example.org` });
	assert.equal(p.status, 303, 'plain member allowed');
	assert.equal(row(plain, 'email')[0], `${TAG}_emnew@example.org`);
	assert.equal(audits('member', plain, 'member.edit').length, 1);
	// Other files count the site admins (rule 4): leave none of ours.
	sql(`DELETE FROM grants WHERE member_id = ${admin}`);
});
