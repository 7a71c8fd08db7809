// Helpers for the hosting tests: the system web servers (Debian's nginx
// and apache2) run with the production files nginx/weft.conf and
// apache/weft.conf, over TLS, in front of weft's programs, as a host
// runs them.
//
// The stack's own programs listen in VARDIR/run, which is root's alone
// (the database socket is there too), and a web server's workers run as
// www-data.  So each test starts its own set of the programs, with the
// stack's weft.conf and database, listening in a directory of its own
// that www-data may enter, the sockets' group www-data: what systemd's
// Group= and RuntimeDirectory= give on a real host.  Their logs (and
// sanitizer reports) go to VARDIR/log, which tests/run.sh scans.

import { spawn, execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync,
    chmodSync, openSync, closeSync } from 'node:fs';
import https from 'node:https';
import assert from 'node:assert/strict';
import { VAR, BIN, ROOT, PASSWORD, getCsrf, text } from './lib.mjs';
import { PROGRAMS } from './programs.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
	return Number(execFileSync(`${ROOT}/tools/weft-stack`, ['free-port'],
	    { encoding: 'utf8' }).trim());
}

// A fresh directory under /tmp that www-data may enter (mode 0755).
export function tmpDir(tag) {
	const d = mkdtempSync(`/tmp/weft-${tag}.`);
	chmodSync(d, 0o755);
	return d;
}

// The templates' static files copied into dir (its templates/static), for
// a web server whose workers run as www-data: the checkout itself may sit
// under a folder only its owner may enter (a fresh clone in mktemp -d, as
// CI makes).  Returns what stands for the installed templates folder.
export function staticRoot(dir) {
	cpSync(`${ROOT}/templates/static`, `${dir}/templates/static`, { recursive: true });
	chmodSync(`${dir}/templates`, 0o755);
	return `${dir}/templates`;
}

// A self-signed certificate for 127.0.0.1: DIR/fullchain.pem, DIR/privkey.pem.
export function selfSigned(dir) {
	mkdirSync(dir, { recursive: true });
	execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt',
	    'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj',
	    '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
	    '-keyout', `${dir}/privkey.pem`, '-out', `${dir}/fullchain.pem`],
	    { stdio: 'ignore' });
	return dir;
}

// The environment the stack gives its programs (tools/weft-stack), so
// that a sanitizer report lands where tests/run.sh looks.
function progEnv() {
	return {
		...process.env,
		ASAN_OPTIONS: `detect_leaks=0:abort_on_error=0:log_path=${VAR}/log/asan`,
		UBSAN_OPTIONS: `print_stacktrace=1:log_path=${VAR}/log/ubsan`,
	};
}

// Starts every fastcgi program of the manifest once more, one worker
// each, listening in sockdir (made 0750 root:www-data) with the group
// www-data, so that the socket (0660) is the web server's to reach.
// Resolves the list of their master processes, once every socket is
// there.
export async function startPrograms(sockdir, tag, { workers = 1 } = {}) {
	mkdirSync(sockdir, { recursive: true });
	execFileSync('chgrp', ['www-data', sockdir]);
	chmodSync(sockdir, 0o750);
	const procs = [];
	for (const p of PROGRAMS.filter((q) => q.kind === 'fastcgi')) {
		const log = openSync(`${VAR}/log/${tag}-${p.name}.log`, 'a');
		const child = spawn('setpriv', ['--regid=www-data', '--clear-groups', '--',
		    `${BIN}/${p.name}`, '-c', `${VAR}/weft.conf`, '-s',
		    `${sockdir}/${p.name}.sock`, '-n', String(workers)],
		    { stdio: ['ignore', log, log], env: progEnv(), detached: true });
		closeSync(log);
		procs.push({ name: p.name, child });
	}
	for (let i = 0; i < 300; i++) {
		if (procs.every((p) => existsSync(`${sockdir}/${p.name}.sock`)))
			return procs;
		for (const p of procs)
			assert.equal(p.child.exitCode, null, `${p.name} exited during start-up (${VAR}/log/${tag}-${p.name}.log)`);
		await sleep(100);
	}
	throw new Error(`the programs did not open their sockets in ${sockdir}`);
}

// SIGTERM to each master (it stops its workers within a second), and
// waits for them.
export async function stopPrograms(procs) {
	for (const p of procs || []) {
		if (p.child.exitCode !== null || p.child.signalCode !== null)
			continue;
		const done = new Promise((r) => p.child.once('exit', r));
		p.child.kill('SIGTERM');
		await Promise.race([done, sleep(5000)]);
		if (p.child.exitCode === null && p.child.signalCode === null)
			p.child.kill('SIGKILL');
	}
}

// Waits until GET https://127.0.0.1:port/healthz answers 200.
export async function waitHealthy(port, what) {
	let last = '';
	for (let i = 0; i < 100; i++) {
		try {
			const r = await tls(port, '/healthz');
			if (r.status === 200)
				return;
			last = String(r.status);
		} catch (e) {
			last = e.message;
		}
		await sleep(100);
	}
	throw new Error(`${what} on port ${port}: /healthz never answered 200 (last: ${last})`);
}

// One HTTPS request to 127.0.0.1:port (the certificate is the test's
// own, self-signed).  opts as lib.mjs's request(): method, jar, form,
// body, headers, localAddress.  Resolves {status, headers, setCookies, body, location}.
export function tls(port, path, opts = {}) {
	const method = opts.method || (opts.body !== undefined || opts.form ? 'POST' : 'GET');
	const headers = { Connection: 'close', ...(opts.headers || {}) };
	let body = opts.body;
	if (opts.form) {
		body = new URLSearchParams(opts.form).toString();
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
	}
	if (body !== undefined && !Buffer.isBuffer(body))
		body = Buffer.from(body, 'utf8');
	if (body !== undefined)
		headers['Content-Length'] = String(body.length);
	if (opts.jar && opts.jar.c.size)
		headers.Cookie = opts.jar.header();
	return new Promise((resolve, reject) => {
		const req = https.request({ host: '127.0.0.1', port, method, path, headers,
		    localAddress: opts.localAddress, rejectUnauthorized: false,
		    timeout: 30000 }, (res) => {
			const chunks = [];
			res.on('data', (d) => chunks.push(d));
			res.on('end', () => {
				const setCookies = [].concat(res.headers['set-cookie'] || []);
				if (opts.jar)
					opts.jar.update(setCookies);
				resolve({ status: res.statusCode, headers: res.headers, setCookies,
				    body: Buffer.concat(chunks).toString('utf8'),
				    location: res.headers.location });
			});
			res.on('error', reject);
		});
		req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`)));
		req.on('error', (e) => {
			// A server that refuses a large body may close before
			// reading it: what it answered still counts.
			if (e.code === 'EPIPE' || e.code === 'ECONNRESET')
				reject(Object.assign(e, { early: true }));
			else
				reject(e);
		});
		if (body !== undefined)
			req.write(body);
		req.end();
	});
}

// Logs username in through the server on port; resolves the jar.
export async function tlsLogin(port, jar, username) {
	const page = await tls(port, '/login', { jar });
	assert.equal(page.status, 200, `GET /login: ${page.status}`);
	const csrf = getCsrf(page.body);
	assert.ok(csrf, 'the log-in form has its csrf field');
	const res = await tls(port, '/login', { jar, form: { csrf, username, password: PASSWORD } });
	assert.equal(res.status, 303, `POST /login as ${username}: ${res.status} ${text(res.body).slice(0, 200)}`);
	return jar;
}

// Runs cmd, failing with its output when it fails.
export function run(cmd, args, opts = {}) {
	const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60000, ...opts });
	if (r.status !== 0)
		throw new Error(`${cmd} ${args.join(' ')}: status ${r.status}\n${r.stdout}\n${r.stderr}`);
	return r.stdout;
}

export function cleanDir(d) {
	if (d && d.startsWith('/tmp/weft-'))
		rmSync(d, { recursive: true, force: true });
}

export { readFileSync, writeFileSync };
