// Applications handled to the end (issue 17; docs/site.md "Applications to
// the end"): a coordinator who may approve (member.approve, in scope)
// rejects an application with a reason kept for coordinators and, if they
// choose, a mail to the applicant through the outbox (delivered to the
// stack's SMTP sink); a rejected applicant no longer waits and cannot log
// in, and the address may apply again; a second application with the
// address of one waiting is refused; the dashboard and
// /members/applications list the applications older than
// application_waiting_days, weft-mailer reminds the coordinators once a
// day, and old applications are expired in bulk after a preview.  Every
// allowed action has its refusal: roles without member.approve, a
// coordinator out of scope, a missing csrf.
//
// The fixtures: a throwaway Community Timebank with its member
// coordinator (member.approve there only) and applicants made through the
// public signup form, from client addresses of their own.

import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
	BIN, VAR, as, assertNoBareKeys, audits, csrfOf, formFor, formValues, get, login, loginAttempt,
	mainText, memberId, post, sql, text,
} from './lib.mjs';
import { dropTagged } from './community-lib.mjs';
import { decodeQP, decodeWords, mailsFor, signup, until } from './mail-lib.mjs';

const TAG = `za${process.pid % 100000}`;
const U = (n) => `${TAG}_${n}`;
let CID = 0;
// A client address of its own for each application (the signup throttle
// counts per address, and a slot's stack may keep its counts from a run
// before): 127.X.Y.n, X and Y of this run.
const NET = `127.${20 + (process.pid % 200)}.${Math.floor(Math.random() * 250)}`;
let addr = 10;
const nextAddr = () => `${NET}.${addr++}`;
const pw = (tag) => `A-long-enough-password-${tag}`;

const statusOf = (id) => sql(`SELECT status FROM members WHERE id = ${id}`)[0][0];
const rejection = (id) => sql(`SELECT kind, reason, mailed FROM member_rejections WHERE member_id = ${id}`);
const makeOld = (id, days) => sql(`UPDATE members SET joined_at = UTC_TIMESTAMP() - INTERVAL ${days} DAY WHERE id = ${id}`);

test.before(() => {
	sql(`INSERT INTO communities (name) VALUES ('ZA ${TAG} applications test')`);
	CID = Number(sql(`SELECT id FROM communities WHERE name = 'ZA ${TAG} applications test'`)[0][0]);
	sql(`INSERT INTO members (username, email, name, password_hash, status, community_id, about, approved_at)
	    SELECT '${U('coord')}', '${U('coord')}@example.org', 'Coral Coordinator', password_hash, 'approved',
	    ${CID}, '', UTC_TIMESTAMP() FROM members WHERE username = 'alice'`);
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id)
	    SELECT id, 'member', 'community', ${CID} FROM members WHERE username = '${U('coord')}'`);
});

test.after(() => {
	try {
		const mine = `SELECT id FROM members WHERE username LIKE '${TAG}\\_%'`;
		sql(`UPDATE outbox SET member_id = NULL WHERE member_id IN (${mine})`);
		dropTagged(TAG, CID);
	} catch (e) {
		console.error(`cleanup: ${e.message}`);
	}
});

// The reject form's post, as the profile page offers it.
async function reject(jar, id, form) {
	return post(`/members/${id}/reject`, jar, { csrf: await csrfOf('/me', jar), ...form });
}

test('a coordinator rejects an application with a reason and a mail; it no longer waits and cannot log in', async () => {
	const id = await signup(U('rej'), CID, nextAddr());
	const coord = await login(U('coord'));
	const page = await get(`/members/${id}`, coord);
	assert.equal(page.status, 200);
	assert.ok(formFor(page.body, `/members/${id}/reject`), 'the profile offers the reject form');
	assertNoBareKeys(page.body, 'profile with the reject form');

	// No reason: 422, the form again with its message, nothing changed.
	let r = await reject(coord, id, { reason: '', notify: '1' });
	assert.equal(r.status, 422);
	assert.match(text(r.body), /Reason/);
	assert.ok(/id="reason-error"/.test(r.body), 'a message on the reason field');
	assert.equal(statusOf(id), 'applying');
	assert.equal(audits('member', id, 'member.reject').length, 0);

	r = await reject(coord, id, { reason: 'Lives outside the area we serve', notify: '1' });
	assert.equal(r.status, 303);
	assert.equal(statusOf(id), 'disabled');
	assert.deepEqual(rejection(id), [['rejected', 'Lives outside the area we serve', '1']]);
	const [a] = audits('member', id, 'member.reject');
	assert.ok(a, 'audited');
	assert.match(a[1], /"reason":"Lives outside the area we serve"/);
	assert.match(a[1], /"mail_queued":true/);
	assert.equal(Number(a[2]), memberId(U('coord')));

	// The mail: one outbox row to the applicant, in their language,
	// delivered to the SMTP sink; the reason stays with the coordinators.
	const rows = sql(`SELECT message_id, lang, to_addr FROM outbox WHERE kind = 'account.rejected' AND member_id = ${id}`);
	assert.equal(rows.length, 1, 'one message queued');
	assert.equal(rows[0][1], 'en');
	assert.equal(rows[0][2], `${U('rej')}@example.org`);
	const [m] = await until(() => mailsFor(rows[0][0]).length && mailsFor(rows[0][0]));
	assert.ok(m, 'delivered to the SMTP sink');
	assert.match(decodeWords(m.headers.subject), /Your application to join the timebank/);
	const body = decodeQP(m.body);
	assert.match(body, /has not been accepted/);
	assert.doesNotMatch(body, /outside the area/, 'the reason is not mailed');

	// The profile keeps the reason for who may approve; a coordinator
	// without member.approve (support) does not see it.
	const shown = mainText((await get(`/members/${id}`, coord)).body);
	assert.match(shown, /Application rejected on/);
	assert.match(shown, /Lives outside the area we serve/);
	assert.ok(!formFor((await get(`/members/${id}`, coord)).body, `/members/${id}/reject`), 'no reject form any more');
	assert.doesNotMatch(mainText((await get(`/members/${id}`, await as('support'))).body), /outside the area/);

	// No longer waiting: not in the applying list, not on the dashboard.
	const list = await get(`/members?status=applying&q=${U('rej')}`, await as('mcoord'));
	assert.equal(list.status, 200);
	assert.doesNotMatch(list.body, new RegExp(`href="/members/${id}"`));
	const all = await get(`/members?q=${U('rej')}`, await as('mcoord'));
	assert.match(all.body, new RegExp(`href="/members/${id}"`), 'the member list still has the row');
	assert.doesNotMatch((await get('/members/dashboard', await as('mcoord'))).body, new RegExp(`href="/members/${id}"`));

	// Cannot log in: the right password says why, a wrong one says
	// what it says for anyone (no enumeration).
	const right = await loginAttempt(U('rej'), pw(U('rej')));
	assert.equal(right.res.status, 403);
	assert.match(text(right.res.body), /application to join was not accepted/);
	const wrong = await loginAttempt(U('rej'), 'not-the-password-at-all');
	assert.equal(wrong.res.status, 200);
	assert.match(text(wrong.res.body), /Wrong username or password/);
	assert.doesNotMatch(text(wrong.res.body), /not accepted/);

	// Rejecting twice: 409, nothing more written.
	r = await reject(coord, id, { reason: 'again' });
	assert.equal(r.status, 409);
	assert.equal(audits('member', id, 'member.reject').length, 1);
});

test('reject without a mail queues none; the applicant\'s address may apply again (with a new username)', async () => {
	const id = await signup(U('again'), CID, nextAddr());
	const coord = await login(U('coord'));
	assert.equal((await reject(coord, id, { reason: 'Incomplete' })).status, 303);
	assert.deepEqual(rejection(id), [['rejected', 'Incomplete', '0']]);
	assert.equal(sql(`SELECT COUNT(*) FROM outbox WHERE kind = 'account.rejected' AND member_id = ${id}`)[0][0], '0');
	assert.match(audits('member', id, 'member.reject')[0][1], /"mail_queued":false/);

	const email = `${U('again')}@example.org`;
	// The old username stays the rejected application's.
	const same = await signup(U('again'), CID, nextAddr(), U('again'), { email, expect: true });
	assert.equal(same.status, 422);
	assert.match(text(same.body), /username is taken|already taken|in use/i);
	// The address is free again: a new application with it waits.
	const id2 = await signup(U('again2'), CID, nextAddr(), U('again2'), { email });
	assert.notEqual(id2, id);
	assert.equal(statusOf(id2), 'applying');
	assert.deepEqual(sql(`SELECT email FROM members WHERE id = ${id2}`), [[email]]);
	assert.equal(statusOf(id), 'disabled', 'the old row is kept, with its reason');
	assert.deepEqual(rejection(id2), []);
});

test('the rejection\'s mail is in the language the applicant applied in', async () => {
	const id = await signup(U('es'), CID, nextAddr(), U('es'), { headers: { 'Accept-Language': 'es-ES,es;q=0.9' } });
	assert.deepEqual(sql(`SELECT lang FROM members WHERE id = ${id}`), [['es']], 'the application keeps its language');
	assert.equal((await reject(await login(U('coord')), id, { reason: 'Duplicate of another', notify: '1' })).status, 303);
	const rows = sql(`SELECT message_id, lang FROM outbox WHERE kind = 'account.rejected' AND member_id = ${id}`);
	assert.equal(rows.length, 1);
	assert.equal(rows[0][1], 'es');
	const [m] = await until(() => mailsFor(rows[0][0]).length && mailsFor(rows[0][0]));
	assert.ok(m, 'delivered');
	assert.equal(decodeWords(m.headers.subject), 'Tu solicitud para unirte al banco de tiempo');
	assert.match(decodeQP(m.body), /no se ha aceptado/);
});

test('a second application with the address of one waiting is refused, and says one is waiting', async () => {
	const id = await signup(U('dup'), CID, nextAddr());
	const email = `${U('dup')}@example.org`;
	const r = await signup(U('dup2'), CID, nextAddr(), U('dup2'), { email, expect: true });
	assert.equal(r.status, 422);
	assert.match(text(r.body), /An application with this e-mail address is already/);
	assert.deepEqual(sql(`SELECT id FROM members WHERE email = '${email}'`), [[String(id)]], 'no second row');
	// The case of the address does not matter.
	const upper = await signup(U('dup3'), CID, nextAddr(), U('dup3'), { email: email.toUpperCase(), expect: true });
	assert.equal(upper.status, 422);
});

test('refused: roles without member.approve, a coordinator out of scope, a post without csrf', async () => {
	const id = await signup(U('keep'), CID, nextAddr());
	for (const who of ['support', 'outreach', 'payment', 'translator', 'alice']) {
		const jar = await as(who);
		assert.equal((await reject(jar, id, { reason: 'no' })).status, 403, `${who} may not reject`);
		assert.equal((await get('/members/applications', jar)).status, 403, `${who}: no applications page`);
		assert.equal((await post('/members/applications/expire', jar, { csrf: await csrfOf('/me', jar), days: '1' })).status,
		    403, `${who}: no expiry`);
		assert.equal((await post('/members/applications/expire/apply', jar,
		    { csrf: await csrfOf('/me', jar), days: '1', ids: String(id) })).status, 403, `${who}: no expiry`);
	}
	// northcoord approves in community 1 only: this one is not theirs
	// (rule 2), and the profile is not theirs to see either.
	assert.equal((await reject(await as('northcoord'), id, { reason: 'no' })).status, 403);
	// Without the csrf token.
	const coord = await login(U('coord'));
	assert.equal((await post(`/members/${id}/reject`, coord, { reason: 'no' })).status, 403);
	assert.equal((await post('/members/applications/expire', coord, { days: '1' })).status, 403);
	assert.equal(statusOf(id), 'applying', 'nothing changed');
	assert.equal(audits('member', id, 'member.reject').length, 0);
});

test('the dashboard and /members/applications list the applications waiting longer than the setting', async () => {
	const late = await signup(U('late'), CID, nextAddr());
	const fresh = await signup(U('fresh'), CID, nextAddr());
	makeOld(late, 30);	// application_waiting_days: 14 by default
	const mc = await as('mcoord');
	const dash = await get('/members/dashboard', mc);
	assert.equal(dash.status, 200);
	assertNoBareKeys(dash.body, 'dashboard');
	const lateList = (html) => (html.match(/<ol id="late-applications">([\s\S]*?)<\/ol>/) || ['', ''])[1];
	const dl = text(lateList(dash.body));
	// The dashboard shows the oldest ten: ours is among the late ones
	// unless ten older are waiting.
	const count = Number((dash.body.match(/<strong id="late-count">(\d+)<\/strong>/) || [])[1]);
	assert.ok(count >= 1, 'counted as late');
	if (count <= 10)
		assert.match(dl, new RegExp(U('late')));
	assert.doesNotMatch(dl, new RegExp(U('fresh')));

	const coord = await login(U('coord'));
	const page = await get('/members/applications', coord);
	assert.equal(page.status, 200);
	assertNoBareKeys(page.body, 'applications');
	const pl = text(lateList(page.body));
	assert.match(pl, new RegExp(U('late')));
	assert.match(pl, /waiting 30 days/);
	assert.doesNotMatch(pl, new RegExp(U('fresh')));
	assert.ok(formFor(page.body, '/members/applications/expire'), 'the expiry form');
	// Out of scope: northcoord (community 1) does not see ours.
	const north = await get('/members/applications', await as('northcoord'));
	assert.equal(north.status, 200);
	assert.doesNotMatch(text(lateList(north.body)), new RegExp(U('late')));
	assert.equal(statusOf(fresh), 'applying');
});

const runJob = () => execFileSync(`${BIN}/weft-mailer`, ['-c', `${VAR}/weft.conf`, '--job', 'application_reminder'],
    { encoding: 'utf8', timeout: 30000 });

test('the daily reminder goes once a day to the coordinators who may approve, listing the late applications in their scope', async () => {
	const late = await signup(U('rlate'), CID, nextAddr());
	await signup(U('rfresh'), CID, nextAddr());
	const gone = await signup(U('rgone'), CID, nextAddr());
	makeOld(late, 20);
	makeOld(gone, 25);
	const cid = memberId(U('coord'));
	// A late application rejected no longer waits: no reminder of it.
	assert.equal((await reject(await login(U('coord')), gone, { reason: 'Moved away' })).status, 303);
	// A mark the stack's own mailer may have written today, before our
	// application was late, goes.
	sql(`DELETE FROM application_reminders WHERE member_id = ${cid}`);
	sql(`DELETE FROM outbox WHERE kind = 'account.application_reminder' AND member_id = ${cid}`);
	runJob();
	runJob();
	const rows = sql(`SELECT message_id FROM outbox WHERE kind = 'account.application_reminder' AND member_id = ${cid}`);
	assert.equal(rows.length, 1, 'one reminder queued, however often the job runs');
	const n = Number(sql(`SELECT applications FROM application_reminders WHERE member_id = ${cid} AND day = UTC_DATE()`)[0][0]);
	assert.ok(n >= 1);
	const [m] = await until(() => mailsFor(rows[0][0]).length && mailsFor(rows[0][0]));
	assert.ok(m, 'delivered to the SMTP sink');
	assert.match(decodeWords(m.headers.subject), /^Applications waiting more than 14 days: \d+$/);
	const body = decodeQP(m.body);
	assert.match(body, new RegExp(`Applicant ${U('rlate')} \\(${U('rlate')}\\), waiting 20 days`));
	assert.match(body, new RegExp(`/members/${late}\\b`));
	assert.doesNotMatch(body, new RegExp(U('rfresh')), 'not the ones still in time');
	assert.doesNotMatch(body, new RegExp(U('rgone')), 'not a rejected one');
	// A plain member gets none; a coordinator without member.approve
	// neither.
	for (const who of ['alice', 'support'])
		assert.equal(sql(`SELECT COUNT(*) FROM outbox WHERE kind = 'account.application_reminder'
		    AND member_id = ${memberId(who)}`)[0][0], '0', who);
	runJob();
	assert.equal(sql(`SELECT COUNT(*) FROM outbox WHERE kind = 'account.application_reminder' AND member_id = ${cid}`)[0][0], '1');
});

// id -> verdict of a bulk preview or result.
function verdicts(html) {
	const out = {};
	for (const m of html.matchAll(/<tr data-id="(\d+)" data-verdict="(\w+)">([\s\S]*?)<\/tr>/g))
		out[m[1]] = { verdict: m[2], text: text(m[3]) };
	return out;
}

test('bulk expiry: the preview lists who will be expired and changes nothing; the confirmation expires them, audited each', async () => {
	const old1 = await signup(U('old1'), CID, nextAddr());
	const old2 = await signup(U('old2'), CID, nextAddr());
	const young = await signup(U('young'), CID, nextAddr());
	// Older than any other application of the stack: the preview of
	// "older than 3600 days" is ours only, in the coordinator's scope.
	makeOld(old1, 4000);
	makeOld(old2, 3900);
	makeOld(young, 100);
	const coord = await login(U('coord'));
	const csrf = await csrfOf('/members/applications', coord);

	// A wrong age: 422, the page again with its message.
	let r = await post('/members/applications/expire', coord, { csrf, days: '0' });
	assert.equal(r.status, 422);
	assert.ok(/id="days-error"/.test(r.body));

	const preview = await post('/members/applications/expire', coord, { csrf, days: '3600' });
	assert.equal(preview.status, 200, text(preview.body).slice(0, 300));
	assertNoBareKeys(preview.body, 'expiry preview');
	const v = verdicts(preview.body);
	assert.deepEqual(Object.keys(v).sort(), [String(old1), String(old2)].sort());
	assert.equal(v[old1].verdict, 'change');
	assert.match(text(preview.body), /waited more than 3600 days/);
	assert.equal(statusOf(old1), 'applying', 'the preview changed nothing');
	assert.equal(audits('member', old1, 'member.expire').length, 0);

	// The confirm form posts the preview's ids; one more id slipped in
	// (an application too young) is refused on its own.
	const confirm = formFor(preview.body, '/members/applications/expire/apply');
	assert.ok(confirm, 'a confirm form');
	const fv = formValues(confirm);
	assert.equal(fv.days, '3600');
	const result = await post('/members/applications/expire/apply', coord, { ...fv, ids: `${fv.ids},${young}` });
	assert.equal(result.status, 200);
	const rv = verdicts(result.body);
	assert.equal(rv[old1].verdict, 'change');
	assert.equal(rv[old2].verdict, 'change');
	assert.equal(rv[young].verdict, 'refused');
	assert.match(rv[young].text, /not that old/);
	for (const id of [old1, old2]) {
		assert.equal(statusOf(id), 'disabled');
		assert.deepEqual(rejection(id), [['expired', '', '0']]);
		const a = audits('member', id, 'member.expire');
		assert.equal(a.length, 1, 'one audit row per member');
		assert.match(a[0][1], /"expired":true,"older_than_days":3600/);
	}
	assert.equal(statusOf(young), 'applying');
	// The expired cannot log in, and are told why.
	const li = await loginAttempt(U('old1'), pw(U('old1')));
	assert.equal(li.res.status, 403);
	assert.match(text(li.res.body), /not accepted/);
	// The profile says the application expired.
	assert.match(mainText((await get(`/members/${old1}`, coord)).body), /Application expired on/);

	// A confirmation without ids: 422, nothing changed.
	assert.equal((await post('/members/applications/expire/apply', coord, { csrf, days: '3600' })).status, 422);

	// Again: nothing left to expire.
	const again = await post('/members/applications/expire', coord, { csrf, days: '3600' });
	assert.equal(again.status, 200);
	assert.deepEqual(verdicts(again.body), {});
	assert.ok(!formFor(again.body, '/members/applications/expire/apply'), 'nothing to confirm');
});

test('bulk expiry out of scope: a coordinator\'s confirmation cannot reach another community\'s application', async () => {
	const other = await signup(U('other'), 2, nextAddr());
	makeOld(other, 4000);
	const coord = await login(U('coord'));
	const csrf = await csrfOf('/members/applications', coord);
	const preview = await post('/members/applications/expire', coord, { csrf, days: '3600' });
	assert.ok(!(String(other) in verdicts(preview.body)), 'not in the preview');
	const r = await post('/members/applications/expire/apply', coord, { csrf, days: '3600', ids: String(other) });
	assert.equal(r.status, 200);
	assert.equal(verdicts(r.body)[other].verdict, 'refused');
	assert.doesNotMatch(text(r.body), new RegExp(U('other')), 'no name shown');
	assert.equal(statusOf(other), 'applying');
	// Whoever may approve there (mcoord, site) may.
	const mc = await as('mcoord');
	const ok = await post('/members/applications/expire/apply', mc, { csrf: await csrfOf('/me', mc), days: '3600', ids: String(other) });
	assert.equal(verdicts(ok.body)[other].verdict, 'change');
	assert.equal(statusOf(other), 'disabled');
});
