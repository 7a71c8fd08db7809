/*
 * Acting for another member (docs/authorization.md "Who is who": a
 * guardian angel may do a member's self-service for them while that
 * member's Guardian Angel Mode is on; a Manager of an Organisation may do
 * it for the organisation's account).  The members area assigns angels and
 * managers; the exchanges area asks this module before posting an ad or
 * recording an exchange for someone.
 *
 * This is about members' self-service rights only.  A coordinator acting
 * on a member through a permission (ad.post_for, exchange.record_for) is
 * role_allows()'s question, not this one.
 */
#ifndef WEFT_ACT_H
#define WEFT_ACT_H

#include <stddef.h>

#include "err.h"

struct actor;

enum act_as {
	ACT_SELF,	/* the member is the acting member */
	ACT_ANGEL,	/* their guardian angel, Guardian Angel Mode on */
	ACT_MANAGER,	/* a manager of that organisation account */
	ACT_NONE,	/* none of these: refuse */
	ACT__MAX
};

extern const char *const act_as_keys[ACT__MAX];	/* "self", "angel", ... */

/*
 * May the actor act for member_id, and as what?  The actor is the acting
 * member (actor->acting_id: while "become" is active, the member one has
 * become, with that member's angel and manager rows).  Sets *out to:
 *
 *   ACT_SELF     member_id is the acting member;
 *   ACT_ANGEL    a guardian_angels row (member_id, actor) exists, the
 *                member's angel_mode is on and the member is approved;
 *   ACT_MANAGER  an org_managers row (member_id, actor) exists and the
 *                member is an approved organisation account;
 *   ACT_NONE     otherwise, and always when the actor is not an approved
 *                member (a visitor, an applying or disabled account) or
 *                member_id is not an id.
 *
 * Returns WEFT_OK with *out set, or a database error (then *out is
 * ACT_NONE).  Reads only; safe inside or outside a transaction.
 */
enum weft_err	 act_for(const struct actor *, long long member_id,
		    enum act_as *out);

/*
 * The other side of act_for(): the members the actor may act for as
 * ACT_ANGEL or ACT_MANAGER (never themself), lowest id first, at most
 * max of them into ids; *n how many.  None for an actor who is not an
 * approved member.  For pages that list what waits for those members
 * (the home page's exchanges to confirm); each action on one of them
 * asks act_for() again.
 */
enum weft_err	 act_members(const struct actor *, long long *ids,
		    size_t max, size_t *n);

#endif
