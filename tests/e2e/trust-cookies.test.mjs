// Issue 15 (8, 11): a cookie of another application on the same host, in
// whatever bytes and however many, must not break weft's pages; weft's own
// cookies are read strictly, and a damaged one is said so and cleared.  A
// form is accepted only as application/x-www-form-urlencoded, alone or
// with charset=utf-8.
//
// The Cookie headers here hold bytes node's http client refuses to send
// (control characters), so they go over a raw socket.

import test from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import {
	Jar, PASSWORD, URL_BASE, confNum, get, getCsrf, login, request,
	sessionCookieName,
} from './lib.mjs';

const base = new URL(URL_BASE);

// GET path with the Cookie header given as raw bytes; resolves {status,
// head (the header block as text), body}.
function rawGet(path, cookieBytes) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		const s = net.connect(Number(base.port), base.hostname, () => {
			s.write(Buffer.concat([
				Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${base.host}\r\nConnection: close\r\nCookie: `),
				cookieBytes,
				Buffer.from('\r\n\r\n'),
			]));
		});
		s.setTimeout(20000, () => s.destroy(new Error(`timeout: GET ${path}`)));
		s.on('data', (d) => chunks.push(d));
		s.on('error', reject);
		s.on('end', () => {
			const all = Buffer.concat(chunks).toString('latin1');
			const cut = all.indexOf('\r\n\r\n');
			const head = all.slice(0, cut);
			resolve({ status: Number(head.split(' ')[1]), head, body: all.slice(cut + 4) });
		});
	});
}

const foreign = Buffer.concat([
	Buffer.from('_ga=GA1.2.3; tracker='),
	Buffer.from([0x01, 0xff, 0xfe, 0x7f]),		// control and non-UTF-8 bytes
	Buffer.from('; pref="a\tb"; latin='),
	Buffer.from([0xe9, 0x74, 0xe9]),		// "été" in Latin-1
]);

test('foreign cookies with bad bytes do not break any page', async () => {
	for (const path of ['/healthz', '/login', '/', '/signup', '/no-such-page']) {
		const r = await rawGet(path, foreign);
		assert.equal(r.status, path === '/no-such-page' ? 404 : 200, `GET ${path} with foreign cookies`);
	}
});

test('more foreign cookies than form fields allowed are not counted', async () => {
	const n = confNum('fields_max', 200) + 100;
	const many = Array.from({ length: n }, (_, i) => `c${i}=v${i}`).join('; ');
	const r = await rawGet('/login', Buffer.from(many));
	assert.equal(r.status, 200, `${n} foreign cookies`);
});

test('a logged-in member with foreign cookies beside weft\'s stays logged in', async () => {
	const bob = await login('bob');
	const own = Buffer.from(bob.header());
	const r = await rawGet('/', Buffer.concat([foreign, Buffer.from('; '), own]));
	assert.equal(r.status, 200);
	assert.match(r.body, /action="\/logout"/, 'still logged in');
});

test('a damaged cookie of weft\'s: 400 saying so, and the cookie is cleared', async () => {
	const name = sessionCookieName();
	const r = await rawGet('/', Buffer.concat([Buffer.from(`${name}=abc`), Buffer.from([0x01]), Buffer.from('def')]));
	assert.equal(r.status, 400);
	assert.match(r.body, /cookie of this site that was\s+damaged/);
	const clear = r.head.split('\r\n').find((l) => l.toLowerCase().startsWith(`set-cookie: ${name.toLowerCase()}=;`));
	assert.ok(clear, `the damaged ${name} cookie is cleared:\n${r.head}`);
	assert.match(clear, /Max-Age=0/i);
	// After the browser drops it, the page works.
	assert.equal((await request('/')).status, 200);
});

test('forms only as application/x-www-form-urlencoded (optionally charset=utf-8)', async () => {
	const try_ = async (type) => {
		const jar = new Jar();
		const csrf = getCsrf((await get('/login', jar)).body);
		const body = new URLSearchParams({ csrf, username: 'nobody-here', password: 'x' }).toString();
		return request('/login', { jar, body, headers: { 'Content-Type': type } });
	};
	// Accepted: the form is read, and the login refused for its content.
	for (const type of ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=UTF-8']) {
		const r = await try_(type);
		assert.equal(r.status, 200, type);
		assert.match(r.body, /Wrong username or password/, type);
	}
	for (const type of ['application/x-www-form-urlencodedjunk', 'application/x-www-form-urlencoded; charset=latin1',
		'multipart/form-data; boundary=x', 'text/plain']) {
		const r = await try_(type);
		assert.equal(r.status, 415, type);
		assert.match(r.body, /sent in a way weft does not accept/, type);
	}
	// The password is the demo one: a correct login still works.
	const ok = await login('carol', PASSWORD);
	assert.ok(ok.get(sessionCookieName()));
});
