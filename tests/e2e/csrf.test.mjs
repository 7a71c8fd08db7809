// Every POST carries the form's csrf token: none or a wrong one is a 403,
// for members' forms and for the visitors' (login, signup) alike, and the
// refused request changes nothing.

import test from 'node:test';
import assert from 'node:assert/strict';
import { Jar, PASSWORD, forms, get, getCsrf, login, post, request } from './lib.mjs';

test('logged in: POST /logout without csrf is 403 and the session lives on', async () => {
	const jar = await login('bob');
	const r = await post('/logout', jar, {});
	assert.equal(r.status, 403);
	const me = await get('/me', jar);
	assert.equal(me.status, 200, 'still logged in');
});

test('logged in: a wrong csrf is 403', async () => {
	const jar = await login('bob');
	const r = await post('/logout', jar, { csrf: 'f'.repeat(64) });
	assert.equal(r.status, 403);
	const r2 = await post('/logout', jar, { csrf: '' });
	assert.equal(r2.status, 403);
	assert.equal((await get('/me', jar)).status, 200, 'still logged in');
});

test('logged in: the csrf token of another session is 403', async () => {
	const a = await login('bob');
	const b = await login('carol');
	const tokB = getCsrf((await get('/me', b)).body);
	assert.ok(tokB);
	const r = await post('/logout', a, { csrf: tokB });
	assert.equal(r.status, 403);
	assert.equal((await get('/me', a)).status, 200, 'bob still logged in');
});

test('logged in: POST /me without csrf is 403 and saves nothing', async () => {
	const jar = await login('carol');
	const before = await get('/me', jar);
	const r = await post('/me', jar, { name: 'Mallory Was Here' });
	assert.equal(r.status, 403);
	const after = await get('/me', jar);
	assert.doesNotMatch(after.body, /Mallory Was Here/);
	assert.equal(after.status, before.status);
});

test('visitor: the login form without csrf, or with a wrong one, is 403', async () => {
	const jar = new Jar();
	const page = await get('/login', jar);
	assert.ok(getCsrf(page.body));
	const none = await request('/login', { jar, form: { username: 'bob', password: PASSWORD } });
	assert.equal(none.status, 403);
	const wrong = await request('/login', { jar, form: { csrf: 'a'.repeat(64), username: 'bob', password: PASSWORD } });
	assert.equal(wrong.status, 403);
	assert.equal(jar.get('__Host-weft'), undefined, 'no session');
});

test('visitor: a csrf field without the matching cookie is 403', async () => {
	const jar = new Jar();
	const page = await get('/login', jar);
	const csrf = getCsrf(page.body);
	// Forget the cookie: a cross-site form cannot set it.
	const r = await request('/login', { form: { csrf, username: 'bob', password: PASSWORD } });
	assert.equal(r.status, 403);
});

test('visitor: the signup form without csrf is 403 and creates nobody', async () => {
	const jar = new Jar();
	const page = await get('/signup', jar);
	assert.equal(page.status, 200);
	assert.ok(getCsrf(page.body), 'signup form carries csrf');
	const username = `nocsrf${process.pid}`;
	const r = await request('/signup', {
		jar,
		form: { username, name: 'No Csrf', email: `${username}@example.org`, password: 'a-long-password-1', password2: 'a-long-password-1' },
	});
	assert.equal(r.status, 403);
	const again = await loginAttempt(username);
	assert.notEqual(again.status, 303);
});

async function loginAttempt(username) {
	const jar = new Jar();
	const p = await get('/login', jar);
	return request('/login', { jar, form: { csrf: getCsrf(p.body), username, password: 'a-long-password-1' } });
}

test('visitor: no page offers a form whose token is empty (the 404 page\'s language switcher did)', async () => {
	let switchers = 0;
	for (const path of ['/', '/login', '/signup', '/no-such-page', '/members/no-such']) {
		const jar = new Jar();
		const r = await request(path, { jar });
		for (const f of forms(r.body).filter((x) => x.method === 'post')) {
			const t = f.fields.find((x) => x.name === 'csrf');
			assert.ok(t && t.value !== '', `${path} (${r.status}): the form to ${f.action} carries a token`);
			if (f.action === '/language') {
				switchers++;
				const sw = await request('/language', { jar,
				    form: { csrf: t.value, next: '/', lang: 'es' } });
				assert.equal(sw.status, 303, `${path}: its language switcher works`);
			}
		}
	}
	assert.ok(switchers > 0, 'some visitor page offers the language switcher');
});
