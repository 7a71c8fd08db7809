// The members area's invitation rows of the reviewed route table
// (routes.test.mjs EXPECTED, which spreads them in), apart for the
// length of that file: invitations to apply (docs/site.md,
// "Invitations"), for holders of member.add in the invitation's scope;
// and the end of applications (docs/site.md, "Applications to the end"),
// for holders of member.approve: reject one (in and out of scope, on
// throwaway members, refused 422 for its empty reason after the scope
// check), the page of late applications and the bulk expiry (each probe
// without days: 422 after the guard, nothing previewed or expired).

import { sql } from './lib.mjs';
import { reportsRoutes } from './routes-reports.mjs';
import { talentsRoutes } from './routes-talents.mjs';

// A throwaway pending invitation of community (null: none) for the
// revoke probes; returns its id.
export function makeInvitation(community, tag) {
	return Number(sql(`INSERT INTO invitations (token_hash, email, community_id, invited_by, expires_at)
	    SELECT RANDOM_BYTES(32), '${tag}-probe@example.org', ${community === null ? 'NULL' : community}, id,
	    UTC_TIMESTAMP() + INTERVAL 1 DAY FROM members WHERE username = 'admin';
	    SELECT LAST_INSERT_ID()`)[0][0]);
}

// R as routes.test.mjs has it.  The invitation form's probe has no
// address (422 after the permission check); a revoke's allowed probe
// withdraws its throwaway invitation, so that a later allowed actor is
// answered 409 for it (withdrawn already), which counts as allowed.
export function membersRoutes({ R }) {
	return [
		R('members', 'GET', '/members/invitations', 'perm', 'member.add'),
		R('members', 'POST', '/members/invitations', 'perm', 'member.add', { form: { email: '' } }),
		R('members', 'POST', '/members/invitations/:id/revoke', 'perm', 'member.add', {
			obj: 'invitation',
		}),
		R('members', 'POST', '/members/:id/reject', 'perm', 'member.approve', { form: { reason: '' } }),
		R('members', 'GET', '/members/applications', 'perm', 'member.approve'),
		R('members', 'POST', '/members/applications/expire', 'perm', 'member.approve', { form: { days: '' } }),
		R('members', 'POST', '/members/applications/expire/apply', 'perm', 'member.approve', { form: { days: '' } }),
		...talentsRoutes({ R }),
		...reportsRoutes({ R }),
	];
}
