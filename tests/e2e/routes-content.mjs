// The broadcasts program's rows of the reviewed route table of
// routes.test.mjs (broadcasts, alerts, events, pages): each object is
// reached through its community (rule 2; none: the whole timebank's,
// site grants only), probed in community 1 ("in"), 2 ("out"), none, and
// missing; with the demo rows the GET probes read, the throwaway rows
// the POST probes act on, and what of the demo must not change.

import { memberId, sql } from './lib.mjs';
import { ACTORS } from './roles.mjs';

// The kinds of object, and the first path segment that names each.
export const CONTENT_KINDS = ['broadcast', 'alert', 'event'];
const PREFIXES = { '/broadcasts/': 'broadcast', '/alerts/': 'alert', '/events/': 'event' };
const COMMUNITY = { in: 1, out: 2, none: null };
const SCOPE = { in: 'community:1', out: 'community:2', none: 'site' };
const q = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

// The community of an actor's own account (null: none), read once.
const actorCommunities = {};
function actorCommunity(a) {
	if (!(a in actorCommunities)) {
		const r = ACTORS[a].user ? sql(`SELECT COALESCE(community_id, 0) FROM members WHERE username = ${q(ACTORS[a].user)}`) : [];
		actorCommunities[a] = r.length && r[0][0] !== '0' ? Number(r[0][0]) : null;
	}
	return actorCommunities[a];
}

// Shown to the actor as a member: the whole timebank's, or their own
// community's.
const ownScope = (a, v) => v === 'none' || (v !== 'missing' && COMMUNITY[v] === actorCommunity(a));

export function contentObj(pattern) {
	if (!pattern.includes(':id'))
		return null;
	const p = Object.keys(PREFIXES).find((x) => pattern.startsWith(x));
	return p ? PREFIXES[p] : null;
}

// R: routes.test.mjs's row maker; holdsOver(actor, perm, scope) its
// reading of the permission table.
export function contentRoutes(R, holdsOver) {
	return [
		// broadcasts: a broadcast is reached through its community (rule 2),
		// under broadcast.send; the coordinators' list under
		// broadcast.coordinators.  POST probes on :id act on throwaway drafts
		// (a test to oneself and a copy are made for real; send, edit and
		// delete are refused, 422, for their body; cancel and resend, 409,
		// for a draft), or are refused (422) for their body.
		R('broadcasts', 'GET', '/broadcasts', 'perm', 'broadcast.send'),
		R('broadcasts', 'GET', '/broadcasts/new', 'perm', 'broadcast.send'),
		R('broadcasts', 'POST', '/broadcasts/new', 'perm', 'broadcast.send', { form: { subject: '' } }),
		R('broadcasts', 'GET', '/broadcasts/coordinators', 'perm', 'broadcast.coordinators'),
		R('broadcasts', 'POST', '/broadcasts/coordinators', 'perm', 'broadcast.coordinators', { form: { subject: '' } }),
		R('broadcasts', 'GET', '/broadcasts/:id', 'perm', 'broadcast.send'),
		R('broadcasts', 'GET', '/broadcasts/:id/edit', 'perm', 'broadcast.send'),
		R('broadcasts', 'POST', '/broadcasts/:id/edit', 'perm', 'broadcast.send', { form: { lang: 'en', subject: '' } }),
		R('broadcasts', 'GET', '/broadcasts/:id/recipients', 'perm', 'broadcast.send'),
		R('broadcasts', 'POST', '/broadcasts/:id/test', 'perm', 'broadcast.send'),
		R('broadcasts', 'POST', '/broadcasts/:id/send', 'perm', 'broadcast.send', { form: { when: '' } }),
		R('broadcasts', 'POST', '/broadcasts/:id/cancel', 'perm', 'broadcast.send'),
		R('broadcasts', 'POST', '/broadcasts/:id/resend', 'perm', 'broadcast.send'),
		R('broadcasts', 'POST', '/broadcasts/:id/copy', 'perm', 'broadcast.send'),
		R('broadcasts', 'POST', '/broadcasts/:id/delete', 'perm', 'broadcast.send'),
		// Alerts: reached through their community under alert.manage.
		// Editing is refused (422) for its body, deleting (422) for the
		// box not ticked; dismissing is every member's own, for an
		// alert shown to them.
		R('broadcasts', 'GET', '/alerts', 'perm', 'alert.manage'),
		R('broadcasts', 'GET', '/alerts/new', 'perm', 'alert.manage'),
		R('broadcasts', 'POST', '/alerts/new', 'perm', 'alert.manage', { form: { message: '' } }),
		R('broadcasts', 'GET', '/alerts/:id/edit', 'perm', 'alert.manage'),
		R('broadcasts', 'POST', '/alerts/:id/edit', 'perm', 'alert.manage', { form: { message: '' } }),
		R('broadcasts', 'POST', '/alerts/:id/delete', 'perm', 'alert.manage'),
		R('broadcasts', 'POST', '/alerts/:id/dismiss', 'member', '-', {
			cite: 'docs/authorization.md "Decisions for the areas still to build": members read the alerts of their timebank and community; rule 1: the same 403 for an alert not shown to them and for none',
			rule: (a, v) => ownScope(a, v) ? 'allowed' : 'refused',
		}),
		// Events: members read their timebank's and community's; holders
		// of event.manage manage (and read) those of their scope.
		R('broadcasts', 'GET', '/events', 'member'),
		R('broadcasts', 'GET', '/events/month', 'member'),
		R('broadcasts', 'GET', '/events/new', 'perm', 'event.manage'),
		R('broadcasts', 'POST', '/events/new', 'perm', 'event.manage', { form: { title: '' } }),
		R('broadcasts', 'GET', '/events/:id', 'member', '-', {
			cite: 'docs/authorization.md "Decisions for the areas still to build": members read the events of their timebank and community; event.manage over the event\'s community (rule 2); rule 1: only a site-wide holder learns that one does not exist',
			rule: (a, v) => v === 'missing' ? (holdsOver(a, 'event.manage', 'site') ? 'missing' : 'refused') :
			    (ownScope(a, v) || holdsOver(a, 'event.manage', SCOPE[v])) ? 'allowed' : 'refused',
		}),
		R('broadcasts', 'GET', '/events/:id/edit', 'perm', 'event.manage'),
		R('broadcasts', 'POST', '/events/:id/edit', 'perm', 'event.manage', { form: { title: '' } }),
		R('broadcasts', 'POST', '/events/:id/delete', 'perm', 'event.manage'),
	];
}

// The demo's objects of each kind (one: the test's "first row" reader).
export function contentDemo(one, MISSING) {
	return {
		broadcast: {
			in: one("SELECT id FROM broadcasts WHERE kind = 'members' AND state = 'draft' AND community_id = 1 ORDER BY id LIMIT 1",
			    'a draft broadcast to community 1'),
			out: one("SELECT id FROM broadcasts WHERE kind = 'members' AND state = 'draft' AND community_id = 2 ORDER BY id LIMIT 1",
			    'a draft broadcast to community 2'),
			none: one("SELECT id FROM broadcasts WHERE kind = 'members' AND state = 'draft' AND community_id IS NULL ORDER BY id LIMIT 1",
			    'a draft broadcast to the whole timebank'),
			missing: MISSING,
		},
		alert: {
			in: one('SELECT id FROM alerts WHERE community_id = 1 ORDER BY id LIMIT 1', 'an alert of community 1'),
			out: one('SELECT id FROM alerts WHERE community_id = 2 ORDER BY id LIMIT 1', 'an alert of community 2'),
			none: one('SELECT id FROM alerts WHERE community_id IS NULL ORDER BY id LIMIT 1', 'an alert of the whole timebank'),
			missing: MISSING,
		},
		event: {
			in: one('SELECT id FROM events WHERE community_id = 1 ORDER BY id LIMIT 1', 'an event of community 1'),
			out: one('SELECT id FROM events WHERE community_id = 2 ORDER BY id LIMIT 1', 'an event of community 2'),
			none: one('SELECT id FROM events WHERE community_id IS NULL ORDER BY id LIMIT 1', 'an event of the whole timebank'),
			missing: MISSING,
		},
	};
}

// Throwaway draft broadcasts by the demo admin, one per community id (or
// null), each with an English text; returns their ids in order.
function makeBroadcasts(specs, PREFIX) {
	if (specs.length === 0)
		return [];
	const tag = `${PREFIX}b`;
	sql(`INSERT INTO broadcasts (kind, community_id, lang, f_status, f_lang, created_by)
	    VALUES ${specs.map((c, i) => `('members', ${c === null ? 'NULL' : Number(c)}, 'en', 'approved',
	    '${tag}${i}', ${memberId('admin')})`).join(',\n')}`);
	const ids = new Map(sql(`SELECT f_lang, id FROM broadcasts WHERE f_lang LIKE '${tag}%'`)
	    .map(([t, id]) => [t, Number(id)]));
	// The marker was only to find them: their audience is any language.
	sql(`INSERT INTO broadcast_texts (broadcast_id, lang, subject, body, body_text)
	    SELECT id, 'en', 'Route probe', 'Route probe', 'Route probe' FROM broadcasts WHERE f_lang LIKE '${tag}%'`);
	sql(`UPDATE broadcasts SET f_lang = '' WHERE f_lang LIKE '${tag}%'`);
	return specs.map((c, i) => ids.get(`${tag}${i}`));
}

// Throwaway rows of a table with a community and a text column tagged
// to find them again: values(community, tag) is one row's VALUES.
function makeTagged(table, col, cols, values, specs, tag) {
	if (specs.length === 0)
		return [];
	sql(`INSERT INTO ${table} (${cols}) VALUES ${specs.map((c, i) => values(c === null ? 'NULL' : Number(c), q(`${tag}${i}`))).join(',\n')}`);
	const ids = new Map(sql(`SELECT ${col}, id FROM ${table} WHERE ${col} LIKE '${tag}%'`)
	    .map(([t, id]) => [t, Number(id)]));
	return specs.map((c, i) => ids.get(`${tag}${i}`));
}

// Past alerts (on nobody's pages) and events, by the demo admin.
const makeAlerts = (specs, PREFIX) => makeTagged('alerts', 'message',
    'community_id, message, starts_on, ends_on, created_by',
    (c, t) => `(${c}, ${t}, UTC_DATE() - INTERVAL 3 DAY, UTC_DATE() - INTERVAL 2 DAY, ${memberId('admin')})`,
    specs, `${PREFIX}a`);
const makeEvents = (specs, PREFIX) => makeTagged('events', 'title',
    'community_id, title, description, starts_at, ends_at, created_by',
    (c, t) => `(${c}, ${t}, '', UTC_TIMESTAMP() - INTERVAL 3 DAY, UTC_TIMESTAMP() - INTERVAL 2 DAY, ${memberId('admin')})`,
    specs, `${PREFIX}e`);

const MAKERS = { broadcast: makeBroadcasts, alert: makeAlerts, event: makeEvents };

// Throwaway objects of kind, one per community id (or null), in order.
export function makeContent(kind, specs, prefix) {
	return MAKERS[kind](specs, prefix);
}

// The demo rows of the area (throwaway ones left out), before and after.
export function contentSnapshot(PREFIX) {
	return {
		alerts: sql(`SELECT id, community_id, message, starts_on, ends_on FROM alerts WHERE message NOT LIKE '${PREFIX}%' ORDER BY id`),
		events: sql(`SELECT id, community_id, title, starts_at, ends_at FROM events WHERE title NOT LIKE '${PREFIX}%' ORDER BY id`),
		broadcasts: sql("SELECT b.id, b.state, b.recipients, t.subject FROM broadcasts b JOIN broadcast_texts t ON t.broadcast_id = b.id AND t.lang = b.lang WHERE t.subject <> 'Route probe' ORDER BY b.id"),
	};
}
