/*
 * The audit log (docs/authorization.md rule 6): one row per coordinator
 * write, in the caller's transaction, so that the change and its record
 * stand or fall together.
 */
#include <stddef.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "db.h"
#include "log.h"

/*
 * Writes one audit_log row.  The real member and the acting member are
 * both kept, so that what a coordinator did while "become"-ing someone is
 * theirs; an id of 0 (no one: a visitor, the system) is stored as NULL
 * by the NULLIF, which keeps one statement for every case.  actor NULL
 * is the system itself.
 */
enum weft_err
audit_write(const struct actor *actor, const char *action,
    const char *object_type, long long object_id, long long community,
    const char *before_json, const char *after_json)
{
	if (action == NULL || object_type == NULL) {
		log_msg(LOGL_ERROR, "audit: action and object type are "
		    "required");
		return WEFT_ERR_INVALID;
	}
	return db_exec("INSERT INTO audit_log (actor_id, acting_id, action, "
	    "object_type, object_id, community_id, before_json, after_json, "
	    "addr) VALUES (NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?)",
	    "iissiisss", actor != NULL ? actor->member_id : 0,
	    actor != NULL ? actor->acting_id : 0, action, object_type,
	    object_id, community, before_json, after_json,
	    actor != NULL ? actor->addr : "");
}

int
audit_on_behalf(const struct actor *a, long long member_id)
{
	return a == NULL || a->member_id != member_id ||
	    a->acting_id != member_id;
}

void
audit_diff(struct buf *b, struct buf *a, const char *key, const char *old,
    const char *new, int *n)
{
	if (strcmp(old, new) == 0)
		return;
	buf_puts(b, *n ? "," : "{");
	buf_puts(a, *n ? "," : "{");
	buf_json_str(b, key);
	buf_puts(b, ":");
	buf_json_str(b, old);
	buf_json_str(a, key);
	buf_puts(a, ":");
	buf_json_str(a, new);
	(*n)++;
}
