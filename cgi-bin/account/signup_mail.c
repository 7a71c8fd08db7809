/*
 * A new application's notice (docs/mail.md, "Account mail"): to every
 * approved coordinator who may approve it, that is whose grant's role
 * holds member.approve and whose scope covers the applicant's Community
 * Timebank (a site grant covers all, a community grant its own; an
 * applicant of no community is the site-wide coordinators'), queued in
 * the signup's transaction, each in the coordinator's language; not to
 * those who chose the daily digest instead (weft-mailer's digest.c).
 */
#include <stdio.h>
#include <string.h>

#include "account.h"
#include "config.h"
#include "db.h"
#include "i18n.h"
#include "mail_notice.h"
#include "role.h"

/* The community's name, or the phrase for none in lang. */
static void
signup_mail_community(long long comm, char *out, size_t len)
{
	struct db_rows	*r = NULL;

	out[0] = '\0';
	if (comm != 0 && db_query(&r, "SELECT name FROM communities "
	    "WHERE id = ?", "i", comm) == WEFT_OK && db_next(r))
		snprintf(out, len, "%s", db_str(r, 0));
	db_rows_free(r);
}

enum weft_err
account_application_mail(long long member_id, const char *name,
    const char *username, long long comm)
{
	struct mail_var		 vars[4];
	struct mail_notice	 n = { .kind = "account.application",
	    .subject_key = N_("mail.application.subject"),
	    .body_key = N_("mail.application.body"), .vars = vars,
	    .nvars = 4, .no_angel_copy = 1 };
	struct db_rows		*r = NULL;
	char			 url[400], cname[160];
	long long		 last = 0;
	enum role		 role;
	enum weft_err		 e;

	signup_mail_community(comm, cname, sizeof(cname));
	snprintf(url, sizeof(url), "%s/members/%lld", config.site_url,
	    member_id);
	vars[0] = (struct mail_var){ "applicant", name };
	vars[1] = (struct mail_var){ "username", username };
	vars[2] = (struct mail_var){ "url", url };
	if ((e = db_query(&r, "SELECT m.id, g.role, m.lang FROM grants g "
	    "JOIN members m ON m.id = g.member_id WHERE m.status = 'approved' "
	    "AND m.application_digest = 0 "
	    "AND (g.scope_kind = 'site' OR (g.scope_kind = 'community' "
	    "AND g.community_id = ? AND ? <> 0)) ORDER BY m.id", "ii", comm,
	    comm)) != WEFT_OK)
		return e;
	while (e == WEFT_OK && db_next(r)) {
		if (db_int(r, 0) == last || role_parse(db_str(r, 1), &role) !=
		    0 || !role_has_perm(role, PERM_MEMBER_APPROVE))
			continue;
		last = db_int(r, 0);
		vars[3] = (struct mail_var){ "community", cname[0] != '\0' ?
		    cname : i18n_text(db_str(r, 2),
		    N_("mail.application.no_community")) };
		e = mail_notice_member(&n, last);
	}
	db_rows_free(r);
	return e;
}
