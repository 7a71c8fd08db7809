// The broadcasts program (cgi-bin/broadcasts; docs/broadcasts.md) over
// HTTP: a community coordinator composes a broadcast to their community,
// sees its reach and recipients, tests it, sends it, and the outbox holds
// exactly one row per member of the audience (none for the opted-out or
// disabled member, a skipped one for an invalid address), each in the
// member's language with the merge fields filled; the refusals (another
// community, the whole timebank, a sent broadcast edited or sent again, a
// bad link), scheduling and cancelling, resending to the failed, a copy,
// the history's filters, and the coordinators' mailing list in scope.
// The fixtures are a throwaway Community Timebank with its coordinator
// and members, made here and removed at the end.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	BareKeys, as, audits, get, getCsrf, login, mainText, memberId, post, sql, text,
} from './lib.mjs';
import { dropTagged, pageReader } from './community-lib.mjs';
import { decodeQP, decodeWords, mailsFor, until } from './mail-lib.mjs';

const keys = new BareKeys();
const TAG = `zb${process.pid % 100000}`;
const q = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
let CID = 0;
const U = (n) => `${TAG}_${n}`;

// username -> [name, lang, status, optout, email]
const PEOPLE = {
	en: ['Edna English', 'en', 'approved', 0, null],
	es: ['Sofía Española', 'es', 'approved', 0, null],
	out: ['Otto Optout', 'en', 'approved', 1, null],
	off: ['Dora Disabled', 'en', 'disabled', 0, null],
	bad: ['Ivan Invalid', 'en', 'approved', 0, 'not-an-address'],
	app: ['Apu Applying', 'en', 'applying', 0, null],
};

test.before(() => {
	sql(`INSERT INTO communities (name) VALUES ('ZB ${TAG} broadcasts test')`);
	CID = Number(sql(`SELECT id FROM communities WHERE name = 'ZB ${TAG} broadcasts test'`)[0][0]);
	const rows = Object.entries(PEOPLE).map(([k, [name, lang, status, optout, email]]) =>
	    `(${q(U(k))}, ${q(email ?? `${U(k)}@example.org`)}, ${q(name)}, 'x', '${status}', '${lang}', ${CID}, ${optout}, '')`);
	sql(`INSERT INTO members (username, email, name, password_hash, status, lang, community_id, optout, about)
	    VALUES ${rows.join(',\n')}`);
	sql(`INSERT INTO members (username, email, name, password_hash, status, community_id, about, approved_at)
	    SELECT '${U('coord')}', '${U('coord')}@example.org', 'Cora Coordinator', password_hash,
	    'approved', ${CID}, '', UTC_TIMESTAMP() FROM members WHERE username = 'alice'`);
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id)
	    SELECT id, 'member', 'community', ${CID} FROM members WHERE username = '${U('coord')}'`);
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id)
	    SELECT id, 'support', 'community', ${CID} FROM members WHERE username = '${U('en')}'`);
});

test.after(() => {
	try {
		const ids = `SELECT id FROM broadcasts WHERE community_id = ${CID} OR created_by IN
		    (SELECT id FROM members WHERE username LIKE '${TAG}\\_%')`;
		sql(`DELETE FROM outbox WHERE broadcast_id IN (${ids}) OR member_id IN
		    (SELECT id FROM members WHERE username LIKE '${TAG}\\_%')`);
		sql(`DELETE t FROM broadcast_texts t JOIN broadcasts b ON b.id = t.broadcast_id
		    WHERE b.community_id = ${CID} OR b.created_by IN (SELECT id FROM members WHERE username LIKE '${TAG}\\_%')`);
		sql(`DELETE FROM broadcasts WHERE community_id = ${CID} OR created_by IN
		    (SELECT id FROM members WHERE username LIKE '${TAG}\\_%')`);
		dropTagged(TAG, CID);
	} catch (e) {
		console.error(`cleanup: ${e.message}`);
	}
});

const page = pageReader(keys);

async function csrf(jar) {
	return getCsrf((await page('/broadcasts/new', jar)).body);
}

// A draft by jar: returns its id.
async function compose(jar, fields) {
	const res = await post('/broadcasts/new', jar, {
		csrf: await csrf(jar), lang: 'en', status: 'approved', ...fields,
	});
	assert.equal(res.status, 303, `POST /broadcasts/new: ${text(res.body).slice(0, 400)}`);
	const m = res.location.match(/^\/broadcasts\/(\d+)$/);
	assert.ok(m, `redirected to the broadcast: ${res.location}`);
	return Number(m[1]);
}

const rowsOf = (id, kind = 'broadcast') => sql(`SELECT m.username, o.to_addr, o.lang, o.subject, o.body,
    o.list, o.state, o.reason, o.message_id FROM outbox o JOIN members m ON m.id = o.member_id
    WHERE o.broadcast_id = ${id} AND o.kind = '${kind}' ORDER BY m.username`);

test('a community coordinator composes, previews, tests and sends to their community: one outbox row per member of the audience, in their language', async () => {
	const jar = await login(U('coord'));
	// The message's hint names the merge fields (values of its phrase, as written).
	assert.match(mainText((await page('/broadcasts/new', jar)).body),
	    /\{first_name\}, \{name\} and \{username\} are replaced by each recipient's own/);
	assert.match(mainText((await page('/broadcasts/coordinators', jar)).body), /\{first_name\}, \{name\} and \{username\}/);
	const id = await compose(jar, {
		community: String(CID), subject: 'News for {first_name}',
		body: 'Hello {first_name},\n\nThe **fair** is on Saturday. [Details](https://example.org/fair)',
	});
	assert.deepEqual(audits('broadcast', id, 'broadcast.create', 'actor_id').length, 1, 'the draft is audited');

	// A Spanish text beside the English one.
	const res = await post(`/broadcasts/${id}/edit`, jar, {
		csrf: await csrf(jar), lang: 'es', subject: 'Noticias para {first_name}', body: 'Hola {first_name}:\n\nLa **feria** es el sábado.',
	});
	assert.equal(res.status, 303, text(res.body).slice(0, 300));

	const show = await page(`/broadcasts/${id}`, jar);
	const main = mainText(show.body);
	// The audience: en, es, bad and the coordinator herself (approved,
	// not opted out, not disabled); the applying member is outside the
	// status filter.
	assert.match(main, /It reaches 4 members now\./, main.slice(0, 600));
	assert.match(main, /1 member of this audience opted out and is left out\./);
	// The preview, with the viewer's own first name, in both languages.
	assert.match(show.body, /<strong>fair<\/strong>/);
	assert.match(show.body, /<a href="https:\/\/example.org\/fair">Details<\/a>/);
	assert.match(main, /News for Cora/);
	assert.match(main, /Noticias para Cora/);

	const list = await page(`/broadcasts/${id}/recipients`, jar);
	const names = [...list.body.matchAll(/<tr data-member="\d+"><th scope="row">([^<]*)<\/th>/g)].map((m) => m[1]);
	assert.deepEqual(names, ['Cora Coordinator', 'Edna English', 'Ivan Invalid', 'Sofía Española']);
	// A member coordinator holds member.contact: the addresses are shown.
	assert.match(list.body, new RegExp(`${U('en')}@example.org`));

	// A test to oneself, not counted in the progress.
	let r = await post(`/broadcasts/${id}/test`, jar, { csrf: getCsrf(show.body) });
	assert.equal(r.status, 303);
	const tests = sql(`SELECT to_addr, subject, list FROM outbox WHERE broadcast_id = ${id} AND kind = 'broadcast.test'`);
	assert.deepEqual(tests, [[`${U('coord')}@example.org`, '[Test] News for Cora', '0']]);

	r = await post(`/broadcasts/${id}/send`, jar, { csrf: getCsrf(show.body), when: 'now' });
	assert.equal(r.status, 303, text(r.body).slice(0, 300));
	const rows = rowsOf(id);
	assert.deepEqual(rows.map((x) => x[0]), [U('bad'), U('coord'), U('en'), U('es')], 'nobody opted out, disabled or applying');
	const by = Object.fromEntries(rows.map((x) => [x[0], x]));
	assert.equal(by[U('en')][3], 'News for Edna');
	assert.match(by[U('en')][4], /^Hello Edna,/);
	assert.doesNotMatch(by[U('en')][4], /\*\*/, 'the body is plain text');
	assert.equal(by[U('es')][2], 'es');
	assert.equal(by[U('es')][3], 'Noticias para Sofía');
	assert.equal(by[U('en')][5], '1', 'list mail');
	// The stack's mailer may have taken them already.
	assert.ok(['queued', 'sending', 'sent'].includes(by[U('en')][6]), by[U('en')][6]);
	assert.deepEqual([by[U('bad')][6], by[U('bad')][7]], ['skipped', 'invalid_address']);
	assert.equal(new Set(rows.map((x) => x[8])).size, 4, 'a Message-ID each');
	assert.match(by[U('en')][8], /^<[0-9a-f]{32}@[^>]+>$/);
	assert.equal(audits('broadcast', id, 'broadcast.send', 'actor_id').length, 1, 'the send is audited');
	assert.equal(sql(`SELECT state, recipients FROM broadcasts WHERE id = ${id}`)[0].join(' '), 'sent 4');

	// The stack's mailer delivers them to its SMTP sink, each in its
	// recipient's language, with the one-click unsubscribe headers.
	const done = await until(() => rowsOf(id).filter((x) => x[6] === 'sent').length === 3, 30000);
	assert.ok(done, `delivered: ${rowsOf(id).map((x) => x[6]).join(' ')}`);
	const mail = mailsFor(by[U('es')][8]);
	assert.equal(mail.length, 1, 'the sink got the message once');
	assert.equal(decodeWords(mail[0].headers.subject), 'Noticias para Sofía');
	// Text and an HTML alternative rendered from the markup by weft.
	assert.equal(mail[0].headers['content-type'], 'multipart/alternative; boundary="=_weft_alternative"');
	const [, plain, html] = mail[0].body.split('--=_weft_alternative');
	assert.match(plain, /^\r\nContent-Type: text\/plain; charset=UTF-8\r\n/);
	assert.match(decodeQP(plain), /Hola Sofía:/);
	assert.doesNotMatch(decodeQP(plain), /<strong>/);
	assert.match(html, /^\r\nContent-Type: text\/html; charset=UTF-8\r\n/);
	assert.match(decodeQP(html), /<html lang="es">/);
	assert.match(decodeQP(html), /<p>Hola Sofía:<\/p>\s*<p>La <strong>feria<\/strong> es el sábado\.<\/p>/);
	assert.match(mail[0].body, /\r\n--=_weft_alternative--\r\n$/);
	assert.match(mail[0].headers['list-unsubscribe'] || '', /^<https?:\/\/[^>]+>/);
	assert.equal(mail[0].headers['list-unsubscribe-post'], 'List-Unsubscribe=One-Click');
	assert.equal(mailsFor(by[U('bad')][8]).length, 0, 'nothing to the invalid address');
	let prog = await page(`/broadcasts/${id}`, jar);
	assert.match(prog.body, /<tr data-state="sent"><th scope="row">[^<]*<\/th><td>3<\/td>/);
	assert.match(prog.body, /<tr data-state="skipped"><th scope="row">[^<]*<\/th><td>1<\/td>/);
	assert.equal(prog.headers.refresh, undefined, 'nothing waits: no reload');
	// While messages wait (deferred for an hour, out of the mailer's
	// hands), the page reloads itself.
	sql(`UPDATE outbox SET state = 'deferred', lease = 0, due_at = UTC_TIMESTAMP() + INTERVAL 1 HOUR
	    WHERE broadcast_id = ${id} AND kind = 'broadcast' AND state <> 'skipped'`);
	prog = await page(`/broadcasts/${id}`, jar);
	assert.match(prog.headers.refresh || '', /^\d+$/, 'a Refresh header while sending');
	assert.match(prog.body, /<tr data-state="deferred"><th scope="row">[^<]*<\/th><td>3<\/td>/);

	// Sent: not edited, not sent twice.
	assert.equal((await get(`/broadcasts/${id}/edit`, jar)).status, 409);
	r = await post(`/broadcasts/${id}/edit`, jar, { csrf: getCsrf(prog.body), lang: 'en', subject: 'x', body: 'y' });
	assert.equal(r.status, 409);
	r = await post(`/broadcasts/${id}/send`, jar, { csrf: getCsrf(prog.body), when: 'now' });
	assert.equal(r.status, 409);
	assert.equal(rowsOf(id).length, 4, 'still one row each');

	// Resend to the failed only.
	sql(`UPDATE outbox SET state = 'failed', reason = '550 no' WHERE broadcast_id = ${id} AND member_id = ${memberId(U('es'))} AND kind = 'broadcast'`);
	sql(`UPDATE outbox SET state = 'sent' WHERE broadcast_id = ${id} AND member_id = ${memberId(U('en'))} AND kind = 'broadcast'`);
	const failedPage = await page(`/broadcasts/${id}`, jar);
	assert.match(failedPage.body, /action="\/broadcasts\/\d+\/resend"/);
	r = await post(`/broadcasts/${id}/resend`, jar, { csrf: getCsrf(failedPage.body) });
	assert.equal(r.status, 303);
	const after = rowsOf(id).map((x) => x[6]);
	assert.deepEqual(after.slice(0, 3), ['skipped', 'deferred', 'sent'], 'the others as they were');
	assert.ok(['queued', 'sending', 'sent'].includes(after[3]), `the failed one is queued again: ${after[3]}`);
	assert.equal(audits('broadcast', id, 'broadcast.resend', 'actor_id').length, 1);

	// A copy: a new draft with the texts, to send to all again.
	r = await post(`/broadcasts/${id}/copy`, jar, { csrf: getCsrf(failedPage.body) });
	assert.equal(r.status, 303);
	const copy = Number(r.location.match(/(\d+)$/)[1]);
	assert.notEqual(copy, id);
	assert.deepEqual(sql(`SELECT state, copy_of, community_id FROM broadcasts WHERE id = ${copy}`)[0], ['draft', String(id), String(CID)]);
	assert.equal(sql(`SELECT COUNT(*) FROM broadcast_texts WHERE broadcast_id = ${copy}`)[0][0], '2');
	assert.equal((await get(`/broadcasts/${copy}/edit`, jar)).status, 200, 'the copy is editable');
});

test('the audience stays in the coordinator\'s scope; a bad link or a missing text is refused with the input kept', async () => {
	const jar = await login(U('coord'));
	const token = await csrf(jar);
	const base = { csrf: token, lang: 'en', subject: 'S', body: 'B' };
	let r = await post('/broadcasts/new', jar, { ...base, community: '2' });
	assert.equal(r.status, 422, 'another community');
	assert.match(mainText(r.body), /Choose one of your Community Timebanks/);
	r = await post('/broadcasts/new', jar, { ...base, community: '' });
	assert.equal(r.status, 422, 'the whole timebank');
	r = await post('/broadcasts/new', jar, { ...base, community: String(CID), body: '[x](javascript:alert(1))' });
	assert.equal(r.status, 422, 'a javascript: link');
	assert.match(r.body, /\[x\]\(javascript:alert\(1\)\)/, 'the body is kept');
	r = await post('/broadcasts/new', jar, { ...base, community: String(CID), subject: '' });
	assert.equal(r.status, 422);

	// Other communities' broadcasts: 403, the same as one that does not
	// exist; an admin learns the latter is 404.
	const other = Number(sql("SELECT id FROM broadcasts WHERE community_id = 2 AND state = 'draft' ORDER BY id LIMIT 1")[0][0]);
	const whole = Number(sql("SELECT id FROM broadcasts WHERE community_id IS NULL AND kind = 'members' ORDER BY id LIMIT 1")[0][0]);
	assert.equal((await get(`/broadcasts/${other}`, jar)).status, 403);
	assert.equal((await get(`/broadcasts/${whole}`, jar)).status, 403);
	assert.equal((await get('/broadcasts/999999999', jar)).status, 403);
	r = await post(`/broadcasts/${other}/send`, jar, { csrf: token, when: 'now' });
	assert.equal(r.status, 403);
	assert.equal(sql(`SELECT state FROM broadcasts WHERE id = ${other}`)[0][0], 'draft');
	const admin = await as('admin');
	assert.equal((await get('/broadcasts/999999999', admin)).status, 404);
	assert.equal((await get(`/broadcasts/${other}`, admin)).status, 200);

	// The history lists the community's own, never the others'.
	const hist = await page('/broadcasts', jar);
	assert.doesNotMatch(hist.body, new RegExp(`data-broadcast="${other}"`));
	assert.doesNotMatch(hist.body, new RegExp(`data-broadcast="${whole}"`));
	const all = await page('/broadcasts', admin);
	assert.match(all.body, new RegExp(`data-broadcast="${other}"`));
	const drafts = await page('/broadcasts?state=sent', admin);
	assert.doesNotMatch(drafts.body, new RegExp(`data-broadcast="${other}"`), 'the state filter');
	assert.equal((await get('/broadcasts?state=nonsense', admin)).status, 400);
	// A plain member and the payment coordinator have no broadcasts.
	assert.equal((await get('/broadcasts', await as('alice'))).status, 403);
	assert.equal((await get('/broadcasts/new', await as('payment'))).status, 403);
});

test('a broadcast scheduled for later waits in the outbox until its time, and is cancelled back to a draft', async () => {
	const jar = await login(U('coord'));
	const id = await compose(jar, { community: String(CID), subject: 'Later', body: 'Tomorrow.' });
	const token = await csrf(jar);
	let r = await post(`/broadcasts/${id}/send`, jar, { csrf: token, when: 'later', date: '2001-01-01', time: '10:00' });
	assert.equal(r.status, 422, 'a time in the past');
	r = await post(`/broadcasts/${id}/send`, jar, { csrf: token, when: 'later', date: '2001-01-01', time: '25:00' });
	assert.equal(r.status, 422);
	const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
	r = await post(`/broadcasts/${id}/send`, jar, { csrf: token, when: 'later', date: tomorrow, time: '09:30' });
	assert.equal(r.status, 303, text(r.body).slice(0, 300));
	assert.equal(sql(`SELECT state FROM broadcasts WHERE id = ${id}`)[0][0], 'scheduled');
	const due = sql(`SELECT DISTINCT DATE_FORMAT(due_at, '%Y-%m-%d %H:%i') FROM outbox WHERE broadcast_id = ${id}`);
	assert.deepEqual(due, [[`${tomorrow} 09:30`]]);
	const show = await page(`/broadcasts/${id}`, jar);
	assert.match(mainText(show.body), /to be sent at/);
	assert.equal(show.headers.refresh, undefined, 'nothing to wait for yet');
	r = await post(`/broadcasts/${id}/cancel`, jar, { csrf: token });
	assert.equal(r.status, 303);
	assert.equal(sql(`SELECT state FROM broadcasts WHERE id = ${id}`)[0][0], 'draft');
	assert.equal(sql(`SELECT COUNT(*) FROM outbox WHERE broadcast_id = ${id}`)[0][0], '0');
	assert.equal(audits('broadcast', id, 'broadcast.cancel', 'actor_id').length, 1);
	r = await post(`/broadcasts/${id}/cancel`, jar, { csrf: token });
	assert.equal(r.status, 409, 'a draft has no schedule');
	// A draft is deleted; audited.
	r = await post(`/broadcasts/${id}/delete`, jar, { csrf: token });
	assert.equal(r.status, 422, 'not confirmed');
	r = await post(`/broadcasts/${id}/delete`, jar, { csrf: token, confirm: '1' });
	assert.equal(r.status, 303);
	assert.equal(sql(`SELECT COUNT(*) FROM broadcasts WHERE id = ${id}`)[0][0], '0');
	assert.equal(audits('broadcast', id, 'broadcast.delete', 'actor_id').length, 1);
});

test('the coordinators\' mailing list reaches the coordinators whose scope meets the writer\'s', async () => {
	const jar = await login(U('coord'));
	const form = await page('/broadcasts/coordinators', jar);
	// A community writer cannot write to the whole timebank's list.
	let r = await post('/broadcasts/coordinators', jar, { csrf: getCsrf(form.body), community: '', subject: 'Hi', body: 'All' });
	assert.equal(r.status, 422);
	r = await post('/broadcasts/coordinators', jar, { csrf: getCsrf(form.body), community: String(CID), subject: 'Hi {first_name}', body: 'Meeting.' });
	assert.equal(r.status, 303, text(r.body).slice(0, 300));
	const id = Number(r.location.match(/(\d+)$/)[1]);
	const got = sql(`SELECT m.username FROM outbox o JOIN members m ON m.id = o.member_id
	    WHERE o.broadcast_id = ${id} AND o.kind = 'broadcast.coordinators' ORDER BY m.username`).map((x) => x[0]);
	// Independently: approved holders of a site grant, or of a grant in
	// this community, but the writer.
	const want = sql(`SELECT DISTINCT m.username FROM members m JOIN grants g ON g.member_id = m.id
	    WHERE m.status = 'approved' AND m.username <> '${U('coord')}'
	    AND (g.scope_kind = 'site' OR (g.scope_kind = 'community' AND g.community_id = ${CID}))
	    ORDER BY m.username`).map((x) => x[0]);
	assert.deepEqual(got, want);
	assert.ok(got.includes(U('en')), 'the community\'s support coordinator');
	assert.ok(got.includes('admin') && !got.includes('northcoord') && !got.includes('translator'),
	    'site coordinators, not another community\'s nor a language grant');
	assert.equal(audits('broadcast', id, 'broadcast.coordinators', 'actor_id').length, 1);
	// Of one role only.
	const admin = await as('admin');
	const t = getCsrf((await page('/broadcasts/coordinators', admin)).body);
	r = await post('/broadcasts/coordinators', admin, { csrf: t, community: '', role: 'translator', subject: 'Translators', body: 'Thanks.' });
	assert.equal(r.status, 303);
	const id2 = Number(r.location.match(/(\d+)$/)[1]);
	assert.deepEqual(sql(`SELECT m.username FROM outbox o JOIN members m ON m.id = o.member_id WHERE o.broadcast_id = ${id2}`).map((x) => x[0]), ['translator']);
	// Support coordinators hold broadcast.send, not the coordinators' list.
	assert.equal((await get('/broadcasts/coordinators', await as('support'))).status, 403);
	assert.equal((await get(`/broadcasts/${id2}`, await as('support'))).status, 403);
});

test('every page met above shows text, not phrase keys', () => {
	keys.assertNone();
});
