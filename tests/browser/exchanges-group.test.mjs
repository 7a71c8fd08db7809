// Issue 17's coordinator story in a real browser ("Done when"): a member
// coordinator (mcoord) rejects one applicant and approves another, who is
// to give a workshop; opens the group form from the exchange form,
// sends a list with one refused member (the form comes back with its
// message and nothing is written), corrects it, records one provider and
// five recipients, and sees the group's hours in the hours-by-category
// report.  Every page visited is screenshotted
// (tests/screenshots/exchanges-group-*.png) and checked with axe-core (0
// violations) and html-validate; the console must stay clean.

import test from 'node:test';
import assert from 'node:assert/strict';
import { STAMP, URL_BASE, close, consoleErrors, launch, q, rootSql, session, submit, visited } from './lib.mjs';

const people = [0, 1, 2, 3, 4, 5].map((i) => ({ username: `brg${i}${STAMP}`, name: `Group ${i} ${STAMP}` }));
// people[0], the workshop's teacher, is an applicant until approved here;
// this one is rejected.
const REJECTED = { username: `brgr${STAMP}`, name: `Group Rejected ${STAMP}` };
const CATEGORY = 'Cooking and food';
const count = (sql) => Number(rootSql(sql)[0][0]);

test.before(async () => {
	await launch('exchanges-group');
	for (const m of [...people, REJECTED]) {
		const applying = m === people[0] || m === REJECTED;
		rootSql(`INSERT INTO members (username, email, name, password_hash, status, community_id, about, approved_at)
		    SELECT ${q(m.username)}, ${q(`${m.username}@example.org`)}, ${q(m.name)}, password_hash,
		    '${applying ? 'applying' : 'approved'}', 1, 'Made by the browser test.',
		    ${applying ? 'NULL' : 'UTC_TIMESTAMP()'} FROM members WHERE username = 'alice'`);
		m.id = count(`SELECT id FROM members WHERE username = ${q(m.username)}`);
	}
});

const statusOf = (m) => rootSql(`SELECT status FROM members WHERE id = ${m.id}`)[0][0];

test.after(close);

// The report's hours of this month in the category, from its table.
async function reported(s) {
	const res = await s.page.goto(`${URL_BASE}/exchanges/reports/hours-month`);
	assert.equal(res.status(), 200);
	const month = new Date().toISOString().slice(0, 7);
	const rows = await s.page.$$eval('#report-table tbody tr', (trs) =>
	    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())));
	return rows.filter((c) => c[0] === month && c[1] === CATEGORY)
	    .reduce((sum, c) => sum + Math.round(Number(c[2]) * 100), 0);
}

test('a coordinator rejects one applicant, approves another, records their workshop for five and sees it in the report', async () => {
	const mc = await session('mcoord');
	const before = await reported(mc);
	await visited(mc, 'report-before');

	await mc.page.goto(`${URL_BASE}/members/${REJECTED.id}`);
	await mc.page.fill(`form[action="/members/${REJECTED.id}/reject"] #reason`, `Lives too far away (${STAMP})`);
	let res = await submit(mc.page, `form[action="/members/${REJECTED.id}/reject"] button[type="submit"]`);
	assert.equal(res.status(), 200);
	assert.match(await mc.page.textContent('p.flash'), /rejected/i);
	assert.equal(statusOf(REJECTED), 'disabled', 'the rejected application is closed');
	await visited(mc, 'rejected');

	await mc.page.goto(`${URL_BASE}/members/${people[0].id}`);
	await mc.page.fill(`form[action="/members/${people[0].id}/approve"] #approved_on`, new Date().toISOString().slice(0, 10));
	res = await submit(mc.page, `form[action="/members/${people[0].id}/approve"] button[type="submit"]`);
	assert.equal(res.status(), 200);
	assert.match(await mc.page.textContent('p.flash'), /approved/i);
	assert.equal(statusOf(people[0]), 'approved');
	await visited(mc, 'approved');

	await mc.page.goto(`${URL_BASE}/exchanges/new`);
	await submit(mc.page, 'main a[href="/exchanges/group"]');
	assert.equal(new URL(mc.page.url()).pathname, '/exchanges/group');
	await visited(mc, 'group-form');

	const [teacher, ...learners] = people;
	await mc.page.check('#shape-provider');
	await mc.page.fill('#one', teacher.username);
	await mc.page.fill('#many', [...learners.map((m) => m.username), `nobody${STAMP}`].join('\n'));
	await mc.page.fill('#hours', '1.5');
	await mc.page.fill('#description', `Bread workshop ${STAMP}`);
	await mc.page.selectOption('#category', { label: CATEGORY });
	res = await submit(mc.page, 'form[action="/exchanges/group"] button[type="submit"]');
	assert.equal(res.status(), 422);
	assert.match(await mc.page.textContent('#many-error'), new RegExp(`nobody${STAMP} \\(number 6 on the list\\)`));
	assert.equal(count(`SELECT COUNT(*) FROM exchanges WHERE description = 'Bread workshop ${STAMP}'`), 0, 'nothing written');
	await visited(mc, 'group-refused');

	await mc.page.fill('#many', learners.map((m) => m.username).join('\n'));
	res = await submit(mc.page, 'form[action="/exchanges/group"] button[type="submit"]');
	assert.equal(res.status(), 200);
	assert.match(new URL(mc.page.url()).pathname, /^\/exchanges\/\d+$/);
	assert.match(await mc.page.textContent('p.flash'), /exchanges of the group have been recorded/);
	assert.match(await mc.page.textContent('main'), new RegExp(CATEGORY));
	await visited(mc, 'group-recorded');
	assert.equal(count(`SELECT COUNT(*) FROM exchanges WHERE description = 'Bread workshop ${STAMP}'`), 5);

	assert.equal(await reported(mc) - before, 750, 'five times 1.5 hours in the category');
	await visited(mc, 'report-after');
	// The refused form is a 422 on purpose, which chromium logs.
	assert.deepEqual(consoleErrors.filter((e) => !/status of 422 .*\/exchanges\/group\)$/.test(e)), []);
});
