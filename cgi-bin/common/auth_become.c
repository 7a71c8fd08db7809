/*
 * "Become another member", the sessions side (docs/authorization.md rule
 * 5; docs/architecture.md "Security": tokens are rotated on become).
 * Whether the actor may become the target is role_may_become()'s answer,
 * asked by the caller; here the session row is replaced.
 *
 * Becoming, and coming back, each replace the session row with a new
 * one: a new random token and a new CSRF token, the same real member, the
 * acting member set or cleared; the old row is deleted, so the cookie the
 * browser held before no longer opens anything.  created_at is copied
 * from the old row: it is the time of the original log-in, and the
 * absolute expiry (config.session_absolute_s) counts from it, so however
 * often a coordinator becomes someone and comes back, the session ends
 * when the log-in would have ended.  "Become" therefore expires with the
 * session.
 */
#include <string.h>

#include "auth.h"
#include "db.h"
#include "sha256.h"

/*
 * Copies the actor's session row into a new one with acting_member_id =
 * acting (0: none), then deletes the old row.  The copy happens only when
 * the old row is in the expected state (acting or not), which also locks
 * it: a second, concurrent become on the same session finds nothing to
 * copy and gets WEFT_ERR_CONFLICT.
 */
static enum weft_err
auth_session_swap(const struct actor *a, long long acting,
    char token[AUTH_TOKEN_HEX])
{
	/* Two texts: statements are cached by their SQL text. */
	static const char sql_become[] =
	    "INSERT INTO sessions (id, member_id, acting_member_id, csrf,"
	    " addr, created_at, last_seen_at)"
	    " SELECT ?, member_id, ?, ?, ?, created_at, UTC_TIMESTAMP()"
	    " FROM sessions WHERE id = ? AND member_id = ?"
	    " AND acting_member_id IS NULL";
	static const char sql_return[] =
	    "INSERT INTO sessions (id, member_id, acting_member_id, csrf,"
	    " addr, created_at, last_seen_at)"
	    " SELECT ?, member_id, NULLIF(?, 0), ?, ?, created_at,"
	    " UTC_TIMESTAMP()"
	    " FROM sessions WHERE id = ? AND member_id = ?"
	    " AND acting_member_id IS NOT NULL";
	unsigned char	 id[SHA256_LEN];
	char		 csrf[AUTH_TOKEN_HEX];
	enum weft_err	 e;

	if (a == NULL || !a->has_session || a->member_id <= 0)
		return WEFT_ERR_INVALID;
	if ((e = auth_token_new(token, id)) != WEFT_OK ||
	    (e = auth_random_hex(csrf)) != WEFT_OK)
		goto out;
	if ((e = db_exec(acting != 0 ? sql_become : sql_return, "bissbi",
	    id, sizeof(id), acting, csrf, a->addr, a->session_id,
	    sizeof(a->session_id), a->member_id)) != WEFT_OK)
		goto out;
	if (db_affected() != 1) {
		e = WEFT_ERR_CONFLICT;
		goto out;
	}
	e = auth_session_delete(a->session_id);
out:
	explicit_bzero(csrf, sizeof(csrf));
	if (e != WEFT_OK)
		explicit_bzero(token, AUTH_TOKEN_HEX);
	return e;
}

enum weft_err
auth_session_become(const struct actor *a, long long target_id,
    char token[AUTH_TOKEN_HEX])
{
	if (a == NULL || target_id <= 0 || target_id == a->member_id)
		return WEFT_ERR_INVALID;
	/* Already acting: one comes back first (the caller says so). */
	if (a->acting_id != a->member_id)
		return WEFT_ERR_CONFLICT;
	return auth_session_swap(a, target_id, token);
}

enum weft_err
auth_session_unbecome(const struct actor *a, char token[AUTH_TOKEN_HEX])
{
	if (a == NULL || a->acting_id == a->member_id)
		return WEFT_ERR_NOTFOUND;
	return auth_session_swap(a, 0, token);
}
