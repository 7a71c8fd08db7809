// The permission matrix page (/members/roles) publishes exactly ROLES.md's
// table, for coordinators only.

import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { ROOT, get, login, text } from './lib.mjs';
import { EXTRA_PERM_KEYS, PERMS, PERM_KEYS, ROLE_KEYS, ROLE_TITLES } from './roles.mjs';

// Reads the matrix out of the page by its visible text: the header cells
// name the roles (by title), each body row starts with the permission key
// and has one cell per role, "Y" or "—" (a footnote number may follow).
function parseMatrix(html) {
	const table = (html.match(/<table\b[\s\S]*?<\/table>/i) || [])[0];
	assert.ok(table, 'the page has a table');
	const rows = table.match(/<tr\b[\s\S]*?<\/tr>/gi) || [];
	const cellsOf = (tr) => (tr.match(/<t[hd]\b[\s\S]*?<\/t[hd]>/gi) || []).map(text);
	const header = cellsOf(rows[0]);
	const cols = header.slice(1).map((title) => {
		const k = ROLE_KEYS.find((r) => ROLE_TITLES[r] === title || r === title);
		assert.ok(k, `header "${title}" names a role of ROLES.md`);
		return k;
	});
	const m = {};
	for (const tr of rows.slice(1)) {
		const c = cellsOf(tr);
		const perm = (c[0].match(/^[a-z_]+\.[a-z_]+/) || [])[0];
		assert.ok(perm, `row starts with a permission key: "${c[0]}"`);
		assert.equal(c.length, cols.length + 1, `${perm}: one cell per role`);
		m[perm] = {};
		cols.forEach((r, i) => {
			const cell = c[i + 1];
			assert.match(cell, /^(Y|—)\s*[1-9]?$/, `${perm}/${r}: cell "${cell}" is Y or —`);
			m[perm][r] = { yes: cell.startsWith('Y'), note: (cell.match(/[1-9]$/) || [null])[0] };
		});
	}
	return { cols, m };
}

test('the test\'s copy of the table matches ROLES.md (when shared/ is beside the repo)', (t) => {
	const path = `${ROOT}/../shared/ROLES.md`;
	if (!existsSync(path)) {
		t.skip('no ../shared/ROLES.md');
		return;
	}
	const md = readFileSync(path, 'utf8');
	const sup = { '¹': '1', '²': '2', '³': '3', '⁴': '4' };
	let n = 0;
	for (const line of md.split('\n')) {
		const m = line.match(/^\| `([a-z_]+\.[a-z_]+)` [^|]*\|(.*)\|\s*$/);
		if (!m)
			continue;
		const cells = m[2].split('|').map((s) => s.trim());
		assert.equal(cells.length, ROLE_KEYS.length, m[1]);
		ROLE_KEYS.forEach((r, i) => {
			const c = cells[i];
			const note = sup[c.slice(-1)] || null;
			assert.deepEqual(PERMS[m[1]][r], { yes: c.startsWith('Y'), note }, `${m[1]}/${r}`);
		});
		n++;
	}
	assert.equal(n, PERM_KEYS.length, 'same number of permissions');
});

for (const user of ['admin', 'mcoord', 'northcoord']) {
	test(`/members/roles shows ROLES.md's matrix to ${user}`, async () => {
		const jar = await login(user);
		const r = await get('/members/roles', jar);
		assert.equal(r.status, 200);
		const { cols, m } = parseMatrix(r.body);
		assert.deepEqual([...cols].sort(), [...ROLE_KEYS].sort(), 'one column per role');
		assert.deepEqual(Object.keys(m), [...PERM_KEYS, ...EXTRA_PERM_KEYS],
		    'every permission, in ROLES.md order, then those its rules imply');
		const diff = [];
		for (const p of [...PERM_KEYS, ...EXTRA_PERM_KEYS])
			for (const ro of ROLE_KEYS)
				if (m[p][ro].yes !== PERMS[p][ro].yes || m[p][ro].note !== PERMS[p][ro].note)
					diff.push(`${p}/${ro}: page ${m[p][ro].yes ? 'Y' : '—'}${m[p][ro].note || ''}, ROLES.md ${PERMS[p][ro].yes ? 'Y' : '—'}${PERMS[p][ro].note || ''}`);
		assert.deepEqual(diff, []);
	});
}

test('/members/roles lists the viewer\'s own grants', async () => {
	const jar = await login('northcoord');
	const r = await get('/members/roles', jar);
	const t = text(r.body);
	assert.match(t, /Member Coordinator\s*—\s*Community Timebank “North Side Timebank”/, "the scope in words");
});

for (const user of ['alice', 'applicant1']) {
	test(`/members/roles is 403 for ${user}`, async () => {
		const jar = await login(user);
		const r = await get('/members/roles', jar);
		assert.equal(r.status, 403);
		assert.doesNotMatch(r.body, /member\.unapprove/, 'the matrix is not shown');
	});
}

test('/members/roles sends a visitor to log in', async () => {
	const r = await get('/members/roles');
	assert.equal(r.status, 303);
	assert.match(r.location, /^\/login/);
});
