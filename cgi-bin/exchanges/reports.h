/*
 * The coordinators' reports on offers, requests and exchanges (issue 17;
 * docs/reports.md): one row of reports_defs[] per report, each a page
 * with an SVG chart and a table (/exchanges/reports/KEY) and the same
 * table as CSV (/exchanges/reports/KEY/export.csv).  dashboard.view
 * reads them, over the communities it covers (docs/authorization.md
 * rule 2).  The figures come from the summaries of sql/048_reports.sql,
 * kept by triggers, and leave out the timebank's own account.
 * Private to reports*.c.
 */
#ifndef WEFT_EXCHANGES_REPORTS_H
#define WEFT_EXCHANGES_REPORTS_H

#include <stddef.h>

#include "app.h"
#include "buf.h"
#include "chart.h"
#include "db.h"
#include "ledger.h"

#define REPORT_MONTHS		12
#define REPORT_SCOPE_MAX	16	/* community placeholders */
#define REPORT_COLS_MAX		6
#define REPORT_ROWS_PAGE	100	/* rows of a member list on the page */
#define REPORT_ROWS_CSV		100000	/* ... in the CSV */

/* The viewer's scope twice: the ledger's (site, "3,7": FIND_IN_SET on
 * the small summaries) and the placeholders of members' index
 * (m.community_id IN REPORT_IN). */
struct report_scope {
	struct ledger_scope	 ls;
	long long		 c[REPORT_SCOPE_MAX];
	int			 truncated;
};

#define REPORT_IN	"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define REPORT_IN_FMT	"iiiiiiiiiiiiiiii"
#define REPORT_IN_ARGS(s)						\
	(s)->c[0], (s)->c[1], (s)->c[2], (s)->c[3], (s)->c[4], (s)->c[5],	\
	(s)->c[6], (s)->c[7], (s)->c[8], (s)->c[9], (s)->c[10], (s)->c[11],	\
	(s)->c[12], (s)->c[13], (s)->c[14], (s)->c[15]
/* A summary's community column in scope: its parameters are
 * REPORT_SUM_ARGS in REPORT_SUM_FMT. */
#define REPORT_SUM_SCOPE(col)	" (? = 1 OR FIND_IN_SET(" col ", ?) > 0)"
#define REPORT_SUM_FMT		"is"
#define REPORT_SUM_ARGS(s)	(long long)(s)->ls.site, (s)->ls.list

/* One cell: as the page shows it, as the CSV has it (NULL: the same),
 * and a link (NULL: none). */
struct report_cell {
	const char	*text;
	const char	*csv;
	const char	*href;
};

/* What a report fills: a page (page set) or a CSV (csv set). */
struct report_ctx {
	struct request		*req;
	const char		*lang;
	struct report_scope	 sc;
	struct tmpl_dict	*page;
	struct buf		*csv;
	size_t			 rows;
	size_t			 max_rows;	/* of member lists */
	struct chart		 chart;
	long long		 months;	/* "inactive for N months" */
	char			 month[REPORT_MONTHS][8];	/* "YYYY-MM" */
	char			 start[11];	/* the oldest month's day 1 */
};

typedef enum weft_err (*report_fn)(struct report_ctx *);

struct report_def {
	const char	*key;		/* its URL */
	const char	*title;		/* phrase keys */
	const char	*intro;
	const char	*chart;
	const char	*cols[REPORT_COLS_MAX];	/* headers, NULL-ended */
	const char	*csv_cols;	/* the CSV's header line */
	int		 months_param;	/* reads ?months=N */
	report_fn	 run;
};

/* One row of the table (n cells), on the page or in the CSV. */
void		 report_row(struct report_ctx *, const struct report_cell *,
		    size_t n);
/*
 * The rows of a member list from r (id, name, username, a date or ""):
 * the name linked to the profile, the date as the reader writes it (none
 * as the phrase none_key), and the chart: the members listed per month
 * of that date.
 */
void		 report_member_rows(struct report_ctx *, struct db_rows *r,
		    const char *none_key);
/* "1.25" for the CSV, as the reader writes it for the page. */
void		 report_hours(const struct report_ctx *, long long hundredths,
		    char page[LEDGER_HOURS_LEN], char csv[LEDGER_HOURS_LEN]);
/* Category id's name in the reader's language; "" for none. */
enum weft_err	 report_category_name(const struct report_ctx *,
		    long long id, char *out, size_t len);

/* reports_ads.c */
enum weft_err	 report_ads_month(struct report_ctx *);
enum weft_err	 report_ads_category(struct report_ctx *);
enum weft_err	 report_ads_unmatched(struct report_ctx *);
enum weft_err	 report_no_ad(struct report_ctx *);
/* reports_hours.c */
enum weft_err	 report_hours_month(struct report_ctx *);
enum weft_err	 report_most_active(struct report_ctx *);
enum weft_err	 report_inactive(struct report_ctx *);

#endif
