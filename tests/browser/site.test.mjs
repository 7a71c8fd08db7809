// The site area in a real browser, as the demo's admin works it: the
// gear menu's "Site settings", a mistake refused with its message, the
// timebank's name changed and seen in the layout of every page, and a
// setting's versions with one restored, a special page written and an
// older version of it restored.  Every page is screenshotted
// (tests/screenshots/site-*.png) and checked with axe-core (0
// violations); the console must stay clean.  What is changed is put back.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	STAMP, URL_BASE, close, consoleErrors, launch, q, rootSql, session, submit, visited,
} from './lib.mjs';

const settingRow = (name) => {
	const r = rootSql(`SELECT value FROM settings WHERE name = ${q(name)}`);
	return r.length ? r[0][0] : null;
};
function putBack(name, value) {
	rootSql(`START TRANSACTION; ${value === null ? `DELETE FROM settings WHERE name = ${q(name)}` :
	    `INSERT INTO settings (name, value) VALUES (${q(name)}, ${q(value)})
	    ON DUPLICATE KEY UPDATE value = VALUES(value)`};
	    UPDATE cache_generations SET generation = generation + 1 WHERE name = 'settings'; COMMIT`);
}

test.before(() => launch('site'));
test.after(close);

test('the admin renames the timebank and sees it in the layout; a version is restored', async () => {
	const saved = { site_name: settingRow('site_name'), time_zone: settingRow('time_zone') };
	const s = await session('admin');
	try {
		// The gear menu's "Configure the site" group has the page.
		await s.page.click('#menu-manage summary');
		await submit(s.page, '#menu-manage a[href="/site"]');
		assert.equal(new URL(s.page.url()).pathname, '/site');
		await visited(s, 'settings');
		// A mistake: a time zone the server does not know.
		await s.page.fill('#site_name', 'Riverside Timebank');
		await s.page.fill('#time_zone', 'Mars/Olympus');
		await submit(s.page, 'form.settings button[type="submit"]');
		assert.match(await s.page.textContent('#time_zone-error'), /time zone/);
		assert.equal(await s.page.inputValue('#site_name'), 'Riverside Timebank', 'the input is kept');
		assert.match(await s.page.textContent('.brand'), /weft/, 'nothing saved');
		await visited(s, 'settings-refused');
		await s.page.fill('#time_zone', 'Europe/Dublin');
		await submit(s.page, 'form.settings button[type="submit"]');
		assert.equal(new URL(s.page.url()).pathname, '/site');
		assert.match(await s.page.textContent('.flash'), /saved/);
		assert.match(await s.page.textContent('.brand a'), /^Riverside Timebank$/);
		assert.match(await s.page.title(), / · Riverside Timebank$/);
		await visited(s, 'settings-saved');
		// Every program's layout says it.
		for (const path of ['/', '/members', '/ads', '/translations']) {
			await s.page.goto(`${URL_BASE}${path}`);
			assert.equal(await s.page.textContent('.brand a'), 'Riverside Timebank', path);
		}
		// The name's versions; the default restored.
		await s.page.goto(`${URL_BASE}/site/settings/site_name`);
		await visited(s, 'history');
		const restore = s.page.locator('tr', { hasText: 'The default' }).locator('button');
		await Promise.all([s.page.waitForNavigation(), restore.click()]);
		assert.match(await s.page.textContent('.flash'), /restored/);
		assert.equal(await s.page.textContent('.brand a'), 'weft');
		await visited(s, 'history-restored');
	} finally {
		for (const [k, v] of Object.entries(saved))
			putBack(k, v);
		await s.context.close();
	}
});

test('the admin moves the two members of a neighbourhood to another, then retires it', async () => {
	const name = `Tannery ${STAMP}`;
	rootSql(`INSERT INTO neighbourhoods (name, position) VALUES (${q(name)}, 60)`);
	const id = Number(rootSql(`SELECT id FROM neighbourhoods WHERE name = ${q(name)}`)[0][0]);
	const to = Number(rootSql("SELECT id FROM neighbourhoods WHERE name = 'Old Town'")[0][0]);
	rootSql(`UPDATE members SET neighbourhood_id = ${id} WHERE username IN ('heidi', 'ivan')`);
	const s = await session('admin');
	try {
		await s.page.click('#menu-manage summary');
		await submit(s.page, '#menu-manage a[href="/site/lists"]');
		await visited(s, 'lists');
		await submit(s.page, 'a[href="/site/lists/neighbourhoods"]');
		await visited(s, 'list-neighbourhoods');
		// The count is the member list's filter: the same two members.
		assert.equal(await s.page.textContent(`tr[data-item="${id}"] td:nth-of-type(2)`), '2');
		await submit(s.page, `tr[data-item="${id}"] td a`);
		assert.match(s.page.url(), new RegExp(`/members\\?neighbourhood=${id}$`));
		assert.equal(await s.page.inputValue('#neighbourhood'), String(id));
		const shown = await s.page.$$eval('tr[data-member]', (rows) => rows.map((r) => r.dataset.member));
		assert.deepEqual(shown.sort(), rootSql("SELECT id FROM members WHERE username IN ('heidi', 'ivan')")
		    .map((x) => x[0]).sort());
		await visited(s, 'members-neighbourhood');
		await s.page.goBack();
		await submit(s.page, `tr[data-item="${id}"] th a`);
		assert.match(await s.page.textContent('main'), /Used 2 times/);
		await visited(s, 'item');
		await s.page.selectOption('#to', String(to));
		await submit(s.page, 'form.item-move button[type="submit"]');
		assert.match(await s.page.textContent('.flash'), /moved/);
		assert.equal(await s.page.textContent(`tr[data-item="${id}"] td:nth-of-type(2)`), '0', 'no uses left');
		await submit(s.page, `tr[data-item="${id}"] th a`);
		await s.page.uncheck('input[name="active"]');
		await submit(s.page, 'form.item-edit button[type="submit"]');
		assert.match(await s.page.textContent(`tr[data-item="${id}"]`), /retired/);
		await visited(s, 'list-retired');
		assert.deepEqual(rootSql(`SELECT COUNT(*) FROM members WHERE neighbourhood_id = ${to}
		    AND username IN ('heidi', 'ivan')`)[0][0], '2');
		// The "+" menu's "Add a list item".
		await s.page.click('#menu-add summary');
		await submit(s.page, '#menu-add a[href="/site/lists/new"]');
		await visited(s, 'list-new');
		// And "Add a special page": a page and a language, then its editor.
		await s.page.click('#menu-add summary');
		await submit(s.page, '#menu-add a[href="/site/pages/new"]');
		await visited(s, 'page-new');
		await s.page.selectOption('#page', 'terms');
		await s.page.selectOption('#lang', 'es');
		await submit(s.page, 'main form button[type="submit"]');
		assert.equal(new URL(s.page.url()).pathname, '/site/pages/terms/es');
	} finally {
		rootSql("UPDATE members SET neighbourhood_id = NULL WHERE username IN ('heidi', 'ivan')");
		rootSql(`DELETE FROM neighbourhoods WHERE id = ${id}`);
		await s.context.close();
	}
});

test('the admin closes signup and a visitor\'s /signup says so', async () => {
	const saved = settingRow('signup_mode');
	const s = await session('admin');
	try {
		await s.page.goto(`${URL_BASE}/site`);
		await s.page.selectOption('#signup_mode', 'closed');
		await submit(s.page, 'form.settings button[type="submit"]');
		assert.match(await s.page.textContent('.flash'), /saved/);
		const v = await s.context.browser().newContext();
		const p = await v.newPage();
		const res = await p.goto(`${URL_BASE}/signup`);
		assert.equal(res.status(), 200);
		assert.match(await p.textContent('#signup-closed'), /not taking applications/);
		assert.equal(await p.locator('a[href="/signup"]').count(), 0, 'not offered in the layout');
		await visited({ page: p, context: v, username: 'visitor' }, 'signup-closed');
		await v.close();
	} finally {
		putBack('signup_mode', saved);
		await s.context.close();
	}
});

test('the admin edits the terms, sees them as readers will, and restores the version before', async () => {
	const from = Number(rootSql('SELECT COALESCE(MAX(id), 0) FROM special_pages')[0][0]);
	const s = await session('admin');
	try {
		await s.page.goto(`${URL_BASE}/site/pages`);
		await visited(s, 'pages');
		await submit(s.page, 'a[href="/site/pages/terms/en"]');
		assert.equal(new URL(s.page.url()).pathname, '/site/pages/terms/en');
		await visited(s, 'page');
		await s.page.fill('#body', '# Our terms\n\n- Be *kind*\n- <b>no HTML</b>');
		await submit(s.page, 'form.page-edit button[type="submit"]');
		assert.match(await s.page.textContent('.flash'), /saved/);
		assert.equal(await s.page.textContent('.special-preview em'), 'kind');
		assert.match(await s.page.textContent('.special-preview'), /<b>no HTML<\/b>/, 'HTML is text');
		await visited(s, 'page-saved');
		// The demo's version, the one before, put back.
		await submit(s.page, 'form[action="/site/pages/terms/en/restore"] button');
		assert.match(await s.page.textContent('.flash'), /restored/);
		assert.match(await s.page.textContent('.special-preview'), /Every hour is worth the same/);
		await visited(s, 'page-restored');
	} finally {
		rootSql(`DELETE FROM special_pages WHERE id > ${from}`);
		await s.context.close();
	}
});

test('the console stayed clean', () => {
	// The refused forms are answered 422 on purpose, which chromium logs.
	assert.deepEqual(consoleErrors.filter((e) => !/status of 422 .*\/site\)$/.test(e)), []);
});
