// What the payments tests share (docs/payments.md): throwaway members with
// a subscription, their status as the member page shows it, and the
// forms of that page.
import assert from 'node:assert/strict';
import { formFor, formValues, get, post, sql } from './lib.mjs';
import { dateIn, makeMember, q } from './exchanges-lib.mjs';

// A type id of the demo by name.
export function typeId(name) {
	return Number(sql(`SELECT id FROM subscription_types WHERE name = ${q(name)}`)[0][0]);
}

// A throwaway member with a subscription of type (a name), renewing in
// `days` days, paying by pref; { id, username }.
export function subscriber({ type = 'Individual, yearly', days = 5, pref = 'cash', community = null, head = null, lang = 'en' } = {}) {
	const m = makeMember({ prefix: 'py', community });
	if (lang !== 'en')
		sql(`UPDATE members SET lang = ${q(lang)} WHERE id = ${m.id}`);
	sql(`INSERT INTO subscriptions (member_id, type_id, active, renewal_date, preference, head_id)
	    VALUES (${m.id}, ${typeId(type)}, 1, ${q(dateIn(days))}, ${q(pref)}, ${head ? Number(head) : 'NULL'})`);
	return m;
}

// The status the member page shows ("current", "due", ...).
export async function statusOf(jar, id) {
	const r = await get(`/payments/members/${id}`, jar);
	assert.equal(r.status, 200, `GET /payments/members/${id}`);
	const m = r.body.match(/<p class="status" data-status="([a-z]+)">/);
	assert.ok(m, 'the page shows a status');
	return m[1];
}

// The member page's form posting to the path under /payments/members/id.
export async function pageForm(jar, id, tail) {
	const r = await get(`/payments/members/${id}`, jar);
	assert.equal(r.status, 200);
	const action = tail.startsWith('/') ? tail : `/payments/members/${id}/${tail}`;
	const f = formFor(r.body, action);
	return f ? formValues(f) : null;
}

// The open charge's payment form: [action, values].
export async function payForm(jar, id) {
	const r = await get(`/payments/members/${id}`, jar);
	const m = r.body.match(/action="(\/payments\/members\/\d+\/charges\/\d+\/payments)"/);
	assert.ok(m, 'the page has the payment form');
	return [m[1], formValues(formFor(r.body, m[1]))];
}

export async function generate(jar, id) {
	const v = await pageForm(jar, id, 'charges');
	assert.ok(v, 'the page offers to generate the next charge');
	return post(`/payments/members/${id}/charges`, jar, v);
}

export const charges = (id) => sql(`SELECT id, minor FROM charges WHERE member_id = ${Number(id)} ORDER BY id`);
