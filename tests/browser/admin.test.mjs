// A real browser (Debian's chromium driven by playwright-core): the demo
// admin logs in through the form, sees the home page and the permission
// matrix.  Screenshots go to tests/screenshots/; axe-core must find no
// accessibility violation on the login, home and matrix pages.

import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const URL_BASE = (process.env.WEFT_URL || '').replace(/\/$/, '');
const PASSWORD = process.env.WEFT_DEMO_PASSWORD || '';
const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync',
	'--disable-dev-shm-usage'];

let browser;
let context;
let page;
const consoleErrors = [];

test.before(async () => {
	assert.ok(URL_BASE && PASSWORD, 'WEFT_URL and WEFT_DEMO_PASSWORD are set');
	mkdirSync(SHOTS, { recursive: true });
	browser = await chromium.launch({
		executablePath: process.env.WEFT_CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ARGS,
	});
	context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	page = await context.newPage();
	// CSP violations and script errors show up in the console.
	page.on('console', (m) => {
		const where = m.location() && m.location().url;
		// Browsers ask for /favicon.ico by themselves; weft has none.
		if (m.type() === 'error' && !/\/favicon\.ico$/.test(where || ''))
			consoleErrors.push(`${m.text()} (${where})`);
	});
	page.on('pageerror', (e) => consoleErrors.push(String(e)));
});

test.after(async () => {
	if (browser)
		await browser.close();
});

// Runs axe-core on the current page; fails listing every violation.  The
// page's CSP rightly refuses the injected script, so axe runs in a second
// context that bypasses CSP, with the same cookies, on the same URL; the
// main context keeps the CSP, and its console shows any violation.
async function assertAccessible(name) {
	const ctx = await browser.newContext({
		bypassCSP: true,
		viewport: { width: 1280, height: 900 },
		storageState: await context.storageState(),
	});
	let result;
	try {
		const p = await ctx.newPage();
		const res = await p.goto(page.url());
		assert.equal(res.status(), 200, `axe: GET ${page.url()}`);
		await p.addScriptTag({ path: AXE });
		result = await runAxe(p);
	} finally {
		await ctx.close();
	}
	if (result.length) {
		console.log(`axe-core on ${name}: ${result.length} violation(s)`);
		for (const v of result)
			console.log(`  [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`);
	}
	assert.deepEqual(result.map((v) => `${v.id}: ${v.help} (${v.nodes.length} node(s): ${v.nodes.join(' | ')})`), [],
	    `axe-core violations on ${name}`);
}

async function runAxe(p) {
	return p.evaluate(async () => {
		// eslint-disable-next-line no-undef
		const r = await axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
		}));
	});
}

async function shot(name) {
	await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

test('the login page renders and is accessible', async () => {
	const res = await page.goto(`${URL_BASE}/login`);
	assert.equal(res.status(), 200);
	assert.match(await page.title(), /weft/);
	await shot('login');
	await assertAccessible('/login');
});

test('the admin logs in through the form and sees the home page', async () => {
	await page.goto(`${URL_BASE}/login`);
	await page.fill('input[name="username"]', 'admin');
	await page.fill('input[name="password"]', PASSWORD);
	await Promise.all([
		page.waitForNavigation(),
		page.click('form[action="/login"] button[type="submit"], form[action="/login"] input[type="submit"]'),
	]);
	assert.equal(new URL(page.url()).pathname, '/', `landed on ${page.url()}`);
	const cookies = await context.cookies();
	const session = cookies.find((c) => c.name === '__Host-weft');
	assert.ok(session, `the browser keeps the __Host-weft cookie over ${URL_BASE} (cookies: ${cookies.map((c) => c.name).join(', ')})`);
	assert.equal(session.httpOnly, true);
	assert.equal(session.secure, true);
	assert.equal(session.sameSite, 'Lax');
	const body = await page.textContent('body');
	assert.match(body, /Ada Admin/, 'the home page names the admin');
	assert.ok(await page.isVisible('form[action="/logout"]'), 'a logout button');
	await shot('home');
	await assertAccessible('/ (admin)');
});

test('the admin opens the permission matrix', async () => {
	await page.goto(`${URL_BASE}/`);
	// In the gear menu, under "Configure the site".
	await page.click('#menu-manage > summary');
	const link = page.locator('#menu-manage a[href="/members/roles"]');
	await Promise.all([page.waitForNavigation(), link.click()]);
	assert.equal(new URL(page.url()).pathname, '/members/roles');
	await page.waitForSelector('table');
	const rows = await page.locator('table tbody tr').count();
	// docs/authorization.md's 33 permissions, and audit.view (rule 6).
	assert.equal(rows, 34, 'one row per permission');
	const cell = await page.textContent('tr[data-perm="site.config"] td[data-role="admin"]');
	assert.match(cell.trim(), /^Y/);
	await shot('matrix');
	await assertAccessible('/members/roles');
});

test('no script errors or CSP violations in the console', () => {
	assert.deepEqual(consoleErrors, []);
});

test('logging out returns the browser to the visitor view', async () => {
	await page.goto(`${URL_BASE}/`);
	await Promise.all([page.waitForNavigation(), page.click('form[action="/logout"] button')]);
	const res = await page.goto(`${URL_BASE}/members/roles`);
	assert.equal(new URL(page.url()).pathname, '/login', 'sent to the login page');
	assert.equal(res.status(), 200);
});
