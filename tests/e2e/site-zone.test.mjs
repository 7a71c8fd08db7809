// The site's time zone (setting time_zone; docs/site.md): every moment a
// page shows (stored in UTC) is shown as the timebank's wall clock, in
// one place (i18n_date(), cgi-bin/common/i18n_conv.c); storage stays UTC
// and plain dates (an ad's expiry) are not moved.  Pacific/Kiritimati is
// UTC+14 all year, far enough to move the day.  The setting and the rows
// changed here are put back at the end.

import test from 'node:test';
import assert from 'node:assert/strict';
import { as, formFor, formValues, get, post, sql, text } from './lib.mjs';
import { makeMember, setting } from './exchanges-lib.mjs';

const clip = (s) => String(s).slice(0, 300);

async function page(path, jar) {
	const r = await get(path, jar);
	assert.equal(r.status, 200, `GET ${path}: ${clip(text(r.body))}`);
	return r.body;
}

test('moments are shown in the site\'s time zone, stored in UTC', async () => {
	const admin = await as('admin');
	const saved = setting('time_zone');
	const m = makeMember({ community: 1 });
	const ad = Number(sql("SELECT MIN(id) FROM ads WHERE status = 'active'")[0][0]);
	const [adAt, adUntil] = sql(`SELECT created_at, expires_on FROM ads WHERE id = ${ad}`)[0];
	const author = Number(sql("SELECT id FROM members WHERE username = 'admin'")[0][0]);
	try {
		sql(`INSERT INTO member_notes (member_id, author_id, body, created_at)
		    VALUES (${m.id}, ${author}, 'Zone note', '2026-03-10 15:30:00')`);
		sql(`UPDATE ads SET created_at = '2026-03-10 12:05:00' WHERE id = ${ad}`);
		let body = await page(`/members/${m.id}/notes`, admin);
		assert.match(body, /2026-03-10 15:30:00/, 'UTC before the change');
		// Through /site: saved like any setting.
		const f = formValues(formFor(await page('/site', admin), '/site'));
		const r = await post('/site', admin, { ...f, time_zone: 'Pacific/Kiritimati' });
		assert.equal(r.status, 303, clip(text(r.body)));
		const setAt = sql(`SELECT id FROM audit_log WHERE action = 'setting.set'
		    AND JSON_VALUE(after_json, '$.name') = 'time_zone' ORDER BY id DESC LIMIT 1`)[0][0];
		sql(`UPDATE audit_log SET at = '2027-01-10 23:45:00' WHERE id = ${setAt}`);
		// A note, the next day at 05:30 in Kiritimati.
		body = await page(`/members/${m.id}/notes`, admin);
		assert.match(body, /2026-03-11 05:30:00/);
		assert.doesNotMatch(body, /2026-03-10 15:30:00/);
		// The audit log and the setting's versions.
		body = await page('/members/audit?action=setting.set', admin);
		assert.match(body, /2027-01-11 13:45:00/);
		assert.doesNotMatch(body, /2027-01-10 23:45:00/);
		body = await page('/site/settings/time_zone', admin);
		assert.match(body, /2027-01-11 13:45:00/);
		// An ad: posted moves, its last day (a date) does not.
		body = await page(`/ads/${ad}`, await as('alice'));
		assert.match(body, /2026-03-11 02:05:00/);
		assert.match(body, new RegExp(String(adUntil).slice(0, 10)));
		// Storage is UTC.
		assert.equal(sql(`SELECT created_at FROM member_notes WHERE member_id = ${m.id}`)[0][0],
		    '2026-03-10 15:30:00');
		// Back to UTC: as stored.
		setting('time_zone', 'UTC');
		body = await page(`/members/${m.id}/notes`, admin);
		assert.match(body, /2026-03-10 15:30:00/);
	} finally {
		setting('time_zone', saved);
		sql(`UPDATE ads SET created_at = '${adAt}' WHERE id = ${ad}`);
		sql(`DELETE FROM member_notes WHERE member_id = ${m.id}`);
	}
});

// A broadcast's schedule is typed as the timebank's wall clock and kept
// in UTC (the mailer's clock); an event's times are the wall clock where
// it happens, kept as typed, and "past" is decided by the site's now.
test('a schedule is typed in the site\'s zone and stored in UTC; events are past by the site\'s clock', async () => {
	const admin = await as('admin');
	const saved = setting('time_zone');
	const adminId = Number(sql("SELECT id FROM members WHERE username = 'admin'")[0][0]);
	const tag = `zz${process.pid}`;
	let bid = 0;
	try {
		setting('time_zone', 'Pacific/Kiritimati');
		let body = await page('/broadcasts/new', admin);
		let r = await post('/broadcasts/new', admin, {
			csrf: formValues(formFor(body, '/broadcasts/new')).csrf, lang: 'en', status: 'approved',
			subject: `Zone ${tag}`, body: 'Later.',
		});
		assert.equal(r.status, 303, clip(text(r.body)));
		bid = Number(r.location.match(/^\/broadcasts\/(\d+)$/)[1]);
		body = await page(`/broadcasts/${bid}`, admin);
		assert.match(body, /Time \(Pacific\/Kiritimati\)/, 'the form says which clock');
		// Two days ahead at 09:30 in Kiritimati (UTC+14) is 19:30 UTC the day before.
		const day = new Date(Date.now() + 2 * 86400000).toISOString().slice(0, 10);
		const before = new Date(Date.parse(`${day}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);
		r = await post(`/broadcasts/${bid}/send`, admin, {
			csrf: formValues(formFor(body, `/broadcasts/${bid}/send`)).csrf, when: 'later', date: day, time: '09:30',
		});
		assert.equal(r.status, 303, clip(text(r.body)));
		assert.equal(sql(`SELECT DATE_FORMAT(scheduled_at, '%Y-%m-%d %H:%i') FROM broadcasts WHERE id = ${bid}`)[0][0],
		    `${before} 19:30`);
		body = await page(`/broadcasts/${bid}`, admin);
		assert.match(body, new RegExp(`to be sent at ${day} 09:30`), 'shown as typed');
		body = await page('/broadcasts', admin);
		assert.doesNotMatch(body, new RegExp(`${before} 19:30`), 'the history shows no UTC moment');

		// Ends three hours from now in UTC terms: ahead in UTC, behind in Kiritimati.
		sql(`INSERT INTO events (title, description, starts_at, ends_at, created_by)
		    VALUES ('Zone event ${tag}', '', UTC_TIMESTAMP() - INTERVAL 1 HOUR,
		    UTC_TIMESTAMP() + INTERVAL 3 HOUR, ${adminId})`);
		const alice = await as('alice');
		assert.match(await page('/events?past=1', alice), new RegExp(`Zone event ${tag}`), 'past at 14 hours ahead');
		assert.doesNotMatch(await page('/events', alice), new RegExp(`Zone event ${tag}`));
		setting('time_zone', 'UTC');
		assert.match(await page('/events', alice), new RegExp(`Zone event ${tag}`), 'upcoming at UTC');
		assert.doesNotMatch(await page('/events?past=1', alice), new RegExp(`Zone event ${tag}`));
	} finally {
		setting('time_zone', saved);
		if (bid) {
			sql(`DELETE FROM outbox WHERE broadcast_id = ${bid}`);
			sql(`DELETE FROM broadcast_texts WHERE broadcast_id = ${bid}`);
			sql(`DELETE FROM broadcasts WHERE id = ${bid}`);
		}
		sql(`DELETE FROM events WHERE title = 'Zone event ${tag}'`);
	}
});
