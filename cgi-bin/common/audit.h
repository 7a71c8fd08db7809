/*
 * Rule 6 of docs/authorization.md: one audit row per coordinator write,
 * written by the caller inside the same transaction as the change; and
 * rule 5: every write made while acting for someone ("become", a
 * guardian angel, an organisation's manager) has one too, with the real
 * and the acting member (audit_on_behalf).  before/after are JSON objects
 * (NULL for none) built with buf_json_str().
 */
#ifndef WEFT_AUDIT_H
#define WEFT_AUDIT_H

#include "err.h"

struct actor;
struct buf;

/* community: the object's Community Timebank (0: none), so that an admin
 * scoped to a community can read the log of their community. */
enum weft_err	 audit_write(const struct actor *, const char *action,
		    const char *object_type, long long object_id,
		    long long community, const char *before_json,
		    const char *after_json);

/* The phrase key of an action code ("member.approve" ->
 * "audit.action.member.approve", templates/phrases/audit.en), or NULL for
 * a code without one (audit_actions.c). */
const char	*audit_action_phrase(const char *code);

/*
 * Is a write on member_id's own things (their profile, password, ads,
 * exchanges) made for them by someone else: "become" is active, or the
 * acting member is not member_id?  Then it is audited like a
 * coordinator's (rule 5); a member's own self-service is not.
 */
int		 audit_on_behalf(const struct actor *, long long member_id);

/* One changed field into before (b) and after (a) JSON objects: nothing
 * when old and new are equal; *n counts the fields written, and the
 * caller closes both objects with "}" when *n > 0. */
void		 audit_diff(struct buf *b, struct buf *a, const char *key,
		    const char *old, const char *new, int *n);

#endif
