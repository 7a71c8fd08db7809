// Community Timebanks (member.community): the list with member counts,
// scoped to the communities the viewer coordinates, and creating one,
// which needs member.community site-wide.  Every creation is audited; a
// bad or taken name re-renders the form (422) and creates nothing.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	BareKeys, as, csrfOf, formFor, get, memberId, post, sql, text,
} from './lib.mjs';

const keys = new BareKeys();
const tag = `Communities test ${process.pid}`;

test.after(() => {
	const ids = sql(`SELECT id FROM communities WHERE name LIKE '${tag}%'`).map((r) => r[0]);
	if (ids.length)
		sql(`DELETE FROM communities WHERE id IN (${ids.join(',')})`);
});

// Rows of the list: {id, name, count}.
function rows(html) {
	const out = [];
	const re = /<tr data-community="(\d+)">([\s\S]*?)<\/tr>/g;
	let m;
	while ((m = re.exec(html)) !== null) {
		const cells = [...m[2].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1]));
		out.push({ id: Number(m[1]), name: cells[0], count: Number(cells[1]) });
	}
	return out;
}

const count = (id) => Number(sql(`SELECT COUNT(*) FROM members WHERE community_id = ${id}`)[0][0]);
const named = (name) => sql(`SELECT id FROM communities WHERE name = '${name.replace(/'/g, "''")}'`);

test('site coordinators see every community with its count, and the create form', async () => {
	for (const u of ['admin', 'mcoord']) {
		const r = await get('/members/communities', await as(u));
		assert.equal(r.status, 200, `${u}: ${r.status}`);
		const list = rows(r.body);
		const north = list.find((x) => x.id === 1);
		const river = list.find((x) => x.id === 2);
		assert.ok(north && river, `${u} sees both demo communities`);
		assert.equal(north.name, 'North Side Timebank');
		assert.equal(north.count, count(1));
		assert.equal(river.count, count(2));
		assert.ok(formFor(r.body, '/members/communities'), `${u} has the create form`);
		keys.check(r.body, `communities as ${u}`);
	}
});

test('a community-scoped coordinator sees only their community, and cannot create', async () => {
	const jar = await as('northcoord');
	const r = await get('/members/communities', jar);
	assert.equal(r.status, 200);
	const list = rows(r.body);
	assert.deepEqual(list.map((x) => x.id), [1], 'only North Side');
	assert.doesNotMatch(text(r.body), /Riverside/);
	assert.equal(formFor(r.body, '/members/communities'), null, 'no create form');

	const name = `${tag} north`;
	const p = await post('/members/communities', jar, { csrf: await csrfOf('/', jar), name });
	assert.equal(p.status, 403, 'northcoord cannot create a community');
	assert.equal(named(name).length, 0);
});

test('roles without member.community get 403', async () => {
	for (const u of ['support', 'outreach', 'payment', 'translator', 'alice']) {
		const jar = await as(u);
		assert.equal((await get('/members/communities', jar)).status, 403, `${u} GET`);
		const p = await post('/members/communities', jar,
		    { csrf: await csrfOf('/', jar), name: `${tag} ${u}` });
		assert.equal(p.status, 403, `${u} POST`);
	}
	assert.equal(sql(`SELECT COUNT(*) FROM communities WHERE name LIKE '${tag}%'`)[0][0], '0');
});

test('admin creates a community: listed, audited', async () => {
	const jar = await as('admin');
	const name = `${tag} Hillside Timebank`;
	const r = await post('/members/communities', jar, { csrf: await csrfOf('/', jar), name });
	assert.equal(r.status, 303, `create: ${r.status} ${text(r.body).slice(0, 300)}`);
	assert.equal(r.location, '/members/communities');
	const got = named(name);
	assert.equal(got.length, 1);
	const id = Number(got[0][0]);
	const page = await get('/members/communities', jar);
	assert.match(text(page.body), /Community Timebank has been created/, 'the flash');
	const row = rows(page.body).find((x) => x.id === id);
	assert.ok(row, 'the new community is listed');
	assert.equal(row.count, 0);
	const audit = sql(`SELECT actor_id, object_type, community_id, after_json FROM audit_log
	    WHERE action = 'community.add' AND object_id = ${id}`);
	assert.equal(audit.length, 1);
	assert.equal(Number(audit[0][0]), memberId('admin'));
	assert.equal(audit[0][1], 'community');
	assert.equal(Number(audit[0][2]), id);
	assert.match(audit[0][3], /Hillside Timebank/);

	// northcoord still sees only their own.
	const n = await get('/members/communities', await as('northcoord'));
	assert.ok(!rows(n.body).some((x) => x.id === id));
});

test('bad or taken names: the form again with a message, nothing created', async () => {
	const jar = await as('mcoord');
	const taken = `${tag} Taken`;
	const made = await post('/members/communities', jar, { csrf: await csrfOf('/', jar), name: taken });
	assert.equal(made.status, 303);
	assert.equal((await get(made.location, jar)).status, 200, 'the flash is used up');
	const before = Number(sql('SELECT COUNT(*) FROM communities')[0][0]);
	const cases = [
		['', /required/i],
		['x'.repeat(129), /too long/i],
		['North Side Timebank', /already a Community Timebank with this name/],
		[taken.toUpperCase(), /already a Community Timebank with this name/],
		['bad\u0001name', /./],
	];
	for (const [name, msg] of cases) {
		const r = await post('/members/communities', jar, { csrf: await csrfOf('/', jar), name });
		assert.equal(r.status, 422, `name=${JSON.stringify(name).slice(0, 40)}: ${r.status}`);
		assert.match(text(r.body), msg);
		const f = formFor(r.body, '/members/communities');
		assert.ok(f, 'the form is shown again');
		assert.equal(f.fields.find((x) => x.name === 'name').value, name, 'with the input kept');
		assert.match(r.body, /aria-invalid="true"/);
		assert.ok(rows(r.body).length >= 2, 'and the list');
		keys.check(r.body, 'bad community name');
	}
	assert.equal(Number(sql('SELECT COUNT(*) FROM communities')[0][0]), before);
});

test('creating without the csrf token is refused', async () => {
	const jar = await as('admin');
	const name = `${tag} no csrf`;
	const r = await post('/members/communities', jar, { name });
	assert.equal(r.status, 403);
	assert.equal(named(name).length, 0);
});

test('no phrase keys on the pages visited', () => keys.assertNone());
