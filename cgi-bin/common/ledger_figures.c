/*
 * The ledger's figures for the coordinators' dashboard (ledger.h, second
 * half): hours per month, active traders, members below the credit
 * limit, each over the communities of the viewer's scope, and the panel
 * that shows them.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "chart.h"
#include "db.h"
#include "ledger.h"
#include "util.h"

#define LEDGER_UNDER_SHOWN	20	/* members listed on the panel */

void
ledger_scope_of(const struct actor *a, enum perm perm, struct ledger_scope *s)
{
	size_t	 i, len = 0;

	memset(s, 0, sizeof(*s));
	s->n = role_communities(&a->grants, perm, &s->site, s->ids,
	    LEDGER_SCOPE_MAX);
	for (i = 0; i < s->n; i++)
		len += (size_t)snprintf(s->list + len, sizeof(s->list) - len,
		    "%s%lld", len > 0 ? "," : "", s->ids[i]);
}

/* The twelve month labels, oldest first, and the first day of the
 * oldest ("YYYY-MM-01"), from today's UTC date. */
static enum weft_err
ledger_months(struct ledger_figures *f, char start[11])
{
	struct tm	 tm;
	long		 k;
	int		 i;

	if (util_now_tm(&tm) != WEFT_OK)
		return WEFT_ERR_SYS;
	for (i = 0; i < LEDGER_MONTHS; i++) {
		/* Months counted from year 0, so that going back over a new
		 * year is plain arithmetic. */
		k = (tm.tm_year + 1900L) * 12 + tm.tm_mon -
		    (LEDGER_MONTHS - 1 - i);
		snprintf(f->month[i], sizeof(f->month[i]), "%04u-%02u",
		    (unsigned)(k / 12 % 10000), (unsigned)(k % 12 + 1) % 100);
	}
	snprintf(start, 11, "%s-01", f->month[0]);
	return WEFT_OK;
}

/* Exchanges that count: not reversed, not a reversal (those pairs
 * cancel out), with a party in scope. */
#define LEDGER_COUNTS \
	" e.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM exchanges x" \
	" WHERE x.reverses_id = e.id)"
#define LEDGER_IN_SCOPE(col) \
	" (? = 1 OR FIND_IN_SET(" col ", ?) > 0)"

static enum weft_err
ledger_month_hours(const struct ledger_scope *s, struct ledger_figures *f)
{
	struct db_rows	*r;
	const char	*label;
	char		 start[11];
	enum weft_err	 e;
	int		 i;

	if ((e = ledger_months(f, start)) != WEFT_OK)
		return e;
	if ((e = db_query(&r, "SELECT DATE_FORMAT(e.service_date, '%Y-%m'),"
	    " SUM(e.hundredths) FROM exchanges e"
	    " JOIN members p ON p.id = e.provider_id"
	    " JOIN members q ON q.id = e.recipient_id"
	    " WHERE e.service_date >= ? AND" LEDGER_COUNTS
	    " AND (? = 1 OR FIND_IN_SET(p.community_id, ?) > 0"
	    " OR FIND_IN_SET(q.community_id, ?) > 0)"
	    " GROUP BY 1", "siss", start, (long long)s->site, s->list,
	    s->list)) != WEFT_OK)
		return e;
	while (db_next(r)) {
		label = db_str(r, 0);
		for (i = 0; i < LEDGER_MONTHS; i++)
			if (label != NULL && strcmp(label, f->month[i]) == 0)
				f->month_hundredths[i] = db_int(r, 1);
	}
	db_rows_free(r);
	return WEFT_OK;
}

/* The open proposals with a party in scope: how many wait for their
 * recipient, how many are disputed (exchange_proposals_status). */
static enum weft_err
ledger_open_proposals(const struct ledger_scope *s, struct ledger_figures *f)
{
	struct db_rows	*r;
	enum weft_err	 e;

	if ((e = db_query(&r, "SELECT COALESCE(SUM(e.status = 'pending'), 0),"
	    " COALESCE(SUM(e.status = 'disputed'), 0)"
	    " FROM exchange_proposals e"
	    " JOIN members p ON p.id = e.provider_id"
	    " JOIN members q ON q.id = e.recipient_id"
	    " WHERE e.status IN ('pending', 'disputed')"
	    " AND (? = 1 OR FIND_IN_SET(p.community_id, ?) > 0"
	    " OR FIND_IN_SET(q.community_id, ?) > 0)", "iss",
	    (long long)s->site, s->list, s->list)) != WEFT_OK)
		return e;
	if (db_next(r)) {
		f->pending = db_int(r, 0);
		f->disputed = db_int(r, 1);
	}
	db_rows_free(r);
	return WEFT_OK;
}

enum weft_err
ledger_figures(const struct ledger_scope *s, int days,
    struct ledger_figures *f)
{
	struct ledger_settings	 st;
	enum weft_err		 e;

	memset(f, 0, sizeof(*f));
	if ((e = ledger_settings_load(&st)) != WEFT_OK)
		return e;
	f->credit_limit = st.credit_limit;
	f->mode = st.mode;
	if ((e = ledger_month_hours(s, f)) != WEFT_OK ||
	    (e = ledger_open_proposals(s, f)) != WEFT_OK)
		return e;
	/* A trader is a member in scope with a counting exchange of either
	 * side in the period (two EXISTS, so each uses its index). */
	if ((e = db_query_int(&f->active_traders, "SELECT COUNT(*)"
	    " FROM members m WHERE" LEDGER_IN_SCOPE("m.community_id")
	    " AND (EXISTS (SELECT 1 FROM exchanges e WHERE e.provider_id ="
	    " m.id AND e.service_date >= UTC_DATE() - INTERVAL ? DAY AND"
	    LEDGER_COUNTS ") OR EXISTS (SELECT 1 FROM exchanges e"
	    " WHERE e.recipient_id = m.id AND e.service_date >= UTC_DATE() -"
	    " INTERVAL ? DAY AND" LEDGER_COUNTS "))", "isii",
	    (long long)s->site, s->list, (long long)days, (long long)days)) !=
	    WEFT_OK)
		return e;
	return db_query_int(&f->under_limit, "SELECT COUNT(*) FROM balances b"
	    " JOIN members m ON m.id = b.member_id WHERE b.hundredths < ?"
	    " AND" LEDGER_IN_SCOPE("m.community_id"), "iis", f->credit_limit,
	    (long long)s->site, s->list);
}

enum weft_err
ledger_under_limit(const struct ledger_scope *s,
    struct ledger_member_balance *out, size_t max, size_t *n)
{
	struct ledger_settings	 st;
	struct db_rows		*r;
	enum weft_err		 e;

	*n = 0;
	if ((e = ledger_settings_load(&st)) != WEFT_OK)
		return e;
	if ((e = db_query(&r, "SELECT m.id, m.username, m.name, b.hundredths"
	    " FROM balances b JOIN members m ON m.id = b.member_id"
	    " WHERE b.hundredths < ? AND" LEDGER_IN_SCOPE("m.community_id")
	    " ORDER BY b.hundredths, m.id LIMIT ?", "iisi", st.credit_limit,
	    (long long)s->site, s->list, (long long)max)) != WEFT_OK)
		return e;
	while (*n < max && db_next(r)) {
		out[*n].id = db_int(r, 0);
		snprintf(out[*n].username, sizeof(out[*n].username), "%s",
		    db_str(r, 1));
		snprintf(out[*n].name, sizeof(out[*n].name), "%s",
		    db_str(r, 2));
		out[*n].hundredths = db_int(r, 3);
		(*n)++;
	}
	db_rows_free(r);
	return WEFT_OK;
}

/* The chart of hours per month (chart.h), each bar's text for screen
 * readers its ledger.dashboard.bar, and the same figures as MONTH rows
 * of a table; months and hours as lang writes them. */
static enum weft_err
ledger_chart(struct tmpl_dict *d, const struct ledger_figures *f,
    const char *lang)
{
	struct chart		 chart;
	struct chart_bar	*b;
	struct tmpl_dict	*t;
	struct buf		 desc;
	char			 hours[LEDGER_HOURS_LEN], month[32];
	enum weft_err		 e;
	int			 i;

	buf_init(&desc);
	memset(&chart, 0, sizeof(chart));
	chart.id = "ledger-chart";
	chart.caption = i18n_text(lang, N_("ledger.dashboard.caption"));
	for (i = 0; i < LEDGER_MONTHS; i++) {
		i18n_hours(lang, f->month_hundredths[i], 0, hours);
		i18n_date(lang, f->month[i], month, sizeof(month));
		if ((b = chart_add(&chart, f->month[i] + 5, hours,
		    f->month_hundredths[i])) != NULL) {
			util_copy(b->key, sizeof(b->key), f->month[i]);
			/* The year under the first month and each January. */
			if (i == 0 || strcmp(f->month[i] + 5, "01") == 0)
				snprintf(b->sub, sizeof(b->sub), "%.4s",
				    f->month[i]);
			buf_reset(&desc);
			i18n_format(&desc, lang, N_("ledger.dashboard.bar"),
			    "month", month, "hours", hours, NULL);
			util_copy(b->desc, sizeof(b->desc), desc.p);
		}
		t = tmpl_section(d, "MONTH");
		tmpl_set(t, "MONTH", month);
		tmpl_set(t, "HOURS", hours);
	}
	e = buf_failed(&desc) ? WEFT_ERR_NOMEM : chart_fill(d, &chart,
	    i18n_text(lang, N_("ledger.dashboard.chart")));
	buf_free(&desc);
	return e;
}

enum weft_err
ledger_dashboard_panel(struct tmpl_dict *page, const struct actor *a,
    enum perm perm, int days)
{
	struct ledger_member_balance	 under[LEDGER_UNDER_SHOWN];
	struct ledger_scope		 s;
	struct ledger_figures		 f;
	struct tmpl_dict		*d, *u = NULL, *m;
	size_t				 i, n;
	enum weft_err			 e;

	ledger_scope_of(a, perm, &s);
	if ((e = ledger_figures(&s, days, &f)) != WEFT_OK ||
	    (e = ledger_under_limit(&s, under, LEDGER_UNDER_SHOWN, &n)) !=
	    WEFT_OK)
		return e;
	if ((d = tmpl_include(page, "LEDGER_PANEL",
	    "exchanges/ledger_dashboard.tpl")) == NULL)
		return WEFT_ERR_NOMEM;
	/* In the language of the page: the actor's. */
	if ((e = ledger_chart(d, &f, a->lang)) != WEFT_OK)
		return e;
	tmpl_set_int(d, "DAYS", days);
	tmpl_set_int(d, "ACTIVE", f.active_traders);
	tmpl_set_int(d, "UNDER_COUNT", f.under_limit);
	tmpl_set_int(d, "PENDING", f.pending);
	tmpl_set_int(d, "DISPUTED", f.disputed);
	if (f.disputed > 0)
		tmpl_show(d, "SOME_DISPUTED");
	i18n_set_hours(d, "LIMIT", a->lang, f.credit_limit);
	tmpl_show(d, f.mode == LEDGER_LIMIT_HARD ? "HARD" : "SOFT");
	if (n == 0)
		tmpl_show(d, "NONE_UNDER");
	else
		u = tmpl_section(d, "UNDER");
	for (i = 0; i < n; i++) {
		m = tmpl_section(u, "MEMBER");
		tmpl_set_int(m, "ID", under[i].id);
		tmpl_set(m, "USERNAME", under[i].username);
		tmpl_set(m, "NAME", under[i].name);
		i18n_set_hours(m, "BALANCE", a->lang, under[i].hundredths);
	}
	return WEFT_OK;
}
