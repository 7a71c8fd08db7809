// Unsubscribing (docs/mail.md, docs/authorization.md "Routes without a
// CSRF token"): the link of a broadcast's List-Unsubscribe header shows a
// confirmation page to anyone holding it; its one-click POST (RFC 8058),
// with no cookie and no CSRF token, sets the member's opt-out; both are
// audited; a forged or unknown token is a 404 and changes nothing.  On
// /me a member sees and changes their own choice.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	audits, csrfOf, get, login, mainText, memberId, post, request, sql,
} from './lib.mjs';
import { mailsFor, queueRow, settled, unsubscribeToken, until } from './mail-lib.mjs';

const optout = (id) => Number(sql(`SELECT optout FROM members WHERE id = ${id}`)[0][0]);

test('the link of a sent broadcast: a page, then one click with no cookie and no CSRF token', async () => {
	const dave = memberId('dave');
	sql(`UPDATE members SET optout = 0 WHERE id = ${dave}`);
	try {
		const row = queueRow({ kind: 'broadcast', member: dave, to: 'dave@example.org', list: 1,
		    subject: 'News', body: 'Hello' });
		assert.equal((await settled(row.id)).state, 'sent');
		const [m] = await until(() => mailsFor(row.messageId).length && mailsFor(row.messageId));
		const url = new URL(m.headers['list-unsubscribe'].match(/^<([^>]+)>/)[1]);
		assert.equal(url.pathname, `/unsubscribe/${await unsubscribeToken(dave)}`);

		const page = await get(url.pathname);
		assert.equal(page.status, 200);
		assert.match(mainText(page.body), /stop receiving the mailings/i);
		assert.match(page.body, new RegExp(`<form method="post" action="${url.pathname}">`));
		assert.equal(optout(dave), 0, 'a GET changes nothing');
		assert.equal(audits('member', dave, 'mail.unsubscribe_page').length >= 1, true, 'the visit is audited');

		// As a mail program sends it: the one field, nothing else.
		const before = audits('member', dave, 'member.optout').length;
		const r = await request(url.pathname, { method: 'POST', form: { 'List-Unsubscribe': 'One-Click' } });
		assert.equal(r.status, 200);
		assert.match(mainText(r.body), /You are unsubscribed/);
		assert.equal(optout(dave), 1);
		const a = audits('member', dave, 'member.optout');
		assert.equal(a.length, before + 1);
		assert.deepEqual(JSON.parse(a.at(-1)[1]), { optout: true, via: 'unsubscribe' });
		assert.equal(a.at(-1)[2], 'NULL', 'no one logged in did it');

		// Twice is fine, and says so.
		const again = await request(url.pathname, { method: 'POST', form: { 'List-Unsubscribe': 'One-Click' } });
		assert.equal(again.status, 200);
		assert.match(mainText(again.body), /already unsubscribed/);

		// The next broadcast to dave is skipped.
		const next = queueRow({ kind: 'broadcast', member: dave, to: 'dave@example.org', list: 1,
		    subject: 'More', body: 'Hello' });
		assert.deepEqual(await settled(next.id), { state: 'skipped', reason: 'opted_out', attempts: 0 });
	} finally {
		sql(`UPDATE members SET optout = 0 WHERE id = ${dave}`);
	}
});

test('a forged, changed or unknown token is a 404, and changes nothing', async () => {
	const dave = memberId('dave');
	const good = await unsubscribeToken(dave);
	const forged = [
		`${dave}-${'A'.repeat(43)}`,
		`${dave + 1}${good.slice(String(dave).length)}`,
		good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A'),
		`999999999-${(await unsubscribeToken(999999999)).split('-').slice(1).join('-')}`,
		'x', '0-abc',
	];
	for (const t of forged) {
		assert.equal((await get(`/unsubscribe/${t}`)).status, 404, `GET ${t}`);
		const r = await request(`/unsubscribe/${t}`, { method: 'POST', form: { 'List-Unsubscribe': 'One-Click' } });
		assert.equal(r.status, 404, `POST ${t}`);
	}
	assert.equal(optout(dave), 0);
	assert.equal(optout(dave + 1), 0);
});

test('every other POST still needs its CSRF token', async () => {
	const jar = await login('dave');
	const r = await post('/me/mailings', jar, { optout: '1' });
	assert.equal(r.status, 403);
	assert.equal(optout(memberId('dave')), 0);
});

test('on /me a member stops the mailings and receives them again', async () => {
	const erin = memberId('erin');
	sql(`UPDATE members SET optout = 0 WHERE id = ${erin}`);
	try {
		const jar = await login('erin');
		const me = await get('/me', jar);
		assert.match(mainText(me.body), /You receive the timebank's mailings/);
		const csrf = await csrfOf('/me', jar);
		let r = await post('/me/mailings', jar, { csrf, optout: '1' });
		assert.equal(r.status, 303);
		assert.equal(optout(erin), 1);
		assert.match(mainText((await get('/me', jar)).body), /You do not receive the timebank's mailings/);
		r = await post('/me/mailings', jar, { csrf, optout: '0' });
		assert.equal(r.status, 303);
		assert.equal(optout(erin), 0);
		const a = audits('member', erin, 'member.optout').slice(-2).map((x) => JSON.parse(x[1]));
		assert.deepEqual(a, [{ optout: true, via: 'profile' }, { optout: false, via: 'profile' }]);
		assert.equal((await post('/me/mailings', jar, { csrf, optout: '2' })).status, 400);
	} finally {
		sql(`UPDATE members SET optout = 0 WHERE id = ${erin}`);
	}
});
