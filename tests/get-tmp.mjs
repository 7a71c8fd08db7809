const BASE = process.env.WEFT_URL, PW = process.env.WEFT_DEMO_PASSWORD; let cookie='';
async function get(path, opts = {}) { const r = await fetch(BASE + path, { redirect: 'manual', ...opts, headers: { cookie, ...(opts.headers || {}) } });
 for (const c of r.headers.getSetCookie()) { const kv = c.split(';')[0]; const k = kv.split('=')[0]; cookie = cookie.split('; ').filter(x => x && !x.startsWith(k + '=')).concat(kv).join('; '); } return r; }
const lp = await (await get('/login')).text(); const csrf = (lp.match(/name="csrf" value="([^"]+)"/) || [])[1];
await get('/login', { method: 'POST', body: new URLSearchParams({ csrf, username: process.argv[2], password: PW }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
process.stdout.write(await (await get(process.argv[3])).text());
