// The translations area in a real browser, as the demo's translator
// (language:es, whose own pages are in Spanish) works it: the progress
// page, the Spanish work queue, a missing phrase translated through its
// form, a stale one with its changed words marked, the import page; the
// admin's languages page; and a visitor's page in Arabic, right to left.
// Every page is screenshotted (tests/screenshots/translations-*.png) and
// checked with axe-core (0 violations); the console must stay clean.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	URL_BASE, close, consoleErrors, launch, q, rootSql, session, submit, visited,
} from './lib.mjs';

const esText = (key) => {
	const r = rootSql(`SELECT t.text FROM translations t JOIN phrases p ON p.id = t.phrase_id
	    WHERE p.phrase_key = ${q(key)} AND t.lang = 'es' AND t.plural_index = 0`);
	return r.length ? r[0][0] : null;
};

test.before(() => launch('translations'));
test.after(close);

test('the translator walks the Spanish queue and translates a missing phrase', async () => {
	const key = 'translations.import.left_out_item';
	assert.equal(esText(key), null, 'the demo leaves this phrase untranslated');
	const s = await session('translator');
	try {
		assert.equal(await s.page.getAttribute('html', 'lang'), 'es');
		assert.ok(await s.page.locator('a[href="/translations"]').count() > 0, 'the menu offers the translations');
		await s.page.goto(`${URL_BASE}/translations`);
		await visited(s, 'index');
		await submit(s.page, 'tr[data-lang="es"] a[href="/translations/es"]');
		assert.equal(new URL(s.page.url()).pathname, '/translations/es');
		await visited(s, 'queue');
		// Only the area's missing phrases, through the filter form.
		await s.page.selectOption('#area', 'translations');
		await submit(s.page, 'form.filters button[type="submit"]');
		const row = s.page.locator(`tr[data-key="${key}"] a`);
		assert.equal(await row.count(), 1, 'the missing phrase is listed');
		await Promise.all([s.page.waitForNavigation(), row.click()]);
		await visited(s, 'phrase-missing');
		assert.match(await s.page.textContent('main'), /Line \{line\} \(\{key\}\): \{why\}/, 'the English, its placeholders shown');
		// A mistake first: a placeholder left out is refused, the text kept.
		await s.page.fill('#form0', 'Línea {line}: {why}');
		await submit(s.page, 'main form button[type="submit"]');
		assert.match(await s.page.textContent('#form0-error'), /\{key\}/);
		assert.equal(await s.page.inputValue('#form0'), 'Línea {line}: {why}');
		await visited(s, 'phrase-refused');
		await s.page.fill('#form0', 'Línea {line} ({key}): {why}');
		await submit(s.page, 'main form button[type="submit"]');
		assert.equal(new URL(s.page.url()).pathname, '/translations/es');
		assert.equal(esText(key), 'Línea {line} ({key}): {why}');
		await visited(s, 'queue-saved');
	} finally {
		rootSql(`DELETE t FROM translations t JOIN phrases p ON p.id = t.phrase_id
		    WHERE p.phrase_key = ${q(key)} AND t.lang = 'es'`);
		rootSql("UPDATE cache_generations SET generation = generation + 1 WHERE name = 'catalogue'");
		await s.context.close();
	}
});

test('a stale phrase shows what changed; the import page', async () => {
	const s = await session('translator');
	try {
		await s.page.goto(`${URL_BASE}/translations/es?state=stale`);
		await visited(s, 'queue-stale');
		await Promise.all([s.page.waitForNavigation(),
		    s.page.locator('tr[data-key="translations.queue.empty"] a').click()]);
		assert.ok(await s.page.locator('.diff ins').count() > 0, 'added words marked');
		assert.ok(await s.page.locator('.diff del').count() > 0, 'removed words marked');
		await visited(s, 'phrase-stale');
		await s.page.goto(`${URL_BASE}/translations/es/import`);
		await visited(s, 'import');
	} finally {
		await s.context.close();
	}
});

test('the admin\'s languages page', async () => {
	const s = await session('admin');
	try {
		await s.page.goto(`${URL_BASE}/translations/languages`);
		assert.ok(await s.page.locator('tr[data-lang="ar"]').count() === 1);
		await visited(s, 'languages');
		await s.page.goto(`${URL_BASE}/translations/fr`);
		await visited(s, 'queue-fr');
	} finally {
		await s.context.close();
	}
});

test('a visitor whose browser asks for Arabic gets the login page right to left', async () => {
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath: process.env.WEFT_CHROMIUM || '/usr/bin/chromium', headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
	});
	try {
		const ctx = await browser.newContext({ locale: 'ar', extraHTTPHeaders: { 'Accept-Language': 'ar' } });
		const page = await ctx.newPage();
		await page.goto(`${URL_BASE}/login`);
		assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
		assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
		assert.match(await page.textContent('nav'), /الرئيسية/, 'the navigation in Arabic');
		await visited({ context: ctx, page, username: 'visitor' }, 'login-ar');
	} finally {
		await browser.close();
	}
});

test('no script error or CSP violation in the console', () => {
	// The refused form is answered 422 on purpose, which chromium logs.
	assert.deepEqual(consoleErrors.filter((e) => !/status of 422 .*\/translations\/es\/phrases\/\d+\)$/.test(e)), []);
});
