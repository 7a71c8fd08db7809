// A textarea gives back what was typed in it, line breaks included: when
// its form is re-rendered with an error (422) and when a saved text is
// edited again.  ctemplate's HTML escaping (:h, the auto-escape default)
// turns line breaks into spaces, so a broadcast, a page or a .po file sent
// back with one wrong field came back as one line; the templates use
// :pre_escape in textareas (and `make lint-templates` refuses one that
// does not).  One case per kind of form.

import test from 'node:test';
import assert from 'node:assert/strict';
import { as, formFor, formValues, get, post, sql } from './lib.mjs';

const TAG = `zt${process.pid % 100000}`;
const LINES = `${TAG} first line\n\nthird line, after a blank one\n  indented <b>&amp; "quoted"</b>\nlast`;

// The textarea NAME's content in html, as the browser reads it.
function textarea(html, name) {
	const m = html.match(new RegExp(`<textarea\\b[^>]*\\bname="${name}"[^>]*>([\\s\\S]*?)</textarea>`));
	assert.ok(m, `no textarea ${name}`);
	return m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
	    .replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

// GET path as user, fill its form to action with over, POST it.
async function submit(user, path, action, over) {
	const jar = await as(user);
	const page = await get(path, jar);
	assert.equal(page.status, 200, `GET ${path}`);
	const form = formFor(page.body, action);
	assert.ok(form, `no form to ${action} on ${path}`);
	return { jar, res: await post(action, jar, { ...formValues(form), ...over }) };
}

test.after(() => {
	sql(`DELETE FROM ads WHERE description LIKE '${TAG}%'`);
});

const CASES = [
	['a broadcast without its subject', 'admin', '/broadcasts/new', '/broadcasts/new', 'body', { subject: '' }],
	['an alert with a bad first day', 'admin', '/alerts/new', '/alerts/new', 'message', { starts_on: 'soon' }],
	['an event without its title', 'admin', '/events/new', '/events/new', 'description', { title: '' }],
	['an ad without its title', 'alice', '/ads/new', '/ads/new', 'description', { title: '' }],
	['a .po file that does not parse', 'admin', '/translations/es/import', '/translations/es/import', 'po',
	    { po: null }],
];

for (const [what, user, path, action, field, over] of CASES) {
	test(`re-rendered with an error, the textarea keeps its lines: ${what}`, async () => {
		const value = field === 'po' ? `msgid "${TAG}"\nmsgstr "x"\n\nthis line is not .po syntax\n` : LINES;
		const { res } = await submit(user, path, action, { ...over, [field]: value });
		assert.equal(res.status, 422, `${action} answered ${res.status}`);
		assert.equal(textarea(res.body, field), value);
	});
}

test('a saved text comes back with its lines on its edit page (an ad)', async () => {
	const form = (await get('/ads/new', await as('alice'))).body;
	const category = form.match(/<select[^>]*name="category"[\s\S]*?<option value="([1-9][0-9]*)"/)[1];
	const { jar, res } = await submit('alice', '/ads/new', '/ads/new',
	    { kind: 'offer', category, title: `${TAG} lines`, description: LINES });
	assert.equal(res.status, 303, `saving the ad answered ${res.status}`);
	const id = sql(`SELECT id FROM ads WHERE description LIKE '${TAG}%'`)[0][0];
	assert.equal(sql(`SELECT description FROM ads WHERE id = ${id}`)[0][0].replace(/\\n/g, '\n'), LINES);
	const edit = await get(`/ads/${id}/edit`, jar);
	assert.equal(edit.status, 200);
	assert.equal(textarea(edit.body, 'description'), LINES);
});
