// weft-mailer against the stack's own SMTP sink (tools/weft-smtp-sink,
// VARDIR/mail): what the sink received for rows queued the way pages and
// broadcasts queue them.  The outages, kill -9 and the 10,000-row run are
// zz-mail.serial.test.mjs.

import test from 'node:test';
import assert from 'node:assert/strict';
import { conf, memberId, sql } from './lib.mjs';
import {
	decodeQP, decodeWords, mailsFor, queueRow, rowState, settled, until,
} from './mail-lib.mjs';

test('an account message arrives as UTF-8 MIME with encoded headers, its Message-ID and the From', async () => {
	const subject = 'Bienvenida, Zoë — tu cuenta está aprobada';
	const body = 'Hola Zoë,\n\ntu cuenta está aprobada: 1,5 h de bienvenida.\n.a line with a dot\n'
	    + 'x'.repeat(200) + '\n';
	const { id, messageId } = queueRow({ kind: 'account.approved', to: 'zoe@example.org',
	    name: 'Zoë Ñandú', subject, body });
	const s = await settled(id);
	assert.equal(s.state, 'sent', JSON.stringify(s));
	const got = await until(() => mailsFor(messageId).length && mailsFor(messageId));
	assert.equal(got.length, 1, 'delivered once');
	const m = got[0];
	assert.equal(m.headers['delivered-to'], 'zoe@example.org');
	assert.match(m.headers.subject, /^=\?UTF-8\?B\?/, 'a non-ASCII subject is encoded');
	assert.equal(decodeWords(m.headers.subject), subject);
	assert.equal(decodeWords(m.headers.to), 'Zoë Ñandú <zoe@example.org>');
	const from = conf().mail_from || 'weft <weft@localhost>';
	assert.ok(m.headers.from.endsWith(`<${from.match(/<([^>]+)>/)?.[1] ?? from}>`), m.headers.from);
	assert.match(m.headers.date, /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0000$/);
	assert.equal(m.headers['mime-version'], '1.0');
	assert.match(m.headers['content-type'], /text\/plain; charset=UTF-8/i);
	assert.equal(m.headers['content-transfer-encoding'], 'quoted-printable');
	assert.equal(m.headers['auto-submitted'], 'auto-generated');
	assert.equal(m.headers['list-unsubscribe'], undefined, 'no unsubscribe on account mail');
	for (const line of m.body.split('\r\n'))
		assert.ok(line.length <= 76, `a body line of ${line.length} characters`);
	assert.equal(decodeQP(m.body).replace(/\r\n/g, '\n'), body);
});

test('a list message carries List-Unsubscribe with a signed one-click token; an opted-out member is skipped', async () => {
	const bob = memberId('bob');
	const carol = memberId('carol');
	sql(`UPDATE members SET optout = 0 WHERE id = ${bob}`);
	sql(`UPDATE members SET optout = 1 WHERE id = ${carol}`);
	try {
		const a = queueRow({ kind: 'broadcast', member: bob, to: 'bob@example.org', list: 1,
		    subject: 'News', body: 'Hello Bob' });
		const b = queueRow({ kind: 'broadcast', member: carol, to: 'carol@example.org', list: 1,
		    subject: 'News', body: 'Hello Carol' });
		assert.equal((await settled(a.id)).state, 'sent');
		assert.deepEqual(await settled(b.id), { state: 'skipped', reason: 'opted_out', attempts: 0 });
		const [m] = await until(() => mailsFor(a.messageId).length && mailsFor(a.messageId));
		const site = conf().site_url;
		const lu = m.headers['list-unsubscribe'];
		const url = lu.match(/^<([^>]+)>/)[1];
		assert.ok(url.startsWith(`${site}/unsubscribe/${bob}-`), lu);
		assert.match(url, /\/unsubscribe\/\d+-[A-Za-z0-9_-]{43}$/);
		assert.equal(m.headers['list-unsubscribe-post'], 'List-Unsubscribe=One-Click');
		assert.equal(m.headers['auto-submitted'], undefined);
		assert.equal(mailsFor(b.messageId).length, 0, 'nothing reached the opted-out member');
	} finally {
		sql(`UPDATE members SET optout = 0 WHERE id = ${carol}`);
	}
});

test('a 5xx is failed with the answer, a 4xx deferred with a retry, a bad address skipped', async () => {
	const rej = queueRow({ to: 'reject-me@example.org', subject: 's', body: 'b' });
	const tmp = queueRow({ to: 'tempfail-me@example.org', subject: 's', body: 'b' });
	const bad = queueRow({ to: 'not an address', subject: 's', body: 'b' });
	const none = queueRow({ to: 'x@example.org', subject: null, body: null });
	const r = await settled(rej.id);
	assert.equal(r.state, 'failed');
	assert.match(r.reason, /^550 /);
	const t = await settled(tmp.id, { deferredCounts: true });
	assert.equal(t.state, 'deferred');
	assert.match(t.reason, /^451 /);
	assert.equal(t.attempts, 1);
	const due = Number(sql(`SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(6), due_at)
	    FROM outbox WHERE id = ${tmp.id}`)[0][0]);
	assert.ok(due > 0, `retried later (${due} s)`);
	assert.deepEqual(await settled(bad.id), { state: 'skipped', reason: 'invalid_address', attempts: 0 });
	assert.equal((await settled(none.id)).state, 'failed');
	// The deferred one is not left to retry against the sink all day.
	sql(`UPDATE outbox SET state = 'failed' WHERE id = ${tmp.id}`);
	assert.equal(rowState(tmp.id).state, 'failed');
});
