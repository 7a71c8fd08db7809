// Own profile, own password and the signup application, through the forms
// as a browser would submit them.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	BareKeys, Jar, PASSWORD, audits, forms, formValues, get, getCsrf, login,
	loginAttempt, post, request, sql, text,
} from './lib.mjs';

const keys = new BareKeys();

// Demo members no other test file logs in as, so that changing their
// password or profile here disturbs nobody.
const spare = sql(`SELECT m.username FROM members m
    WHERE m.status = 'approved' AND m.is_organisation = 0
      AND m.username NOT IN ('alice','bob','carol','dave','erin','frank')
      AND NOT EXISTS (SELECT 1 FROM grants g WHERE g.member_id = m.id)
    ORDER BY m.id`).map((r) => r[0]);

// The form on page whose password inputs make it the password change.
function passwordForm(html) {
	return forms(html).find((f) => f.method === 'post' &&
	    f.fields.filter((x) => x.type === 'password').length >= 2) || null;
}

async function findPasswordForm(jar) {
	for (const path of ['/me', '/me/password']) {
		const r = await get(path, jar);
		if (r.status === 200 && passwordForm(r.body))
			return passwordForm(r.body);
	}
	return null;
}

// Fills a password-change form: the first password input is the current
// password, the others the new one (new and confirmation).
function fillPassword(form, current, next) {
	const v = formValues(form);
	let first = true;
	for (const f of form.fields) {
		if (f.type !== 'password')
			continue;
		v[f.name] = first ? current : next;
		first = false;
	}
	return v;
}

test('there are spare demo members for these tests', () => {
	assert.ok(spare.length >= 3, `spare approved members: ${spare.join(', ')}`);
});

test('changing the password ends the member\'s other sessions, and needs the current password', async () => {
	const user = spare[0];
	const a = await login(user);
	const b = await login(user);
	const form = await findPasswordForm(a);
	assert.ok(form, 'a password change form on /me');
	const next = 'Another-long-password-' + process.pid;

	// Wrong current password: refused, nothing changes.
	const bad = await post(form.action, a, fillPassword(form, 'not-the-password', next));
	assert.equal(bad.status, 422, 'wrong current password is 422');
	assert.match(bad.body, /id="current-error"|class="field-error"/, 'a message for the current password');
	keys.check(bad.body, 'wrong current password');
	assert.equal((await get('/me', b)).status, 200, 'other session still alive after a refused change');

	// Mismatched confirmation, if the form has one: refused.
	if (form.fields.filter((x) => x.type === 'password').length >= 3) {
		const v = fillPassword(form, PASSWORD, next);
		const names = form.fields.filter((x) => x.type === 'password').map((x) => x.name);
		v[names[2]] = next + 'x';
		const mis = await post(form.action, a, v);
		assert.equal(mis.status, 422, 'mismatched confirmation is 422');
		keys.check(mis.body, 'mismatched confirmation');
	}

	const ok = await post(form.action, a, fillPassword(form, PASSWORD, next));
	assert.equal(ok.status, 303, `password change: ${ok.status} ${text(ok.body).slice(0, 200)}`);

	// The other session is gone ...
	const other = await get('/me', b);
	assert.equal(other.status, 303, 'other session ended');
	assert.match(other.location, /^\/login/);
	// ... the old password no longer works, the new one does.
	const old = await loginAttempt(user, PASSWORD);
	assert.notEqual(old.res.status, 303, 'old password refused');
	const fresh = await login(user, next);
	assert.equal((await get('/me', fresh)).status, 200);
	// The session that made the change either lives on or was renewed;
	// it must not be left half-valid.
	const self = await get('/me', a);
	assert.ok([200, 303].includes(self.status));
});

test('/me with bad input re-renders with a message per field and saves nothing', async () => {
	const user = spare[1];
	const jar = await login(user);
	const page = await get('/me', jar);
	assert.equal(page.status, 200);
	const form = forms(page.body).find((f) => f.action === '/me' && f.method === 'post');
	assert.ok(form, 'profile form posting to /me');
	const before = formValues(form);
	const v = { ...before };
	const bad = {};
	for (const f of form.fields) {
		if (/mail/.test(f.name)) {
			v[f.name] = 'not-an-email';
			bad[f.name] = true;
		} else if (f.name === 'name' || /^(full_?)?name$/.test(f.name)) {
			v[f.name] = '';
			bad[f.name] = true;
		}
	}
	assert.ok(Object.keys(bad).length >= 2, `profile form has name and email fields: ${form.fields.map((f) => f.name)}`);
	const r = await post('/me', jar, v);
	assert.equal(r.status, 422);
	keys.check(r.body, 'POST /me with bad input');
	// The user's input is kept ...
	assert.match(r.body, /value="not-an-email"/);
	// ... and each bad field has its own message, tied to the field.
	for (const name of Object.keys(bad)) {
		const re = new RegExp(`(id="${name}-error"|aria-describedby="[^"]*${name}[^"]*"|class="[^"]*error[^"]*"[^>]*>[^<]*)`, 'i');
		assert.match(r.body, re, `a message for ${name}`);
	}
	const errors = (r.body.match(/class="[^"]*\b(field-error|error)\b[^"]*"/g) || []).length;
	assert.ok(errors >= Object.keys(bad).length, `one message per bad field (${errors})`);
	// Nothing saved.
	const after = formValues(forms((await get('/me', jar)).body).find((f) => f.action === '/me'));
	for (const k of Object.keys(bad))
		assert.equal(after[k], before[k], `${k} unchanged`);
});

test('/me with good input saves and redirects', async () => {
	const user = spare[2];
	const jar = await login(user);
	const page = await get('/me', jar);
	const form = forms(page.body).find((f) => f.action === '/me' && f.method === 'post');
	assert.ok(form);
	const v = formValues(form);
	const nameField = form.fields.find((f) => f.name === 'name');
	assert.ok(nameField, 'a name field');
	v.name = `Renamed Ülrike ${process.pid}`;
	const r = await post('/me', jar, v);
	assert.equal(r.status, 303, text(r.body).slice(0, 300));
	const after = await get('/me', jar);
	assert.ok(after.body.includes(`Renamed Ülrike ${process.pid}`), 'the new name shows');
});

test('/me escapes what members type (no HTML injection)', async () => {
	const user = spare[2];
	const jar = await login(user);
	const form = forms((await get('/me', jar)).body).find((f) => f.action === '/me' && f.method === 'post');
	const v = formValues(form);
	v.name = `<script>alert(1)</script> O'Brien "x" ${process.pid}`;
	const r = await post('/me', jar, v);
	assert.ok([303, 422].includes(r.status), `status ${r.status}`);
	for (const path of ['/me', '/']) {
		const p = await get(path, jar);
		assert.doesNotMatch(p.body, /<script>alert\(1\)<\/script>/, `${path} escapes`);
	}
});

test('signup creates an applying member who sees "awaiting approval"', async () => {
	const jar = new Jar();
	const page = await get('/signup', jar);
	assert.equal(page.status, 200);
	const form = forms(page.body).find((f) => f.action === '/signup' && f.method === 'post');
	assert.ok(form, 'signup form');
	const username = `newbie${process.pid % 100000}`;
	const password = 'A-long-enough-password-' + process.pid;
	const v = formValues(form);
	for (const f of form.fields) {
		if (f.name === 'csrf' || f.type === 'hidden')
			continue;
		if (f.type === 'password')
			v[f.name] = password;
		else if (f.name === 'username')
			v[f.name] = username;
		else if (/mail/.test(f.name))
			v[f.name] = `${username}@example.org`;
		else if (/name/.test(f.name))
			v[f.name] = 'New Bie';
		else if (f.type === 'checkbox' && f.required)
			v[f.name] = 'on';
		else if (f.required && !v[f.name])
			v[f.name] = 'x';
	}
	const r = await post('/signup', jar, v);
	assert.ok([200, 303].includes(r.status), `signup: ${r.status} ${text(r.body).slice(0, 300)}`);
	const rows = sql(`SELECT status FROM members WHERE username = '${username}'`);
	assert.deepEqual(rows, [['applying']], 'one applying member');
	// Audited in the same transaction, by no member (a visitor).
	const id = Number(sql(`SELECT id FROM members WHERE username = '${username}'`)[0][0]);
	const applied = audits('member', id, 'member.apply', 'actor_id, after_json');
	assert.equal(applied.length, 1, 'one member.apply row');
	assert.equal(applied[0][0], 'NULL', 'by no member');
	assert.equal(JSON.parse(applied[0][1]).username, username);
	assert.equal(JSON.parse(applied[0][1]).status, 'applying');

	const s = await login(username, password);
	const home = await get('/', s);
	assert.equal(home.status, 200);
	assert.match(text(home.body), /awaiting approval/i);
	// Applying members reach no member or coordinator page.
	assert.equal((await get('/members/roles', s)).status, 403);

	// The same username again is refused with a message, not a 500.
	const jar2 = new Jar();
	const page2 = await get('/signup', jar2);
	const v2 = { ...v, csrf: getCsrf(page2.body) };
	const again = await post('/signup', jar2, v2);
	assert.equal(again.status, 422, `duplicate username: ${again.status}`);
	keys.check(again.body, 'duplicate username');
	assert.equal(sql(`SELECT COUNT(*) FROM members WHERE username = '${username}'`)[0][0], '1');
});

test('signup with bad input is 422 and creates nobody', async () => {
	const jar = new Jar();
	const page = await get('/signup', jar);
	const form = forms(page.body).find((f) => f.action === '/signup' && f.method === 'post');
	const v = formValues(form);
	const username = `bad${process.pid % 100000}`;
	for (const f of form.fields) {
		if (f.type === 'password')
			v[f.name] = 'short';
		else if (f.name === 'username')
			v[f.name] = username;
		else if (/mail/.test(f.name))
			v[f.name] = 'nope';
	}
	const r = await request('/signup', { jar, form: v });
	assert.equal(r.status, 422);
	keys.check(r.body, 'POST /signup with bad input');
	assert.deepEqual(sql(`SELECT id FROM members WHERE username = '${username}'`), []);
});

test('every account page above shows text, not phrase keys', () => {
	keys.assertNone();
});
