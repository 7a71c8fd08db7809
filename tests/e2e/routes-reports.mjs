// The reports' rows of the reviewed route table (routes.test.mjs
// EXPECTED, spread in through routes-members.mjs), apart for the length
// of that file (issue 17): dashboard.view in some scope; which figures a
// community coordinator sees is tests/e2e/reports.test.mjs's.  The
// probes' :report is the hours per month (routes.test.mjs pathOf).

export function reportsRoutes({ R }) {
	return [
		R('exchanges', 'GET', '/exchanges/reports', 'perm', 'dashboard.view'),
		R('exchanges', 'GET', '/exchanges/reports/:report', 'perm', 'dashboard.view'),
		R('exchanges', 'GET', '/exchanges/reports/:report/export.csv', 'perm', 'dashboard.view'),
	];
}
