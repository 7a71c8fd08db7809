/*
 * The daily digest of new applications (docs/mail.md, "Account mail"):
 * to each approved coordinator who chose it (members.application_digest)
 * and whose grant's role holds member.approve, one message listing the
 * applications made on the day before (UTC) in their scope that still
 * wait (a site grant: all; a community grant: its community's), in
 * their language.  Each coordinator's row of application_digests and
 * their message commit together: run twice, or by two workers at once,
 * the job queues one digest per coordinator and day.  A day without an
 * application in their scope gets its row and no message (daily.c, which
 * the reminder of late applications shares).
 */
#include <stdio.h>

#include "db.h"
#include "i18n.h"
#include "mailer.h"
#include "role.h"

#define DIGEST_MAX	500	/* applications listed in one message */

#define DIGEST_ROLE_IN	MAILER_ROLE_IN
#define DIGEST_ROLE_FMT	MAILER_ROLE_FMT

static const char digest_sql_coords[] =
    "SELECT DISTINCT m.id FROM members m JOIN grants g ON g.member_id = m.id"
    " WHERE m.status = 'approved' AND m.application_digest = 1 AND "
    DIGEST_ROLE_IN " AND g.scope_kind IN ('site', 'community')"
    " AND NOT EXISTS (SELECT 1 FROM application_digests d"
    " WHERE d.member_id = m.id AND d.day = ?) ORDER BY m.id";
static const char digest_sql_apps[] =
    "SELECT a.id, a.name, a.username, COALESCE(c.name, '')"
    " FROM members a LEFT JOIN communities c ON c.id = a.community_id"
    " WHERE a.status = 'applying' AND a.joined_at >= ?"
    " AND a.joined_at < ? + INTERVAL 1 DAY AND EXISTS (SELECT 1 FROM grants g"
    " WHERE g.member_id = ? AND " DIGEST_ROLE_IN " AND (g.scope_kind = 'site'"
    " OR (g.scope_kind = 'community' AND g.community_id = a.community_id)))"
    " ORDER BY a.joined_at, a.id LIMIT 500";

static const struct mailer_daily digest_daily;

/* The lines of coordinator id's digest of a->day into list, in lang; *n
 * how many applications. */
static enum weft_err
digest_list(long long id, const char *lang,
    const struct mailer_daily_args *a, struct buf *list, long long *n)
{
	struct db_rows	*r;
	enum weft_err	 e;

	*n = 0;
	if ((e = db_query(&r, digest_sql_apps, "ssi" DIGEST_ROLE_FMT, a->day,
	    a->day, id, a->roles[0], a->roles[1], a->roles[2], a->roles[3],
	    a->roles[4], a->roles[5])) != WEFT_OK)
		return e;
	e = mailer_daily_lines(r, lang, &digest_daily, list, n);
	db_rows_free(r);
	return e;
}

static const struct mailer_daily digest_daily = {
	.name = "digest",
	.days_back = 1,
	.sql_coords = digest_sql_coords,
	.sql_mark = "INSERT IGNORE INTO application_digests (member_id, day)"
	    " VALUES (?, ?)",
	.sql_count = "UPDATE application_digests SET applications = ?"
	    " WHERE member_id = ? AND day = ?",
	.kind = "account.application_digest",
	.subject_key = N_("mail.digest.subject"),
	.body_key = N_("mail.digest.body"),
	.var = "date",
	.list = digest_list,
	.line_key = N_("mail.digest.line"),
	.line_var = "community",
	.line_empty_key = N_("mail.application.no_community"),
};

enum weft_err
mailer_digest_job(long long *sent)
{
	struct mailer_daily_args	 a = { .var_value = NULL };

	return mailer_daily_run(&digest_daily, &a, sent);
}
