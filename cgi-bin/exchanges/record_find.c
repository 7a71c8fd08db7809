/*
 * Finding the other party of an exchange by name (issue 18): a party
 * typed on /exchanges/new that is no approved member's username is looked
 * up among the approved members by name (anywhere in it) and by username
 * (its start), and the form comes back with the matches as a choice, in
 * place of "no such member".  No script is needed: the choice is a radio
 * button (provider_pick, recipient_pick) the next submission reads.
 *
 * Whom it lists: any approved member, as any member may record an
 * exchange of their own with anyone (docs/authorization.md rule 2); a
 * member's name is what the ads directory shows every member already.
 * Applicants and disabled members are never listed, as the form does not
 * tell them from nobody.  The timebank's own account is not a party one
 * picks by name.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "exchanges.h"
#include "ledger.h"
#include "pager.h"

#define FIND_MAX	8	/* matches offered; more means "type more" */

static const char find_sql[] =
    "SELECT username, name FROM members"
    " WHERE status = 'approved' AND id <> ?"
    " AND (name LIKE ? OR username LIKE ?)"
    " ORDER BY name, id LIMIT 9";	/* FIND_MAX + 1: are there more? */

/* The matches of text as the section FIELD_MATCHES of d (MATCH: N,
 * USERNAME, NAME; MORE when there are more than shown); how many. */
int
exchanges_find_party(struct tmpl_dict *d,
    const char *field, const char *text, enum weft_err *err)
{
	struct db_rows		*r;
	struct tmpl_dict	*s = NULL, *m;
	char			 prefix[2 * 64 + 2], anywhere[2 * 64 + 3];
	char			 section[32];
	long long		 timebank = 0;
	enum weft_err		 e;
	int			 n = 0;

	if (text == NULL || text[0] == '\0' ||
	    pager_like_prefix(prefix, sizeof(prefix), text) == -1)
		return 0;
	anywhere[0] = '%';
	snprintf(anywhere + 1, sizeof(anywhere) - 1, "%s", prefix);
	if ((e = ledger_timebank_account(&timebank)) != WEFT_OK &&
	    e != WEFT_ERR_NOTFOUND) {
		*err = e;
		return 0;
	}
	if ((e = db_query(&r, find_sql, "iss", timebank, anywhere,
	    prefix)) != WEFT_OK) {
		*err = e;
		return 0;
	}
	snprintf(section, sizeof(section), "%s_MATCHES", field);
	while (n < FIND_MAX && db_next(r)) {
		if (s == NULL)
			s = tmpl_section(d, section);
		m = tmpl_section(s, "MATCH");
		tmpl_set_int(m, "N", n);
		tmpl_set(m, "USERNAME", db_str(r, 0));
		tmpl_set(m, "NAME", db_str(r, 1));
		n++;
	}
	if (db_next(r) && s != NULL)
		tmpl_show(s, "MORE");
	db_rows_free(r);
	return n;
}
