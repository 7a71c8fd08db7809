// Security headers on every kind of response, and hostile request bodies:
// too large is 413, malformed is 400, and the workers answer afterwards.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	BareKeys, Jar, assertSecurityHeaders, confNum, get, getCsrf, login,
	request,
} from './lib.mjs';

const BODY_MAX = confNum('body_max', 65536);
const FIELDS_MAX = confNum('fields_max', 200);
const FIELD_LEN_MAX = confNum('field_len_max', 16384);

// A visitor's jar and csrf token, so that a refused body is refused for
// its bytes and not for a missing token.
async function visitor() {
	const jar = new Jar();
	const page = await get('/login', jar);
	return { jar, csrf: getCsrf(page.body) };
}

const keys = new BareKeys();

// The headers; and an HTML page's phrases, checked in the last test.
function checkPage(res, what) {
	assertSecurityHeaders(res, what);
	if (/text\/html/.test(res.headers['content-type'] || ''))
		keys.check(res.body, what);
}

async function workersAnswer() {
	const h = await request('/healthz');
	assert.equal(h.status, 200, '/healthz after');
	assert.equal(h.body.trim(), 'ok');
	const p = await request('/login');
	assert.equal(p.status, 200, 'GET /login after');
	assert.ok(getCsrf(p.body), 'a real page renders after');
}

test('security headers: 200 page', async () => {
	const r = await request('/login');
	assert.equal(r.status, 200);
	checkPage(r, 'GET /login');
	assert.match(r.headers['content-type'], /^text\/html; charset=utf-8$/i);
});

test('security headers: 200 page of a member, and the matrix page', async () => {
	const jar = await login('admin');
	for (const path of ['/', '/me', '/members/roles']) {
		const r = await get(path, jar);
		assert.equal(r.status, 200, path);
		checkPage(r, `GET ${path}`);
		assert.match(r.headers['cache-control'] || '', /no-store|private|no-cache/, `${path}: HTML is not cached`);
	}
});

test('security headers: 303 redirect', async () => {
	const r = await request('/me');
	assert.equal(r.status, 303);
	assert.match(r.location, /^\/login/);
	checkPage(r, 'GET /me as visitor');
});

test('security headers: 404', async () => {
	for (const path of ['/no-such-page', '/members/1/no/such/page']) {
		const r = await request(path);
		assert.equal(r.status, 404, path);
		checkPage(r, `GET ${path}`);
		assert.match(r.headers['content-type'], /charset=utf-8/i);
	}
});

test('security headers: 403', async () => {
	const r = await request('/login', { form: { username: 'x', password: 'y' } });
	assert.equal(r.status, 403);
	checkPage(r, 'POST /login without csrf');
	const m = await login('alice');
	const r2 = await get('/members/roles', m);
	assert.equal(r2.status, 403);
	checkPage(r2, 'GET /members/roles as a plain member');
});

test('security headers: 405', async () => {
	const { jar, csrf } = await visitor();
	const r = await request('/healthz', { jar, form: { csrf } });
	assert.ok([404, 405].includes(r.status), `POST /healthz: ${r.status}`);
	checkPage(r, 'POST /healthz');
});

test('security headers: static file and /healthz', async () => {
	const css = await request('/static/weft.css');
	assert.equal(css.status, 200);
	assert.match(css.headers['content-type'], /^text\/css/);
	checkPage(css, 'GET /static/weft.css');
	const h = await request('/healthz');
	assert.equal(h.status, 200);
	checkPage(h, 'GET /healthz');
	const miss = await request('/static/no-such-file.css');
	assert.equal(miss.status, 404);
	checkPage(miss, 'GET /static/no-such-file.css');
});

test('the favicon, compression of static files but not of pages, CORP on pages', async () => {
	const icon = await request('/favicon.ico');
	assert.equal(icon.status, 200, 'no 404 in every browser console');
	assert.match(icon.headers['content-type'], /^image\/(x-icon|vnd\.microsoft\.icon)/);
	checkPage(icon, 'GET /favicon.ico');
	const gz = await request('/static/weft.css', { headers: { 'Accept-Encoding': 'gzip' } });
	assert.equal(gz.headers['content-encoding'], 'gzip', 'static files are compressed');
	assert.match(gz.headers.vary || '', /Accept-Encoding/i);
	// A page holds the CSRF token beside echoed input: compressing it
	// would let BREACH read the token from the sizes (docs/deploy.md).
	const page = await request('/login', { headers: { 'Accept-Encoding': 'gzip' } });
	assert.equal(page.headers['content-encoding'], undefined, 'pages are not compressed');
	assert.equal(page.headers['cross-origin-resource-policy'], 'same-origin');
});

test(`a body over body_max (${BODY_MAX}) is 413, and the workers answer afterwards`, async () => {
	const { jar, csrf } = await visitor();
	const body = `csrf=${csrf}&username=` + 'a'.repeat(BODY_MAX);
	const r = await request('/login', { jar, body });
	assert.equal(r.status, 413);
	checkPage(r, 'POST /login oversize');
	await workersAnswer();
});

test('too many fields is 413; a value over field_len_max is 413', async () => {
	const { jar, csrf } = await visitor();
	const many = [`csrf=${csrf}`];
	for (let i = 0; i < FIELDS_MAX + 1; i++)
		many.push(`f${i}=1`);
	const r = await request('/login', { jar, body: many.join('&') });
	assert.equal(r.status, 413, 'too many fields');
	checkPage(r, 'too many fields');
	if (FIELD_LEN_MAX + 100 < BODY_MAX) {
		const r2 = await request('/login', { jar, body: `csrf=${csrf}&username=${'b'.repeat(FIELD_LEN_MAX + 1)}` });
		assert.equal(r2.status, 413, 'one value too long');
	}
	await workersAnswer();
});

const MALFORMED = [
	['bad percent-encoding', Buffer.from('csrf=CSRF&username=%zz&password=x')],
	['truncated percent-encoding', Buffer.from('csrf=CSRF&username=abc%4')],
	['percent-encoded invalid UTF-8', Buffer.from('csrf=CSRF&username=%ff%fe&password=x')],
	['overlong UTF-8', Buffer.from('csrf=CSRF&username=%c0%af&password=x')],
	['UTF-16 surrogate in UTF-8', Buffer.from('csrf=CSRF&username=%ed%a0%80&password=x')],
	['raw invalid UTF-8 bytes', Buffer.concat([Buffer.from('csrf=CSRF&username='), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from('&password=x')])],
	['NUL byte', Buffer.from('csrf=CSRF&username=a%00b&password=x')],
];

for (const [what, tmpl] of MALFORMED) {
	test(`malformed body (${what}) is 400, and the workers answer afterwards`, async () => {
		const { jar, csrf } = await visitor();
		const body = Buffer.from(tmpl.toString('latin1').replace('CSRF', csrf), 'latin1');
		const r = await request('/login', { jar, body });
		assert.equal(r.status, 400, what);
		checkPage(r, `POST /login ${what}`);
		assert.match(r.headers['content-type'], /^text\/html; charset=utf-8/i);
		await workersAnswer();
	});
}

test('malformed query strings are 400', async () => {
	for (const q of ['x=%zz', 'x=%ff', 'x=%00', 'x=%e2%82']) {
		const r = await request(`/login?${q}`);
		assert.equal(r.status, 400, q);
		checkPage(r, `GET /login?${q}`);
	}
	await workersAnswer();
});

test('a POST with another content type is refused, not crashed on', async () => {
	const { jar, csrf } = await visitor();
	const r = await request('/login', {
		jar,
		body: `csrf=${csrf}&username=x&password=y`,
		headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
	});
	assert.ok([400, 415].includes(r.status), `status ${r.status}`);
	checkPage(r, 'POST /login multipart');
	await workersAnswer();
});

test('a body over nginx\'s own limit is 413 with the security headers too', async () => {
	const { jar, csrf } = await visitor();
	const body = `csrf=${csrf}&username=` + 'c'.repeat(2 * 1024 * 1024);
	let r;
	try {
		r = await request('/login', { jar, body });
	} catch (err) {
		// nginx may close the connection while the body is still being
		// sent; then there is no response to look at, which is fine.
		if (!/EPIPE|ECONNRESET/.test(String(err.code || err)))
			throw err;
	}
	if (r) {
		assert.equal(r.status, 413);
		checkPage(r, 'POST /login over nginx\'s limit');
	}
	await workersAnswer();
});

test('every error page above shows text, not phrase keys', () => {
	keys.assertNone();
});
