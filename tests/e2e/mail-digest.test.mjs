// The daily digest of new applications (docs/mail.md, "Account mail";
// cgi-bin/weft-mailer/digest.c): a coordinator who may approve chooses it
// on /me; a new application is then not mailed to them one by one (others
// still get theirs); weft-mailer's job, run twice, queues one digest for
// the day listing both of the day's applications in their scope, and the
// stack's mailer delivers exactly one message to the SMTP sink.  The
// fixtures: a throwaway Community Timebank with its member coordinator.

import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BIN, VAR, audits, csrfOf, get, login, memberId, post, sql, text } from './lib.mjs';
import { dropTagged } from './community-lib.mjs';
import { decodeQP, decodeWords, emlFiles, mailsFor, parseEml, signup, until } from './mail-lib.mjs';
import { readFileSync } from 'node:fs';

const TAG = `zd${process.pid % 100000}`;
const U = (n) => `${TAG}_${n}`;
let CID = 0;

test.before(() => {
	sql(`INSERT INTO communities (name) VALUES ('ZD ${TAG} digest test')`);
	CID = Number(sql(`SELECT id FROM communities WHERE name = 'ZD ${TAG} digest test'`)[0][0]);
	sql(`INSERT INTO members (username, email, name, password_hash, status, community_id, about, approved_at)
	    SELECT '${U('coord')}', '${U('coord')}@example.org', 'Dora Digest', password_hash, 'approved',
	    ${CID}, '', UTC_TIMESTAMP() FROM members WHERE username = 'alice'`);
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id)
	    SELECT id, 'member', 'community', ${CID} FROM members WHERE username = '${U('coord')}'`);
});

test.after(() => {
	try {
		const mine = `SELECT id FROM members WHERE username LIKE '${TAG}\\_%'`;
		sql(`DELETE FROM application_digests WHERE member_id IN (${mine})`);
		sql(`UPDATE outbox SET member_id = NULL WHERE member_id IN (${mine})`);
		dropTagged(TAG, CID);
	} catch (e) {
		console.error(`cleanup: ${e.message}`);
	}
});

const runJob = () => execFileSync(`${BIN}/weft-mailer`, ['-c', `${VAR}/weft.conf`, '--job', 'application_digest'],
    { encoding: 'utf8', timeout: 30000 });

test('a coordinator who chose the digest gets one message a day listing the applications, however often the job runs', async () => {
	const coord = await login(U('coord'));
	let me = await get('/me', coord);
	assert.match(text(me.body), /You receive a message for each new application/);
	let r = await post('/me/mailings', coord, { csrf: await csrfOf('/me', coord), digest: '1' });
	assert.equal(r.status, 303);
	const cid = memberId(U('coord'));
	assert.equal(audits('member', cid, 'member.application_digest', 'actor_id').length, 1, 'audited');
	me = await get('/me', coord);
	assert.match(text(me.body), /one message a day/);
	// A plain member is offered no such choice, and may not make it.
	const alice = await login('alice');
	assert.doesNotMatch(text((await get('/me', alice)).body), /daily digest/);
	assert.equal((await post('/me/mailings', alice, { csrf: await csrfOf('/me', alice), digest: '1' })).status, 403);

	const one = await signup(U('a1'), CID, '127.0.0.61');
	const two = await signup(U('a2'), CID, '127.0.0.62');
	const notices = (id) => sql(`SELECT COALESCE(m.username, '') FROM outbox o LEFT JOIN members m ON m.id = o.member_id
	    WHERE o.kind = 'account.application' AND o.body LIKE '%/members/${id}%' ORDER BY 1`).map((x) => x[0]);
	assert.deepEqual(notices(one), ['admin', 'mcoord'], 'not one by one to who chose the digest; the others as before');
	// The applications were made "yesterday" (UTC): the day the job's
	// digest lists.  A mark the stack's own mailer may have written for
	// that day before the applications were moved there is dropped.
	sql(`UPDATE members SET joined_at = UTC_DATE() - INTERVAL 1 DAY + INTERVAL 12 HOUR WHERE id IN (${one}, ${two})`);
	sql(`DELETE FROM application_digests WHERE member_id = ${cid} AND applications = 0`);

	runJob();
	runJob();
	const rows = sql(`SELECT o.message_id, o.lang FROM outbox o WHERE o.kind = 'account.application_digest' AND o.member_id = ${cid}`);
	assert.equal(rows.length, 1, 'one digest queued');
	assert.deepEqual(sql(`SELECT applications FROM application_digests WHERE member_id = ${cid}`), [['2']]);
	const [m] = await until(() => mailsFor(rows[0][0]).length && mailsFor(rows[0][0]));
	assert.ok(m, 'delivered to the SMTP sink');
	const body = decodeQP(m.body);
	assert.match(decodeWords(m.headers.subject), /^New applications of \d{4}-\d\d-\d\d: 2$/);
	assert.match(body, new RegExp(`Applicant ${U('a1')} \\(${U('a1')}\\)`));
	assert.match(body, new RegExp(`Applicant ${U('a2')} \\(${U('a2')}\\)`));
	assert.match(body, new RegExp(`/members/${one}\\b`));
	assert.match(body, new RegExp(`/members/${two}\\b`));
	assert.match(body, new RegExp(`ZD ${TAG} digest test`));
	// Exactly one message reached the coordinator's address.
	const toCoord = emlFiles().map((f) => parseEml(readFileSync(f, 'latin1')))
	    .filter((x) => (x.headers['delivered-to'] || '').includes(`${U('coord')}@example.org`));
	assert.equal(toCoord.length, 1, 'one message in the sink');
	runJob();
	assert.equal(sql(`SELECT COUNT(*) FROM outbox WHERE kind = 'account.application_digest' AND member_id = ${cid}`)[0][0], '1');
});
