// Lists at a phone's width (issue 18): a wide table scrolls inside its
// wrapper and a chart scales to the column, so the page itself is never
// wider than the screen.  Member and coordinator pages with tables and
// charts, at 390 px.

import test from 'node:test';
import assert from 'node:assert/strict';
import { URL_BASE, close, launch, session, visited } from './lib.mjs';

const PHONE = { width: 390, height: 844 };

test.before(() => launch('phone'));
test.after(close);

// The page's width beyond the viewport's, in CSS pixels (0 when it fits).
async function overflow(page) {
	return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function fits(s, path, name) {
	const res = await s.page.goto(`${URL_BASE}${path}`);
	assert.equal(res.status(), 200, `GET ${path}`);
	assert.equal(await overflow(s.page), 0, `${path} at ${PHONE.width} px is no wider than the screen`);
	await visited(s, name);
}

test('a member reads the ads and their exchanges on a phone without scrolling sideways', async () => {
	const s = await session('alice', PHONE);
	await fits(s, '/ads', 'alice-ads');
	await fits(s, '/ads/mine', 'alice-ads-mine');
	await s.context.close();
});

test('a coordinator reads the exchanges list and the dashboard chart on a phone', async () => {
	const s = await session('admin', PHONE);
	await fits(s, '/exchanges/list', 'admin-exchanges-list');
	await fits(s, '/members/dashboard', 'admin-dashboard');
	await s.context.close();
});

// How the first row's first labelled cell of TABLE is laid out, and the
// label its ::before shows.
async function firstCell(page, table) {
	return page.locator(`${table} tbody tr td[data-label]`).first().evaluate((td) => ({
		display: getComputedStyle(td).display,
		label: getComputedStyle(td, '::before').content,
	}));
}

test('on a phone the member list reads as rows of labelled values, on a desk as a table', async () => {
	const phone = await session('admin', PHONE);
	await phone.page.goto(`${URL_BASE}/members`);
	const cell = await firstCell(phone.page, 'table.members');
	assert.equal(cell.display, 'block', 'a cell is a line of its row');
	assert.equal(cell.label, '"Name: "', 'the cell names its column');
	await visited(phone, 'admin-members-stacked');
	await phone.context.close();
	const desk = await session('admin');
	await desk.page.goto(`${URL_BASE}/members`);
	assert.deepEqual(await firstCell(desk.page, 'table.members'), { display: 'table-cell', label: 'none' });
	await desk.context.close();
});

