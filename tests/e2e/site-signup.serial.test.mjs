// Member signup (docs/site.md, "Member signup", "Invitations"): the
// application form follows the site's configuration (a field hidden,
// optional or required; custom questions), /members/new follows it as a
// coordinator's form, answers show on the applicant's profile to
// coordinators only, and signup by invitation takes a mailed single-use
// link.  Serial: it changes the whole timebank's signup settings, which
// every other signup test reads; each test puts them back.

import test from 'node:test';
import assert from 'node:assert/strict';
import {
	BareKeys, Jar, as, audits, formFor, formValues, forms, get, getCsrf, post, request, sql, text,
} from './lib.mjs';
import { fieldError, setting } from './exchanges-lib.mjs';
import { decodeQP, mailsFor, until } from './mail-lib.mjs';

const keys = new BareKeys();
const TAG = `su${process.pid % 100000}${Date.now() % 1000}`;
const clip = (s) => text(String(s)).slice(0, 400);
let addr = 70;
const nextAddr = () => `127.0.0.${addr++}`;

// Sets the named settings for the test, and gives back a function that
// puts them back as they were.
function withSettings(values) {
	const saved = {};
	for (const [k, v] of Object.entries(values))
		saved[k] = setting(k, v);
	return () => {
		for (const [k, v] of Object.entries(saved))
			setting(k, v);
	};
}

// The signup form's values for a new applicant, from the page as served.
function applicant(body, username, extra = {}) {
	const f = formFor(body, '/signup');
	assert.ok(f, 'the page has the application form');
	return {
		...formValues(f), username, name: `Applicant ${username}`, email: `${username}@example.org`,
		password: `A-long-enough-password-${username}`, password2: `A-long-enough-password-${username}`,
		...extra,
	};
}

async function apply(values, jar, path = '/signup') {
	return request(path, { jar, form: values, localAddress: nextAddr() });
}

test('a required field missing re-renders the form with a message and saves nothing; a hidden field is not on the form', async () => {
	const restore = withSettings({ signup_mode: 'open', signup_phone: 'required', signup_birth_date: 'hidden',
	    signup_heard_about: 'optional', signup_terms: 'required', signup_county: 'required' });
	try {
		const jar = new Jar();
		const page = await get('/signup', jar);
		assert.equal(page.status, 200);
		keys.check(page.body, '/signup');
		const f = formFor(page.body, '/signup');
		const names = f.fields.map((x) => x.name);
		assert.ok(names.includes('phone'), 'phone is asked');
		assert.ok(names.includes('heard_about'), 'heard_about is asked');
		assert.ok(names.includes('county'), 'county is asked');
		assert.ok(!names.includes('birth_date'), 'a hidden field is not on the form');
		assert.ok(!names.includes('neighbourhood'), 'a hidden list is not on the form');
		assert.match(page.body, /<input type="tel" id="phone" name="phone" value="" maxlength="40" autocomplete="tel" required/);
		assert.match(page.body, /href="\/terms"/, 'the terms link to /terms');

		const u = `${TAG}a`;
		const r = await apply(applicant(page.body, u, { phone: '', heard_about: 'A friend', county: '' }), jar);
		assert.equal(r.status, 422, clip(r.body));
		keys.check(r.body, 'POST /signup missing');
		assert.ok(fieldError(r.body, 'phone'), 'a message beside the phone');
		assert.ok(fieldError(r.body, 'county'), 'a message beside the county');
		assert.match(fieldError(r.body, 'terms') || '', /accept the terms/);
		assert.match(r.body, /id="heard_about" name="heard_about" value="A friend"/, 'the input is kept');
		assert.match(r.body, /id="username" name="username" value="[^"]+"/);
		assert.equal(sql(`SELECT COUNT(*) FROM members WHERE username = '${u}'`)[0][0], '0', 'nobody saved');

		// Filled in: saved, with the fields asked.
		const county = sql(`SELECT id FROM counties WHERE active = 1 ORDER BY position, name LIMIT 1`)[0][0];
		const ok = await apply({ ...applicant(r.body, u), csrf: getCsrf(r.body), phone: '+353 1 555 0101',
		    heard_about: 'A friend', county, terms: '1', birth_date: '1970-01-01' }, jar);
		assert.equal(ok.status, 303, clip(ok.body));
		assert.deepEqual(sql(`SELECT status, phone, heard_about, county_id, terms_accepted_at IS NOT NULL,
		    birth_date IS NULL FROM members WHERE username = '${u}'`),
		    [['applying', '+353 1 555 0101', 'A friend', county, '1', '1']], 'a hidden field sent is not stored');
	} finally {
		restore();
	}
});

test('a custom question\'s answer shows on the applicant\'s profile to a coordinator, not to a member', async () => {
	const restore = withSettings({ signup_mode: 'open', signup_question_1: 'What could you offer?',
	    signup_question_1_kind: 'text', signup_question_1_required: 'required',
	    signup_question_2: 'Do you drive?', signup_question_2_kind: 'choice',
	    signup_question_2_choices: 'Yes | No', signup_question_2_required: 'optional' });
	try {
		const jar = new Jar();
		const page = await get('/signup', jar);
		assert.match(page.body, /<label for="question1">What could you offer\?/);
		assert.match(page.body, /<option value="Yes">Yes<\/option><option value="No">No<\/option>/);
		const u = `${TAG}q`;
		const missing = await apply(applicant(page.body, u, { question1: '', question2: 'Maybe' }), jar);
		assert.equal(missing.status, 422);
		assert.ok(fieldError(missing.body, 'question1'), 'a required question unanswered');
		assert.ok(fieldError(missing.body, 'question2'), 'a choice that is none of its choices');
		const answer = `Gardening <b>${TAG}</b>`;
		const r = await apply({ ...applicant(missing.body, u), csrf: getCsrf(missing.body), question1: answer,
		    question2: 'No' }, jar);
		assert.equal(r.status, 303, clip(r.body));
		const id = sql(`SELECT id FROM members WHERE username = '${u}'`)[0][0];

		const coord = await get(`/members/${id}`, await as('mcoord'));
		assert.equal(coord.status, 200);
		keys.check(coord.body, 'profile as coordinator');
		assert.match(coord.body, /id="application-panel"/);
		assert.ok(text(coord.body).includes(`What could you offer? ${answer}`) ||
		    text(coord.body).includes(answer), 'the answer, as text');
		assert.doesNotMatch(coord.body, new RegExp(`<b>${TAG}`), 'escaped');
		assert.match(text(coord.body), /Do you drive\?\s*No/);

		const member = await get(`/members/${id}`, await as('alice'));
		assert.ok([200, 403, 404].includes(member.status));
		assert.ok(!text(member.body).includes(answer), 'a member does not see the answer');
		assert.doesNotMatch(member.body, /application-panel/);
	} finally {
		restore();
	}
});

test('/members/new follows the configuration as a coordinator\'s form: what an applicant must fill may be left empty', async () => {
	const restore = withSettings({ signup_phone: 'required', signup_heard_about: 'required', signup_birth_date: 'hidden',
	    signup_terms: 'required', signup_question_1: 'Skills?', signup_question_1_required: 'required' });
	try {
		const admin = await as('admin');
		const page = await get('/members/new', admin);
		assert.equal(page.status, 200);
		keys.check(page.body, '/members/new');
		const f = formFor(page.body, '/members/new');
		const names = f.fields.map((x) => x.name);
		for (const n of ['phone', 'address', 'neighbourhood', 'county', 'affiliation', 'heard_about', 'question1'])
			assert.ok(names.includes(n), `${n} on the coordinator's form`);
		assert.ok(!names.includes('terms'), 'the terms are the applicant\'s to accept');
		assert.ok(!names.includes('birth_date'), 'a hidden field is not on the form');
		const u = `${TAG}n`;
		const r = await post('/members/new', admin, { ...formValues(f), username: u, name: 'Added Member',
		    email: `${u}@example.org`, status: 'applying', heard_about: 'At the market' });
		assert.equal(r.status, 303, clip(r.body));
		const id = sql(`SELECT id FROM members WHERE username = '${u}'`)[0][0];
		assert.equal(sql(`SELECT heard_about FROM members WHERE id = ${id}`)[0][0], 'At the market');
		const [row] = audits('member', id, 'member.add', 'after_json');
		assert.match(row[0], /"heard_about":\s*"At the market"/);
	} finally {
		restore();
	}
});

test('signup by invitation: refused without a token, accepted with one, a used token refused, the mail reaches the sink', async () => {
	const restore = withSettings({ signup_mode: 'invitation' });
	try {
		const visitor = new Jar();
		const none = await get('/signup', visitor);
		assert.equal(none.status, 200);
		assert.match(none.body, /id="signup-invite-only"/);
		assert.ok(!formFor(none.body, '/signup'), 'no form without an invitation');
		const csrf = await getCsrf(none.body);
		const refused = await apply({ csrf, username: `${TAG}x`, name: 'X', email: `${TAG}x@example.org`,
		    password: 'A-long-enough-password-1', password2: 'A-long-enough-password-1' }, visitor);
		assert.equal(refused.status, 403);
		assert.equal(sql(`SELECT COUNT(*) FROM members WHERE username = '${TAG}x'`)[0][0], '0');
		assert.match((await get('/signup?invite=' + '0'.repeat(64), visitor)).body, /id="signup-invite-bad"/);

		// A coordinator who may add members invites an address.
		const coord = await as('mcoord');
		const inv = await get('/members/invitations', coord);
		assert.equal(inv.status, 200);
		keys.check(inv.body, '/members/invitations');
		const email = `${TAG}i@example.org`;
		const bad = await post('/members/invitations', coord, { csrf: getCsrf(inv.body), email: 'not an address' });
		assert.equal(bad.status, 422);
		assert.ok(fieldError(bad.body, 'email'));
		const sent = await post('/members/invitations', coord, { csrf: getCsrf(inv.body), email });
		assert.equal(sent.status, 303, clip(sent.body));
		const [[invId, mid]] = sql(`SELECT i.id, o.message_id FROM invitations i JOIN outbox o
		    ON o.to_addr = i.email AND o.kind = 'account.invitation' WHERE i.email = '${email}'`);
		assert.equal(audits('invitation', invId, 'invitation.add').length, 1, 'audited');
		const again = await post('/members/invitations', coord, { csrf: getCsrf(inv.body), email });
		assert.equal(again.status, 422, 'an address with a pending invitation');
		assert.match(text((await get('/members/invitations', coord)).body), new RegExp(email));

		const [m] = await until(() => mailsFor(mid).length && mailsFor(mid));
		const link = decodeQP(m.body).match(/(http\S+\/signup\?invite=([0-9a-f]{64}))/);
		assert.ok(link, `the link in the mail: ${decodeQP(m.body).slice(0, 300)}`);
		const token = link[2];
		assert.equal(sql(`SELECT COUNT(*) FROM invitations WHERE token_hash = UNHEX(SHA2('${token}', 256))`)[0][0],
		    '1', 'only the hash is stored');

		const jar = new Jar();
		const page = await get(`/signup?invite=${token}`, jar);
		assert.equal(page.status, 200);
		keys.check(page.body, '/signup with an invitation');
		assert.match(text(page.body), new RegExp(email.replace('.', '\\.')), 'the invited address is shown');
		const f = formFor(page.body, '/signup');
		assert.ok(!f.fields.some((x) => x.name === 'email'), 'the address is the invitation\'s');
		const u = `${TAG}i`;
		const ok = await apply({ ...applicant(page.body, u), email: 'someone-else@example.org' }, jar);
		assert.equal(ok.status, 303, clip(ok.body));
		const [[id, got]] = sql(`SELECT id, email FROM members WHERE username = '${u}'`);
		assert.equal(got, email, 'the invited address, not the one sent');
		assert.deepEqual(sql(`SELECT used_at IS NOT NULL, member_id FROM invitations WHERE id = ${invId}`), [['1', id]]);
		assert.equal(audits('invitation', invId, 'invitation.use').length, 1, 'its use audited');

		// The same link again: refused, on the page and on a post.
		const jar2 = new Jar();
		const used = await get(`/signup?invite=${token}`, jar2);
		assert.match(used.body, /id="signup-invite-bad"/);
		const second = await apply({ ...applicant(page.body, `${TAG}j`), csrf: getCsrf(used.body) }, jar2);
		assert.equal(second.status, 403);
		assert.equal(sql(`SELECT COUNT(*) FROM members WHERE username = '${TAG}j'`)[0][0], '0');

		// A pending invitation withdrawn: its link no longer works.
		const email2 = `${TAG}w@example.org`;
		const p2 = await get('/members/invitations', coord);
		assert.equal((await post('/members/invitations', coord, { csrf: getCsrf(p2.body), email: email2 })).status, 303);
		const inv2 = sql(`SELECT id FROM invitations WHERE email = '${email2}'`)[0][0];
		const member = await as('alice');
		assert.equal((await post(`/members/invitations/${inv2}/revoke`, member, { csrf: getCsrf(p2.body) })).status, 403);
		assert.equal((await post(`/members/invitations/${inv2}/revoke`, coord, { csrf: getCsrf(p2.body) })).status, 303);
		assert.equal(sql(`SELECT revoked_at IS NOT NULL FROM invitations WHERE id = ${inv2}`)[0][0], '1');
		assert.equal(audits('invitation', inv2, 'invitation.revoke').length, 1);
		// Withdrawn twice (a second tab): a 409 that says so, one audit row still.
		const twice = await post(`/members/invitations/${inv2}/revoke`, coord, { csrf: getCsrf(p2.body) });
		assert.equal(twice.status, 409);
		assert.match(twice.body, /already used, withdrawn or has expired/);
		assert.equal(audits('invitation', inv2, 'invitation.revoke').length, 1);
	} finally {
		restore();
		sql(`DELETE FROM invitations WHERE email LIKE '${TAG}%'`);
	}
});

test('the site page: a choice question without choices is refused, nothing saved', async () => {
	const admin = await as('admin');
	const r = await get('/site', admin);
	const f = formFor(r.body, '/site');
	assert.match(r.body, /data-setting="signup_question_1"/);
	const before = sql(`SELECT COUNT(*) FROM settings WHERE name LIKE 'signup\\_question\\_3%'`)[0][0];
	const bad = await post('/site', admin, { ...formValues(f), signup_question_3: 'Which?', signup_question_3_kind: 'choice',
	    signup_question_3_choices: '' });
	assert.equal(bad.status, 422);
	assert.ok(fieldError(bad.body, 'signup_question_3_choices'));
	assert.equal(sql(`SELECT COUNT(*) FROM settings WHERE name LIKE 'signup\\_question\\_3%'`)[0][0], before);
	const dup = await post('/site', admin, { ...formValues(f), signup_question_3_choices: 'A | A' });
	assert.equal(dup.status, 422);
	assert.ok(fieldError(dup.body, 'signup_question_3_choices'));
});

test.after(() => {
	sql(`DELETE FROM members WHERE username LIKE '${TAG}%'`);
	keys.done?.();
});
