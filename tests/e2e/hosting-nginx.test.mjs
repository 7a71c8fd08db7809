// The system nginx with nginx/weft.conf, the production server block, in
// front of weft's programs through their unix sockets, over TLS: what the
// stack's own nginx (nginx/local.conf.in) does not show, the file a host
// installs.  It is used as shipped; only what names the host is replaced
// (ports, certificate, socket and static directories, logs).  nginx runs
// as root with workers as www-data, which reaches the sockets as their
// group (hosting-lib.mjs).

import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ROOT, VAR, Jar, getCsrf, mainText, assertSecurityHeaders } from './lib.mjs';
import { PROGRAMS } from './programs.mjs';
import { freePort, staticRoot, tmpDir, selfSigned, startPrograms, stopPrograms, waitHealthy,
    tls, tlsLogin, run, cleanDir, readFileSync, writeFileSync, sleep } from './hosting-lib.mjs';
import http from 'node:http';
import { copyFileSync } from 'node:fs';

let dir, port, plain, procs;

function writeConf() {
	const block = readFileSync(`${ROOT}/nginx/weft.conf`, 'utf8')
	    .replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${port} ssl http2;`)
	    .replace(/listen 80;/, `listen 127.0.0.1:${plain};`)
	    .replace(/\n\s*listen \[::\]:(80|443)[^;]*;/g, '')
	    .replace(/\/run\/weft\//g, `${dir}/sock/`)
	    .replace(/\/etc\/ssl\/weft\//g, `${dir}/tls/`)
	    .replace(/\/usr\/local\/share\/weft\/templates/g, staticRoot(dir))
	    .replace(/\/var\/log\/nginx\//g, `${VAR}/log/nginx-system-`);
	assert.match(block, new RegExp(`listen 127\\.0\\.0\\.1:${port} ssl`));
	writeFileSync(`${dir}/weft.conf`, block);
	// As on a host: the block includes the system's fastcgi_params,
	// relative to nginx's configuration directory (here, dir).
	copyFileSync('/etc/nginx/fastcgi_params', `${dir}/fastcgi_params`);
	writeFileSync(`${dir}/nginx.conf`, [
		'user www-data www-data;',
		'worker_processes 1;',
		`pid ${dir}/nginx.pid;`,
		`error_log ${VAR}/log/nginx-system-error.log warn;`,
		'events { worker_connections 256; }',
		'http {',
		'	include /etc/nginx/mime.types;',
		'	default_type application/octet-stream;',
		`	client_body_temp_path ${dir}/tmp-body;`,
		`	fastcgi_temp_path ${dir}/tmp-fastcgi;`,
		`	proxy_temp_path ${dir}/tmp-proxy;`,
		`	scgi_temp_path ${dir}/tmp-scgi;`,
		`	uwsgi_temp_path ${dir}/tmp-uwsgi;`,
		`	include ${dir}/weft.conf;`,
		'}',
		'',
	].join('\n'));
}

test.before(async () => {
	dir = tmpDir('nginx');
	port = freePort();
	plain = freePort();
	selfSigned(`${dir}/tls`);
	procs = await startPrograms(`${dir}/sock`, 'nginx-system');
	writeConf();
	run('nginx', ['-t', '-q', '-p', dir, '-c', `${dir}/nginx.conf`, '-e', `${VAR}/log/nginx-system-error.log`]);
	run('nginx', ['-p', dir, '-c', `${dir}/nginx.conf`, '-e', `${VAR}/log/nginx-system-error.log`]);
	await waitHealthy(port, 'nginx');
});

test.after(async () => {
	const pid = (() => {
		try {
			return readFileSync(`${dir}/nginx.pid`, 'utf8').trim();
		} catch {
			return '';
		}
	})();
	if (pid) {
		spawnSync('kill', ['-QUIT', pid]);
		for (let i = 0; i < 50 && spawnSync('kill', ['-0', pid]).status === 0; i++)
			await sleep(100);
	}
	await stopPrograms(procs);
	cleanDir(dir);
});

test('plain HTTP is sent to HTTPS', async () => {
	const r = await new Promise((resolve, reject) => {
		http.get({ host: '127.0.0.1', port: plain, path: '/members?x=1' }, (res) => {
			res.resume();
			resolve(res);
		}).on('error', reject);
	});
	assert.equal(r.statusCode, 301);
	assert.equal(r.headers.location, 'https://weft.example.org/members?x=1');
});

test('the log-in page through the system nginx: the programs\' headers and HSTS', async () => {
	const r = await tls(port, '/login');
	assert.equal(r.status, 200);
	assert.ok(getCsrf(r.body));
	assertSecurityHeaders(r, 'GET /login');
	assert.equal(r.headers['strict-transport-security'], 'max-age=63072000');
	assert.equal(r.headers.server, 'nginx', 'server_tokens off: no version');
});

test('log in, logged-in pages of every program, a POST, log out: all through nginx/weft.conf', async () => {
	const jar = await tlsLogin(port, new Jar(), 'admin');
	const home = await tls(port, '/', { jar });
	assert.equal(home.status, 200);
	assert.match(mainText(home.body), /Ada Admin|admin/i);
	// Every prefix of every program of the manifest reaches its
	// program: its own page (200, or its 403 where the admin's roles do
	// not reach), never the server's 502/503 or account's 404.
	for (const path of PROGRAMS.flatMap((p) => p.prefixes).filter((x) => x !== '/')) {
		const r = await tls(port, path, { jar });
		assert.ok([200, 403].includes(r.status), `GET ${path}: ${r.status}`);
		assertSecurityHeaders(r, `GET ${path}`);
		assert.equal(r.headers['strict-transport-security'], 'max-age=63072000');
	}
	for (const path of ['/members', '/exchanges', '/ads'])
		assert.equal((await tls(port, path, { jar })).status, 200, `GET ${path}`);
	const csrf = getCsrf((await tls(port, '/me', { jar })).body);
	const out = await tls(port, '/logout', { jar, form: { csrf } });
	assert.equal(out.status, 303);
	assert.equal((await tls(port, '/members', { jar })).status, 303, 'logged out');
});

test('static files, and a body over 1 MB refused by nginx', async () => {
	const r = await tls(port, '/static/weft.css');
	assert.equal(r.status, 200);
	assert.match(r.headers['content-security-policy'], /default-src 'none'/);
	let status;
	try {
		status = (await tls(port, '/login', { body: 'x'.repeat(1100 * 1024) })).status;
	} catch (e) {
		assert.ok(e.early, e.message);
		status = 413;
	}
	assert.equal(status, 413);
});

test('log-in POSTs past the burst are nginx\'s 429, with Retry-After; GETs are not limited', async () => {
	const from = '127.0.0.91';
	const seen = [];
	for (let i = 0; i < 10; i++)
		seen.push(await tls(port, '/login', { localAddress: from, form: { username: 'nobody', password: 'x' } }));
	const limited = seen.filter((r) => r.status === 429);
	assert.ok(limited.length >= 3, `429s among ${seen.map((r) => r.status).join(' ')}`);
	assert.equal(limited[0].headers['retry-after'], '10');
	assert.match(limited[0].body, /Too many requests/);
	assert.equal((await tls(port, '/login', { localAddress: from })).status, 200, 'GET /login still answered');
});
