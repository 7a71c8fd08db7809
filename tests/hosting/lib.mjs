// Helpers of the hosting tests (tests/hosting/*.test.mjs): each test
// starts the stacks it needs with tools/weft-stack, in directories of its
// own under /tmp, and stops them; nothing is shared with `make test`'s
// stack.  Requests are plain HTTP to the stacks' nginx on 127.0.0.1.
//
// Environment (set by tests/hosting/run.sh): WEFT_BIN, the build the
// stacks run.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import assert from 'node:assert/strict';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const BIN = process.env.WEFT_BIN || `${ROOT}/var/build-test`;
const STACK = `${ROOT}/tools/weft-stack`;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A stack of its own: {dir, port, url, password, conf, stop()}.
export function startStack(tag, { demo = false, workers = 0 } = {}) {
	const dir = mkdtempSync(`/tmp/weft-h${tag}.`);
	const port = execFileSync(STACK, ['free-port'], { encoding: 'utf8' }).trim();
	const r = spawnSync(STACK, ['start', dir, '--port', port, '--bin', BIN, ...(demo ? ['--demo'] : []),
	    ...(workers ? ['--workers', String(workers)] : [])],
	    { encoding: 'utf8', timeout: 240000 });
	if (r.status !== 0) {
		spawnSync(STACK, ['stop', dir]);
		throw new Error(`weft-stack start ${dir}: ${r.stderr.slice(-2000)}`);
	}
	return {
		dir, port, workers, url: `http://127.0.0.1:${port}`, conf: `${dir}/weft.conf`,
		password: readFileSync(`${dir}/demo-password`, 'utf8').trim(),
		stop() {
			spawnSync(STACK, ['stop', dir], { timeout: 120000 });
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

// SQL as root over a stack's socket; rows of tab-separated columns.
export function rootSql(stack, query, db = 'weft') {
	const r = spawnSync('mariadb', ['--batch', '--skip-column-names', `--socket=${stack.dir}/run/mariadb.sock`,
	    '-uroot', db, '-e', query], { encoding: 'utf8', timeout: 60000 });
	if (r.status !== 0)
		throw new Error(`mariadb: ${r.stderr}`);
	return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t'));
}

// n approved members with the demo password (of the stack made with
// --demo), named prefix0, prefix1...; resolves their usernames.
export function makeMembers(stack, prefix, n) {
	const names = Array.from({ length: n }, (_, i) => `${prefix}${i}`);
	for (const u of names)
		rootSql(stack, `INSERT INTO members (username, email, name, password_hash, status, about, approved_at)
		    SELECT '${u}', '${u}@example.org', 'Member ${u}', password_hash, 'approved', '', UTC_TIMESTAMP()
		    FROM members WHERE username = 'alice'`);
	return names;
}

// A client with its own cookies, redirects not followed.
export class Client {
	constructor(base) {
		this.base = base;
		this.cookies = new Map();
	}
	async req(path, { form, method } = {}) {
		const headers = {};
		if (this.cookies.size)
			headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		let body;
		if (form) {
			body = new URLSearchParams(form).toString();
			headers['Content-Type'] = 'application/x-www-form-urlencoded';
		}
		const res = await fetch(`${this.base}${path}`, { method: method || (form ? 'POST' : 'GET'),
		    headers, body, redirect: 'manual' });
		for (const line of res.headers.getSetCookie()) {
			const [kv, ...attrs] = line.split(';');
			const i = kv.indexOf('=');
			const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || kv.slice(i + 1) === '';
			if (gone)
				this.cookies.delete(kv.slice(0, i));
			else
				this.cookies.set(kv.slice(0, i), kv.slice(i + 1));
		}
		return { status: res.status, location: res.headers.get('location'), body: await res.text() };
	}
	async login(username, password) {
		const page = await this.req('/login');
		assert.equal(page.status, 200);
		const r = await this.req('/login', { form: { csrf: csrfOf(page.body), username, password } });
		assert.equal(r.status, 303, `log-in as ${username}: ${r.status}`);
		return this;
	}
}

export function csrfOf(html) {
	const m = html.match(/name="csrf"[^>]*value="([^"]*)"/) || html.match(/value="([^"]*)"[^>]*name="csrf"/);
	assert.ok(m, 'the page has a csrf field');
	return m[1];
}
