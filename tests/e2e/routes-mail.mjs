// The account area's mail rows of the reviewed route table
// (routes.test.mjs EXPECTED, which spreads them in), apart for the length
// of that file: one's mailings on /me, forgot password, and a broadcast's
// unsubscribe link (docs/mail.md).

// R as routes.test.mjs has it.
export function mailRoutes({ R }) {
	return [
		R('account', 'POST', '/me/mailings', 'login', '-', { form: { optout: '0' } }),
		// Forgot password: the same answer for any account; an empty form
		// is refused (422).  The reset link's token (a bare number here) is
		// no valid one: 404 for everyone.
		R('account', 'GET', '/password/forgot', 'public'),
		R('account', 'POST', '/password/forgot', 'public', '-', { form: { who: '' } }),
		R('account', 'GET', '/password/reset/:token', 'public', '-', {
			cite: 'docs/mail.md "Account mail": a reset link that is unknown, used or expired is a 404 for everyone',
			rule: () => 'missing',
		}),
		R('account', 'POST', '/password/reset/:token', 'public', '-', {
			form: { password: 'x', password2: 'y' },
			cite: 'docs/mail.md "Account mail": a reset link that is unknown, used or expired is a 404 for everyone',
			rule: () => 'missing',
		}),
		// A broadcast's unsubscribe link: public, the signed token is the
		// authentication; the probes' token (a bare number) is no valid one.
		R('account', 'GET', '/unsubscribe/:token', 'public', '-', {
			cite: 'docs/authorization.md "Routes without a CSRF token": a token that is malformed, forged or names no member is a 404 for everyone',
			rule: () => 'missing',
		}),
		R('account', 'POST', '/unsubscribe/:token', 'public', '-', {
			noCsrf: true,
			form: { 'List-Unsubscribe': 'One-Click' },
			cite: 'docs/authorization.md "Routes without a CSRF token": a token that is malformed, forged or names no member is a 404 for everyone',
			rule: () => 'missing',
		}),
	];
}
