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
