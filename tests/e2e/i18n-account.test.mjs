// Pages in the member's language (docs/translations.md): a member who
// chooses Spanish on their profile sees the layout, the home page, the
// flash messages and the error page in the demo's Spanish
// (sql/demo_es_common.sql), with a phrase that has no Spanish yet in
// English; a member whose language is English sees English.

import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
	ROOT, as, assertNoBareKeys, formFor, formValues, get, login, mainText,
	memberId, post, sql, text,
} from './lib.mjs';

const SUFFIX = String(process.pid);
const FOOTER = 'weft — hours for hours, one hour of help is one hour of credit.';

// A member of this file's own, in English at first, so that changing
// their language disturbs no other test.
function createMember() {
	const username = `i18n_es_${SUFFIX}`;
	sql(`INSERT INTO members (username, email, name, password_hash, status,
	    lang, community_id, about, approved_at)
	    SELECT '${username}', '${username}@example.org', 'Lucía Ortega',
	    password_hash, 'approved', 'en', NULL, '', UTC_TIMESTAMP()
	    FROM members WHERE username = 'alice'`);
	return { username, id: memberId(username) };
}

const langOf = (id) => sql(`SELECT lang FROM members WHERE id = ${id}`)[0][0];

// The keys the demo's Spanish gives, and those its comment leaves out.
function demoKeys() {
	const file = readFileSync(`${ROOT}/sql/demo_es_common.sql`, 'utf8');
	const given = [...file.matchAll(/^\t\('([a-z0-9_.]+)', \d+, /gm)].map((m) => m[1]);
	const left = file.slice(0, file.indexOf('CREATE'))
	    .match(/^--\s{3}([a-z0-9_.]+)\s/gm).map((l) => l.replace(/^--\s+/, '').trim());
	return { given, left };
}

test('every phrase of the demo\'s Spanish is a phrase of the catalogue; the ones left out have none', () => {
	const { given, left } = demoKeys();
	assert.ok(given.length > 150, `the demo's Spanish has ${given.length} phrases`);
	assert.deepEqual(left.sort(), ['layout.footer', 'perm.page.list', 'role.refuse.reach']);
	const es = new Set(sql(`SELECT p.phrase_key FROM phrases p
	    JOIN translations t ON t.phrase_id = p.id AND t.lang = 'es'
	    WHERE p.retired_at IS NULL`).map((r) => r[0]));
	// A key renamed in the source would be dropped by the demo's join.
	assert.deepEqual(given.filter((k) => !es.has(k)), [], 'demo keys without a Spanish row');
	assert.deepEqual(left.filter((k) => es.has(k)), [], 'left out, and still translated');
});

test('a member who chooses Spanish sees the layout and the home page in Spanish, an untranslated phrase in English', async () => {
	const m = createMember();
	const jar = await login(m.username);

	// In English first.
	let home = await get('/', jar);
	assert.equal(home.status, 200);
	assert.match(home.body, /<html lang="en">/);
	assert.match(mainText(home.body), /Hello, Lucía Ortega Your balance Your balance: [-0-9.,]+ hours\./);
	assert.doesNotMatch(text(home.body), /Hola|Cerrar sesión/);

	// The profile form chooses the language.
	const me = await get('/me', jar);
	const form = formFor(me.body, '/me');
	assert.ok(form, 'the profile form');
	assert.ok(form.fields.some((f) => f.name === 'lang'), 'the profile has a language select');
	const saved = await post('/me', jar, { ...formValues(form), lang: 'es' });
	assert.equal(saved.status, 303, `saving the profile: ${saved.status} ${text(saved.body).slice(0, 200)}`);
	assert.equal(langOf(m.id), 'es');
	const after = await get(saved.location, jar);
	assert.equal(after.status, 200);
	assert.match(after.body, /<p class="flash" role="status">Se han guardado los cambios\.<\/p>/);
	assert.match(after.body, /<h1>Tu perfil<\/h1>/);
	assert.match(after.body, /<label for="lang">Idioma de las páginas<\/label>/);
	assert.match(after.body, /<button type="submit">Guardar<\/button>/);
	assertNoBareKeys(after.body, '/me in Spanish');

	home = await get('/', jar);
	assert.equal(home.status, 200);
	const h = home.body;
	assert.match(h, /<html lang="es">/);
	assert.match(h, /<title>Inicio · weft<\/title>/);
	assert.match(h, /<a class="skip" href="#main">Saltar al contenido<\/a>/);
	assert.match(h, /<nav aria-label="Principal">/);
	assert.match(h, /<a href="\/" aria-current="page">Inicio<\/a>/);
	assert.match(h, />Mi perfil<\/a>/);
	assert.match(h, /<button type="submit">Cerrar sesión<\/button>/);
	assert.match(h, /<span>banco de tiempo<\/span>/);
	assert.match(h, /<h1>Hola, Lucía Ortega<\/h1>/);
	assert.match(h, /Tu saldo: <strong>[-0-9.,]+<\/strong> horas\. <a href="\/exchanges">Tu extracto<\/a>/);
	assert.match(h, /<h2>Adónde ir<\/h2>/);
	assert.match(h, /<a href="\/me\/password">Cambiar tu contraseña<\/a>/);
	assert.doesNotMatch(mainText(h), /Hello|Your balance|Where to go/);
	// No Spanish for the footer yet: its English, on the Spanish page.
	assert.match(h, new RegExp(`<footer class="site"><p>${FOOTER}</p>`));
	assertNoBareKeys(h, '/ in Spanish');

	// The error page: heading and message in Spanish.
	const denied = await get('/members', jar);
	assert.equal(denied.status, 403);
	assert.match(denied.body, /<title>Acceso denegado · weft<\/title>/);
	assert.match(denied.body, /<h1>Acceso denegado<\/h1>/);
	assert.match(denied.body, /<p>No tienes permiso para hacer esto\.<\/p>/);
	assert.match(denied.body, /Error 403\. <a href="\/">Ir a la página de inicio<\/a>\./);
});

test('a member whose language is English sees English', async () => {
	const jar = await as('alice');
	const h = (await get('/', jar)).body;
	assert.match(h, /<html lang="en">/);
	assert.match(h, /<title>Home · weft<\/title>/);
	assert.match(h, /<a class="skip" href="#main">Skip to content<\/a>/);
	assert.match(h, /<nav aria-label="Main">/);
	assert.match(h, /<button type="submit">Log out<\/button>/);
	assert.match(h, /<h1>Hello, Alice Adams<\/h1>/);
	assert.match(h, new RegExp(`<footer class="site"><p>${FOOTER}</p>`));
	assert.doesNotMatch(text(h), /Hola|Cerrar sesión|Inicio|Saltar al contenido/);
	const denied = await get('/members', jar);
	assert.equal(denied.status, 403);
	assert.match(denied.body, /<h1>Forbidden<\/h1>/);
});

test('the demo translator, whose language is Spanish, sees their role in Spanish', async () => {
	const h = (await get('/', await as('translator'))).body;
	assert.match(h, /<html lang="es">/);
	assert.match(h, /<h2>Tus roles de coordinación<\/h2>/);
	assert.match(h, /<li>Traductor\/a, para las traducciones al idioma es<\/li>/);
	assert.match(h, /<a href="\/members\/roles">Roles y permisos de la coordinación<\/a>: quién puede hacer qué\./);
});
