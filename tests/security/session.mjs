// node tests/security/session.mjs USERNAME: logs USERNAME in on the stack
// of $WEFT_URL with the demo password and prints the Cookie header of its
// session (what sqlmap's --cookie and wapiti's -H take).  USERNAME "-": a
// visitor's cookies, its CSRF token among them, from GET /login, so that
// the scanners' posts of the visitors' forms pass the CSRF check and reach
// the form's own validation.
import { Jar, login, request } from '../e2e/lib.mjs';

let jar;
if (process.argv[2] === '-') {
	jar = new Jar();
	await request('/login', { jar });
} else {
	jar = await login(process.argv[2]);
}
process.stdout.write(`${jar.header()}\n`);
