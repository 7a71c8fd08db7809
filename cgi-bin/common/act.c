/*
 * Acting for another member: self, guardian angel, or manager of an
 * organisation (act.h; docs/authorization.md "Who is who").
 */
#include <stddef.h>

#include "act.h"
#include "auth.h"
#include "db.h"

const char *const act_as_keys[ACT__MAX] = {
	"self",
	"angel",
	"manager",
	"none",
};

/*
 * Both relations in one round trip.  The member's own row decides: the
 * angel counts only while the member has Guardian Angel Mode on, the
 * manager only while the account is an organisation; either only while
 * the member is approved (a disabled or applying member has no
 * self-service for anyone to do on their behalf).
 */
static const char act_sql[] =
    "SELECT"
    " EXISTS (SELECT 1 FROM guardian_angels g"
    " JOIN members m ON m.id = g.member_id"
    " WHERE g.member_id = ? AND g.angel_id = ?"
    " AND m.angel_mode = 1 AND m.status = 'approved'),"
    " EXISTS (SELECT 1 FROM org_managers o"
    " JOIN members m ON m.id = o.org_id"
    " WHERE o.org_id = ? AND o.manager_id = ?"
    " AND m.is_organisation = 1 AND m.status = 'approved')";

enum weft_err
act_for(const struct actor *a, long long member_id, enum act_as *out)
{
	struct db_rows	*r = NULL;
	enum weft_err	 e;

	*out = ACT_NONE;
	if (a == NULL || a->acting_id <= 0 || member_id <= 0 ||
	    a->status != MEMBER_APPROVED)
		return WEFT_OK;
	if (member_id == a->acting_id) {
		*out = ACT_SELF;
		return WEFT_OK;
	}
	if ((e = db_query(&r, act_sql, "iiii", member_id, a->acting_id,
	    member_id, a->acting_id)) != WEFT_OK)
		return e;
	if (db_next(r)) {
		if (db_int(r, 0) != 0)
			*out = ACT_ANGEL;
		else if (db_int(r, 1) != 0)
			*out = ACT_MANAGER;
	}
	db_rows_free(r);
	return WEFT_OK;
}

/* act_sql's two relations from the actor's side, on the same
 * conditions (guardian_angels_angel, org_managers_manager). */
static const char act_members_sql[] =
    "SELECT g.member_id FROM guardian_angels g"
    " JOIN members m ON m.id = g.member_id"
    " WHERE g.angel_id = ? AND m.angel_mode = 1 AND m.status = 'approved'"
    " UNION SELECT o.org_id FROM org_managers o"
    " JOIN members m ON m.id = o.org_id"
    " WHERE o.manager_id = ? AND m.is_organisation = 1"
    " AND m.status = 'approved' ORDER BY 1 LIMIT ?";

enum weft_err
act_members(const struct actor *a, long long *ids, size_t max, size_t *n)
{
	struct db_rows	*r = NULL;
	enum weft_err	 e;

	*n = 0;
	if (a == NULL || a->acting_id <= 0 || a->status != MEMBER_APPROVED ||
	    max == 0)
		return WEFT_OK;
	if ((e = db_query(&r, act_members_sql, "iii", a->acting_id,
	    a->acting_id, (long long)max)) != WEFT_OK)
		return e;
	while (*n < max && db_next(r))
		if (db_int(r, 0) != a->acting_id)
			ids[(*n)++] = db_int(r, 0);
	db_rows_free(r);
	return WEFT_OK;
}
