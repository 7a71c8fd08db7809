// Helpers of the ads tests (tests/e2e/ads-*.test.mjs): posting through
// the forms, and fixtures written with SQL (rows the tests then look at
// through the pages).  Every test makes its own ads, named with a fresh
// token, so that tests neither depend on nor disturb each other or the
// demo rows.

import assert from 'node:assert/strict';
import { csrfOf, post, sql } from './lib.mjs';

// A fresh word for titles: letters and digits only, so that the full-text
// search finds it as one word.
export function token(prefix = 'adz') {
	return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

// today + days, as YYYY-MM-DD (UTC, the clock the database uses).
export function dateIn(days) {
	return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

// The date the database calls today (UTC_DATE()) plus an interval.
export function dbDate(interval = '0 DAY') {
	return sql(`SELECT UTC_DATE() + INTERVAL ${interval}`)[0][0];
}

export function q(s) {
	return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

export function categoryId(name) {
	return Number(sql(`SELECT id FROM categories WHERE name = ${q(name)}`)[0][0]);
}

// Fields of a valid new ad, to be overridden.
export function adFields(extra = {}) {
	return {
		kind: 'offer',
		title: `Test ad ${token()}`,
		description: 'Line one.\nLine two.',
		category: String(categoryId('DIY and repairs')),
		community: 'own',
		expires_on: dateIn(30),
		...extra,
	};
}

// Posts a new ad as jar's member; resolves {res, id} (id null unless 303).
export async function postAd(jar, extra = {}) {
	const csrf = await csrfOf('/ads/new', jar);
	const res = await post('/ads/new', jar, { csrf, ...adFields(extra) });
	const m = res.status === 303 && res.location ? res.location.match(/^\/ads\/(\d+)$/) : null;
	return { res, id: m ? Number(m[1]) : null };
}

// Posts a form to path with the session's csrf token (from /ads).
export async function postAs(jar, path, form = {}) {
	const csrf = await csrfOf('/ads', jar);
	return post(path, jar, { csrf, ...form });
}

// An ad's row, as an object.
export function adRow(id) {
	const rows = sql(`SELECT a.member_id, a.kind, a.title, a.description, a.category_id,
	    COALESCE(a.community_id, 0), a.expires_on, a.status, a.created_by, a.created_as,
	    m.username FROM ads a JOIN members m ON m.id = a.member_id WHERE a.id = ${Number(id)}`);
	if (rows.length === 0)
		return null;
	const [member, kind, title, description, category, community, expires, status,
	    createdBy, createdAs, username] = rows[0];
	return {
		member: Number(member), kind, title, description: description.replace(/\\n/g, '\n'),
		category: Number(category), community: Number(community), expires, status,
		createdBy: Number(createdBy), createdAs: Number(createdAs), username,
	};
}

// Inserts an ad directly (a fixture); returns its id.  o: username, kind,
// title, description, category (name), community ('own' | null | id),
// expiresIn (days, may be negative), status.
export function insertAd(o) {
	const comm = o.community === 'own' || o.community === undefined ? 'm.community_id' :
	    o.community === null ? 'NULL' : Number(o.community);
	const rows = sql(`INSERT INTO ads (member_id, kind, title, description, category_id,
	    community_id, expires_on, status, created_by, created_as)
	    SELECT m.id, ${q(o.kind || 'offer')}, ${q(o.title)}, ${q(o.description || '')},
	    (SELECT id FROM categories WHERE name = ${q(o.category || 'Gardening')}),
	    ${comm}, UTC_DATE() + INTERVAL ${Number(o.expiresIn ?? 30)} DAY,
	    ${q(o.status || 'active')}, m.id, m.id FROM members m WHERE m.username = ${q(o.username)};
	    SELECT LAST_INSERT_ID();`);
	const id = Number(rows[rows.length - 1][0]);
	assert.ok(id > 0, `fixture ad for ${o.username}`);
	return id;
}

// Audit rows of an ad: [{action, actor, acting}].
export function auditOf(id) {
	return sql(`SELECT action, COALESCE(actor_id, 0), COALESCE(acting_id, 0), community_id
	    FROM audit_log WHERE object_type = 'ad' AND object_id = ${Number(id)} ORDER BY id`)
	    .map(([action, actor, acting, community]) => ({
		action, actor: Number(actor), acting: Number(acting), community: Number(community),
	    }));
}

// A member for a test, created once (idempotent), sharing the demo
// password (its hash is copied from alice).  Returns the id.
export function ensureMember(username, { community = null, organisation = 0, name } = {}) {
	sql(`INSERT IGNORE INTO members (username, email, name, password_hash, status, lang,
	    community_id, is_organisation, about, approved_at)
	    SELECT ${q(username)}, ${q(`${username}@example.org`)}, ${q(name || `Test ${username}`)},
	    password_hash, 'approved', 'en', ${community === null ? 'NULL' : Number(community)},
	    ${Number(organisation)}, '', UTC_TIMESTAMP() FROM members WHERE username = 'alice'`);
	return Number(sql(`SELECT id FROM members WHERE username = ${q(username)}`)[0][0]);
}

// The ids of the ads listed on a page (links to /ads/N in table rows).
export function listedIds(html) {
	const ids = [];
	const re = /<tr\b[^>]*>\s*<td[^>]*><a href="\/ads\/(\d+)">/g;
	let m;
	while ((m = re.exec(html)) !== null)
		ids.push(Number(m[1]));
	return ids;
}

// The href of the "next page" link, entities decoded, or null.
export function nextHref(html) {
	const m = html.match(/<a href="([^"]*)" rel="next">/);
	return m ? m[1].replace(/&amp;/g, '&').replace(/&#61;/g, '=').replace(/&#39;/g, "'") : null;
}
