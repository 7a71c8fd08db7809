// Helpers for weft's end-to-end tests: plain HTTP against the real stack
// (nginx in front of the FastCGI programs), with our own cookie jar so that
// every Set-Cookie attribute can be looked at.
//
// Environment (set by tests/run.sh):
//   WEFT_URL            base URL of the stack, e.g. http://127.0.0.1:39123
//   WEFT_VAR            the stack's VARDIR (weft.conf, logs, db control)
//   WEFT_DEMO_PASSWORD  the demo accounts' password
//   WEFT_BIN            the build directory (programs, for --routes)
//
// Requests go through node:http rather than fetch so that a test can send
// bytes that are not valid UTF-8, choose the client address (127.0.0.x,
// so that per-address login throttling in one test does not lock out the
// others) and see every Set-Cookie line.

import http from 'node:http';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

export const URL_BASE = (process.env.WEFT_URL || '').replace(/\/$/, '');
export const VAR = process.env.WEFT_VAR || '';
export const PASSWORD = process.env.WEFT_DEMO_PASSWORD || '';
export const BIN = process.env.WEFT_BIN || '';
export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

if (!URL_BASE || !PASSWORD)
	throw new Error('WEFT_URL and WEFT_DEMO_PASSWORD must be set (tests/run.sh sets them)');

const base = new URL(URL_BASE);

// The config the stack runs with (key = value lines), for the limits.
export function conf() {
	const out = {};
	if (!VAR)
		return out;
	let text = '';
	try {
		text = readFileSync(`${VAR}/weft.conf`, 'utf8');
	} catch {
		return out;
	}
	for (const line of text.split('\n')) {
		const m = line.match(/^\s*([a-z0-9_]+)\s*=\s*(.*?)\s*$/);
		if (m)
			out[m[1]] = m[2];
	}
	return out;
}

// Same defaults as config.h.
export function confNum(key, dflt) {
	const v = conf()[key];
	const n = v === undefined ? NaN : Number(v);
	return Number.isFinite(n) ? n : dflt;
}

// Parses one Set-Cookie line into {name, value, attrs: {lowercased: value|true}}.
export function parseSetCookie(line) {
	const parts = line.split(';').map((s) => s.trim());
	const first = parts.shift();
	const eq = first.indexOf('=');
	const c = { name: first.slice(0, eq), value: first.slice(eq + 1), attrs: {}, raw: line };
	for (const p of parts) {
		if (!p)
			continue;
		const i = p.indexOf('=');
		if (i < 0)
			c.attrs[p.toLowerCase()] = true;
		else
			c.attrs[p.slice(0, i).toLowerCase()] = p.slice(i + 1);
	}
	return c;
}

// A cookie jar: name -> value.  Max-Age=0 or an expiry in the past deletes.
export class Jar {
	constructor() {
		this.c = new Map();
	}
	update(setCookies) {
		for (const line of setCookies) {
			const c = parseSetCookie(line);
			const maxAge = c.attrs['max-age'];
			const expired = (maxAge !== undefined && Number(maxAge) <= 0) ||
			    (c.attrs.expires && Date.parse(c.attrs.expires) < Date.now());
			if (expired || c.value === '')
				this.c.delete(c.name);
			else
				this.c.set(c.name, c.value);
		}
	}
	get(name) {
		return this.c.get(name);
	}
	set(name, value) {
		this.c.set(name, value);
	}
	header() {
		return [...this.c].map(([k, v]) => `${k}=${v}`).join('; ');
	}
	clone() {
		const j = new Jar();
		j.c = new Map(this.c);
		return j;
	}
}

// One HTTP request.  opts: method, jar (sent and updated), body (string or
// Buffer), form (object: urlencoded), headers, localAddress, timeout (ms).
// Resolves {status, headers (lowercased), setCookies [], body (string),
// location}.  Never follows redirects.
export function request(path, opts = {}) {
	const method = opts.method || (opts.body !== undefined || opts.form ? 'POST' : 'GET');
	let body = opts.body;
	const headers = { Connection: 'close', ...(opts.headers || {}) };
	if (opts.form) {
		body = encodeForm(opts.form);
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
	}
	if (body !== undefined && !Buffer.isBuffer(body))
		body = Buffer.from(body, 'utf8');
	if (body !== undefined) {
		headers['Content-Length'] = String(body.length);
		if (!headers['Content-Type'])
			headers['Content-Type'] = 'application/x-www-form-urlencoded';
	}
	if (opts.jar && opts.jar.c.size)
		headers.Cookie = opts.jar.header();
	return new Promise((resolve, reject) => {
		const req = http.request({
			host: base.hostname,
			port: base.port || 80,
			method,
			path,
			headers,
			localAddress: opts.localAddress,
			timeout: opts.timeout || 30000,
		}, (res) => {
			const chunks = [];
			res.on('data', (d) => chunks.push(d));
			res.on('end', () => {
				const setCookies = [].concat(res.headers['set-cookie'] || []);
				if (opts.jar)
					opts.jar.update(setCookies);
				resolve({
					status: res.statusCode,
					headers: res.headers,
					setCookies,
					body: Buffer.concat(chunks).toString('utf8'),
					location: res.headers.location,
				});
			});
			res.on('error', reject);
		});
		req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`)));
		req.on('error', reject);
		if (body !== undefined)
			req.write(body);
		req.end();
	});
}

export function encodeForm(obj) {
	return Object.entries(obj)
	    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
	    .join('&')
	    .replace(/%20/g, '+');
}

export const get = (path, jar, extra = {}) => request(path, { ...extra, jar });
export const post = (path, jar, form, extra = {}) => request(path, { ...extra, jar, form });

// The value of the hidden csrf input of the (first) form in html.
export function getCsrf(html) {
	for (const tag of html.match(/<input\b[^>]*>/gi) || []) {
		if (/\bname\s*=\s*["']?csrf["'\s>\/]/i.test(tag)) {
			const m = tag.match(/\bvalue\s*=\s*"([^"]*)"/i) ||
			    tag.match(/\bvalue\s*=\s*'([^']*)'/i);
			if (m)
				return m[1];
		}
	}
	return null;
}

// Plain text of an HTML fragment (tags out, entities for the few we use).
export function text(html) {
	return html.replace(/<script[\s\S]*?<\/script>/gi, ' ')
	    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
	    .replace(/<[^>]*>/g, ' ')
	    .replace(/&mdash;/g, '—').replace(/&#8212;/g, '—').replace(/&#x2014;/gi, '—')
	    .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<')
	    .replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
	    .replace(/&#x27;/g, "'")
	    .replace(/\s+/g, ' ').trim();
}

// The session cookie's name for the test stack (cookie_secure = 1).
export function sessionCookieName() {
	return conf().cookie_secure === '0' ? 'weft' : '__Host-weft';
}

// Posts the login form; resolves {res, jar}.  The jar carries the visitor
// CSRF cookie from GET /login and, on success, the session cookie.
export async function loginAttempt(username, password = PASSWORD, extra = {}) {
	const jar = extra.jar || new Jar();
	const page = await request('/login', { jar, localAddress: extra.localAddress });
	assert.equal(page.status, 200, `GET /login: ${page.status}`);
	const csrf = getCsrf(page.body);
	assert.ok(csrf, 'the login form carries a csrf field');
	const res = await request('/login', {
		jar,
		localAddress: extra.localAddress,
		form: { csrf, username, password },
	});
	return { res, jar };
}

// Logs username in with the demo password; returns the jar (with the
// session cookie).  Fails the test when the login does not succeed.
export async function login(username, password = PASSWORD, extra = {}) {
	const { res, jar } = await loginAttempt(username, password, extra);
	assert.equal(res.status, 303,
	    `login as ${username}: expected 303, got ${res.status}: ${text(res.body).slice(0, 300)}`);
	assert.ok(jar.get(sessionCookieName()), `login as ${username} sets ${sessionCookieName()}`);
	return jar;
}

// The jar of username, logged in on first use and kept for the rest of
// the test file (each file runs in a process of its own): a log-in costs
// an argon2id hash, and most files act as a few users many times.
const jars = new Map();
export async function as(username) {
	if (!jars.has(username))
		jars.set(username, await login(username));
	return jars.get(username);
}

// The main content of a page as text: what is inside <main>, without the
// layout's navigation and banners (the whole page when there is none).
export function mainText(html) {
	const m = html.match(/<main[\s\S]*<\/main>/);
	return text(m ? m[0] : html);
}

// GETs path with jar and returns the csrf token of its form (a logged-in
// page carries the session's token).
export async function csrfOf(path, jar) {
	const r = await get(path, jar);
	assert.equal(r.status, 200, `GET ${path}: ${r.status}`);
	const t = getCsrf(r.body);
	assert.ok(t, `GET ${path} has a csrf field`);
	return t;
}

// Runs SQL against the stack's database as the application's user, with
// the credentials of weft.conf.  For fixtures only (ids of demo members,
// resetting throttle counters), never to check what the product shows.
export function sql(query) {
	const c = conf();
	const args = ['--batch', '--skip-column-names', '--default-character-set=utf8mb4',
	    `--socket=${c.db_socket}`, `--user=${c.db_user}`, c.db_name, '-e', query];
	const r = spawnSync('mariadb', args, {
		encoding: 'utf8',
		env: { ...process.env, MYSQL_PWD: c.db_password },
		timeout: 20000,
	});
	if (r.status !== 0)
		throw new Error(`mariadb: ${r.stderr || r.error}`);
	return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

// One value of `mariadb --batch` output as it is stored: the client
// writes a newline, a tab, a NUL and a backslash as \n, \t, \0 and \\.
export function unbatch(s) {
	return s.replace(/\\(.)/g, (m, c) => ({ n: '\n', t: '\t', 0: '\0' })[c] ?? c);
}

// The audit rows about one object (its object_type and id) for one
// action, oldest first: each an array of the columns asked for, as stored.
export function audits(type, id, action, cols = 'before_json, after_json, actor_id') {
	return sql(`SELECT ${cols} FROM audit_log
	    WHERE object_type = '${type}' AND object_id = ${Number(id)} AND action = '${action}'
	    ORDER BY id`).map((r) => r.map(unbatch));
}

export function memberId(username) {
	const rows = sql(`SELECT id FROM members WHERE username = '${username.replace(/[^a-z0-9_]/gi, '')}'`);
	assert.equal(rows.length, 1, `demo member ${username} exists`);
	return Number(rows[0][0]);
}

// weft-stack subcommands on the test stack (db-stop, db-start).
export function stack(...args) {
	return execFileSync(`${ROOT}/tools/weft-stack`, [...args], {
		encoding: 'utf8',
		timeout: 120000,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}

// Security headers every response must carry (HTML or not).
export function assertSecurityHeaders(res, what) {
	const h = res.headers;
	const csp = h['content-security-policy'];
	assert.ok(csp, `${what}: Content-Security-Policy present`);
	assert.match(csp, /frame-ancestors 'none'/, `${what}: CSP frame-ancestors 'none'`);
	const scriptSrc = (csp.match(/script-src[^;]*/) || csp.match(/default-src[^;]*/) || [''])[0];
	assert.ok(scriptSrc, `${what}: CSP has script-src or default-src`);
	assert.doesNotMatch(scriptSrc, /'unsafe-inline'|'unsafe-eval'/, `${what}: no unsafe-inline in script-src`);
	assert.equal(h['x-content-type-options'], 'nosniff', `${what}: nosniff`);
	assert.ok(h['referrer-policy'], `${what}: Referrer-Policy present`);
	if (res.status >= 200 && !(res.status >= 300 && res.status < 400) &&
	    /text\/html/.test(h['content-type'] || ''))
		assert.match(h['content-type'], /charset=utf-8/i, `${what}: HTML Content-Type has charset`);
}

// Demo accounts by role (BRIEF "Fixed facts").
export const USERS = {
	visitor: null,
	member: 'alice',
	applying: 'applicant1',
	admin: 'admin',
	mcoord: 'mcoord',
	support: 'support',
	outreach: 'outreach',
	payment: 'payment',
	translator: 'translator',
	northcoord: 'northcoord',
};

// The forms of a page: [{action, method, fields: [{name, type, value}]}],
// in document order (<input>, <textarea>, <select>; enough for our pages).
export function forms(html) {
	const out = [];
	const re = /<form\b([^>]*)>([\s\S]*?)<\/form>/gi;
	let m;
	while ((m = re.exec(html)) !== null) {
		const attr = (a, s) => {
			const x = s.match(new RegExp(`\\b${a}\\s*=\\s*"([^"]*)"`, 'i'));
			return x ? x[1].replace(/&amp;/g, '&') : null;
		};
		const f = { action: attr('action', m[1]), method: (attr('method', m[1]) || 'get').toLowerCase(), fields: [], html: m[0] };
		const fre = /<(input|textarea|select)\b([^>]*)>/gi;
		let g;
		while ((g = fre.exec(m[2])) !== null) {
			const name = attr('name', g[2]);
			if (!name)
				continue;
			let type = g[1].toLowerCase() === 'input' ? (attr('type', g[2]) || 'text').toLowerCase() : g[1].toLowerCase();
			let value = attr('value', g[2]);
			if (type === 'textarea') {
				const end = m[2].indexOf('</textarea>', g.index);
				value = m[2].slice(g.index + g[0].length, end);
			}
			if (type === 'select') {
				const end = m[2].indexOf('</select>', g.index);
				const opts = m[2].slice(g.index, end).match(/<option\b[^>]*>/gi) || [];
				const sel = opts.find((o) => /\bselected\b/i.test(o)) || opts[0];
				value = sel ? attr('value', sel) : '';
			}
			if (type === 'checkbox')
				value = /\bchecked\b/i.test(g[2]) ? (value || 'on') : null;
			f.fields.push({ name, type, value: value === null ? '' : value.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), required: /\brequired\b/i.test(g[2]) });
		}
		out.push(f);
	}
	return out;
}

// The form posting to action (exact), or null.
export function formFor(html, action) {
	return forms(html).find((f) => f.action === action && f.method === 'post') || null;
}

// The values a browser would submit for a form, as an object.
export function formValues(form) {
	const v = {};
	for (const f of form.fields) {
		if (f.type === 'checkbox' && !f.value)
			continue;
		if (f.type === 'submit' || f.type === 'button')
			continue;
		v[f.name] = f.value;
	}
	return v;
}

// A phrase missing from the catalogue shows as its bare key
// ("password.title"): no title, heading or message may be one.  Returns
// the offending elements.
export function bareKeys(html) {
	const bare = [];
	const re = /<(title|h[1-6]|p|li|a|label|button|legend|caption|th)\b[^>]*>([\s\S]*?)<\/\1>/gi;
	let m;
	while ((m = re.exec(html)) !== null) {
		const t = text(m[2]).replace(/\s*·\s*weft$/, '');
		// Permission keys on the matrix page are set in <code>.
		if (/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/.test(t) && !/<code>/.test(m[2]))
			bare.push(`<${m[1]}>${t}`);
	}
	return bare;
}

export function assertNoBareKeys(html, what) {
	assert.deepEqual(bareKeys(html), [], `${what}: phrase keys shown instead of text`);
}

// Collects bare keys over many pages, for one test at the end of a file,
// so that a missing phrase does not hide what the other tests check.
export class BareKeys {
	constructor() {
		this.seen = [];
	}
	check(html, what) {
		for (const b of bareKeys(html))
			this.seen.push(`${what}: ${b}`);
	}
	assertNone() {
		assert.deepEqual(this.seen, [], 'pages show phrase keys instead of text');
	}
}
