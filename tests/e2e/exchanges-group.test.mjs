// Categories on exchanges and group exchanges (issue 17, "Exchanges"):
// a category is stored, shown on the exchange's page, the list (column,
// filter), the list's CSV and the statement, and taken from the ad when
// none is chosen; a group form records one provider to many recipients
// (or many to one) as separate exchanges in one transaction, all or
// none, once per form key (a double submit, even at once, makes the
// group once), each audited; a recipient out of the coordinator's scope
// is refused (403) with nothing written; the hours-by-category report
// counts a group exchange under its category.

import test from 'node:test';
import assert from 'node:assert/strict';
import { BareKeys, audits, formFor, formValues, get, post, text } from './lib.mjs';
import {
	as, balanceOf, countExchanges, dateIn, fieldError, makeMember, one, record, rootSql,
	sumBalances,
} from './exchanges-lib.mjs';

const keys = new BareKeys();

// Two categories of the site, not the reports test's.
const CATS = rootSql(`SELECT id, name FROM categories WHERE active = 1
    AND name <> 'Transport and errands' ORDER BY position, id LIMIT 2`).map(([id, name]) => ({ id: Number(id), name }));

const P = makeMember({ community: 1 });
const Q = makeMember({ community: 1 });

function exchangeCategory(id) {
	return Number(one(`SELECT COALESCE(category_id, 0) FROM exchanges WHERE id = ${Number(id)}`));
}

test('a category chosen on the form is stored and shown on the page, the list, the CSV and the statement', async () => {
	assert.equal(CATS.length, 2, 'the demo has categories');
	const [cat] = CATS;
	const jar = await as(Q.username);
	const { res, id } = await record(jar, { provider: P.username, recipient: Q.username, hours: '1.5',
	    service_date: dateIn(-1), description: 'Categorised', category: String(cat.id) });
	assert.equal(res.status, 303, text(res.body).slice(0, 300));
	assert.equal(exchangeCategory(id), cat.id);

	const page = await get(`/exchanges/${id}`, jar);
	assert.equal(page.status, 200);
	keys.check(page.body, 'exchange page');
	assert.match(text(page.body), new RegExp(`Category\\s*${cat.name}`));

	const st = await get('/exchanges', jar);
	assert.ok(text(st.body).includes(cat.name), 'the statement names the category');
	const csv = (await get('/exchanges/statement.csv', jar)).body.trim().split('\r\n');
	assert.match(csv[0], /,reason,category$/);
	assert.ok(csv.find((l) => l.startsWith(`${id},`)).endsWith(`,"${cat.name}"`));

	const admin = await as('admin');
	const list = await get(`/exchanges/list?category=${cat.id}&member=${P.username}`, admin);
	assert.equal(list.status, 200);
	keys.check(list.body, 'list');
	assert.ok(list.body.includes(`href="/exchanges/${id}"`), 'the filter finds it');
	assert.match(list.body, new RegExp(`data-label="Category">${cat.name}</td>`));
	const other = await get(`/exchanges/list?category=${CATS[1].id}&member=${P.username}`, admin);
	assert.ok(!other.body.includes(`href="/exchanges/${id}"`), 'another category does not');
	const lcsv = (await get(`/exchanges/list.csv?category=${cat.id}&member=${P.username}`, admin)).body.split('\r\n');
	assert.equal(lcsv[0], 'id,date,provider,provider_name,recipient,recipient_name,hours,description,category,recorded_by,reverses,reversed_by');
	assert.ok(lcsv.some((l) => l.startsWith(`${id},`) && l.includes(`,"Categorised","${cat.name}",`)));
});

test('a category that is not one of the site\'s is refused (422), nothing recorded', async () => {
	const jar = await as(Q.username);
	const before = countExchanges();
	const { res } = await record(jar, { provider: P.username, recipient: Q.username, category: '999999' });
	assert.equal(res.status, 422);
	assert.match(fieldError(res.body, 'category'), /Choose one of the categories/);
	assert.equal(countExchanges(), before);
});

test('without a category, an exchange made from an ad takes the ad\'s', async () => {
	const ad = rootSql(`SELECT a.id, a.category_id FROM ads a JOIN members m ON m.id = a.member_id
	    WHERE a.status = 'active' AND m.status = 'approved' AND m.username <> 'admin'
	    ORDER BY a.id LIMIT 1`)[0].map(Number);
	const owner = Number(one(`SELECT member_id FROM ads WHERE id = ${ad[0]}`));
	const ownerName = one(`SELECT username FROM members WHERE id = ${owner}`);
	const admin = await as('admin');
	const { res, id } = await record(admin, { provider: ownerName, recipient: Q.username, hours: '0.25',
	    ad: String(ad[0]) });
	assert.equal(res.status, 303, text(res.body).slice(0, 300));
	assert.equal(exchangeCategory(id), ad[1]);
	// Reversed, it leaves the balances as they were.
	const page = await get(`/exchanges/${id}`, admin);
	const f = formValues(formFor(page.body, `/exchanges/${id}/reverse`));
	assert.equal((await post(`/exchanges/${id}/reverse`, admin, { ...f, reason: 'group test' })).status, 303);
	const rid = Number(one(`SELECT id FROM exchanges WHERE reverses_id = ${id}`));
	assert.equal(exchangeCategory(rid), ad[1], 'the reversal keeps the category');
});

test('a proposal keeps its category; confirmed, its exchange has it, and the pending list filters by it', async () => {
	const [, cat] = CATS;
	const pj = await as(P.username);
	const { res, pending } = await record(pj, { provider: P.username, recipient: Q.username, hours: '0.5',
	    category: String(cat.id), description: 'Proposed with a category' });
	assert.equal(res.status, 303, text(res.body).slice(0, 300));
	assert.ok(pending, `it waits: ${res.location}`);
	assert.equal(Number(one(`SELECT category_id FROM exchange_proposals WHERE id = ${pending}`)), cat.id);
	const admin = await as('admin');
	const list = await get(`/exchanges/list?status=pending&category=${cat.id}&member=${P.username}`, admin);
	assert.ok(list.body.includes(`href="/exchanges/pending/${pending}"`), 'the pending list filters by category');
	const page = await get(`/exchanges/pending/${pending}`, pj);
	assert.match(text(page.body), new RegExp(`Category\\s*${cat.name}`));
	const qj = await as(Q.username);
	const f = formValues(formFor((await get(`/exchanges/pending/${pending}`, qj)).body, `/exchanges/pending/${pending}/confirm`));
	const c = await post(`/exchanges/pending/${pending}/confirm`, qj, f);
	assert.equal(c.status, 303);
	const xid = Number(c.location.match(/^\/exchanges\/(\d+)$/)[1]);
	assert.equal(exchangeCategory(xid), cat.id);
});

// ---- group exchanges ---------------------------------------------------------

async function groupForm(jar) {
	const r = await get('/exchanges/group', jar);
	assert.equal(r.status, 200);
	keys.check(r.body, 'group form');
	const f = formFor(r.body, '/exchanges/group');
	assert.ok(f, 'the page has the group form');
	return formValues(f);
}

const groupOf = (key) => rootSql(`SELECT id FROM exchanges WHERE form_key = '${key}'`).map(([x]) => Number(x));

test('a workshop: one provider, five recipients, one transaction, each its own exchange, audited', async () => {
	const T = makeMember({ community: 1 });
	const rs = [1, 2, 3, 4, 5].map(() => makeMember({ community: 1 }));
	const mc = await as('mcoord');
	const v = await groupForm(mc);
	const before = countExchanges();
	const res = await post('/exchanges/group', mc, {
		...v, shape: 'provider', one: T.username, many: rs.map((r) => r.username).join('\r\n'),
		hours: '2', service_date: dateIn(-2), description: 'Bread workshop', category: String(CATS[1].id),
	});
	assert.equal(res.status, 303, text(res.body).slice(0, 400));
	assert.equal(countExchanges(), before + 5);
	const rows = rootSql(`SELECT id, provider_id, recipient_id, hundredths, category_id FROM exchanges
	    WHERE provider_id = ${T.id} ORDER BY id`).map((r) => r.map(Number));
	assert.equal(rows.length, 5);
	assert.deepEqual(rows.map((r) => r[2]), rs.map((r) => r.id));
	assert.ok(rows.every((r) => r[3] === 200 && r[4] === CATS[1].id));
	assert.equal(res.location, `/exchanges/${rows[0][0]}`);
	assert.equal(balanceOf(T.id), 1000);
	for (const r of rs)
		assert.equal(balanceOf(r.id), -200);
	for (const r of rows)
		assert.equal(audits('exchange', r[0], 'exchange.record_for').length, 1, `audit of ${r[0]}`);
	assert.equal(sumBalances(), 0);
	// The same form again (a reload): the group's first exchange, nothing twice.
	const again = await post('/exchanges/group', mc, {
		...v, shape: 'provider', one: T.username, many: rs.map((r) => r.username).join('\n'),
		hours: '2', service_date: dateIn(-2), description: 'Bread workshop',
	});
	assert.equal(again.status, 303);
	assert.equal(again.location, `/exchanges/${rows[0][0]}`);
	assert.equal(countExchanges(), before + 5);
	const flash = await get(again.location, mc);
	assert.match(text(flash.body), /had already been recorded/);
});

test('many providers to one recipient; a double submit at once makes the group once', async () => {
	const T = makeMember({ community: 1 });
	const ps = [1, 2, 3].map(() => makeMember({ community: 1 }));
	const admin = await as('admin');
	const v = await groupForm(admin);
	const form = { ...v, shape: 'recipient', one: T.username, many: ps.map((p) => p.username).join('\n'),
	    hours: '0.75', service_date: dateIn(-1), description: 'Garden day' };
	const res = await Promise.all([1, 2, 3].map(() => post('/exchanges/group', admin, form)));
	assert.deepEqual(res.map((r) => r.status), [303, 303, 303]);
	assert.equal(new Set(res.map((r) => r.location)).size, 1, 'every answer names the one group');
	const ids = rootSql(`SELECT id FROM exchanges WHERE recipient_id = ${T.id}`);
	assert.equal(ids.length, 3);
	assert.equal(groupOf(v.form_key).length, 1, 'the form key is the first exchange\'s');
	assert.equal(balanceOf(T.id), -225);
	for (const p of ps)
		assert.equal(balanceOf(p.id), 75);
	assert.equal(sumBalances(), 0);
});

test('one bad line: 422 with a message per line, the input kept, nothing written', async () => {
	const T = makeMember({ community: 1 });
	const ok = makeMember({ community: 1 });
	const admin = await as('admin');
	const v = await groupForm(admin);
	const before = countExchanges();
	const res = await post('/exchanges/group', admin, {
		...v, shape: 'provider', one: T.username,
		many: [ok.username, 'nobody-here-xyz', '', T.username, ok.username].join('\n'),
		hours: '1', service_date: dateIn(0), description: 'Mixed',
	});
	assert.equal(res.status, 422);
	keys.check(res.body, 'group 422');
	const t = text(res.body);
	assert.match(t, /nobody-here-xyz \(number 2 on the list\): there is no approved member/);
	assert.match(t, new RegExp(`${T.username} \\(number 3 on the list\\): this is the member named above`));
	assert.match(t, new RegExp(`${ok.username} \\(number 4 on the list\\): this member is named twice`));
	assert.ok(!/number 1 on the list/.test(t), 'a good member has no message');
	const kept = res.body.match(/<textarea id="many"[^>]*>([\s\S]*?)<\/textarea>/);
	assert.ok(kept && kept[1].includes('nobody-here-xyz') && kept[1].includes(ok.username), 'the list is kept');
	assert.equal(countExchanges(), before);
	assert.equal(balanceOf(T.id), 0);
	// The key is still free: the form corrected records the group.
	const fixed = await post('/exchanges/group', admin, {
		...v, shape: 'provider', one: T.username, many: ok.username, hours: '1',
		service_date: dateIn(0), description: 'Mixed',
	});
	assert.equal(fixed.status, 303);
	assert.equal(countExchanges(), before + 1);
});

test('a hard credit limit refusing one line writes nothing', async () => {
	const T = makeMember({ community: 1 });
	const poor = makeMember({ community: 1 });
	const rich = makeMember({ community: 1 });
	const limit = one("SELECT value FROM settings WHERE name = 'credit_limit_hundredths'");
	const mode = one("SELECT value FROM settings WHERE name = 'credit_limit_mode'");
	const set = (n, val) => rootSql(`START TRANSACTION; INSERT INTO settings (name, value) VALUES ('${n}', '${val}')
	    ON DUPLICATE KEY UPDATE value = VALUES(value);
	    UPDATE cache_generations SET generation = generation + 1 WHERE name = 'settings'; COMMIT`);
	rootSql(`INSERT INTO balances (member_id, hundredths) VALUES (${poor.id}, 0), (${T.id}, 0)`);
	set('credit_limit_hundredths', '-100');
	set('credit_limit_mode', 'hard');
	try {
		const admin = await as('admin');
		const v = await groupForm(admin);
		const before = countExchanges();
		const res = await post('/exchanges/group', admin, {
			...v, shape: 'provider', one: T.username, many: `${rich.username}\n${poor.username}`,
			hours: '1.5', service_date: dateIn(0), description: 'Too much',
		});
		assert.equal(res.status, 422);
		assert.match(text(res.body), new RegExp(`${rich.username} \\(number 1 on the list\\): this would take a balance below the credit limit`));
		assert.equal(countExchanges(), before);
		assert.equal(balanceOf(T.id), 0);
		assert.equal(balanceOf(rich.id), 0);
	} finally {
		set('credit_limit_hundredths', limit ?? '-2000');
		set('credit_limit_mode', mode ?? 'soft');
	}
});

test('a recipient out of the coordinator\'s scope is refused (403), nothing written; in scope it records', async () => {
	const T = makeMember({ community: 1 });
	const inC = makeMember({ community: 1 });
	const outC = makeMember({ community: 2 });
	const nc = await as('northcoord');
	const v = await groupForm(nc);
	const before = countExchanges();
	const refused = await post('/exchanges/group', nc, {
		...v, shape: 'provider', one: T.username, many: `${inC.username}\n${outC.username}`,
		hours: '1', service_date: dateIn(0), description: 'Scope',
	});
	assert.equal(refused.status, 403);
	// Nobody's username: the same answer (no probing).
	const nobody = await post('/exchanges/group', nc, {
		...v, shape: 'provider', one: T.username, many: 'nobody-here-xyz',
		hours: '1', service_date: dateIn(0), description: 'Scope',
	});
	assert.equal(nobody.status, 403);
	assert.equal(countExchanges(), before);
	const ok = await post('/exchanges/group', nc, {
		...v, shape: 'provider', one: T.username, many: inC.username,
		hours: '1', service_date: dateIn(0), description: 'Scope',
	});
	assert.equal(ok.status, 303);
	assert.equal(countExchanges(), before + 1);
	// A member without exchange.record_for: no form at all.
	assert.equal((await get('/exchanges/group', await as('alice'))).status, 403);
});

test('the coordinator who gave the service is refused as the group\'s provider', async () => {
	const R1 = makeMember({ community: 1 });
	const admin = await as('admin');
	const v = await groupForm(admin);
	const before = countExchanges();
	const res = await post('/exchanges/group', admin, {
		...v, shape: 'provider', one: 'admin', many: R1.username, hours: '1',
		service_date: dateIn(0), description: 'Self',
	});
	assert.equal(res.status, 422);
	assert.match(fieldError(res.body, 'one'), /You gave this service yourself/);
	assert.equal(countExchanges(), before);
});

test('without the CSRF token the group form is refused', async () => {
	const admin = await as('admin');
	const v = await groupForm(admin);
	const { csrf, ...rest } = v;
	assert.ok(csrf);
	const res = await post('/exchanges/group', admin, { ...rest, shape: 'provider', one: P.username,
	    many: Q.username, hours: '1', service_date: dateIn(0), description: 'No token' });
	assert.equal(res.status, 403);
	assert.equal(groupOf(v.form_key).length, 0);
});

test('the hours-by-category report counts a group exchange under its category', async () => {
	const month = dateIn(-1).slice(0, 7);
	const cat = CATS[0];
	const admin = await as('admin');
	const read = async () => {
		const r = await get('/exchanges/reports/hours-month/export.csv', admin);
		assert.equal(r.status, 200);
		// Quoted fields without quotes or commas inside (names of categories).
		const rows = r.body.split('\r\n').filter(Boolean).map((l) => l.split(',').map((f) => f.replace(/^"|"$/g, '')));
		return rows.filter((f) => f[0] === month && f[1] === cat.name)
		    .reduce((sum, f) => sum + Math.round(Number(f[2]) * 100), 0);
	};
	const before = await read();
	const T = makeMember({ community: 1 });
	const rs = [1, 2].map(() => makeMember({ community: 2 }));
	const v = await groupForm(admin);
	const res = await post('/exchanges/group', admin, {
		...v, shape: 'provider', one: T.username, many: rs.map((r) => r.username).join('\n'),
		hours: '1.25', service_date: dateIn(-1), description: 'Report group', category: String(cat.id),
	});
	assert.equal(res.status, 303, text(res.body).slice(0, 300));
	assert.equal(await read() - before, 250);
});

test('moving a category\'s uses moves its exchanges, in the list and in the report', async () => {
	const name = `Moved ${process.pid}`;
	rootSql(`INSERT INTO categories (name, position) VALUES ('${name}', 999)`);
	const tmp = Number(one(`SELECT id FROM categories WHERE name = '${name}'`));
	const target = CATS[0];
	const month = dateIn(-1).slice(0, 7);
	const admin = await as('admin');
	const hoursIn = async (cname) => {
		const r = await get('/exchanges/reports/hours-month/export.csv', admin);
		return r.body.split('\r\n').filter(Boolean).map((l) => l.split(',').map((f) => f.replace(/^"|"$/g, '')))
		    .filter((f) => f[0] === month && f[1] === cname)
		    .reduce((sum, f) => sum + Math.round(Number(f[2]) * 100), 0);
	};
	const before = await hoursIn(target.name);
	const jar = await as(Q.username);
	const { res, id } = await record(jar, { provider: P.username, recipient: Q.username, hours: '0.75',
	    service_date: dateIn(-1), description: 'To be moved', category: String(tmp) });
	assert.equal(res.status, 303, text(res.body).slice(0, 300));
	// A second one, reversed: the pair nets to nothing, before and after.
	const two = await record(jar, { provider: P.username, recipient: Q.username, hours: '2',
	    service_date: dateIn(-1), description: 'To be moved and reversed', category: String(tmp) });
	assert.equal(two.res.status, 303);
	const rf = formValues(formFor((await get(`/exchanges/${two.id}`, admin)).body, `/exchanges/${two.id}/reverse`));
	assert.equal((await post(`/exchanges/${two.id}/reverse`, admin, { ...rf, reason: 'move test' })).status, 303);
	assert.equal(await hoursIn(name), 75);
	const page = await get(`/site/lists/categories/${tmp}`, admin);
	assert.equal(page.status, 200);
	const f = formValues(formFor(page.body, `/site/lists/categories/${tmp}/move`));
	const mv = await post(`/site/lists/categories/${tmp}/move`, admin, { ...f, to: String(target.id) });
	assert.equal(mv.status, 303, text(mv.body).slice(0, 300));
	assert.equal(exchangeCategory(id), target.id);
	assert.equal(exchangeCategory(two.id), target.id);
	assert.equal(await hoursIn(name), 0, 'nothing left under the old category');
	assert.equal(await hoursIn(target.name) - before, 75, 'the hours moved with it');
	const list = await get(`/exchanges/list?category=${target.id}&member=${P.username}`, admin);
	assert.ok(list.body.includes(`href="/exchanges/${id}"`));
	rootSql(`DELETE FROM categories WHERE id = ${tmp}`);
});
