// The site area's rows of the reviewed route table (routes.test.mjs
// EXPECTED, which spreads them in), apart for the length of that file:
// the timebank's configuration and lists, only for admins with site scope
// (a community-scoped admin is refused: docs/site.md).

// A site setting (/site/settings/:name): one of the registry, and a name
// that is none.
export const SETTING_NAMES = { in: 'site_name', missing: 'no_such_setting' };
// A list of the timebank (/site/lists/:list): one, and a name that is
// none; an item of it (:id) is a demo neighbourhood in use, or none.
export const LIST_KEYS = { in: 'neighbourhoods', missing: 'no_such_list' };
// A special page (/site/pages/:page/:lang): one, and a name that is none;
// its language is routes.test.mjs's LANGS of the same variant (es, zz).
export const PAGE_KEYS = { in: 'about', missing: 'no_such_page' };

// R, holdsOver and MISSING as routes.test.mjs has them.
export function siteRoutes({ R, holdsOver, MISSING }) {
	// site.config held site-wide, and (on a setting or a list) 404 for
	// one that does not exist.
	const siteOnly = (a) => holdsOver(a, 'site.config', 'site') ? 'allowed' : 'refused';
	const siteOnlyOr404 = (a, v) => siteOnly(a) === 'refused' ? 'refused' : v === 'missing' ? 'missing' : 'allowed';
	return [
		// site: the timebank's configuration, only for admins with site
		// scope (a community-scoped admin is refused: docs/site.md).  The
		// probes' bodies are refused (422, or 404 for a version that is
		// none) after the permission check: nothing is saved.
		R('site', 'GET', '/site', 'perm', 'site.config', {
			cite: 'docs/authorization.md "Decisions": site.config exists only at site scope',
			rule: siteOnly,
		}),
		R('site', 'POST', '/site', 'perm', 'site.config', {
			form: { time_zone: 'Mars/Olympus' },
			cite: 'docs/authorization.md "Decisions": site.config exists only at site scope',
			rule: siteOnly,
		}),
		R('site', 'GET', '/site/settings/:name', 'perm', 'site.config', {
			obj: 'setting', variants: ['in', 'missing'],
			cite: 'docs/authorization.md "Decisions": site.config only at site scope; rule 1: the same 403 whether the setting exists',
			rule: siteOnlyOr404,
		}),
		R('site', 'POST', '/site/settings/:name/restore', 'perm', 'site.config', {
			obj: 'setting', variants: ['in', 'missing'], form: { version: String(MISSING) }, sub404: true,
			cite: 'docs/authorization.md "Decisions": site.config only at site scope; rule 1: the same 403 whether the setting exists',
			rule: siteOnlyOr404,
		}),
		R('site', 'GET', '/site/lists', 'perm', 'site.config', {
			cite: 'docs/authorization.md "Decisions": site.config exists only at site scope',
			rule: siteOnly,
		}),
		R('site', 'GET', '/site/lists/new', 'perm', 'site.config', {
			cite: 'docs/authorization.md "Decisions": site.config exists only at site scope',
			rule: siteOnly,
		}),
		R('site', 'POST', '/site/lists/new', 'perm', 'site.config', {
			form: { list: 'neighbourhoods', name: '' },
			cite: 'docs/authorization.md "Decisions": site.config exists only at site scope',
			rule: siteOnly,
		}),
		R('site', 'GET', '/site/lists/:list', 'perm', 'site.config', {
			obj: 'list', variants: ['in', 'missing'],
			cite: 'docs/authorization.md "Decisions": site.config only at site scope; rule 1: the same 403 whether the list exists',
			rule: siteOnlyOr404,
		}),
		...['', '/names', '/move', '/delete'].map((tail) => R('site', 'POST', `/site/lists/:list/:id${tail}`, 'perm', 'site.config', {
			obj: 'listitem', variants: ['in', 'missing'],
			form: { name: '', lang: 'zz', to: String(MISSING) },
			cite: 'docs/authorization.md "Decisions": site.config only at site scope; rule 1: the same 403 whether the item exists',
			rule: siteOnlyOr404,
		})),
		// The special pages of their own (docs/site.md, "Special
		// pages"), for everyone: the demo has written each of them.
		R('account', 'GET', '/about', 'public'),
		R('account', 'GET', '/terms', 'public'),
		R('account', 'GET', '/privacy', 'public'),
		// The special pages (docs/site.md, "Special pages").  The save's
		// probe body is too long (422) and the restore's names a version
		// that is none (404): nothing is saved.
		R('site', 'GET', '/site/pages', 'perm', 'site.config', {
			cite: 'docs/authorization.md "Decisions": site.config exists only at site scope',
			rule: siteOnly,
		}),
		// The "+" menu's "Add a special page": a page and a language,
		// then a 303 to its editor; nothing is written here.
		R('site', 'GET', '/site/pages/new', 'perm', 'site.config', {
			cite: 'docs/authorization.md "Decisions": site.config exists only at site scope',
			rule: siteOnly,
		}),
		R('site', 'GET', '/site/pages/:page/:lang', 'perm', 'site.config', {
			obj: 'page', variants: ['in', 'missing'],
			cite: 'docs/authorization.md "Decisions": site.config only at site scope; rule 1: the same 403 whether the page exists',
			rule: siteOnlyOr404,
		}),
		R('site', 'POST', '/site/pages/:page/:lang', 'perm', 'site.config', {
			obj: 'page', variants: ['in', 'missing'], form: { body: 'x'.repeat(20001) },
			cite: 'docs/authorization.md "Decisions": site.config only at site scope; rule 1: the same 403 whether the page exists',
			rule: siteOnlyOr404,
		}),
		R('site', 'POST', '/site/pages/:page/:lang/restore', 'perm', 'site.config', {
			obj: 'page', variants: ['in', 'missing'], form: { version: String(MISSING) }, sub404: true,
			cite: 'docs/authorization.md "Decisions": site.config only at site scope; rule 1: the same 403 whether the page exists',
			rule: siteOnlyOr404,
		}),
		R('site', 'GET', '/site/lists/:list/:id', 'perm', 'site.config', {
			obj: 'listitem', variants: ['in', 'missing'],
			cite: 'docs/authorization.md "Decisions": site.config only at site scope; rule 1: the same 403 whether the item exists',
			rule: siteOnlyOr404,
		}),
	];
}
