// The translations area's rows of the reviewed route table
// (routes.test.mjs EXPECTED, which spreads them in), apart for the length
// of that file.

// R and holdsOver as routes.test.mjs has them.
export function translationsRoutes(R, holdsOver) {
	return [
		// translations: the languages are the whole timebank's (site.config at
		// site scope); a language's phrases are its translators' (language:xx)
		// and the admins'.  The probes' bodies are refused (422) after the
		// permission check: nothing is saved.
		R('translations', 'GET', '/translations', 'perm', 'translation.edit'),
		R('translations', 'GET', '/translations/languages', 'perm', 'site.config', {
			cite: 'docs/authorization.md "Decisions": site.config exists only at site scope',
			rule: (a) => holdsOver(a, 'site.config', 'site') ? 'allowed' : 'refused',
		}),
		R('translations', 'POST', '/translations/languages', 'perm', 'site.config', {
			form: { tag: '' },
			cite: 'docs/authorization.md "Decisions": admins add languages; site.config only at site scope',
			rule: (a) => holdsOver(a, 'site.config', 'site') ? 'allowed' : 'refused',
		}),
		R('translations', 'POST', '/translations/languages/:lang', 'perm', 'site.config', {
			obj: 'language', form: { name: '' },
			cite: 'docs/authorization.md "Decisions": site.config only at site scope; rule 1: the same 403 whether the language exists',
			rule: (a, v) => !holdsOver(a, 'site.config', 'site') ? 'refused' : v === 'missing' ? 'missing' : 'allowed',
		}),
		R('translations', 'GET', '/translations/:lang', 'perm', 'translation.edit', { obj: 'language' }),
		R('translations', 'GET', '/translations/:lang/phrases/:id', 'perm', 'translation.edit', { obj: 'language' }),
		R('translations', 'POST', '/translations/:lang/phrases/:id', 'perm', 'translation.edit', {
			obj: 'language', form: { form0: '{not_a_placeholder_of_it}' },
		}),
		R('translations', 'GET', '/translations/:lang/export.po', 'perm', 'translation.edit', { obj: 'language' }),
		R('translations', 'GET', '/translations/:lang/import', 'perm', 'translation.edit', { obj: 'language' }),
		R('translations', 'POST', '/translations/:lang/import', 'perm', 'translation.edit', {
			obj: 'language', form: { po: '' },
		}),
	];
}
