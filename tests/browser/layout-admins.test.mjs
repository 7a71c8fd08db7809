// Issue 18's layout checks (layout-lib.mjs) for ['admin', 'mcoord', 'northcoord'].

import { layoutTests } from './layout-lib.mjs';

layoutTests('layout-admins', ['admin', 'mcoord', 'northcoord']);
