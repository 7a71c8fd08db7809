// The members area in the coordinator's language (docs/translations.md):
// a Member Coordinator whose profile says Spanish reads the member list,
// a profile and a form's validation errors in Spanish, from the demo's
// translations (sql/demo_es_members.sql); one whose profile says English
// reads the same pages in English; a phrase the demo leaves untranslated
// falls back to English.  The coordinators and members are made here.

import test from 'node:test';
import assert from 'node:assert/strict';
import { BareKeys, as, get, getCsrf, mainText, memberId, post, sql, text } from './lib.mjs';

const keys = new BareKeys();
const TAG = `i18m${process.pid % 100000}`;
const ids = {};

function mkMember(suffix, { lang = 'en', status = 'approved' } = {}) {
	const u = `${TAG}_${suffix}`;
	sql(`INSERT INTO members (username, email, name, password_hash, status,
	    lang, community_id, about, approved_at, joined_at)
	    SELECT '${u}', '${u}@example.org', 'I18n ${suffix}', password_hash,
	    '${status}', '${lang}', 1, '',
	    IF('${status}' = 'approved', UTC_TIMESTAMP(), NULL),
	    UTC_TIMESTAMP() - INTERVAL 30 DAY
	    FROM members WHERE username = 'alice'`);
	return memberId(u);
}

test.before(() => {
	ids.es = mkMember('es', { lang: 'es' });
	ids.en = mkMember('en');
	ids.x1 = mkMember('x1');
	ids.x2 = mkMember('x2');
	ids.ap = mkMember('ap', { status: 'applying' });
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id)
	    VALUES (${ids.es}, 'member', 'site', 0), (${ids.en}, 'member', 'site', 0)`);
});

test.after(() => {
	sql(`DELETE FROM grants WHERE member_id IN (${ids.es}, ${ids.en})`);
	sql(`DELETE FROM sessions WHERE member_id IN (${ids.es}, ${ids.en})`);
});

const coord = (lang) => as(`${TAG}_${lang}`);
const caption = (html) => text((html.match(/<caption>([\s\S]*?)<\/caption>/) || ['', ''])[1]);

test('the member list in Spanish, its count in both plural forms; in English for an English coordinator', async () => {
	const es = await coord('es');
	const one = await get(`/members?q=${TAG}_x1`, es);
	assert.equal(one.status, 200);
	const t = mainText(one.body);
	assert.match(t, new RegExp(`^Miembros el nombre empieza por «${TAG}_x1» · por nombre — cambiar Filtros `), 'heading, the filters\' summary and the filters in Spanish');
	assert.match(t, /El nombre, nombre de usuario o correo empieza por/);
	assert.match(t, /Mostrar miembros Quitar los filtros/);
	assert.match(t, /Miembros encontrados/);
	assert.match(one.body, /<option value="applying">Solicitante<\/option>/);
	assert.equal(caption(one.body), '1 miembro en esta página', 'the "one" form');
	assert.match(one.body, new RegExp(`<td[^>]*>${TAG}_x1</td>\\s*<td[^>]*>Aprobado</td>`), 'the status column');
	keys.check(one.body, 'es: member list');
	// Dates in the language's order: joined 30 days ago, dd/mm/yyyy.
	const joined = new Date(Date.now() - 30 * 86400000);
	const dmy = `${String(joined.getUTCDate()).padStart(2, '0')}/${String(joined.getUTCMonth() + 1).padStart(2, '0')}/${joined.getUTCFullYear()}`;
	assert.match(one.body, new RegExp(`<td[^>]*>${dmy}</td>`), 'the joined column as dd/mm/yyyy');
	assert.doesNotMatch(one.body, /<td[^>]*>\d{4}-\d{2}-\d{2}<\/td>/, 'no ISO date in the table');
	const prof = await get(`/members/${ids.x1}`, es);
	assert.equal(prof.status, 200);
	assert.match(prof.body, new RegExp(`<dd[^>]*>${dmy}( \\d{2}:\\d{2}(:\\d{2})?)?</dd>`), 'the profile\'s joined date as dd/mm/yyyy');
	const profEn = await get(`/members/${ids.x1}`, await coord('en'));
	assert.match(profEn.body, new RegExp(`<dd[^>]*>${joined.toISOString().slice(0, 10)}`), 'in English, ISO');

	const two = await get(`/members?q=${TAG}_x`, es);
	assert.equal(caption(two.body), '2 miembros en esta página', 'the "other" form');
	const none = await get(`/members?q=${TAG}_nobody`, es);
	assert.match(mainText(none.body), /Ningún miembro coincide con estos filtros\./);

	const en = await get(`/members?q=${TAG}_x`, await coord('en'));
	const te = mainText(en.body);
	assert.match(te, new RegExp(`^Members name starts with “${TAG}_x” · sorted by name — change Filters `));
	assert.match(te, /Name, username or e-mail starts with/);
	assert.equal(caption(en.body), '2 members on this page');
	assert.equal(caption((await get(`/members?q=${TAG}_x1`, await coord('en'))).body),
	    '1 member on this page');
	assert.doesNotMatch(te, /Miembros|Filtros/, 'no Spanish for the English coordinator');
	keys.check(en.body, 'en: member list');
});

test('a profile in Spanish, with its panels; in English for an English coordinator', async () => {
	const r = await get(`/members/${ids.x1}`, await coord('es'));
	assert.equal(r.status, 200);
	const t = mainText(r.body);
	for (const phrase of ['Nombre de usuario', 'Estado de miembro', 'Datos de contacto',
	    'Correo electrónico', 'Último acceso', 'Condición de miembro', 'Este miembro está aprobado.',
	    'Notas de coordinación', 'Solo las ven los coordinadores, nunca el miembro.',
	    'Todas las notas (0)', 'Actuar como este miembro', 'Volver a la lista de miembros'])
		assert.ok(t.includes(phrase), `the profile says "${phrase}"`);
	assert.match(r.body, /<dt>Estado de miembro<\/dt><dd>Aprobado<\/dd>/);
	assert.match(t, /I18n x1 no tiene ningún rol de coordinación\./, 'a placeholder filled in Spanish');
	keys.check(r.body, 'es: profile');

	const e = mainText((await get(`/members/${ids.x1}`, await coord('en'))).body);
	for (const phrase of ['Membership status', 'Contact details', 'This member is approved.',
	    'Coordinator notes', 'All notes (0)', 'I18n x1 holds no coordinator role.'])
		assert.ok(e.includes(phrase), `the English profile says "${phrase}"`);
	assert.doesNotMatch(e, /Condición de miembro|Estado de miembro/);
});

test('a phrase the demo leaves untranslated shows in English on a Spanish page', async () => {
	const r = await get('/members/dashboard', await coord('es'));
	assert.equal(r.status, 200);
	const t = mainText(r.body);
	assert.match(t, /^Panel Cifras de todo el banco de tiempo\./);
	assert.match(t, /\d+ solicitud(?:es esperan| espera) aprobación\./, 'the plural phrase after its number');
	// members.dashboard.chart_caption is one of the phrases left out.
	assert.match(t, /Accounts created each month \(applications included\), this month last\./);
	keys.check(r.body, 'es: dashboard');
});

test('a validation error of a members form in Spanish, with the input kept', async () => {
	const future = new Date(Date.now() + 3 * 86400000).toISOString().slice(0, 10);
	for (const [lang, message] of [['es', 'La fecha de aprobación no puede ser futura.'],
	    ['en', 'The approval date cannot be in the future.']]) {
		const jar = await coord(lang);
		const page = await get(`/members/${ids.ap}`, jar);
		const r = await post(`/members/${ids.ap}/approve`, jar,
		    { csrf: getCsrf(page.body), approved_on: future });
		assert.equal(r.status, 422, `${lang}: ${r.status}`);
		const err = (r.body.match(/<p class="field-error" id="approved_on-error">([\s\S]*?)<\/p>/) || [])[1];
		assert.equal(err, message, `${lang}: the field's message`);
		assert.match(r.body, new RegExp(`id="approved_on" name="approved_on" value="${future}"`),
		    `${lang}: the date typed is kept`);
		if (lang === 'es')
			assert.match(mainText(r.body), /Fecha de aprobación \(AAAA-MM-DD; no futura\)/,
			    'the form around it in Spanish');
		keys.check(r.body, `${lang}: approve with a future date`);
	}
	assert.deepEqual(sql(`SELECT status FROM members WHERE id = ${ids.ap}`)[0], ['applying'],
	    'nothing saved');
});

test('no page shows a bare phrase key', () => {
	keys.assertNone();
});
