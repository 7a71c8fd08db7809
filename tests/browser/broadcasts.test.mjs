// The broadcasts area in a real browser: the demo's community coordinator
// (northcoord, North Side only) opens "Add a broadcast" from the + menu,
// writes to their community, sees the reach and the recipient list, sends,
// and follows the progress; the opted-out member of the community (carol,
// opted out for this test) gets no outbox row, and every other approved
// member of North Side gets exactly one.  The history and the
// coordinators' mailing list are visited too.  Every page is
// screenshotted (tests/screenshots/broadcasts-*.png) and checked with
// axe-core (0 violations); the console must stay clean.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	STAMP, URL_BASE, close, consoleErrors, launch, q, rootSql, session, submit, visited,
} from './lib.mjs';

test.before(() => launch('broadcasts'));
test.after(close);

test('a community coordinator broadcasts to their community; the opted-out member gets no row', async () => {
	const subject = `North Side news ${STAMP} for {first_name}`;
	rootSql("UPDATE members SET optout = 1 WHERE username = 'carol'");
	const s = await session('northcoord');
	let id = 0;
	try {
		// The + menu offers the broadcast.
		assert.equal(await s.page.locator('a[href="/broadcasts/new"]').count(), 1, 'the + menu has "Add a broadcast"');
		await s.page.goto(`${URL_BASE}/broadcasts/new`);
		await visited(s, 'new');
		// Their one community is the only choice: no whole timebank.
		const options = await s.page.locator('#community option').allTextContents();
		assert.deepEqual(options, ['North Side Timebank']);
		await s.page.fill('#subject', subject);
		await s.page.fill('#body', 'Hello {first_name},\n\nThe **potluck** is on Friday.\n\n- bring a dish\n- bring a friend');
		await submit(s.page, 'main form button[type="submit"]');
		const m = new URL(s.page.url()).pathname.match(/^\/broadcasts\/(\d+)$/);
		assert.ok(m, `the draft's page: ${s.page.url()}`);
		id = Number(m[1]);
		await visited(s, 'draft');
		const want = rootSql(`SELECT username FROM members WHERE community_id = 1 AND status = 'approved'
		    AND optout = 0 ORDER BY username`).map((r) => r[0]);
		assert.ok(!want.includes('carol'));
		assert.match(await s.page.textContent('main'), new RegExp(`It reaches ${want.length} members now`));
		assert.match(await s.page.textContent('main'), /1 member of this audience opted out/);
		assert.equal(await s.page.locator('.preview strong').textContent(), 'potluck');

		await submit(s.page, `a[href="/broadcasts/${id}/recipients"]`);
		await visited(s, 'recipients');
		assert.equal(await s.page.locator('tr[data-member]').count(), want.length);
		await s.page.goBack();

		await submit(s.page, `form[action="/broadcasts/${id}/test"] button`);
		assert.match(await s.page.textContent('.flash'), /test has been queued/);
		await submit(s.page, `form[action="/broadcasts/${id}/send"] input[value="now"] ~ button`);
		await visited(s, 'progress');
		assert.match(await s.page.textContent('main'), new RegExp(`Queued to ${want.length} recipients`));

		const got = rootSql(`SELECT m.username, o.subject FROM outbox o JOIN members m ON m.id = o.member_id
		    WHERE o.broadcast_id = ${id} AND o.kind = 'broadcast' ORDER BY m.username`);
		assert.deepEqual(got.map((r) => r[0]), want, 'one row per member of North Side, none for carol');
		const alice = got.find((r) => r[0] === 'alice');
		assert.equal(alice[1], `North Side news ${STAMP} for Alice`);

		await s.page.goto(`${URL_BASE}/broadcasts`);
		await visited(s, 'history');
		assert.equal(await s.page.locator(`tr[data-broadcast="${id}"]`).count(), 1);
		await s.page.goto(`${URL_BASE}/broadcasts/coordinators`);
		await visited(s, 'coordinators');
	} finally {
		rootSql("UPDATE members SET optout = 0 WHERE username = 'carol'");
		if (id) {
			rootSql(`DELETE FROM outbox WHERE broadcast_id = ${id}`);
			rootSql(`DELETE FROM broadcasts WHERE id = ${id}`);
		}
		await s.context.close();
	}
	assert.deepEqual(consoleErrors, []);
});

test('alerts and events: the coordinator\'s pages, an alert on a member\'s page and its dismissal, the events of the month', async () => {
	const s = await session('northcoord');
	const m = await session('alice');
	const message = `Browser alert ${STAMP}: the *hall* is closed`;
	try {
		await s.page.goto(`${URL_BASE}/alerts/new`);
		await visited(s, 'alert-new');
		await s.page.fill('#message', message);
		await submit(s.page, 'main form[action="/alerts/new"] button[type="submit"]');
		assert.equal(new URL(s.page.url()).pathname, '/alerts');
		await visited(s, 'alerts');
		const id = Number(rootSql(`SELECT id FROM alerts WHERE message = '${message.replace(/'/g, "''")}'`)[0][0]);

		// On alice's pages (North Side), with its dismiss button.
		await m.page.goto(`${URL_BASE}/ads`);
		assert.equal(await m.page.locator(`[data-alert="${id}"]`).count(), 1, 'the alert is shown');
		await visited(m, 'alert-shown');
		await submit(m.page, `[data-alert="${id}"] button`);
		assert.equal(new URL(m.page.url()).pathname, '/ads', 'back on the page');
		assert.equal(await m.page.locator(`[data-alert="${id}"]`).count(), 0, 'dismissed');

		await m.page.goto(`${URL_BASE}/events`);
		await visited(m, 'events');
		await m.page.goto(`${URL_BASE}/events/month`);
		await visited(m, 'events-month');
		await s.page.goto(`${URL_BASE}/events/new`);
		await visited(s, 'event-new');
		const ev = rootSql("SELECT id FROM events WHERE community_id = 1 ORDER BY id LIMIT 1")[0][0];
		await s.page.goto(`${URL_BASE}/events/${ev}`);
		await visited(s, 'event');
		await s.page.goto(`${URL_BASE}/events/${ev}/edit`);
		await visited(s, 'event-edit');
	} finally {
		rootSql(`DELETE FROM alerts WHERE message LIKE 'Browser alert ${STAMP}%'`);
		await s.context.close();
		await m.context.close();
	}
	assert.deepEqual(consoleErrors, []);
});

test('pages, news and links: outreach adds a page from the + menu; a visitor reads it; members read the news and links', async () => {
	const s = await session('outreach');
	const m = await session('alice');
	const title = `Browser page ${STAMP}`;
	try {
		assert.equal(await s.page.locator('a[href="/pages/new"]').count(), 1, 'the + menu has "Add a page"');
		await s.page.goto(`${URL_BASE}/pages/new`);
		await visited(s, 'page-new');
		await s.page.fill('#title', title);
		await s.page.fill('#body', '# Opening hours\n\nThe office is open on **Tuesdays**.');
		await s.page.check('#public');
		await submit(s.page, 'main form[action="/pages/new"] button[type="submit"]');
		const path = new URL(s.page.url()).pathname;
		assert.match(path, /^\/pages\/\d+$/);
		await visited(s, 'page');
		await s.page.goto(`${URL_BASE}${path}/edit`);
		await visited(s, 'page-edit');
		await s.page.goto(`${URL_BASE}/pages`);
		await visited(s, 'pages');
		await s.page.goto(`${URL_BASE}/links/new`);
		await visited(s, 'link-new');
		// A visitor reads the public page.
		const ctx = await s.context.browser().newContext();
		const v = { context: ctx, page: await ctx.newPage() };
		await v.page.goto(`${URL_BASE}${path}`);
		assert.equal(await v.page.locator('main h1').textContent(), title);
		await visited(v, 'page-visitor');
		await v.context.close();

		await m.page.goto(`${URL_BASE}/news`);
		await visited(m, 'news');
		await m.page.goto(`${URL_BASE}/links`);
		await visited(m, 'links');
	} finally {
		rootSql(`DELETE i FROM content_items i JOIN content_texts t ON t.item_id = i.id WHERE t.title = ${q(title)}`);
		await s.context.close();
		await m.context.close();
	}
	assert.deepEqual(consoleErrors, []);
});
