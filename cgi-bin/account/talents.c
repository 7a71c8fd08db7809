/*
 * One's own talents (issue 17): /me/talents, the acting member's while
 * "become" is active, when an audit row records the change (rule 5).
 * The page and the writes are common/talents.c's, shared with the
 * coordinators' page of a member's talents.
 */
#include <stdio.h>

#include "account.h"
#include "talents.h"
#include "util.h"

static void
account_talents_target(const struct request *req, struct talents_target *t)
{
	t->member = req->actor.acting_id;
	util_copy(t->name, sizeof(t->name), req->actor.name);
	t->community = req->actor.community;
	snprintf(t->base, sizeof(t->base), "/me/talents");
	t->self = 1;
	t->may_edit = t->may_delete = 1;
}

/* GET /me/talents. */
int
account_talents(struct request *req)
{
	struct talents_target	 t;

	account_talents_target(req, &t);
	return talents_page(req, &t);
}

/* POST /me/talents. */
int
account_talent_add(struct request *req)
{
	struct talents_target	 t;

	account_talents_target(req, &t);
	return talents_add(req, &t);
}

/* POST /me/talents/:talent. */
int
account_talent_update(struct request *req)
{
	struct talents_target	 t;

	account_talents_target(req, &t);
	return talents_update(req, &t, 0);
}

/* POST /me/talents/:talent/remove. */
int
account_talent_remove(struct request *req)
{
	struct talents_target	 t;

	account_talents_target(req, &t);
	return talents_remove(req, &t, 0);
}
