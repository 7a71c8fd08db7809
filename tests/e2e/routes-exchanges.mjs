// The group exchanges' rows of the reviewed route table (routes.test.mjs
// EXPECTED), apart for the length of that file (issue 17).  The form
// records one provider to many recipients (here one: the variant's two
// throwaway members), a fresh one-time key per request: allowed actors
// really record a quarter of an hour.  exchange.record_for over every
// party (docs/authorization.md rule 2): out of scope is a 403, as on the
// exchange form.

export function exchangesRoutes({ R, reaches, SCOPES, today, formKey }) {
	return [
		R('exchanges', 'GET', '/exchanges/group', 'perm', 'exchange.record_for'),
		R('exchanges', 'POST', '/exchanges/group', 'perm', 'exchange.record_for', {
			variants: ['in', 'out', 'cross', 'none'],
			form: (v, fx) => ({
				shape: 'provider', one: fx.parties[v][0], many: fx.parties[v][1],
				hours: '0.25', service_date: today(), description: 'routes.test group probe',
				form_key: formKey(),
			}),
			cite: 'docs/authorization.md rule 2 ("Scope of a grant": writing an exchange across two communities needs both): exchange.record_for over the scope of every party of the group',
			rule: (a, v) => reaches(a, 'exchange.record_for', SCOPES.exchange[v], 'all') ? 'allowed' : 'refused',
		}),
	];
}
