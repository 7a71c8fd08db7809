/*
 * Rule 6 of docs/authorization.md: one audit row per coordinator write,
 * written by the caller inside the same transaction as the change.
 * before/after are JSON objects (NULL for none) built with buf_json_str().
 */
#ifndef WEFT_AUDIT_H
#define WEFT_AUDIT_H

#include "err.h"

struct actor;

/* community: the object's Community Timebank (0: none), so that an admin
 * scoped to a community can read the log of their community. */
enum weft_err	 audit_write(const struct actor *, const char *action,
		    const char *object_type, long long object_id,
		    long long community, const char *before_json,
		    const char *after_json);

#endif
