// A member's profile laid out for the coordinator's work (issue 18), in a
// real browser at 1280 and 390 px:
// - at a glance, before anything else: membership status, balance,
//   latest exchange and last log-in;
// - on a desk two columns, the member's details and notes beside the
//   actions; on a phone one column, no wider than the screen;
// - "set back to applying", "disable" and "become" styled as dangerous and
//   in panels of their own, apart from "add a note";
// - values in words: the language by its name, not its tag;
// - axe-core and html-validate clean on both (visited()).

import test from 'node:test';
import assert from 'node:assert/strict';
import { URL_BASE, close, consoleErrors, launch, rootSql, session, visited } from './lib.mjs';

const PHONE = { width: 390, height: 844 };
let alice;

test.before(async () => {
	await launch('profile');
	alice = rootSql("SELECT id FROM members WHERE username = 'alice'")[0][0];
});
test.after(close);

// Box of the first element matching selector.
const box = (page, selector) => page.locator(selector).first().evaluate((e) => {
	const r = e.getBoundingClientRect();
	return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
});

async function glance(page) {
	return page.locator('dl.glance > div').evaluateAll((ds) => ds.map((d) =>
		[d.querySelector('dt').textContent.trim(), d.querySelector('dd').textContent.trim()]));
}

test('on a desk: status, balance and activity first, two columns, the dangerous actions apart', async () => {
	const s = await session('admin');
	const res = await s.page.goto(`${URL_BASE}/members/${alice}`);
	assert.equal(res.status(), 200);
	const g = Object.fromEntries(await glance(s.page));
	assert.equal(g['Membership status'], 'Approved');
	assert.match(g.Balance, /^-?\d+\.\d\d hours$/, 'the balance in hours');
	assert.match(g['Latest exchange'], /^\d{4}-\d{2}-\d{2}$|^None yet$/);
	assert.ok(g['Last log-in'], 'the last log-in');
	const top = await box(s.page, 'dl.glance');
	const details = await box(s.page, '.profile-main');
	const side = await box(s.page, '.profile-side');
	assert.ok(top.bottom <= details.top && top.bottom <= side.top, 'the glance comes first');
	assert.ok(side.left >= details.right, `two columns (${JSON.stringify({ details, side })})`);

	// Words, not codes.
	const lang = await s.page.locator('dl.profile dt:text-is("Language") + dd').textContent();
	assert.equal(lang.trim(), 'English');

	// The dangerous ones: styled so, in their own marked panels, and
	// not in the panel of the note form.
	for (const action of ['unapprove', 'disable', 'become']) {
		const b = s.page.locator(`form[action="/members/${alice}/${action}"] button`);
		assert.equal(await b.getAttribute('class'), 'danger', `${action} is styled as dangerous`);
		assert.equal(await s.page.locator(`section.panel.danger form[action="/members/${alice}/${action}"]`).count(), 1,
		    `${action} is in a panel marked dangerous`);
	}
	assert.equal(await s.page.locator(`section.panel.danger form[action="/members/${alice}/notes"]`).count(), 0,
	    'adding a note is apart from them');
	const note = await box(s.page, `form[action="/members/${alice}/notes"]`);
	const disable = await box(s.page, `form[action="/members/${alice}/disable"]`);
	assert.ok(disable.left >= note.right, 'disable is in the other column from the note form');
	const color = await s.page.locator(`form[action="/members/${alice}/disable"] button`).evaluate((e) =>
		getComputedStyle(e).color);
	assert.equal(color, 'rgb(164, 22, 26)', 'the dangerous button reads in the warning colour');
	await visited(s, 'admin-profile-desk');
	await s.context.close();
});

test('on a phone: one column, no wider than the screen', async () => {
	const s = await session('mcoord', PHONE);
	const res = await s.page.goto(`${URL_BASE}/members/${alice}`);
	assert.equal(res.status(), 200);
	assert.equal(await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0,
	    'no wider than the screen');
	const details = await box(s.page, '.profile-main');
	const side = await box(s.page, '.profile-side');
	assert.ok(side.top >= details.bottom, 'the actions come below the details');
	assert.equal(await s.page.locator(`form[action="/members/${alice}/unapprove"]`).count(), 0,
	    'a member coordinator is not offered "set back to applying"');
	assert.equal(await s.page.locator(`section.panel.danger form[action="/members/${alice}/disable"]`).count(), 1);
	await visited(s, 'mcoord-profile-phone');
	await s.context.close();
});

test('no script errors or CSP violations in the console', () => {
	assert.deepEqual(consoleErrors, []);
});
