// Helpers of the ledger tests (tests/e2e/exchanges-*.test.mjs and the
// load test): members of their own (made with SQL, logging in with the
// demo password), recording through the real form, and reading the
// ledger's tables as root for the checks.  Every test makes its own
// members, so that balances are known exactly and demo rows are left to
// the other tests.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { VAR, formFor, formValues, get, login, post, sql, text } from './lib.mjs';

let seq = 0;

// A fresh username: 3..32 of [a-z0-9._-].
export function uname(prefix = 'lx') {
	seq++;
	return `${prefix}${process.pid.toString(36)}${Date.now().toString(36).slice(-5)}${seq}`.slice(0, 32);
}

export function q(s) {
	return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

// SQL as the database's root (the checks of the ledger's invariants read
// the tables directly, not through the product).
export function rootSql(query) {
	const r = spawnSync('mariadb', ['--batch', '--skip-column-names',
	    '--default-character-set=utf8mb4', `--socket=${VAR}/run/mariadb.sock`,
	    '-uroot', 'weft', '-e', query], { encoding: 'utf8', timeout: 60000 });
	if (r.status !== 0)
		throw new Error(`mariadb: ${r.stderr || r.error}`);
	return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

export function one(query) {
	const rows = rootSql(query);
	return rows.length ? rows[0][0] : null;
}

// A new approved member (community: a number, or null for none) with the
// demo password; returns {id, username}.
export function makeMember(o = {}) {
	const username = o.username || uname(o.prefix);
	const status = o.status || 'approved';
	sql(`INSERT INTO members (username, email, name, password_hash, status,
	    community_id, is_organisation, angel_mode, about, approved_at)
	    SELECT ${q(username)}, ${q(`${username}@example.org`)}, ${q(o.name || `Ledger ${username}`)},
	    password_hash, ${q(status)}, ${o.community ? Number(o.community) : 'NULL'},
	    ${o.organisation ? 1 : 0}, ${o.angelMode ? 1 : 0}, '', UTC_TIMESTAMP()
	    FROM members WHERE username = 'alice'`);
	const id = Number(sql(`SELECT id FROM members WHERE username = ${q(username)}`)[0][0]);
	return { id, username };
}

export function balanceOf(id) {
	const v = one(`SELECT hundredths FROM balances WHERE member_id = ${Number(id)}`);
	return v === null ? 0 : Number(v);
}

export function countExchanges() {
	return Number(one('SELECT COUNT(*) FROM exchanges'));
}

export function sumBalances() {
	return Number(one('SELECT COALESCE(SUM(hundredths), 0) FROM balances'));
}

// today + days, YYYY-MM-DD, in UTC like the server.
export function dateIn(days) {
	return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

// A setting's value; with value, sets it as the registry's write path
// does (cgi-bin/common/settings.c): the row and the settings generation
// in one transaction, so every worker reads it on its next request.
export function setting(name, value) {
	const old = one(`SELECT value FROM settings WHERE name = ${q(name)}`);
	if (value !== undefined)
		rootSql(`START TRANSACTION; UPDATE settings SET value = ${q(value)} WHERE name = ${q(name)};
		    UPDATE cache_generations SET generation = generation + 1 WHERE name = 'settings'; COMMIT`);
	return old;
}

// The record form's values (csrf, form_key, defaults) for jar.
export async function recordForm(jar, query = '') {
	const r = await get(`/exchanges/new${query}`, jar);
	assert.equal(r.status, 200, `GET /exchanges/new: ${r.status}`);
	const f = formFor(r.body, '/exchanges/new');
	assert.ok(f, 'the page has the record form');
	return { values: formValues(f), page: r };
}

// Fills the record form as jar's member and posts it; resolves
// {res, id (on 303), values}.  fields: provider, recipient, hours,
// service_date, description, ad.
export async function record(jar, fields) {
	const { values } = await recordForm(jar);
	const v = { ...values, description: 'Ledger test', hours: '1', ...fields };
	const res = await post('/exchanges/new', jar, v);
	const m = res.status === 303 && res.location ? res.location.match(/^\/exchanges\/(\d+)$/) : null;
	return { res, id: m ? Number(m[1]) : null, values: v };
}

// An exchange row as an object (root SQL).
export function exchangeRow(id) {
	const rows = rootSql(`SELECT provider_id, recipient_id, hundredths, service_date,
	    description, COALESCE(ad_id, 0), recorded_by, recorded_as, COALESCE(reverses_id, 0),
	    reason, COALESCE(form_key, '') FROM exchanges WHERE id = ${Number(id)}`);
	if (!rows.length)
		return null;
	const r = rows[0];
	return {
		provider: Number(r[0]), recipient: Number(r[1]), hundredths: Number(r[2]),
		date: r[3], description: r[4], ad: Number(r[5]), recordedBy: Number(r[6]),
		recordedAs: Number(r[7]), reverses: Number(r[8]), reason: r[9], key: r[10],
	};
}

// Logs in as a fresh member's username (the demo password).
export const as = (username) => login(username);

// The text of the field error of field on an HTML page, or null.
export function fieldError(html, field) {
	const m = html.match(new RegExp(`<p class="field-error" id="${field}-error">([\\s\\S]*?)</p>`));
	return m ? text(m[1]) : null;
}

// Posts with the session csrf of any page of jar.
export async function postWithCsrf(jar, path, form) {
	const r = await get('/exchanges', jar);
	const m = r.body.match(/name="csrf" value="([0-9a-f]{64})"/);
	assert.ok(m, 'a csrf token on /exchanges');
	return post(path, jar, { csrf: m[1], ...form });
}
