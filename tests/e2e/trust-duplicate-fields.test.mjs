// A field sent twice (issue 15, item 11): "provider=alice&provider=carol"
// used to be read as its first value.  Every single-valued field of a form
// table is now refused when it comes twice: the answer is a 400 page that
// says so, and nothing is written.  The same request with each field once
// goes through, so the 400 is the duplicate's.

import test from 'node:test';
import assert from 'node:assert/strict';
import { encodeForm, get, request, text } from './lib.mjs';
import {
	as, balanceOf, countExchanges, countProposals, makeMember, recordForm,
} from './exchanges-lib.mjs';

const P = makeMember({ community: 1 });
const Q = makeMember({ community: 1 });
const R = makeMember({ community: 1 });

function postRaw(path, jar, body) {
	return request(path, { method: 'POST', jar, body,
	    headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
}

test('recording an exchange with the provider sent twice is a 400 and records nothing', async () => {
	const jar = await as(R.username);
	const { values } = await recordForm(jar);
	const v = { ...values, provider: P.username, recipient: R.username, hours: '1',
	    description: 'sent twice' };
	const n0 = countExchanges(), p0 = countProposals();
	const r0 = balanceOf(R.id), p0b = balanceOf(P.id), q0 = balanceOf(Q.id);
	const twice = `${encodeForm(v)}&provider=${encodeURIComponent(Q.username)}`;
	const res = await postRaw('/exchanges/new', jar, twice);
	assert.equal(res.status, 400);
	assert.match(text(res.body), /sent a field twice/);
	assert.equal(countExchanges(), n0);
	assert.equal(countProposals(), p0);
	assert.deepEqual([balanceOf(R.id), balanceOf(P.id), balanceOf(Q.id)], [r0, p0b, q0]);
	// The hours twice as well (a value the form would take either way).
	const hours = `${encodeForm(v)}&hours=2`;
	assert.equal((await postRaw('/exchanges/new', jar, hours)).status, 400);
	assert.equal(countExchanges(), n0);
	// The same form with each field once records the exchange (the form
	// key was not used up by the refused posts).
	const ok = await postRaw('/exchanges/new', jar, encodeForm(v));
	assert.equal(ok.status, 303, text(ok.body).slice(0, 300));
	assert.equal(countExchanges(), n0 + 1);
	assert.equal(balanceOf(R.id), r0 - 100);
	assert.equal(balanceOf(P.id), p0b + 100);
});

test('a list filter given twice in the query is a 400, once is the list', async () => {
	const jar = await as('mcoord');
	const once = await get('/members?status=approved', jar);
	assert.equal(once.status, 200);
	const twice = await get('/members?status=approved&status=applying', jar);
	assert.equal(twice.status, 400);
	assert.match(text(twice.body), /sent a field twice/);
});

test('a visitor\'s log-in form with the username twice is a 400, not a log-in as either', async () => {
	const page = await get('/login');
	const csrf = /name="csrf" value="([^"]+)"/.exec(page.body);
	assert.ok(csrf, 'the log-in page has its token');
	const jarCookie = [].concat(page.setCookies).map((c) => c.split(';')[0]).join('; ');
	const body = `csrf=${encodeURIComponent(csrf[1])}&username=alice&username=bob&password=x`;
	const res = await request('/login', { method: 'POST', body,
	    headers: { Cookie: jarCookie, 'Content-Type': 'application/x-www-form-urlencoded' } });
	assert.equal(res.status, 400);
	assert.ok(!res.setCookies.some((c) => /^(__Host-)?weft=/.test(c) && !/=;/.test(c)),
	    'no session cookie was issued');
});
