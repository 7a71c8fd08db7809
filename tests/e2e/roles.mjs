// docs/authorization.md's permission table, copied here by hand as data,
// independently of the C table in cgi-bin/common/role.c: the tests compare
// what the product enforces and publishes against the spec, not against
// itself.

export const ROLE_KEYS = ['admin', 'member', 'support', 'outreach', 'payment', 'translator'];

export const ROLE_TITLES = {
	admin: 'Admin Coordinator',
	member: 'Member Coordinator',
	support: 'Member Support Coordinator',
	outreach: 'Outreach Coordinator',
	payment: 'Payment Coordinator',
	translator: 'Translator',
};

// permission: the cells admin member support outreach payment translator.
// Footnotes (¹²³⁴) are kept as digits after the Y.
const TABLE = `
dashboard.view          Y  Y  -  -  -  -
member.list             Y  Y  Y  Y  Y1 -
member.contact          Y  Y  Y  -  -  -
member.activity         Y  Y  Y  Y2 -  -
member.edit             Y  Y  -  -  -  -
member.add              Y  Y  -  -  -  -
member.approve          Y  Y  -  -  -  -
member.unapprove        Y  -  -  -  -  -
member.disable          Y  Y  -  -  -  -
member.notes            Y  Y  Y  -  -  -
member.angels           Y  Y  Y3 -  -  -
member.orgs             Y  Y  -  -  -  -
member.community        Y  Y  -  -  -  -
member.become           Y  Y  -  -  -  -
member.optout           Y  Y  Y  -  -  -
member.bulk             Y  -  -  -  -  -
role.assign             Y  -  -  -  -  -
ad.list                 Y  Y  Y  Y  -  -
ad.post_for             Y  Y  Y  -  -  -
ad.edit                 Y  Y  Y  -  -  -
ad.delete               Y  Y  -  -  -  -
exchange.list           Y  Y  Y  Y  -  -
exchange.record_for     Y  Y  Y  -  -  -
exchange.edit           Y  Y  -  -  -  -
broadcast.send          Y  Y  Y  Y  -  -
broadcast.coordinators  Y  Y  -  -  -  -
alert.manage            Y  Y  Y  Y  -  -
event.manage            Y  Y  Y  Y  -  -
content.manage          Y  -  -  Y  -  -
page.list               Y  Y  Y  Y  -  -
payment.manage          Y  -  -  -  Y  -
translation.edit        Y  -  -  -  -  Y4
site.config             Y  -  -  -  -  -
`;

// Permissions that are not rows of the spec's table but follow from its
// rules, in the same form.  audit.view: rule 6, "Admins can read and
// filter the audit log".
const EXTRA = `
audit.view              Y  -  -  -  -  -
`;

// PERMS[perm][role] = {yes: bool, note: '1'..'4' | null}
export const PERMS = {};
export const PERM_KEYS = [];		/* the spec's rows, in order */
export const EXTRA_PERM_KEYS = [];	/* then these */
for (const line of (TABLE.trim() + '\n' + EXTRA.trim()).split('\n')) {
	const [perm, ...cells] = line.trim().split(/\s+/);
	if (cells.length !== ROLE_KEYS.length)
		throw new Error(`roles.mjs: bad row ${perm}`);
	(PERM_KEYS.length < TABLE.trim().split('\n').length ? PERM_KEYS : EXTRA_PERM_KEYS).push(perm);
	PERMS[perm] = {};
	ROLE_KEYS.forEach((r, i) => {
		const c = cells[i];
		PERMS[perm][r] = { yes: c.startsWith('Y'), note: c.length > 1 ? c.slice(1) : null };
	});
}

export function roleHasPerm(role, perm) {
	if (!PERMS[perm])
		throw new Error(`unknown permission ${perm}`);
	return PERMS[perm][role].yes;
}

// The demo accounts the authorization tests log in as, with their status
// and grants (BRIEF "Fixed facts").
export const ACTORS = {
	visitor:    { user: null,         status: null,       grants: [] },
	member:     { user: 'alice',      status: 'approved', grants: [] },
	applying:   { user: 'applicant1', status: 'applying', grants: [] },
	admin:      { user: 'admin',      status: 'approved', grants: [['admin', 'site']] },
	mcoord:     { user: 'mcoord',     status: 'approved', grants: [['member', 'site']] },
	support:    { user: 'support',    status: 'approved', grants: [['support', 'site']] },
	outreach:   { user: 'outreach',   status: 'approved', grants: [['outreach', 'site']] },
	payment:    { user: 'payment',    status: 'approved', grants: [['payment', 'site']] },
	translator: { user: 'translator', status: 'approved', grants: [['translator', 'language:es']] },
	northcoord: { user: 'northcoord', status: 'approved', grants: [['member', 'community:1']] },
	northpay:   { user: 'northpay',   status: 'approved', grants: [['payment', 'community:1']] },
};

// Is an actor allowed through a route's guard (before the handler looks at
// the object's scope)?  access as printed by `--routes`.
//   public       everyone
//   login        any logged-in member, applying ones too
//   member       approved members
//   coordinator  holders of any grant
//   perm         holders of perm in some scope
export function guardAllows(actorKey, access, perm) {
	const a = ACTORS[actorKey];
	const loggedIn = a.user !== null;
	const approved = a.status === 'approved';
	switch (access) {
	case 'public':
		return true;
	case 'login':
		return loggedIn;
	case 'member':
		return loggedIn && approved;
	case 'coordinator':
		return loggedIn && approved && a.grants.length > 0;
	case 'perm':
		return loggedIn && approved && a.grants.some(([r]) => roleHasPerm(r, perm));
	default:
		throw new Error(`unknown access "${access}"`);
	}
}
