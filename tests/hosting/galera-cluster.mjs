// A three-node MariaDB Galera cluster on this machine, for
// tests/hosting/galera.test.mjs: each node a mariadbd of its own with its
// datadir, socket and log under one directory, on 127.0.0.1 ports of its
// own (SQL, group communication, IST, SST), Debian's galera-4 as the
// provider, rsync for the state transfers (offline, no extra user).  The
// group timeouts are short so that a killed node is evicted within about
// two seconds (docs/scaling.md says what they cost on a real network).

import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';

export const PROVIDER = '/usr/lib/galera/libgalera_smm.so';
// Debian's mysql user, not root: the rsync SST's daemon, started by the
// joining node, runs as root's "nobody" and could not write a datadir of
// root's; as mysql it is the node's own user, as on a real install.
const USER = process.getuid() === 0 ? 'mysql' : userInfo().username;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// n distinct free TCP ports on 127.0.0.1, below the kernel's ephemeral
// range (32768-60999): a port the kernel handed out for a listen(0) is as
// likely to be taken next by an outgoing connection of another stack on
// this machine, which made a node fail to bind its group port.
export async function freePorts(n) {
	const ports = [];
	while (ports.length < n) {
		const port = 20000 + Math.floor(Math.random() * 12000);
		if (ports.includes(port))
			continue;
		const s = createServer();
		const ok = await new Promise((res) => s.once('error', () => res(false)).listen(port, '127.0.0.1', () => res(true)));
		if (ok) {
			ports.push(port);
			await new Promise((r) => s.close(r));
		}
	}
	return ports;
}

// The evs timeouts: a silent member suspected after 1 s, evicted when all
// agree; keepalives often enough for that.  (Defaults: 5 s and 15 s.)
const EVS = 'evs.keepalive_period=PT0.3S; evs.inactive_check_period=PT0.3S; ' +
    'evs.suspect_timeout=PT1S; evs.inactive_timeout=PT3S; evs.install_timeout=PT2S; ' +
    'evs.join_retrans_period=PT0.3S';

export class Cluster {
	constructor(dir, tag) {
		this.dir = dir;
		this.tag = tag;
		this.nodes = [];
	}

	async init() {
		const p = await freePorts(12);
		for (let i = 0; i < 3; i++) {
			const d = `${this.dir}/n${i + 1}`;
			this.nodes.push({ name: `n${i + 1}`, dir: d, port: p[i * 4], gcomm: p[i * 4 + 1],
			    ist: p[i * 4 + 2], sst: p[i * 4 + 3], cnf: `${d}/my.cnf`, sock: `${d}/mysqld.sock`,
			    log: `${d}/error.log`, proc: null });
		}
		const peers = this.nodes.map((n) => `127.0.0.1:${n.gcomm}`).join(',');
		for (const n of this.nodes) {
			mkdirSync(`${n.dir}/db`, { recursive: true });
			mkdirSync(`${n.dir}/tmp`, { recursive: true });
			writeFileSync(n.cnf, `[mysqld]
datadir = ${n.dir}/db
tmpdir = ${n.dir}/tmp
socket = ${n.sock}
pid-file = ${n.dir}/mysqld.pid
log-error = ${n.log}
user = ${USER}
port = ${n.port}
bind-address = 127.0.0.1
skip-name-resolve
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
default-time-zone = +00:00
innodb_buffer_pool_size = 48M
innodb_log_file_size = 16M
innodb_flush_log_at_trx_commit = 2
binlog_format = ROW
default_storage_engine = InnoDB
innodb_autoinc_lock_mode = 2
max_connections = 200

[galera]
wsrep_on = ON
wsrep_provider = ${PROVIDER}
wsrep_cluster_name = weft-test-${this.tag}
wsrep_cluster_address = gcomm://${peers}
wsrep_node_name = ${n.name}
wsrep_node_address = 127.0.0.1:${n.gcomm}
wsrep_sst_method = rsync
wsrep_sst_receive_address = 127.0.0.1:${n.sst}
wsrep_provider_options = "gmcast.listen_addr=tcp://127.0.0.1:${n.gcomm}; ist.recv_addr=127.0.0.1:${n.ist}; gcache.size=64M; ${EVS}"
`);
		}
		if (process.getuid() === 0)
			spawnSync('chown', ['-R', `${USER}:`, this.dir]);
		// Node 1's datadir: the system tables; the others get theirs
		// by state transfer when they join.
		const n1 = this.nodes[0];
		const r = spawnSync('mariadb-install-db', [`--defaults-file=${n1.cnf}`, `--user=${USER}`,
		    '--auth-root-authentication-method=normal', '--skip-test-db', '--skip-name-resolve',
		    '--wsrep-on=OFF'], { encoding: 'utf8', timeout: 120000 });
		if (r.status !== 0)
			throw new Error(`mariadb-install-db: ${r.stdout.slice(-1000)} ${r.stderr.slice(-2000)}`);
	}

	// Starts node n; extra arguments for mariadbd (--wsrep-new-cluster).
	start(n, args = []) {
		const out = openSync(n.log, 'a');
		if (process.getuid() === 0)
			spawnSync('chown', [`${USER}:`, n.log]);
		n.proc = spawn('mariadbd', [`--defaults-file=${n.cnf}`, ...args],
		    { stdio: ['ignore', out, out], detached: true });
		closeSync(out);
		n.proc.on('exit', () => {
			n.proc = null;
		});
	}

	// kill -9: the node is gone without a word to the others.
	kill(n) {
		if (n.proc)
			process.kill(n.proc.pid, 'SIGKILL');
	}

	// The position a killed node's datadir holds (grastate.dat says -1
	// after a crash): mariadbd --wsrep-recover reads it from InnoDB.
	recover(n) {
		const r = spawnSync('mariadbd', [`--defaults-file=${n.cnf}`, '--wsrep-recover',
		    `--log-error=${n.dir}/recover.log`], { encoding: 'utf8', timeout: 120000 });
		const m = readFileSync(`${n.dir}/recover.log`, 'utf8').match(/Recovered position:\s*(\S+:-?\d+)/);
		if (r.status !== 0 || !m)
			throw new Error(`wsrep-recover of ${n.name} failed: ${r.stderr.slice(-1000)}`);
		return m[1];
	}

	sql(n, query, db = '') {
		const r = spawnSync('mariadb', ['--batch', '--skip-column-names', `--socket=${n.sock}`, '-uroot',
		    '--connect-timeout=3', ...(db ? [db] : [])], { input: query, encoding: 'utf8', timeout: 120000 });
		if (r.status !== 0)
			throw new Error(`mariadb on ${n.name}: ${r.stderr}`);
		return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t'));
	}

	status(n, name) {
		try {
			const rows = this.sql(n, `SHOW STATUS LIKE '${name}'`);
			return rows.length ? rows[0][1] : null;
		} catch {
			return null;
		}
	}

	// Resolves when n is Synced and its cluster has size nodes; the wait
	// in ms.
	async waitSynced(n, size, timeoutMs = 120000) {
		const t0 = Date.now();
		while (Date.now() - t0 < timeoutMs) {
			if (n.proc === null && Date.now() - t0 > 1000)
				throw new Error(`${n.name} exited: ${readFileSync(n.log, 'utf8').slice(-3000)}`);
			if (this.status(n, 'wsrep_local_state_comment') === 'Synced' &&
			    Number(this.status(n, 'wsrep_cluster_size')) === size)
				return Date.now() - t0;
			await sleep(100);
		}
		throw new Error(`${n.name} not synced in a cluster of ${size} within ${timeoutMs} ms: ` +
		    readFileSync(n.log, 'utf8').slice(-3000));
	}

	async stop() {
		for (const n of this.nodes)
			if (n.proc)
				try {
					process.kill(n.proc.pid, 'SIGTERM');
				} catch { /* gone */ }
		for (let i = 0; i < 150 && this.nodes.some((n) => n.proc); i++)
			await sleep(100);
		for (const n of this.nodes)
			if (n.proc)
				try {
					process.kill(n.proc.pid, 'SIGKILL');
				} catch { /* gone */ }
	}
}
