// Issue 18's layout checks (layout-lib.mjs) for ['support', 'outreach', 'payment'].

import { layoutTests } from './layout-lib.mjs';

layoutTests('layout-coordinators', ['support', 'outreach', 'payment']);
