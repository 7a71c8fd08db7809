// Debian's Apache 2.4 with apache/weft.conf, the production site file,
// in front of weft's programs through their unix sockets (mod_proxy_fcgi),
// over TLS: the log-in page, a log-in, logged-in pages of each program, a
// POST, the static files and the limits.  The file is used as shipped;
// only what names the host is replaced (port, certificate, socket and
// static directories, log directory).  Apache runs as root with workers
// as www-data, which reaches the sockets as their group (hosting-lib.mjs).

import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ROOT, VAR, Jar, getCsrf, mainText, assertSecurityHeaders } from './lib.mjs';
import { FASTCGI, PROGRAMS } from './programs.mjs';
import { freePort, staticRoot, tmpDir, selfSigned, startPrograms, stopPrograms, waitHealthy,
    tls, tlsLogin, run, cleanDir, readFileSync, writeFileSync, sleep } from './hosting-lib.mjs';

const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';
const have = spawnSync(APACHE, ['-v']).status === 0;

let dir, port, procs, pid;

// The server-wide part a host's apache2.conf has, then the site as
// shipped, with the host's names replaced.
function writeConf() {
	const site = readFileSync(`${ROOT}/apache/weft.conf`, 'utf8')
	    .replace(/<VirtualHost \*:443>/, `<VirtualHost 127.0.0.1:${port}>`)
	    .replace(/\/run\/weft\//g, `${dir}/sock/`)
	    .replace(/\/etc\/ssl\/weft\//g, `${dir}/tls/`)
	    .replace(/\/usr\/local\/share\/weft\/templates/g, staticRoot(dir));
	assert.match(site, new RegExp(`<VirtualHost 127\\.0\\.0\\.1:${port}>`), 'the site has its TLS virtual host');
	writeFileSync(`${dir}/site.conf`, site);
	const mods = ['mpm_event', 'authz_core', 'mime', 'alias', 'headers', 'proxy',
	    'proxy_fcgi', 'socache_shmcb', 'ssl', 'http2', 'reqtimeout', 'setenvif',
	    'deflate', 'filter'];
	writeFileSync(`${dir}/httpd.conf`, [
		`ServerRoot ${dir}`,
		`PidFile ${dir}/apache.pid`,
		`DefaultRuntimeDir ${dir}`,
		`Mutex file:${dir} default`,
		`Listen 127.0.0.1:${port}`,
		'ServerName 127.0.0.1',
		'User www-data',
		'Group www-data',
		`Define APACHE_LOG_DIR ${VAR}/log/apache`,
		`ErrorLog ${VAR}/log/apache/error.log`,
		'LogLevel warn',
		...mods.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
		'TypesConfig /etc/mime.types',
		'LogFormat "%h %l %u %t \\"%r\\" %>s %O \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined',
		'StartServers 1',
		`Include ${dir}/site.conf`,
		'',
	].join('\n'));
}

test.before(async () => {
	if (!have)
		return;
	dir = tmpDir('apache');
	port = freePort();
	selfSigned(`${dir}/tls`);
	run('mkdir', ['-p', `${VAR}/log/apache`]);
	procs = await startPrograms(`${dir}/sock`, 'apache');
	writeConf();
	run(APACHE, ['-t', '-f', `${dir}/httpd.conf`]);
	run(APACHE, ['-k', 'start', '-f', `${dir}/httpd.conf`]);
	await waitHealthy(port, 'apache2');
	pid = readFileSync(`${dir}/apache.pid`, 'utf8').trim();
});

test.after(async () => {
	if (!have)
		return;
	if (pid) {
		spawnSync(APACHE, ['-k', 'stop', '-f', `${dir}/httpd.conf`]);
		for (let i = 0; i < 50 && spawnSync('kill', ['-0', pid]).status === 0; i++)
			await sleep(100);
	}
	await stopPrograms(procs);
	cleanDir(dir);
});

test('apache2 is installed (make deps)', () => {
	assert.ok(have, `${APACHE} is missing: make deps installs Debian's apache2`);
});

test('apache/weft.conf holds the locations of the manifest (make apache-conf)', () => {
	const file = readFileSync(`${ROOT}/apache/weft.conf`, 'utf8');
	const generated = run(`${ROOT}/tools/weft-programs`, ['apache', '/run/weft'], { input: file });
	assert.equal(file, generated, 'apache/weft.conf is stale: run make apache-conf');
	for (const name of FASTCGI)
		assert.match(file, new RegExp(`unix:/run/weft/${name}\\.sock\\|fcgi://`), `a ProxyPass to ${name}`);
});

test('the log-in page through Apache: the programs\' headers, HSTS, no version', { skip: !have }, async () => {
	const r = await tls(port, '/login');
	assert.equal(r.status, 200);
	assert.ok(getCsrf(r.body), 'the form has its csrf field');
	assertSecurityHeaders(r, 'GET /login');
	assert.equal(r.headers['strict-transport-security'], 'max-age=63072000');
	assert.equal(r.headers.server, 'Apache', 'ServerTokens Prod: no version');
	assert.match(r.setCookies.join('\n'), /__Host-weft-csrf=[^;]+;.*Secure/i,
	    'over TLS the CSRF cookie is the __Host- one');
});

test('log in, logged-in pages of every program, a POST, log out: all through Apache', { skip: !have }, async () => {
	const jar = await tlsLogin(port, new Jar(), 'admin');
	const home = await tls(port, '/', { jar });
	assert.equal(home.status, 200);
	assert.match(mainText(home.body), /Ada Admin|admin/i, 'the home page is the admin\'s');
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
	// A query string reaches the program (the member list's search).
	const q = await tls(port, '/members?q=alice', { jar });
	assert.equal(q.status, 200);
	assert.match(q.body, /alice/i);
	// A POST of a form with a body: the CSRF token of the session.
	const csrf = getCsrf((await tls(port, '/me', { jar })).body);
	assert.ok(csrf);
	const out = await tls(port, '/logout', { jar, form: { csrf } });
	assert.equal(out.status, 303, `POST /logout: ${out.status}`);
	const after = await tls(port, '/members', { jar });
	assert.equal(after.status, 303, 'logged out: the member list sends to log-in');
	assert.match(after.location || '', /\/login/);
});

test('a POST without the CSRF token is refused by the program behind Apache', { skip: !have }, async () => {
	const r = await tls(port, '/login', { form: { username: 'admin', password: 'x' } });
	assert.equal(r.status, 403);
});

test('prefixes as nginx has them: /membership is account\'s 404, not members\'', { skip: !have }, async () => {
	const r = await tls(port, '/membership');
	assert.equal(r.status, 404);
	assertSecurityHeaders(r, 'GET /membership');
});

test('static files with their own security headers', { skip: !have }, async () => {
	const r = await tls(port, '/static/weft.css');
	assert.equal(r.status, 200);
	assert.match(r.headers['content-type'], /text\/css/);
	assert.match(r.headers['content-security-policy'], /default-src 'none'/);
	assert.equal(r.headers['x-content-type-options'], 'nosniff');
	assert.equal(r.headers['strict-transport-security'], 'max-age=63072000');
	const gz = await tls(port, '/static/weft.css', { headers: { 'Accept-Encoding': 'gzip' } });
	assert.equal(gz.headers['content-encoding'], 'gzip', 'static files are compressed');
	const page = await tls(port, '/login', { headers: { 'Accept-Encoding': 'gzip' } });
	assert.equal(page.headers['content-encoding'], undefined, 'pages are not (BREACH)');
	const icon = await tls(port, '/favicon.ico');
	assert.equal(icon.status, 200);
	assert.match(icon.headers['content-type'], /image\/(x-icon|vnd\.microsoft\.icon)/);
	assert.equal(icon.headers['x-content-type-options'], 'nosniff');
});

test('a body over 1 MB is refused by Apache before any program reads it', { skip: !have }, async () => {
	let status;
	try {
		status = (await tls(port, '/login', { body: 'x'.repeat(1100 * 1024) })).status;
	} catch (e) {
		assert.ok(e.early, `the request failed: ${e.message}`);
		status = 413;
	}
	assert.equal(status, 413);
});

test('a program that is not running is a 503 from Apache, the others still answer', { skip: !have }, async () => {
	const members = procs.find((p) => p.name === 'members');
	await stopPrograms([members]);
	const r = await tls(port, '/members');
	assert.equal(r.status, 503);
	assert.equal((await tls(port, '/login')).status, 200);
});
