// The member list (GET /members) and its CSV export: each filter narrows
// to the right members, the sorts, keyset paging forward and back without
// duplicates or gaps, the scope of a community coordinator, the columns
// each role may see (docs/authorization.md rules 2 and 8, footnote 1),
// formula-safe CSV, and bad input answered with 400 and the form kept.
//
// The members are made here, in a community of their own (ZL<pid>), and
// removed at the end; a community coordinator of that community is made
// too (he shares the demo password: his hash is copied from alice's).
// Demo members are only read.

import test from 'node:test';
import assert from 'node:assert/strict';
import { BareKeys, as, get, request, sql, text } from './lib.mjs';

const keys = new BareKeys();
const TAG = `zl${process.pid % 100000}`;
const N = 120;
const SPECIAL = ['=cmd', '@SUM(A1:A2)', '+1+1', '-1-1'];
const pad = (i) => String(i).padStart(3, '0');
let CID = 0;
let BIG = 0;	// a second community with 1050 members, for the CSV chunks

function q(s) {
	return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

// ---- fixtures ------------------------------------------------------------

test.before(() => {
	sql(`INSERT INTO communities (name) VALUES (${q(`ZL ${TAG} list test`)})`);
	CID = Number(sql(`SELECT id FROM communities WHERE name = ${q(`ZL ${TAG} list test`)}`)[0][0]);
	sql(`INSERT INTO communities (name) VALUES (${q(`ZL ${TAG} csv test`)})`);
	BIG = Number(sql(`SELECT id FROM communities WHERE name = ${q(`ZL ${TAG} csv test`)}`)[0][0]);
	// Name order is i order; username, joined and last-login orders are
	// other permutations of it (37, 53 and 17 are prime to 120).
	const rows = [];
	for (let i = 0; i < N; i++) {
		const status = i % 6 === 0 ? 'applying' : i % 6 === 1 ? 'disabled' : 'approved';
		const login = i % 4 === 0 ? 'NULL' :
		    `'2021-01-01 10:00:00' + INTERVAL ${(i * 17) % 120} DAY`;
		rows.push(`(${q(`${TAG}_${pad((i * 37) % 120)}`)}, ${q(`${TAG}mail-${pad(i)}@example.org`)},
		    ${q(`Zlist${TAG} ${pad(i)}`)}, @pw, '${status}', ${CID}, ${i % 10 === 5 ? 1 : 0},
		    ${i % 8 === 3 ? 1 : 0}, '+1 555 01${pad(i)}', '',
		    '2020-01-01 12:00:00' + INTERVAL ${(i * 53) % 120} DAY, ${login})`);
	}
	SPECIAL.forEach((name, k) => rows.push(`(${q(`${TAG}_x${k}`)}, ${q(`${TAG}mail-x${k}@example.org`)},
	    ${q(name)}, @pw, 'approved', ${CID}, 0, 0, '', '', '2019-06-0${k + 1} 00:00:00', NULL)`));
	sql(`SET @pw = (SELECT password_hash FROM members WHERE username = 'alice');
	    INSERT INTO members (username, email, name, password_hash, status, community_id,
	    is_organisation, optout, phone, about, joined_at, last_login_at) VALUES ${rows.join(',\n')}`);
	// The 1050 of the export's chunk test.
	sql(`INSERT INTO members (username, email, name, password_hash, status, community_id, about, joined_at)
	    SELECT CONCAT('${TAG}_b', seq), CONCAT('${TAG}b', seq, '@example.org'),
	    CONCAT('Zbig${TAG} ', LPAD(seq, 4, '0')), 'x', 'approved', ${BIG}, '',
	    '2020-01-01' + INTERVAL seq MINUTE FROM seq_1_to_1050`);
	// A member coordinator of the test community only, in no community.
	sql(`INSERT INTO members (username, email, name, password_hash, status, about, approved_at)
	    SELECT '${TAG}_coord', '${TAG}coord@example.org', 'Zl Coordinator', password_hash,
	    'approved', '', UTC_TIMESTAMP() FROM members WHERE username = 'alice'`);
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id)
	    SELECT id, 'member', 'community', ${CID} FROM members WHERE username = '${TAG}_coord'`);
	// One of the test members holds a role (the role filter).
	sql(`INSERT INTO grants (member_id, role, scope_kind, community_id)
	    SELECT id, 'support', 'community', ${CID} FROM members WHERE name = 'Zlist${TAG} 007'`);
});

test.after(() => {
	const like = `'${TAG}\\_%'`;
	try {
		sql(`DELETE g FROM grants g JOIN members m ON m.id = g.member_id WHERE m.username LIKE ${like}`);
		sql(`DELETE FROM members WHERE username LIKE ${like}`);
		sql(`DELETE FROM communities WHERE id IN (${CID}, ${BIG})`);
	} catch (e) {
		console.error(`cleanup of ${TAG}: ${e.message}`);
	}
});

// ---- reading the page ----------------------------------------------------

function decode(s) {
	return s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"')
	    .replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

// The table's rows: [{id, cells: [text...], html}], the bulk checkbox
// left out: cells are name, username, status, then (full view) community,
// joined, last login, notes, then (contact) e-mail and phone.
function rows(html) {
	const out = [];
	const re = /<tr data-member="(\d+)">([\s\S]*?)<\/tr>/g;
	let m;
	while ((m = re.exec(html)) !== null) {
		const cells = [...m[2].matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)]
		    .filter((c) => !/type="checkbox"/.test(c[1])).map((c) => text(c[1]));
		out.push({ id: Number(m[1]), cells, html: m[2] });
	}
	return out;
}

function headers(html) {
	const t = html.match(/<thead>([\s\S]*?)<\/thead>/);
	return t ? [...t[1].matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((h) => text(h[1]).replace(/[▲▼]/g, '').trim()) : [];
}

function link(html, rel) {
	const labels = { next: 'Next page', prev: 'Previous page', first: 'First page' };
	const re = new RegExp(`<a href="([^"]*)"[^>]*>${labels[rel]}</a>`);
	const m = html.match(re);
	return m ? decode(m[1]) : null;
}

async function page(user, qs, status = 200) {
	const r = await get(`/members${qs ? `?${qs}` : ''}`, await as(user));
	assert.equal(r.status, status, `GET /members?${qs} as ${user}: ${r.status} ${text(r.body).slice(0, 300)}`);
	keys.check(r.body, `/members?${qs}`);
	return r.body;
}

// Every row of every page, following "Next page"; returns the rows.
async function walk(user, qs) {
	let html = await page(user, qs);
	const all = [...rows(html)];
	assert.equal(link(html, 'prev'), null, 'no Previous on the first page');
	assert.equal(link(html, 'first'), null, 'no First on the first page');
	let n = 0;
	for (let next = link(html, 'next'); next; next = link(html, 'next')) {
		assert.ok(++n < 100, 'the walk ends');
		assert.doesNotMatch(next, /offset|page=/i, 'keyset links, no OFFSET');
		const r = await get(next, await as(user));
		assert.equal(r.status, 200, `${next}: ${r.status}`);
		html = r.body;
		assert.ok(rows(html).length <= 50);
		all.push(...rows(html));
	}
	return all;
}

function mine(where, order = 'name, id') {
	return sql(`SELECT id FROM members WHERE community_id = ${CID} AND ${where} ORDER BY ${order}`)
	    .map((r) => Number(r[0]));
}

const ids = (rs) => rs.map((r) => r.id);
const C = () => `community=${CID}`;

// ---- filters ---------------------------------------------------------------

test('the community filter lists exactly the test community, 50 rows a page', async () => {
	const html = await page('admin', C());
	assert.equal(rows(html).length, 50);
	const all = await walk('admin', C());
	assert.deepEqual(ids(all), mine('1'));
	assert.equal(all.length, N + SPECIAL.length);
});

test('each filter narrows to the right members', async () => {
	const cases = [
		['status=applying', "status = 'applying'"],
		['status=disabled', "status = 'disabled'"],
		['status=approved', "status = 'approved'"],
		['org=1', 'is_organisation = 1'],
		['optout=yes', 'optout = 1'],
		['optout=no', 'optout = 0'],
		['joined_from=2020-02-01&joined_to=2020-02-10',
		    "joined_at >= '2020-02-01' AND joined_at < '2020-02-11'"],
		['joined_from=2020-04-01', "joined_at >= '2020-04-01'"],
		['joined_to=2019-12-31', "joined_at < '2020-01-01'"],
		['login=never', 'last_login_at IS NULL'],
		['login=before&login_date=2021-02-01', "last_login_at < '2021-02-01'"],
		['login=after&login_date=2021-04-01', "last_login_at >= '2021-04-01'"],
		[`q=Zlist${TAG}+00`, `name LIKE 'Zlist${TAG} 00%'`],
		[`q=${TAG}_01`, `username LIKE '${TAG}\\_01%'`],
		[`q=${TAG}mail-11`, `email LIKE '${TAG}mail-11%'`],
		['q=%3Dcm', "name = '=cmd'"],
		['q=%25', '0'],		// a literal %, not a wildcard
		['q=_', '0'],
		['role=support', `id IN (SELECT member_id FROM grants WHERE role = 'support')`],
		['status=approved&optout=no&login=never', "status = 'approved' AND optout = 0 AND last_login_at IS NULL"],
	];
	for (const [qs, where] of cases) {
		const got = ids(await walk('admin', `${C()}&${qs}`));
		const want = mine(where);
		assert.deepEqual(got, want, `${qs}: ${got.length} rows, want ${want.length}`);
		if (!/^q=%|^q=_/.test(qs))
			assert.ok(want.length > 0 && want.length < N + SPECIAL.length, `${qs} narrows`);
	}
});

test('filters against known demo members', async () => {
	const names = async (qs) => rows(await page('admin', qs)).map((r) => r.cells[1]);
	let u = await names('community=1');
	for (const x of ['alice', 'bob', 'carol'])
		assert.ok(u.includes(x), `community 1 has ${x}`);
	assert.ok(!u.includes('dave'), 'dave is in community 2');
	u = await names('community=2');
	assert.ok(u.includes('dave') && u.includes('erin') && !u.includes('alice'));
	u = await names('org=1');
	assert.ok(u.includes('greenhouse') && !u.includes('alice'), 'organisations');
	u = await names('optout=yes&q=Frank');
	assert.deepEqual(u, ['frank'], 'frank opted out');
	u = await names('q=alic');
	assert.deepEqual(u, ['alice'], 'name prefix');
	u = await names('q=alice%40example');
	assert.deepEqual(u, ['alice'], 'e-mail prefix, for a viewer with member.contact');
	u = await names('role=member');
	assert.ok(u.includes('mcoord') && u.includes('northcoord') && !u.includes('alice'), 'role filter');
	u = await names('role=translator');
	assert.ok(u.includes('translator') && !u.includes('mcoord'));
});

// ---- sorting and paging ----------------------------------------------------

test('each sort column, both ways, in the database\'s order', async () => {
	const sorts = [
		['name', 'name'], ['username', 'username'], ['joined', 'joined_at'],
		['login', 'last_login_at'],
	];
	for (const [s, col] of sorts) {
		for (const dir of ['asc', 'desc']) {
			const got = ids(await walk('admin', `${C()}&sort=${s}&dir=${dir}`));
			const d = dir === 'desc' ? ' DESC' : '';
			assert.deepEqual(got, mine('1', `${col}${d}, id${d}`), `sort=${s}&dir=${dir}`);
		}
	}
	// Never logged in comes first going up, last going down.
	const up = rows(await page('admin', `${C()}&sort=login`));
	assert.equal(up[0].cells[5], 'never');
	const html = await page('admin', `${C()}&sort=name`);
	assert.match(html, /aria-sort="ascending"><a href="[^"]*sort=name&amp;dir=desc/, 'the sorted header links to the other way');
});

test('paging forward then back: no duplicates, no omissions, same rows', async () => {
	for (const qs of [`${C()}`, `${C()}&sort=login&dir=desc`, `${C()}&sort=joined`, `${C()}&sort=username&dir=desc`]) {
		const fwd = await walk('admin', qs);
		assert.equal(new Set(ids(fwd)).size, fwd.length, `${qs}: no duplicates`);
		assert.equal(fwd.length, N + SPECIAL.length, `${qs}: nothing left out`);
		// Go to the last page, then back with "Previous page".
		let html = await page('admin', qs);
		const pages = [rows(html)];
		for (let next = link(html, 'next'); next; next = link(html, 'next')) {
			html = (await get(next, await as('admin'))).body;
			pages.push(rows(html));
			assert.ok(link(html, 'first'), 'a First link after the first page');
			assert.ok(link(html, 'prev'), 'a Previous link after the first page');
		}
		assert.equal(pages.length, 3);
		const back = [];
		for (let prev = link(html, 'prev'); prev; prev = link(html, 'prev')) {
			assert.match(prev, /before_(key|null)=[^&]*&before_id=\d+/);
			html = (await get(prev, await as('admin'))).body;
			back.unshift(rows(html));
		}
		assert.deepEqual(back.map(ids), pages.slice(0, -1).map(ids), `${qs}: the same pages going back`);
		assert.equal(link(html, 'prev'), null, 'back on the first page: no Previous');
		assert.ok(link(html, 'next'));
	}
});

test('a cursor that does not fit the sort is a 400, not a wrong page', async () => {
	await page('admin', `${C()}&sort=joined&after_key=Bob&after_id=3`, 400);
	await page('admin', `${C()}&after_id=abc&after_key=x`, 400);
	await page('admin', `${C()}&after_null=1&after_id=3`, 400);
	const html = await page('admin', `${C()}&after_key=a&after_id=1&before_key=b&before_id=2`, 400);
	assert.match(text(html), /not valid/);
});

// ---- bad filters -----------------------------------------------------------

test('bad filter values: 400, the form kept with a message on the field', async () => {
	const bad = [
		['status=bogus', 'status'],
		['role=king', 'role'],
		['optout=maybe', 'optout'],
		['login=yesterday', 'login'],
		['login=before', 'login_date'],
		['login_date=2021-01-01', 'login'],
		['joined_from=2020-13-45', 'joined_from'],
		['joined_from=2021-01-02&joined_to=2021-01-01', 'joined_to'],
		['sort=email', 'sort'],
		['dir=up', 'dir'],
		['community=abc', 'community'],
		[`q=${'x'.repeat(65)}`, 'q'],
	];
	for (const [qs, field] of bad) {
		const html = await page('admin', `${qs}&q2=kept`, 400);
		assert.match(html, new RegExp(`id="${field}-error"`), `${qs}: message on ${field}`);
		assert.match(html, /class="error-summary"/, `${qs}: summary`);
		assert.equal(rows(html).length, 0, `${qs}: no rows`);
	}
	const html = await page('admin', 'joined_from=2020-13-45&q=Zed', 400);
	assert.match(html, /id="q" name="q" value="Zed"/, 'the search is kept');
	assert.match(html, /id="joined_from" name="joined_from" value="2020-13-45"/, 'the bad date is kept');
	const csv = await get('/members/export.csv?status=bogus', await as('admin'));
	assert.equal(csv.status, 400);
});

// ---- scope -----------------------------------------------------------------

test('a community coordinator sees only their community; a site coordinator sees all', async () => {
	const nc = await walk('northcoord', '');
	const inOne = new Set(sql('SELECT id FROM members WHERE community_id = 1').map((r) => Number(r[0])));
	assert.ok(nc.length > 0);
	for (const r of nc)
		assert.ok(inOne.has(r.id), `northcoord sees member ${r.id}, of community 1`);
	assert.ok(!nc.some((r) => r.cells[1] === 'dave'), 'not dave (community 2)');
	assert.ok(!ids(nc).some((id) => mine('1').includes(id)), 'none of the test community');
	// Asking for another community is refused with a message, not widened.
	const html = await page('northcoord', `community=${CID}`, 400);
	assert.match(html, /id="community-error"/);
	assert.equal(rows(html).length, 0);

	const mc = await walk('mcoord', `q=dav`);
	assert.ok(mc.some((r) => r.cells[1] === 'dave'), 'mcoord sees dave');
	assert.deepEqual(ids(await walk('mcoord', C())), mine('1'), 'mcoord sees the test community');

	// The test community's own coordinator: exactly its members.
	assert.deepEqual(ids(await walk(`${TAG}_coord`, '')), mine('1'));
	const csv = await get('/members/export.csv', await as('northcoord'));
	assert.equal(csv.status, 200);
	const lines = csv.body.trim().split('\r\n').slice(1);
	assert.ok(lines.length > 0);
	for (const l of lines)
		assert.ok(inOne.has(Number(JSON.parse(l.split(',')[0]))), `CSV row of community 1: ${l}`);
});

// ---- columns ---------------------------------------------------------------

test('contact columns: support sees e-mail and phone, outreach does not', async () => {
	let html = await page('support', 'q=alice');
	assert.ok(headers(html).includes('E-mail') && headers(html).includes('Phone'));
	assert.match(html, /alice@example\.org/);
	html = await page('outreach', 'q=alice');
	assert.ok(!headers(html).includes('E-mail') && !headers(html).includes('Phone'), 'no contact columns');
	assert.doesNotMatch(html, /@example\.org/, 'no address anywhere');
	assert.match(html, /Alice Adams/);
	// Outreach cannot find anyone by e-mail either.
	html = await page('outreach', 'q=alice%40example');
	assert.equal(rows(html).length, 0, 'e-mail is not searched without member.contact');
	// Notes link: with member.notes (support), not without (outreach).
	assert.match(await page('support', 'q=alice'), /href="\/members\/\d+\/notes"/);
	assert.doesNotMatch(await page('outreach', 'q=alice'), /\/notes"/);
});

test('the payment coordinator\'s narrow view: names and status only', async () => {
	const html = await page('payment', 'q=alice');
	// With payments on (the demo), the subscription columns
	// (docs/payments.md).
	assert.deepEqual(headers(html), ['Name', 'Username', 'Status', 'Subscription', 'Renewal date']);
	assert.match(html, /data-subscription="current"><a href="\/payments\/members\/\d+">current<\/a>/);
	assert.doesNotMatch(html, /@example\.org|555 01|\/notes"|North Side Timebank<\/td>/);
	assert.doesNotMatch(html, /action="\/members\/bulk"/);
	assert.match(html, /href="\/members\/\d+">Alice Adams/, 'rows link to the profile');
	// Nor the filters and sorts that would tell what the columns hide.
	for (const qs of ['sort=joined', 'sort=login', 'role=admin', 'org=1', 'optout=yes',
	    'login=never', 'joined_from=2020-01-01'])
		assert.match(await page('payment', qs, 400), /not available in your view/, qs);
	// Status and community are theirs to filter by.
	assert.ok(rows(await page('payment', `${C()}&status=applying`)).length > 0);
	const csv = await get('/members/export.csv?q=alice', await as('payment'));
	assert.equal(csv.body.split('\r\n')[0], 'id,username,name,status');
	assert.doesNotMatch(csv.body, /@example\.org/);
});

test('the bulk form: admin only, checkboxes named id, the filters as f_* fields', async () => {
	const html = await page('admin', `${C()}&status=applying&optout=no&q=Zlist`);
	const form = html.match(/<form method="post" action="\/members\/bulk"[\s\S]*?<\/form>/);
	assert.ok(form, 'a bulk form');
	assert.match(form[0], /name="csrf" value="[0-9a-f]{64}"/);
	const boxes = [...form[0].matchAll(/type="checkbox" name="id" value="(\d+)"/g)].map((m) => Number(m[1]));
	assert.deepEqual(boxes, ids(rows(html)));
	for (const a of ['approve', 'unapprove', 'disable', 'enable', 'grant', 'revoke'])
		assert.match(form[0], new RegExp(`<option value="${a}">`));
	assert.match(form[0], /name="all_matching" value="1"/);
	assert.match(form[0], /name="f_status" value="applying"/);
	assert.match(form[0], new RegExp(`name="f_community" value="${CID}"`));
	assert.match(form[0], /name="f_optout" value="no"/);
	assert.match(form[0], /name="f_q" value="Zlist"/);
	assert.match(form[0], /name="f_org" value=""/);
	assert.match(form[0], /name="f_role" value=""/);
	// Filters the f_* fields cannot carry: no "all matching".
	const dated = await page('admin', `${C()}&joined_from=2020-01-01`);
	assert.doesNotMatch(dated, /name="all_matching"/);
	assert.match(dated, /name="id" value="\d+"/);
	// Not for the member coordinator (no member.bulk).
	assert.doesNotMatch(await page('mcoord', C()), /action="\/members\/bulk"|name="id"/);
});

// ---- CSV -------------------------------------------------------------------

function csvCells(line) {
	const out = [];
	const re = /"((?:[^"]|"")*)"(?:,|$)/g;
	let m;
	while ((m = re.exec(line)) !== null) {
		out.push(m[1].replace(/""/g, '"'));
		if (re.lastIndex >= line.length)
			break;
	}
	return out;
}

test('CSV export: headers, the filtered rows, the page\'s columns, formulas defused', async () => {
	const r = await get(`/members/export.csv?${C()}&sort=joined`, await as('admin'));
	assert.equal(r.status, 200);
	assert.equal(r.headers['content-type'], 'text/csv; charset=utf-8');
	assert.match(r.headers['content-disposition'], /^attachment; filename="members\.csv"$/);
	const lines = r.body.split('\r\n');
	assert.equal(lines.pop(), '', 'CRLF after the last record');
	assert.equal(lines[0], 'id,username,name,status,community,organisation,optout,joined,last_login,email,phone');
	const body = lines.slice(1).map(csvCells);
	assert.deepEqual(body.map((c) => Number(c[0])), mine('1', 'joined_at, id'), 'same rows, same order');
	for (const c of body)
		assert.equal(c.length, 11);
	// Every cell is quoted, and a leading = + - @ becomes text.
	for (const name of SPECIAL) {
		const line = lines.find((l) => l.includes(`${TAG}_x${SPECIAL.indexOf(name)}"`));
		assert.ok(line, `a row for ${name}`);
		assert.ok(line.includes(`"'${name}"`), `${name} is written '${name}: ${line}`);
	}
	assert.ok(lines.slice(1).every((l) => l.startsWith('"')), 'quoted cells');
	const alice = (await get('/members/export.csv?q=alice', await as('admin'))).body;
	// A phone number's leading + is defused like any formula.
	assert.match(alice, /"alice@example\.org","'\+1 555 0110"/);
	// Outreach: no contact columns in the file either.
	const o = await get('/members/export.csv?q=alice', await as('outreach'));
	assert.equal(o.body.split('\r\n')[0], 'id,username,name,status,community,organisation,optout,joined,last_login');
	assert.doesNotMatch(o.body, /@example\.org/);
});

test('CSV export of 1050 rows: every chunk, in order, nothing twice', async () => {
	const r = await get(`/members/export.csv?community=${BIG}`, await as('admin'));
	assert.equal(r.status, 200);
	const got = r.body.trim().split('\r\n').slice(1).map((l) => Number(csvCells(l)[0]));
	const want = sql(`SELECT id FROM members WHERE community_id = ${BIG} ORDER BY name, id`).map((x) => Number(x[0]));
	assert.equal(got.length, 1050);
	assert.deepEqual(got, want);
	const desc = await get(`/members/export.csv?community=${BIG}&sort=joined&dir=desc`, await as('admin'));
	const gotd = desc.body.trim().split('\r\n').slice(1).map((l) => Number(csvCells(l)[0]));
	assert.deepEqual(gotd, sql(`SELECT id FROM members WHERE community_id = ${BIG}
	    ORDER BY joined_at DESC, id DESC`).map((x) => Number(x[0])));
});

test('community names are read on each request: a renamed one, a new one', async () => {
	const name = `ZL ${TAG} list test`, renamed = `ZL ${TAG} renamed`, added = `ZL ${TAG} added`;
	sql(`UPDATE communities SET name = ${q(renamed)} WHERE id = ${CID}`);
	try {
		// The administrator's rows and the outreach coordinator's
		// (each row's cells decided one by one) both have it.
		for (const user of ['admin', 'outreach']) {
			const html = await page(user, C());
			const rs = rows(html);
			assert.ok(rs.length > 0 && rs.every((r) => r.cells[3] === renamed), `${user}: the rows`);
			assert.match(html, new RegExp(`<option value="${CID}" selected>${renamed}</option>`),
			    `${user}: the filter form`);
		}
		const csv = (await get(`/members/export.csv?${C()}`, await as('admin'))).body.split('\r\n');
		assert.equal(csvCells(csv[1])[4], renamed, 'the CSV');
	} finally {
		sql(`UPDATE communities SET name = ${q(name)} WHERE id = ${CID}`);
	}
	sql(`INSERT INTO communities (name) VALUES (${q(added)})`);
	const nid = Number(sql(`SELECT id FROM communities WHERE name = ${q(added)}`)[0][0]);
	const who = `Zlist${TAG} 010`;
	sql(`UPDATE members SET community_id = ${nid} WHERE name = ${q(who)}`);
	try {
		const html = await page('admin', `q=${encodeURIComponent(who)}`);
		assert.deepEqual(rows(html).map((r) => r.cells[3]), [added]);
		assert.match(html, new RegExp(`<option value="${nid}">${added}</option>`));
	} finally {
		sql(`UPDATE members SET community_id = ${CID} WHERE name = ${q(who)}`);
		sql(`DELETE FROM communities WHERE id = ${nid}`);
	}
});

// ---- refusals ----------------------------------------------------------------

test('who may not see the list: visitors go to log in, members and translators get 403', async () => {
	for (const path of ['/members', '/members/export.csv', `/members?${C()}`]) {
		const v = await request(path);
		assert.equal(v.status, 303, `${path} as a visitor`);
		assert.match(v.location, /^\/login\?next=/);
		assert.equal((await get(path, await as('alice'))).status, 403, `${path} as alice`);
		assert.equal((await get(path, await as('translator'))).status, 403, `${path} as translator`);
	}
	// Allowed twins: every role holding member.list.
	for (const u of ['admin', 'mcoord', 'support', 'outreach', 'payment', 'northcoord'])
		assert.equal((await get('/members', await as(u))).status, 200, u);
});

test('no page shows a phrase key', () => {
	keys.assertNone();
});
