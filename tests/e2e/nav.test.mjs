// The navigation and the two coordinator menus ("+" and the gear), from
// the outside, for every kind of actor of roles.mjs:
//
// 1. Every link of the bar and of the menus on the actor's home page is
//    followed and answers 200: a menu never offers a page its viewer is
//    refused (403), sent to log in, or that does not exist (404).
// 2. The entries shown are exactly those of NAV below whose route (its
//    access and permission as the program prints them with --routes) the
//    actor may pass by the permission table of roles.mjs, each in its
//    place (bar, "+" menu, or a group of the gear menu), with its label.
// 3. Every program lays out the same entries: a page of each program of
//    the manifest shows what the account program's home page shows.

import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BIN, Jar, get, login, text } from './lib.mjs';
import { ACTORS, guardAllows } from './roles.mjs';
import { FASTCGI } from './programs.mjs';

// What the product offers, as reviewed: href -> [place, program, label].
// A new entry fails this test until it is added here.
const NAV = {
	'/': ['bar', 'account', 'Home'],
	'/ads': ['bar', 'exchanges', 'Offers and requests'],
	'/exchanges': ['bar', 'exchanges', 'My exchanges'],
	'/members': ['bar', 'members', 'Members'],
	'/me': ['bar', 'account', 'My profile'],
	'/members/new': ['add', 'members', 'Add a member'],
	'/members/invitations': ['add', 'members', 'Invite someone to join'],
	'/broadcasts/new': ['add', 'broadcasts', 'Add a broadcast'],
	'/broadcasts': ['content', 'broadcasts', 'Broadcasts'],
	'/broadcasts/coordinators': ['content', 'broadcasts', "Coordinators' mailing list"],
	'/alerts/new': ['add', 'broadcasts', 'Add an alert'],
	'/alerts': ['content', 'broadcasts', 'Alerts'],
	'/events': ['bar', 'broadcasts', 'Events'],
	'/events/new': ['add', 'broadcasts', 'Add an event'],
	'/news': ['bar', 'broadcasts', 'News'],
	'/pages': ['content', 'broadcasts', 'Pages'],
	'/pages/new': ['add', 'broadcasts', 'Add a page'],
	'/news/new': ['add', 'broadcasts', 'Add a news item'],
	'/links/new': ['add', 'broadcasts', 'Add a link'],
	'/alerts/new': ['add', 'broadcasts', 'Add an alert'],
	'/alerts': ['content', 'broadcasts', 'Alerts'],
	'/members/dashboard': ['reports', 'members', 'Dashboard'],
	'/exchanges/reports': ['reports', 'exchanges', 'Reports'],
	'/ads/manage': ['reports', 'exchanges', 'All ads'],
	'/exchanges/list': ['reports', 'exchanges', 'All exchanges'],
	'/members/audit': ['reports', 'members', 'Audit log'],
	'/members/roles': ['site', 'members', 'Roles'],
	'/members/communities': ['site', 'members', 'Community Timebanks'],
	'/translations': ['site', 'translations', 'Translations'],
	'/translations/languages': ['site', 'translations', 'Languages'],
	'/site': ['site', 'site', 'Site settings'],
	'/site/lists': ['site', 'site', 'Lists'],
	'/site/pages': ['site', 'site', 'Special pages'],
	'/site/lists/new': ['add', 'site', 'Add a list item'],
	'/site/pages/new': ['add', 'site', 'Add a special page'],
	'/payments': ['reports', 'payments', 'Subscriptions due'],
	'/payments/received': ['reports', 'payments', 'Payments received'],
	'/payments/types': ['site', 'payments', 'Subscription types'],
	'/payments/feature': ['site', 'payments', 'Payments feature'],
	'/payments/me': ['bar', 'payments', 'My subscription'],
};
// The order of the bar, and of each menu's groups.
const BAR = ['/', '/ads', '/exchanges', '/members', '/payments/me', '/events', '/news', '/me'];
const MENUS = { add: ['add'], manage: ['reports', 'content', 'site'] };

// GET routes of a program as `--routes` prints them: pattern -> {access, perm}.
const routeCache = {};
function getRoute(prog, pattern) {
	if (!routeCache[prog]) {
		assert.ok(BIN, 'WEFT_BIN is set');
		const out = execFileSync(`${BIN}/${prog}`, ['--routes'], { encoding: 'utf8', timeout: 20000 });
		routeCache[prog] = {};
		for (const l of out.split('\n').filter(Boolean)) {
			const [method, pat, access, perm] = l.split('\t');
			if (method === 'GET')
				routeCache[prog][pat] = { access, perm: perm === '-' ? null : perm };
		}
	}
	const r = routeCache[prog][pattern];
	assert.ok(r, `${prog} has a GET route ${pattern}`);
	return r;
}

function expectedFor(actorKey) {
	return Object.keys(NAV).filter((href) => {
		const { access, perm } = getRoute(NAV[href][1], href);
		return guardAllows(actorKey, access, perm);
	});
}

// The entries of a page's main navigation: [{href, place, label, current}],
// and the menus with their summaries.
function navOf(html) {
	// Its name is a phrase: "Main" in English, else the page's language.
	const m = html.match(/<nav aria-label="[^"]+">([\s\S]*?)<\/nav>/);
	assert.ok(m, 'the page has the main navigation');
	const nav = m[1];
	const entries = [];
	const links = (s, place) => {
		for (const a of s.matchAll(/<a href="([^"]*)"([^>]*)>([\s\S]*?)<\/a>/g))
			entries.push({ href: a[1], place, label: text(a[3]), current: /aria-current="page"/.test(a[2]) });
	};
	const first = nav.indexOf('<details');
	links(first < 0 ? nav : nav.slice(0, first), 'bar');
	const menus = {};
	for (const d of nav.matchAll(/<details class="menu" id="menu-([a-z]+)">([\s\S]*?)<\/details>/g)) {
		const [, id, body] = d;
		const sum = body.match(/<summary>([\s\S]*?)<\/summary>/);
		assert.ok(sum, `menu ${id} has a summary`);
		menus[id] = { summary: text(sum[1]), groups: [] };
		for (const u of body.matchAll(/(?:<div role="group" aria-labelledby="menu-([a-z]+)">)?<ul>([\s\S]*?)<\/ul>/g)) {
			const place = u[1] || id;
			if (u[1])
				assert.match(body, new RegExp(`<p class="menu-heading" id="menu-${u[1]}">`), `group ${u[1]} has its heading`);
			menus[id].groups.push(place);
			links(u[2], place);
		}
	}
	return { entries, menus };
}

async function jarOf(actorKey) {
	const a = ACTORS[actorKey];
	return a.user ? login(a.user) : new Jar();
}

for (const actorKey of Object.keys(ACTORS)) {
	test(`${actorKey}: every menu link of the home page answers 200, and the menus offer what the permission table allows`, async () => {
		const jar = await jarOf(actorKey);
		const home = await get('/', jar);
		assert.equal(home.status, 200, 'GET /');
		const { entries, menus } = navOf(home.body);

		const hrefs = entries.map((e) => e.href);
		assert.equal(new Set(hrefs).size, hrefs.length, `no entry twice: ${hrefs.join(' ')}`);
		for (const e of entries) {
			assert.ok(NAV[e.href], `${e.href} is a reviewed entry (NAV)`);
			assert.equal(e.place, NAV[e.href][0], `${e.href} is in its place`);
			// The labels above are the English ones: an actor whose
			// pages are in another language (the demo's translator:
			// Spanish) sees the translation, or the English where the
			// language has none.
			if (/<html lang="en"/.test(home.body))
				assert.equal(e.label, NAV[e.href][2], `${e.href} has its label`);
			else
				assert.match(e.label, /\S/, `${e.href} has a label`);
			assert.equal(e.current, e.href === '/', `${e.href}: aria-current only on the page itself`);
		}
		const want = expectedFor(actorKey);
		assert.deepEqual([...hrefs].sort(), [...want].sort(), 'the entries are those the actor may open');
		assert.deepEqual(entries.filter((e) => e.place === 'bar').map((e) => e.href),
		    BAR.filter((h) => want.includes(h)), 'the bar in its order');

		// A menu shows when it has an entry, with its groups in order.
		for (const [id, groups] of Object.entries(MENUS)) {
			const present = groups.filter((g) => want.some((h) => NAV[h][0] === g));
			if (present.length === 0) {
				assert.equal(menus[id], undefined, `no ${id} menu without entries`);
				continue;
			}
			assert.ok(menus[id], `the ${id} menu is there`);
			assert.deepEqual(menus[id].groups, present, `${id}: its groups in order`);
			assert.match(menus[id].summary, /\S/, `${id}: the summary has a name`);
		}

		for (const e of entries) {
			const r = await get(e.href, jar);
			assert.equal(r.status, 200, `${actorKey}: GET ${e.href} (${e.place}) answers ${r.status}`);
		}
	});
}

test('every program lays out the same navigation', async () => {
	const jar = await login(ACTORS.admin.user);
	const strip = (html) => navOf(html).entries.map((e) => `${e.place} ${e.href} ${e.label}`);
	const home = strip((await get('/', jar)).body);
	// A page of each FastCGI program of the manifest: its first entry in
	// NAV that the admin may open.
	const paths = FASTCGI.map((prog) => {
		const href = Object.keys(NAV).find((h) => NAV[h][1] === prog &&
		    guardAllows('admin', getRoute(prog, h).access, getRoute(prog, h).perm));
		assert.ok(href, `${prog} (cgi-bin/programs) has an entry in NAV that the admin may open`);
		return href;
	});
	for (const path of paths) {
		const r = await get(path, jar);
		assert.equal(r.status, 200, `GET ${path}`);
		assert.deepEqual(strip(r.body), home, `the navigation of ${path}`);
	}
});
