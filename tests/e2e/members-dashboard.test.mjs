// The coordinators' dashboard (GET /members/dashboard, dashboard.view):
// every figure against the database, for the whole timebank and for a
// community coordinator; the SVG chart; who may see it and who may not.
//
// A community of its own (ZD<pid>) with 30 members and its own member
// coordinator makes the scoped figures exact whatever other test files do
// meanwhile; the site-wide figures are compared with the database read
// just before and just after the page, retried until nobody else moved
// them in between.  Everything made here is removed at the end.

import test from 'node:test';
import assert from 'node:assert/strict';
import { BareKeys, as, get, request, sql, text } from './lib.mjs';

const keys = new BareKeys();
const TAG = `zd${process.pid % 100000}`;
const N = 30;
let CID = 0;

test.before(() => {
	sql(`INSERT INTO communities (name) VALUES ('ZD ${TAG} dashboard test')`);
	CID = Number(sql(`SELECT id FROM communities WHERE name = 'ZD ${TAG} dashboard test'`)[0][0]);
	const rows = [];
	for (let i = 0; i < N; i++) {
		const status = i % 5 === 0 ? 'applying' : i % 5 === 1 ? 'disabled' : 'approved';
		rows.push(`('${TAG}_${i}', '${TAG}_${i}@example.org', 'Zdash${TAG} ${String(i).padStart(2, '0')}',
		    'x', '${status}', ${CID}, '', UTC_TIMESTAMP() - INTERVAL ${i * 11} DAY - INTERVAL 1 HOUR)`);
	}
	sql(`INSERT INTO members (username, email, name, password_hash, status, community_id, about, joined_at)
	    VALUES ${rows.join(',\n')}`);
	sql(`INSERT INTO members (username, email, name, password_hash, status, about, approved_at)
	    SELECT '${TAG}_coord', '${TAG}coord@example.org', 'Zd Coordinator', password_hash,
	    'approved', '', UTC_TIMESTAMP() FROM members WHERE username = 'alice'`);
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id)
	    SELECT id, 'member', 'community', ${CID} FROM members WHERE username = '${TAG}_coord'`);
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id)
	    SELECT id, 'support', 'community', ${CID} FROM members WHERE username = '${TAG}_3'`);
});

test.after(() => {
	try {
		sql(`DELETE g FROM grants g JOIN members m ON m.id = g.member_id WHERE m.username LIKE '${TAG}\\_%'`);
		sql(`DELETE FROM members WHERE username LIKE '${TAG}\\_%'`);
		sql(`DELETE FROM communities WHERE id = ${CID}`);
	} catch (e) {
		console.error(`cleanup of ${TAG}: ${e.message}`);
	}
});

// ---- reading the page ----------------------------------------------------

async function dashboard(user) {
	const r = await get('/members/dashboard', await as(user));
	assert.equal(r.status, 200, `dashboard as ${user}: ${r.status}`);
	keys.check(r.body, `dashboard as ${user}`);
	return r.body;
}

function section(html, id) {
	const m = html.match(new RegExp(`<(?:table|ol|section)[^>]*id="${id}"[^>]*>([\\s\\S]*?)</(?:table|ol|section)>`));
	assert.ok(m, `the page has #${id}`);
	return m[1];
}

// The page's figures, as plain data.
function figures(html) {
	const status = {};
	for (const m of section(html, 'members-by-status').matchAll(/data-status="(\w+)">[\s\S]*?<td>(\d+)<\/td>/g))
		status[m[1]] = Number(m[2]);
	const roles = {};
	for (const m of section(html, 'coordinators-by-role').matchAll(/data-role="(\w+)">[\s\S]*?<td>(\d+)<\/td>/g))
		roles[m[1]] = Number(m[2]);
	const list = (id) => [...section(html, id).matchAll(/href="\/members\/(\d+)"/g)].map((m) => Number(m[1]));
	const months = {};
	for (const m of section(html, 'new-members-per-month').matchAll(/data-month="([\d-]+)"><th scope="row">[\d-]+<\/th><td>(\d+)<\/td>/g))
		months[m[1]] = Number(m[2]);
	return {
		status, roles, months,
		waiting: Number(html.match(/id="waiting-count">(\d+)</)[1]),
		oldest: list('oldest-applications'),
		newest: list('newest-members'),
	};
}

// The same figures from the database, over communities (null: all).
function expected(communities) {
	const scope = communities === null ? '1' : `m.community_id IN (${communities.join(',')})`;
	const status = { applying: 0, approved: 0, disabled: 0 };
	for (const [s, n] of sql(`SELECT m.status, COUNT(*) FROM members m WHERE ${scope} GROUP BY m.status`))
		status[s] = Number(n);
	status.total = status.applying + status.approved + status.disabled;
	const roles = { admin: 0, member: 0, support: 0, outreach: 0, payment: 0, translator: 0 };
	const gscope = communities === null ? '1' :
	    `(g.scope_kind = 'site' OR (g.scope_kind = 'community' AND g.community_id IN (${communities.join(',')})))`;
	for (const [r, n] of sql(`SELECT g.role, COUNT(DISTINCT g.member_id) FROM grants g
	    JOIN members m ON m.id = g.member_id WHERE m.status = 'approved' AND ${gscope} GROUP BY g.role`))
		roles[r] = Number(n);
	const ids = (q) => sql(q).map((r) => Number(r[0]));
	const months = {};
	for (const [ym, n] of sql(`SELECT DATE_FORMAT(m.joined_at, '%Y-%m'), COUNT(*) FROM members m
	    WHERE ${scope} AND m.joined_at >= DATE_FORMAT(UTC_TIMESTAMP() - INTERVAL 11 MONTH, '%Y-%m-01')
	    GROUP BY 1`))
		months[ym] = Number(n);
	return {
		status, roles, months,
		waiting: status.applying,
		oldest: ids(`SELECT m.id FROM members m WHERE m.status = 'applying' AND ${scope}
		    ORDER BY m.joined_at, m.id LIMIT 5`),
		newest: ids(`SELECT m.id FROM members m WHERE m.status = 'approved' AND ${scope}
		    ORDER BY m.joined_at DESC, m.id DESC LIMIT 10`),
	};
}

// Page and database agree, read while nobody else changed the database.
async function agrees(user, communities) {
	let last = null;
	for (let attempt = 0; attempt < 8; attempt++) {
		const before = expected(communities);
		const page = figures(await dashboard(user));
		const after = expected(communities);
		if (JSON.stringify(before) !== JSON.stringify(after)) {
			last = { before, after };
			continue;	// someone else wrote meanwhile: again
		}
		// Months with no accounts are on the page as 0.
		const months = {};
		for (const ym of Object.keys(page.months))
			months[ym] = before.months[ym] || 0;
		assert.deepEqual(page, { ...before, months }, `${user}: the dashboard's figures are the database's`);
		assert.deepEqual(Object.keys(before.months).filter((ym) => !(ym in page.months)), [],
		    'every month with accounts is on the chart');
		return page;
	}
	assert.fail(`${user}: the database kept changing: ${JSON.stringify(last)}`);
}

// ---- figures ---------------------------------------------------------------

test('a community coordinator\'s dashboard: exactly their community', async () => {
	const page = await agrees(`${TAG}_coord`, [CID]);
	assert.deepEqual(page.status, { applying: 6, approved: 18, disabled: 6, total: 30 });
	assert.equal(page.waiting, 6);
	assert.equal(page.oldest.length, 5);
	assert.equal(page.newest.length, 10);
	assert.ok(page.roles.member >= 1 && page.roles.support >= 1);
	const html = await dashboard(`${TAG}_coord`);
	assert.match(text(html), new RegExp(`Figures for ZD ${TAG} dashboard test\\.`));
	// Thirty accounts, all joined within the last 320 days: all charted.
	assert.equal(Object.values(page.months).reduce((a, b) => a + b, 0), 30);
});

test('the whole timebank for a site coordinator, community 1 for northcoord', async () => {
	const admin = await agrees('admin', null);
	assert.ok(admin.status.total >= 30);
	assert.match(text(await dashboard('admin')), /Figures for the whole timebank\./);
	await agrees('mcoord', null);
	const north = await agrees('northcoord', [1]);
	assert.ok(north.status.total < admin.status.total, 'community 1 is a part');
	// The oldest applications link to members of community 1 only.
	const inOne = new Set(sql('SELECT id FROM members WHERE community_id = 1').map((r) => Number(r[0])));
	for (const id of [...north.oldest, ...north.newest])
		assert.ok(inOne.has(id), `member ${id} is in community 1`);
	const html = await dashboard('northcoord');
	assert.doesNotMatch(html, new RegExp(`Zdash${TAG}`), 'not the test community\'s members');
});

// ---- the chart ---------------------------------------------------------------

test('the chart: inline SVG, labelled, twelve bars with their figures, no script', async () => {
	const html = await dashboard(`${TAG}_coord`);
	const svg = html.match(/<svg\b[^>]*>[\s\S]*?<\/svg>/);
	assert.ok(svg, 'an inline <svg>');
	const open = svg[0].match(/<svg\b[^>]*>/)[0];
	assert.match(open, /role="img"/);
	assert.match(open, /aria-labelledby="chart-title chart-desc"/);
	assert.match(svg[0], /<title id="chart-title">[^<]+<\/title>/);
	const desc = svg[0].match(/<desc id="chart-desc">([^<]+)<\/desc>/);
	assert.ok(desc, 'a <desc>');
	const bars = [...svg[0].matchAll(/<g class="bar" data-key="(\d{4}-\d{2})">([\s\S]*?)<\/g>/g)];
	assert.equal(bars.length, 12, 'twelve months');
	const page = figures(html);
	const months = bars.map((b) => b[1]);
	assert.deepEqual(months, Object.keys(page.months), 'the table lists the same months');
	// Consecutive months ending with this one (UTC).
	const now = new Date();
	assert.equal(months[11], `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`);
	for (const [i, b] of bars.entries()) {
		const value = Number(b[2].match(/<text[^>]*>(\d+)<\/text>/)[1]);
		assert.equal(value, page.months[b[1]], `${b[1]}: bar label and table agree`);
		const h = Number(b[2].match(/<rect [^>]*height="(\d+)"/)[1]);
		assert.ok(value === 0 ? h === 0 : h > 0, `${b[1]}: a bar as tall as its figure says`);
		assert.match(b[2], /<text[^>]*>(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)<\/text>/, 'a month label');
		assert.ok(desc[1].includes(`: ${value}`), `the desc has ${b[1]}`);
		if (i > 0) {
			const [y0, m0] = months[i - 1].split('-').map(Number);
			const [y1, m1] = b[1].split('-').map(Number);
			assert.equal(y1 * 12 + m1, y0 * 12 + m0 + 1, 'consecutive months');
		}
	}
	assert.doesNotMatch(html, /<script|\son[a-z]+="/i, 'no script, no event handler attributes');
});

test('the exchanges figures come from the ledger: chart, active traders', async () => {
	const html = await dashboard('admin');
	const m = html.match(/<div id="dashboard-exchanges">([\s\S]*?)<\/section>\s*<\/div>/);
	assert.ok(m, 'the page has #dashboard-exchanges');
	const ex = m[1];
	assert.match(ex, /<h2[^>]*>Exchanges<\/h2>/);
	assert.match(ex, /<svg[^>]*role="img"[^>]*aria-labelledby="ledger-chart-title ledger-chart-desc"/,
	    'an SVG chart of hours per month, with its own ids');
	const bars = [...ex.matchAll(/<g class="bar" data-key="(\d{4}-\d{2})">/g)];
	assert.equal(bars.length, 12, 'twelve months of hours');
	const desc = ex.match(/<desc id="ledger-chart-desc">([^<]+)<\/desc>/);
	assert.ok(desc && /: [\d.,]+ hours/.test(desc[1]), 'each month said with its hours');
	const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
	assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'no id twice on the page');
	const active = text(ex).match(/Active traders: (\d+) members/);
	assert.ok(active, 'the number of active traders is shown');
	assert.ok(Number(active[1]) > 0, 'the demo ledger has active traders');
});

// ---- refusals ------------------------------------------------------------------

test('who may see the dashboard (dashboard.view) and who may not', async () => {
	const v = await request('/members/dashboard');
	assert.equal(v.status, 303);
	assert.match(v.location, /^\/login\?next=%2Fmembers%2Fdashboard|^\/login\?next=\/members\/dashboard/);
	for (const u of ['admin', 'mcoord', 'northcoord', `${TAG}_coord`])
		assert.equal((await get('/members/dashboard', await as(u))).status, 200, `${u} may`);
	for (const u of ['support', 'outreach', 'payment', 'translator', 'alice'])
		assert.equal((await get('/members/dashboard', await as(u))).status, 403, `${u} may not`);
});

test('no page shows a phrase key', () => {
	keys.assertNone();
});
