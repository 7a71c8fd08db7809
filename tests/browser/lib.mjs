// What every browser test needs: Debian's chromium through playwright-core,
// a context logged in through the form, SQL as the stack's database root
// (to make the members a test acts on), screenshots, and axe-core.
//
// axe runs on the page as the browser shows it.  The page's CSP rightly
// refuses the injected script, so axe runs in a second context that
// bypasses CSP, with the same cookies, on the same URL, served the same
// HTML (pages answering a POST cannot be fetched again with a GET, and a
// GET again would lose the flash message); its stylesheets load from the
// stack.  The main context keeps the CSP, and its console shows any
// violation: every console error is collected in consoleErrors.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { HtmlValidate } from 'html-validate';

export const URL_BASE = (process.env.WEFT_URL || '').replace(/\/$/, '');
export const PASSWORD = process.env.WEFT_DEMO_PASSWORD || '';
export const VAR = process.env.WEFT_VAR || '';
const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync',
	'--disable-dev-shm-usage'];
const VIEWPORT = { width: 1280, height: 900 };

// html-validate's recommended preset, with one option widened: a group of
// checkboxes sharing one name (the member list's bulk selection) is valid
// HTML, and the preset shares a name only among radios and buttons.
const HTML_VALIDATE = new HtmlValidate({
	extends: ['html-validate:recommended'],
	rules: { 'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }] },
});
// Each page's last main-frame document as the server sent it (not the
// DOM serialised again, which would hide the served doctype and markup).
const served = new WeakMap();

function trackDocuments(page) {
	page.on('response', (r) => {
		if (r.request().isNavigationRequest() && r.frame() === page.mainFrame() &&
		    (r.status() < 300 || r.status() >= 400))
			served.set(page, r);
	});
}

// A stamp of this run, for the names of the rows a test makes.
export const STAMP = `${Date.now().toString(36)}${process.pid.toString(36)}`.slice(-9);
export const consoleErrors = [];

let browser;
let prefix = 'browser';
let shots = 0;

// SQL as the database's root, over the stack's socket.
export function rootSql(query) {
	const r = spawnSync('mariadb', ['--batch', '--skip-column-names',
	    '--default-character-set=utf8mb4', `--socket=${VAR}/run/mariadb.sock`, '-uroot', 'weft',
	    '-e', query], { encoding: 'utf8', timeout: 30000 });
	if (r.status !== 0)
		throw new Error(`mariadb: ${r.stderr || r.error}`);
	return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

export const q = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

// Starts chromium; screenshots are named tests/screenshots/<name>-NN-*.png.
export async function launch(name) {
	assert.ok(URL_BASE && PASSWORD && VAR, 'WEFT_URL, WEFT_DEMO_PASSWORD and WEFT_VAR are set');
	mkdirSync(SHOTS, { recursive: true });
	prefix = name;
	browser = await chromium.launch({
		executablePath: process.env.WEFT_CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ARGS,
	});
}

export async function close() {
	if (browser)
		await browser.close();
}

// A browser context of its own, logged in through the form; viewport
// {width, height} for another screen than the desktop's.
export async function session(username, viewport = VIEWPORT) {
	const context = await browser.newContext({ viewport });
	const page = await context.newPage();
	trackDocuments(page);
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
export async function submit(page, selector) {
	const [res] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
	return res;
}

export async function shot(s, name) {
	shots++;
	await s.page.screenshot({ path: `${SHOTS}${prefix}-${String(shots).padStart(2, '0')}-${name}.png`, fullPage: true });
}

async function assertAccessible(s, name) {
	const url = s.page.url();
	const html = await s.page.content();
	const ctx = await browser.newContext({ bypassCSP: true, viewport: s.page.viewportSize(),
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

// html-validate on the page's HTML as served.  Not page.content(): the DOM
// serialised again has chromium's markup (style attributes, selected=""),
// not weft's.
async function assertValidHtml(s, name) {
	const url = s.page.url();
	let html;
	const r = served.get(s.page);
	if (r && r.url() === url)
		html = await r.text().catch(() => undefined);
	if (html === undefined)	// a page opened outside session(): its GET again
		html = await (await s.page.context().request.get(url)).text();
	const report = await HTML_VALIDATE.validateString(html, url);
	const errors = report.results.flatMap((f) => f.messages.map((m) => `${m.ruleId} line ${m.line}: ${m.message}`));
	if (errors.length)
		console.log(`html-validate on ${name} (${url}):\n  ${errors.join('\n  ')}`);
	assert.deepEqual(errors, [], `html-validate errors on ${name}`);
}

// A page met on the way: its screenshot, then axe and html-validate.
export async function visited(s, name) {
	await shot(s, name);
	await assertAccessible(s, name);
	await assertValidHtml(s, name);
}
