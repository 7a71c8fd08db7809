// The site's lists where members use them (docs/site.md, "Lists"): the
// member's own profile (/me) chooses a neighbourhood, county and
// affiliation from the items offered (a retired one only while the member
// still has it), and the member list (/members) filters by each, with
// the lists' "in use" counts agreeing with the filter.  Every member and
// item made here is a throwaway one.

import test from 'node:test';
import assert from 'node:assert/strict';
import { BareKeys, as, formFor, formValues, login, post, sql, text } from './lib.mjs';
import { pageReader } from './community-lib.mjs';
import { fieldError, makeMember, q } from './exchanges-lib.mjs';

const keys = new BareKeys();
const clip = (s) => String(s).slice(0, 300);
const stamp = Date.now().toString(36);

const page = pageReader(keys);

const itemId = (list, name) => {
	const r = sql(`SELECT id FROM ${list} WHERE name = ${q(name)}`);
	return r.length ? Number(r[0][0]) : null;
};
function addItem(list, name, active = 1) {
	sql(`INSERT INTO ${list} (name, position, active) VALUES (${q(name)}, 90, ${active})`);
	return itemId(list, name);
}
const listsOf = (id) => sql(`SELECT COALESCE(neighbourhood_id, 0), COALESCE(county_id, 0),
    COALESCE(affiliation_id, 0) FROM members WHERE id = ${id}`)[0].map(Number);
const options = (body, field) => {
	const m = body.match(new RegExp(`<select id="${field}" name="${field}"[^>]*>(.*?)</select>`, 's'));
	assert.ok(m, `a ${field} select`);
	return [...m[1].matchAll(/<option value="(\d+)"( selected)?>([^<]*)<\/option>/g)]
	    .map((o) => ({ id: Number(o[1]), selected: !!o[2], name: o[3] }));
};
// The ids of the members a list page shows.
const rowsOf = (body) => [...body.matchAll(/<tr data-member="(\d+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b);

test('a member chooses their neighbourhood, county and affiliation on /me; a retired one is refused', async () => {
	const m = makeMember({ community: 1 });
	const jar = await login(m.username);
	let r = await page('/me', jar);
	const hill = itemId('neighbourhoods', 'Hillcrest');
	const mill = itemId('neighbourhoods', 'Mill Lane');
	const south = itemId('counties', 'South County');
	const lib = itemId('affiliations', 'Public library');
	const nb = options(r.body, 'neighbourhood');
	assert.ok(nb.some((o) => o.id === hill), 'an offered item');
	assert.ok(!nb.some((o) => o.id === mill), 'a retired item is not offered');
	assert.ok(options(r.body, 'county').length >= 2);
	const v = formValues(formFor(r.body, '/me'));
	assert.equal(v.neighbourhood, '', 'none chosen yet');
	// Retired: refused, with the input kept and nothing saved.
	r = await post('/me', jar, { ...v, name: 'Changed Name', neighbourhood: String(mill) });
	assert.equal(r.status, 422, clip(text(r.body)));
	assert.ok(fieldError(r.body, 'neighbourhood'), 'a message beside the select');
	assert.match(r.body, /value="Changed Name"/);
	assert.deepEqual(listsOf(m.id), [0, 0, 0]);
	assert.notEqual(sql(`SELECT name FROM members WHERE id = ${m.id}`)[0][0], 'Changed Name');
	// Not a number, or no such item: refused the same way.
	r = await post('/me', jar, { ...v, county: '999999999' });
	assert.equal(r.status, 422);
	assert.ok(fieldError(r.body, 'county'));
	r = await post('/me', jar, { ...v, neighbourhood: String(hill), county: String(south),
	    affiliation: String(lib) });
	assert.equal(r.status, 303, clip(text(r.body)));
	assert.deepEqual(listsOf(m.id), [hill, south, lib]);
	r = await page('/me', jar);
	assert.ok(options(r.body, 'neighbourhood').find((o) => o.id === hill).selected);
	assert.ok(options(r.body, 'affiliation').find((o) => o.id === lib).selected);
	// The names per language: Public library is "Biblioteca pública" in Spanish.
	sql(`UPDATE members SET lang = 'es' WHERE id = ${m.id}`);
	try {
		const es = await login(m.username);
		r = await page('/me', es);
		assert.equal(options(r.body, 'affiliation').find((o) => o.id === lib).name, 'Biblioteca pública');
	} finally {
		sql(`UPDATE members SET lang = 'en' WHERE id = ${m.id}`);
	}
	// Empty is none; a field not sent keeps its value.
	r = await page('/me', jar);
	const { neighbourhood, ...rest } = formValues(formFor(r.body, '/me'));
	assert.ok(neighbourhood);
	r = await post('/me', jar, { ...rest, county: '' });
	assert.equal(r.status, 303, clip(text(r.body)));
	assert.deepEqual(listsOf(m.id), [hill, 0, lib]);
});

test('a member who has a retired item keeps it on /me until they change it', async () => {
	const m = makeMember({ community: 1 });
	const old = addItem('neighbourhoods', `Gasworks ${stamp}`);
	const riverside = itemId('neighbourhoods', 'Riverside');
	try {
		sql(`UPDATE members SET neighbourhood_id = ${old} WHERE id = ${m.id}`);
		sql(`UPDATE neighbourhoods SET active = 0 WHERE id = ${old}`);
		const jar = await login(m.username);
		let r = await page('/me', jar);
		assert.ok(options(r.body, 'neighbourhood').find((o) => o.id === old).selected, 'offered, chosen');
		const v = formValues(formFor(r.body, '/me'));
		r = await post('/me', jar, { ...v, about: 'Still here' });
		assert.equal(r.status, 303, clip(text(r.body)));
		assert.equal(listsOf(m.id)[0], old, 'saving the form keeps it');
		r = await post('/me', jar, { ...v, neighbourhood: String(riverside) });
		assert.equal(r.status, 303);
		r = await page('/me', jar);
		assert.ok(!options(r.body, 'neighbourhood').some((o) => o.id === old), 'gone once changed');
		r = await post('/me', jar, { ...v, neighbourhood: String(old) });
		assert.equal(r.status, 422, 'and cannot be chosen again');
		assert.equal(listsOf(m.id)[0], riverside);
	} finally {
		sql(`UPDATE members SET neighbourhood_id = NULL WHERE neighbourhood_id = ${old}`);
		sql(`DELETE FROM neighbourhoods WHERE id = ${old}`);
	}
});

test('a guardian angel sets the lists of the member they act for', async () => {
	const member = makeMember({ community: 1, angelMode: true });
	const angel = makeMember({ community: 1 });
	sql(`INSERT INTO guardian_angels (member_id, angel_id) VALUES (${member.id}, ${angel.id})`);
	const jar = await login(angel.username);
	const path = `/me/for/${member.id}`;
	let r = await page(path, jar);
	const v = formValues(formFor(r.body, path));
	const docks = itemId('neighbourhoods', 'Docklands');
	r = await post(path, jar, { ...v, neighbourhood: String(docks) });
	assert.equal(r.status, 303, clip(text(r.body)));
	assert.equal(listsOf(member.id)[0], docks);
	const au = sql(`SELECT before_json, after_json FROM audit_log WHERE action = 'member.edit'
	    AND object_id = ${member.id} ORDER BY id DESC LIMIT 1`)[0];
	assert.equal(JSON.parse(au[0]).neighbourhood, '0');
	assert.equal(JSON.parse(au[1]).neighbourhood, String(docks));
});

test('the member list filters by neighbourhood, county and affiliation, agreeing with the lists\' counts', async () => {
	const admin = await as('admin');
	const nb = addItem('neighbourhoods', `Orchard ${stamp}`);
	const ct = addItem('counties', `East County ${stamp}`);
	const af = addItem('affiliations', `Choir ${stamp}`);
	const a = makeMember({ community: 1 });
	const b = makeMember({ community: 2 });
	const c = makeMember({ community: 1, status: 'disabled' });
	try {
		sql(`UPDATE members SET neighbourhood_id = ${nb}, county_id = ${ct} WHERE id IN (${a.id}, ${b.id}, ${c.id})`);
		sql(`UPDATE members SET affiliation_id = ${af} WHERE id IN (${a.id}, ${c.id})`);
		let r = await page(`/members?neighbourhood=${nb}`, admin);
		assert.deepEqual(rowsOf(r.body), [a.id, b.id, c.id]);
		assert.ok(options(r.body, 'neighbourhood').find((o) => o.id === nb).selected, 'the filter form says so');
		r = await page(`/members?county=${ct}&affiliation=${af}`, admin);
		assert.deepEqual(rowsOf(r.body), [a.id, c.id]);
		r = await page(`/members?neighbourhood=${nb}&status=approved&community=1`, admin);
		assert.deepEqual(rowsOf(r.body), [a.id], 'with the other filters');
		// The sorting links keep the filter.
		assert.match(r.body, new RegExp(`href="/members\\?[^"]*neighbourhood=${nb}[^"]*sort=username`));
		// The counts of /site/lists/:list are the members the filter lists, and link to it.
		r = await page('/site/lists/neighbourhoods', admin);
		assert.match(r.body, new RegExp(`<tr data-item="${nb}">.*?<td><a href="/members\\?neighbourhood=${nb}">3</a></td>`));
		r = await page('/site/lists/affiliations', admin);
		assert.match(r.body, new RegExp(`<tr data-item="${af}">.*?<td><a href="/members\\?affiliation=${af}">2</a></td>`));
		// Retired: the filter still finds who has it.
		sql(`UPDATE neighbourhoods SET active = 0 WHERE id = ${nb}`);
		r = await page(`/members?neighbourhood=${nb}`, admin);
		assert.deepEqual(rowsOf(r.body), [a.id, b.id, c.id]);
		// The export follows the same filter.
		r = await page(`/members/export.csv?affiliation=${af}`, admin);
		assert.equal(r.body.trim().split('\n').length, 3, 'a header and two rows');
		// Bad input: 400 with the message, no rows.
		r = await page('/members?county=x', admin, 400);
		assert.deepEqual(rowsOf(r.body), []);
		// The narrow view (names and status only) is refused the filter.
		r = await page(`/members?neighbourhood=${nb}`, await as('payment'), 400);
		assert.deepEqual(rowsOf(r.body), []);
	} finally {
		sql(`UPDATE members SET neighbourhood_id = NULL, county_id = NULL, affiliation_id = NULL
		    WHERE id IN (${a.id}, ${b.id}, ${c.id})`);
		sql(`DELETE FROM neighbourhoods WHERE id = ${nb}`);
		sql(`DELETE FROM counties WHERE id = ${ct}`);
		sql(`DELETE FROM affiliations WHERE id = ${af}`);
	}
});

test('the pages met show text, not phrase keys', () => {
	keys.assertNone();
});
