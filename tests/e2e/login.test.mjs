// Logging in and out over real HTTP: the session cookie and its flags,
// wrong password and unknown user answered alike, disabled and applying
// members, and logout ending the session on the server.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	Jar, PASSWORD, forms, formValues, get, getCsrf, login, loginAttempt, parseSetCookie,
	post, request, sessionCookieName, text,
} from './lib.mjs';

test('GET /login shows the form with a csrf field and sets the visitor CSRF cookie', async () => {
	const jar = new Jar();
	const r = await get('/login', jar);
	assert.equal(r.status, 200);
	assert.match(r.headers['content-type'], /^text\/html; charset=utf-8/i);
	assert.ok(getCsrf(r.body), 'hidden csrf input');
	assert.match(r.body, /name="username"/);
	assert.match(r.body, /type="password"/);
	const csrfCookie = r.setCookies.map(parseSetCookie)
	    .find((c) => /^(__Host-)?weft-csrf$/.test(c.name));
	assert.ok(csrfCookie, `visitor CSRF cookie set: ${r.setCookies.join(' | ')}`);
	assert.equal(csrfCookie.name, '__Host-weft-csrf');
	assert.ok(csrfCookie.attrs.secure, 'CSRF cookie Secure');
	assert.ok(csrfCookie.attrs.httponly, 'CSRF cookie HttpOnly');
	assert.equal(csrfCookie.attrs.path, '/');
	assert.equal(csrfCookie.attrs.domain, undefined);
});

test('login succeeds with 303 and a __Host-weft session cookie with the right flags', async () => {
	const { res, jar } = await loginAttempt('bob');
	assert.equal(res.status, 303, text(res.body).slice(0, 200));
	assert.ok(res.location && res.location.startsWith('/'), `relative Location: ${res.location}`);
	const c = res.setCookies.map(parseSetCookie).find((x) => x.name === sessionCookieName());
	assert.ok(c, `Set-Cookie ${sessionCookieName()}: ${res.setCookies.join(' | ')}`);
	assert.equal(c.name, '__Host-weft', 'the test stack runs with cookie_secure = 1');
	assert.match(c.value, /^[0-9a-f]{64}$/, 'token is 32 bytes of hex');
	assert.equal(c.attrs.secure, true, 'Secure');
	assert.equal(c.attrs.httponly, true, 'HttpOnly');
	assert.equal(String(c.attrs.samesite).toLowerCase(), 'lax', 'SameSite=Lax');
	assert.equal(c.attrs.path, '/', 'Path=/');
	assert.equal(c.attrs.domain, undefined, 'no Domain');
	// Logged in: the home page greets the member and offers logout.
	const home = await get('/', jar);
	assert.equal(home.status, 200);
	assert.match(home.body, /action="\/logout"/, 'logout form on the home page');
});

test('each login gets a new token', async () => {
	const a = await login('bob');
	const b = await login('bob');
	assert.notEqual(a.get('__Host-weft'), b.get('__Host-weft'));
});

test('login rotates the token: a session cookie sent to the login is replaced', async () => {
	const jar = await login('carol');
	const before = jar.get('__Host-weft');
	const again = await loginAttempt('carol', PASSWORD, { jar: jar.clone() });
	if (again.res.status === 303) {
		assert.notEqual(again.jar.get('__Host-weft'), before);
	} else {
		// A logged-in member may be sent away from /login instead.
		assert.ok([200, 303].includes(again.res.status));
	}
});

test('wrong password and unknown user get the same status and message', async () => {
	const wrong = await loginAttempt('dave', 'not-the-password');
	const unknown = await loginAttempt('no-such-user-xyz', 'not-the-password');
	assert.ok(wrong.res.status >= 400 && wrong.res.status < 500 || wrong.res.status === 200,
	    `wrong password refused (${wrong.res.status})`);
	assert.notEqual(wrong.res.status, 303);
	assert.equal(unknown.res.status, wrong.res.status, 'same status');
	assert.equal(wrong.jar.get('__Host-weft'), undefined, 'no session cookie');
	assert.equal(unknown.jar.get('__Host-weft'), undefined, 'no session cookie');
	const msg = (b) => {
		const m = b.match(/<[^>]*class="[^"]*\b(error|errors|alert|flash)\b[^"]*"[^>]*>([\s\S]*?)<\/[a-z]+>/i);
		return m ? text(m[2]) : null;
	};
	const mw = msg(wrong.res.body);
	const mu = msg(unknown.res.body);
	assert.ok(mw, 'an error message is shown');
	assert.equal(mu, mw, 'same message');
	// The username typed is kept in the form, the password is not.
	assert.doesNotMatch(wrong.res.body, /not-the-password/);
	// Apart from the echoed username and the CSRF token, the pages match.
	const norm = (b, u) => b.split(u).join('USER').replace(/[0-9a-f]{64}/g, 'TOKEN');
	assert.equal(norm(unknown.res.body, 'no-such-user-xyz'), norm(wrong.res.body, 'dave'));
});

test('a disabled member cannot log in and is told the account is disabled', async () => {
	const r = await loginAttempt('disabled1');
	assert.notEqual(r.res.status, 303);
	assert.equal(r.jar.get('__Host-weft'), undefined, 'no session cookie');
	assert.match(text(r.res.body), /disabled/i, 'says the account is disabled');
	// A wrong password for a disabled account gets the ordinary answer,
	// so that the special message does not reveal the status to a guesser.
	const w = await loginAttempt('disabled1', 'not-the-password');
	assert.doesNotMatch(text(w.res.body), /account (is )?disabled/i);
});

test('an applying member logs in and sees "awaiting approval"', async () => {
	const jar = await login('applicant1');
	const home = await get('/', jar);
	assert.equal(home.status, 200);
	assert.match(text(home.body), /awaiting approval/i);
	// and is not taken for an approved member: the member pages refuse.
	const roles = await get('/members/roles', jar);
	assert.equal(roles.status, 403);
});

test('logout ends the session on the server: the old cookie is worthless', async () => {
	const jar = await login('erin');
	const token = jar.get('__Host-weft');
	const home = await get('/', jar);
	assert.equal(home.status, 200);
	const csrf = getCsrf(home.body.slice(home.body.search(/action="\/logout"/) - 400));
	assert.ok(csrf, 'logout form carries csrf');
	const out = await post('/logout', jar, { csrf });
	assert.equal(out.status, 303);
	const cleared = out.setCookies.map(parseSetCookie).find((c) => c.name === '__Host-weft');
	assert.ok(cleared, 'logout clears the cookie');
	// Replay the old token as an attacker who kept it would.
	const old = new Jar();
	old.set('__Host-weft', token);
	const me = await get('/me', old);
	assert.equal(me.status, 303, 'a members-only page redirects');
	assert.match(me.location, /^\/login/);
	const again = await get('/', old);
	assert.equal(again.status, 200);
	assert.doesNotMatch(again.body, /action="\/logout"/, 'visitor view: no logout form');
});

test('a made-up session token is a visitor', async () => {
	const jar = new Jar();
	jar.set('__Host-weft', 'a'.repeat(64));
	const r = await get('/me', jar);
	assert.equal(r.status, 303);
	assert.match(r.location, /^\/login/);
});

test('a login form posted without its csrf is refused', async () => {
	const jar = new Jar();
	await get('/login', jar);
	const r = await request('/login', { jar, form: { username: 'bob', password: PASSWORD } });
	assert.equal(r.status, 403);
	assert.equal(jar.get('__Host-weft'), undefined);
});

// After "log in to see this page", the login goes back to that page; a
// `next` that is not a local path is ignored (no open redirect).
async function loginWithNext(next) {
	const jar = new Jar();
	const page = await get(`/login?next=${encodeURIComponent(next)}`, jar);
	assert.equal(page.status, 200);
	const f = forms(page.body).find((x) => x.action === '/login');
	const v = { ...formValues(f), username: 'bob', password: PASSWORD };
	if (!('next' in v))
		v.next = next;
	return post('/login', jar, v);
}

test('login returns to the page that asked for it', async () => {
	const r = await get('/me');
	assert.equal(r.status, 303);
	assert.equal(r.location, '/login?next=/me');
	const back = await loginWithNext('/me');
	assert.equal(back.status, 303);
	assert.equal(back.location, '/me');
});

for (const evil of ['//evil.example/', 'https://evil.example/', '/\\evil.example', '\\\\evil.example', '/%0d%0aSet-Cookie:x=y', 'javascript:alert(1)']) {
	test(`login ignores next=${JSON.stringify(evil)} (no open redirect)`, async () => {
		const r = await loginWithNext(evil);
		assert.equal(r.status, 303);
		assert.ok(r.location.startsWith('/') && !r.location.startsWith('//') && !r.location.includes('\\'),
		    `Location stays local: ${r.location}`);
		assert.doesNotMatch(r.location, /evil|javascript|\r|\n/i);
		assert.equal(r.headers['set-cookie'] && r.setCookies.some((c) => c.startsWith('x=')), false);
	});
}
