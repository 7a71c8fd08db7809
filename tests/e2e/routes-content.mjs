// The broadcasts program's rows of the reviewed route table of
// routes.test.mjs (broadcasts, alerts, events, pages): each object is
// reached through its community (rule 2; none: the whole timebank's,
// site grants only), probed in community 1 ("in"), 2 ("out"), none, and
// missing; with the demo rows the GET probes read, the throwaway rows
// the POST probes act on, and what of the demo must not change.

import { memberId, sql } from './lib.mjs';

// The kinds of object, and the first path segment that names each.
export const CONTENT_KINDS = ['broadcast'];
const PREFIXES = { '/broadcasts/': 'broadcast' };

export function contentObj(pattern) {
	if (!pattern.includes(':id'))
		return null;
	const p = Object.keys(PREFIXES).find((x) => pattern.startsWith(x));
	return p ? PREFIXES[p] : null;
}

// R: routes.test.mjs's row maker.
export function contentRoutes(R) {
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

const MAKERS = { broadcast: makeBroadcasts };

// Throwaway objects of kind, one per community id (or null), in order.
export function makeContent(kind, specs, prefix) {
	return MAKERS[kind](specs, prefix);
}

// The demo rows of the area (throwaway ones left out), before and after.
export function contentSnapshot(PREFIX) {
	return {
		broadcasts: sql("SELECT b.id, b.state, b.recipients, t.subject FROM broadcasts b JOIN broadcast_texts t ON t.broadcast_id = b.id AND t.lang = b.lang WHERE t.subject <> 'Route probe' ORDER BY b.id"),
	};
}
