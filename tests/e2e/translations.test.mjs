// The translations area (cgi-bin/translations; docs/translations.md) over
// HTTP on the demo timebank: the demo's translator holds language:es; the
// demo has Spanish (mostly translated, three stale, a few missing),
// French (nothing translated, not offered) and Arabic (right to left, a
// few phrases).  Every write here is put back at the end of its test.

import test from 'node:test';
import assert from 'node:assert/strict';

// Short failure messages: the pages here are long.
const clip = (s) => String(s).slice(0, 300);
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import {
	BIN, BareKeys, Jar, ROOT, VAR, as, audits, get, getCsrf, mainText, post, request, sql, text, unbatch,
} from './lib.mjs';

const keys = new BareKeys();

const phraseId = (key) => Number(sql(`SELECT id FROM phrases WHERE phrase_key = '${key}'`)[0][0]);
const esText = (key, f = 0) => {
	const r = sql(`SELECT t.text FROM translations t JOIN phrases p ON p.id = t.phrase_id
	    WHERE p.phrase_key = '${key}' AND t.lang = 'es' AND t.plural_index = ${f}`);
	return r.length ? unbatch(r[0][0]) : null;
};
const esRows = () => sql(`SELECT phrase_id, plural_index, text, status, HEX(english_hash), english_from
    FROM translations WHERE lang = 'es' ORDER BY phrase_id, plural_index`);
const bumpGeneration = () => sql("UPDATE cache_generations SET generation = generation + 1 WHERE name = 'catalogue'");

async function page(path, jar, status = 200) {
	const r = await get(path, jar);
	assert.equal(r.status, status, `GET ${path}: ${text(r.body).slice(0, 200)}`);
	if (status === 200)
		keys.check(r.body, path);
	return r;
}

test('the translator sees the Spanish queue, is refused French and an unknown language; an admin has every language', async () => {
	const tr = await as('translator');
	const admin = await as('admin');
	const idx = await page('/translations', tr);
	assert.match(idx.body, /<tr data-lang="es">/, 'Spanish is listed for its translator');
	assert.doesNotMatch(idx.body, /data-lang="fr"/, 'French is not theirs');
	// The translator's own pages are in Spanish (their profile's language).
	assert.match(idx.body, /<h1>Traducciones<\/h1>/);
	await page('/translations/es', tr);
	await page('/translations/fr', tr, 403);
	await page('/translations/zz', tr, 403);
	await page('/translations/fr', admin);
	await page('/translations/zz', admin, 404);
	await page('/translations/en', admin, 404);
	const all = await page('/translations', admin);
	assert.match(all.body, /data-lang="fr"/);
	assert.match(all.body, /data-lang="ar"/);
});

test('the queue lists stale and missing phrases of the demo, filtered by state, area and text', async () => {
	const tr = await as('translator');
	const stale = await page('/translations/es?state=stale', tr);
	assert.match(stale.body, /data-key="translations\.index\.none"/, 'a demo phrase made from older English is to review');
	const missing = await page('/translations/es?state=missing&area=translations', tr);
	assert.match(missing.body, /data-key="translations\.import\.left_out_item"/, 'a phrase the demo left out is missing');
	assert.doesNotMatch(missing.body, /data-key="translations\.index\.title"/, 'a translated one is not missing');
	const found = await page(`/translations/es?state=all&q=${encodeURIComponent('Cola de trabajo')}`, tr);
	assert.match(found.body, /data-key="translations\.queue\.title"/, 'found by the text of its translation');
	const bad = await get('/translations/es?state=nonsense', tr);
	assert.equal(bad.status, 422, 'an unknown state is refused with the filters');
});

test('the queue\'s filters take any text: non-ASCII in the search, area or cursor is no 500 (make security found them)', async () => {
	const tr = await as('translator');
	const odd = encodeURIComponent('¿\'"(');
	for (const q of [`q=${odd}&state=missing&area=translations`, `q=&state=missing&area=translations${odd}`,
	    `state=missing&after=account.profile.as_manager${odd}`, `state=all&q=${encodeURIComponent('ñ')}`]) {
		const r = await get(`/translations/es?${q}`, tr);
		assert.equal(r.status, 200, `?${q}: ${text(r.body).slice(0, 200)}`);
	}
	// The search still finds Spanish text with accents.
	const acc = await page(`/translations/es?state=all&q=${encodeURIComponent('Traducción')}`, tr);
	assert.match(acc.body, /data-key="/, 'a search with an accent finds phrases');
});

test('a stale phrase shows the English it was made from, the changed words marked', async () => {
	const tr = await as('translator');
	const r = await page(`/translations/es/phrases/${phraseId('translations.index.none')}`, tr);
	assert.match(r.body, /You translate no language yet\./, 'the old English');
	assert.match(r.body, /<ins>/, 'added words are marked');
	assert.match(r.body, /<del>/, 'removed words are marked');
});

test('saving a translation: audited, and seen on the next page of every worker; a placeholder mismatch is refused with the input kept', async () => {
	const tr = await as('translator');
	const key = 'nav.translations';
	const id = phraseId(key);
	const before = esText(key);
	const form = await page(`/translations/es/phrases/${id}`, tr);
	const csrf = getCsrf(form.body);
	try {
		const bad = await post(`/translations/es/phrases/${id}`, tr, { csrf, form0: 'Traducir {cosa}' });
		assert.equal(bad.status, 422);
		assert.match(mainText(bad.body), /\{cosa\}/, 'the message names the extra placeholder');
		assert.match(bad.body, />Traducir \{cosa\}<\/textarea>/, 'the input is kept');
		assert.equal(esText(key), before, 'nothing saved');
		const ok = await post(`/translations/es/phrases/${id}`, tr, { csrf, form0: 'Taller de traducción' });
		assert.equal(ok.status, 303);
		assert.equal(esText(key), 'Taller de traducción');
		const a = audits('phrase', id, 'translation.edit').at(-1);
		assert.ok(a, 'audited');
		assert.deepEqual(JSON.parse(a[1]).text, ['Taller de traducción']);
		assert.equal(JSON.parse(a[0]).text[0], before);
		// The menu entry is in every program's layout: every worker of
		// the account program (two) shows the new text at once.
		const homes = await Promise.all(Array.from({ length: 8 }, () => get('/', tr)));
		for (const h of homes)
			assert.match(h.body, /Taller de traducción/);
	} finally {
		sql(`UPDATE translations SET text = '${before.replace(/'/g, "''")}' WHERE phrase_id = ${id} AND lang = 'es'`);
		bumpGeneration();
	}
});

test('a plural phrase has a text per form of the language: two in Spanish, six in Arabic', async () => {
	const admin = await as('admin');
	const id = phraseId('translations.count.phrases');
	const es = await page(`/translations/es/phrases/${id}`, admin);
	assert.equal((es.body.match(/<textarea id="form\d"/g) || []).length, 2);
	const ar = await page(`/translations/ar/phrases/${id}`, admin);
	assert.equal((ar.body.match(/<textarea id="form\d"/g) || []).length, 6);
	assert.match(ar.body, /dir="rtl"/, 'Arabic forms are written right to left');
	// Spanish's two forms, as the demo has them, on the progress table.
	const tr = await as('translator');
	const idx = await page('/translations', tr);
	assert.match(mainText(idx.body), /\d+ frases/);
});

function msgfmt(po) {
	const dir = mkdtempSync(`${tmpdir()}/weft-po.`);
	try {
		writeFileSync(`${dir}/x.po`, po);
		return spawnSync('msgfmt', ['-c', '-o', '/dev/null', `${dir}/x.po`], { encoding: 'utf8' });
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

test('PO export passes msgfmt -c; importing it unchanged changes nothing', async () => {
	const tr = await as('translator');
	const r = await get('/translations/es/export.po', tr);
	assert.equal(r.status, 200);
	assert.match(r.headers['content-type'], /^text\/x-gettext-translation/);
	const check = msgfmt(r.body);
	assert.equal(check.status, 0, `msgfmt -c: ${check.stderr}`);
	assert.match(r.body, /#, fuzzy\n#\| msgid "You translate no language yet\."\nmsgctxt "translations\.index\.none"/,
	    'a stale translation is fuzzy, with the English it was made from');
	assert.match(r.body, /msgctxt "translations\.count\.phrases"\nmsgid "\{n\} phrase"\nmsgid_plural "\{n\} phrases"\nmsgstr\[0\] "\{n\} frase"\nmsgstr\[1\] "\{n\} frases"/);
	const rows = esRows();
	const nAudit = Number(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'translation.edit'")[0][0]);
	const imp = await page('/translations/es/import', tr);
	const csrf = getCsrf(imp.body);
	const preview = await post('/translations/es/import', tr, { csrf, po: r.body });
	assert.equal(preview.status, 200);
	assert.match(clip(mainText(preview.body).replace(/^[\s\S]*?(Cambiarían)/, '$1')), /^Cambiarían 0 traducciones/);
	assert.doesNotMatch(preview.body, /name="confirm"/, 'nothing to confirm');
	const confirm = await post('/translations/es/import', tr, { csrf, po: r.body, confirm: '1' });
	assert.equal(confirm.status, 303);
	assert.deepEqual(esRows(), rows, 'no translation changed');
	assert.equal(Number(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'translation.edit'")[0][0]), nAudit);
});

test('importing a change: previewed without saving, then saved; a malformed file or another language is refused', async () => {
	const tr = await as('translator');
	const key = 'translations.queue.show';
	const before = esText(key);
	const po = (await get('/translations/es/export.po', tr)).body;
	const changed = po.replace(/(msgctxt "translations\.queue\.show"\nmsgid "[^"]*"\nmsgstr )"[^"]*"/, '$1"Ver"');
	assert.notEqual(changed, po);
	const csrf = getCsrf((await page('/translations/es/import', tr)).body);
	try {
		const preview = await post('/translations/es/import', tr, { csrf, po: changed });
		assert.equal(preview.status, 200);
		assert.match(clip(mainText(preview.body).replace(/^[\s\S]*?(Cambiarían)/, '$1')), /^Cambiarían 1 traducciones/);
		assert.match(preview.body, /<code>translations\.queue\.show<\/code>/);
		assert.equal(esText(key), before, 'a preview saves nothing');
		const ok = await post('/translations/es/import', tr, { csrf, po: changed, confirm: '1' });
		assert.equal(ok.status, 303);
		assert.equal(esText(key), 'Ver');
		const rows = esRows();
		const broken = `${changed}\nmsgctxt "x.y"\nmsgid "unterminated\n`;
		const bad = await post('/translations/es/import', tr, { csrf, po: broken.replace('"Ver"', '"Otra"'), confirm: '1' });
		assert.equal(bad.status, 422);
		assert.match(mainText(bad.body), /line \d+/, 'the line is named');
		assert.deepEqual(esRows(), rows, 'nothing of a malformed file is saved');
		const fr = await post('/translations/es/import', tr, { csrf, po: changed.replace('Language: es', 'Language: fr'), confirm: '1' });
		assert.equal(fr.status, 422);
		assert.deepEqual(esRows(), rows);
		const wrong = changed.replace('"Ver"', '"Ver {nada}"');
		const left = await post('/translations/es/import', tr, { csrf, po: wrong });
		assert.equal(left.status, 200);
		assert.match(mainText(left.body), /\{nada\}/, 'an entry whose placeholders differ is left out, saying why');
	} finally {
		sql(`UPDATE translations SET text = '${before.replace(/'/g, "''")}' WHERE lang = 'es'
		    AND phrase_id = ${phraseId(key)}`);
		bumpGeneration();
	}
});

// weft-migrate's sync from a copy of the source in which one English
// phrase changed; then from the real source again.
function sync(dir) {
	const r = spawnSync(`${BIN}/weft-migrate`, ['-c', `${VAR}/weft.conf`, '-u', 'root', '-d', `${ROOT}/sql`,
	    ...(dir ? ['-P', dir] : [])], { encoding: 'utf8', timeout: 120000 });
	assert.equal(r.status, 0, `weft-migrate: ${r.stderr}`);
	return r.stdout;
}

test('a changed English source makes its translations stale: still served, listed to review', async () => {
	const tr = await as('translator');
	const key = 'translations.queue.filters';
	const dir = mkdtempSync(`${tmpdir()}/weft-phrases.`);
	try {
		cpSync(`${ROOT}/templates/phrases`, dir, { recursive: true });
		const f = `${dir}/translations.en`;
		writeFileSync(f, readFileSync(f, 'utf8').replace('translations.queue.filters = Filters',
		    'translations.queue.filters = Filter the phrases'));
		assert.match(sync(dir), /phrases: 0 added, 1 changed/);
		const stale = await page('/translations/es?state=stale&area=translations', tr);
		assert.match(stale.body, /data-key="translations\.queue\.filters"/);
		const p = await page(`/translations/es/phrases/${phraseId(key)}`, tr);
		assert.match(p.body, /<ins>the <\/ins>/, 'the new words are marked');
		assert.match(p.body, /Filter the phrases/);
		// Still served: the Spanish queue page shows its translation.
		assert.match(stale.body, /<h2 id="filters-title">Filtros<\/h2>/);
	} finally {
		rmSync(dir, { recursive: true, force: true });
		sync(null);
	}
	const back = await page('/translations/es?state=stale&area=translations', tr);
	assert.doesNotMatch(back.body, /data-key="translations\.queue\.filters"/, 'the real source again: not stale');
});

test('a visitor gets the language of Accept-Language among those offered, or the one chosen with the switcher; Arabic is right to left', async () => {
	const es = await request('/login', { headers: { 'Accept-Language': 'es-ES,es;q=0.9,en;q=0.5' } });
	assert.match(es.body, /<html lang="es">/);
	const fr = await request('/login', { headers: { 'Accept-Language': 'fr-FR,fr;q=0.9,de;q=0.5' } });
	assert.match(fr.body, /<html lang="en">/, 'French is not offered: English');
	const jar = new Jar();
	const login = await get('/login', jar);
	assert.match(login.body, /<form method="post" action="\/language"/, 'the switcher');
	const r = await post('/language', jar, { csrf: getCsrf(login.body), lang: 'ar', next: '/login' });
	assert.equal(r.status, 303);
	assert.equal(r.location, '/login');
	const ar = await get('/login', jar);
	assert.match(ar.body, /<html lang="ar" dir="rtl">/);
	assert.match(ar.body, /تسجيل الدخول/, 'a translated phrase in Arabic');
	const unknown = await post('/language', jar, { csrf: getCsrf(login.body), lang: 'zz' });
	assert.equal(unknown.status, 400);
});

test('languages: an admin adds one (a bad plural rule refused with the input kept); a translator may not', async () => {
	const admin = await as('admin');
	const tr = await as('translator');
	await page('/translations/languages', tr, 403);
	const p = await page('/translations/languages', admin);
	const csrf = getCsrf(p.body);
	const bad = await post('/translations/languages', admin, {
		csrf, tag: 'pl', name: 'Polski', dir: 'ltr', plural: 'nplurals=3; plural=(n==1 ? 0 :', decimal: ',', date_order: 'dmy',
	});
	assert.equal(bad.status, 422);
	assert.match(bad.body, /value="Polski"/);
	assert.equal(sql("SELECT COUNT(*) FROM languages WHERE tag = 'pl'")[0][0], '0');
	try {
		const ok = await post('/translations/languages', admin, {
			csrf, tag: 'pl', name: 'Polski', dir: 'ltr', decimal: ',', date_order: 'dmy',
			plural: 'nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);',
		});
		assert.equal(ok.status, 303);
		assert.deepEqual(sql("SELECT nplurals, enabled FROM languages WHERE tag = 'pl'"), [['3', '0']]);
		const again = await post('/translations/languages', admin, {
			csrf, tag: 'pl', name: 'Polski', dir: 'ltr', decimal: ',', date_order: 'dmy', plural: 'nplurals=1; plural=0;',
		});
		assert.equal(again.status, 422, 'a language the timebank has');
		const pp = await page(`/translations/pl/phrases/${phraseId('translations.count.phrases')}`, admin);
		assert.equal((pp.body.match(/<textarea id="form\d"/g) || []).length, 3, 'Polish has three forms');
	} finally {
		sql("DELETE FROM languages WHERE tag = 'pl'");
		bumpGeneration();
	}
});

test('no page of the area shows a bare phrase key', () => keys.assertNone());
