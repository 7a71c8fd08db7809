// `make install`: into a DESTDIR as a packager does it, and into a PREFIX
// of its own whose systemd units systemd itself then checks
// (systemd-analyze verify, and its hardening score); then the first
// admin of docs/deploy.md, made by the installed weft-admin, logs in and
// holds the Admin Coordinator role.  The install is of the sanitizer
// build the suite runs (INSTALL_FROM), so no release build is made here.

import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ROOT, BIN, VAR, sql, login, get, mainText } from './lib.mjs';
import { PROGRAMS, FASTCGI } from './programs.mjs';
import { tmpDir, run, cleanDir } from './hosting-lib.mjs';

const TOOLS = ['weft-admin', 'weft-migrate', 'weft-passwd', 'weft-backup'];
let dest, pfx;

function make(...vars) {
	return run('make', ['-s', '-C', ROOT, 'install', `INSTALL_FROM=${BIN}`, ...vars],
	    { timeout: 120000 });
}

test.before(() => {
	dest = tmpDir('destdir');
	pfx = tmpDir('prefix');
	make(`DESTDIR=${dest}`, 'PREFIX=/usr');
	make(`PREFIX=${pfx}`);
});

test.after(() => {
	cleanDir(dest);
	cleanDir(pfx);
});

test('DESTDIR: everything under DESTDIR, in its place for PREFIX=/usr', () => {
	const d = `${dest}/usr`;
	for (const p of PROGRAMS)
		assert.ok(statSync(`${d}/lib/weft/${p.name}`).mode & 0o111, `${p.name} is installed, executable`);
	for (const t of TOOLS) {
		assert.ok(existsSync(`${d}/lib/weft/${t}`), `${t} installed`);
		assert.equal(readlinkSync(`${d}/sbin/${t}`), `../lib/weft/${t}`, `${t} on root's PATH`);
	}
	for (const f of ['share/weft/templates/layout.tpl', 'share/weft/templates/static/weft.css',
	    'share/weft/sql/001_core.sql', 'share/weft/programs', 'share/weft/nginx/weft.conf',
	    'share/weft/apache/weft.conf', 'share/doc/weft/deploy.md', 'share/doc/weft/operation.md',
	    'share/man/man5/weft.conf.5', 'share/man/man8/weft.8', 'lib/systemd/system/weft@.service',
	    'lib/systemd/system/weft@.socket', 'lib/systemd/system/weft-daemon@.service',
	    'lib/systemd/system/weft.target',
	    'lib/sysusers.d/weft.conf', 'lib/tmpfiles.d/weft.conf'])
		assert.ok(existsSync(`${d}/${f}`), `${f} installed`);
	// Every migration and template of the checkout, none left out.
	for (const f of run('git', ['-C', ROOT, 'ls-files', 'sql', 'templates']).split('\n').filter(Boolean))
		assert.ok(existsSync(`${d}/share/weft/${f}`), `${f} installed`);
	// Nothing outside DESTDIR's /usr.
	assert.deepEqual(run('ls', [dest]).split('\n').filter(Boolean), ['usr']);
});

test('DESTDIR: the shipped files name the installed paths, not the checkout\'s', () => {
	const d = `${dest}/usr`;
	const unit = readFileSync(`${d}/lib/systemd/system/weft@.service`, 'utf8');
	assert.match(unit, /^ExecStart=\/usr\/lib\/weft\/%i -c \/etc\/weft\/weft\.conf$/m,
	    'no -s: the socket is systemd\'s');
	assert.doesNotMatch(unit, /@[A-Z]+@/, 'every placeholder replaced');
	for (const key of ['User=weft', 'NoNewPrivileges=yes', 'ProtectSystem=strict', 'PrivateTmp=yes',
	    'Requires=weft@%i.socket', 'RuntimeDirectory=weft', 'RuntimeDirectoryPreserve=yes',
	    'Restart=on-failure'])
		assert.ok(unit.split('\n').includes(key), `weft@.service has ${key}`);
	const sock = readFileSync(`${d}/lib/systemd/system/weft@.socket`, 'utf8').split('\n');
	for (const key of ['ListenStream=/run/weft/%i.sock', 'SocketUser=weft', 'SocketGroup=weft', 'SocketMode=0660'])
		assert.ok(sock.includes(key), `weft@.socket has ${key}`);
	assert.match(readFileSync(`${d}/share/weft/nginx/weft.conf`, 'utf8'), /alias \/usr\/share\/weft\/templates\/static\/;/);
	assert.match(readFileSync(`${d}/share/weft/apache/weft.conf`, 'utf8'), /Alias \/static\/ \/usr\/share\/weft\/templates\/static\//);
	const target = readFileSync(`${d}/lib/systemd/system/weft.target`, 'utf8');
	const wants = (target.match(/^Wants=(.*)$/m) || [])[1].split(' ');
	assert.deepEqual(wants, PROGRAMS.map((p) => p.kind === 'fastcgi' ? `weft@${p.name}.service` : `weft-daemon@${p.name}.service`),
	    'weft.target wants one unit per program of the manifest');
	assert.match(readFileSync(`${d}/lib/sysusers.d/weft.conf`, 'utf8'), /^m www-data weft$/m,
	    'the web server\'s user joins group weft');
});

test('the units pass systemd-analyze verify, and their hardening scores "OK"', () => {
	const env = { ...process.env, SYSTEMD_UNIT_PATH: `${pfx}/lib/systemd/system:` };
	const units = [...FASTCGI.flatMap((n) => [`weft@${n}.service`, `weft@${n}.socket`]), 'weft.target'];
	const v = spawnSync('systemd-analyze', ['verify', '--man=no', ...units], { env, encoding: 'utf8' });
	assert.equal(v.status, 0, `systemd-analyze verify: ${v.stderr}`);
	assert.equal(v.stderr.trim(), '', 'no warning');
	for (const u of [`weft@${FASTCGI[0]}.service`]) {
		const s = spawnSync('systemd-analyze', ['security', '--offline=yes', u], { env, encoding: 'utf8' });
		const m = `${s.stdout}${s.stderr}`.match(/Overall exposure level for \S+: ([0-9.]+)/);
		assert.ok(m, `systemd-analyze security printed a level: ${s.stderr}`);
		assert.ok(Number(m[1]) <= 2.0, `${u}: exposure ${m[1]} (at most 2.0)`);
	}
});

test('the installed weft-admin makes the first admin, who logs in as an Admin Coordinator', async () => {
	const user = `host${process.pid % 100000}`;
	const r = spawnSync(`${pfx}/sbin/weft-admin`, ['-c', `${VAR}/weft.conf`, 'create', user,
	    `${user}@example.org`, 'First Host Admin'], { input: `${process.env.WEFT_DEMO_PASSWORD}\n`, encoding: 'utf8' });
	assert.equal(r.status, 0, `weft-admin create: ${r.stderr}`);
	const id = Number(r.stdout.trim());
	assert.ok(id > 0, 'it prints the new member\'s id');
	try {
		assert.deepEqual(sql(`SELECT status FROM members WHERE id = ${id}`), [['approved']]);
		assert.deepEqual(sql(`SELECT role, scope_kind FROM grants WHERE member_id = ${id}`), [['admin', 'site']]);
		assert.deepEqual(sql(`SELECT action, actor_id IS NULL FROM audit_log WHERE object_id IN
		    (${id}, (SELECT id FROM grants WHERE member_id = ${id})) AND action IN ('member.add', 'grant.add')
		    ORDER BY id`), [['member.add', '1'], ['grant.add', '1']], 'both writes audited, by the system');
		const jar = await login(user);
		const roles = await get('/members/roles', jar);
		assert.equal(roles.status, 200);
		assert.equal((await get('/members/audit', jar)).status, 200, 'audit.view: admins only');
		assert.match(mainText((await get('/', jar)).body), /First Host Admin/);
		// The same username again changes nothing.
		const again = spawnSync(`${pfx}/sbin/weft-admin`, ['-c', `${VAR}/weft.conf`, 'create', user,
		    'x@example.org', 'X'], { input: `${process.env.WEFT_DEMO_PASSWORD}\n`, encoding: 'utf8' });
		assert.equal(again.status, 1);
		assert.match(again.stderr, /taken/);
		// A short password is refused before anything is written.
		const weak = spawnSync(`${pfx}/sbin/weft-admin`, ['-c', `${VAR}/weft.conf`, 'create', `${user}b`,
		    'y@example.org', 'Y'], { input: 'short\n', encoding: 'utf8' });
		assert.equal(weak.status, 1);
		assert.deepEqual(sql(`SELECT COUNT(*) FROM members WHERE username = '${user}b'`), [['0']]);
	} finally {
		// The other tests count the site's admins.
		sql(`DELETE FROM sessions WHERE member_id = ${id}`);
		sql(`DELETE FROM grants WHERE member_id = ${id}`);
		sql(`DELETE FROM members WHERE id = ${id}`);
	}
});
