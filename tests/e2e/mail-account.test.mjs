// The account mails (docs/mail.md, "Account mail"), queued in the
// transaction of the action, in the recipient's language: a new
// application to the coordinators who may approve it (in scope), the
// approval to the member (and a copy to their guardian angel while the
// mode is on), an e-mail change to the old address.  What the stack's
// mailer then delivers is checked in its SMTP sink.

import test from 'node:test';
import assert from 'node:assert/strict';
import { csrfOf, formValues, forms, get, login, memberId, post, sql } from './lib.mjs';
import { decodeQP, decodeWords, mailsFor, signup, until } from './mail-lib.mjs';

const TAG = `ma${process.pid % 100000}${Date.now() % 1000}`;

const outbox = (where) => sql(`SELECT o.kind, COALESCE(m.username, ''), o.to_addr, o.lang, o.subject,
    o.message_id FROM outbox o LEFT JOIN members m ON m.id = o.member_id WHERE ${where} ORDER BY o.id`);

test('a new application is mailed to the coordinators who may approve it, in scope', async () => {
	const inNorth = await signup(`${TAG}n`, 1, '127.0.0.51');
	const inSouth = await signup(`${TAG}s`, 2, '127.0.0.52');
	const to = (id) => outbox(`o.kind = 'account.application' AND o.subject LIKE '%${TAG}%'
	    AND o.body LIKE '%/members/${id}%'`).map((r) => r[1]).sort();
	assert.deepEqual(to(inNorth), ['admin', 'mcoord', 'northcoord'],
	    'member.approve over community 1: the site admin and member coordinators, and north\'s');
	assert.deepEqual(to(inSouth), ['admin', 'mcoord'], 'northcoord does not reach community 2');
	const [row] = outbox(`o.kind = 'account.application' AND o.member_id = ${memberId('northcoord')}
	    AND o.body LIKE '%/members/${inNorth}%'`);
	const [m] = await until(() => mailsFor(row[5]).length && mailsFor(row[5]));
	assert.equal(decodeWords(m.headers.subject), `New application: Applicant ${TAG}n`);
	assert.match(decodeQP(m.body), new RegExp(`/members/${inNorth}\\b`));
});

test('an approval with notify mails the member, and a copy to their angel while the mode is on', async () => {
	const id = await signup(`${TAG}a`, 1, '127.0.0.53');
	const alice = memberId('alice');
	sql(`INSERT INTO guardian_angels (member_id, angel_id) VALUES (${id}, ${alice})`);
	sql(`UPDATE members SET angel_mode = 1 WHERE id = ${id}`);
	sql(`UPDATE members SET lang = 'es' WHERE id = ${alice}`);
	try {
		const jar = await login('mcoord');
		const csrf = await csrfOf(`/members/${id}`, jar);
		const r = await post(`/members/${id}/approve`, jar, {
			csrf, approved_on: new Date().toISOString().slice(0, 10), notify: '1',
		});
		assert.equal(r.status, 303);
		const rows = outbox(`o.kind = 'account.approved' AND (o.member_id = ${id}
		    OR (o.member_id = ${alice} AND o.subject LIKE '%${TAG}%'))`);
		assert.deepEqual(rows.map((x) => [x[1], x[3]]), [[`${TAG}a`, 'en'], ['alice', 'es']]);
		assert.equal(rows[0][4], 'Welcome: your membership is approved');
		assert.ok(rows[1][4].includes(`Applicant ${TAG}a`), rows[1][4]);
		const [copy] = await until(() => mailsFor(rows[1][5]).length && mailsFor(rows[1][5]));
		// The copy is in the angel's language (the demo's Spanish).
		assert.match(decodeQP(copy.body), new RegExp(`ángel de la guarda de Applicant ${TAG}a`));
		assert.equal(copy.headers['delivered-to'], 'alice@example.org');
	} finally {
		sql(`UPDATE members SET lang = 'en' WHERE id = ${alice}`);
		sql(`DELETE FROM guardian_angels WHERE member_id = ${id}`);
	}
});

test('an e-mail change sends a notice to the old address, nothing when it stays', async () => {
	const jar = await login('frank');
	const id = memberId('frank');
	const old = sql(`SELECT email FROM members WHERE id = ${id}`)[0][0];
	const save = async (email) => {
		const page = await get('/me', jar);
		const form = forms(page.body).find((f) => f.action === '/me');
		const r = await post('/me', jar, { ...formValues(form), email });
		assert.equal(r.status, 303);
	};
	const before = outbox(`o.kind = 'account.email_changed'`).length;
	try {
		await save(old);
		assert.equal(outbox(`o.kind = 'account.email_changed'`).length, before, 'no change, no mail');
		await save(`frank.${TAG}@example.org`);
		const rows = outbox(`o.kind = 'account.email_changed'`).slice(before);
		assert.equal(rows.length, 1);
		assert.equal(rows[0][2], old, 'to the old address');
		assert.equal(rows[0][1], '', 'no member: only the address');
		const [m] = await until(() => mailsFor(rows[0][5]).length && mailsFor(rows[0][5]));
		assert.match(decodeQP(m.body), new RegExp(`frank\\.${TAG}@example\\.org`));
	} finally {
		sql(`UPDATE members SET email = '${old}' WHERE id = ${id}`);
	}
});
