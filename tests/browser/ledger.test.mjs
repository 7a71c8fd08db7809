// The ledger in a real browser (issue 4, "Browser"): a member records an
// exchange through the form and sees both balances change; a member
// support coordinator records one for two members; a member coordinator
// reverses one.  axe-core must find no accessibility violation on the
// ledger's pages, and the console no script error or CSP violation.

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
const consoleErrors = [];

test.before(async () => {
	assert.ok(URL_BASE && PASSWORD, 'WEFT_URL and WEFT_DEMO_PASSWORD are set');
	mkdirSync(SHOTS, { recursive: true });
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

// A logged-in page of its own (one context per member).
async function session(username) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	page.on('console', (m) => {
		const where = m.location() && m.location().url;
		// A form sent back (422) is logged as a failed load: expected.
		if (m.type() === 'error' && !/\/favicon\.ico$/.test(where || '') &&
		    !/status of 422/.test(m.text()))
			consoleErrors.push(`${m.text()} (${where})`);
	});
	page.on('pageerror', (e) => consoleErrors.push(String(e)));
	await page.goto(`${URL_BASE}/login`);
	await page.fill('input[name="username"]', username);
	await page.fill('input[name="password"]', PASSWORD);
	await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type="submit"]')]);
	assert.equal(new URL(page.url()).pathname, '/', `${username} logged in`);
	return { context, page };
}

// axe-core on the page's URL, in a context that bypasses CSP (the
// injected script is refused otherwise), with the same cookies; act, if
// given, brings that page into the state to check (a form sent back).
async function assertAccessible(s, name, act) {
	const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 },
	    storageState: await s.context.storageState() });
	let result;
	try {
		const p = await ctx.newPage();
		const res = await p.goto(s.page.url());
		assert.equal(res.status(), 200, `axe: GET ${s.page.url()}`);
		if (act)
			await act(p);
		await p.addScriptTag({ path: AXE });
		result = await p.evaluate(async () => {
			// eslint-disable-next-line no-undef
			const r = await axe.run(document, { resultTypes: ['violations'] });
			return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(' | ')})`);
		});
	} finally {
		await ctx.close();
	}
	assert.deepEqual(result, [], `axe-core violations on ${name}`);
}

// The balance on the home page, in hundredths.
async function homeBalance(s) {
	await s.page.goto(`${URL_BASE}/`);
	const t = await s.page.textContent('p.balance strong');
	return Math.round(Number(t) * 100);
}

async function fillForm(page, o) {
	await page.fill('#provider', o.provider);
	await page.fill('#recipient', o.recipient);
	await page.fill('#hours', o.hours);
	await page.fill('#description', o.description);
	await Promise.all([page.waitForNavigation(), page.click('form[action="/exchanges/new"] button[type="submit"]')]);
}

async function fillRecord(s, o) {
	await s.page.goto(`${URL_BASE}/exchanges/new`);
	await fillForm(s.page, o);
}

let recorded;

test('a member records an exchange and sees both balances change', async () => {
	const carol = await session('carol');
	const bob = await session('bob');
	const c0 = await homeBalance(carol), b0 = await homeBalance(bob);
	await carol.page.goto(`${URL_BASE}/exchanges/new`);
	await carol.page.screenshot({ path: `${SHOTS}ledger-new.png`, fullPage: true });
	await assertAccessible(carol, '/exchanges/new');
	// A mistake first: the form comes back with the message on the field.
	await fillRecord(carol, { provider: 'carol', recipient: 'bob', hours: '1.1', description: 'Piano lesson' });
	assert.equal(new URL(carol.page.url()).pathname, '/exchanges/new');
	assert.match(await carol.page.textContent('#hours-error'), /quarter/);
	await assertAccessible(carol, '/exchanges/new sent back with errors', (p) =>
	    fillForm(p, { provider: 'nobody-here', recipient: 'bob', hours: '-1', description: 'x' }));
	await carol.page.fill('#hours', '1.5');
	await Promise.all([carol.page.waitForNavigation(), carol.page.click('form[action="/exchanges/new"] button[type="submit"]')]);
	assert.match(new URL(carol.page.url()).pathname, /^\/exchanges\/\d+$/);
	assert.match(await carol.page.textContent('main'), /has been recorded/);
	await assertAccessible(carol, 'the exchange page');
	assert.equal(await homeBalance(carol), c0 + 150);
	assert.equal(await homeBalance(bob), b0 - 150);
	await carol.page.goto(`${URL_BASE}/exchanges`);
	await carol.page.screenshot({ path: `${SHOTS}ledger-statement.png`, fullPage: true });
	await assertAccessible(carol, '/exchanges');
	await carol.context.close();
	await bob.context.close();
});

test('a member support coordinator records one for two members', async () => {
	const support = await session('support');
	await fillRecord(support, { provider: 'dave', recipient: 'erin', hours: '2', description: 'Moved a wardrobe' });
	assert.match(new URL(support.page.url()).pathname, /^\/exchanges\/\d+$/);
	recorded = new URL(support.page.url()).pathname;
	assert.match(await support.page.textContent('main'), /Dave Davies[\s\S]*Erin Eriksen/);
	await support.page.goto(`${URL_BASE}/exchanges/list`);
	await assertAccessible(support, '/exchanges/list');
	await support.page.screenshot({ path: `${SHOTS}ledger-list.png`, fullPage: true });
	await support.context.close();
});

test('a member coordinator reverses it, with a reason', async () => {
	const mcoord = await session('mcoord');
	await mcoord.page.goto(`${URL_BASE}${recorded}`);
	await assertAccessible(mcoord, 'the exchange page with the reverse form');
	await mcoord.page.fill('#reason', 'Recorded for the wrong members');
	await Promise.all([mcoord.page.waitForNavigation(), mcoord.page.click(`form[action="${recorded}/reverse"] button`)]);
	assert.match(await mcoord.page.textContent('main'), /reversal of/);
	assert.match(await mcoord.page.textContent('main'), /has been reversed/);
	await mcoord.page.goto(`${URL_BASE}${recorded}`);
	assert.match(await mcoord.page.textContent('main'), /reversed by/);
	await mcoord.page.screenshot({ path: `${SHOTS}ledger-reversed.png`, fullPage: true });
	await mcoord.context.close();
});

test('no script errors or CSP violations in the console', () => {
	assert.deepEqual(consoleErrors, []);
});
