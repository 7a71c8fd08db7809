// The members area in a real browser (issue 3, "Browser tests"), driven
// through its forms as a coordinator would:
//
// - the member coordinator (mcoord) logs in, filters the member list by
//   status "applying", opens an applying member, approves them and adds a
//   coordinator note;
// - the admin bulk-disables three members: ticks them on the list, looks
//   at the preview, confirms, reads the result page;
// - the admin becomes a member (alice) and comes back through the banner;
// - the member coordinator rejects another applicant with a reason, looks
//   at the late applications and previews an expiry of old ones
//   (docs/site.md, "Applications to the end").
//
// The members acted on are made for this run with SQL as the database's
// root (an applying one, three to disable), so that reruns and the other
// tests find the demo rows as they were.  Every page visited is
// screenshotted (tests/screenshots/members-*.png) and checked with
// axe-core (0 violations; each one is printed); the console must show no
// script error and no CSP violation.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	STAMP, URL_BASE, close, consoleErrors, launch, q, rootSql, session, submit, visited,
} from './lib.mjs';

// This run's members: names and usernames carry a stamp of their own.
const APPLICANT = { username: `bra${STAMP}`, name: `Browser Applicant ${STAMP}` };
const REJECTED = { username: `brr${STAMP}`, name: `Browser Rejected ${STAMP}` };
const OLD = { username: `bro${STAMP}`, name: `Browser Old ${STAMP}` };
const TO_DISABLE = [1, 2, 3].map((i) => ({ username: `brd${STAMP}${i}`, name: `Browser Bulk ${STAMP} ${i}` }));

// A member with the demo password (its hash is alice's).
function makeMember(m, status, community) {
	rootSql(`INSERT INTO members (username, email, name, password_hash, status, community_id, about, approved_at)
	    SELECT ${q(m.username)}, ${q(`${m.username}@example.org`)}, ${q(m.name)}, password_hash,
	    ${q(status)}, ${community === null ? 'NULL' : Number(community)}, 'Made by the browser test.',
	    ${status === 'approved' ? 'UTC_TIMESTAMP()' : 'NULL'} FROM members WHERE username = 'alice'`);
	m.id = Number(rootSql(`SELECT id FROM members WHERE username = ${q(m.username)}`)[0][0]);
	return m;
}

const statusOf = (id) => rootSql(`SELECT status FROM members WHERE id = ${Number(id)}`)[0][0];

test.before(async () => {
	await launch('members');
	makeMember(APPLICANT, 'applying', 1);
	makeMember(REJECTED, 'applying', 1);
	makeMember(OLD, 'applying', 1);
	rootSql(`UPDATE members SET joined_at = UTC_TIMESTAMP() - INTERVAL 4000 DAY WHERE id = ${OLD.id}`);
	for (const m of TO_DISABLE)
		makeMember(m, 'approved', 2);
});

test.after(close);

const main = (s) => s.page.textContent('main');
const todayUtc = () => new Date().toISOString().slice(0, 10);

test('the member coordinator filters the list, approves an applicant and adds a note', async () => {
	const s = await session('mcoord');
	await visited(s, 'home-mcoord');

	// The list, through the navigation.
	const nav = s.page.locator('a[href="/members"]');
	assert.ok(await nav.count() > 0, 'the navigation links to the member list');
	await Promise.all([s.page.waitForNavigation(), nav.first().click()]);
	assert.equal(new URL(s.page.url()).pathname, '/members');
	await visited(s, 'list');

	// The filters are folded behind what the list shows (issue 18); the
	// summary opens them.
	const filters = s.page.locator('details.filters');
	assert.equal(await filters.getAttribute('open'), null, 'the filters are folded while the list has rows');
	assert.match(await filters.locator('summary').textContent(), /^All members · sorted by name — change$/);
	assert.equal(await s.page.isVisible('#status'), false, 'the folded form is out of the way');
	await filters.locator('summary').click();
	assert.equal(await s.page.isVisible('#status'), true, 'the summary opens the form');

	// Filter: applying members only.
	await s.page.selectOption('#status', 'applying');
	await submit(s.page, 'form[action="/members"].filters button[type="submit"]');
	const u = new URL(s.page.url());
	assert.equal(u.pathname, '/members');
	assert.equal(u.searchParams.get('status'), 'applying', `the filter is in the URL: ${s.page.url()}`);
	const statuses = await s.page.$$eval('table.members tbody tr td:nth-child(3)', (tds) => tds.map((t) => t.textContent.trim()));
	assert.ok(statuses.length > 0, 'applying members are listed');
	assert.deepEqual([...new Set(statuses)], ['Applying'], 'only applying members are listed');
	await visited(s, 'list-applying');

	// Narrowed to this run's applicant, whom the coordinator opens.
	assert.match(await filters.locator('summary').textContent(), /^Applying · sorted by name/, 'the summary says what is shown');
	await filters.locator('summary').click();
	await s.page.fill('#q', APPLICANT.username);
	await submit(s.page, 'form[action="/members"].filters button[type="submit"]');
	const row = s.page.locator(`tr[data-member="${APPLICANT.id}"]`);
	assert.equal(await row.count(), 1, 'the applicant is listed');
	assert.match(await row.textContent(), /Applying/);
	await visited(s, 'list-applicant');
	await Promise.all([s.page.waitForNavigation(), row.locator(`a[href="/members/${APPLICANT.id}"]`).click()]);
	assert.equal(new URL(s.page.url()).pathname, `/members/${APPLICANT.id}`);
	assert.match(await s.page.textContent('h1'), new RegExp(APPLICANT.name));
	assert.match(await main(s), /This member is applying/);
	await visited(s, 'applicant');

	// Approve, dated today, choosing to notify.
	const approve = `form[action="/members/${APPLICANT.id}/approve"]`;
	await s.page.fill(`${approve} #approved_on`, todayUtc());
	await s.page.check(`${approve} #notify`);
	const r1 = await submit(s.page, `${approve} button[type="submit"]`);
	assert.equal(r1.status(), 200);
	assert.equal(new URL(s.page.url()).pathname, `/members/${APPLICANT.id}`, 'back on the profile');
	assert.match(await s.page.textContent('p.flash'), /approved/i, 'a flash says so');
	assert.match(await main(s), /This member is approved/);
	assert.equal(statusOf(APPLICANT.id), 'approved', 'approved in the database');
	await visited(s, 'approved');

	// A coordinator note, shown with its author.
	const body = `Welcomed by the browser test ${STAMP}: likes gardening.`;
	await s.page.fill('#note-new-body', body);
	await submit(s.page, `form[action="/members/${APPLICANT.id}/notes"] button[type="submit"]`);
	const note = s.page.locator('article.note', { hasText: body });
	assert.equal(await note.count(), 1, `the note is on ${s.page.url()}`);
	assert.match(await note.textContent(), /Marcus Cole/, 'with its author');
	await visited(s, 'note-added');
	await s.context.close();
});

test('the admin bulk-disables three members through the preview', async () => {
	const s = await session('admin');
	const ids = TO_DISABLE.map((m) => m.id);
	await s.page.goto(`${URL_BASE}/members?q=${encodeURIComponent(`brd${STAMP}`)}`);
	for (const id of ids) {
		const box = s.page.locator(`tr[data-member="${id}"] input[type="checkbox"][name="id"]`);
		assert.equal(await box.count(), 1, `a checkbox for member ${id}`);
		await box.check();
	}
	await s.page.selectOption('#bulk-action', 'disable');
	await visited(s, 'bulk-selected');

	// The preview: every account it will touch, nothing changed yet.
	const r1 = await submit(s.page, 'form[action="/members/bulk"] button[type="submit"]');
	assert.equal(r1.status(), 200, 'the preview page');
	assert.match(await s.page.textContent('h1'), /Preview/);
	for (const id of ids) {
		const tr = s.page.locator(`table.bulk tr[data-id="${id}"]`);
		assert.equal(await tr.count(), 1, `member ${id} is in the preview`);
		assert.equal(statusOf(id), 'approved', 'the preview changes nothing');
	}
	assert.equal(await s.page.locator('table.bulk tbody tr').count(), 3, 'three accounts, no more');
	const verdicts = await s.page.$$eval('table.bulk tbody tr', (trs) => trs.map((t) => t.dataset.verdict));
	assert.equal(new Set(verdicts).size, 1, `one verdict for all three: ${verdicts}`);
	assert.match(await s.page.textContent('p.summary'), /3\s+will change/);
	await visited(s, 'bulk-preview');

	// Confirm: the result page agrees with the preview.
	const r2 = await submit(s.page, 'form[action="/members/bulk/apply"] button[type="submit"]');
	assert.equal(r2.status(), 200, 'the result page');
	assert.match(await s.page.textContent('h1'), /Done/);
	assert.match(await s.page.textContent('p.summary'), /3\s+were changed/);
	for (const id of ids) {
		assert.equal(await s.page.locator(`table.bulk tr[data-id="${id}"]`).count(), 1, `member ${id} is in the result`);
		assert.equal(statusOf(id), 'disabled', `member ${id} is disabled`);
	}
	await visited(s, 'bulk-result');
	await s.context.close();
});

test('the admin becomes alice and returns through the banner', async () => {
	const s = await session('admin');
	const alice = Number(rootSql("SELECT id FROM members WHERE username = 'alice'")[0][0]);
	await s.page.goto(`${URL_BASE}/members/${alice}`);
	await visited(s, 'alice-profile');
	await submit(s.page, `form[action="/members/${alice}/become"] button[type="submit"]`);
	const banner = s.page.locator('div.become');
	assert.ok(await banner.isVisible(), `a banner while acting (at ${s.page.url()})`);
	assert.match(await banner.textContent(), /acting as\s+Alice Adams[\s\S]*really Ada Admin/);
	await visited(s, 'become-alice');
	// The banner stays on every page.
	await s.page.goto(`${URL_BASE}/exchanges`);
	assert.ok(await s.page.locator('div.become').isVisible(), 'the banner on /exchanges');
	await visited(s, 'become-statement');

	await submit(s.page, 'div.become form[action="/members/become/return"] button[type="submit"]');
	assert.equal(await s.page.locator('div.become').count(), 0, 'no banner after returning');
	await s.page.goto(`${URL_BASE}/`);
	assert.match(await s.page.textContent('body'), /Ada Admin/, 'the admin again');
	assert.equal(await s.page.locator('div.become').count(), 0);
	await visited(s, 'returned');
	await s.context.close();
});

test('no script errors or CSP violations in the console', () => {
	assert.deepEqual(consoleErrors, []);
});

test('the member coordinator rejects an applicant with a reason, then previews the expiry of old applications', async () => {
	const s = await session('mcoord');
	await s.page.goto(`${URL_BASE}/members/${REJECTED.id}`);
	const reject = `form[action="/members/${REJECTED.id}/reject"]`;
	assert.equal(await s.page.locator(reject).count(), 1, 'the reject form is offered');
	await s.page.fill(`${reject} #reason`, `Not in our area (${STAMP})`);
	await s.page.check(`${reject} #reject-notify`);
	const r1 = await submit(s.page, `${reject} button[type="submit"]`);
	assert.equal(r1.status(), 200);
	assert.match(await s.page.textContent('p.flash'), /rejected/i);
	assert.match(await main(s), new RegExp(`Not in our area \\(${STAMP}\\)`), 'the reason on the profile');
	assert.equal(statusOf(REJECTED.id), 'disabled');
	await visited(s, 'rejected');

	await s.page.goto(`${URL_BASE}/members/applications`);
	assert.match(await main(s), new RegExp(OLD.name), 'the old application is late');
	await visited(s, 'applications');
	await s.page.fill('#days', '3600');
	const r2 = await submit(s.page, 'form[action="/members/applications/expire"] button[type="submit"]');
	assert.equal(r2.status(), 200);
	assert.equal(await s.page.locator(`table.bulk tr[data-id="${OLD.id}"]`).count(), 1, 'in the preview');
	assert.equal(statusOf(OLD.id), 'applying', 'the preview changes nothing');
	await visited(s, 'expire-preview');
	const r3 = await submit(s.page, 'form[action="/members/applications/expire/apply"] button[type="submit"]');
	assert.equal(r3.status(), 200);
	assert.equal(statusOf(OLD.id), 'disabled', 'expired');
	await visited(s, 'expire-result');
	await s.context.close();
});
