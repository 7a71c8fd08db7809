// The From of mail from the site's settings (docs/site.md, docs/mail.md):
// weft-mailer, a daemon without sessions, reads mail_from_address and
// mail_from_name (else the timebank's name, else weft.conf's mail_from)
// when it sends, so a change on /site is on the very next message,
// without a restart.  Against the stack's SMTP sink (mail-lib.mjs).
// Every setting changed here is put back at the end.

import test from 'node:test';
import assert from 'node:assert/strict';
import { as, conf, formFor, formValues, get, post, text } from './lib.mjs';
import { setting } from './exchanges-lib.mjs';
import { decodeWords, mailsFor, queueRow, settled, until } from './mail-lib.mjs';

const clip = (s) => String(s).slice(0, 300);
const NAMES = ['mail_from_address', 'mail_from_name', 'site_name'];

async function save(jar, changes) {
	const r = await get('/site', jar);
	assert.equal(r.status, 200);
	const values = formValues(formFor(r.body, '/site'));
	const s = await post('/site', jar, { ...values, ...changes });
	assert.equal(s.status, 303, clip(text(s.body)));
}

// One message through the mailer: its From header and envelope sender.
async function send(subject) {
	const { id, messageId } = queueRow({ kind: 'test.from', to: 'zoe@example.org', subject,
	    body: 'Hello' });
	assert.equal((await settled(id)).state, 'sent');
	const [m] = await until(() => mailsFor(messageId).length && mailsFor(messageId));
	return { from: decodeWords(m.headers.from), sender: m.headers['return-path'] };
}

test('a From changed on /site is on the next message the mailer sends, without a restart', async () => {
	const saved = Object.fromEntries(NAMES.map((n) => [n, setting(n)]));
	const admin = await as('admin');
	const conf0 = conf().mail_from || 'weft <weft@localhost>';
	const confAddr = conf0.match(/<([^>]+)>/)?.[1] ?? conf0;
	try {
		await save(admin, { mail_from_address: '', mail_from_name: '', site_name: '' });
		let m = await send('Before');
		assert.equal(m.sender, `<${confAddr}>`, "weft.conf's mail_from when none is set");
		await save(admin, { mail_from_address: 'hello@timebank.example', mail_from_name: 'Ñandú Time Bank' });
		m = await send('After');
		assert.equal(m.from, 'Ñandú Time Bank <hello@timebank.example>');
		assert.equal(m.sender, '<hello@timebank.example>', 'the envelope sender too');
		// No name of its own: the timebank's name.
		await save(admin, { mail_from_name: '', site_name: 'Riverside Hours' });
		m = await send('Named');
		assert.equal(m.from, 'Riverside Hours <hello@timebank.example>');
		// No address of its own: weft.conf's, with the name set.
		await save(admin, { mail_from_address: '', mail_from_name: 'Desk' });
		m = await send('Back');
		assert.equal(m.from, `Desk <${confAddr}>`);
		assert.equal(m.sender, `<${confAddr}>`);
	} finally {
		for (const [n, v] of Object.entries(saved))
			setting(n, v);
	}
});
