// Each role's main pages at a desk's width (1280 px) and a phone's
// (390 px), and the home page at the narrowest phone (320 px), issue 18:
// the page is never wider than the screen, every link of the open "+"
// and gear menus lies inside it, and a screenshot of each is saved.  The
// main pages are the ones the role's own navigation links to, read from
// the page, so a role that gains a page is checked without a change here.
// axe-core and html-validate run on every page at the desk's width.  The
// roles are spread over a few layout-*.test.mjs files so that each file
// stays well inside the runner's time limit.

import test from 'node:test';
import assert from 'node:assert/strict';
import { URL_BASE, close, consoleErrors, launch, session, shot, visited } from './lib.mjs';

const DESK = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const NARROW = { width: 320, height: 640 };

// How far the page reaches beyond the viewport, in CSS pixels.
const overflow = (page) => page.evaluate(() =>
	document.documentElement.scrollWidth - window.innerWidth);

const slug = (path) => path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';

// The paths the main navigation links to, the home page first.
async function mainPages(page) {
	const hrefs = await page.locator('header.site nav > ul a').evaluateAll((as) =>
		as.map((a) => new URL(a.href).pathname));
	return [...new Set(['/', ...hrefs])];
}

// Opens each menu in turn: every link of its panel is inside the screen.
async function menusInside(s, viewport, name) {
	const ids = await s.page.locator('details.menu').evaluateAll((ds) => ds.map((d) => d.id));
	for (const id of ids) {
		await s.page.click(`#${id} > summary`);
		const boxes = await s.page.locator(`#${id} .menu-panel a`).evaluateAll((as) =>
			as.map((a) => { const r = a.getBoundingClientRect(); return [a.getAttribute('href'), r.left, r.right]; }));
		assert.ok(boxes.length > 0, `${name}: #${id} shows links`);
		for (const [href, left, right] of boxes)
			assert.ok(left >= 0 && right <= viewport.width,
			    `${name}: #${id} ${href} inside ${viewport.width} px (${left}..${right})`);
		await shot(s, `${name}-${id}`);
		await s.page.click(`#${id} > summary`);
	}
	return ids.length;
}

async function walk(user, viewport, validate) {
	const s = await session(user, viewport);
	const w = viewport.width;
	const pages = await mainPages(s.page);
	for (const path of pages) {
		const res = await s.page.goto(`${URL_BASE}${path}`);
		assert.equal(res.status(), 200, `${user}: GET ${path}`);
		assert.equal(await overflow(s.page), 0, `${user}: ${path} at ${w} px is no wider than the screen`);
		if (validate)
			await visited(s, `${user}-${w}-${slug(path)}`);
		else
			await shot(s, `${user}-${w}-${slug(path)}`);
	}
	await s.page.goto(`${URL_BASE}/`);
	const menus = await menusInside(s, viewport, `${user}-${w}`);
	await s.context.close();
	return { pages, menus };
}

// The tests of one layout-*.test.mjs file: USERS' main pages at both
// widths and, with narrow, their home pages at 320 px.
export function layoutTests(name, users, { narrow = false } = {}) {
	test.before(() => launch(name));
	test.after(close);
	for (const user of users) {
		test(`${user}'s main pages fit 1280 and 390 px, with the menus inside the screen`, async () => {
			const desk = await walk(user, DESK, true);
			const phone = await walk(user, PHONE, false);
			assert.ok(desk.pages.length >= 2, `${user} has main pages besides home: ${desk.pages}`);
			assert.deepEqual(phone.pages, desk.pages, `${user}: the same navigation on a phone`);
			assert.equal(phone.menus, desk.menus, `${user}: the same menus on a phone`);
		});
	}
	if (narrow)
		test('at 320 px the header of every role fits, and the menus open inside the screen', async () => {
			for (const user of narrow) {
				const s = await session(user, NARROW);
				assert.equal(await overflow(s.page), 0, `${user}: the home page at 320 px`);
				await shot(s, `${user}-320-home`);
				await menusInside(s, NARROW, `${user}-320`);
				await s.context.close();
			}
		});
	test('no script errors or CSP violations in the console', () => {
		assert.deepEqual(consoleErrors, []);
	});
}
