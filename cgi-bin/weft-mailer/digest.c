/*
 * The daily digest of new applications (docs/mail.md, "Account mail"):
 * to each approved coordinator who chose it (members.application_digest)
 * and whose grant's role holds member.approve, one message listing the
 * applications made on the day before (UTC) in their scope that still
 * wait (a site grant: all; a community grant: its community's), in
 * their language.  Each coordinator's row of application_digests and
 * their message commit together: run twice, or by two workers at once,
 * the job queues one digest per coordinator and day.  A day without an
 * application in their scope gets its row and no message.
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

#define DIGEST_MAX	500	/* applications listed in one message */

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

#define DIGEST_ROLE_IN	MAILER_ROLE_IN
#define DIGEST_ROLE_FMT	MAILER_ROLE_FMT

static const char digest_sql_coords[] =
    "SELECT DISTINCT m.id FROM members m JOIN grants g ON g.member_id = m.id"
    " WHERE m.status = 'approved' AND m.application_digest = 1 AND "
    DIGEST_ROLE_IN " AND g.scope_kind IN ('site', 'community')"
    " AND NOT EXISTS (SELECT 1 FROM application_digests d"
    " WHERE d.member_id = m.id AND d.day = ?) ORDER BY m.id";
static const char digest_sql_mark[] =
    "INSERT IGNORE INTO application_digests (member_id, day) VALUES (?, ?)";
static const char digest_sql_apps[] =
    "SELECT a.id, a.name, a.username, COALESCE(c.name, '')"
    " FROM members a LEFT JOIN communities c ON c.id = a.community_id"
    " WHERE a.status = 'applying' AND a.joined_at >= ?"
    " AND a.joined_at < ? + INTERVAL 1 DAY AND EXISTS (SELECT 1 FROM grants g"
    " WHERE g.member_id = ? AND " DIGEST_ROLE_IN " AND (g.scope_kind = 'site'"
    " OR (g.scope_kind = 'community' AND g.community_id = a.community_id)))"
    " ORDER BY a.joined_at, a.id LIMIT 500";

/* The lines of coordinator id's digest of day into list, in lang; *n how
 * many applications. */
static enum weft_err
digest_list(long long id, const char *day, const char *lang,
    const char *roles[ROLE__MAX], struct buf *list, long long *n)
{
	struct db_rows	*r;
	struct buf	 line;
	char		 url[400];
	enum weft_err	 e;

	*n = 0;
	if ((e = db_query(&r, digest_sql_apps, "ssi" DIGEST_ROLE_FMT, day, day,
	    id, roles[0], roles[1], roles[2], roles[3], roles[4], roles[5])) !=
	    WEFT_OK)
		return e;
	buf_init(&line);
	while (db_next(r)) {
		snprintf(url, sizeof(url), "%s/members/%s", config.site_url,
		    db_str(r, 0));
		buf_reset(&line);
		i18n_format(&line, lang, N_("mail.digest.line"), "applicant",
		    db_str(r, 1), "username", db_str(r, 2), "community",
		    db_str(r, 3)[0] != '\0' ? db_str(r, 3) : i18n_text(lang,
		    N_("mail.application.no_community")), "url", url, NULL);
		buf_puts(list, line.p != NULL ? line.p : "");
		buf_puts(list, "\n");
		(*n)++;
	}
	db_rows_free(r);
	e = buf_failed(&line) || buf_failed(list) ? WEFT_ERR_NOMEM : WEFT_OK;
	buf_free(&line);
	return e;
}

/* Coordinator id's digest of day, in one transaction with its mark. */
static enum weft_err
digest_one(long long id, const char *day, const char *roles[ROLE__MAX],
    long long *sent)
{
	struct mail_var		 vars[3];
	struct mail_notice	 m = { .kind = "account.application_digest",
	    .subject_key = N_("mail.digest.subject"),
	    .body_key = N_("mail.digest.body"), .vars = vars, .nvars = 3,
	    .no_angel_copy = 1 };
	struct db_rows		*r;
	struct buf		 list;
	char			 lang[16] = "en", count[24];
	long long		 n = 0;
	enum weft_err		 e;

	if ((e = db_begin()) != WEFT_OK)
		return e;
	if ((e = db_exec(digest_sql_mark, "is", id, day)) != WEFT_OK ||
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
	if ((e = digest_list(id, day, lang, roles, &list, &n)) == WEFT_OK &&
	    n > 0) {
		snprintf(count, sizeof(count), "%lld", n);
		vars[0] = (struct mail_var){ "date", day };
		vars[1] = (struct mail_var){ "count", count };
		vars[2] = (struct mail_var){ "list", list.p };
		if ((e = db_exec("UPDATE application_digests SET applications = ?"
		    " WHERE member_id = ? AND day = ?", "iis", n, id, day)) ==
		    WEFT_OK)
			e = mail_notice_member(&m, id);
	}
	buf_free(&list);
	if (e == WEFT_OK)
		e = db_commit();
	if (e != WEFT_OK)
		db_rollback();
	else if (n > 0) {
		log_msg(LOGL_INFO, "mailer: digest of %s for member %lld: %lld "
		    "applications", day, id, n);
		(*sent)++;
	}
	return e;
}

enum weft_err
mailer_digest_job(long long *sent)
{
	const char	*roles[ROLE__MAX];
	struct db_rows	*r;
	char		 day[16] = "";
	enum weft_err	 e, e1 = WEFT_OK;

	mailer_approver_roles(roles);
	if ((e = db_query(&r, "SELECT DATE_FORMAT(UTC_DATE() - INTERVAL 1 DAY,"
	    " '%Y-%m-%d')", "")) != WEFT_OK)
		return e;
	if (db_next(r))
		util_copy(day, sizeof(day), db_str(r, 0));
	db_rows_free(r);
	if ((e = db_query(&r, digest_sql_coords, DIGEST_ROLE_FMT "s", roles[0],
	    roles[1], roles[2], roles[3], roles[4], roles[5], day)) != WEFT_OK)
		return e;
	while (db_next(r))
		if ((e = digest_one(db_int(r, 0), day, roles, sent)) != WEFT_OK)
			e1 = e;
	db_rows_free(r);
	return e1;
}
