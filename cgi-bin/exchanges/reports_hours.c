/*
 * The reports on exchanges (reports.h): hours per month by category, the
 * most active members, the members inactive for N months.  Hours per
 * month read report_hours_month (sql/048: a row per month, pair of
 * communities and category); the member reports read report_members
 * through its indexes: its busiest end for the most active, the start of
 * the range of old last dates for the inactive.  A reversal takes
 * its exchange out again, as on the dashboard; exchanges with the
 * timebank's own account are not counted.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "i18n_conv.h"
#include "reports.h"
#include "util.h"

enum weft_err
report_hours_month(struct report_ctx *c)
{
	struct report_cell	 cell[4];
	struct db_rows		*r;
	long long		 total[REPORT_MONTHS] = { 0 };
	char			 name[256], hp[LEDGER_HOURS_LEN],
				 hc[LEDGER_HOURS_LEN], n[24];
	const char		*m;
	enum weft_err		 e;
	size_t			 i;

	if ((e = db_query(&r, "SELECT DATE_FORMAT(h.month, '%Y-%m'),"
	    " h.category_id, SUM(h.hundredths), SUM(h.exchanges)"
	    " FROM report_hours_month h WHERE h.month >= ?"
	    " AND (? = 1 OR FIND_IN_SET(h.p_community, ?) > 0"
	    " OR FIND_IN_SET(h.r_community, ?) > 0)"
	    " GROUP BY h.month, h.category_id HAVING SUM(h.exchanges) <> 0"
	    " ORDER BY h.month, h.category_id", "siss", c->start,
	    (long long)c->sc.ls.site, c->sc.ls.list, c->sc.ls.list)) !=
	    WEFT_OK)
		return e;
	while (db_next(r)) {
		m = db_str(r, 0);
		if ((e = report_category_name(c, db_int(r, 1), name,
		    sizeof(name))) != WEFT_OK)
			break;
		report_hours(c, db_int(r, 2), hp, hc);
		snprintf(n, sizeof(n), "%lld", db_int(r, 3));
		cell[0] = (struct report_cell){ .text = m };
		cell[1] = (struct report_cell){ .text = name };
		cell[2] = (struct report_cell){ .text = hp, .csv = hc };
		cell[3] = (struct report_cell){ .text = n };
		report_row(c, cell, 4);
		for (i = 0; i < REPORT_MONTHS; i++)
			if (strcmp(m, c->month[i]) == 0)
				total[i] += db_int(r, 2);
	}
	db_rows_free(r);
	if (e != WEFT_OK)
		return e;
	for (i = 0; i < REPORT_MONTHS; i++) {
		i18n_hours(c->lang, total[i], 0, hp);
		chart_add(&c->chart, c->month[i] + 2, hp, total[i]);
	}
	return WEFT_OK;
}

#define ACTIVE_SQL(scope)						\
	"SELECT m.id, m.name, m.username, r.exchanges, r.hundredths"	\
	" FROM report_members r FORCE INDEX (report_members_exchanges)"	\
	" JOIN members m ON m.id = r.member_id WHERE r.exchanges > 0"	\
	" AND r.status = 'approved'" scope				\
	" ORDER BY r.exchanges DESC, r.member_id DESC LIMIT 20"

/* The members with the most exchanges that count (either side, ever). */
enum weft_err
report_most_active(struct report_ctx *c)
{
	struct report_cell	 cell[4];
	struct db_rows		*r;
	char			 href[48], n[24], hp[LEDGER_HOURS_LEN],
				 hc[LEDGER_HOURS_LEN];
	enum weft_err		 e;

	if (c->sc.ls.site)
		e = db_query(&r, ACTIVE_SQL(""), "");
	else
		e = db_query(&r, ACTIVE_SQL(" AND r.community_id IN "
		    REPORT_IN), REPORT_IN_FMT, REPORT_IN_ARGS(&c->sc));
	if (e != WEFT_OK)
		return e;
	while (db_next(r)) {
		snprintf(href, sizeof(href), "/members/%lld", db_int(r, 0));
		snprintf(n, sizeof(n), "%lld", db_int(r, 3));
		report_hours(c, db_int(r, 4), hp, hc);
		cell[0] = (struct report_cell){ .text = db_str(r, 1),
		    .href = href };
		cell[1] = (struct report_cell){ .text = db_str(r, 2) };
		cell[2] = (struct report_cell){ .text = n };
		cell[3] = (struct report_cell){ .text = hp, .csv = hc };
		report_row(c, cell, 4);
		chart_add(&c->chart, db_str(r, 2), n, db_int(r, 3));
	}
	db_rows_free(r);
	return WEFT_OK;
}

/*
 * Approved members without an exchange that counts in the last N months
 * (c->months), the never-active first: a range of (status, last_date,
 * member_id) from its start (NULL sorts first), or of (status,
 * community_id, last_date, member_id) for some communities, stopped
 * after max_rows.  The chart counts the members listed by the month of
 * their latest exchange.
 */
#define INACTIVE_SQL(index, scope, order)				\
	"SELECT m.id, m.name, m.username, COALESCE(r.last_date, '')"	\
	" FROM report_members r FORCE INDEX (" index ")"		\
	" JOIN members m ON m.id = r.member_id"				\
	" WHERE r.status = 'approved' AND (r.last_date IS NULL"		\
	" OR r.last_date < UTC_DATE() - INTERVAL ? MONTH)" scope	\
	" ORDER BY " order " LIMIT ?"

enum weft_err
report_inactive(struct report_ctx *c)
{
	struct db_rows		*r;
	enum weft_err		 e;

	if (c->sc.ls.site)
		e = db_query(&r, INACTIVE_SQL("report_members_last", "",
		    "r.last_date, r.member_id"), "ii", c->months,
		    (long long)c->max_rows);
	else
		e = db_query(&r, INACTIVE_SQL("report_members_community_last",
		    " AND r.community_id IN " REPORT_IN,
		    "r.community_id, r.last_date, r.member_id"),
		    "i" REPORT_IN_FMT "i", c->months, REPORT_IN_ARGS(&c->sc),
		    (long long)c->max_rows);
	if (e != WEFT_OK)
		return e;
	report_member_rows(c, r, N_("reports.never"));
	db_rows_free(r);
	return WEFT_OK;
}
