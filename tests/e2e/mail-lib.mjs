// Helpers for the mail tests: what an SMTP sink (tools/weft-smtp-sink)
// received, read from its .eml files, and outbox rows written as a page
// or a broadcast would write them.

import { readdirSync, readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { Jar, VAR, formValues, forms, get, memberId, request, sql } from './lib.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const MAILDIR = `${VAR}/mail`;

// The .eml files of a sink's folder, oldest first.
export function emlFiles(dir = MAILDIR) {
	let names = [];
	try {
		names = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
	} catch {
		return [];
	}
	return names.map((f) => `${dir}/${f}`);
}

// One message: its headers (names lower-cased, folded lines joined, the
// first of each kept and every value in all), and its raw body.
export function parseEml(text) {
	const i = text.indexOf('\r\n\r\n');
	const head = text.slice(0, i).replace(/\r\n[ \t]/g, ' ');
	const headers = {};
	const all = {};
	for (const line of head.split('\r\n')) {
		const c = line.indexOf(':');
		const k = line.slice(0, c).toLowerCase();
		const v = line.slice(c + 1).trim();
		if (!(k in headers))
			headers[k] = v;
		(all[k] ||= []).push(v);
	}
	return { headers, all, body: text.slice(i + 4), raw: text };
}

// RFC 2047 encoded words (B and Q) back to text.
export function decodeWords(v) {
	return v.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (m, enc, data) => {
		if (enc.toUpperCase() === 'B')
			return Buffer.from(data, 'base64').toString('utf8');
		return Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi,
		    (x, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
	});
}

// Quoted-printable back to text.
export function decodeQP(s) {
	const bytes = [];
	const src = s.replace(/=\r\n/g, '');
	for (let i = 0; i < src.length; i++) {
		if (src[i] === '=' && /^[0-9A-F]{2}$/i.test(src.slice(i + 1, i + 3))) {
			bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
			i += 2;
		} else
			bytes.push(src.charCodeAt(i));
	}
	return Buffer.from(bytes).toString('utf8');
}

// Every message of the folder whose Message-ID is id.
export function mailsFor(id, dir = MAILDIR) {
	return emlFiles(dir).map((f) => parseEml(readFileSync(f, 'latin1')))
	    .filter((m) => m.headers['message-id'] === id);
}

// Waits until fn() is truthy (polling), up to ms; returns its last value.
export async function until(fn, ms = 20000, step = 100) {
	let v;
	for (let t = 0; t < ms; t += step) {
		if ((v = fn()))
			return v;
		await sleep(step);
	}
	return fn();
}

export const q = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

// Queues one row as outbox_queue() does (kind, member, address, list...);
// returns {id, messageId}.
export function queueRow({ kind = 'test.mail', member = null, to, name = '', lang = 'en',
    subject, body, list = 0 }) {
	const tag = `${Date.now()}${Math.floor(Math.random() * 1e9)}`;
	const mid = `<t${tag}@test.invalid>`;
	sql(`INSERT INTO outbox (kind, member_id, to_addr, to_name, lang, subject, body, list,
	    message_id) VALUES (${q(kind)}, ${member ?? 'NULL'}, ${q(to)}, ${q(name)}, ${q(lang)},
	    ${subject === null ? 'NULL' : q(subject)}, ${body === null ? 'NULL' : q(body)},
	    ${list}, ${q(mid)})`);
	const id = Number(sql(`SELECT id FROM outbox WHERE message_id = ${q(mid)}`)[0][0]);
	return { id, messageId: mid };
}

export function rowState(id) {
	const r = sql(`SELECT state, reason, attempts FROM outbox WHERE id = ${Number(id)}`)[0];
	return { state: r[0], reason: r[1] ?? '', attempts: Number(r[2]) };
}

// Waits until the row has left queued/sending (and deferred, unless
// deferredCounts).
export async function settled(id, { deferredCounts = false, ms = 20000 } = {}) {
	return until(() => {
		const s = rowState(id);
		if (s.state === 'queued' || s.state === 'sending')
			return null;
		if (s.state === 'deferred' && !deferredCounts)
			return null;
		return s;
	}, ms);
}

// The unsubscribe token of a member, made as mail_token.c makes it: the
// id, '-', the base64url HMAC-SHA256 of "unsubscribe:ID" under the site
// key (site_keys).
export async function unsubscribeToken(id) {
	const { createHmac } = await import('node:crypto');
	const hex = sql("SELECT HEX(secret) FROM site_keys WHERE name = 'unsubscribe'")[0][0];
	const mac = createHmac('sha256', Buffer.from(hex, 'hex')).update(`unsubscribe:${id}`).digest('base64url');
	return `${id}-${mac}`;
}

// Signs username up through the public form (community: its id, or none),
// from the client address addr; returns the new member's id.  The
// password is tag's, the address email (username@example.org when not
// given), from a browser that sends headers.  With expect, the response
// is returned as it is instead.
export async function signup(username, community, addr, tag = username,
    { email = `${username}@example.org`, expect = false, headers = {} } = {}) {
	const jar = new Jar();
	const page = await get('/signup', jar, { headers });
	const form = forms(page.body).find((f) => f.action === '/signup' && f.method === 'post');
	const v = formValues(form);
	for (const f of form.fields) {
		if (f.name === 'csrf' || f.type === 'hidden')
			continue;
		if (f.type === 'password')
			v[f.name] = `A-long-enough-password-${tag}`;
		else if (f.name === 'username')
			v[f.name] = username;
		else if (f.name === 'community')
			v[f.name] = community ? String(community) : '';
		else if (/mail/.test(f.name))
			v[f.name] = email;
		else if (/name/.test(f.name))
			v[f.name] = `Applicant ${username}`;
		else if (f.type === 'checkbox' && f.required)
			v[f.name] = 'on';
		else if (f.required && !v[f.name])
			v[f.name] = 'x';
	}
	const r = await request('/signup', { jar, form: v, localAddress: addr, headers });
	if (expect)
		return r;
	assert.ok([200, 303].includes(r.status), `signup: ${r.status}`);
	return memberId(username);
}
