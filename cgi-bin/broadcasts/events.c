/*
 * Events (docs/broadcasts.md "Events"): members read the events of the
 * whole timebank and of their community, upcoming or past, in a list and
 * a month view, and each event's page; holders of event.manage create,
 * edit and delete them in their scope (rule 2: an event's scope is its
 * community; the whole timebank's need a site grant) and see every event
 * of their scope besides.  An event's times are the timebank's wall
 * clock (a workshop at 19:00 is at 19:00 where it happens), kept as typed
 * and compared with now in the site's time zone.  Every write is audited.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "broadcasts.h"
#include "db.h"
#include "i18n_conv.h"
#include "util.h"

#define EV_TITLE_MAX	200
#define EV_DESC_MAX	10000
#define EV_PLACE_MAX	255
#define EV_LIST_MAX	100

struct event {
	long long	 id;
	long long	 community;
	char		 title[EV_TITLE_MAX * 4 + 1];
	char		*desc;		/* owned */
	char		 place[EV_PLACE_MAX * 4 + 1];
	char		 start_date[11], start_time[6];
	char		 end_date[11], end_time[6];
};

/*
 * Which events the viewer sees: the whole timebank's, their own
 * community's, and those of every community where they hold
 * event.manage (site: all).  Parameters: the member's community, site,
 * the 16 communities.
 */
#define EV_VISIBLE							\
	"(e.community_id IS NULL OR e.community_id = ? OR ? = 1 OR "	\
	"e.community_id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)) "
#define EV_VISIBLE_FMT	"ii" "iiiiiiiiiiiiiiii"

struct ev_scope {
	long long	 own;
	int		 site;
	long long	 c[BC_SCOPE_MAX];
};

static void
ev_scope(const struct request *req, struct ev_scope *s)
{
	memset(s, 0, sizeof(*s));
	s->own = req->actor.community;
	(void)role_communities(&req->actor.grants, PERM_EVENT_MANAGE,
	    &s->site, s->c, NELEM(s->c));
}

#define EV_SCOPE_ARGS(s)						\
	(s)->own, (long long)(s)->site, (s)->c[0], (s)->c[1], (s)->c[2],	\
	(s)->c[3], (s)->c[4], (s)->c[5], (s)->c[6], (s)->c[7], (s)->c[8],	\
	(s)->c[9], (s)->c[10], (s)->c[11], (s)->c[12], (s)->c[13],	\
	(s)->c[14], (s)->c[15]

static const char ev_sql_load[] =
    "SELECT id, COALESCE(community_id, 0), title, description, place,"
    " DATE_FORMAT(starts_at, '%Y-%m-%d'), DATE_FORMAT(starts_at, '%H:%i'),"
    " DATE_FORMAT(ends_at, '%Y-%m-%d'), DATE_FORMAT(ends_at, '%H:%i')"
    " FROM events WHERE id = ?";

static void
ev_free(struct event *e)
{
	free(e->desc);
	e->desc = NULL;
}

static enum weft_err
ev_load(long long id, struct event *ev)
{
	struct db_rows	*r;
	enum weft_err	 e;

	memset(ev, 0, sizeof(*ev));
	if ((e = db_query(&r, ev_sql_load, "i", id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	ev->id = db_int(r, 0);
	ev->community = db_int(r, 1);
	util_copy(ev->title, sizeof(ev->title), db_str(r, 2));
	ev->desc = strdup(db_str(r, 3) != NULL ? db_str(r, 3) : "");
	util_copy(ev->place, sizeof(ev->place), db_str(r, 4));
	util_copy(ev->start_date, sizeof(ev->start_date), db_str(r, 5));
	util_copy(ev->start_time, sizeof(ev->start_time), db_str(r, 6));
	util_copy(ev->end_date, sizeof(ev->end_date), db_str(r, 7));
	util_copy(ev->end_time, sizeof(ev->end_time), db_str(r, 8));
	db_rows_free(r);
	return ev->desc != NULL ? WEFT_OK : WEFT_ERR_NOMEM;
}

/* The path's event to manage (event.manage over its community). */
static int
ev_target(struct request *req, struct event *ev)
{
	long long	 id = app_param_id(req, 0);
	enum weft_err	 e;
	int		 st;

	e = id > 0 ? ev_load(id, ev) : WEFT_ERR_NOTFOUND;
	if ((st = app_target_status(req, PERM_EVENT_MANAGE, e)) != 0)
		return st;
	if (bc_reach(req, PERM_EVENT_MANAGE, ev->community))
		return 0;
	ev_free(ev);
	return 403;
}

/* One event's row of a list or a day of the month. */
static void
ev_row(struct request *req, struct tmpl_dict *s, const struct db_rows *r)
{
	char	 date[32];

	tmpl_set(s, "ID", db_str(r, 0));
	tmpl_set(s, "TITLE", db_str(r, 1));
	i18n_date(app_lang(req), db_str(r, 2), date, sizeof(date));
	tmpl_set(s, "DATE", date);
	tmpl_set(s, "TIME", db_str(r, 3));
	if (db_str(r, 4)[0] != '\0')
		tmpl_set(tmpl_section(s, "HAS_PLACE"), "PLACE", db_str(r, 4));
	tmpl_set(s, "COMMUNITY", db_str(r, 5)[0] != '\0' ? db_str(r, 5) :
	    app_text(req, N_("broadcasts.audience.whole")));
}

#define EV_COLS								\
	"SELECT e.id, e.title, DATE_FORMAT(e.starts_at, '%Y-%m-%d'),"	\
	" DATE_FORMAT(e.starts_at, '%H:%i'), e.place, COALESCE(c.name, '')" \
	" FROM events e LEFT JOIN communities c ON c.id = e.community_id "
static const char ev_sql_upcoming[] = EV_COLS
    "WHERE e.ends_at >= ? AND " EV_VISIBLE
    "ORDER BY e.starts_at, e.id LIMIT ?";
static const char ev_sql_past[] = EV_COLS
    "WHERE e.ends_at < ? AND " EV_VISIBLE
    "ORDER BY e.starts_at DESC, e.id DESC LIMIT ?";

static const struct form_field ev_list_fields[] = {
	[0] = { "past", FORM_BOOL, 0, 0, 0 },
};

/* GET /events[?past=1]: the upcoming (and current) ones, soonest first,
 * or the past ones, newest first. */
int
ev_list(struct request *req)
{
	struct form_value	 v[1];
	struct tmpl_dict	*d;
	char			 now[I18N_MOMENT_LEN];
	struct db_rows		*r;
	struct ev_scope		 sc;
	enum weft_err		 e;

	if ((d = app_page(req, "broadcasts/events.tpl", app_text(req,
	    N_("broadcasts.events.title")))) == NULL)
		return 500;
	form_read(ev_list_fields, 1, &req->query, app_lang(req), NULL, v);
	ev_scope(req, &sc);
	i18n_local_now(now);
	e = db_query(&r, v[0].on ? ev_sql_past : ev_sql_upcoming,
	    "s" EV_VISIBLE_FMT "i", now, EV_SCOPE_ARGS(&sc),
	    (long long)EV_LIST_MAX);
	if (e != WEFT_OK)
		return app_status_of(e);
	tmpl_show(d, v[0].on ? "PAST" : "UPCOMING");
	if (db_nrows(r) == 0)
		tmpl_show(d, "NONE");
	while (db_next(r))
		ev_row(req, tmpl_section(d, "EVENT"), r);
	db_rows_free(r);
	if (role_allows_somewhere(&req->actor.grants, PERM_EVENT_MANAGE))
		tmpl_show(d, "MANAGE");
	return app_render(req, 200);
}

static const char ev_sql_month[] = EV_COLS
    "WHERE e.starts_at >= ? AND e.starts_at < ? + INTERVAL 1 MONTH AND "
    EV_VISIBLE "ORDER BY e.starts_at, e.id LIMIT 500";

static const struct form_field ev_month_fields[] = {
	[0] = { "m", FORM_TEXT, 0, 7, 7, .flags = FORM_QUIET },
};

static const char *const ev_day_keys[7] = {
	N_("broadcasts.events.day.mon"), N_("broadcasts.events.day.tue"),
	N_("broadcasts.events.day.wed"), N_("broadcasts.events.day.thu"),
	N_("broadcasts.events.day.fri"), N_("broadcasts.events.day.sat"),
	N_("broadcasts.events.day.sun"),
};

/* "YYYY-MM" with a month 01..12 and a year 1970..9998 into y, m. */
static int
ev_month_parse(const char *s, int *y, int *m)
{
	if (strlen(s) != 7 || s[4] != '-' ||
	    sscanf(s, "%4d-%2d", y, m) != 2)
		return -1;
	return *y >= 1970 && *y <= 9998 && *m >= 1 && *m <= 12 ? 0 : -1;
}

/* The month's heading, its neighbours' links and the days' names. */
static void
ev_month_head(struct request *req, struct tmpl_dict *d, int y, int m)
{
	char	 buf[40], label[48];
	int	 i;

	snprintf(buf, sizeof(buf), "%04d-%02d", y, m);
	i18n_date(app_lang(req), buf, label, sizeof(label));
	tmpl_set(d, "MONTH", label);
	snprintf(buf, sizeof(buf), "%04d-%02d", m == 1 ? y - 1 : y,
	    m == 1 ? 12 : m - 1);
	tmpl_set(d, "PREV", buf);
	snprintf(buf, sizeof(buf), "%04d-%02d", m == 12 ? y + 1 : y,
	    m == 12 ? 1 : m + 1);
	tmpl_set(d, "NEXT", buf);
	for (i = 0; i < 7; i++)
		tmpl_set(tmpl_section(d, "WEEKDAY"), "NAME",
		    app_text(req, ev_day_keys[i]));
}

/* The number of days of month m (1..12) of year y. */
static int
ev_month_days(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* GET /events/month[?m=YYYY-MM]: a calendar of the month, Monday first,
 * each day with the events that start on it. */
int
ev_month(struct request *req)
{
	struct form_value	 v[1];
	struct tmpl_dict	*d, *week = NULL, *day;
	struct db_rows		*r;
	struct ev_scope		 sc;
	struct tm		 tm;
	char			 first[40], buf[40], now[I18N_MOMENT_LEN];
	int			 y, m, wday, ndays, i, cell, more;
	enum weft_err		 e;

	i18n_local_now(now);
	form_read(ev_month_fields, 1, &req->query, app_lang(req), NULL, v);
	if (!v[0].set || ev_month_parse(v[0].str, &y, &m) == -1) {
		if (v[0].sent && v[0].str[0] != '\0')
			return 400;
		/* This month where the timebank is. */
		y = atoi(now);
		m = atoi(now + 5);
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = 1;
	if (timegm(&tm) == (time_t)-1)
		return 400;
	wday = (tm.tm_wday + 6) % 7;	/* Monday 0 */
	ndays = ev_month_days(y, m);
	snprintf(first, sizeof(first), "%04d-%02d-01", y, m);
	if ((d = app_page(req, "broadcasts/month.tpl", app_text(req,
	    N_("broadcasts.events.month_title")))) == NULL)
		return 500;
	ev_month_head(req, d, y, m);
	ev_scope(req, &sc);
	if ((e = db_query(&r, ev_sql_month, "ss" EV_VISIBLE_FMT, first, first,
	    EV_SCOPE_ARGS(&sc))) != WEFT_OK)
		return app_status_of(e);
	more = db_next(r);
	for (cell = 0; cell < wday + ndays || cell % 7 != 0; cell++) {
		if (cell % 7 == 0)
			week = tmpl_section(d, "WEEK");
		day = tmpl_section(week, "DAY");
		i = cell - wday + 1;
		if (i < 1 || i > ndays) {
			tmpl_show(day, "BLANK");
			continue;
		}
		snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, i);
		tmpl_set_int(tmpl_section(day, "DATE"), "N", i);
		while (more && strcmp(db_str(r, 2), buf) == 0) {
			ev_row(req, tmpl_section(day, "EVENT"), r);
			more = db_next(r);
		}
	}
	db_rows_free(r);
	return app_render(req, 200);
}

/*
 * GET /events/:id: members see the whole timebank's events and their
 * community's; holders of event.manage those of their scope too.  Any
 * other, and none, is the same 403, but to a site-wide holder of
 * event.manage (rule 1).
 */
int
ev_show(struct request *req)
{
	struct tmpl_dict	*d;
	struct event		 ev;
	char			 name[128], date[32];
	long long		 id = app_param_id(req, 0);
	enum weft_err		 e;
	int			 st;

	e = id > 0 ? ev_load(id, &ev) : WEFT_ERR_NOTFOUND;
	if ((st = app_target_status(req, PERM_EVENT_MANAGE, e)) != 0)
		return st;
	if (ev.community != 0 && ev.community != req->actor.community &&
	    !bc_reach(req, PERM_EVENT_MANAGE, ev.community)) {
		ev_free(&ev);
		return 403;
	}
	if ((e = bc_community_name(ev.community, name, sizeof(name))) !=
	    WEFT_OK || (d = app_page(req, "broadcasts/event.tpl", ev.title)) ==
	    NULL) {
		ev_free(&ev);
		return e != WEFT_OK ? app_status_of(e) : 500;
	}
	tmpl_set(d, "TITLE", ev.title);
	tmpl_set_markup(d, "DESCRIPTION_HTML", ev.desc, 2);
	tmpl_set(d, "PLACE", ev.place);
	if (ev.place[0] != '\0')
		tmpl_show(d, "HAS_PLACE");
	i18n_date(app_lang(req), ev.start_date, date, sizeof(date));
	tmpl_set(d, "START_DATE", date);
	tmpl_set(d, "START_TIME", ev.start_time);
	i18n_date(app_lang(req), ev.end_date, date, sizeof(date));
	tmpl_set(d, "END_DATE", date);
	tmpl_set(d, "END_TIME", ev.end_time);
	tmpl_set(d, "COMMUNITY", ev.community ? name :
	    app_text(req, N_("broadcasts.audience.whole")));
	if (bc_reach(req, PERM_EVENT_MANAGE, ev.community))
		tmpl_set_int(tmpl_section(d, "MANAGE"), "ID", ev.id);
	ev_free(&ev);
	return app_render(req, 200);
}

enum { E_TITLE, E_DESC, E_PLACE, E_SDATE, E_STIME, E_EDATE, E_ETIME,
    E_COMMUNITY, E__MAX };
static const struct form_field ev_fields[E__MAX] = {
	[E_TITLE] = { "title", FORM_TEXT, 1, 1, EV_TITLE_MAX },
	[E_DESC] = { "description", FORM_MULTILINE, 0, 0, EV_DESC_MAX },
	[E_PLACE] = { "place", FORM_TEXT, 0, 0, EV_PLACE_MAX },
	[E_SDATE] = { "start_date", FORM_DATE, 1, 0, 0 },
	[E_STIME] = { "start_time", FORM_TEXT, 1, 5, 5 },
	[E_EDATE] = { "end_date", FORM_DATE, 1, 0, 0 },
	[E_ETIME] = { "end_time", FORM_TEXT, 1, 5, 5 },
	[E_COMMUNITY] = { "community", FORM_ID, 0, 0, 0 },
};

/* The form into ev (desc points into the request), checked; returns how
 * many fields are refused. */
static size_t
ev_read(struct request *req, struct tmpl_dict *d, struct event *ev)
{
	struct form_value	 v[E__MAX];
	struct buf		 probe;
	char			 name[128], a[20], b[20];
	size_t			 bad;

	bad = form_read(ev_fields, E__MAX, &req->form, app_lang(req), d, v);
	ev->community = v[E_COMMUNITY].set ? v[E_COMMUNITY].id : 0;
	util_copy(ev->title, sizeof(ev->title), v[E_TITLE].str);
	util_copy(ev->place, sizeof(ev->place), v[E_PLACE].str);
	ev->desc = (char *)v[E_DESC].str;
	util_copy(ev->start_date, sizeof(ev->start_date), v[E_SDATE].str);
	util_copy(ev->start_time, sizeof(ev->start_time), v[E_STIME].str);
	util_copy(ev->end_date, sizeof(ev->end_date), v[E_EDATE].str);
	util_copy(ev->end_time, sizeof(ev->end_time), v[E_ETIME].str);
	if (v[E_STIME].set && !bc_time_ok(v[E_STIME].str)) {
		form_error(d, "start_time", app_text(req,
		    N_("broadcasts.events.error.time")));
		bad++;
	}
	if (v[E_ETIME].set && !bc_time_ok(v[E_ETIME].str)) {
		form_error(d, "end_time", app_text(req,
		    N_("broadcasts.events.error.time")));
		bad++;
	}
	if (bad > 0)
		return bad;
	snprintf(a, sizeof(a), "%s %s", ev->start_date, ev->start_time);
	snprintf(b, sizeof(b), "%s %s", ev->end_date, ev->end_time);
	if (strcmp(b, a) < 0) {
		form_error(d, "end_date", app_text(req,
		    N_("broadcasts.events.error.order")));
		bad++;
	}
	if (bc_community_name(ev->community, name, sizeof(name)) != WEFT_OK ||
	    (ev->community != 0 && name[0] == '\0') ||
	    !bc_reach(req, PERM_EVENT_MANAGE, ev->community)) {
		form_error(d, "community", app_text(req, ev->community ?
		    N_("broadcasts.error.community") :
		    N_("broadcasts.error.choose_community")));
		bad++;
	}
	buf_init(&probe);
	if (bc_body_text(&probe, ev->desc) > 0) {
		form_error(d, "description", app_text(req,
		    N_("broadcasts.error.link")));
		bad++;
	}
	buf_free(&probe);
	return bad;
}

static void
ev_json(struct buf *b, const struct event *ev)
{
	buf_printf(b, "{\"community\":%lld,\"title\":", ev->community);
	buf_json_str(b, ev->title);
	buf_puts(b, ",\"place\":");
	buf_json_str(b, ev->place);
	buf_printf(b, ",\"starts_at\":\"%s %s\",\"ends_at\":\"%s %s\"}",
	    ev->start_date, ev->start_time, ev->end_date, ev->end_time);
}

static struct tmpl_dict *
ev_form_page(struct request *req, int edit)
{
	return app_page(req, "broadcasts/event_edit.tpl", app_text(req, edit ?
	    N_("broadcasts.events.edit_title") :
	    N_("broadcasts.events.new_title")));
}

static int
ev_form_render(struct request *req, struct tmpl_dict *d,
    const struct event *ev, int status)
{
	enum weft_err	 e;

	if (ev->id)
		tmpl_set_int(tmpl_section(d, "EDIT"), "ID", ev->id);
	else
		tmpl_show(d, "NEW");
	if ((e = bc_community_options(req, d, PERM_EVENT_MANAGE,
	    ev->community)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, status);
}

/* GET /events/new */
int
ev_new_form(struct request *req)
{
	struct tmpl_dict	*d;
	struct event		 ev;

	memset(&ev, 0, sizeof(ev));
	if (!bc_reach(req, PERM_EVENT_MANAGE, 0))
		ev.community = req->actor.community;
	if ((d = ev_form_page(req, 0)) == NULL)
		return 500;
	return ev_form_render(req, d, &ev, 200);
}

static const char ev_sql_insert[] =
    "INSERT INTO events (community_id, title, description, place,"
    " starts_at, ends_at, created_by) VALUES (NULLIF(?, 0), ?, ?, ?,"
    " TIMESTAMP(?, ?), TIMESTAMP(?, ?), ?)";
static const char ev_sql_update[] =
    "UPDATE events SET community_id = NULLIF(?, 0), title = ?,"
    " description = ?, place = ?, starts_at = TIMESTAMP(?, ?),"
    " ends_at = TIMESTAMP(?, ?), updated_at = UTC_TIMESTAMP() WHERE id = ?";

static int
ev_to(struct request *req, long long id, const char *flash)
{
	char	 path[64];

	snprintf(path, sizeof(path), "/events/%lld", id);
	return app_redirect(req, path, flash);
}

/* POST /events/new */
int
ev_new(struct request *req)
{
	struct tmpl_dict	*d;
	struct buf		 after;
	struct event		 ev;
	long long		 id = 0;
	enum weft_err		 e;

	memset(&ev, 0, sizeof(ev));
	if ((d = ev_form_page(req, 0)) == NULL)
		return 500;
	if (ev_read(req, d, &ev) > 0)
		return ev_form_render(req, d, &ev, 422);
	buf_init(&after);
	ev_json(&after, &ev);
	if ((e = db_begin()) == WEFT_OK &&
	    (e = db_exec(ev_sql_insert, "isssssssi", ev.community, ev.title,
	    ev.desc, ev.place, ev.start_date, ev.start_time, ev.end_date,
	    ev.end_time, req->actor.acting_id)) == WEFT_OK &&
	    (id = db_insert_id()) > 0 &&
	    (e = audit_write(&req->actor, "event.create", "event", id,
	    ev.community, NULL, after.p)) == WEFT_OK)
		e = db_commit();
	buf_free(&after);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return ev_to(req, id, N_("broadcasts.events.flash.saved"));
}

/* GET /events/:id/edit */
int
ev_edit_form(struct request *req)
{
	struct tmpl_dict	*d;
	struct event		 ev;
	int			 st;

	if ((st = ev_target(req, &ev)) != 0)
		return st;
	if ((d = ev_form_page(req, 1)) == NULL) {
		ev_free(&ev);
		return 500;
	}
	tmpl_set(d, "TITLE", ev.title);
	tmpl_set(d, "DESCRIPTION", ev.desc);
	tmpl_set(d, "PLACE", ev.place);
	tmpl_set(d, "START_DATE", ev.start_date);
	tmpl_set(d, "START_TIME", ev.start_time);
	tmpl_set(d, "END_DATE", ev.end_date);
	tmpl_set(d, "END_TIME", ev.end_time);
	st = ev_form_render(req, d, &ev, 200);
	ev_free(&ev);
	return st;
}

/* POST /events/:id/edit */
int
ev_edit(struct request *req)
{
	struct tmpl_dict	*d;
	struct buf		 before, after;
	struct event		 ev, n;
	enum weft_err		 e;
	int			 st;

	if ((st = ev_target(req, &ev)) != 0)
		return st;
	if ((d = ev_form_page(req, 1)) == NULL) {
		ev_free(&ev);
		return 500;
	}
	memset(&n, 0, sizeof(n));
	n.id = ev.id;
	if (ev_read(req, d, &n) > 0) {
		ev_free(&ev);
		return ev_form_render(req, d, &n, 422);
	}
	buf_init(&before);
	buf_init(&after);
	ev_json(&before, &ev);
	ev_json(&after, &n);
	if ((e = db_begin()) == WEFT_OK &&
	    (e = db_exec(ev_sql_update, "isssssssi", n.community, n.title,
	    n.desc, n.place, n.start_date, n.start_time, n.end_date,
	    n.end_time, ev.id)) == WEFT_OK &&
	    (e = audit_write(&req->actor, "event.edit", "event", ev.id,
	    n.community, before.p, after.p)) == WEFT_OK)
		e = db_commit();
	buf_free(&before);
	buf_free(&after);
	ev_free(&ev);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return ev_to(req, n.id, N_("broadcasts.events.flash.saved"));
}

/* POST /events/:id/delete, confirmed. */
int
ev_delete(struct request *req)
{
	struct buf	 before;
	struct event	 ev;
	enum weft_err	 e;
	int		 st;

	if ((st = ev_target(req, &ev)) != 0)
		return st;
	if (!bc_confirmed(req)) {
		ev_free(&ev);
		return app_error(req, 422, app_text(req,
		    N_("broadcasts.events.error.confirm")));
	}
	buf_init(&before);
	ev_json(&before, &ev);
	if ((e = db_begin()) == WEFT_OK &&
	    (e = db_exec("DELETE FROM events WHERE id = ?", "i", ev.id)) ==
	    WEFT_OK && (e = audit_write(&req->actor, "event.delete", "event",
	    ev.id, ev.community, before.p, NULL)) == WEFT_OK)
		e = db_commit();
	buf_free(&before);
	ev_free(&ev);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, "/events",
	    N_("broadcasts.events.flash.deleted"));
}
