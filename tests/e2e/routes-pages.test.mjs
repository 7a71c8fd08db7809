// The rules of docs/authorization.md that the route table of routes.test.mjs does not
// show by itself, checked over HTTP on the demo rows: what a page shows to
// whom (footnote 1 and rule 8: contact details; footnote 3: the angel
// forms), what a scoped list lists (rule 2), and how unknown routes and
// methods are answered (rule 1).

import test from 'node:test';
import assert from 'node:assert/strict';
import { Jar, get, getCsrf, login, memberId, request, sql, text } from './lib.mjs';

// docs/authorization.md footnote 1 and rule 8: the payment coordinator
// sees names, membership status (and subscription) only, never contact
// details; a role without member.contact (outreach) sees no contact
// details either; a member coordinator (the twin) does.
test('footnote 1: the payment coordinator\'s narrow view of members; rule 8: contact only with member.contact', async () => {
	const alice = memberId('alice');
	const mcoordId = memberId('mcoord');
	const [email, phone, address] = sql(`SELECT email, phone, address FROM members WHERE id = ${alice}`)[0];
	const contact = [email, phone, address];
	assert.ok(contact.every((c) => c), 'alice has an e-mail, a phone and an address');
	const pay = await login('payment');
	const out = await login('outreach');
	const mc = await login('mcoord');
	const problems = [];
	const has = (body, s) => body.includes(s) || text(body).includes(s);
	for (const [who, jar, sees] of [['payment', pay, false], ['outreach', out, false], ['mcoord', mc, true]]) {
		// The list and its export have e-mail and phone columns; the
		// profile the address too.
		for (const [path, shown] of [[`/members?q=${encodeURIComponent('Alice')}`, contact.slice(0, 2)],
		    [`/members/${alice}`, contact],
		    [`/members/export.csv?q=${encodeURIComponent('Alice')}`, contact.slice(0, 2)]]) {
			const r = await get(path, jar);
			if (r.status !== 200) {
				problems.push(`${who} GET ${path}: ${r.status}`);
				continue;
			}
			if (!has(r.body, 'Alice'))
				problems.push(`${who} GET ${path}: alice is not shown`);
			for (const c of sees ? shown : contact)
				if (has(r.body, c) !== sees)
					problems.push(`${who} GET ${path}: ${sees ? 'does not show' : 'shows'} "${c}"`);
		}
	}
	// The narrow view: name and membership status only (footnote 1).
	const r = await get(`/members/${alice}`, pay);
	if (/\/members\/\d+\/notes|\/members\/\d+\/edit/.test(r.body))
		problems.push('payment GET /members/:id links to notes or the edit page');
	const csv = await get('/members/export.csv', pay);
	const header = csv.body.split('\n')[0].toLowerCase();
	for (const col of ['email', 'phone', 'address', 'about', 'note'])
		if (header.includes(col))
			problems.push(`payment GET /members/export.csv has a "${col}" column: ${header}`);
	const prof = await get(`/members/${mcoordId}`, pay);
	if (/Member Coordinator|Coordinator roles/.test(text(prof.body)))
		problems.push(`payment GET /members/${mcoordId} (mcoord) shows coordinator roles, beyond "names, membership status and subscription columns only"`);
	assert.deepEqual(problems, []);
});

// docs/authorization.md footnote 3 on the profile page: support sees the
// Guardian Angel Mode switch but not the forms to assign or remove an
// angel; the member coordinator sees both.
test('footnote 3: support toggles Guardian Angel Mode but is offered no angel assignment', async () => {
	const kim = memberId('kim');
	const sup = await get(`/members/${kim}`, await login('support'));
	const mc = await get(`/members/${kim}`, await login('mcoord'));
	assert.equal(sup.status, 200);
	assert.equal(mc.status, 200);
	assert.match(sup.body, new RegExp(`action="/members/${kim}/angel-mode"`), 'support: the mode switch');
	assert.doesNotMatch(sup.body, new RegExp(`action="/members/${kim}/angels"`), 'support: no assign form');
	assert.match(mc.body, new RegExp(`action="/members/${kim}/angel-mode"`), 'mcoord: the mode switch');
	assert.match(mc.body, new RegExp(`action="/members/${kim}/angels"`), 'mcoord: the assign form');
});

// Rule 2 on lists: a coordinator scoped to community 1 finds nothing of
// community 2 through any filter, and cannot filter on it; the site-wide
// twin does.  An exchange across the two communities is in both lists
// ("Scope of a grant").
test('rule 2 on lists: northcoord sees nothing of community 2, the site coordinator does', async () => {
	const nc = await login('northcoord');
	const mc = await login('mcoord');
	const dave = memberId('dave');
	const alice = memberId('alice');
	const within2 = Number(sql(`SELECT x.id FROM exchanges x JOIN members p ON p.id = x.provider_id
	    JOIN members r ON r.id = x.recipient_id WHERE p.community_id = 2 AND r.community_id = 2
	    AND ${dave} IN (x.provider_id, x.recipient_id) ORDER BY x.id LIMIT 1`)[0][0]);
	const across = Number(sql(`SELECT id FROM exchanges WHERE (provider_id = ${alice} AND recipient_id = ${dave})
	    OR (provider_id = ${dave} AND recipient_id = ${alice}) ORDER BY id LIMIT 1`)[0][0]);
	const daveAds = sql(`SELECT id FROM ads WHERE member_id = ${dave} AND community_id = 2`).map(([i]) => Number(i));
	const problems = [];
	const check = async (who, jar, path, re, present) => {
		const r = await get(path, jar);
		if (r.status !== 200)
			problems.push(`${who} GET ${path}: ${r.status}`);
		else if (re.test(r.body) !== present)
			problems.push(`${who} GET ${path}: ${present ? 'lacks' : 'shows'} ${re}`);
	};
	const daveRow = new RegExp(`data-member="${dave}"`);
	await check('northcoord', nc, '/members?q=Dave', daveRow, false);
	await check('mcoord', mc, '/members?q=Dave', daveRow, true);
	await check('northcoord', nc, '/members/export.csv?q=Dave', /"dave"/, false);
	await check('mcoord', mc, '/members/export.csv?q=Dave', /"dave"/, true);
	await check('northcoord', nc, '/exchanges/list?member=dave', new RegExp(`href="/exchanges/${within2}"`), false);
	await check('mcoord', mc, '/exchanges/list?member=dave', new RegExp(`href="/exchanges/${within2}"`), true);
	await check('northcoord', nc, '/exchanges/list?member=dave', new RegExp(`href="/exchanges/${across}"`), true);
	for (const ad of daveAds) {
		await check('northcoord', nc, '/ads/manage?member=dave', new RegExp(`href="/ads/${ad}"`), false);
		await check('mcoord', mc, '/ads/manage?member=dave', new RegExp(`href="/ads/${ad}"`), true);
	}
	// A filter on a community out of scope is refused, not widened.
	for (const path of ['/members?community=2', '/members/export.csv?community=2',
	    '/exchanges/list?community=2', '/ads/manage?community=2']) {
		const r = await get(path, nc);
		if (r.status === 200 && (daveRow.test(r.body) || /"dave"/.test(r.body) ||
		    new RegExp(`href="/exchanges/${within2}"`).test(r.body) ||
		    daveAds.some((ad) => r.body.includes(`href="/ads/${ad}"`))))
			problems.push(`northcoord GET ${path}: shows community 2's rows`);
		if (r.status >= 500)
			problems.push(`northcoord GET ${path}: ${r.status}`);
	}
	assert.deepEqual(problems, []);
});

test('unknown routes are 404 and a known path with another method is 405, for everyone', async () => {
	const jar = await login('admin');
	for (const j of [new Jar(), jar]) {
		assert.equal((await get('/members/999999/nothing/here', j)).status, 404);
		assert.equal((await get('/no/such/route', j)).status, 404);
		assert.equal((await get('/exchanges/1/nothing', j)).status, 404);
	}
	// POST to a GET-only route (with a valid token, so only the method is wrong).
	const csrf = getCsrf((await get('/me', jar)).body);
	const r = await request('/members/roles', { jar, form: { csrf } });
	assert.equal(r.status, 405);
	const g = await get('/logout', jar);
	assert.ok([404, 405].includes(g.status), `GET /logout: ${g.status}`);
});
