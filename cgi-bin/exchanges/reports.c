/*
 * The reports' pages (reports.h): the index, one report's page (chart,
 * table, the CSV link) and its CSV, all from the table reports_defs[].
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "exchanges.h"
#include "form.h"
#include "i18n_conv.h"
#include "lists.h"
#include "reports.h"
#include "scope_line.h"
#include "util.h"

static const struct report_def reports_defs[] = {
	{ .key = "ads-month", .title = N_("reports.ads_month.title"),
	    .intro = N_("reports.ads_month.intro"),
	    .chart = N_("reports.ads_month.chart"),
	    .cols = { N_("reports.col.month"), N_("reports.col.offers_posted"),
	    N_("reports.col.requests_posted"), N_("reports.col.renewed"),
	    N_("reports.col.expired") },
	    .csv_cols = "month,offers_posted,requests_posted,renewed,expired",
	    .run = report_ads_month },
	{ .key = "ads-category", .title = N_("reports.ads_category.title"),
	    .intro = N_("reports.ads_category.intro"),
	    .chart = N_("reports.ads_category.chart"),
	    .cols = { N_("reports.col.category"),
	    N_("reports.col.offers_posted"), N_("reports.col.requests_posted"),
	    N_("reports.col.offers_current"),
	    N_("reports.col.requests_current") },
	    .csv_cols = "category,offers_posted,requests_posted,"
	    "offers_current,requests_current",
	    .run = report_ads_category },
	{ .key = "unmatched", .title = N_("reports.unmatched.title"),
	    .intro = N_("reports.unmatched.intro"),
	    .chart = N_("reports.unmatched.chart"),
	    .cols = { N_("reports.col.category"),
	    N_("reports.col.requests_current"),
	    N_("reports.col.offers_current"), N_("reports.col.unmatched") },
	    .csv_cols = "category,requests_current,offers_current,unmatched",
	    .run = report_ads_unmatched },
	{ .key = "no-ad", .title = N_("reports.no_ad.title"),
	    .intro = N_("reports.no_ad.intro"),
	    .chart = N_("reports.no_ad.chart"),
	    .cols = { N_("reports.col.member"), N_("reports.col.username"),
	    N_("reports.col.joined") },
	    .csv_cols = "member,username,joined",
	    .run = report_no_ad },
	{ .key = "hours-month", .title = N_("reports.hours_month.title"),
	    .intro = N_("reports.hours_month.intro"),
	    .chart = N_("reports.hours_month.chart"),
	    .cols = { N_("reports.col.month"), N_("reports.col.category"),
	    N_("reports.col.hours"), N_("reports.col.exchanges") },
	    .csv_cols = "month,category,hours,exchanges",
	    .run = report_hours_month },
	{ .key = "most-active", .title = N_("reports.most_active.title"),
	    .intro = N_("reports.most_active.intro"),
	    .chart = N_("reports.most_active.chart"),
	    .cols = { N_("reports.col.member"), N_("reports.col.username"),
	    N_("reports.col.exchanges"), N_("reports.col.hours") },
	    .csv_cols = "member,username,exchanges,hours",
	    .run = report_most_active },
	{ .key = "inactive", .title = N_("reports.inactive.title"),
	    .intro = N_("reports.inactive.intro"),
	    .chart = N_("reports.inactive.chart"),
	    .cols = { N_("reports.col.member"), N_("reports.col.username"),
	    N_("reports.col.last_exchange") },
	    .csv_cols = "member,username,last_exchange",
	    .months_param = 1, .run = report_inactive },
};

enum { R_MONTHS, R__MAX };
static const struct form_field report_fields[R__MAX] = {
	[R_MONTHS] = { .name = "months", .kind = FORM_INT, .min = 1,
	    .max = 60 },
};

static const struct report_def *
report_find(const char *key)
{
	size_t	 i;

	for (i = 0; key != NULL && i < NELEM(reports_defs); i++)
		if (strcmp(reports_defs[i].key, key) == 0)
			return &reports_defs[i];
	return NULL;
}

/* The viewer's dashboard.view scope, and the twelve months up to this
 * one (UTC). */
static enum weft_err
report_ctx_init(struct request *req, struct report_ctx *c)
{
	struct tm	 tm;
	size_t		 i;
	long		 k;

	memset(c, 0, sizeof(*c));
	c->req = req;
	c->lang = app_lang(req);
	c->months = 6;
	ledger_scope_of(&req->actor, PERM_DASHBOARD_VIEW, &c->sc.ls);
	c->sc.truncated = !c->sc.ls.site && c->sc.ls.n > REPORT_SCOPE_MAX;
	for (i = 0; i < REPORT_SCOPE_MAX; i++)
		c->sc.c[i] = c->sc.ls.n > 0 ?
		    c->sc.ls.ids[i < c->sc.ls.n ? i : 0] : 0;
	if (util_now_tm(&tm) != WEFT_OK)
		return WEFT_ERR_SYS;
	for (i = 0; i < REPORT_MONTHS; i++) {
		k = (tm.tm_year + 1900L) * 12 + tm.tm_mon -
		    (long)(REPORT_MONTHS - 1 - i);
		snprintf(c->month[i], sizeof(c->month[i]), "%04u-%02u",
		    (unsigned)(k / 12 % 10000), (unsigned)(k % 12 + 1) % 100);
	}
	snprintf(c->start, sizeof(c->start), "%s-01", c->month[0]);
	return WEFT_OK;
}

void
report_row(struct report_ctx *c, const struct report_cell *cells, size_t n)
{
	struct tmpl_dict	*row, *cell;
	size_t			 i;

	c->rows++;
	if (c->csv != NULL) {
		for (i = 0; i < n; i++) {
			if (i > 0)
				buf_puts(c->csv, ",");
			buf_csv_field(c->csv, cells[i].csv != NULL ?
			    cells[i].csv : cells[i].text);
		}
		buf_puts(c->csv, "\r\n");
		return;
	}
	row = tmpl_section(c->page, "ROW");
	for (i = 0; i < n; i++) {
		cell = tmpl_section(row, i == 0 ? "HEAD" : "CELL");
		if (cells[i].href != NULL)
			tmpl_set(tmpl_section(cell, "LINK"), "HREF",
			    cells[i].href);
		tmpl_set(cell, "TEXT", cells[i].text);
	}
}

void
report_member_rows(struct report_ctx *c, struct db_rows *r,
    const char *none_key)
{
	struct report_cell	 cell[3];
	long long		 v[REPORT_MONTHS] = { 0 };
	char			 href[48], date[64], shown[24];
	const char		*iso;
	size_t			 i;

	while (db_next(r)) {
		iso = db_str(r, 3);
		snprintf(href, sizeof(href), "/members/%lld", db_int(r, 0));
		if (iso[0] != '\0')
			i18n_date(c->lang, iso, date, sizeof(date));
		else
			util_copy(date, sizeof(date), i18n_text(c->lang,
			    none_key));
		cell[0] = (struct report_cell){ .text = db_str(r, 1),
		    .href = href };
		cell[1] = (struct report_cell){ .text = db_str(r, 2) };
		cell[2] = (struct report_cell){ .text = date, .csv = iso };
		report_row(c, cell, 3);
		for (i = 0; i < REPORT_MONTHS; i++)
			if (strncmp(iso, c->month[i], 7) == 0)
				v[i]++;
	}
	for (i = 0; i < REPORT_MONTHS; i++) {
		snprintf(shown, sizeof(shown), "%lld", v[i]);
		chart_add(&c->chart, c->month[i] + 2, shown, v[i]);
	}
}

void
report_hours(const struct report_ctx *c, long long hundredths,
    char page[LEDGER_HOURS_LEN], char csv[LEDGER_HOURS_LEN])
{
	ledger_format_hours(hundredths, 0, csv);
	i18n_hours(c->lang, hundredths, 0, page);
}

enum weft_err
report_category_name(const struct report_ctx *c, long long id, char *out,
    size_t len)
{
	if (id == 0) {
		util_copy(out, len, i18n_text(c->lang,
		    N_("reports.no_category")));
		return WEFT_OK;
	}
	return lists_name(LIST_CATEGORY, id, c->lang, out, len);
}

/* GET /exchanges/reports: the reports, each with what it shows. */
int
exchanges_reports(struct request *req)
{
	struct tmpl_dict	*d, *s;
	char			 href[64];
	size_t			 i;

	if ((d = app_page(req, "exchanges/reports.tpl",
	    app_text(req, N_("reports.title")))) == NULL)
		return 500;
	for (i = 0; i < NELEM(reports_defs); i++) {
		s = tmpl_section(d, "REPORT");
		snprintf(href, sizeof(href), "/exchanges/reports/%s",
		    reports_defs[i].key);
		tmpl_set(s, "HREF", href);
		tmpl_set(s, "KEY", reports_defs[i].key);
		tmpl_set(s, "TITLE", app_text(req, reports_defs[i].title));
		tmpl_set(s, "INTRO", app_text(req, reports_defs[i].intro));
	}
	return app_render(req, 200);
}

/* The report of path parameter 0 and its parameters: 0, 404 or 400
 * (a bad ?months=, marked on page when there is one). */
static int
report_begin(struct request *req, struct tmpl_dict *page,
    const struct report_def **def, struct report_ctx *c)
{
	struct form_value	 v[R__MAX];
	enum weft_err		 e;

	if ((*def = report_find(req->nparams > 0 ? req->params[0] : NULL)) ==
	    NULL)
		return 404;
	if ((e = report_ctx_init(req, c)) != WEFT_OK)
		return app_status_of(e);
	if (!(*def)->months_param)
		return 0;
	if (form_read(report_fields, R__MAX, &req->query, c->lang, page, v) >
	    0)
		return 400;
	if (v[R_MONTHS].set)
		c->months = v[R_MONTHS].n;
	return 0;
}

/* GET /exchanges/reports/:report. */
int
exchanges_report(struct request *req)
{
	const struct report_def	*def;
	struct report_ctx	 c;
	struct tmpl_dict	*d;
	char			 csv[96];
	enum weft_err		 e;
	size_t			 i;
	int			 st;

	if ((def = report_find(req->params[0])) == NULL)
		return 404;
	if ((d = app_page(req, "exchanges/report.tpl", app_text(req,
	    def->title))) == NULL)
		return 500;
	tmpl_set(d, "TITLE", app_text(req, def->title));
	st = report_begin(req, d, &def, &c);
	if (st == 400) {
		tmpl_show(d, "MONTHS");
		return app_render(req, 400);
	}
	if (st != 0)
		return st;
	c.page = d;
	c.max_rows = REPORT_ROWS_PAGE;
	tmpl_set(d, "KEY", def->key);
	tmpl_set(d, "INTRO", app_text(req, def->intro));
	for (i = 0; i < REPORT_COLS_MAX && def->cols[i] != NULL; i++)
		tmpl_set(tmpl_section(d, "COL"), "TITLE",
		    app_text(req, def->cols[i]));
	if (def->months_param) {
		tmpl_set_int(tmpl_section(d, "MONTHS"), "MONTHS", c.months);
		snprintf(csv, sizeof(csv), "/exchanges/reports/%s/export.csv"
		    "?months=%lld", def->key, c.months);
	} else
		snprintf(csv, sizeof(csv), "/exchanges/reports/%s/export.csv",
		    def->key);
	tmpl_set(d, "CSV", csv);
	if ((e = scope_line_fill(d, c.sc.ls.site,
	    c.sc.ls.ids, c.sc.ls.n, c.sc.truncated)) != WEFT_OK ||
	    (e = def->run(&c)) != WEFT_OK ||
	    (e = chart_fill(d, &c.chart, app_text(req, def->chart))) !=
	    WEFT_OK)
		return app_status_of(e);
	if (c.rows == 0)
		tmpl_show(d, "EMPTY");
	if (c.max_rows > 0 && c.rows >= c.max_rows)
		tmpl_show(d, "MORE");
	return app_render(req, 200);
}

/* GET /exchanges/reports/:report/export.csv: the table of the page, at
 * most REPORT_ROWS_CSV rows for the member lists. */
int
exchanges_report_csv(struct request *req)
{
	const struct report_def	*def;
	struct report_ctx	 c;
	char			 name[64];
	enum weft_err		 e;
	int			 st;

	if ((st = report_begin(req, NULL, &def, &c)) != 0)
		return st;
	c.csv = &req->resp.body;
	c.max_rows = REPORT_ROWS_CSV;
	buf_printf(c.csv, "%s\r\n", def->csv_cols);
	if ((e = def->run(&c)) != WEFT_OK)
		return app_status_of(e);
	snprintf(name, sizeof(name), "report-%s.csv", def->key);
	return app_csv(req, name);
}
