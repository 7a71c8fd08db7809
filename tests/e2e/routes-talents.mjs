// The talents' rows of the reviewed route table (routes.test.mjs
// EXPECTED, spread in through routes-members.mjs), apart for the length
// of that file (issue 17).  One's own talents are self-service; a
// member's talents are changed with ad.edit and removed with ad.delete
// over the member's scope, as their offers and requests (rule 2).  The
// probes' talent ids name no talent: whoever passes is answered 404.

export function talentsRoutes({ R }) {
	const noTalent = {
		cite: 'docs/authorization.md rule 1: a talent id that is not one of the member\'s is not found, whoever asks',
		rule: () => 'missing',
	};
	return [
		R('account', 'GET', '/me/talents', 'member'),
		// Neither category nor text: refused (422), nothing saved.
		R('account', 'POST', '/me/talents', 'member', '-', { form: { category: '', text: '' } }),
		R('account', 'POST', '/me/talents/:talent', 'member', '-', { form: { text: 'x' }, ...noTalent }),
		R('account', 'POST', '/me/talents/:talent/remove', 'member', '-', noTalent),
		R('exchanges', 'GET', '/ads/talents', 'member'),
		R('members', 'GET', '/members/:id/talents', 'perm', 'ad.edit'),
		R('members', 'POST', '/members/:id/talents', 'perm', 'ad.edit', { form: { category: '', text: '' } }),
		R('members', 'POST', '/members/:id/talents/:talent', 'perm', 'ad.edit', {
			form: { text: 'x' }, sub404: true,
		}),
		R('members', 'POST', '/members/:id/talents/:talent/remove', 'perm', 'ad.delete', { sub404: true }),
	];
}
