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

#include "db.h"
#include "ledger.h"
#include "members.h"
#include "settings.h"
#include "util.h"

#define DASH_SCOPE_MAX	16	/* community placeholders in the SQL */
#define DASH_MONTHS	12
#define DASH_OLDEST	5
#define DASH_NEWEST	10

/* The chart's geometry, in SVG user units. */
#define DASH_W		640
#define DASH_H		260
#define DASH_LEFT	16
#define DASH_TOP	24
#define DASH_PLOT_H	180
#define DASH_SLOT	((DASH_W - 2 * DASH_LEFT) / DASH_MONTHS)
#define DASH_BAR	(DASH_SLOT * 2 / 3)

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

/* "Whole timebank", or the names of the viewer's communities: one
 * value, so that the sentence around them is one phrase. */
static enum weft_err
dash_scope_fill(struct tmpl_dict *d, const struct dash_scope *s)
{
	struct db_rows	*r;
	struct buf	 names;
	enum weft_err	 e;

	if (s->site) {
		tmpl_show(d, "SCOPE_SITE");
		return WEFT_OK;
	}
	if (s->truncated)
		tmpl_show(d, "SCOPE_TRUNCATED");
	if ((e = db_query(&r, "SELECT c.id, c.name FROM communities c"
	    " WHERE c.id IN " DASH_IN " ORDER BY c.name, c.id",
	    "iiiiiiiiiiiiiiii", s->c[0], s->c[1], s->c[2], s->c[3], s->c[4],
	    s->c[5], s->c[6], s->c[7], s->c[8], s->c[9], s->c[10], s->c[11],
	    s->c[12], s->c[13], s->c[14], s->c[15])) != WEFT_OK)
		return e;
	buf_init(&names);
	while (db_next(r))
		buf_printf(&names, "%s%s", names.len > 0 ? ", " : "",
		    db_str(r, 1));
	db_rows_free(r);
	e = buf_failed(&names) ? WEFT_ERR_NOMEM : WEFT_OK;
	tmpl_set(tmpl_section(d, "SCOPE_SOME"), "COMMUNITIES",
	    names.p != NULL && e == WEFT_OK ? names.p : "");
	buf_free(&names);
	return e;
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

/* One bar of the chart, with its value above it and its month below. */
static void
dash_bar(struct tmpl_dict *d, const char *lang, int i, int y, int m,
    long long v, long long max)
{
	struct tmpl_dict	*b;
	char			 label[16];
	long long		 h;

	h = max > 0 ? v * DASH_PLOT_H / max : 0;
	if (v > 0 && h < 2)
		h = 2;	/* a month with members is never invisible */
	b = tmpl_section(d, "BAR");
	tmpl_set_int(b, "X", DASH_LEFT + i * DASH_SLOT +
	    (DASH_SLOT - DASH_BAR) / 2);
	tmpl_set_int(b, "Y", DASH_TOP + DASH_PLOT_H - h);
	tmpl_set_int(b, "W", DASH_BAR);
	tmpl_set_int(b, "H", h);
	tmpl_set_int(b, "CX", DASH_LEFT + i * DASH_SLOT + DASH_SLOT / 2);
	tmpl_set_int(b, "VY", DASH_TOP + DASH_PLOT_H - h - 4);
	tmpl_set_int(b, "MY", DASH_TOP + DASH_PLOT_H + 16);
	tmpl_set_int(b, "YY", DASH_TOP + DASH_PLOT_H + 30);
	tmpl_set_int(b, "VALUE", v);
	tmpl_set(b, "MONTH", i18n_text(lang, dash_months[m - 1]));
	snprintf(label, sizeof(label), "%04d-%02d", y, m);
	tmpl_set(b, "YM", label);
	if (i == 0 || m == 1) {
		snprintf(label, sizeof(label), "%04d", y);
		tmpl_set(tmpl_section(b, "YEAR"), "YEAR", label);
	}
}

/* One month of the chart's text for screen readers: "Jan 2026: 4". */
static void
dash_desc(struct buf *out, const char *lang, int y, int m, long long v)
{
	char	 year[16], count[24];

	snprintf(year, sizeof(year), "%04d", y);
	snprintf(count, sizeof(count), "%lld", v);
	i18n_format(out, lang, N_("members.dashboard.chart_month"), "month",
	    i18n_text(lang, dash_months[m - 1]), "year", year, "count", count,
	    NULL);
}

/*
 * New accounts (any status) per month over the last twelve months, this
 * one included, as inline SVG (no script: CSP) with its figures in the
 * <desc> and in a table beside it.
 */
static enum weft_err
dash_chart(struct tmpl_dict *d, const char *lang, const struct dash_scope *s)
{
	struct db_rows	*r;
	struct tm	 now;
	long long	 v[DASH_MONTHS] = { 0 }, max = 0;
	char		 from[32], ym[32];
	struct buf	 desc;
	enum weft_err	 e;
	int		 i, y, m;

	if ((e = util_now_tm(&now)) != WEFT_OK)
		return e;
	dash_month(&now, DASH_MONTHS - 1, &y, &m);
	snprintf(from, sizeof(from), "%04d-%02d-01", y, m);
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
		for (i = 0; i < DASH_MONTHS; i++) {
			dash_month(&now, DASH_MONTHS - 1 - i, &y, &m);
			snprintf(ym, sizeof(ym), "%04d-%02d", y, m);
			if (strcmp(ym, db_str(r, 0)) == 0)
				v[i] = db_int(r, 1);
		}
	db_rows_free(r);
	buf_init(&desc);
	for (i = 0; i < DASH_MONTHS; i++)
		if (v[i] > max)
			max = v[i];
	for (i = 0; i < DASH_MONTHS; i++) {
		dash_month(&now, DASH_MONTHS - 1 - i, &y, &m);
		dash_bar(d, lang, i, y, m, v[i], max);
		if (i > 0)
			buf_puts(&desc, "; ");
		dash_desc(&desc, lang, y, m, v[i]);
	}
	tmpl_set(d, "CHART_DESC", desc.p != NULL ? desc.p : "");
	tmpl_set_int(d, "CHART_W", DASH_W);
	tmpl_set_int(d, "CHART_H", DASH_H);
	tmpl_set_int(d, "AXIS_Y", DASH_TOP + DASH_PLOT_H);
	tmpl_set_int(d, "AXIS_X2", DASH_W - DASH_LEFT);
	tmpl_set_int(d, "AXIS_X1", DASH_LEFT);
	e = buf_failed(&desc) ? WEFT_ERR_NOMEM : WEFT_OK;
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
	if ((e = dash_scope_fill(d, &s)) != WEFT_OK ||
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

