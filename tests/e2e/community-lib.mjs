// What the tests of a throwaway Community Timebank share (alerts, events,
// broadcasts): its members are named TAG_x, and after the file they go
// with their sessions and grants, and the community with them; a page is
// read with its status checked and, when 200, its phrase keys.

import assert from 'node:assert/strict';
import { get, sql, text } from './lib.mjs';

// The members, sessions and grants of TAG_*, then the community cid (the
// rows of the area's own tables go first, by the caller).
export function dropTagged(tag, cid) {
	const mine = `SELECT id FROM members WHERE username LIKE '${tag}\\_%'`;
	sql(`DELETE FROM sessions WHERE member_id IN (${mine})`);
	sql(`DELETE g FROM grants g JOIN members m ON m.id = g.member_id WHERE m.username LIKE '${tag}\\_%'`);
	sql(`DELETE FROM members WHERE username LIKE '${tag}\\_%'`);
	sql(`DELETE FROM communities WHERE id = ${Number(cid)}`);
}

// page(path, jar, status = 200): the response, its status asserted; the
// keys of a 200 page checked by keys (a BareKeys).
export function pageReader(keys) {
	return async (path, jar, status = 200) => {
		const r = await get(path, jar);
		assert.equal(r.status, status, `GET ${path}: ${text(r.body).slice(0, 300)}`);
		if (status === 200)
			keys.check(r.body, path);
		return r;
	};
}
