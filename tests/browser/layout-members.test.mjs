// Issue 18's layout checks (layout-lib.mjs) for ['translator', 'alice', 'applicant1'].

import { layoutTests } from './layout-lib.mjs';

layoutTests('layout-members', ['translator', 'alice', 'applicant1']);
