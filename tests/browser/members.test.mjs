// The members area in a real browser (issue 3, "Browser tests"), driven
// through its forms as a coordinator would:
//
// - the member coordinator (mcoord) logs in, filters the member list by
//   status "applying", opens an applying member, approves them and adds a
//   coordinator note;
// - the admin bulk-disables three members: ticks them on the list, looks
//   at the preview, confirms, reads the result page;
// - the admin becomes a member (alice) and comes back through the banner.
//
// The members acted on are made for this run with SQL as the database's
// root (an applying one, three to disable), so that reruns and the other
// tests find the demo rows as they were.  Every page visited is
// screenshotted (tests/screenshots/members-*.png) and checked with
// axe-core (0 violations; each one is printed); the console must show no
// script error and no CSP violation.

import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const URL_BASE = (process.env.WEFT_URL || '').replace(/\/$/, '');
const PASSWORD = process.env.WEFT_DEMO_PASSWORD || '';
const VAR = process.env.WEFT_VAR || '';
const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync',
	'--disable-dev-shm-usage'];
const VIEWPORT = { width: 1280, height: 900 };

// This run's members: names and usernames carry a stamp of their own.
const STAMP = `${Date.now().toString(36)}${process.pid.toString(36)}`.slice(-9);
const APPLICANT = { username: `bra${STAMP}`, name: `Browser Applicant ${STAMP}` };
const TO_DISABLE = [1, 2, 3].map((i) => ({ username: `brd${STAMP}${i}`, name: `Browser Bulk ${STAMP} ${i}` }));

let browser;
const consoleErrors = [];
let shots = 0;

// SQL as the database's root, over the stack's socket.
function rootSql(query) {
	const r = spawnSync('mariadb', ['--batch', '--skip-column-names',
	    '--default-character-set=utf8mb4', `--socket=${VAR}/run/mariadb.sock`, '-uroot', 'weft',
	    '-e', query], { encoding: 'utf8', timeout: 30000 });
	if (r.status !== 0)
		throw new Error(`mariadb: ${r.stderr || r.error}`);
	return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

const q = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

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
	assert.ok(URL_BASE && PASSWORD && VAR, 'WEFT_URL, WEFT_DEMO_PASSWORD and WEFT_VAR are set');
	mkdirSync(SHOTS, { recursive: true });
	makeMember(APPLICANT, 'applying', 1);
	for (const m of TO_DISABLE)
		makeMember(m, 'approved', 2);
	browser = await chromium.launch({
		executablePath: process.env.WEFT_CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ARGS,
	});
});

test.after(async () => {
	if (browser)
		await browser.close();
});

// A browser context of its own, logged in through the form.
async function session(username) {
	const context = await browser.newContext({ viewport: VIEWPORT });
	const page = await context.newPage();
	page.on('console', (m) => {
		const where = m.location() && m.location().url;
		// Browsers ask for /favicon.ico by themselves; weft has none.
		if (m.type() === 'error' && !/\/favicon\.ico$/.test(where || ''))
			consoleErrors.push(`${username}: ${m.text()} (${where})`);
	});
	page.on('pageerror', (e) => consoleErrors.push(`${username}: ${String(e)}`));
	const res = await page.goto(`${URL_BASE}/login`);
	assert.equal(res.status(), 200, 'GET /login');
	await page.fill('input[name="username"]', username);
	await page.fill('input[name="password"]', PASSWORD);
	await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type="submit"]')]);
	assert.equal(new URL(page.url()).pathname, '/', `${username} logged in (at ${page.url()})`);
	return { context, page, username };
}

// Clicks and waits for the page that answers; returns its response.
async function submit(page, selector) {
	const [res] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
	return res;
}

async function shot(s, name) {
	shots++;
	await s.page.screenshot({ path: `${SHOTS}members-${String(shots).padStart(2, '0')}-${name}.png`, fullPage: true });
}

// axe-core on the page as the browser shows it.  The page's CSP rightly
// refuses the injected script, so axe runs in a second context that
// bypasses CSP, with the same cookies, on the same URL, served the same
// HTML (pages answering a POST cannot be fetched again with a GET, and a
// GET again would lose the flash message); its stylesheets load from the
// stack.  The main context keeps the CSP, and its console shows any
// violation.
async function assertAccessible(s, name) {
	const url = s.page.url();
	const html = await s.page.content();
	const ctx = await browser.newContext({ bypassCSP: true, viewport: VIEWPORT,
	    storageState: await s.context.storageState() });
	let result;
	try {
		const p = await ctx.newPage();
		await p.route((u) => u.href === url, (route) => route.fulfill({
			status: 200, contentType: 'text/html; charset=utf-8', body: html,
		}));
		await p.goto(url);
		await p.addScriptTag({ path: AXE });
		result = await p.evaluate(async () => {
			// eslint-disable-next-line no-undef
			const r = await axe.run(document, { resultTypes: ['violations'] });
			return r.violations.map((v) => ({
				id: v.id,
				impact: v.impact,
				help: v.help,
				nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
			}));
		});
	} finally {
		await ctx.close();
	}
	if (result.length) {
		console.log(`axe-core on ${name} (${url}): ${result.length} violation(s)`);
		for (const v of result)
			console.log(`  [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`);
	}
	assert.deepEqual(result.map((v) => `${v.id}: ${v.help} (${v.nodes.length} node(s): ${v.nodes.join(' | ')})`), [],
	    `axe-core violations on ${name}`);
}

// A page met on the way: its screenshot, then axe.
async function visited(s, name) {
	await shot(s, name);
	await assertAccessible(s, name);
}

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
