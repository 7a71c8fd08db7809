// Two app hosts behind one upstream (docs/scaling.md): the programs keep
// no state of their own, so two sets of them, each in a network namespace
// this test makes (a veth pair each; its traffic goes only to the
// addresses inside them), serve one timebank: FastCGI over TCP, one nginx
// upstream per program, one database (the stack's MariaDB, over its unix
// socket, which a network namespace does not hide).  Eight members read
// pages and record exchanges; host A is lost mid-run (its link goes down
// and every process of it is killed).  GETs fail over to B; a POST that
// failed is sent again with the same one-time key, and records one
// exchange; every exchange answered 303 is there once; the ledger is exact.
// The namespaces and links are removed at the end.

import test from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { ROOT, BIN, Client, csrfOf, makeMembers, rootSql, sleep, startStack } from './lib.mjs';

const CLIENTS = 8;
const tag = (process.pid % 9000) + 1000;
const HOSTS = [
	{ name: 'a', ns: `weft-a${tag}`, hostIf: `wfa${tag}h`, nsIf: `wfa${tag}n`, net: 1 },
	{ name: 'b', ns: `weft-b${tag}`, hostIf: `wfb${tag}h`, nsIf: `wfb${tag}n`, net: 2 },
];
const subnet = (h) => `10.${77 + (tag % 50)}.${h.net}`;
const PORTS = {};

function ip(...args) {
	execFileSync('ip', args, { stdio: 'pipe' });
}

function makeHost(h) {
	ip('netns', 'add', h.ns);
	ip('link', 'add', h.hostIf, 'type', 'veth', 'peer', 'name', h.nsIf);
	ip('link', 'set', h.nsIf, 'netns', h.ns);
	ip('addr', 'add', `${subnet(h)}.1/30`, 'dev', h.hostIf);
	ip('link', 'set', h.hostIf, 'up');
	ip('netns', 'exec', h.ns, 'ip', 'addr', 'add', `${subnet(h)}.2/30`, 'dev', h.nsIf);
	ip('netns', 'exec', h.ns, 'ip', 'link', 'set', h.nsIf, 'up');
	ip('netns', 'exec', h.ns, 'ip', 'link', 'set', 'lo', 'up');
}

function removeHost(h) {
	spawnSync('ip', ['netns', 'del', h.ns]);
	spawnSync('ip', ['link', 'del', h.hostIf]);
}

// Every fastcgi program on the host, on TCP, taking connections from the
// host side of its link only (FCGI_WEB_SERVER_ADDRS).
async function startPrograms(stack, h, programs) {
	h.procs = [];
	for (const [i, name] of programs.entries()) {
		PORTS[name] = 9001 + i;
		const log = openSync(`${stack.dir}/log/host-${h.name}-${name}.log`, 'a');
		const p = spawn('ip', ['netns', 'exec', h.ns, `${BIN}/${name}`, '-c', stack.conf,
		    '-s', `${subnet(h)}.2:${PORTS[name]}`, '-n', '2'], { stdio: ['ignore', log, log],
		    env: { ...process.env, FCGI_WEB_SERVER_ADDRS: `${subnet(h)}.1`,
		    ASAN_OPTIONS: `detect_leaks=0:abort_on_error=0:log_path=${stack.dir}/log/asan` } });
		closeSync(log);
		h.procs.push(p);
	}
	for (let i = 0; i < 100; i++) {
		const out = execFileSync('ip', ['netns', 'exec', h.ns, 'ss', '-Hltn'], { encoding: 'utf8' });
		if (programs.every((n) => out.includes(`${subnet(h)}.2:${PORTS[n]}`)))
			return;
		await sleep(100);
	}
	throw new Error(`host ${h.name}: the programs did not listen`);
}

// sig to every process of the host we started: the masters and their
// workers, by pid.
function signalHost(h, sig) {
	for (const p of h.procs || []) {
		const kids = spawnSync('pgrep', ['-P', String(p.pid)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
		for (const pid of [p.pid, ...kids.map(Number)])
			try {
				process.kill(pid, sig);
			} catch { /* gone */ }
	}
}

// The host lost: its link down, then every process of it killed.
function loseHost(h) {
	ip('netns', 'exec', h.ns, 'ip', 'link', 'set', h.nsIf, 'down');
	signalHost(h, 'SIGKILL');
}

// The stack's own nginx.conf, with one upstream per program over both
// hosts instead of the unix sockets, on a port of its own.
function lbConf(stack, programs, port) {
	let c = readFileSync(`${stack.dir}/nginx/nginx.conf`, 'utf8');
	c = c.replace(/listen 127\.0\.0\.1:\d+;/, `listen 127.0.0.1:${port};`)
	    .replace(/nginx\/nginx\.pid/, 'nginx/lb.pid')
	    .replace(/log\/nginx-(error|access)\.log/g, 'log/lb-$1.log')
	    .replace(/nginx\/tmp\//g, 'nginx/tmp-lb/');
	for (const name of programs)
		c = c.replaceAll(`fastcgi_pass unix:${stack.dir}/run/${name}.sock;`, `fastcgi_pass weft_${name};`);
	const ups = programs.map((name) => `	upstream weft_${name} {\n` +
	    HOSTS.map((h) => `		server ${subnet(h)}.2:${PORTS[name]} max_fails=1 fail_timeout=30s;\n`).join('') +
	    '	}\n').join('');
	c = c.replace(/http \{\n/, `http {\n${ups}	fastcgi_connect_timeout 1s;\n	fastcgi_read_timeout 10s;\n` +
	    '	fastcgi_next_upstream error timeout;\n');
	assert.doesNotMatch(c, /fastcgi_pass unix:/, 'every location goes to an upstream');
	writeFileSync(`${stack.dir}/nginx/lb.conf`, c);
}

async function client(c, others, state) {
	let i = 0;
	while (!state.stop) {
		const other = others[i++ % others.length];
		if (i % 2) {
			const t0 = Date.now();
			let r;
			try {
				r = await c.http.req(i % 4 === 1 ? '/' : '/exchanges');
			} catch (e) {
				r = { status: e.message };
			}
			state.gets++;
			state.maxAfterKill = state.killedAt ? Math.max(state.maxAfterKill, Date.now() - t0) : 0;
			if (r.status !== 200)
				state.getFailures.push(`${c.me}: GET ${r.status}`);
			continue;
		}
		const key = randomBytes(32).toString('hex');
		const form = { csrf: c.csrf, form_key: key, provider: other, recipient: c.me, hours: '0.25',
		    service_date: new Date().toISOString().slice(0, 10), description: 'two hosts' };
		for (let tries = 1; ; tries++) {
			let r;
			try {
				r = await c.http.req('/exchanges/new', { form });
			} catch (e) {
				r = { status: e.message };
			}
			state.posts++;
			const m = r.status === 303 && (r.location || '').match(/^\/exchanges\/(\d+)$/);
			if (m) {
				state.answered.set(key, Number(m[1]));
				if (tries > 1)
					state.resentOk++;
				break;
			}
			state.postFailures.push(`${c.me}: POST ${r.status}`);
			if (tries >= 10)
				break;
			await sleep(200);
		}
	}
}

test('two app hosts behind one upstream: one is lost mid-load, GETs fail over, POSTs resent once, the ledger exact', async () => {
	const programs = execFileSync(`${ROOT}/tools/weft-programs`, ['names', 'fastcgi'], { encoding: 'utf8' })
	    .split('\n').filter(Boolean);
	let stack, lbPort;
	try {
		stack = startStack('apps', { demo: true });
		for (const h of HOSTS) {
			makeHost(h);
			await startPrograms(stack, h, programs);
		}
		lbPort = execFileSync(`${ROOT}/tools/weft-stack`, ['free-port'], { encoding: 'utf8' }).trim();
		lbConf(stack, programs, lbPort);
		execFileSync('mkdir', ['-p', `${stack.dir}/nginx/tmp-lb`]);
		execFileSync('nginx', ['-p', `${stack.dir}/nginx`, '-c', `${stack.dir}/nginx/lb.conf`,
		    '-e', `${stack.dir}/log/lb-error.log`]);
		const base = `http://127.0.0.1:${lbPort}`;
		for (let i = 0; i < 50; i++) {
			try {
				if ((await fetch(`${base}/healthz`)).status === 200)
					break;
			} catch { /* not yet */ }
			await sleep(100);
		}
		const names = makeMembers(stack, `host${tag}m`, CLIENTS);
		const clients = [];
		for (const me of names) {
			const http = await new Client(base).login(me, stack.password);
			clients.push({ me, http, csrf: csrfOf((await http.req('/exchanges/new')).body) });
		}
		// Both hosts answer before the loss.
		const seenBefore = readFileSync(`${stack.dir}/log/lb-access.log`, 'utf8');
		for (const h of HOSTS)
			assert.match(seenBefore, new RegExp(`${subnet(h).replace(/\./g, '\\.')}\\.2:`), `host ${h.name} served requests`);

		const state = { stop: false, gets: 0, posts: 0, getFailures: [], postFailures: [], answered: new Map(),
		    resentOk: 0, killedAt: 0, maxAfterKill: 0 };
		const load = clients.map((c) => client(c, names.filter((n) => n !== c.me), state));
		await sleep(3000);
		const before = { gets: state.gets, posts: state.posts };
		loseHost(HOSTS[0]);
		state.killedAt = Date.now();
		await sleep(4000);
		state.stop = true;
		await Promise.all(load);

		assert.deepEqual(state.getFailures, [], 'every GET was answered (failed over to host b)');
		// Every key answered 303 is one exchange, with the id it was
		// answered with; no key twice; nothing recorded without an answer.
		const rows = rootSql(stack, `SELECT form_key, id FROM exchanges WHERE description = 'two hosts'`);
		assert.equal(rows.length, state.answered.size, 'one exchange per key answered 303, none lost, none unanswered');
		for (const [key, id] of rows)
			assert.equal(state.answered.get(key), Number(id), `key ${key.slice(0, 8)}: the exchange it was answered with`);
		assert.deepEqual(rootSql(stack, 'SELECT COALESCE(SUM(hundredths), 0) FROM balances'), [['0']]);
		assert.deepEqual(rootSql(stack, `SELECT b.member_id FROM balances b LEFT JOIN (SELECT m, SUM(h) AS t FROM (
		    SELECT provider_id AS m, hundredths AS h FROM exchanges UNION ALL
		    SELECT recipient_id, -hundredths FROM exchanges) u GROUP BY m) s ON s.m = b.member_id
		    WHERE b.hundredths <> COALESCE(s.t, 0)`), [], 'every balance equals its statement');
		console.log(`# two app hosts: ${before.gets} GETs and ${before.posts} POSTs before host a was lost, ` +
		    `${state.gets} and ${state.posts} in all; GETs failed: ${state.getFailures.length}; ` +
		    `POSTs failed then resent: ${state.postFailures.length} (${state.resentOk} recorded on a resend); ` +
		    `slowest request after the loss: ${state.maxAfterKill} ms; exchanges: ${rows.length}`);
	} finally {
		const pid = (() => {
			try {
				return Number(readFileSync(`${stack.dir}/nginx/lb.pid`, 'utf8'));
			} catch {
				return 0;
			}
		})();
		if (pid)
			try {
				process.kill(pid, 'SIGTERM');
			} catch { /* gone */ }
		for (const h of HOSTS) {
			signalHost(h, 'SIGTERM');
			removeHost(h);
		}
		await sleep(300);
		stack?.stop();
	}
});
