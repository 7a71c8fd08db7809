/*
 * Acting for another member: self, guardian angel, or manager of an
 * organisation (act.h; docs/authorization.md "Who is who"), and rule 9,
 * no reach through another account.
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
 * Both relations in one round trip, and the member's community for the
 * check of a real member's reach while "become" is active.  The member's
 * own row decides: the angel counts only while the member has Guardian
 * Angel Mode on, the manager only while the account is an organisation;
 * either only while the member is approved (a disabled or applying
 * member has no self-service for anyone to do on their behalf).
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
    " AND m.is_organisation = 1 AND m.status = 'approved'),"
    " (SELECT COALESCE(community_id, 0) FROM members WHERE id = ?)";

/* Every member member_id can act for, on any terms (the mode and the
 * status may change later), with their community. */
static const char act_reach_sql[] =
    "SELECT m.id, COALESCE(m.community_id, 0) FROM guardian_angels g"
    " JOIN members m ON m.id = g.member_id WHERE g.angel_id = ?"
    " UNION SELECT m.id, COALESCE(m.community_id, 0) FROM org_managers o"
    " JOIN members m ON m.id = o.org_id WHERE o.manager_id = ?";

/*
 * May the holder of grants g (member self) reach member id of community
 * comm, for how (act_reach)?  *ok 1 or 0.
 */
static enum weft_err
act_reach_one(const struct grants *g, long long self, long long id,
    long long comm, enum act_reach how, int *ok)
{
	struct grants	 tg;
	struct scope	 sc;
	enum role_refusal why;
	enum weft_err	 e;

	*ok = 0;
	if (id == self) {
		*ok = 1;
		return WEFT_OK;
	}
	scope_of_community(comm, &sc);
	/* Scope first: a member out of it is refused without reading
	 * their grants. */
	if (how == ACT_REACH_TAKEOVER &&
	    !role_allows(g, PERM_MEMBER_EDIT, &sc))
		return WEFT_OK;
	if ((e = role_load_grants(id, &tg)) != WEFT_OK)
		return e;
	if (how == ACT_REACH_BECOME)
		why = role_may_become(g, self, &tg, id, &sc, 0);
	else
		why = role_may_change(g, self, &tg, id);
	*ok = why == ROLE_OK;
	return WEFT_OK;
}

enum weft_err
act_reach(const struct grants *g, long long self, long long member_id,
    enum act_reach how, enum role_refusal *why)
{
	struct db_rows	*r = NULL;
	enum weft_err	 e;
	int		 ok = 1;

	*why = ROLE_REFUSE_REACH;
	if ((unsigned)how >= ACT_REACH__MAX)
		return WEFT_ERR_INVALID;
	if ((e = db_query(&r, act_reach_sql, "ii", member_id, member_id)) !=
	    WEFT_OK)
		return e;
	while (ok && db_next(r))
		if ((e = act_reach_one(g, self, db_int(r, 0), db_int(r, 1),
		    how, &ok)) != WEFT_OK)
			break;
	db_rows_free(r);
	if (e == WEFT_OK && ok)
		*why = ROLE_OK;
	return e;
}

enum weft_err
act_may_change(const struct grants *g, long long self, long long target_id,
    const struct grants *tg, int takeover, enum role_refusal *why)
{
	struct grants	 own;
	enum weft_err	 e;

	*why = ROLE_REFUSE_COVER;
	if (self > 0 && target_id == self) {
		*why = ROLE_OK;
		return WEFT_OK;
	}
	if (tg == NULL) {
		if ((e = role_load_grants(target_id, &own)) != WEFT_OK)
			return e;
		tg = &own;
	}
	if ((*why = role_may_change(g, self, tg, target_id)) != ROLE_OK ||
	    !takeover)
		return WEFT_OK;
	return act_reach(g, self, target_id, ACT_REACH_TAKEOVER, why);
}

/*
 * While "become" is active the relation found is the acting member's;
 * the real member must be able to become the member acted for (rule 9),
 * since becoming the angel must not reach more than becoming the member.
 */
static enum weft_err
act_real_reaches(const struct actor *a, long long member_id, long long comm,
    int *ok)
{
	struct grants	 real;
	enum weft_err	 e;

	*ok = 1;
	if (a->member_id == a->acting_id)
		return WEFT_OK;
	if ((e = role_load_grants(a->member_id, &real)) != WEFT_OK)
		return e;
	return act_reach_one(&real, a->member_id, member_id, comm,
	    ACT_REACH_BECOME, ok);
}

enum weft_err
act_for(const struct actor *a, long long member_id, enum act_as *out)
{
	struct db_rows	*r = NULL;
	enum act_as	 as = ACT_NONE;
	long long	 comm = 0;
	enum weft_err	 e;
	int		 ok;

	*out = ACT_NONE;
	if (a == NULL || a->acting_id <= 0 || member_id <= 0 ||
	    a->status != MEMBER_APPROVED)
		return WEFT_OK;
	if (member_id == a->acting_id) {
		*out = ACT_SELF;
		return WEFT_OK;
	}
	if ((e = db_query(&r, act_sql, "iiiii", member_id, a->acting_id,
	    member_id, a->acting_id, member_id)) != WEFT_OK)
		return e;
	if (db_next(r)) {
		if (db_int(r, 0) != 0)
			as = ACT_ANGEL;
		else if (db_int(r, 1) != 0)
			as = ACT_MANAGER;
		comm = db_int(r, 2);
	}
	db_rows_free(r);
	if (as == ACT_NONE)
		return WEFT_OK;
	if ((e = act_real_reaches(a, member_id, comm, &ok)) != WEFT_OK)
		return e;
	if (ok)
		*out = as;
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
