// Finding the other party of an exchange by name (issue 18): a party that
// is nobody's username comes back as a choice of the approved members
// whose name or username matches, nothing is recorded until one is
// chosen, and the choice records the exchange with the same form key.
// A member's own form starts with them as the recipient.

import test from 'node:test';
import assert from 'node:assert/strict';
import { formFor, formValues, post, text } from './lib.mjs';
import {
	as, countExchanges, exchangeRow, fieldError, makeMember, recordForm, uname,
} from './exchanges-lib.mjs';

// A surname no demo member has, shared by two approved members, an
// applicant and a disabled member: the last two are never offered.
const SURNAME = `Quist${uname('').slice(-5)}`;
const P1 = makeMember({ community: 1, name: `Ana ${SURNAME}` });
const P2 = makeMember({ community: 2, name: `Bea ${SURNAME}` });
const APPLYING = makeMember({ community: 1, name: `Cid ${SURNAME}`, status: 'applying' });
const DISABLED = makeMember({ community: 1, name: `Dora ${SURNAME}`, status: 'disabled' });
const R = makeMember({ community: 1, name: 'Recipient of the finder' });

// The usernames offered for field on the page.
const offered = (html, field) =>
	[...html.matchAll(new RegExp(`name="${field}_pick" value="([^"]+)"`, 'g'))].map((m) => m[1]);

test('a member\'s form starts with them as the recipient; a coordinator\'s is empty', async () => {
	const { values } = await recordForm(await as(R.username));
	assert.equal(values.recipient, R.username);
	assert.equal(values.provider, '');
	const admin = await recordForm(await as('admin'));
	assert.equal(admin.values.recipient, '');
	// A link that names the parties is followed as it is.
	const linked = await recordForm(await as(R.username), `?provider=${P1.username}`);
	assert.equal(linked.values.provider, P1.username);
	assert.equal(linked.values.recipient, '');
});

test('part of a name lists the approved members it matches, records nothing, and the choice records', async () => {
	const jar = await as(R.username);
	const { values } = await recordForm(jar);
	const n0 = countExchanges();
	const form = { ...values, provider: SURNAME.toLowerCase(), hours: '1', description: 'Found by name' };
	let res = await post('/exchanges/new', jar, form);
	assert.equal(res.status, 422, text(res.body).slice(0, 300));
	assert.deepEqual(offered(res.body, 'provider').sort(), [P1.username, P2.username].sort());
	assert.ok(!offered(res.body, 'provider').includes(APPLYING.username), 'no applicant');
	assert.ok(!offered(res.body, 'provider').includes(DISABLED.username), 'no disabled member');
	assert.match(fieldError(res.body, 'provider'), /Choose the member you mean/);
	assert.match(text(res.body), new RegExp(`Bea ${SURNAME} \\(${P2.username}\\)`));
	assert.equal(countExchanges(), n0, 'nothing recorded while a party is to be chosen');
	// The page keeps what was typed, and the same form key.
	const again = formValues(formFor(res.body, '/exchanges/new'));
	assert.equal(again.provider, SURNAME.toLowerCase());
	assert.equal(again.form_key, values.form_key);
	assert.equal(again.description, 'Found by name');
	res = await post('/exchanges/new', jar, { ...again, provider_pick: P2.username });
	assert.equal(res.status, 303, text(res.body).slice(0, 300));
	const id = Number(res.location.match(/^\/exchanges\/(\d+)$/)[1]);
	const row = exchangeRow(id);
	assert.equal(row.provider, P2.id);
	assert.equal(row.recipient, R.id);
	assert.equal(countExchanges(), n0 + 1);
});

test('a text that matches nobody still says there is no such member', async () => {
	const jar = await as(R.username);
	const { values } = await recordForm(jar);
	const res = await post('/exchanges/new', jar, { ...values, provider: `nobody${uname('')}`, hours: '1',
	    description: 'x' });
	assert.equal(res.status, 422);
	assert.deepEqual(offered(res.body, 'provider'), []);
	assert.match(fieldError(res.body, 'provider'), /no approved member with this username/);
});

test('a community coordinator finds a member by name too; the choice outside their scope is refused', async () => {
	const jar = await as('northcoord');
	const { values } = await recordForm(jar);
	let res = await post('/exchanges/new', jar, { ...values, provider: SURNAME, recipient: R.username,
	    hours: '1', description: 'For two members' });
	assert.equal(res.status, 422, text(res.body).slice(0, 300));
	assert.deepEqual(offered(res.body, 'provider').sort(), [P1.username, P2.username].sort());
	const again = formValues(formFor(res.body, '/exchanges/new'));
	const n0 = countExchanges();
	// P2 is in Riverside, outside North Side: the same 403 as when typed.
	res = await post('/exchanges/new', jar, { ...again, provider_pick: P2.username });
	assert.equal(res.status, 403);
	assert.equal(countExchanges(), n0);
	res = await post('/exchanges/new', jar, { ...again, provider_pick: P1.username });
	assert.equal(res.status, 303, text(res.body).slice(0, 300));
	assert.equal(exchangeRow(Number(res.location.match(/(\d+)$/)[1])).provider, P1.id);
});
