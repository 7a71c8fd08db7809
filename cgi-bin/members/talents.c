/*
 * A member's talents as coordinators change them (issue 17, seed 004:
 * "read, edit or delete members' ... TimeBankers' Talents listings"):
 * ad.edit adds and changes, ad.delete removes, each over the member's
 * scope (docs/authorization.md rule 2), as for the member's offers and
 * requests.  The page and the writes are common/talents.c's, shared with
 * the member's own page (/me/talents).
 */
#include <stdio.h>

#include "members.h"
#include "talents.h"
#include "util.h"

/* The member of path parameter 0, reached with perm, as a target. */
static int
members_talents_target(struct request *req, enum perm perm,
    struct talents_target *t)
{
	struct member	 m;
	struct scope	 sc;
	int		 st;

	if ((st = members_target(req, perm, &m)) != 0)
		return st;
	member_scope(&m, &sc);
	t->member = m.id;
	util_copy(t->name, sizeof(t->name), m.name);
	t->community = m.community;
	snprintf(t->base, sizeof(t->base), "/members/%lld/talents", m.id);
	t->self = 0;
	t->may_edit = role_allows(&req->actor.grants, PERM_AD_EDIT, &sc);
	t->may_delete = role_allows(&req->actor.grants, PERM_AD_DELETE, &sc);
	return 0;
}

/* GET /members/:id/talents. */
int
members_talents(struct request *req)
{
	struct talents_target	 t;
	int			 st;

	if ((st = members_talents_target(req, PERM_AD_EDIT, &t)) != 0)
		return st;
	return talents_page(req, &t);
}

/* POST /members/:id/talents: a new talent. */
int
members_talent_add(struct request *req)
{
	struct talents_target	 t;
	int			 st;

	if ((st = members_talents_target(req, PERM_AD_EDIT, &t)) != 0)
		return st;
	return talents_add(req, &t);
}

/* POST /members/:id/talents/:talent: changed. */
int
members_talent_update(struct request *req)
{
	struct talents_target	 t;
	int			 st;

	if ((st = members_talents_target(req, PERM_AD_EDIT, &t)) != 0)
		return st;
	return talents_update(req, &t, 1);
}

/* POST /members/:id/talents/:talent/remove. */
int
members_talent_remove(struct request *req)
{
	struct talents_target	 t;
	int			 st;

	if ((st = members_talents_target(req, PERM_AD_DELETE, &t)) != 0)
		return st;
	return talents_remove(req, &t, 1);
}
