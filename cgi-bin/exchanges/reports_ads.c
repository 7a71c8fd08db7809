/*
 * The reports on offers and requests (reports.h): posted, renewed and
 * expired per month; by category; requests with no matching offer; and
 * the members with no ad.  The first three read the summaries of
 * sql/048 and sql/050 (a few rows per month, community, category and
 * kind; the current ads one per category, kind and community); the
 * members with no ad walk the members' primary key and stop after a
 * page, probing report_members for each.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "i18n_conv.h"
#include "reports.h"
#include "util.h"

/* A count as the page and the CSV write it. */
static void
report_count(long long n, char out[24])
{
	snprintf(out, 24, "%lld", n);
}

enum { AM_OFFERS, AM_REQUESTS, AM_RENEWED, AM_EXPIRED, AM__MAX };

/*
 * The month's figures, each from a summary: a query's row is a month
 * ("YYYY-MM") and n sums, which go to columns first.. of the month's
 * figures.  Each takes the oldest month's first day and the scope.
 */
static const struct ads_month_query {
	const char	*sql;
	size_t		 first;
	size_t		 n;
} ads_month_queries[] = {
	{ .sql = "SELECT DATE_FORMAT(month, '%Y-%m'),"
	    " SUM(IF(kind = 'offer', posted, 0)),"
	    " SUM(IF(kind = 'request', posted, 0)), SUM(renewed)"
	    " FROM report_ads_month WHERE month >= ? AND"
	    REPORT_SUM_SCOPE("community_id") " GROUP BY month",
	    .first = AM_OFFERS, .n = 3 },
	/* Expired: the ads' last days before today, not deleted. */
	{ .sql = "SELECT DATE_FORMAT(expires_on, '%Y-%m'), SUM(n)"
	    " FROM report_ads_expiry WHERE expires_on >= ?"
	    " AND expires_on < UTC_DATE() AND"
	    REPORT_SUM_SCOPE("community_id") " GROUP BY 1",
	    .first = AM_EXPIRED, .n = 1 },
};

static enum weft_err
report_ads_sums(struct report_ctx *c, const struct ads_month_query *q,
    long long v[REPORT_MONTHS][AM__MAX])
{
	struct db_rows	*r;
	const char	*m;
	enum weft_err	 e;
	size_t		 i, k;

	if ((e = db_query(&r, q->sql, "s" REPORT_SUM_FMT, c->start,
	    REPORT_SUM_ARGS(&c->sc))) != WEFT_OK)
		return e;
	while (db_next(r))
		for (i = 0, m = db_str(r, 0); i < REPORT_MONTHS; i++)
			if (strcmp(m, c->month[i]) == 0)
				for (k = 0; k < q->n; k++)
					v[i][q->first + k] =
					    db_int(r, 1 + (unsigned)k);
	db_rows_free(r);
	return WEFT_OK;
}

enum weft_err
report_ads_month(struct report_ctx *c)
{
	struct report_cell	 cell[1 + AM__MAX];
	long long		 v[REPORT_MONTHS][AM__MAX];
	char			 num[AM__MAX][24], shown[24];
	enum weft_err		 e;
	size_t			 i, k;

	memset(v, 0, sizeof(v));
	for (i = 0; i < NELEM(ads_month_queries); i++)
		if ((e = report_ads_sums(c, &ads_month_queries[i], v)) !=
		    WEFT_OK)
			return e;
	for (i = 0; i < REPORT_MONTHS; i++) {
		cell[0] = (struct report_cell){ .text = c->month[i] };
		for (k = 0; k < AM__MAX; k++) {
			report_count(v[i][k], num[k]);
			cell[1 + k] = (struct report_cell){ .text = num[k] };
		}
		report_row(c, cell, 1 + AM__MAX);
		report_count(v[i][AM_OFFERS] + v[i][AM_REQUESTS], shown);
		chart_add(&c->chart, c->month[i] + 2, shown,
		    v[i][AM_OFFERS] + v[i][AM_REQUESTS]);
	}
	return WEFT_OK;
}

/* One category's row and bar: posted (po, pr) and current (co, cr)
 * offers and requests, or for unmatched its requests with no offer. */
static void
report_category_row(struct report_ctx *c, const char *name, long long po,
    long long pr, long long co, long long cr, int unmatched)
{
	struct report_cell	 cell[5];
	char			 num[4][24], shown[24];
	long long		 v[4], bar;
	size_t			 i, n;

	if (unmatched) {
		v[0] = cr;
		v[1] = co;
		v[2] = bar = co == 0 ? cr : 0;
		n = 3;
	} else {
		v[0] = po;
		v[1] = pr;
		v[2] = co;
		v[3] = cr;
		bar = po + pr;
		n = 4;
	}
	cell[0] = (struct report_cell){ .text = name };
	for (i = 0; i < n; i++) {
		report_count(v[i], num[i]);
		cell[1 + i] = (struct report_cell){ .text = num[i] };
	}
	report_row(c, cell, 1 + n);
	report_count(bar, shown);
	chart_add(&c->chart, name, shown, bar);
}

/* One category's sum of col in a summary, of one kind, where cond holds,
 * in scope (cond's parameters, then REPORT_SUM_ARGS): a range of the
 * summary's (category_id, kind, ...) index. */
#define CATEGORY_SUM(table, col, kind, cond)				\
	" (SELECT COALESCE(SUM(s." col "), 0) FROM " table " s"		\
	" WHERE s.category_id = k.id AND s.kind = '" kind "'"		\
	" AND " cond " AND" REPORT_SUM_SCOPE("s.community_id") ")"

/*
 * The current counts (sql/050) moved on to today when the day has passed:
 * a first look without a lock, then, under the day's row's exclusive lock
 * (another reader may have moved it meanwhile; every trigger changing the
 * counts holds it shared), a recount from report_ads_expiry.  Today is
 * read once, so that a midnight between two statements cannot split it.
 */
static enum weft_err
report_ads_roll(void)
{
	struct db_rows	*r;
	char		 today[16];
	long long	 behind;
	enum weft_err	 e;

	if ((e = db_query_int(&behind, "SELECT day < UTC_DATE()"
	    " FROM report_ads_current_day WHERE id = 1", "")) != WEFT_OK ||
	    behind == 0)
		return e;
	if ((e = db_begin()) != WEFT_OK)
		return e;
	if ((e = db_query(&r, "SELECT UTC_DATE(), day < UTC_DATE()"
	    " FROM report_ads_current_day WHERE id = 1 FOR UPDATE", "")) !=
	    WEFT_OK)
		goto fail;
	behind = db_next(r) ? db_int(r, 1) : 0;
	snprintf(today, sizeof(today), "%s", behind ? db_str(r, 0) : "");
	db_rows_free(r);
	if (behind == 0)
		return db_commit();
	if ((e = db_exec("DELETE FROM report_ads_current", "")) != WEFT_OK ||
	    (e = db_exec("INSERT INTO report_ads_current (category_id, kind,"
	    " community_id, n) SELECT category_id, kind, community_id, SUM(n)"
	    " FROM report_ads_expiry WHERE expires_on >= ?"
	    " GROUP BY category_id, kind, community_id HAVING SUM(n) <> 0",
	    "s", today)) != WEFT_OK ||
	    (e = db_exec("UPDATE report_ads_current_day SET day = ?"
	    " WHERE id = 1", "s", today)) != WEFT_OK)
		goto fail;
	return db_commit();
fail:
	db_rollback();
	return e;
}

/*
 * Per category of the site's list (retired ones only when they have
 * figures): offers and requests posted over the twelve months, and those
 * current today (not deleted, not expired: report_ads_current, moved on
 * to today first).  unmatched: the current
 * requests of categories with no current offer, instead.
 */
static enum weft_err
report_by_category(struct report_ctx *c, int unmatched)
{
	struct db_rows	*r;
	long long	 po, pr, co, cr;
	enum weft_err	 e;

	if ((e = report_ads_roll()) != WEFT_OK)
		return e;
	if ((e = db_query(&r, "SELECT COALESCE(n.name, k.name),"
	    CATEGORY_SUM("report_ads_month", "posted", "offer",
	    "s.month >= ?") ","
	    CATEGORY_SUM("report_ads_month", "posted", "request",
	    "s.month >= ?") ","
	    CATEGORY_SUM("report_ads_current", "n", "offer", "1") ","
	    CATEGORY_SUM("report_ads_current", "n", "request", "1") ","
	    " k.active"
	    " FROM categories k LEFT JOIN list_names n"
	    " ON n.list = 'categories' AND n.item_id = k.id AND n.lang = ?"
	    " ORDER BY k.position, k.name, k.id",
	    "s" REPORT_SUM_FMT "s" REPORT_SUM_FMT REPORT_SUM_FMT
	    REPORT_SUM_FMT "s", c->start, REPORT_SUM_ARGS(&c->sc), c->start,
	    REPORT_SUM_ARGS(&c->sc), REPORT_SUM_ARGS(&c->sc),
	    REPORT_SUM_ARGS(&c->sc), c->lang)) != WEFT_OK)
		return e;
	while (db_next(r)) {
		po = db_int(r, 1);
		pr = db_int(r, 2);
		co = db_int(r, 3);
		cr = db_int(r, 4);
		if (db_int(r, 5) == 0 && po + pr + co + cr == 0)
			continue;
		report_category_row(c, db_str(r, 0), po, pr, co, cr,
		    unmatched);
	}
	db_rows_free(r);
	return WEFT_OK;
}

enum weft_err
report_ads_category(struct report_ctx *c)
{
	return report_by_category(c, 0);
}

enum weft_err
report_ads_unmatched(struct report_ctx *c)
{
	return report_by_category(c, 1);
}

/*
 * Approved members without an ad not deleted, from report_members
 * (sql/048): (status, ads, member_id) site-wide, (status, community_id,
 * ads, member_id) for some communities, read in index order and stopped
 * after max_rows.  The chart counts the members listed by the month they
 * joined: a page's worth, never a scan (the timebank's own account is
 * disabled, so not listed).
 */
#define NOAD_SQL(index, scope, order)					\
	"SELECT m.id, m.name, m.username, DATE(m.joined_at)"		\
	" FROM report_members r FORCE INDEX (" index ")"		\
	" JOIN members m ON m.id = r.member_id"				\
	" WHERE r.status = 'approved' AND r.ads = 0" scope		\
	" ORDER BY " order " LIMIT ?"

enum weft_err
report_no_ad(struct report_ctx *c)
{
	struct db_rows		*r;
	enum weft_err		 e;

	if (c->sc.ls.site)
		e = db_query(&r, NOAD_SQL("report_members_ads", "",
		    "r.member_id"), "i", (long long)c->max_rows);
	else
		e = db_query(&r, NOAD_SQL("report_members_community_ads",
		    " AND r.community_id IN " REPORT_IN,
		    "r.community_id, r.member_id"), REPORT_IN_FMT "i",
		    REPORT_IN_ARGS(&c->sc), (long long)c->max_rows);
	if (e != WEFT_OK)
		return e;
	report_member_rows(c, r, N_("reports.never"));
	db_rows_free(r);
	return WEFT_OK;
}
