// The route table's throwaway rows (tests/e2e/routes.test.mjs): members and
// ads made for the probes in one statement each, and the demo's rows read
// by a query that must find one.

import assert from 'node:assert/strict';
import { sql } from './lib.mjs';

export const q = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
export const PREFIX = `rt${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
let seq = 0;
export const COMMUNITY = { in: 1, out: 2, none: null };

// Throwaway approved members, made in one statement: specs is a list of
// community ids (or null); returns [{id, username}] in the same order.
export function makeMembers(specs) {
	if (specs.length === 0)
		return [];
	const names = specs.map(() => `${PREFIX}x${++seq}`);
	sql(`INSERT INTO members (username, email, name, password_hash, status, community_id, about, approved_at)
	    VALUES ${specs.map((c, i) => `(${q(names[i])}, ${q(`${names[i]}@example.org`)},
	    ${q(`Route probe ${names[i]}`)}, '-', 'approved', ${c === null ? 'NULL' : Number(c)}, '', UTC_TIMESTAMP())`).join(',\n')}`);
	const ids = new Map(sql(`SELECT username, id FROM members WHERE username LIKE '${PREFIX}x%'`)
	    .map(([u, id]) => [u, Number(id)]));
	return names.map((u) => ({ id: ids.get(u), username: u }));
}

// One active ad of each member (its community), in one statement.
export function makeAds(members) {
	if (members.length === 0)
		return [];
	const titles = members.map((m) => `Route probe ad of ${m.username}`);
	sql(`INSERT INTO ads (member_id, kind, title, description, category_id, community_id,
	    expires_on, status, created_by, created_as)
	    SELECT m.id, 'offer', CONCAT('Route probe ad of ', m.username), '',
	    (SELECT MIN(id) FROM categories), m.community_id, UTC_DATE() + INTERVAL 30 DAY,
	    'active', m.id, m.id FROM members m WHERE m.id IN (${members.map((m) => m.id).join(',')})`);
	const ids = new Map(sql(`SELECT title, id FROM ads WHERE title LIKE 'Route probe ad of ${PREFIX}x%'`)
	    .map(([t, id]) => [t, Number(id)]));
	return titles.map((t) => ids.get(t));
}

export const one = (query, what) => {
	const rows = sql(query);
	assert.ok(rows.length > 0, `the demo has ${what}`);
	return Number(rows[0][0]);
};
