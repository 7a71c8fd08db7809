// The exchanges area in a member's language (issue 11, "Members see weft
// in their language"): a Spanish member's statement, record form and
// exchange page come from the Spanish catalogue (the demo's translations,
// sql/demo_es_exchanges.sql) with hours written "1,50" and dates
// day/month/year; hours typed "1,5" (or "1.5") are read as 150
// hundredths, the database keeping integers and ISO dates; an English
// member sees the same ledger as before ("1.50", ISO dates) and cannot
// type a decimal comma; a plural phrase takes its one and other forms in
// both languages.

import test from 'node:test';
import assert from 'node:assert/strict';
import { BareKeys, get, post, text } from './lib.mjs';
import {
	as, balanceOf, dateIn, exchangeRow, fieldError, makeMember, one, q, record,
	recordForm, rootSql, sumBalances,
} from './exchanges-lib.mjs';

const keys = new BareKeys();

// S writes Spanish, E English; fresh members, so balances are known.
const S = makeMember({ community: 1, name: 'Sofía Ruiz' });
const E = makeMember({ community: 1, name: 'Edward Hale' });
rootSql(`UPDATE members SET lang = 'es' WHERE id = ${S.id}`);

// "2025-03-07" as the Spanish pages write it: 07/03/2025.
const dmy = (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

test('the demo has the exchanges area in Spanish (sql/demo_es_exchanges.sql)', () => {
	assert.equal(one(`SELECT decimal_sep FROM languages WHERE tag = 'es'`), ',');
	assert.equal(one(`SELECT date_order FROM languages WHERE tag = 'es'`), 'dmy');
	const n = Number(one(`SELECT COUNT(*) FROM translations t JOIN phrases p ON p.id = t.phrase_id
	    WHERE t.lang = 'es' AND p.area = 'exchanges'`));
	assert.ok(n > 200, `Spanish rows of the exchanges area: ${n}`);
	// Left out on purpose, for the translator's queue.
	assert.equal(one(`SELECT COUNT(*) FROM translations t JOIN phrases p ON p.id = t.phrase_id
	    WHERE t.lang = 'es' AND p.phrase_key = ${q('ledger.pending.resolve')}`), '0');
});

test('a Spanish member: the record form in Spanish, hours typed "1,5" stored as 150 hundredths', async () => {
	const jar = await as(S.username);
	const { page } = await recordForm(jar);
	keys.check(page.body, 'record form (es)');
	assert.match(page.body, /<html lang="es"/);
	const t = text(page.body);
	assert.match(t, /Registrar un intercambio/);
	assert.match(t, /Puedes registrar un intercambio en el que hayas participado\./);
	assert.match(t, /en cuartos de hora, por ejemplo 1, 1,5 o 0,25; como máximo \d+,\d\d\)/,
	    'the most hours in the Spanish convention');
	assert.doesNotMatch(t, /Record the exchange/);
	// The date input stays ISO whatever the language.
	assert.match(page.body, new RegExp(`name="service_date" value="${dateIn(0)}"`));

	const b0 = balanceOf(S.id), e0 = balanceOf(E.id);
	const { res, id } = await record(jar, { provider: E.username, recipient: S.username,
	    hours: '1,5', description: 'Clase de guitarra' });
	assert.equal(res.status, 303, text(res.body).slice(0, 300));
	assert.ok(id, res.location);
	const row = exchangeRow(id);
	assert.equal(row.hundredths, 150, 'stored as integer hundredths');
	assert.equal(row.date, dateIn(0), 'stored as an ISO date');
	assert.equal(balanceOf(S.id), b0 - 150);
	assert.equal(balanceOf(E.id), e0 + 150);
	assert.equal(sumBalances(), 0);

	// The page of the exchange: title, hours and date in Spanish.
	const show = await get(`/exchanges/${id}`, jar);
	assert.equal(show.status, 200);
	keys.check(show.body, 'exchange page (es)');
	const st = text(show.body);
	assert.match(show.body, new RegExp(`<h1>Intercambio n\\.º ${id}</h1>`));
	assert.match(st, /Horas 1,50 /);
	assert.match(st, new RegExp(`Fecha del servicio ${dmy(dateIn(0)).replace(/\//g, '\\/')}`));
	assert.match(st, /Proveedor \(dio el servicio\) Edward Hale/);
});

test('a Spanish member reads a point too; refusals say why in Spanish, with the Spanish decimal', async () => {
	const jar = await as(S.username);
	const ok = await record(jar, { provider: E.username, recipient: S.username, hours: '0.75',
	    description: 'Arreglo de bicicleta' });
	assert.equal(ok.res.status, 303, text(ok.res.body).slice(0, 300));
	assert.equal(exchangeRow(ok.id).hundredths, 75, '"0.75" is three quarters in Spanish too');
	const bad = await record(jar, { provider: E.username, recipient: S.username, hours: '0,3' });
	assert.equal(bad.res.status, 422);
	assert.equal(fieldError(bad.res.body, 'hours'), 'Las horas van en cuartos de hora (0,25).');
	assert.match(bad.res.body, /name="hours" value="0,3"/, 'the input kept as typed');
	const big = await record(jar, { provider: E.username, recipient: S.username, hours: '999' });
	assert.equal(big.res.status, 422);
	assert.match(fieldError(big.res.body, 'hours'), /^Es más de lo que puede registrar un intercambio\. El máximo es \d+,\d\d\.$/);
	keys.check(big.res.body, 'record form refused (es)');
});

test('a Spanish statement: balance "-2,25", Spanish dates, the plural phrase in its one and other forms', async () => {
	// S has received 1,50 and 0,75 hours in this file.
	const jar = await as(S.username);
	const r = await get(`/exchanges?from=${dateIn(0)}&to=${dateIn(0)}`, jar);
	assert.equal(r.status, 200);
	keys.check(r.body, 'statement (es)');
	const t = text(r.body);
	assert.match(t, /Tu saldo y tu extracto/);
	assert.match(t, /Saldo: -2,25 horas/);
	assert.match(t, /En este periodo: 2 intercambios, 0,00 horas dadas \(abonadas\), 2,25 horas recibidas \(cargadas\)\./);
	assert.match(r.body, new RegExp(`<td[^>]*>${dmy(dateIn(0))}</td>`), 'a row dated day/month/year');
	assert.match(r.body, /<td[^>]*class="num">1,50<\/td>/);
	assert.match(r.body, /<td[^>]*class="num">-2,25<\/td>/, 'the running balance');
	assert.doesNotMatch(r.body, /<td[^>]*>\d{4}-\d\d-\d\d<\/td>/, 'no ISO date shown as text');
	// One exchange in a period: the "one" form.
	const sid = Number(one(`SELECT MIN(id) FROM exchanges WHERE recipient_id = ${S.id}`));
	rootSql(`UPDATE exchanges SET service_date = ${q(dateIn(-3))} WHERE id = ${sid}`);
	const one1 = await get(`/exchanges?from=${dateIn(-3)}&to=${dateIn(-3)}`, jar);
	assert.match(text(one1.body), /En este periodo: 1 intercambio, 0,00 horas dadas \(abonadas\), 1,50 horas recibidas \(cargadas\)\./);
	rootSql(`UPDATE exchanges SET service_date = ${q(dateIn(0))} WHERE id = ${sid}`);
	// The date filter's inputs stay ISO.
	assert.match(r.body, new RegExp(`name="from" value="${dateIn(0)}"`));
});

test('an English member sees the same ledger as before: "1.50", ISO dates, a comma refused', async () => {
	const jar = await as(E.username);
	const r = await get(`/exchanges?from=${dateIn(0)}&to=${dateIn(0)}`, jar);
	assert.equal(r.status, 200);
	keys.check(r.body, 'statement (en)');
	assert.match(r.body, /<html lang="en"/);
	const t = text(r.body);
	assert.match(t, /Your balance and statement/);
	assert.match(t, /Balance: 2\.25 hours/);
	assert.match(t, /In this period: 2 exchanges, 2\.25 hours given \(credited\), 0\.00 hours received \(debited\)\./);
	assert.match(r.body, new RegExp(`<td[^>]*>${dateIn(0)}</td>`));
	assert.match(r.body, /<td[^>]*class="num">1\.50<\/td>/);
	assert.doesNotMatch(t, /Saldo|intercambio/);
	const sid = Number(one(`SELECT MIN(id) FROM exchanges WHERE recipient_id = ${S.id}`));
	rootSql(`UPDATE exchanges SET service_date = ${q(dateIn(-3))} WHERE id = ${sid}`);
	const one1 = await get(`/exchanges?from=${dateIn(-3)}&to=${dateIn(-3)}`, jar);
	assert.match(text(one1.body), /In this period: 1 exchange, 1\.50 hours given \(credited\), 0\.00 hours received \(debited\)\./);
	rootSql(`UPDATE exchanges SET service_date = ${q(dateIn(0))} WHERE id = ${sid}`);

	// The English form writes a point and refuses a comma, as always.
	const { page } = await recordForm(jar);
	assert.match(text(page.body), /such as 1, 1\.5 or 0\.25; at most \d+\.\d\d\)/);
	const T = makeMember({ community: 1 });
	const bad = await record(jar, { provider: T.username, recipient: E.username, hours: '1,5' });
	assert.equal(bad.res.status, 422);
	assert.equal(fieldError(bad.res.body, 'hours'), 'Enter the hours as a number, such as 1, 1.5 or 0.25.');
	assert.equal(balanceOf(E.id), 225);
});

test('the Spanish pending panel and a proposal page: Spanish words, hours and dates', async () => {
	// E proposes 1 hour to S: it waits for S, on S's statement.
	const ejar = await as(E.username);
	const p = await record(ejar, { provider: E.username, recipient: S.username, hours: '1',
	    description: 'Paseo del perro' });
	assert.equal(p.res.status, 303);
	assert.ok(p.pending, p.res.location);
	const jar = await as(S.username);
	const st = await get('/exchanges', jar);
	const t = text(st.body);
	assert.match(t, /Pendientes de tu confirmación/);
	assert.match(t, /Paseo del perro 1,00 pendiente de confirmación/);
	assert.match(st.body, /<button type="submit">Confirmar<\/button>/);
	const page = await get(`/exchanges/pending/${p.pending}`, jar);
	assert.equal(page.status, 200);
	keys.check(page.body, 'proposal page (es)');
	const pt = text(page.body);
	assert.match(pt, new RegExp(`Intercambio pendiente de confirmación n\\.º ${p.pending}`));
	assert.match(pt, /Al confirmar, se descuentan 1,00 horas del saldo de Sofía Ruiz y se suman al de Edward Hale\./);
	assert.match(pt, new RegExp(`Edward Hale, el ${dmy(dateIn(0)).replace(/\//g, '\\/')} \\d\\d:\\d\\d:\\d\\d`));
});

test('no page of this file showed a phrase key instead of text', () => {
	keys.assertNone();
});
