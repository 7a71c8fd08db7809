// The program manifest, cgi-bin/programs, as the tests see it: read
// through tools/weft-programs, which checks it the same way for the
// Makefile, the stack script and nginx ($WEFT_PROGRAMS names another
// manifest, as it does for them).  No stack is needed to import this.

import { execFileSync } from 'node:child_process';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const PROGRAMS_TOOL = `${ROOT}/tools/weft-programs`;

// [{ name, kind: 'fastcgi' | 'daemon', prefixes: ['/members', ...] (none
// for a daemon), workers }], in manifest order.
export function manifest() {
	const out = execFileSync(PROGRAMS_TOOL, ['rows'], { encoding: 'utf8', timeout: 20000 });
	return out.split('\n').filter((l) => l !== '').map((l) => {
		const [name, kind, prefixes, workers] = l.split('\t');
		return {
			name, kind, workers: Number(workers),
			prefixes: kind === 'fastcgi' ? prefixes.split(',') : [],
		};
	});
}

export const PROGRAMS = manifest();
export const NAMES = PROGRAMS.map((p) => p.name);
export const FASTCGI = PROGRAMS.filter((p) => p.kind === 'fastcgi').map((p) => p.name);
