/*
 * The coordinators' dashboard (GET /members/dashboard, dashboard.view):
 * members by status, applications waiting, those waiting longer than
 * the setting application_waiting_days (issue 17), the newest members,
 * coordinators by role, and a server-rendered SVG chart of new accounts
 * per month.  Everything is counted over the communities the viewer's
 * dashboard.view covers (docs/authorization.md rule 2): the whole timebank
 * for a site grant.  Exchange figures come from the ledger through the common
 * module (ledger.h): the members area never reads the exchanges' tables.
 *
 * Cost at a million members (EXPLAIN on a generated database, warm):
 * the site-wide status counts read one small index whole (~0.1 s); the
 * chart reads the last year of (joined_at, id) (~70 ms); a community's
 * figures come from (community_id, status, joined_at, id) (~10 ms); the
 * lists read 5 and 10 index entries.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "chart.h"
#include "db.h"
#include "ledger.h"
#include "members.h"
#include "scope_line.h"
#include "settings.h"
#include "util.h"

#define DASH_SCOPE_MAX	16	/* community placeholders in the SQL */
#define DASH_MONTHS	12
#define DASH_OLDEST	5
#define DASH_NEWEST	10

/* The viewer's scope: site, or up to DASH_SCOPE_MAX communities. */
struct dash_scope {
	long long	 site;
	long long	 c[DASH_SCOPE_MAX];
	size_t		 n;
	int		 truncated;
};

/* The scoped queries take the scope as 17 parameters: whether it is
 * site-wide, then the community ids (repeated to fill the list). */
#define DASH_IN								\
	"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define DASH_SCOPE	"(? = 1 OR m.community_id IN " DASH_IN ")"
#define DASH_FMT	"iiiiiiiiiiiiiiiii"
#define DASH_ARGS(s)							\
	(s)->site, (s)->c[0], (s)->c[1], (s)->c[2], (s)->c[3],		\
	(s)->c[4], (s)->c[5], (s)->c[6], (s)->c[7], (s)->c[8],		\
	(s)->c[9], (s)->c[10], (s)->c[11], (s)->c[12], (s)->c[13],	\
	(s)->c[14], (s)->c[15]

static const char *const dash_months[12] = {
	N_("members.dashboard.month.jan"), N_("members.dashboard.month.feb"),
	N_("members.dashboard.month.mar"), N_("members.dashboard.month.apr"),
	N_("members.dashboard.month.may"), N_("members.dashboard.month.jun"),
	N_("members.dashboard.month.jul"), N_("members.dashboard.month.aug"),
	N_("members.dashboard.month.sep"), N_("members.dashboard.month.oct"),
	N_("members.dashboard.month.nov"), N_("members.dashboard.month.dec"),
};

static void
dash_scope(const struct request *req, struct dash_scope *s)
{
	long long	 ids[DASH_SCOPE_MAX + 1];
	size_t		 i, n;
	int		 site;

	memset(s, 0, sizeof(*s));
	n = role_communities(&req->actor.grants, PERM_DASHBOARD_VIEW, &site,
	    ids, DASH_SCOPE_MAX + 1);
	s->site = site;
	s->truncated = !site && n > DASH_SCOPE_MAX;
	s->n = n > DASH_SCOPE_MAX ? DASH_SCOPE_MAX : n;
	for (i = 0; i < DASH_SCOPE_MAX; i++)
		s->c[i] = s->n > 0 ? ids[i < s->n ? i : 0] : 0;
}

/*
 * Members by status; the applying count is the "waiting" figure too.
 * Site-wide the count reads the smallest index that starts with the
 * status, (status, joined_at, id), whole (about 0.1 s at a million
 * members); naming the community column, even in a term that is always
 * true, would make MariaDB read every row instead.
 */
static enum weft_err
dash_status(struct tmpl_dict *d, const struct dash_scope *s)
{
	static const char *const vars[MEMBER_STATUS__MAX] = {
		"COUNT_APPLYING", "COUNT_APPROVED", "COUNT_DISABLED",
	};
	struct db_rows		*r;
	enum member_status	 st;
	long long		 n[MEMBER_STATUS__MAX] = { 0 }, total = 0;
	enum weft_err		 e;
	int			 i;

	if (s->site)
		e = db_query(&r, "SELECT m.status, COUNT(*) FROM members m"
		    " FORCE INDEX (members_status_joined) GROUP BY m.status",
		    "");
	else
		e = db_query(&r, "SELECT m.status, COUNT(*) FROM members m"
		    " WHERE " DASH_SCOPE " GROUP BY m.status", DASH_FMT,
		    DASH_ARGS(s));
	if (e != WEFT_OK)
		return e;
	while (db_next(r))
		if (member_status_parse(db_str(r, 0), &st) == 0)
			n[st] = db_int(r, 1);
	db_rows_free(r);
	for (i = 0; i < MEMBER_STATUS__MAX; i++) {
		tmpl_set_int(d, vars[i], n[i]);
		total += n[i];
	}
	tmpl_set_int(d, "COUNT_TOTAL", total);
	tmpl_set_int(d, "WAITING", n[MEMBER_APPLYING]);
	return WEFT_OK;
}

/* A list of members (id, name, username, joined_at) as SECTION rows. */
static void
dash_members(struct tmpl_dict *d, struct db_rows *r, const char *section)
{
	struct tmpl_dict	*t;
	char			 href[48], none[48];
	size_t			 n = 0;

	while (db_next(r)) {
		t = tmpl_section(d, section);
		snprintf(href, sizeof(href), "/members/%lld", db_int(r, 0));
		tmpl_set(t, "HREF", href);
		tmpl_set(t, "NAME", db_str(r, 1));
		tmpl_set(t, "USERNAME", db_str(r, 2));
		tmpl_set(t, "JOINED", db_str(r, 3));
		n++;
	}
	if (n == 0) {
		snprintf(none, sizeof(none), "%s_NONE", section);
		tmpl_show(d, none);
	}
}

/* The oldest applications and the newest approved members. */
static enum weft_err
dash_lists(struct tmpl_dict *d, const struct dash_scope *s)
{
	static const struct {
		const char	*section;
		const char	*sql;
	} lists[] = {
		{ "OLDEST", "SELECT m.id, m.name, m.username,"
		    " DATE(m.joined_at) FROM members m"
		    " WHERE m.status = 'applying' AND " DASH_SCOPE
		    " ORDER BY m.joined_at, m.id LIMIT 5" },
		{ "NEWEST", "SELECT m.id, m.name, m.username,"
		    " DATE(m.joined_at) FROM members m"
		    " WHERE m.status = 'approved' AND " DASH_SCOPE
		    " ORDER BY m.joined_at DESC, m.id DESC LIMIT 10" },
	};
	struct db_rows	*r;
	enum weft_err	 e;
	size_t		 i;

	for (i = 0; i < NELEM(lists); i++) {
		if ((e = db_query(&r, lists[i].sql, DASH_FMT, DASH_ARGS(s))) !=
		    WEFT_OK)
			return e;
		dash_members(d, r, lists[i].section);
		db_rows_free(r);
	}
	return WEFT_OK;
}

/*
 * The applications waiting longer than application_waiting_days, the
 * oldest first (LATE rows, at most 10), and how many there are
 * (LATE_COUNT).  Site-wide both are a range of (status, joined_at, id),
 * without the community term, as in dash_status(), so that the count
 * reads the late applications' index entries and nothing else; a
 * community's come from (community_id, status, joined_at, id).
 */
static enum weft_err
dash_late(struct tmpl_dict *d, const struct dash_scope *s)
{
#define DASH_LATE_WHERE	" WHERE m.status = 'applying' AND m.joined_at <"	\
	" UTC_TIMESTAMP() - INTERVAL ? DAY"
#define DASH_LATE_SITE	" FROM members m FORCE INDEX (members_status_joined)"	\
	DASH_LATE_WHERE
#define DASH_LATE_FROM	" FROM members m" DASH_LATE_WHERE
#define DASH_LATE_ROWS	"SELECT m.id, m.name, m.username, DATE(m.joined_at)"
#define DASH_LATE_ORDER	" ORDER BY m.joined_at, m.id LIMIT 10"
	struct db_rows	*r;
	long long	 days, n = 0;
	enum weft_err	 e;

	days = settings_int(SETTING_APPLICATION_WAITING_DAYS);
	tmpl_set_int(d, "LATE_DAYS", days);
	if (s->site)
		e = db_query(&r, DASH_LATE_ROWS DASH_LATE_SITE DASH_LATE_ORDER,
		    "i", days);
	else
		e = db_query(&r, DASH_LATE_ROWS DASH_LATE_FROM " AND "
		    DASH_SCOPE DASH_LATE_ORDER, "i" DASH_FMT, days,
		    DASH_ARGS(s));
	if (e != WEFT_OK)
		return e;
	dash_members(d, r, "LATE");
	db_rows_free(r);
	if (s->site)
		e = db_query_int(&n, "SELECT COUNT(*)" DASH_LATE_SITE, "i",
		    days);
	else
		e = db_query_int(&n, "SELECT COUNT(*)" DASH_LATE_FROM " AND "
		    DASH_SCOPE, "i" DASH_FMT, days, DASH_ARGS(s));
	if (e != WEFT_OK)
		return e;
	tmpl_set_int(d, "LATE_COUNT", n);
	return WEFT_OK;
#undef DASH_LATE_WHERE
#undef DASH_LATE_SITE
#undef DASH_LATE_FROM
#undef DASH_LATE_ROWS
#undef DASH_LATE_ORDER
}

/*
 * Coordinators by role: approved members holding a grant of the role
 * whose scope reaches the viewer's communities (a site grant reaches
 * every one; language grants only the site-wide view), each counted
 * once per role.
 */
static enum weft_err
dash_roles(struct tmpl_dict *d, const struct dash_scope *s)
{
	struct tmpl_dict	*t;
	struct db_rows		*r;
	long long		 n[ROLE__MAX] = { 0 };
	enum weft_err		 e;
	enum role		 role;
	int			 i;

	if ((e = db_query(&r, "SELECT g.role, COUNT(DISTINCT g.member_id)"
	    " FROM grants g JOIN members m ON m.id = g.member_id"
	    " WHERE m.status = 'approved' AND (? = 1 OR g.scope_kind = 'site'"
	    " OR (g.scope_kind = 'community' AND g.community_id IN " DASH_IN
	    ")) GROUP BY g.role", DASH_FMT, DASH_ARGS(s))) != WEFT_OK)
		return e;
	while (db_next(r))
		if (role_parse(db_str(r, 0), &role) == 0)
			n[role] = db_int(r, 1);
	db_rows_free(r);
	for (i = 0; i < ROLE__MAX; i++) {
		t = tmpl_section(d, "ROLE");
		tmpl_set(t, "KEY", role_keys[i]);
		tmpl_set(t, "TITLE", i18n_text(tmpl_page_lang(d),
		    role_title_keys[i]));
		tmpl_set_int(t, "COUNT", n[i]);
	}
	return WEFT_OK;
}

/* The month i months before the current one (UTC), as year and month
 * (1..12). */
static void
dash_month(const struct tm *now, int back, int *y, int *m)
{
	int	 k = now->tm_year * 12 + now->tm_mon - back;

	*y = 1900 + k / 12;
	*m = k % 12 + 1;
}

/* New accounts (any status) in each month of ym (the first from its day
 * 1), into v. */
static enum weft_err
dash_joined(const struct dash_scope *s, char ym[DASH_MONTHS][16],
    long long v[DASH_MONTHS])
{
	struct db_rows	*r;
	char		 from[32];
	enum weft_err	 e;
	int		 i;

	snprintf(from, sizeof(from), "%.7s-01", ym[0]);
	/* Site-wide without the community term, as in dash_status(), and
	 * with the index named: MariaDB sometimes reads the whole table
	 * rather than the last year of (joined_at, id). */
	if (s->site)
		e = db_query(&r, "SELECT DATE_FORMAT(m.joined_at, '%Y-%m'),"
		    " COUNT(*) FROM members m FORCE INDEX (members_joined)"
		    " WHERE m.joined_at >= ? GROUP BY 1", "s", from);
	else
		e = db_query(&r, "SELECT DATE_FORMAT(m.joined_at, '%Y-%m'),"
		    " COUNT(*) FROM members m WHERE m.joined_at >= ? AND "
		    DASH_SCOPE " GROUP BY 1", "s" DASH_FMT, from, DASH_ARGS(s));
	if (e != WEFT_OK)
		return e;
	while (db_next(r))
		for (i = 0; i < DASH_MONTHS; i++)
			if (strcmp(ym[i], db_str(r, 0)) == 0)
				v[i] = db_int(r, 1);
	db_rows_free(r);
	return WEFT_OK;
}

/*
 * New accounts per month over the last twelve months, this one
 * included: a chart (chart.h; the year under the first month and under
 * each January, every month with its year for screen readers) and the
 * same figures as MONTH rows of a table.
 */
static enum weft_err
dash_chart(struct tmpl_dict *d, const char *lang, const struct dash_scope *s)
{
	struct chart		 chart;
	struct chart_bar	*b;
	struct tmpl_dict	*t;
	struct tm		 now;
	long long		 v[DASH_MONTHS] = { 0 };
	char			 ym[DASH_MONTHS][16], shown[24], year[16];
	struct buf		 desc;
	enum weft_err		 e;
	int			 i, y, m;

	if ((e = util_now_tm(&now)) != WEFT_OK)
		return e;
	for (i = 0; i < DASH_MONTHS; i++) {
		dash_month(&now, DASH_MONTHS - 1 - i, &y, &m);
		snprintf(ym[i], sizeof(ym[i]), "%04d-%02d", y % 10000, m);
	}
	if ((e = dash_joined(s, ym, v)) != WEFT_OK)
		return e;
	memset(&chart, 0, sizeof(chart));
	chart.caption = i18n_text(lang, N_("members.dashboard.chart_caption"));
	buf_init(&desc);
	for (i = 0; i < DASH_MONTHS; i++) {
		dash_month(&now, DASH_MONTHS - 1 - i, &y, &m);
		snprintf(shown, sizeof(shown), "%lld", v[i]);
		if ((b = chart_add(&chart, i18n_text(lang,
		    dash_months[m - 1]), shown, v[i])) == NULL)
			break;
		util_copy(b->key, sizeof(b->key), ym[i]);
		snprintf(year, sizeof(year), "%04d", y % 10000);
		if (i == 0 || m == 1)
			util_copy(b->sub, sizeof(b->sub), year);
		buf_reset(&desc);
		i18n_format(&desc, lang, N_("members.dashboard.chart_month"),
		    "month", b->label, "year", year, "count", shown, NULL);
		util_copy(b->desc, sizeof(b->desc), desc.p);
		t = tmpl_section(d, "MONTH");
		tmpl_set(t, "YM", b->key);
		tmpl_set(t, "VALUE", shown);
	}
	e = buf_failed(&desc) ? WEFT_ERR_NOMEM : chart_fill(d, &chart,
	    i18n_text(lang, N_("members.dashboard.chart_title")));
	buf_free(&desc);
	return e;
}

/* GET /members/dashboard. */
int
members_dashboard(struct request *req)
{
	struct tmpl_dict	*d;
	struct dash_scope	 s;
	enum weft_err		 e;

	if ((d = app_page(req, "members/dashboard.tpl",
	    app_text(req, N_("members.dashboard.title")))) == NULL)
		return 500;
	dash_scope(req, &s);
	if ((e = scope_line_fill(d, (int)s.site, s.c, s.n,
	    s.truncated)) != WEFT_OK ||
	    (e = dash_status(d, &s)) != WEFT_OK ||
	    (e = dash_lists(d, &s)) != WEFT_OK ||
	    (e = dash_late(d, &s)) != WEFT_OK ||
	    (e = dash_roles(d, &s)) != WEFT_OK ||
	    (e = dash_chart(d, app_lang(req), &s)) != WEFT_OK ||
	    (e = ledger_dashboard_panel(d, &req->actor, PERM_DASHBOARD_VIEW,
	    90)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, 200);
}

