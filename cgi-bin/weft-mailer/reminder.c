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
#include <string.h>

#include "buf.h"
#include "config.h"
#include "db.h"
#include "i18n.h"
#include "log.h"
#include "mailer.h"
#include "settings.h"
#include "util.h"

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

/* The lines of coordinator id's reminder into list, in lang: the
 * applications older than a->n days; *n how many. */
static enum weft_err
reminder_list(long long id, const char *lang,
    const struct mailer_daily_args *a, struct buf *list, long long *n)
{
	struct db_rows	*r;
	struct buf	 line;
	char		 url[400];
	enum weft_err	 e;

	*n = 0;
	if ((e = db_query(&r, reminder_sql_apps, "ii" MAILER_ROLE_FMT, a->n,
	    id, a->roles[0], a->roles[1], a->roles[2], a->roles[3],
	    a->roles[4], a->roles[5])) != WEFT_OK)
		return e;
	buf_init(&line);
	while (db_next(r)) {
		snprintf(url, sizeof(url), "%s/members/%s", config.site_url,
		    db_str(r, 0));
		buf_reset(&line);
		i18n_format(&line, lang, N_("mail.reminder.line"), "applicant",
		    db_str(r, 1), "username", db_str(r, 2), "days", db_str(r, 3),
		    "url", url, NULL);
		buf_puts(list, line.p != NULL ? line.p : "");
		buf_puts(list, "\n");
		(*n)++;
	}
	db_rows_free(r);
	e = buf_failed(&line) || buf_failed(list) ? WEFT_ERR_NOMEM : WEFT_OK;
	buf_free(&line);
	return e;
}

static const struct mailer_daily reminder_daily = {
	.name = "reminder",
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
};

enum weft_err
mailer_reminder_job(long long *sent)
{
	struct mailer_daily_args	 a = { .n = 0 };
	struct db_rows			*r;
	char				 day[16] = "", days[24];
	enum weft_err			 e;

	mailer_approver_roles(a.roles);
	a.n = settings_int(SETTING_APPLICATION_WAITING_DAYS);
	snprintf(days, sizeof(days), "%lld", a.n);
	if ((e = db_query(&r, "SELECT DATE_FORMAT(UTC_DATE(), '%Y-%m-%d')",
	    "")) != WEFT_OK)
		return e;
	if (db_next(r))
		util_copy(day, sizeof(day), db_str(r, 0));
	db_rows_free(r);
	a.day = day;
	a.var_value = days;
	return mailer_daily_run(&reminder_daily, day, &a, sent);
}
