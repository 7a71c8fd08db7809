// The payments area's rows of the reviewed route table (routes.test.mjs
// EXPECTED), kept here so that the table's file stays one concern a
// file: R() and holdsOver() are routes.test.mjs's.
export function paymentsRoutes(R, holdsOver) {
	return [
		// payments (docs/payments.md): payment.manage over the member's
		// community (a member of no community: site grants only); the
		// subscription types are the whole timebank's (changing one needs
		// payment.manage site-wide); the switch is site.config at site scope.
		// Every route but the switch's is closed while payments are off
		// (payments-off.serial.test.mjs); the demo has them on.  The probes'
		// bodies are refused (422) after the permission check, or act on
		// throwaway members that have no subscription (409: no charge to
		// generate); the reminders are really queued.
		R('payments', 'GET', '/payments', 'perm', 'payment.manage'),
		R('payments', 'GET', '/payments/due.csv', 'perm', 'payment.manage'),
		R('payments', 'GET', '/payments/received', 'perm', 'payment.manage'),
		R('payments', 'GET', '/payments/received.csv', 'perm', 'payment.manage'),
		R('payments', 'POST', '/payments/reminders', 'perm', 'payment.manage'),
		R('payments', 'GET', '/payments/types', 'perm', 'payment.manage'),
		R('payments', 'POST', '/payments/types', 'perm', 'payment.manage', {
			form: { name: '' },
			cite: 'docs/authorization.md rule 2: a subscription type is the whole timebank\'s, so changing one needs payment.manage site-wide',
			rule: (a) => holdsOver(a, 'payment.manage', 'site') ? 'allowed' : 'refused',
		}),
		R('payments', 'POST', '/payments/types/:id', 'perm', 'payment.manage', {
			obj: 'type', form: { name: '' },
			cite: 'docs/authorization.md rule 2: types are the whole timebank\'s (site scope); rule 1: the same 403 whether the type exists',
			rule: (a, v) => !holdsOver(a, 'payment.manage', 'site') ? 'refused' : v === 'missing' ? 'missing' : 'allowed',
		}),
		R('payments', 'POST', '/payments/types/:id/names', 'perm', 'payment.manage', {
			obj: 'type', form: { lang: '' },
			cite: 'docs/authorization.md rule 2: types are the whole timebank\'s (site scope); rule 1: the same 403 whether the type exists',
			rule: (a, v) => !holdsOver(a, 'payment.manage', 'site') ? 'refused' : v === 'missing' ? 'missing' : 'allowed',
		}),
		R('payments', 'GET', '/payments/me', 'member'),
		R('payments', 'GET', '/payments/how', 'member'),
		R('payments', 'GET', '/payments/members/:id', 'perm', 'payment.manage'),
		R('payments', 'POST', '/payments/members/:id/subscription', 'perm', 'payment.manage', { form: { type: '' } }),
		R('payments', 'POST', '/payments/members/:id/household', 'perm', 'payment.manage', { form: { head: 'No Such User!' } }),
		R('payments', 'POST', '/payments/members/:id/charges', 'perm', 'payment.manage'),
		R('payments', 'POST', '/payments/members/:id/charges/:charge/delete', 'perm', 'payment.manage', { sub404: true }),
		R('payments', 'POST', '/payments/members/:id/charges/:charge/payments', 'perm', 'payment.manage', {
			form: { amount: '' }, sub404: true,
		}),
		R('payments', 'GET', '/payments/feature', 'perm', 'site.config', {
			cite: 'docs/authorization.md "Decisions": site.config exists only at site scope (the payment feature on/off)',
			rule: (a) => holdsOver(a, 'site.config', 'site') ? 'allowed' : 'refused',
		}),
		R('payments', 'POST', '/payments/feature', 'perm', 'site.config', {
			form: { state: '' },
			cite: 'docs/authorization.md "Decisions": site.config exists only at site scope (the payment feature on/off)',
			rule: (a) => holdsOver(a, 'site.config', 'site') ? 'allowed' : 'refused',
		}),
	];
}
