// The coordinator menus in a real browser: "+" and the gear are
// <details> (no script), opened by a click or from the keyboard, closed
// by default, accessible when open (axe-core), and usable at a phone's
// width (every entry inside the screen, and followed).

import test from 'node:test';
import assert from 'node:assert/strict';
import { URL_BASE, close, consoleErrors, launch, session, visited } from './lib.mjs';

const PHONE = { width: 360, height: 740 };

test.before(() => launch('menus'));
test.after(close);

// The entries of a menu that are visible on screen, as hrefs.
async function shown(page, menu) {
	const out = [];
	for (const a of await page.locator(`#menu-${menu} a`).all()) {
		if (await a.isVisible())
			out.push(await a.getAttribute('href'));
	}
	return out;
}

test('the admin opens the gear menu with a click and follows an entry', async () => {
	const s = await session('admin');
	assert.deepEqual(await shown(s.page, 'manage'), [], 'closed by default');
	await s.page.click('#menu-manage > summary');
	assert.deepEqual(await shown(s.page, 'manage'), ['/members/dashboard', '/exchanges/reports', '/ads/manage',
		'/exchanges/list', '/members/audit', '/payments', '/payments/received',
		'/broadcasts', '/broadcasts/coordinators', '/alerts', '/pages', '/site', '/site/lists', '/site/pages', '/members/roles',
		'/members/communities', '/translations', '/translations/languages', '/payments/types',
		'/payments/feature']);
	await visited(s, 'gear-open');
	const [res] = await Promise.all([s.page.waitForNavigation(),
		s.page.click('#menu-manage a[href="/exchanges/list"]')]);
	assert.equal(res.status(), 200);
	assert.equal(new URL(s.page.url()).pathname, '/exchanges/list');
	// The exchanges program's page lays out the same menus, closed.
	assert.deepEqual(await shown(s.page, 'manage'), []);
	await s.context.close();
});

test('the "+" menu opens from the keyboard', async () => {
	const s = await session('mcoord');
	await s.page.focus('#menu-add > summary');
	await s.page.keyboard.press('Enter');
	assert.deepEqual(await shown(s.page, 'add'), ['/members/new', '/members/invitations', '/broadcasts/new', '/alerts/new', '/events/new']);
	await visited(s, 'add-open');
	await s.page.focus('#menu-add a[href="/members/new"]');
	const [res] = await Promise.all([s.page.waitForNavigation(), s.page.keyboard.press('Enter')]);
	assert.equal(res.status(), 200);
	assert.equal(new URL(s.page.url()).pathname, '/members/new');
	await s.context.close();
});

test('at a phone\'s width the menus open inside the screen', async () => {
	const s = await session('admin', PHONE);
	const width = await s.page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(width <= PHONE.width, `no sideways scrolling (${width}px)`);
	for (const menu of ['add', 'manage']) {
		await s.page.click(`#menu-${menu} > summary`);
		for (const href of await shown(s.page, menu)) {
			const box = await s.page.locator(`#menu-${menu} a[href="${href}"]`).boundingBox();
			assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width,
			    `${menu} ${href} inside the screen: ${JSON.stringify(box)}`);
		}
		await visited(s, `phone-${menu}-open`);
		await s.page.click(`#menu-${menu} > summary`);
	}
	await s.page.click('#menu-manage > summary');
	const [res] = await Promise.all([s.page.waitForNavigation(),
		s.page.click('#menu-manage a[href="/members/roles"]')]);
	assert.equal(res.status(), 200);
	assert.equal(new URL(s.page.url()).pathname, '/members/roles');
	await s.context.close();
});

test('a member has neither menu', async () => {
	const s = await session('alice');
	assert.equal(await s.page.locator('details.menu').count(), 0);
	await s.page.goto(`${URL_BASE}/exchanges`);
	assert.equal(await s.page.locator('details.menu').count(), 0);
	await s.context.close();
});

test('no script errors or CSP violations in the console', () => {
	assert.deepEqual(consoleErrors, []);
});
