// The broadcasts program's rows of the reviewed route table of
// routes.test.mjs (broadcasts, alerts, events, pages): each object is
// reached through its community (rule 2; none: the whole timebank's,
// site grants only), probed in community 1 ("in"), 2 ("out"), none, and
// missing; with the demo rows the GET probes read, the throwaway rows
// the POST probes act on, and what of the demo must not change.

import { memberId, sql } from './lib.mjs';
import { ACTORS } from './roles.mjs';

// The kinds of object, and the first path segment that names each
// ('cpage': a regular page; 'page' is the site's special pages).
export const CONTENT_KINDS = ['broadcast', 'alert', 'event', 'cpage', 'news', 'link'];
const PREFIXES = {
	'/broadcasts/': 'broadcast', '/alerts/': 'alert', '/events/': 'event',
	'/pages/': 'cpage', '/news/': 'news', '/links/': 'link',
};
// Pages, news and links are the whole timebank's (docs/broadcasts.md
// "Pages, news and links"): probed as one of no community ("none"; for
// pages a members-only one, and "public" a public one) and a missing one.
const SITE_WIDE = { none: ['site'], public: ['site'] };
export const CONTENT_SCOPES = { cpage: SITE_WIDE, news: SITE_WIDE, link: SITE_WIDE };
export const CONTENT_VARIANTS = {
	cpage: ['none', 'public', 'missing'], news: ['none', 'missing'], link: ['none', 'missing'],
};
// A POST probe on an item acts on a throwaway one of no community.
const SITE_POST = ['none', 'missing'];
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
		// Pages, news and links: site-wide, written under content.manage
		// (site grants only: role.c); edits are refused (422) for their
		// empty title, deletes (422) for the box not ticked.
		R('broadcasts', 'GET', '/pages', 'perm', 'page.list'),
		R('broadcasts', 'GET', '/pages/new', 'perm', 'content.manage'),
		R('broadcasts', 'POST', '/pages/new', 'perm', 'content.manage', { form: { lang: 'en', title: '' } }),
		R('broadcasts', 'GET', '/pages/:id', 'public', '-', {
			cite: 'docs/authorization.md "Decisions for the areas still to build": members read the pages of their timebank; pages marked public are also for visitors (a visitor is sent to log in for any other, rule 1); only page.list site-wide learns that one does not exist',
			rule: (a, v) => v === 'public' ? 'allowed' : ACTORS[a].status !== 'approved' ? 'refused' :
			    v === 'missing' ? (holdsOver(a, 'page.list', 'site') ? 'missing' : 'refused') : 'allowed',
		}),
		R('broadcasts', 'GET', '/pages/:id/edit', 'perm', 'content.manage'),
		R('broadcasts', 'POST', '/pages/:id/edit', 'perm', 'content.manage', { form: { lang: 'en', title: '' }, variants: SITE_POST }),
		R('broadcasts', 'POST', '/pages/:id/delete', 'perm', 'content.manage', { variants: SITE_POST }),
		R('broadcasts', 'GET', '/news', 'member'),
		R('broadcasts', 'GET', '/news/new', 'perm', 'content.manage'),
		R('broadcasts', 'POST', '/news/new', 'perm', 'content.manage', { form: { lang: 'en', title: '' } }),
		R('broadcasts', 'GET', '/news/:id/edit', 'perm', 'content.manage'),
		R('broadcasts', 'POST', '/news/:id/edit', 'perm', 'content.manage', { form: { lang: 'en', title: '' } }),
		R('broadcasts', 'POST', '/news/:id/delete', 'perm', 'content.manage'),
		R('broadcasts', 'GET', '/links', 'member'),
		R('broadcasts', 'GET', '/links/new', 'perm', 'content.manage'),
		R('broadcasts', 'POST', '/links/new', 'perm', 'content.manage', { form: { lang: 'en', title: '' } }),
		R('broadcasts', 'GET', '/links/:id/edit', 'perm', 'content.manage'),
		R('broadcasts', 'POST', '/links/:id/edit', 'perm', 'content.manage', { form: { lang: 'en', title: '' } }),
		R('broadcasts', 'POST', '/links/:id/delete', 'perm', 'content.manage'),
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
		cpage: {
			none: one("SELECT id FROM content_items WHERE kind = 'page' AND public = 0 ORDER BY id LIMIT 1", 'a members-only page'),
			public: one("SELECT id FROM content_items WHERE kind = 'page' AND public = 1 ORDER BY id LIMIT 1", 'a public page'),
			missing: MISSING,
		},
		news: {
			none: one("SELECT id FROM content_items WHERE kind = 'news' ORDER BY id LIMIT 1", 'a news item'),
			missing: MISSING,
		},
		link: {
			none: one("SELECT id FROM content_items WHERE kind = 'link' ORDER BY id LIMIT 1", 'a link'),
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

// Throwaway items of a kind (site-wide: the specs' communities are not
// theirs), each with an English text; tagged by their url to find them.
function makeItems(kind, specs, PREFIX) {
	const ids = makeTagged('content_items', 'url', 'kind, lang, url, news_on, created_by',
	    (c, t) => `('${kind}', 'en', ${t}, UTC_DATE(), ${memberId('admin')})`, specs, `${PREFIX}i`);
	if (ids.length)
		sql(`INSERT INTO content_texts (item_id, lang, title, body)
		    SELECT id, 'en', 'Route probe', 'Route probe' FROM content_items WHERE id IN (${ids.join(',')})`);
	return ids;
}

const MAKERS = {
	broadcast: makeBroadcasts, alert: makeAlerts, event: makeEvents,
	cpage: (s, p) => makeItems('page', s, p), news: (s, p) => makeItems('news', s, p),
	link: (s, p) => makeItems('link', s, p),
};

// Throwaway objects of kind, one per community id (or null), in order.
export function makeContent(kind, specs, prefix) {
	return MAKERS[kind](specs, prefix);
}

// The demo rows of the area (throwaway ones left out), before and after.
export function contentSnapshot(PREFIX) {
	return {
		alerts: sql(`SELECT id, community_id, message, starts_on, ends_on FROM alerts WHERE message NOT LIKE '${PREFIX}%' ORDER BY id`),
		events: sql(`SELECT id, community_id, title, starts_at, ends_at FROM events WHERE title NOT LIKE '${PREFIX}%' ORDER BY id`),
		content: sql(`SELECT i.id, i.kind, i.public, i.url, i.news_on, t.lang, t.title, t.body FROM content_items i
		    JOIN content_texts t ON t.item_id = i.id WHERE i.url NOT LIKE '${PREFIX}%' ORDER BY i.id, t.lang`),
		broadcasts: sql("SELECT b.id, b.state, b.recipients, t.subject FROM broadcasts b JOIN broadcast_texts t ON t.broadcast_id = b.id AND t.lang = b.lang WHERE t.subject <> 'Route probe' ORDER BY b.id"),
	};
}
