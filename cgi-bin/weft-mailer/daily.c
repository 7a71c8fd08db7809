/*
 * The coordinators' messages of the day about applications (mailer.h,
 * struct mailer_daily): the digest of new applications (digest.c) and the
 * reminder of late ones (reminder.c).  Both go to the approved
 * coordinators whose grant's role holds member.approve, each in their
 * language, and both are idempotent per coordinator and day the same way:
 * the coordinator's mark (a row of the job's table, keyed by member and
 * day) and their message commit together, so a run again, or by two
 * workers at once, queues the message once; a day with nothing to say
 * gets its mark and no message.
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
#include "role.h"
#include "util.h"

/* mailer.h */
void
mailer_approver_roles(const char *out[ROLE__MAX])
{
	size_t	 i, n = 0;

	for (i = 0; i < ROLE__MAX; i++)
		out[i] = "";
	for (i = 0; i < ROLE__MAX; i++)
		if (role_has_perm((enum role)i, PERM_MEMBER_APPROVE))
			out[n++] = role_keys[i];
}

/* mailer.h */
enum weft_err
mailer_daily_lines(struct db_rows *r, const char *lang,
    const struct mailer_daily *d, struct buf *list, long long *n)
{
	struct buf	 line;
	char		 url[400];
	const char	*v;
	enum weft_err	 e;

	buf_init(&line);
	while (db_next(r)) {
		snprintf(url, sizeof(url), "%s/members/%s", config.site_url,
		    db_str(r, 0));
		v = db_str(r, 3);
		if (v[0] == '\0' && d->line_empty_key != NULL)
			v = i18n_text(lang, d->line_empty_key);
		buf_reset(&line);
		i18n_format(&line, lang, d->line_key, "applicant", db_str(r, 1),
		    "username", db_str(r, 2), d->line_var, v, "url", url, NULL);
		buf_puts(list, line.p != NULL ? line.p : "");
		buf_puts(list, "\n");
		(*n)++;
	}
	e = buf_failed(&line) || buf_failed(list) ? WEFT_ERR_NOMEM : WEFT_OK;
	buf_free(&line);
	return e;
}

/* The language of member id into lang (of 16; "en" when none). */
static enum weft_err
daily_lang(long long id, char lang[16])
{
	struct db_rows	*r;
	enum weft_err	 e;

	util_copy(lang, 16, "en");
	if ((e = db_query(&r, "SELECT lang FROM members WHERE id = ?", "i",
	    id)) != WEFT_OK)
		return e;
	if (db_next(r))
		util_copy(lang, 16, db_str(r, 0));
	db_rows_free(r);
	return WEFT_OK;
}

/* Coordinator id's message of day, in one transaction with its mark. */
static enum weft_err
daily_one(const struct mailer_daily *d, long long id, const char *day,
    const struct mailer_daily_args *a, long long *sent)
{
	struct mail_var		 vars[3];
	struct mail_notice	 m = { .kind = d->kind,
	    .subject_key = d->subject_key, .body_key = d->body_key,
	    .vars = vars, .nvars = 3, .no_angel_copy = 1 };
	struct buf		 list;
	char			 lang[16], count[24];
	long long		 n = 0;
	enum weft_err		 e;

	if ((e = db_begin()) != WEFT_OK)
		return e;
	if ((e = db_exec(d->sql_mark, "is", id, day)) != WEFT_OK ||
	    db_affected() == 0) {
		/* Done already (by another worker, or a run before). */
		db_rollback();
		return e;
	}
	buf_init(&list);
	if ((e = daily_lang(id, lang)) == WEFT_OK &&
	    (e = d->list(id, lang, a, &list, &n)) == WEFT_OK && n > 0) {
		snprintf(count, sizeof(count), "%lld", n);
		vars[0] = (struct mail_var){ d->var, a->var_value };
		vars[1] = (struct mail_var){ "count", count };
		vars[2] = (struct mail_var){ "list", list.p };
		if ((e = db_exec(d->sql_count, "iis", n, id, day)) == WEFT_OK)
			e = mail_notice_member(&m, id);
	}
	buf_free(&list);
	if (e == WEFT_OK)
		e = db_commit();
	if (e != WEFT_OK)
		db_rollback();
	else if (n > 0) {
		log_msg(LOGL_INFO, "mailer: %s of %s for member %lld: %lld "
		    "applications", d->name, day, id, n);
		(*sent)++;
	}
	return e;
}

/* mailer.h */
enum weft_err
mailer_daily_run(const struct mailer_daily *d, struct mailer_daily_args *a,
    long long *sent)
{
	const char *const	*ro = a->roles;
	struct db_rows		*r;
	char			 day[16] = "";
	enum weft_err		 e, e1 = WEFT_OK;

	mailer_approver_roles(a->roles);
	if ((e = db_query(&r, "SELECT DATE_FORMAT(UTC_DATE() - INTERVAL ? DAY,"
	    " '%Y-%m-%d')", "i", d->days_back)) != WEFT_OK)
		return e;
	if (db_next(r))
		util_copy(day, sizeof(day), db_str(r, 0));
	db_rows_free(r);
	a->day = day;
	if (a->var_value == NULL)
		a->var_value = day;
	if ((e = db_query(&r, d->sql_coords, MAILER_ROLE_FMT "s", ro[0],
	    ro[1], ro[2], ro[3], ro[4], ro[5], day)) != WEFT_OK)
		return e;
	while (db_next(r))
		if ((e = daily_one(d, db_int(r, 0), day, a, sent)) != WEFT_OK)
			e1 = e;
	db_rows_free(r);
	return e1;
}
