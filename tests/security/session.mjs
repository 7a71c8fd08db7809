// node tests/security/session.mjs USERNAME: logs USERNAME in on the stack
// of $WEFT_URL with the demo password and prints the Cookie header of its
// session (what sqlmap's --cookie and wapiti's -H take).
import { login } from '../e2e/lib.mjs';

const jar = await login(process.argv[2]);
process.stdout.write(`${jar.header()}\n`);
