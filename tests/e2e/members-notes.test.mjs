// The members area, notes family: coordinator notes (member.notes) are
// listed newest first with author and time, added and edited by their
// author only, shown in the profile's panel (the latest three), never to
// the member nor to roles without the permission, and every write is
// audited (docs/authorization.md rules 2, 6 and 8).

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	BareKeys, as, audits, formFor, get, getCsrf, mainText, memberId, post,
	sql, text, unbatch,
} from './lib.mjs';

const keys = new BareKeys();
const TAG = `nt${process.pid % 100000}`;
function mkMember(suffix, { community = null } = {}) {
	const u = `${TAG}_${suffix}`;
	sql(`INSERT INTO members (username, email, name, password_hash, status,
	    lang, community_id, about, approved_at)
	    SELECT '${u}', '${u}@example.org', 'Notes ${suffix}', password_hash,
	    'approved', 'en', ${community === null ? 'NULL' : community}, '', UTC_TIMESTAMP()
	    FROM members WHERE username = 'alice'`);
	return memberId(u);
}

function notes(id) {
	return sql(`SELECT n.id, a.username, n.body, n.updated_at IS NOT NULL
	    FROM member_notes n JOIN members a ON a.id = n.author_id
	    WHERE n.member_id = ${id} ORDER BY n.id`).map((r) => r.map(unbatch));
}

// The audit rows of a note for an action: before, after, actor, community.
const NOTE_AUDIT = 'before_json, after_json, actor_id, community_id';

async function csrf(user) {
	return getCsrf((await get('/members/roles', await as(user))).body);
}

async function addNote(user, id, body) {
	return post(`/members/${id}/notes`, await as(user), { csrf: await csrf(user), body });
}

test('a note is added with its author and time, listed newest first, and audited', async () => {
	const id = mkMember('list', { community: 1 });
	const first = await addNote('mcoord', id, `First note ${TAG}`);
	assert.equal(first.status, 303, mainText(first.body).slice(0, 300));
	assert.equal(first.location, `/members/${id}/notes`);
	const second = await addNote('northcoord', id, `Second note ${TAG}\nwith <b>two</b> lines & "quotes"`);
	assert.equal(second.status, 303);
	const rows = notes(id);
	assert.deepEqual(rows.map((r) => r[1]), ['mcoord', 'northcoord']);

	const page = await get(`/members/${id}/notes`, await as('mcoord'));
	assert.equal(page.status, 200);
	keys.check(page.body, 'notes page');
	const t = mainText(page.body);
	assert.ok(t.indexOf('Second note') < t.indexOf('First note'), 'newest first');
	assert.match(t, /Marcus Cole ?, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/, 'author and time');
	assert.match(t, /Nora Quinn/);
	assert.match(page.body, /with &lt;b&gt;two&lt;\/b&gt; lines &amp; (&quot;|&#34;)quotes/, 'escaped');
	assert.match(page.body, /Second note [a-z0-9]+<br>with/, 'line breaks kept');

	const a = audits('member_note', rows[0][0], 'note.add', NOTE_AUDIT);
	assert.equal(a.length, 1);
	assert.equal(JSON.parse(a[0][1]).body, `First note ${TAG}`);
	assert.equal(a[0][2], String(memberId('mcoord')));
	assert.equal(a[0][3], '1', 'the audit row names the member\'s community');
});

test('the profile panel shows the latest three notes only, to holders of member.notes', async () => {
	const id = mkMember('panel', { community: 2 });
	for (let i = 1; i <= 4; i++) {
		sql(`INSERT INTO member_notes (member_id, author_id, body, created_at)
		    VALUES (${id}, ${memberId('admin')}, 'Panel note ${i} ${TAG}', UTC_TIMESTAMP() - INTERVAL ${10 - i} HOUR)`);
	}
	const r = await get(`/members/${id}`, await as('support'));
	assert.equal(r.status, 200);
	const t = mainText(r.body);
	for (const i of [2, 3, 4])
		assert.match(t, new RegExp(`Panel note ${i} `), `note ${i} shown`);
	assert.doesNotMatch(t, /Panel note 1 /, 'the oldest is left to the notes page');
	assert.match(r.body, new RegExp(`href="/members/${id}/notes"`));
	assert.match(t, /All notes \(4\)/);
	for (const user of ['outreach', 'payment']) {
		const o = await get(`/members/${id}`, await as(user));
		assert.equal(o.status, 200, user);
		assert.doesNotMatch(o.body, /Panel note|Coordinator notes/, `${user} sees no notes`);
		assert.doesNotMatch(o.body, new RegExp(`/members/${id}/notes`));
	}
});

test('roles without member.notes and the member themselves get 403', async () => {
	const id = memberId('alice');
	for (const user of ['outreach', 'payment', 'translator', 'alice']) {
		const jar = await as(user);
		assert.equal((await get(`/members/${id}/notes`, jar)).status, 403, `${user} GET`);
	}
	const token = await csrf('outreach');
	const before = notes(id).length;
	assert.equal((await post(`/members/${id}/notes`, await as('outreach'), { csrf: token, body: 'nope' })).status, 403);
	assert.equal(notes(id).length, before);
	// alice's own pages show nothing of them.
	const me = await get('/me', await as('alice'));
	assert.doesNotMatch(me.body, /mentor new gardeners|potluck/);
});

test('support cannot edit the profile but can add notes', async () => {
	const id = mkMember('support', { community: 1 });
	assert.equal((await get(`/members/${id}/edit`, await as('support'))).status, 403);
	const r = await addNote('support', id, `Support note ${TAG}`);
	assert.equal(r.status, 303);
	assert.deepEqual(notes(id).map((n) => n[1]), ['support']);
	const page = await get(`/members/${id}/notes`, await as('support'));
	assert.ok(formFor(page.body, `/members/${id}/notes/${notes(id)[0][0]}`), 'the author may edit their note');
});

test('only the author edits a note: admin\'s note is refused to mcoord (403); the author\'s edit is audited', async () => {
	const id = mkMember('edit', { community: 1 });
	assert.equal((await addNote('admin', id, `Admin wrote this ${TAG}`)).status, 303);
	const noteId = notes(id)[0][0];
	const path = `/members/${id}/notes/${noteId}`;

	const page = await get(`/members/${id}/notes`, await as('mcoord'));
	assert.equal(formFor(page.body, path), null, 'mcoord is not offered the edit form');
	const refused = await post(path, await as('mcoord'), { csrf: await csrf('mcoord'), body: 'Rewritten by mcoord' });
	assert.equal(refused.status, 403);
	const refusedBad = await post(path, await as('mcoord'), { csrf: await csrf('mcoord'), body: '' });
	assert.equal(refusedBad.status, 403, '403 before the text is even looked at');
	assert.equal(notes(id)[0][2], `Admin wrote this ${TAG}`);

	const own = await get(`/members/${id}/notes`, await as('admin'));
	assert.ok(formFor(own.body, path), 'the author is offered the edit form');
	const ok = await post(path, await as('admin'), { csrf: await csrf('admin'), body: `Admin edited this ${TAG}` });
	assert.equal(ok.status, 303);
	assert.deepEqual(notes(id)[0].slice(2), [`Admin edited this ${TAG}`, '1']);
	const a = audits('member_note', noteId, 'note.edit', NOTE_AUDIT);
	assert.equal(a.length, 1);
	assert.equal(JSON.parse(a[0][0]).body, `Admin wrote this ${TAG}`);
	assert.equal(JSON.parse(a[0][1]).body, `Admin edited this ${TAG}`);
	const shown = await get(`/members/${id}/notes`, await as('mcoord'));
	assert.match(mainText(shown.body), /\(edited \d{4}-\d\d-\d\d/);

	// A note id of another member is no note of this one.
	const other = mkMember('other', { community: 1 });
	const wrong = await post(`/members/${other}/notes/${noteId}`, await as('admin'), { csrf: await csrf('admin'), body: 'x' });
	assert.equal(wrong.status, 404);
	assert.equal((await post(`/members/${id}/notes/987654323`, await as('admin'), { csrf: await csrf('admin'), body: 'x' })).status, 404);
});

test('bad input keeps the text and saves nothing, for a new note and for an edit', async () => {
	const id = mkMember('bad', { community: 1 });
	const empty = await addNote('mcoord', id, '');
	assert.equal(empty.status, 422);
	assert.match(empty.body, /id="body-error"/);
	keys.check(empty.body, 'empty note');
	const long = `Long ${TAG} ` + 'x'.repeat(5001);
	const tooLong = await addNote('mcoord', id, long);
	assert.equal(tooLong.status, 422);
	assert.ok(tooLong.body.includes(long), 'the text is kept');
	assert.deepEqual(notes(id), []);
	assert.equal((await addNote('mcoord', id, 'y'.repeat(5000))).status, 303, '5000 characters are fine');

	const noteId = notes(id)[0][0];
	const r = await post(`/members/${id}/notes/${noteId}`, await as('mcoord'), { csrf: await csrf('mcoord'), body: '   ' + 'z'.repeat(5001) });
	assert.equal(r.status, 422);
	assert.match(r.body, new RegExp(`id="note-${noteId}-error"`));
	assert.ok(r.body.includes('z'.repeat(5001)), 'the edit is kept in its form');
	assert.doesNotMatch(r.body, /id="body-error"/, 'the new-note form is not marked');
	assert.equal(notes(id)[0][2], 'y'.repeat(5000), 'nothing saved');
	assert.equal(audits('member_note', noteId, 'note.edit', NOTE_AUDIT).length, 0);
});

test('a coordinator out of scope: the same 403 for another community\'s member and for no member', async () => {
	const jar = await as('northcoord');
	const dave = memberId('dave');
	const missing = 987654324;
	const a = await get(`/members/${dave}/notes`, jar);
	const b = await get(`/members/${missing}/notes`, jar);
	assert.equal(a.status, 403);
	assert.equal(b.status, 403);
	assert.equal(mainText(a.body), mainText(b.body));
	const token = await csrf('northcoord');
	const before = notes(dave).length;
	for (const path of [`/members/${dave}/notes`, `/members/${missing}/notes`,
	    `/members/${dave}/notes/1`, `/members/${missing}/notes/1`])
		assert.equal((await post(path, jar, { csrf: token, body: 'out of scope' })).status, 403, path);
	assert.equal(notes(dave).length, before);
	// In scope, the same coordinator reads alice's notes.
	assert.equal((await get(`/members/${memberId('alice')}/notes`, jar)).status, 200);
});

test('the demo notes load, and markup in them shows as text', async () => {
	const r = await get(`/members/${memberId('sam')}/notes`, await as('admin'));
	assert.equal(r.status, 200);
	assert.match(r.body, /has &lt;b&gt;markup&lt;\/b&gt; &amp;/);
});

test('the pages above show text, not phrase keys', () => {
	keys.assertNone();
});
