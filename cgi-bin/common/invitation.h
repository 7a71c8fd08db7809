/*
 * Invitations to apply (setting signup_mode = invitation; docs/site.md,
 * "Invitations"; sql/018): a coordinator who may add members invites an
 * address (members area, /members/invitations), which is mailed a link
 * /signup?invite=TOKEN; the application made with it (account area,
 * /signup) uses the invited address and the invitation's community, and
 * uses the invitation up in its own transaction.  TOKEN is 32 random
 * bytes in hex; only its SHA-256 is stored.  An invitation is good for
 * INVITATION_DAYS days, once, until revoked.
 */
#ifndef WEFT_INVITATION_H
#define WEFT_INVITATION_H

#include "err.h"

#define INVITATION_DAYS	14

struct actor;

struct invitation {
	long long	 id;		/* 0: none usable */
	char		 email[256];
	long long	 community;	/* 0: none */
};

/*
 * A new invitation of email into community (0: none) by the actor, in
 * the caller's transaction: stored, mailed in the site's default
 * language (the outbox), audited "invitation.add".  *id gets its id.
 */
enum weft_err	 invitation_add(const struct actor *, const char *email,
		    long long community, long long *id);
/* The usable invitation of token (unused, unrevoked, unexpired) into
 * *out, locked FOR UPDATE when lock (inside a transaction); out->id 0
 * when there is none. */
enum weft_err	 invitation_find(const char *token, int lock,
		    struct invitation *out);
/* Uses the invitation up for the new member, in the caller's
 * transaction, audited "invitation.use". */
enum weft_err	 invitation_use(const struct actor *,
		    const struct invitation *, long long member_id);

#endif
