// docs/authorization.md rule 1 ("every route names its permission") and
// the guards, checked from the outside:
//
// 1. Every route each program prints with --routes must be in EXPECTED
//    below, with the same access and permission, and none may be "unset".
//    A new route therefore fails this test until it is reviewed here.
// 2. For every route and every kind of actor (visitor, plain member,
//    applying member, each site role, the community-scoped coordinator),
//    a request over HTTP is let through or refused as
//    docs/authorization.md says; a route on an object is asked about an
//    object inside northcoord's community (community 1), outside it
//    (community 2), of no community (site scope), across both (exchanges),
//    and about one that does not exist.  The answers are exact: a refusal
//    is 403 (a visitor's GET is sent to /login), an object that does not
//    exist is 404 only to whom holds the permission site-wide (rule 1),
//    and a refusal reads the same whether or not the object exists.
// 3. Where a handler narrows what the guard lets through (footnotes 1 and
//    3, the two-party scope of exchanges, the owner of an ad), the rule
//    is written next to the route with the line of docs/authorization.md
//    it follows.
//
// Non-destructive: POSTs that could change something act on throwaway
// members, ads and exchanges made here, or are sent with a body the
// handler refuses (422) after its permission check; a snapshot of the demo
// rows taken before the matrix must be unchanged after it.

import test from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
	BIN, BareKeys, Jar, get, getCsrf, login, memberId, request, sql, text,
} from './lib.mjs';
import { ACTORS, PERMS, guardAllows } from './roles.mjs';
import { FASTCGI } from './programs.mjs';
import { LIST_KEYS, PAGE_KEYS, SETTING_NAMES, siteRoutes } from './routes-site.mjs';
import { paymentsRoutes } from './routes-payments.mjs';
import { translationsRoutes } from './routes-translations.mjs';
import { CONTENT_KINDS, CONTENT_SCOPES, CONTENT_VARIANTS, contentDemo, contentObj, contentRoutes, contentSnapshot, makeContent } from './routes-content.mjs';
import { mailRoutes } from './routes-mail.mjs';
import { exchangesRoutes } from './routes-exchanges.mjs';
import { makeInvitation, membersRoutes } from './routes-members.mjs';
import { COMMUNITY, PREFIX, makeAds, makeMembers, one, q } from './routes-probes.mjs';

// The FastCGI programs of the manifest (cgi-bin/programs), each of which
// must be built and have its routes in EXPECTED.
const PROGRAMS = FASTCGI;

// An id that names no row.
const MISSING = 999999999;

// ---- who reaches what (docs/authorization.md "Scope of a grant") -----------

// The scope of each probe variant, per kind of object: a member (or an
// ad, whose scope is its community, else its owner's), or an exchange or
// an exchange waiting for its recipient (the scopes of its two parties).
const SCOPES = {
	member: { in: ['community:1'], out: ['community:2'], none: ['site'] },
	ad: { in: ['community:1'], out: ['community:2'], none: ['site'] },
	exchange: {
		in: ['community:1', 'community:1'],
		out: ['community:2', 'community:2'],
		cross: ['community:1', 'community:2'],
		none: ['site', 'site'],
	},
};
SCOPES.pending = SCOPES.exchange;
SCOPES.invitation = SCOPES.member;
// The broadcasts program's objects are each reached through their
// community (none: the whole timebank's): routes-content.mjs.
for (const k of CONTENT_KINDS)
	SCOPES[k] = CONTENT_SCOPES[k] || SCOPES.member;
// A language of the timebank: the translator's (es), another (fr), and
// one the timebank does not have (zz).
SCOPES.language = { in: ['language:es'], out: ['language:fr'] };
const LANGS = { in: 'es', out: 'fr', missing: 'zz' };
// A subscription type is the whole timebank's: one that exists (the
// demo's first) and one that does not.
const VARIANTS = {
	type: ['in', 'missing'],
	language: ['in', 'out', 'missing'],
	member: ['in', 'out', 'none', 'missing'],
	ad: ['in', 'out', 'none', 'missing'],
	exchange: ['in', 'out', 'cross', 'none', 'missing'],
	pending: ['in', 'out', 'cross', 'none', 'missing'],
	invitation: ['in', 'out', 'none', 'missing'],
};
for (const k of CONTENT_KINDS)
	VARIANTS[k] = CONTENT_VARIANTS[k] || ['in', 'out', 'none', 'missing'];

// "A site grant covers every community"; a community grant covers its
// own community only; a language grant covers no member.
const covers = (grantScope, target) => grantScope === 'site' || grantScope === target;

// Does the actor hold perm over target (a scope string)?  full: only
// through cells without a restricting footnote (1: the payment
// coordinator's narrow member list; 3: support may toggle Guardian Angel
// Mode, not assign angels).
function holdsOver(actorKey, perm, target, full = false) {
	const a = ACTORS[actorKey];
	return a.status === 'approved' && a.grants.some(([r, s]) => {
		const cell = PERMS[perm][r];
		return cell.yes && !(full && cell.note) && covers(s, target);
	});
}

// Over every scope of the list (mode 'all') or some (mode 'any').
function reaches(actorKey, perm, scopes, mode = 'all', full = false) {
	const f = (s) => holdsOver(actorKey, perm, s, full);
	return mode === 'all' ? scopes.every(f) : scopes.some(f);
}

// The default rule of a route on an object: the guard, then the
// permission over the object's scope (rule 2); an object that does not
// exist is 404 for whom holds the permission site-wide and 403 for
// everyone else (rule 1: no probing by id).  Returns 'allowed',
// 'refused' or 'missing'.
function byPerm(perm, kind, variant, actorKey, { mode = 'all', full = false } = {}) {
	if (variant === 'missing')
		return holdsOver(actorKey, perm, 'site', full) ? 'missing' : 'refused';
	return reaches(actorKey, perm, SCOPES[kind][variant], mode, full) ? 'allowed' : 'refused';
}

// ---- the reviewed route table ----------------------------------------------

// R(prog, method, pattern, access, perm, opts): access as `--routes`
// prints it; perm only for access "perm".  opts:
//   form     the body of a POST probe (the csrf token is added); a
//            function (variant, fixtures) for one body per variant
//   fresh    log in anew for each probe (it ends or changes the session)
//   obj      what :id names: 'member' | 'ad' | 'exchange' | 'pending' (an
//            exchange waiting for its recipient) | 'broadcast' (a draft
//            of its community's; from the path when not given)
//   alice    (pending, throwaway) the "in" one waits for alice, the plain
//            member actor, as its recipient
//   variants the probes of a route without :id whose body names objects
//   objects  'demo' (read-only probes on demo rows) or 'throwaway' (rows
//            made here for this route); default: demo for GET, throwaway
//            for POST
//   sub404   the path also names a missing sub-object (:note, :grant...):
//            an allowed actor may be answered 404 for it
//   rule     (actorKey, variant) => 'allowed' | 'refused' | 'missing',
//            when the handler refines the guard (after the guard);
//            `cite` says which line of docs/authorization.md it follows
const R = (prog, method, pattern, access, perm = '-', opts = {}) =>
	({ prog, method, pattern, access, perm, ...opts });


const today = () => new Date().toISOString().slice(0, 10);
const formKey = () => randomBytes(32).toString('hex');

const EXPECTED = [
	// account: log in and out, own profile and password, signup
	R('account', 'GET', '/', 'public'),
	R('account', 'GET', '/login', 'public'),
	R('account', 'POST', '/login', 'public', '-', { form: { username: '', password: '' } }),
	R('account', 'POST', '/logout', 'login', '-', { fresh: true }),
	// A visitor's choice of language (the public pages' switcher); an
	// unknown language is refused (400), so the probe sends English.
	R('account', 'POST', '/language', 'public', '-', { form: { lang: 'en' } }),
	R('account', 'GET', '/me', 'login'),
	R('account', 'POST', '/me', 'login', '-', { form: { name: '', email: 'x' } }),
	R('account', 'GET', '/me/password', 'login'),
	R('account', 'POST', '/me/password', 'login', '-', { form: { current: 'wrong', password: 'x', password2: 'y' } }),
	// The profile and password of a member one acts for: a guardian angel
	// (mode on) or an organisation's manager, by act_for(), never by a
	// coordinator's permission.  Nobody acts for the demo members probed
	// here; alice's own ("in") is sent to /me.
	R('account', 'GET', '/me/for/:id', 'member', '-', {
		cite: 'docs/authorization.md "Who is who": a guardian angel may edit the profile of the member they look after while the mode is on, a manager that of the organisation; rule 1: the same 403 for no such member',
		rule: (a, v) => (a === 'member' && v === 'in') ? 'allowed' : 'refused',
	}),
	R('account', 'POST', '/me/for/:id', 'member', '-', {
		form: { name: '' },
		cite: 'docs/authorization.md "Who is who": only the angel (mode on) or the manager; the probes\' throwaway members have neither',
		rule: () => 'refused',
	}),
	R('account', 'POST', '/me/for/:id/password', 'member', '-', {
		form: { password: 'x', password2: 'y' },
		cite: 'docs/authorization.md "Who is who": only the angel (mode on) or the manager; the probes\' throwaway members have neither',
		rule: () => 'refused',
	}),
	R('account', 'GET', '/signup', 'public'),
	R('account', 'POST', '/signup', 'public', '-', { form: { username: '', email: 'x' } }),
	R('account', 'GET', '/signup/done', 'public'),
	...mailRoutes({ R }),

	// members
	R('members', 'GET', '/members', 'perm', 'member.list'),
	R('members', 'GET', '/members/export.csv', 'perm', 'member.list'),
	R('members', 'GET', '/members/dashboard', 'perm', 'dashboard.view'),
	R('members', 'GET', '/members/roles', 'coordinator'),
	R('members', 'GET', '/members/new', 'perm', 'member.add'),
	R('members', 'POST', '/members/new', 'perm', 'member.add', { form: { username: '' } }),
	R('members', 'GET', '/members/communities', 'perm', 'member.community'),
	R('members', 'POST', '/members/communities', 'perm', 'member.community', {
		form: { name: '' },
		cite: 'docs/authorization.md rules 2 and 3: a new Community Timebank is the whole timebank\'s business, so it needs member.community site-wide',
		rule: (a) => holdsOver(a, 'member.community', 'site') ? 'allowed' : 'refused',
	}),
	R('members', 'GET', '/members/audit', 'perm', 'audit.view'),
	R('members', 'POST', '/members/bulk', 'perm', 'member.bulk', { form: {} }),
	R('members', 'POST', '/members/bulk/apply', 'perm', 'member.bulk', { form: {} }),
	R('members', 'POST', '/members/become/return', 'login', '-', { fresh: true }),
	R('members', 'GET', '/members/:id', 'perm', 'member.list'),
	R('members', 'GET', '/members/:id/edit', 'perm', 'member.edit'),
	R('members', 'POST', '/members/:id/edit', 'perm', 'member.edit', { form: { name: '' } }),
	R('members', 'POST', '/members/:id/password', 'perm', 'member.edit', { form: { password: 'x', password2: 'y' } }),
	R('members', 'POST', '/members/:id/approve', 'perm', 'member.approve'),
	R('members', 'POST', '/members/:id/unapprove', 'perm', 'member.unapprove'),
	R('members', 'POST', '/members/:id/disable', 'perm', 'member.disable'),
	R('members', 'POST', '/members/:id/enable', 'perm', 'member.disable'),
	R('members', 'POST', '/members/:id/optout', 'perm', 'member.optout'),
	R('members', 'POST', '/members/:id/community', 'perm', 'member.community', { form: { community: 'x' } }),
	R('members', 'GET', '/members/:id/notes', 'perm', 'member.notes'),
	R('members', 'POST', '/members/:id/notes', 'perm', 'member.notes', { form: { body: '' } }),
	R('members', 'POST', '/members/:id/notes/:note', 'perm', 'member.notes', { form: { body: '' }, sub404: true }),
	R('members', 'POST', '/members/:id/angels', 'perm', 'member.angels', {
		form: { angel: '' },
		cite: 'docs/authorization.md footnote 3: support may toggle Guardian Angel Mode, not assign angels',
		rule: (a, v) => byPerm('member.angels', 'member', v, a, { full: true }),
	}),
	R('members', 'POST', '/members/:id/angels/:angel/remove', 'perm', 'member.angels', {
		sub404: true,
		cite: 'docs/authorization.md footnote 3: support may toggle Guardian Angel Mode, not remove angels',
		rule: (a, v) => byPerm('member.angels', 'member', v, a, { full: true }),
	}),
	R('members', 'POST', '/members/:id/angel-mode', 'perm', 'member.angels'),
	R('members', 'POST', '/members/:id/managers', 'perm', 'member.orgs', { form: { manager: '' } }),
	R('members', 'POST', '/members/:id/managers/:manager/remove', 'perm', 'member.orgs', { sub404: true }),
	R('members', 'POST', '/members/:id/become', 'perm', 'member.become', { fresh: true }),
	R('members', 'GET', '/members/:id/roles', 'perm', 'role.assign'),
	R('members', 'POST', '/members/:id/roles', 'perm', 'role.assign', { form: { role: '', scope: '' } }),
	R('members', 'POST', '/members/:id/roles/:grant/remove', 'perm', 'role.assign', { sub404: true }),

	// exchanges: offers and requests
	R('exchanges', 'GET', '/ads', 'member'),
	R('exchanges', 'GET', '/ads/mine', 'member'),
	R('exchanges', 'GET', '/ads/manage', 'perm', 'ad.list'),
	R('exchanges', 'GET', '/ads/new', 'member'),
	R('exchanges', 'POST', '/ads/new', 'member', '-', { form: { title: '' } }),
	R('exchanges', 'GET', '/ads/:id', 'member', '-', {
		cite: 'docs/authorization.md "Who is who": every member sees the directory of offers and requests; rule 1: only ad.list site-wide learns that an ad does not exist',
		rule: (a, v) => v === 'missing' ? (holdsOver(a, 'ad.list', 'site') ? 'missing' : 'refused') : 'allowed',
	}),
	R('exchanges', 'GET', '/ads/:id/edit', 'member', '-', {
		cite: 'docs/authorization.md "Who is who": own offers and requests (the "in" ad is alice\'s); ad.edit over the ad\'s scope (rule 2)',
		rule: (a, v) => ownAd(a, v) || byPerm('ad.edit', 'ad', v, a),
	}),
	// Sent with an empty title: refused (422) after the permission check,
	// on the demo ads, nothing saved.
	R('exchanges', 'POST', '/ads/:id/edit', 'member', '-', {
		form: { title: '' }, objects: 'demo',
		cite: 'docs/authorization.md "Who is who": own offers and requests; ad.edit over the ad\'s scope (rule 2)',
		rule: (a, v) => ownAd(a, v) || byPerm('ad.edit', 'ad', v, a),
	}),
	// Throwaway ads of throwaway members: nobody here owns them.
	R('exchanges', 'POST', '/ads/:id/renew', 'member', '-', {
		cite: 'docs/authorization.md ad.edit over the ad\'s scope (rule 2); renewing is editing the expiry',
		rule: (a, v) => byPerm('ad.edit', 'ad', v, a),
	}),
	R('exchanges', 'POST', '/ads/:id/delete', 'member', '-', {
		cite: 'docs/authorization.md ad.delete over the ad\'s scope (rule 2)',
		rule: (a, v) => byPerm('ad.delete', 'ad', v, a),
	}),

	// exchanges: the ledger
	R('exchanges', 'GET', '/exchanges', 'member'),
	R('exchanges', 'GET', '/exchanges/statement.csv', 'member'),
	R('exchanges', 'GET', '/exchanges/new', 'member'),
	// A complete exchange between two throwaway members (nobody here is a
	// party), one fresh one-time key per request: allowed actors really
	// record a quarter of an hour between throwaway members.
	R('exchanges', 'POST', '/exchanges/new', 'member', '-', {
		variants: ['in', 'out', 'cross', 'none'],
		form: (v, fx) => ({
			provider: fx.parties[v][0], recipient: fx.parties[v][1], hours: '0.25',
			service_date: today(), description: 'routes.test probe', form_key: formKey(),
		}),
		cite: 'docs/authorization.md "Who is who": an exchange in which they are a party (none is, here); exchange.record_for over the scopes of both parties (rule 2; "Scope of a grant": writing an exchange across two communities needs both)',
		rule: (a, v) => reaches(a, 'exchange.record_for', SCOPES.exchange[v], 'all') ? 'allowed' : 'refused',
	}),
	...exchangesRoutes({ R, reaches, SCOPES, today, formKey }),
	R('exchanges', 'GET', '/exchanges/list', 'perm', 'exchange.list'),
	R('exchanges', 'GET', '/exchanges/list.csv', 'perm', 'exchange.list'),
	R('exchanges', 'GET', '/exchanges/members/:id', 'perm', 'member.activity', { obj: 'member' }),
	R('exchanges', 'GET', '/exchanges/:id', 'member', '-', {
		cite: 'docs/authorization.md "Who is who": exchanges they take part in (the "in" exchange is alice\'s); "Scope of a grant": an exchange across two communities is visible to a coordinator scoped to either (exchange.list)',
		rule: (a, v) => (a === 'member' && v === 'in') ? 'allowed' :
		    byPerm('exchange.list', 'exchange', v, a, { mode: 'any' }),
	}),
	// Exchanges waiting for their recipient (docs/authorization.md rule
	// 10).  The demo's "in" one waits for alice.
	R('exchanges', 'GET', '/exchanges/pending/:id', 'member', '-', {
		obj: 'pending',
		cite: 'docs/authorization.md "Members": exchanges they take part in (the "in" one waits for alice); "Scope of a grant": visible to a coordinator scoped to either party (exchange.list)',
		rule: (a, v) => (a === 'member' && v === 'in') ? 'allowed' :
		    byPerm('exchange.list', 'pending', v, a, { mode: 'any' }),
	}),
	// Throwaway ones between throwaway members: nobody here is a party,
	// so only exchange.edit over both parties confirms (for real; a
	// second confirmation is answered 303 with the first's exchange).
	R('exchanges', 'POST', '/exchanges/pending/:id/confirm', 'member', '-', {
		obj: 'pending',
		cite: 'docs/authorization.md rule 10: the recipient (or whoever acts for them) confirms; "Scope of a grant": a coordinator deciding for them needs exchange.edit over both parties',
		rule: (a, v) => byPerm('exchange.edit', 'pending', v, a, { mode: 'all' }),
	}),
	// Only the recipient's side disputes: the "in" one waits for alice,
	// who disputes it for real (it moves nothing); no coordinator may.
	R('exchanges', 'POST', '/exchanges/pending/:id/dispute', 'member', '-', {
		obj: 'pending', alice: true,
		cite: 'docs/authorization.md rule 10: only the member whose hours it takes (or whoever acts for them) disputes; rule 1: nobody else learns whether it exists',
		rule: (a, v) => (a === 'member' && v === 'in') ? 'allowed' : 'refused',
	}),
	R('exchanges', 'POST', '/exchanges/pending/:id/cancel', 'perm', 'exchange.edit', { obj: 'pending' }),
	// Sent without a reason: refused (422) after the permission check, on
	// the demo exchanges, nothing reversed.
	R('exchanges', 'POST', '/exchanges/:id/reverse', 'perm', 'exchange.edit', {
		objects: 'demo',
		cite: 'docs/authorization.md "Scope of a grant": editing (reversing) an exchange needs scope over both parties',
		rule: (a, v) => byPerm('exchange.edit', 'exchange', v, a, { mode: 'all' }),
	}),

	...translationsRoutes(R, holdsOver),
	...siteRoutes({ R, holdsOver, MISSING }),
	...membersRoutes({ R }),
	...paymentsRoutes(R, holdsOver),
	// broadcasts, alerts, events, pages: routes-content.mjs
	...contentRoutes(R, holdsOver),
];

// The "in" ad of the demo is alice's own (the plain member actor).
function ownAd(actorKey, variant) {
	return actorKey === 'member' && variant === 'in' ? 'allowed' : null;
}

const key = (r) => `${r.prog} ${r.method} ${r.pattern}`;

function objOf(e) {
	if (e.obj)
		return e.obj;
	if (!e.pattern.includes(':id'))
		return null;
	if (e.pattern.startsWith('/ads/'))
		return 'ad';
	if (e.pattern.startsWith('/exchanges/'))
		return 'exchange';
	if (contentObj(e.pattern))
		return contentObj(e.pattern);
	return 'member';
}

function objectsOf(e) {
	return e.objects || (e.method === 'GET' ? 'demo' : 'throwaway');
}

// The variants a route is probed with: one (null) for a route on no
// object.
function variantsOf(e) {
	if (e.variants)
		return e.variants;
	const o = objOf(e);
	return o ? VARIANTS[o] : [null];
}

// What the actor must be answered: the guard first, then the route's rule
// or the default one.
function expectation(e, actorKey, variant) {
	if (!guardAllows(actorKey, e.access, e.perm))
		return 'refused';
	if (e.rule) {
		const w = e.rule(actorKey, variant);
		assert.ok(['allowed', 'refused', 'missing'].includes(w), `rule of ${key(e)} answers ${w}`);
		return w;
	}
	if (variant === null)
		return 'allowed';
	assert.equal(e.access, 'perm', `${key(e)}: a route on an object without a permission needs a rule`);
	return byPerm(e.perm, objOf(e), variant, actorKey);
}

// ---- fixtures ------------------------------------------------------------

// Demo rows for the read-only probes, chosen by what makes them fit (no
// party or owner is one of the actors, except alice where she must be).
const ACTOR_USERS = Object.values(ACTORS).map((a) => a.user).filter(Boolean);
const notActor = (col) => `${col} NOT IN (${ACTOR_USERS.map(q).join(',')})`;
// Nobody acts for a plain member (no organisation, Guardian Angel Mode
// off), so only the coordinator rules decide.
const plain = (t) => `${t}.is_organisation = 0 AND ${t}.angel_mode = 0`;

function demoObjects() {
	const alice = memberId('alice');
	const exchangeWhere = (pc, rc) => `SELECT x.id FROM exchanges x
	    JOIN members p ON p.id = x.provider_id JOIN members r ON r.id = x.recipient_id
	    WHERE x.reverses_id IS NULL AND ${pc('p')} AND ${rc('r')}
	    AND ${notActor('p.username')} AND ${notActor('r.username')}
	    AND ${plain('p')} AND ${plain('r')} ORDER BY x.id LIMIT 1`;
	const pendingWhere = (pc, rc) => `SELECT x.id FROM exchange_proposals x
	    JOIN members p ON p.id = x.provider_id JOIN members r ON r.id = x.recipient_id
	    WHERE x.status = 'pending' AND ${pc('p')} AND ${rc('r')}
	    AND ${notActor('p.username')} AND ${notActor('r.username')}
	    AND ${plain('p')} AND ${plain('r')} ORDER BY x.id LIMIT 1`;
	const inC = (n) => (t) => `${t}.community_id = ${n}`;
	const noC = (t) => `${t}.community_id IS NULL`;
	return {
		member: {
			in: alice,
			out: memberId('dave'),
			none: memberId('frank'),
			missing: MISSING,
		},
		ad: {
			in: one(`SELECT id FROM ads WHERE member_id = ${alice} AND status = 'active'
			    AND expires_on >= UTC_DATE() AND community_id = 1 ORDER BY id LIMIT 1`,
			    'an active ad of alice in community 1'),
			out: one(`SELECT a.id FROM ads a JOIN members m ON m.id = a.member_id
			    WHERE a.status = 'active' AND a.expires_on >= UTC_DATE() AND a.community_id = 2
			    AND m.community_id = 2 AND ${notActor('m.username')} ORDER BY a.id LIMIT 1`,
			    'an active ad in community 2'),
			none: one(`SELECT a.id FROM ads a JOIN members m ON m.id = a.member_id
			    WHERE a.status = 'active' AND a.expires_on >= UTC_DATE() AND a.community_id IS NULL
			    AND m.community_id IS NULL AND ${notActor('m.username')} ORDER BY a.id LIMIT 1`,
			    'an active ad of no community'),
			missing: MISSING,
		},
		exchange: {
			in: one(`SELECT x.id FROM exchanges x
			    JOIN members o ON o.id = IF(x.provider_id = ${alice}, x.recipient_id, x.provider_id)
			    WHERE ${alice} IN (x.provider_id, x.recipient_id) AND x.reverses_id IS NULL
			    AND o.community_id = 1 AND ${notActor('o.username')} AND ${plain('o')}
			    ORDER BY x.id LIMIT 1`,
			    'an exchange of alice with a member of community 1'),
			out: one(exchangeWhere(inC(2), inC(2)), 'an exchange within community 2'),
			cross: one(exchangeWhere(inC(1), inC(2)), 'an exchange across communities 1 and 2'),
			none: one(exchangeWhere(noC, noC), 'an exchange between members of no community'),
			missing: MISSING,
		},
		...contentDemo(one, MISSING),
		pending: {
			in: one(`SELECT x.id FROM exchange_proposals x JOIN members o ON o.id = x.provider_id
			    WHERE x.recipient_id = ${alice} AND x.status = 'pending' AND o.community_id = 1
			    AND ${notActor('o.username')} AND ${plain('o')} ORDER BY x.id LIMIT 1`,
			    'an exchange waiting for alice, from a member of community 1'),
			out: one(pendingWhere(inC(2), inC(2)), 'a pending exchange within community 2'),
			cross: one(pendingWhere(inC(1), inC(2)), 'a pending exchange across communities 1 and 2'),
			none: one(pendingWhere(noC, noC), 'a pending exchange between members of no community'),
			missing: MISSING,
		},
	};
}

// The objects of every probe: for each route (by key) and variant, the id
// that :id names; and the parties of the recording probes.
function fixtures() {
	const demo = demoObjects();
	const fx = {
		ids: new Map(), parties: {},
		phrase: one("SELECT id FROM phrases WHERE phrase_key = 'login.failed'", 'the phrase login.failed'),
		type: one('SELECT MIN(id) FROM subscription_types', 'a subscription type'),
	};
	const wantMembers = [];		/* [routeKey, variant] */
	const wantAds = [];
	const wantPending = [];		/* [routeKey, variant, alice] */
	const wantContent = Object.fromEntries(CONTENT_KINDS.map((k) => [k, []]));
	for (const e of EXPECTED) {
		const o = objOf(e);
		if (!o)
			continue;
		for (const v of variantsOf(e)) {
			if (o === 'language') {
				fx.ids.set(`${key(e)} ${v}`, fx.phrase);
				continue;
			}
			if (o === 'setting' || o === 'list' || o === 'page')
				continue;	// named, not numbered (SETTING_NAMES, LIST_KEYS, PAGE_KEYS)
			if (o === 'listitem') {
				fx.ids.set(`${key(e)} ${v}`, v === 'missing' ? MISSING :
				    Number(one("SELECT id FROM neighbourhoods WHERE name = 'Riverside'", 'the demo neighbourhood Riverside')));
				continue;
			}
			if (o === 'invitation') {
				fx.ids.set(`${key(e)} ${v}`, v === 'missing' ? MISSING : makeInvitation(COMMUNITY[v], PREFIX));
				continue;
			}
			if (o === 'type') {
				fx.ids.set(`${key(e)} ${v}`, v === 'missing' ? MISSING : fx.type);
				continue;
			}
			if (v === 'missing' || objectsOf(e) === 'demo') {
				fx.ids.set(`${key(e)} ${v}`, demo[o][v]);
				continue;
			}
			assert.ok(o !== 'exchange', `${key(e)}: exchanges are probed on demo rows`);
			if (o === 'pending')
				wantPending.push([key(e), v, e.alice && v === 'in']);
			else if (wantContent[o])
				wantContent[o].push([key(e), v]);
			else
				(o === 'member' ? wantMembers : wantAds).push([key(e), v]);
		}
	}
	const ms = makeMembers(wantMembers.map(([, v]) => COMMUNITY[v]));
	wantMembers.forEach(([k, v], i) => fx.ids.set(`${k} ${v}`, ms[i].id));
	const owners = makeMembers(wantAds.map(([, v]) => COMMUNITY[v]));
	const ads = makeAds(owners);
	wantAds.forEach(([k, v], i) => fx.ids.set(`${k} ${v}`, ads[i]));
	const p = makeMembers([1, 1, 2, 2, null, null]).map((m) => m.username);
	fx.parties = { in: [p[0], p[1]], out: [p[2], p[3]], cross: [p[0], p[2]], none: [p[4], p[5]] };
	const pend = makePending(wantPending.map(([, v, alice]) => [v, alice]));
	wantPending.forEach(([k, v], i) => fx.ids.set(`${k} ${v}`, pend[i]));
	for (const [kind, want] of Object.entries(wantContent)) {
		const ids = makeContent(kind, want.map(([, v]) => COMMUNITY[v]), PREFIX);
		want.forEach(([k, v], i) => fx.ids.set(`${k} ${v}`, ids[i]));
	}
	return fx;
}

// Throwaway exchanges waiting for their recipient, one per spec [variant,
// alice]: between two throwaway members of the variant's communities, or
// (alice) from one of community 1 to alice.  Returns their ids in order.
function makePending(specs) {
	const comm = { in: [1, 1], out: [2, 2], cross: [1, 2], none: [null, null] };
	const members = makeMembers(specs.flatMap(([v]) => comm[v]));
	const alice = memberId('alice');
	const keys = specs.map(() => formKey());
	if (specs.length === 0)
		return [];
	sql(`INSERT INTO exchange_proposals (provider_id, recipient_id, hundredths, service_date,
	    description, recorded_by, recorded_as, form_key) VALUES ${specs.map(([, a], i) => {
		const [pr, re] = [members[2 * i].id, a ? alice : members[2 * i + 1].id];
		return `(${pr}, ${re}, 25, UTC_DATE(), 'routes.test probe', ${pr}, ${pr}, '${keys[i]}')`;
	}).join(',\n')}`);
	const ids = new Map(sql(`SELECT form_key, id FROM exchange_proposals
	    WHERE form_key IN (${keys.map((k) => `'${k}'`).join(',')})`).map(([k, id]) => [k, Number(id)]));
	return keys.map((k) => ids.get(k));
}

// The path of a probe: :id the variant's object, any other parameter
// MISSING.
function pathOf(e, variant, fx) {
	return e.pattern.replace(/:([a-z_]+)/g, (_, p) =>
	    String(p === 'lang' ? LANGS[variant] : p === 'name' ? SETTING_NAMES[variant] :
	    p === 'page' ? PAGE_KEYS[variant] : p === 'report' ? 'hours-month' :
	    p === 'list' ? (e.obj === 'listitem' ? LIST_KEYS.in : LIST_KEYS[variant]) :
	    p === 'id' ? fx.ids.get(`${key(e)} ${variant}`) : MISSING));
}

// ---- what the demo rows look like (non-destructive check) -----------------

function snapshot(ids) {
	const list = ids.join(',');
	return {
		members: sql(`SELECT id, username, name, email, phone, address, status, profile_status,
		    COALESCE(community_id, 0), optout, angel_mode, is_organisation, lang, password_hash
		    FROM members WHERE id IN (${list}) ORDER BY id`),
		grants: sql(`SELECT member_id, role, scope_kind, community_id, lang FROM grants
		    WHERE member_id IN (${list}) ORDER BY id`),
		balances: sql(`SELECT member_id, hundredths FROM balances WHERE member_id IN (${list}) ORDER BY member_id`),
		exchanges: sql(`SELECT COUNT(*) FROM exchanges WHERE provider_id IN (${list}) OR recipient_id IN (${list})`),
		ads: sql(`SELECT id, status, expires_on, title FROM ads WHERE member_id IN (${list}) ORDER BY id`),
		notes: sql(`SELECT COUNT(*) FROM member_notes WHERE member_id IN (${list})`),
		angels: sql('SELECT * FROM guardian_angels ORDER BY 1, 2'),
		managers: sql('SELECT * FROM org_managers ORDER BY 1, 2'),
		communities: sql('SELECT id, name FROM communities ORDER BY id'),
		...contentSnapshot(PREFIX),
	};
}

// ---- the answers -----------------------------------------------------------

function routesOf(prog) {
	const exe = `${BIN}/${prog}`;
	assert.ok(existsSync(exe), `${exe} exists`);
	const out = execFileSync(exe, ['--routes'], { encoding: 'utf8', timeout: 20000 });
	return out.split('\n').filter((l) => l.trim() !== '').map((l) => {
		const f = l.split('\t');
		assert.equal(f.length, 5, `--routes line has 5 fields: ${JSON.stringify(l)}`);
		const [method, pattern, access, perm, flags] = f;
		return { prog, method, pattern, access, perm, noCsrf: flags === 'no-csrf' };
	});
}

// What an answer is.  refused: 403, or a visitor's GET sent to /login;
// missing: 404; allowed: a page (GET: 200, or 303 elsewhere than /login;
// POST: 200, 303, 409 or 422); anything else is reported as it is.
function observed(res, method) {
	const loc = res.location || '';
	if (res.status === 403)
		return 'refused';
	if (method === 'GET' && res.status === 303 && /^\/login(\?|$)/.test(loc))
		return 'refused-login';
	if (res.status === 404)
		return 'missing';
	if (method === 'GET' && (res.status === 200 || res.status === 303))
		return 'allowed';
	if (method === 'POST' && [200, 303, 409, 422].includes(res.status))
		return 'allowed';
	return `status ${res.status}`;
}

function accepted(e, want, got, actorKey, method) {
	if (want === 'refused')
		return got === (ACTORS[actorKey].user === null && method === 'GET' ? 'refused-login' : 'refused');
	if (want === 'missing')
		return got === 'missing';
	return got === 'allowed' || (e.sub404 && got === 'missing');
}

const WANT_TEXT = {
	allowed: 'allowed (200/303, or 409/422 for the probe body)',
	refused: 'refused (403)',
	missing: 'not found (404)',
};

const keys = new BareKeys();

test('every FastCGI program of the manifest is built and has its routes in EXPECTED', () => {
	assert.ok(PROGRAMS.includes('account') && PROGRAMS.includes('members') &&
	    PROGRAMS.includes('exchanges'), `the manifest lists ${PROGRAMS.join(', ')}`);
	const problems = [];
	for (const prog of PROGRAMS) {
		if (!BIN || !existsSync(`${BIN}/${prog}`))
			problems.push(`${prog} (cgi-bin/programs) is not built in ${BIN || '(WEFT_BIN unset)'}`);
		if (!EXPECTED.some((e) => e.prog === prog))
			problems.push(`${prog} (cgi-bin/programs) has no route in tests/e2e/routes.test.mjs EXPECTED`);
	}
	for (const prog of new Set(EXPECTED.map((e) => e.prog)))
		if (!PROGRAMS.includes(prog))
			problems.push(`EXPECTED has routes of ${prog}, which is not a FastCGI program of cgi-bin/programs`);
	assert.deepEqual(problems, []);
});

for (const prog of PROGRAMS) {
	test(`${prog} --routes: every route is in the reviewed table, with its access`, () => {
		const got = routesOf(prog);
		assert.ok(got.length > 0, 'at least one route');
		const seen = new Set();
		const problems = [];
		for (const r of got) {
			if (seen.has(key(r)))
				problems.push(`duplicate route ${key(r)}`);
			seen.add(key(r));
			if (r.access === 'unset' || r.access === '?')
				problems.push(`${key(r)} has no access (ACCESS_UNSET)`);
			if (r.access === 'perm' && (!r.perm || r.perm === '-'))
				problems.push(`${key(r)} is ACCESS_PERM without a permission`);
			if (r.access === 'perm' && r.perm && r.perm !== '-' && !PERMS[r.perm])
				problems.push(`${key(r)} names ${r.perm}, which is not in docs/authorization.md (tests/e2e/roles.mjs)`);
			const e = EXPECTED.find((x) => key(x) === key(r));
			if (!e) {
				problems.push(`${key(r)} (${r.access} ${r.perm}) is not in tests/e2e/routes.test.mjs EXPECTED`);
				continue;
			}
			if (e.access !== r.access || e.perm !== r.perm)
				problems.push(`${key(r)}: expected ${e.access} ${e.perm}, program says ${r.access} ${r.perm}`);
			// APP_NO_CSRF: reviewed here and in docs/authorization.md
			// ("Routes without a CSRF token"), on public POSTs only.
			if (!!e.noCsrf !== r.noCsrf)
				problems.push(`${key(r)}: ${r.noCsrf ? 'takes no CSRF token' : 'checks the CSRF token'}, the table says otherwise`);
			if (r.noCsrf && (r.method !== 'POST' || r.access !== 'public'))
				problems.push(`${key(r)}: APP_NO_CSRF on a route that is not a public POST`);
			// A route on an object whose access is not a permission has
			// its rule written here, with the line of
			// docs/authorization.md.
			if (objOf(e) && e.access !== 'perm' && !e.rule)
				problems.push(`${key(r)} is on an object without a permission: write its rule in EXPECTED`);
			if (e.rule && !e.cite)
				problems.push(`${key(r)}: its rule cites no line of docs/authorization.md`);
		}
		for (const e of EXPECTED.filter((x) => x.prog === prog))
			if (!seen.has(key(e)))
				problems.push(`${key(e)} is expected but the program has no such route`);
		assert.deepEqual(problems, []);
	});
}

test('authorization over HTTP: every route, every actor, in and out of scope', async (t) => {
	const demoIds = sql('SELECT id FROM members ORDER BY id').map(([id]) => Number(id));
	const before = snapshot(demoIds);
	const fx = fixtures();
	const actors = Object.keys(ACTORS);
	// One session per actor for most requests; `fresh` routes log in anew.
	const jars = {};
	const csrfs = {};
	for (const a of actors) {
		jars[a] = ACTORS[a].user ? await login(ACTORS[a].user) : new Jar();
		csrfs[a] = getCsrf((await get(ACTORS[a].user ? '/me' : '/login', jars[a])).body);
	}

	const table = [];
	const wrong = [];
	const samePage = [];
	for (const prog of PROGRAMS) {
		for (const r of routesOf(prog)) {
			const e = EXPECTED.find((x) => key(x) === key(r));
			if (!e || r.access === 'unset' || r.access === '?' ||
			    e.access !== r.access || e.perm !== r.perm)
				continue;	// reported by the coverage test
			for (const a of actors) {
				const refusals = [];
				for (const v of variantsOf(e)) {
					const path = pathOf(e, v, fx);
					const want = expectation(e, a, v);
					let jar = jars[a];
					let csrf = csrfs[a];
					let res;
					if (r.method === 'GET') {
						res = await get(path, jar);
					} else {
						if (e.fresh && ACTORS[a].user) {
							jar = await login(ACTORS[a].user);
							csrf = getCsrf((await get('/me', jar)).body);
						}
						const body = typeof e.form === 'function' ? e.form(v, fx) : (e.form || {});
						res = await request(path, { method: r.method, jar, form: { csrf, ...body } });
					}
					const got = observed(res, r.method);
					const shown = `${res.status}${res.location ? ' -> ' + res.location : ''}`;
					table.push(`${r.method} ${path} ${a}${v ? ' [' + v + ']' : ''}: ${shown} (want ${want})`);
					if (!accepted(e, want, got, a, r.method))
						wrong.push(`${r.method} ${r.pattern} ${v ? `[${v}] ` : ''}(${path}) as ${a} (${ACTORS[a].user || 'visitor'}): expected ${WANT_TEXT[want]}, got ${shown} ${text(res.body).replace(/^.*? Log out /, '').slice(0, 120)}${e.cite ? ` — rule: ${e.cite}` : ''}`);
					if (got === 'refused' || got === 'refused-login') {
						const id = path.match(/\d+/);
						// Whole numbers only: id 4 must not turn "Error 403" into "Error :id03".
						const byId = (s) => (id ? s.replace(new RegExp(`\\b${id[0]}\\b`, 'g'), ':id') : s);
						// A language route names its language, a setting's
						// its setting, not an id.
						const norm = (s) => byId(e.obj === 'language' ? s.replace(/\/translations\/[a-z]{2}\b/g, '/translations/:lang') :
						    e.obj === 'setting' ? s.replace(/\/site\/settings\/[a-z_]+/g, '/site/settings/:name') :
						    e.obj === 'list' ? s.replace(/\/site\/lists\/[a-z_]+/g, '/site/lists/:list') :
						    e.obj === 'page' ? s.replace(/\/site\/pages\/[a-z_]+\/[a-z]+/g, '/site/pages/:page/:lang') : s);
						refusals.push({ v, page: `${res.status} ${norm(res.location || '')} ${norm(text(res.body))}` });
					}
					if (res.status === 200 && /text\/html/.test(res.headers['content-type'] || ''))
						keys.check(res.body, `${r.method} ${r.pattern} as ${a}`);
				}
				// Rule 1: a refusal reads the same whether or not the
				// object exists.
				const miss = refusals.find((x) => x.v === 'missing');
				for (const x of refusals)
					if (miss && x !== miss && x.page !== miss.page)
						samePage.push(`${r.method} ${r.pattern} as ${a}: refused [${x.v}] "${x.page.slice(0, 160)}" but refused [missing] "${miss.page.slice(0, 160)}"`);
			}
		}
	}
	t.diagnostic(`${table.length} requests`);
	if (process.env.WEFT_TEST_VERBOSE)
		for (const l of table)
			t.diagnostic(l);
	for (const w of wrong)
		t.diagnostic(`WRONG ${w}`);
	const after = snapshot(demoIds);
	assert.deepEqual(wrong, [], 'every guard and handler answers as docs/authorization.md says');
	assert.deepEqual(samePage, [], 'rule 1: the same refusal for an object out of reach and one that does not exist');
	assert.deepEqual(after, before, 'the probes changed no demo row');
});

test('every page met above, as every actor, shows text, not phrase keys', () => {
	keys.assertNone();
});
