// Issue 18's layout checks (layout-lib.mjs): every role's home page and
// menus at 320 px, the narrowest phone the header must fit.

import { layoutTests } from './layout-lib.mjs';

layoutTests('layout-narrow', [], {
	narrow: ['admin', 'mcoord', 'support', 'outreach', 'payment', 'translator',
		'northcoord', 'alice', 'applicant1'],
});
