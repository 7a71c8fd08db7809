// Talents (issue 17): members list their own talents (/me/talents), the
// talents directory finds them by category and by words, the member list
// filters by a talent's category; coordinators add and change them with
// ad.edit and remove them with ad.delete, in scope only, audited; a
// category's uses count its talents, and moving or deleting the category
// moves them (docs/authorization.md rules 2 and 6).

import test from 'node:test';
import assert from 'node:assert/strict';
import { BareKeys, as, audits, get, getCsrf, mainText, memberId, post, sql, unbatch } from './lib.mjs';

const keys = new BareKeys();
const TAG = `tl${process.pid % 100000}`;

function mkMember(suffix, community = null) {
	const u = `${TAG}_${suffix}`;
	sql(`INSERT INTO members (username, email, name, password_hash, status,
	    lang, community_id, about, approved_at)
	    SELECT '${u}', '${u}@example.org', 'Talent ${suffix}', password_hash,
	    'approved', 'en', ${community === null ? 'NULL' : community}, '', UTC_TIMESTAMP()
	    FROM members WHERE username = 'alice'`);
	return { u, id: memberId(u) };
}

const category = (name) => Number(sql(`SELECT id FROM categories WHERE name = '${name}'`)[0][0]);
const talents = (id) => sql(`SELECT COALESCE(category_id, 0), text FROM member_talents
    WHERE member_id = ${id} ORDER BY id`).map((r) => [Number(r[0]), unbatch(r[1])]);

async function csrfOf(path, jar) {
	return getCsrf((await get(path, jar)).body);
}

test('the talents directory finds a member by words and by category', async () => {
	const alice = await as('alice');
	let r = await get('/ads/talents?q=italian', alice);
	assert.equal(r.status, 200);
	keys.check(r.body, 'talents directory');
	assert.match(mainText(r.body), /Carol Chen/);
	assert.doesNotMatch(mainText(r.body), /Bob Brown/);
	r = await get(`/ads/talents?category=${category('Languages and tutoring')}`, alice);
	assert.match(mainText(r.body), /Carol Chen/);
	assert.match(mainText(r.body), /María García/);
	assert.doesNotMatch(mainText(r.body), /Pruning fruit trees/);
	r = await get(`/ads/talents?q=zzqqxx${TAG}`, alice);
	assert.equal(r.status, 200);
	assert.doesNotMatch(r.body, /id="talents-directory"/);
	r = await get('/ads/talents?category=abc', alice);
	assert.equal(r.status, 422, 'a bad filter is refused with its message');
});

test('the directory search: every word a prefix, in any case and accent, following changes, paged', async () => {
	const alice = await as('alice');
	const m = mkMember('words', 1);
	const w = `Qz${TAG}`;
	const ids = [];
	for (const text of [`Crème brûlée ${w}`, `Bread and preserves ${w}`, `Bread, jam ${w}`])
		ids.push(Number(sql(`INSERT INTO member_talents (member_id, text)
		    VALUES (${m.id}, '${text}'); SELECT LAST_INSERT_ID()`)[0][0]));
	const found = async (q) => {
		const r = await get(`/ads/talents?q=${encodeURIComponent(q)}`, alice);
		assert.equal(r.status, 200, q);
		return [...r.body.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((x) => x[1])
		    .filter((t) => t.includes(w)).length;
	};
	assert.equal(await found(w), 3, 'the whole word');
	assert.equal(await found(w.slice(0, -2).toLowerCase()), 3, 'a prefix, in another case');
	assert.equal(await found(`bre ${w}`), 2, 'two words, both needed');
	assert.equal(await found(`${w} jam`), 1, 'whichever word leads');
	assert.equal(await found(`creme ${w}`), 1, 'accents aside');
	assert.equal(await found(`brulee ${w} x`), 1, 'a one-letter word is left out');
	assert.equal(await found(`bread zzq${TAG}`), 0, 'a word no talent has');
	// A changed text is searched as it is now; a removed talent is gone.
	sql(`UPDATE member_talents SET text = 'Marmalade ${w}' WHERE id = ${ids[2]}`);
	assert.equal(await found(`jam ${w}`), 0, 'the old words are gone');
	assert.equal(await found(`marm ${w}`), 1, 'the new ones are found');
	sql(`DELETE FROM member_talents WHERE id = ${ids[1]}`);
	assert.equal(await found(`bread ${w}`), 0, 'removed');
	assert.equal(Number(sql(`SELECT COUNT(*) FROM talent_prefixes WHERE talent_id = ${ids[1]}`)[0][0]), 0,
	    'its prefixes went with it');
	// More than a page of one word: newest first, the next page after.
	sql(`INSERT INTO member_talents (member_id, text) SELECT ${m.id}, CONCAT('Many ${w}p ', seq)
	    FROM seq_1_to_60`);
	let r = await get(`/ads/talents?q=${w}p`, alice);
	const first = [...r.body.matchAll(new RegExp(`Many ${w}p (\\d+)`, 'g'))].map((x) => Number(x[1]));
	assert.equal(first.length, 50, 'a page');
	assert.deepEqual(first.slice(0, 2), [60, 59], 'newest first');
	const next = r.body.match(/href="(\/ads\/talents\?[^"]*before=\d+[^"]*)"/);
	assert.ok(next, 'a link to the next page');
	r = await get(next[1].replace(/&amp;/g, '&'), alice);
	const rest = [...r.body.matchAll(new RegExp(`Many ${w}p (\\d+)`, 'g'))].map((x) => Number(x[1]));
	assert.deepEqual(rest, [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
});

test('the member list filters by a talent', async () => {
	const r = await get(`/members?talent=${category('Gardening')}`, await as('mcoord'));
	assert.equal(r.status, 200);
	const t = mainText(r.body);
	assert.match(t, /Bob Brown/);
	assert.doesNotMatch(t, /Carol Chen/);
	const csv = await get(`/members/export.csv?talent=${category('Gardening')}`, await as('mcoord'));
	assert.match(csv.body, /\bbob\b/);
	assert.doesNotMatch(csv.body, /\bcarol\b/);
});

test('a member lists, changes and removes their own talents, unaudited', async () => {
	const m = mkMember('own', 1);
	const jar = await as(m.u);
	let csrf = await csrfOf('/me/talents', jar);
	let r = await post('/me/talents', jar, { csrf, category: '', text: '' });
	assert.equal(r.status, 422, 'neither category nor text');
	assert.match(mainText(r.body), /Choose a category or describe the talent/);
	assert.deepEqual(talents(m.id), []);
	r = await post('/me/talents', jar, { csrf, category: '999999', text: 'x' });
	assert.equal(r.status, 422, 'no such category');
	r = await post('/me/talents', jar, { csrf, category: String(category('Gardening')), text: `Hedges ${TAG}` });
	assert.equal(r.status, 303);
	assert.equal(r.location, '/me/talents');
	assert.deepEqual(talents(m.id), [[category('Gardening'), `Hedges ${TAG}`]]);
	const tid = Number(sql(`SELECT id FROM member_talents WHERE member_id = ${m.id}`)[0][0]);
	r = await get('/me', jar);
	assert.match(mainText(r.body), new RegExp(`Hedges ${TAG}`), 'shown on the profile');
	csrf = await csrfOf('/me/talents', jar);
	r = await post(`/me/talents/${tid}`, jar, { csrf, category: '', text: `Hedges and lawns ${TAG}` });
	assert.equal(r.status, 303);
	assert.deepEqual(talents(m.id), [[0, `Hedges and lawns ${TAG}`]]);
	// Another member's talent is not found through one's own page.
	const other = Number(sql("SELECT t.id FROM member_talents t JOIN members m ON m.id = t.member_id WHERE m.username = 'carol' LIMIT 1")[0][0]);
	r = await post(`/me/talents/${other}/remove`, jar, { csrf });
	assert.equal(r.status, 404);
	assert.ok(Number(sql(`SELECT COUNT(*) FROM member_talents WHERE id = ${other}`)[0][0]) === 1);
	r = await post(`/me/talents/${tid}/remove`, jar, { csrf });
	assert.equal(r.status, 303);
	assert.deepEqual(talents(m.id), []);
	assert.equal(audits('member_talent', tid, 'talent.add').length, 0, 'self-service is not audited');
	// The directory finds a new talent at once.
	r = await post('/me/talents', jar, { csrf, category: '', text: `Origami${TAG}` });
	assert.equal(r.status, 303);
	r = await get(`/ads/talents?q=origami${TAG}`, await as('alice'));
	assert.match(mainText(r.body), /Talent own/);
});

test('coordinators change talents with ad.edit and remove them with ad.delete, in scope, audited', async () => {
	const north = mkMember('north', 1);
	const south = mkMember('south', 2);
	const mc = await as('mcoord');
	let csrf = await csrfOf(`/members/${north.id}/talents`, mc);
	let r = await post(`/members/${north.id}/talents`, mc, { csrf, category: String(category('Cooking and food')), text: 'Soups' });
	assert.equal(r.status, 303);
	assert.equal(r.location, `/members/${north.id}/talents`);
	const tid = Number(sql(`SELECT id FROM member_talents WHERE member_id = ${north.id}`)[0][0]);
	const add = audits('member_talent', tid, 'talent.add', 'after_json, actor_id, community_id');
	assert.equal(add.length, 1, 'audited');
	assert.equal(Number(add[0][1]), memberId('mcoord'));
	assert.equal(Number(add[0][2]), 1);
	r = await get(`/members/${north.id}`, mc);
	assert.match(mainText(r.body), /Soups/, 'the profile shows it');
	assert.match(r.body, new RegExp(`href="/members/${north.id}/talents"`));

	// Out of scope: a community 1 coordinator on a community 2 member.
	const nc = await as('northcoord');
	r = await get(`/members/${south.id}/talents`, nc);
	assert.equal(r.status, 403);
	csrf = await csrfOf(`/members/${north.id}/talents`, nc);
	r = await post(`/members/${south.id}/talents`, nc, { csrf, text: 'Nope' });
	assert.equal(r.status, 403);
	assert.deepEqual(talents(south.id), []);
	r = await post(`/members/${north.id}/talents/${tid}`, nc, { csrf, category: '', text: 'Soups and stews' });
	assert.equal(r.status, 303, 'in scope');
	assert.deepEqual(talents(north.id), [[0, 'Soups and stews']]);
	assert.equal(audits('member_talent', tid, 'talent.edit').length, 1);

	// Support edits (ad.edit) but does not remove (ad.delete).
	const sp = await as('support');
	csrf = await csrfOf(`/members/${north.id}/talents`, sp);
	assert.doesNotMatch((await get(`/members/${north.id}/talents`, sp)).body, /\/remove"/, 'no remove button offered');
	r = await post(`/members/${north.id}/talents/${tid}/remove`, sp, { csrf });
	assert.equal(r.status, 403);
	assert.equal(talents(north.id).length, 1);
	// A plain member reaches no coordinator page.
	r = await get(`/members/${north.id}/talents`, await as('alice'));
	assert.equal(r.status, 403);

	csrf = await csrfOf(`/members/${north.id}/talents`, mc);
	r = await post(`/members/${north.id}/talents/${tid}/remove`, mc, { csrf });
	assert.equal(r.status, 303);
	assert.deepEqual(talents(north.id), []);
	assert.equal(audits('member_talent', tid, 'talent.remove').length, 1);
});

test('a category counts its talents among its uses and moves them with its ads', async () => {
	const m = mkMember('cat', null);
	const admin = await as('admin');
	sql(`INSERT INTO categories (name, position) VALUES ('Talent cat ${TAG}', 900)`);
	const from = category(`Talent cat ${TAG}`);
	const to = category('Household help');
	sql(`INSERT INTO member_talents (member_id, category_id, text) VALUES (${m.id}, ${from}, 'Ironing')`);
	let r = await get(`/site/lists/categories/${from}`, admin);
	assert.equal(r.status, 200);
	assert.match(mainText(r.body), /Used 1 time\./);
	const csrf = getCsrf(r.body);
	r = await post(`/site/lists/categories/${from}/delete`, admin, { csrf });
	assert.equal(r.status, 422, 'in use: where its uses go must be chosen');
	assert.deepEqual(talents(m.id), [[from, 'Ironing']]);
	r = await post(`/site/lists/categories/${from}/delete`, admin, { csrf, to: String(to) });
	assert.equal(r.status, 303);
	assert.deepEqual(talents(m.id), [[to, 'Ironing']]);
	assert.equal(Number(sql(`SELECT COUNT(*) FROM categories WHERE id = ${from}`)[0][0]), 0);
});
