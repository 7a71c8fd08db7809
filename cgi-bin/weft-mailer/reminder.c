/*
 * The daily reminder of applications waiting too long (issue 17;
 * docs/mail.md, "Account mail"): to each approved coordinator whose grant's
 * role holds member.approve (site or community grant), one message a UTC
 * day listing the applications in their scope that have waited longer
 * than the setting application_waiting_days, oldest first, in their
 * language.  As the digest (digest.c): each coordinator's row of
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
#include "mail_notice.h"
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

/* The lines of coordinator id's reminder into list, in lang; *n how many
 * applications. */
static enum weft_err
reminder_list(long long id, long long days, const char *lang,
    const char *roles[ROLE__MAX], struct buf *list, long long *n)
{
	struct db_rows	*r;
	struct buf	 line;
	char		 url[400], waited[24];
	enum weft_err	 e;

	*n = 0;
	if ((e = db_query(&r, reminder_sql_apps, "ii" MAILER_ROLE_FMT, days,
	    id, roles[0], roles[1], roles[2], roles[3], roles[4], roles[5])) !=
	    WEFT_OK)
		return e;
	buf_init(&line);
	while (db_next(r)) {
		snprintf(url, sizeof(url), "%s/members/%s", config.site_url,
		    db_str(r, 0));
		snprintf(waited, sizeof(waited), "%s", db_str(r, 3));
		buf_reset(&line);
		i18n_format(&line, lang, N_("mail.reminder.line"), "applicant",
		    db_str(r, 1), "username", db_str(r, 2), "days", waited,
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

/* Coordinator id's reminder of day, in one transaction with its mark. */
static enum weft_err
reminder_one(long long id, const char *day, long long days,
    const char *roles[ROLE__MAX], long long *sent)
{
	struct mail_var		 vars[3];
	struct mail_notice	 m = { .kind = "account.application_reminder",
	    .subject_key = N_("mail.reminder.subject"),
	    .body_key = N_("mail.reminder.body"), .vars = vars, .nvars = 3,
	    .no_angel_copy = 1 };
	struct db_rows		*r;
	struct buf		 list;
	char			 lang[16] = "en", count[24], ndays[24];
	long long		 n = 0;
	enum weft_err		 e;

	if ((e = db_begin()) != WEFT_OK)
		return e;
	if ((e = db_exec("INSERT IGNORE INTO application_reminders"
	    " (member_id, day) VALUES (?, ?)", "is", id, day)) != WEFT_OK ||
	    db_affected() == 0) {
		/* Done already (by another worker, or a run before). */
		db_rollback();
		return e;
	}
	if ((e = db_query(&r, "SELECT lang FROM members WHERE id = ?", "i",
	    id)) != WEFT_OK) {
		db_rollback();
		return e;
	}
	if (db_next(r))
		util_copy(lang, sizeof(lang), db_str(r, 0));
	db_rows_free(r);
	buf_init(&list);
	if ((e = reminder_list(id, days, lang, roles, &list, &n)) == WEFT_OK &&
	    n > 0) {
		snprintf(count, sizeof(count), "%lld", n);
		snprintf(ndays, sizeof(ndays), "%lld", days);
		vars[0] = (struct mail_var){ "days", ndays };
		vars[1] = (struct mail_var){ "count", count };
		vars[2] = (struct mail_var){ "list", list.p };
		if ((e = db_exec("UPDATE application_reminders SET"
		    " applications = ? WHERE member_id = ? AND day = ?", "iis",
		    n, id, day)) == WEFT_OK)
			e = mail_notice_member(&m, id);
	}
	buf_free(&list);
	if (e == WEFT_OK)
		e = db_commit();
	if (e != WEFT_OK)
		db_rollback();
	else if (n > 0) {
		log_msg(LOGL_INFO, "mailer: reminder of %s for member %lld: "
		    "%lld applications", day, id, n);
		(*sent)++;
	}
	return e;
}

enum weft_err
mailer_reminder_job(long long *sent)
{
	const char	*roles[ROLE__MAX];
	struct db_rows	*r;
	char		 day[16] = "";
	long long	 days;
	enum weft_err	 e, e1 = WEFT_OK;

	mailer_approver_roles(roles);
	days = settings_int(SETTING_APPLICATION_WAITING_DAYS);
	if ((e = db_query(&r, "SELECT DATE_FORMAT(UTC_DATE(), '%Y-%m-%d')",
	    "")) != WEFT_OK)
		return e;
	if (db_next(r))
		util_copy(day, sizeof(day), db_str(r, 0));
	db_rows_free(r);
	if ((e = db_query(&r, reminder_sql_coords, MAILER_ROLE_FMT "s",
	    roles[0], roles[1], roles[2], roles[3], roles[4], roles[5], day)) !=
	    WEFT_OK)
		return e;
	while (db_next(r))
		if ((e = reminder_one(db_int(r, 0), day, days, roles, sent)) !=
		    WEFT_OK)
			e1 = e;
	db_rows_free(r);
	return e1;
}
