/*
 * The daily reminder of applications waiting too long (issue 17;
 * docs/mail.md, "Account mail"): to each approved coordinator whose grant's
 * role holds member.approve (site or community grant), one message a UTC
 * day listing the applications in their scope that have waited longer
 * than the setting application_waiting_days, oldest first, in their
 * language.  As the digest, through daily.c: each coordinator's row of
 * application_reminders and their message commit together, so the job,
 * run twice or by two workers at once, queues one reminder per
 * coordinator and day; a coordinator with nothing late gets the row and
 * no message.  Everyone who may approve is reminded: a late application
 * is the timebank's, not one coordinator's choice of mail.
 */
#include <stdio.h>

#include "db.h"
#include "i18n.h"
#include "mailer.h"
#include "settings.h"

static const char reminder_sql_coords[] =
    "SELECT DISTINCT m.id FROM members m JOIN grants g ON g.member_id = m.id"
    " WHERE m.status = 'approved' AND " MAILER_ROLE_IN
    " AND g.scope_kind IN ('site', 'community')"
    " AND NOT EXISTS (SELECT 1 FROM application_reminders d"
    " WHERE d.member_id = m.id AND d.day = ?) ORDER BY m.id";
static const char reminder_sql_apps[] =
    "SELECT a.id, a.name, a.username, DATEDIFF(UTC_TIMESTAMP(), a.joined_at)"
    " FROM members a WHERE a.status = 'applying'"
    " AND a.joined_at < UTC_TIMESTAMP() - INTERVAL ? DAY"
    " AND EXISTS (SELECT 1 FROM grants g WHERE g.member_id = ? AND "
    MAILER_ROLE_IN " AND (g.scope_kind = 'site' OR (g.scope_kind ="
    " 'community' AND g.community_id = a.community_id)))"
    " ORDER BY a.joined_at, a.id LIMIT 500";

static const struct mailer_daily reminder_daily;

/* The lines of coordinator id's reminder into list, in lang: the
 * applications older than a->n days; *n how many. */
static enum weft_err
reminder_list(long long id, const char *lang,
    const struct mailer_daily_args *a, struct buf *list, long long *n)
{
	struct db_rows	*r;
	enum weft_err	 e;

	*n = 0;
	if ((e = db_query(&r, reminder_sql_apps, "ii" MAILER_ROLE_FMT, a->n,
	    id, a->roles[0], a->roles[1], a->roles[2], a->roles[3],
	    a->roles[4], a->roles[5])) != WEFT_OK)
		return e;
	e = mailer_daily_lines(r, lang, &reminder_daily, list, n);
	db_rows_free(r);
	return e;
}

static const struct mailer_daily reminder_daily = {
	.name = "reminder",
	.days_back = 0,
	.sql_coords = reminder_sql_coords,
	.sql_mark = "INSERT IGNORE INTO application_reminders (member_id, day)"
	    " VALUES (?, ?)",
	.sql_count = "UPDATE application_reminders SET applications = ?"
	    " WHERE member_id = ? AND day = ?",
	.kind = "account.application_reminder",
	.subject_key = N_("mail.reminder.subject"),
	.body_key = N_("mail.reminder.body"),
	.var = "days",
	.list = reminder_list,
	.line_key = N_("mail.reminder.line"),
	.line_var = "days",
	.line_empty_key = NULL,
};

enum weft_err
mailer_reminder_job(long long *sent)
{
	struct mailer_daily_args	 a = { .var_value = NULL };
	char				 days[24];

	a.n = settings_int(SETTING_APPLICATION_WAITING_DAYS);
	snprintf(days, sizeof(days), "%lld", a.n);
	a.var_value = days;
	return mailer_daily_run(&reminder_daily, &a, sent);
}
