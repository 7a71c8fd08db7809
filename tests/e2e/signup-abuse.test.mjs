// Signup is not a free CPU sink (issue 15, 6): a taken username is refused
// before the password is hashed, applications are counted per client
// address (in the program, and nginx limits the posts), a second waiting
// application with the same e-mail is refused, and /login stays fast while
// an address is being held back.  Each test comes from its own loopback
// addresses (127.0.0.3x-4x), so that what it counts throttles no other test.

import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import http from 'node:http';
import {
	Jar, PASSWORD, ROOT, confNum, get, getCsrf, loginAttempt, request, sql,
	text,
} from './lib.mjs';

const ADDRESS_MAX = confNum('signup_address_max', 5);
const WINDOW_S = confNum('signup_window_s', 3600);
const TAG = `sa${process.pid % 100000}`;
let serial = 0;

// A valid application: a fresh username and e-mail unless given.
function application(over = {}) {
	const n = `${TAG}x${serial++}`;
	return {
		username: n,
		name: 'Signup Abuse',
		email: `${n}@example.org`,
		password: 'A-long-enough-password-' + n,
		password2: 'A-long-enough-password-' + n,
		community: '',
		about: '',
		...over,
		...(over.password ? { password2: over.password } : {}),
	};
}

// GET /signup for the CSRF cookie, then POST the application, both from
// addr.  Resolves the POST's response with its duration in ms.
async function signup(addr, fields) {
	const jar = new Jar();
	const page = await get('/signup', jar, { localAddress: addr });
	assert.equal(page.status, 200, `GET /signup from ${addr}: ${page.status}`);
	const t0 = process.hrtime.bigint();
	const r = await request('/signup', {
		jar,
		localAddress: addr,
		form: { csrf: getCsrf(page.body), ...fields },
	});
	r.ms = Number(process.hrtime.bigint() - t0) / 1e6;
	return r;
}

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const members = (where) => Number(sql(`SELECT COUNT(*) FROM members WHERE ${where}`)[0][0]);

function assertApplied(r, fields, what) {
	assert.equal(r.status, 303, `${what}: 303 (got ${r.status}: ${text(r.body).slice(0, 300)})`);
	assert.equal(members(`username = '${fields.username}' AND status = 'applying'`), 1,
	    `${what}: one applying member`);
}

function assertThrottled(r, fields, what) {
	assert.equal(r.status, 429, `${what}: 429 (got ${r.status}: ${text(r.body).slice(0, 300)})`);
	const ra = r.headers['retry-after'];
	assert.match(ra || '', /^[1-9][0-9]*$/, `${what}: Retry-After in seconds`);
	assert.ok(Number(ra) <= WINDOW_S, `${what}: Retry-After ${ra} within the window`);
	assert.match(text(r.body), /too many applications/i, `${what}: the page says why`);
	assert.match(r.headers['content-type'] || '', /text\/html/, `${what}: weft's page, not nginx's`);
	assert.equal(members(`username = '${fields.username}'`), 0, `${what}: nobody created`);
}

test('a taken username is refused with its message and costs no password hash', async (t) => {
	const addr = '127.0.0.31';
	const fresh = [];
	for (let i = 0; i < 3; i++) {
		const f = application();
		const r = await signup(addr, f);
		assertApplied(r, f, `fresh application ${i + 1}`);
		fresh.push(r.ms);
	}
	const taken = [];
	for (let i = 0; i < 5; i++) {
		const f = application({ username: 'alice' });
		const r = await signup(addr, f);
		assert.equal(r.status, 422, `taken username: ${r.status}`);
		assert.match(r.body, /id="username-error"[^>]*>[^<]*username is taken/i,
		    'the message is on the username field');
		assert.match(r.body, new RegExp(`value="${f.email}"`), 'what was typed is kept');
		taken.push(r.ms);
	}
	assert.equal(members(`email LIKE '${TAG}%' AND username = 'alice'`), 0);
	// argon2id at the configured cost (19 MiB) dominates an application
	// that is hashed; without the hash a refusal is a few statements.
	const summary = `median: fresh application ${median(fresh).toFixed(1)} ms, ` +
	    `taken username ${median(taken).toFixed(1)} ms`;
	t.diagnostic(summary);
	assert.ok(median(taken) < median(fresh) * 0.5, summary);
});

test(`an address is held back after ${ADDRESS_MAX} applications, with Retry-After and a page that says why`, async () => {
	const addr = '127.0.0.32';
	for (let i = 0; i < ADDRESS_MAX; i++) {
		const f = application();
		assertApplied(await signup(addr, f), f, `application ${i + 1} of ${ADDRESS_MAX}`);
	}
	const f = application();
	const r = await signup(addr, f);
	assertThrottled(r, f, `application ${ADDRESS_MAX + 1}`);
	assert.match(r.body, /<form method="post" action="\/signup">/, 'the form is still there');
	// Held back before the username is looked at: a taken one is 429 too.
	assertThrottled(await signup(addr, application({ username: 'alice' })),
	    { username: 'nobody-at-all' }, 'a taken username from a held-back address');
	// Another address applies at once.
	const g = application();
	assertApplied(await signup('127.0.0.33', g), g, 'from another address');
});

test('only applications that reach the hash are counted: form errors and taken usernames are not', async () => {
	const bad = '127.0.0.34';
	for (let i = 0; i <= ADDRESS_MAX; i++) {
		const r = await signup(bad, application({ password: 'short', password2: 'short' }));
		assert.equal(r.status, 422, `bad form ${i + 1}: ${r.status}`);
	}
	const f = application();
	assertApplied(await signup(bad, f), f, `after ${ADDRESS_MAX + 1} bad forms`);

	const tk = '127.0.0.35';
	for (let i = 0; i <= ADDRESS_MAX; i++) {
		const r = await signup(tk, application({ username: 'bob' }));
		assert.equal(r.status, 422, `taken username ${i + 1}: ${r.status}`);
	}
	const g = application();
	assertApplied(await signup(tk, g), g, `after ${ADDRESS_MAX + 1} taken usernames`);
});

test('a second waiting application with the same e-mail is refused, whatever its case', async () => {
	const addr = '127.0.0.36';
	const first = application();
	assertApplied(await signup(addr, first), first, 'first application');
	const mixed = first.email.replace(/^./, (c) => c.toUpperCase()).replace('example.org', 'Example.ORG');
	for (const email of [first.email, first.email.toUpperCase(), mixed]) {
		const again = application({ email });
		const r = await signup(addr, again);
		assert.equal(r.status, 422, `same e-mail (${email}): ${r.status} ${text(r.body).slice(0, 200)}`);
		assert.match(r.body, /id="email-error"[^>]*>[^<]*already waiting for a coordinator/i,
		    'the message is on the e-mail field');
		assert.equal(members(`username = '${again.username}'`), 0, 'nobody created');
	}
	assert.equal(members(`email = '${first.email}'`), 1, 'one application with this e-mail');

	// Only waiting applications count (see below): once the first is
	// approved, the same e-mail may apply again.
	sql(`UPDATE members SET status = 'approved' WHERE username = '${first.username}'`);
	const after = application({ email: first.email });
	assertApplied(await signup(addr, after), after, 'same e-mail once the first is approved');
});

// Whether an e-mail belongs to a member is not a visitor's to learn, and
// households and angels share e-mails: only waiting applications count.
test('an approved member\'s e-mail is not refused (the form does not tell who is a member)', async () => {
	const email = sql(`SELECT email FROM members WHERE username = 'alice'`)[0][0];
	const f = application({ email });
	assertApplied(await signup('127.0.0.37', f), f, 'application with alice\'s e-mail');
});

// ---- nginx --------------------------------------------------------------

function nginxFile(name) {
	return readFileSync(`${ROOT}/nginx/${name}`, 'utf8');
}

// The lines of a block of conf that starts with a line matching re, up
// to its closing brace (or the one line when it is not a block); comments
// and indentation out.
function confLines(conf, re) {
	const lines = conf.split('\n').map((l) => l.replace(/#.*/, '').trim().replace(/\s+/g, ' '));
	const i = lines.findIndex((l) => re.test(l));
	if (i < 0)
		return [];
	if (!lines[i].endsWith('{'))
		return [lines[i]];
	const end = lines.indexOf('}', i);
	return lines.slice(i, end + 1).filter((l) => l !== '');
}

function signupLocation(conf) {
	const m = conf.match(/location = \/signup \{([^}]*)\}/);
	return m ? m[1] : '';
}

test('both nginx configurations limit POST /signup with the same zone, keyed by the /64', () => {
	const prod = nginxFile('weft.conf');
	const local = nginxFile('local.conf.in');
	const net = /^map \$remote_addr \$weft_client_net /;
	const zone = /^limit_req_zone \$weft_signup_limit_key /;
	const key = /^map (\S+|"[^"]*") \$weft_signup_limit_key /;
	assert.ok(confLines(prod, net).length > 3, 'production maps the client network');
	assert.match(confLines(prod, zone)[0] || '', /^limit_req_zone \$weft_signup_limit_key zone=weft_signup:\S+ rate=\d+r\/m;$/,
	    'production declares the weft_signup zone');
	assert.deepEqual(confLines(local, net), confLines(prod, net), 'the local template maps the network alike');
	assert.deepEqual(confLines(local, zone), confLines(prod, zone), 'and has the same zone');
	// Production: every POST by its network, nothing else.
	assert.deepEqual(confLines(prod, key), ['map $request_method $weft_signup_limit_key {',
	    'POST $weft_client_net;', 'default "";', '}']);
	// Local: the same, but the tests' own 127.0.0.1 is not limited.
	assert.deepEqual(confLines(local, key), ['map "$request_method $remote_addr" $weft_signup_limit_key {',
	    '"POST 127.0.0.1" "";', '"~^POST " $weft_client_net;', 'default "";', '}']);
	const burst = (conf) => (signupLocation(conf).match(/limit_req zone=weft_signup burst=(\d+) nodelay;/) || [])[1];
	assert.ok(burst(prod), 'production limits /signup');
	assert.equal(burst(local), burst(prod), 'with the burst of the local template');
	for (const [name, conf] of [['weft.conf', prod], ['local.conf.in', local]]) {
		const loc = signupLocation(conf);
		assert.match(loc, /limit_req_status 429;/, `${name}: with 429`);
		assert.match(loc, /fastcgi_pass unix:\S+\/account\.sock;/, `${name}: to account`);
		assert.match(conf, /error_page 429 @throttled;/, `${name}: nginx's 429 says why`);
	}
});

test('nginx answers 429 to an address that posts /signup too fast, not to its GETs or to others', async () => {
	const addr = '127.0.0.38';
	const statuses = [];
	let nginx = null;
	for (let i = 0; i < 40 && nginx === null; i++) {
		// A form error: the program answers 422 and counts nothing, so a
		// 429 here is nginx's.
		const r = await signup(addr, application({ password: 'short', password2: 'short' }));
		statuses.push(r.status);
		if (r.status === 429)
			nginx = r;
	}
	assert.ok(nginx, `a 429 within 40 fast posts (got ${statuses.join(' ')})`);
	assert.ok(statuses.filter((s) => s === 422).length >= 5, `a few posts pass first: ${statuses.join(' ')}`);
	assert.match(nginx.headers['retry-after'] || '', /^[1-9][0-9]*$/, 'nginx says when to retry');
	assert.match(text(nginx.body), /too many requests/i, 'and why');
	assert.equal((await get('/signup', new Jar(), { localAddress: addr })).status, 200,
	    'the form itself is still served');
	const r = await signup('127.0.0.39', application({ password: 'short', password2: 'short' }));
	assert.equal(r.status, 422, 'another address is not limited');
});

function freePort() {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

// The 8 groups of an IPv6 address in full, and the ways nginx may write it:
// the longest run of zero groups as "::" (the first of equal runs, a run
// of one too), or none when there is no zero group.
function ipv6Forms(groups) {
	const hex = groups.map((g) => g.toString(16));
	const forms = new Set();
	let best = null;
	for (let i = 0; i < 8; i++) {
		if (groups[i] !== 0)
			continue;
		let j = i;
		while (j < 8 && groups[j] === 0)
			j++;
		if (best === null || j - i > best[1] - best[0])
			best = [i, j];
		// Every run as "::": whichever nginx picks, the key must not change.
		forms.add(`${hex.slice(0, i).join(':')}::${hex.slice(j).join(':')}`);
		i = j;
	}
	if (best === null)
		forms.add(hex.join(':'));
	return [...forms];
}

test('the nginx map keys every IPv6 address by its /64, however it is written, and IPv4 as it is', async (t) => {
	const nginxBin = ['/usr/sbin/nginx', 'nginx'].find((b) =>
	    spawnSync(b, ['-v']).status === 0);
	assert.ok(nginxBin, 'nginx is installed');
	// The production map, fed from a request header instead of the
	// client address, answered back by a throwaway nginx.
	const prod = nginxFile('weft.conf');
	const map = prod.match(/map \$remote_addr \$weft_client_net \{[\s\S]*?\n\s*\}/);
	assert.ok(map, 'nginx/weft.conf maps $remote_addr to $weft_client_net');
	const dir = mkdtempSync(`${tmpdir()}/weft-nginx-map.`);
	t.after(() => rmSync(dir, { recursive: true, force: true }));
	mkdirSync(`${dir}/tmp`);
	const port = await freePort();
	writeFileSync(`${dir}/nginx.conf`, `
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
worker_processes 1;
events { worker_connections 64; }
http {
	access_log off;
	client_body_temp_path ${dir}/tmp;
	fastcgi_temp_path ${dir}/tmp;
	proxy_temp_path ${dir}/tmp;
	scgi_temp_path ${dir}/tmp;
	uwsgi_temp_path ${dir}/tmp;
	${map[0].replace('map $remote_addr', 'map $http_x_addr').replace(/default\s+\$remote_addr;/, 'default $http_x_addr;')}
	server {
		listen 127.0.0.1:${port};
		location / { return 200 "$weft_client_net"; }
	}
}
`);
	const ngx = spawn(nginxBin, ['-p', dir, '-c', `${dir}/nginx.conf`, '-e', `${dir}/error.log`],
	    { stdio: 'ignore' });
	t.after(() => ngx.kill('SIGTERM'));
	const ask = (addr) => new Promise((resolve, reject) => {
		const req = http.get({ host: '127.0.0.1', port, path: '/', headers: { 'X-Addr': addr } }, (res) => {
			let b = '';
			res.on('data', (d) => b += d);
			res.on('end', () => resolve(b));
		});
		req.on('error', reject);
	});
	for (let i = 0; ; i++) {
		try {
			await ask('192.0.2.1');
			break;
		} catch (e) {
			assert.ok(i < 50, `the throwaway nginx answers: ${e.message}`);
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	for (const v4 of ['192.0.2.1', '203.0.113.77', '127.0.0.1', '::ffff:192.0.2.1'])
		assert.equal(await ask(v4), v4, `${v4} is its own key`);
	// Zero groups in every place of the prefix and of the interface part.
	const patterns = [];
	for (let bits = 0; bits < 256; bits++)
		patterns.push([...Array(8)].map((_, i) => (bits >> i) & 1 ? 0 : 0x1000 + i * 0x111 + bits));
	patterns.push([0, 0, 0, 0, 0, 0, 0, 1], [0x2001, 0xdb8, 0, 0, 0, 0, 0, 0], [0xfe80, 0, 0, 0, 0xab, 0, 0, 0]);
	const seen = new Map();
	for (const g of patterns) {
		const want = g.slice(0, 4).map((x) => x.toString(16)).join(':');
		for (const form of ipv6Forms(g)) {
			const got = await ask(form);
			assert.equal(got, want, `${form} is keyed by its /64`);
		}
		seen.set(want, (seen.get(want) || 0) + 1);
	}
	assert.ok(seen.size > 16, 'different /64s get different keys');
});

// ---- /login under a signup flood --------------------------------------

test('/login stays fast while an address floods /signup and is held back', async (t) => {
	const flood = '127.0.0.40';
	const member = '127.0.0.41';
	// The flooding address uses up its applications first.
	for (let i = 0; i < ADDRESS_MAX; i++) {
		const f = application();
		const r = await signup(flood, f);
		assert.ok([303, 429].includes(r.status), `application ${i + 1}: ${r.status}`);
	}
	const loginMs = async () => {
		const t0 = process.hrtime.bigint();
		const { res } = await loginAttempt('erin', PASSWORD, { localAddress: member });
		assert.equal(res.status, 303, 'erin logs in');
		return Number(process.hrtime.bigint() - t0) / 1e6;
	};
	const quiet = [];
	for (let i = 0; i < 3; i++)
		quiet.push(await loginMs());

	// 8 clients posting valid applications as fast as they are answered,
	// as the review did; each would cost an argon2 hash if let through.
	let stop = false;
	const answered = {};
	const loop = async () => {
		while (!stop) {
			try {
				const r = await signup(flood, application());
				answered[r.status] = (answered[r.status] || 0) + 1;
			} catch (e) {
				answered.error = (answered.error || 0) + 1;
			}
			await new Promise((r) => setTimeout(r, 10));
		}
	};
	const loops = [...Array(8)].map(loop);
	await new Promise((r) => setTimeout(r, 300));
	const busy = [];
	try {
		for (let i = 0; i < 5; i++)
			busy.push(await loginMs());
	} finally {
		stop = true;
		await Promise.all(loops);
	}
	const q = median(quiet);
	const b = median(busy);
	const summary = `log-in ${q.toFixed(0)} ms quiet, ${b.toFixed(0)} ms during the flood; ` +
	    `flood answers ${JSON.stringify(answered)}`;
	t.diagnostic(summary);
	assert.ok((answered[303] || 0) === 0, `no application from the held-back address got through: ${summary}`);
	assert.ok(b < q * 2.5 + 50, summary);
});
