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
 *
 * docs/authorization.md rule 9, no reach through another account, is
 * answered here too, since it is about these relations: whoever uses a
 * member's account (becoming them, or setting their password or e-mail
 * address and logging in as them) reaches every member that account acts
 * for.  So (1) "become" and the takeover of an account are refused when
 * the account acts for a member the actor could not reach themself
 * (act_reach), (2) act_for() itself, while "become" is active, refuses a
 * member the real member could not become (a relation made or a mode
 * switched on after the become), and (3) changing another member's
 * account needs the actor's grants to cover theirs (act_may_change).
 * Relations themselves may cross communities: a site coordinator may
 * make a member of one community the angel of a member of another, and
 * that angel acts for them in their own name (docs/authorization.md
 * "Who is who").
 */
#ifndef WEFT_ACT_H
#define WEFT_ACT_H

#include <stddef.h>

#include "err.h"
#include "role.h"

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
 * While "become" is active (actor->member_id != actor->acting_id),
 * ACT_ANGEL and ACT_MANAGER hold only when the real member may become
 * member_id themself (role_may_become, or it is the real member): a
 * coordinator never reaches, through the account they became, a member
 * outside their own reach (rule 9).
 *
 * Returns WEFT_OK with *out set, or a database error (then *out is
 * ACT_NONE).  Reads only; safe inside or outside a transaction.
 */
enum weft_err	 act_for(const struct actor *, long long member_id,
		    enum act_as *out);

/* What using another member's account is for (act_reach). */
enum act_reach {
	ACT_REACH_BECOME,	/* "become" them */
	ACT_REACH_TAKEOVER,	/* set their password or e-mail address */
	ACT_REACH__MAX
};

/*
 * Rule 9: may the holder of grants g (member self) reach every member
 * that member_id can act for: every guardian angel and manager row of
 * member_id, whatever the member's mode and status now (either may
 * change later)?  Each such member must be self, or, for
 * ACT_REACH_BECOME, one that g may become (role_may_become: scope,
 * subset, no site admin); for ACT_REACH_TAKEOVER, one over whose scope g
 * holds member.edit and whose grants g covers (role_may_change).  *why
 * is ROLE_OK or ROLE_REFUSE_REACH.  Reads only.
 */
enum weft_err	 act_reach(const struct grants *g, long long self,
		    long long member_id, enum act_reach how,
		    enum role_refusal *why);

/*
 * Rule 9: may the holder of grants g (member self) change the account of
 * target_id?  role_may_change() on the target's grants (tg, or NULL to
 * read them here), and for a takeover (takeover 1: the password, the
 * e-mail address) act_reach(ACT_REACH_TAKEOVER) too.  Beside this, the
 * caller checks scope (the permission over the target's scope, or
 * act_for).  *why is ROLE_OK, ROLE_REFUSE_COVER or ROLE_REFUSE_REACH.
 */
enum weft_err	 act_may_change(const struct grants *g, long long self,
		    long long target_id, const struct grants *tg,
		    int takeover, enum role_refusal *why);

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
