// The profile's first lines (issue 18): membership status, balance,
// latest exchange and last log-in, the balance and the exchange only for
// those who may see a member's activity (member.activity); values in
// words (a language by its name, not its tag); the actions that take
// access away (set back to applying, disable) in a panel of their own.

import test from 'node:test';
import assert from 'node:assert/strict';
import { BareKeys, as, formFor, get, memberId, sql, text } from './lib.mjs';

const keys = new BareKeys();

// The glance's [dt, dd] pairs.
function glance(html) {
	const m = html.match(/<dl class="glance[^"]*">([\s\S]*?)<\/dl>/);
	if (!m)
		return null;
	return Object.fromEntries([...m[1].matchAll(/<dt>([\s\S]*?)<\/dt><dd[^>]*>([\s\S]*?)<\/dd>/g)]
	    .map((x) => [text(x[1]), text(x[2])]));
}

const hours = (h) => `${(Number(h) / 100).toFixed(2)} hours`;

test('the glance: status, the balance and the latest exchange from the ledger, the last log-in', async () => {
	const id = memberId('alice');
	const bal = sql(`SELECT COALESCE((SELECT hundredths FROM balances WHERE member_id = ${id}), 0)`)[0][0];
	const last = sql(`SELECT MAX(service_date) FROM exchanges WHERE provider_id = ${id} OR recipient_id = ${id}`)[0][0];
	const r = await get(`/members/${id}`, await as('mcoord'));
	assert.equal(r.status, 200);
	keys.check(r.body, 'profile');
	const g = glance(r.body);
	assert.ok(g, 'the profile starts with its glance');
	assert.equal(g['Membership status'], 'Approved');
	assert.equal(g.Balance, hours(bal));
	assert.equal(g['Latest exchange'], last);
	assert.match(g['Last log-in'], /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
	assert.ok(r.body.indexOf('class="glance') < r.body.indexOf('class="profile"'), 'before the details');
});

test('a member without exchanges: 0.00 hours, none yet', async () => {
	const id = memberId('applicant1');
	assert.equal(sql(`SELECT COUNT(*) FROM exchanges WHERE provider_id = ${id} OR recipient_id = ${id}`)[0][0], '0');
	const g = glance((await get(`/members/${id}`, await as('admin'))).body);
	assert.equal(g['Membership status'], 'Applying (awaiting approval)');
	assert.equal(g.Balance, '0.00 hours');
	assert.equal(g['Latest exchange'], 'None yet');
});

test('without member.activity, no balance: the payment coordinator\'s narrow view has no glance', async () => {
	const id = memberId('alice');
	const r = await get(`/members/${id}`, await as('payment'));
	assert.equal(r.status, 200);
	assert.equal(glance(r.body), null);
	assert.doesNotMatch(text(r.body), /Balance|Latest exchange/);
});

test('the language by its name, a tag the timebank lacks as it is', async () => {
	const es = memberId('translator');
	assert.match((await get(`/members/${es}`, await as('admin'))).body, /<dt>Language<\/dt><dd>Español<\/dd>/);
	const en = memberId('alice');
	assert.match((await get(`/members/${en}`, await as('admin'))).body, /<dt>Language<\/dt><dd>English<\/dd>/);
});

test('set back to applying and disable sit in the access panel, apart from the membership panel', async () => {
	const id = memberId('bob');
	const r = await get(`/members/${id}`, await as('admin'));
	const access = (r.body.match(/<section class="panel danger" aria-labelledby="access-panel-title">[\s\S]*?<\/section>/) || [''])[0];
	const status = (r.body.match(/<section class="panel" aria-labelledby="status-panel-title">[\s\S]*?<\/section>/) || [''])[0];
	assert.ok(formFor(access, `/members/${id}/unapprove`) && formFor(access, `/members/${id}/disable`),
	    'both in the access panel');
	assert.ok(!formFor(status, `/members/${id}/disable`) && formFor(status, `/members/${id}/optout`),
	    'the membership panel keeps the everyday forms');
	assert.match(access, /class="danger"/);
	// support may do neither: no access panel at all.
	assert.doesNotMatch((await get(`/members/${id}`, await as('support'))).body, /access-panel-title/);
});

test('the pages above show text, not phrase keys', () => {
	keys.assertNone();
});
