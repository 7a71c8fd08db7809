// The program manifest, cgi-bin/programs, against what runs: every program
// it lists is built, started by the stack (its master alive with the
// workers its row asks for, a FastCGI one listening on its socket), and
// reached through nginx at each of its prefixes, which a real request
// shows: nginx's access log (local.conf.in's "weft" format) names the
// socket that answered it.  Paths that no prefix claims, areas not built
// yet among them, go to the program that owns '/' and are its 404.  The
// production server block, nginx/weft.conf, must hold the locations the
// manifest gives (`make nginx-conf` writes them).  That every FastCGI
// program has its routes reviewed is the first test of routes.test.mjs.

import test from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { BIN, ROOT, VAR, conf, request } from './lib.mjs';
import { PROGRAMS, PROGRAMS_TOOL } from './programs.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const childrenOf = (pid) => {
	try {
		return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
		    .split('\n').filter(Boolean);
	} catch {
		return [];
	}
};

// The socket nginx passed the request for path to, from its access log:
// the request carries a token of its own, found in exactly one line.
async function answeredBy(path) {
	const res = await request(path);
	const log = `${VAR}/log/nginx-access.log`;
	// nginx writes the line as it finishes the request, which may be just
	// after the client has the answer.
	for (let i = 0; i < 20; i++) {
		const lines = readFileSync(log, 'utf8').split('\n')
		    .filter((l) => l.includes(` ${path} HTTP/`));
		if (lines.length === 1)
			return { status: res.status, upstream: lines[0].split(' ').pop() };
		assert.ok(lines.length === 0, `one access log line for ${path}: ${lines.join('\n')}`);
		await sleep(50);
	}
	assert.fail(`no access log line for ${path}`);
}

const socketOf = (name) => `unix:${VAR}/run/${name}.sock`;
const token = () => `manifest-probe-${randomBytes(6).toString('hex')}`;

test('every program of the manifest is built and started, with the workers of its row', () => {
	assert.ok(VAR && BIN, 'WEFT_VAR and WEFT_BIN are set');
	const problems = [];
	const override = Number(conf().workers) || 0;
	for (const p of PROGRAMS) {
		if (!existsSync(`${BIN}/${p.name}`)) {
			problems.push(`${p.name}: not built (${BIN}/${p.name})`);
			continue;
		}
		let pid = '';
		try {
			pid = readFileSync(`${VAR}/run/${p.name}.pid`, 'utf8').trim();
		} catch {
			problems.push(`${p.name}: not started (no ${VAR}/run/${p.name}.pid)`);
			continue;
		}
		let comm = '';
		try {
			comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
		} catch {
			// gone
		}
		if (comm !== p.name) {
			problems.push(`${p.name}: pid ${pid} of its pid file is ${comm ? `"${comm}"` : 'not running'}`);
			continue;
		}
		const want = override || p.workers;
		const workers = childrenOf(pid).length;
		if (workers !== want)
			problems.push(`${p.name}: ${workers} workers, want ${want}`);
		if (p.kind === 'fastcgi') {
			const sock = `${VAR}/run/${p.name}.sock`;
			if (!existsSync(sock) || !statSync(sock).isSocket())
				problems.push(`${p.name}: no socket ${sock}`);
		}
	}
	assert.deepEqual(problems, []);
});

test('nginx sends each prefix of the manifest to its program, and nothing else', async () => {
	const root = PROGRAMS.find((p) => p.prefixes.includes('/'));
	assert.ok(root, 'a program owns /');
	const problems = [];
	const expect = async (path, name, what) => {
		const got = await answeredBy(path);
		if (got.upstream !== socketOf(name))
			problems.push(`${what}: GET ${path} went to ${got.upstream}, want ${socketOf(name)}`);
		else if (got.status >= 500)
			problems.push(`${what}: GET ${path} answered ${got.status} by ${name}`);
		return got;
	};
	for (const p of PROGRAMS.filter((x) => x.kind === 'fastcgi')) {
		for (const prefix of p.prefixes) {
			const base = prefix === '/' ? '' : prefix;
			await expect(`${base}/${token()}`, p.name, `${p.name} ${prefix}`);
			if (prefix === '/')
				continue;
			await expect(`${prefix}?${token()}`, p.name, `${p.name} ${prefix} itself`);
			// A prefix is a whole segment: /membersx is not /members.
			await expect(`${prefix}${token()}`, root.name, `${prefix} followed by more letters`);
		}
	}
	// An area that is not built has no location: the root program's 404.
	for (const area of ['/broadcasts', '/payments', '/translations', '/site']) {
		if (PROGRAMS.some((p) => p.prefixes.includes(area)))
			continue;
		const got = await expect(`${area}/${token()}`, root.name, `${area} (not in the manifest)`);
		if (got.status !== 404)
			problems.push(`${area}: ${got.status}, want ${root.name}'s 404`);
	}
	assert.deepEqual(problems, []);
});

test('nginx/weft.conf holds the locations of the manifest (make nginx-conf) and keeps the /login limit', () => {
	const file = readFileSync(`${ROOT}/nginx/weft.conf`, 'utf8');
	const generated = execFileSync(PROGRAMS_TOOL, ['nginx', '/run/weft'],
	    { input: file, encoding: 'utf8', timeout: 20000 });
	assert.equal(file, generated, 'nginx/weft.conf is stale: run make nginx-conf');
	for (const p of PROGRAMS.filter((x) => x.kind === 'fastcgi'))
		assert.match(file, new RegExp(`fastcgi_pass unix:/run/weft/${p.name}\\.sock;`), `${p.name} has a location`);
	assert.match(file, /location = \/login \{\s*limit_req zone=weft_login burst=5 nodelay;/,
	    'the /login location keeps its rate limit');
});
