// The lists' filter forms fold away behind one line that says what the
// list shows (issue 18, "Forms that come before their results"): the
// member list, the directory of offers and requests, the coordinators'
// list of ads and the list of exchanges.  The summary names each filter
// in words (the option's label, never its value), and the form is open
// when the reader needs it: a filter refused, or nothing found.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, get, text } from './lib.mjs';

// {open, summary} of the page's folded filter form.
function folded(html, what) {
	const m = html.match(/<details class="filters"( open)?>\s*<summary>([\s\S]*?)<\/summary>/);
	assert.ok(m, `${what}: the filter form is in a <details class="filters">`);
	return { open: m[1] !== undefined, summary: text(m[2]) };
}

async function page(user, path, status = 200) {
	const r = await get(path, await as(user));
	assert.equal(r.status, status, `${user} GET ${path}: ${r.status}`);
	return folded(r.body, path);
}

test('the member list: folded with what it shows, in words', async () => {
	let f = await page('admin', '/members');
	assert.deepEqual(f, { open: false, summary: 'All members · sorted by name — change' });
	f = await page('admin', '/members?status=approved&community=1&sort=joined&dir=desc');
	assert.equal(f.open, false);
	assert.equal(f.summary, 'Approved · North Side Timebank · sorted by date joined, in reverse order — change');
	f = await page('admin', '/members?role=admin&optout=no&login=never');
	assert.equal(f.summary, 'holds the role Admin Coordinator · Receives broadcasts · Never logged in · sorted by name — change');
});

test('the member list: open when nothing is found or a filter is refused', async () => {
	let f = await page('admin', '/members?q=zzznobody');
	assert.deepEqual(f, { open: true, summary: 'name starts with “zzznobody” · sorted by name — change' });
	f = await page('admin', '/members?status=bogus', 400);
	assert.equal(f.open, true, 'a refused filter opens the form');
});

test('the directory of offers and requests', async () => {
	let f = await page('alice', '/ads');
	assert.deepEqual(f, { open: false, summary: 'All offers and requests — change' });
	f = await page('alice', '/ads?kind=offer&community=1');
	assert.match(f.summary, /^Offers · North Side Timebank — change$/);
	f = await page('alice', '/ads?q=zzzqqqxx');
	assert.deepEqual(f, { open: true, summary: 'with the words “zzzqqqxx” — change' });
	f = await page('alice', '/ads?kind=bogus', 422);
	assert.equal(f.open, true);
});

test('the coordinators\' list of ads', async () => {
	let f = await page('admin', '/ads/manage');
	assert.deepEqual(f, { open: false, summary: 'All offers and requests — change' });
	f = await page('admin', '/ads/manage?status=deleted&member=zzznobody');
	assert.equal(f.open, true, 'nothing found');
	assert.equal(f.summary, 'Deleted · posted by zzznobody — change');
});

test('the list of exchanges', async () => {
	let f = await page('admin', '/exchanges/list');
	assert.deepEqual(f, { open: false, summary: 'All recorded exchanges — change' });
	f = await page('admin', '/exchanges/list?member=alice&from=2000-01-01');
	assert.equal(f.summary, 'with alice · from 2000-01-01 — change');
	f = await page('admin', '/exchanges/list?member=alice&status=cancelled&from=2099-01-01&to=2099-01-02');
	assert.equal(f.open, true, 'nothing found');
	assert.equal(f.summary, 'with alice · from 2099-01-01 · until 2099-01-02 · Cancelled — change');
	f = await page('admin', '/exchanges/list?member=zzznobody', 422);
	assert.equal(f.open, true, 'a refused filter opens the form');
});
