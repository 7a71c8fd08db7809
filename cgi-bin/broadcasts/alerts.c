/*
 * Alerts (alert.manage; docs/broadcasts.md "Alerts"): a short notice in
 * the safe markup, shown at the top of every page of the members it is
 * for (the common layout, app_page.c) between two dates, for the whole
 * timebank or one community; each member may dismiss it for themself.
 * A community coordinator manages the alerts of their communities only
 * (rule 2: an alert's scope is its community, none the whole timebank's).
 * Every write is audited in its transaction.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "broadcasts.h"
#include "db.h"
#include "util.h"

#define AL_MESSAGE_MAX	1000

enum { A_MESSAGE, A_FROM, A_TO, A_COMMUNITY, A__MAX };
static const struct form_field al_fields[A__MAX] = {
	[A_MESSAGE] = { "message", FORM_MULTILINE, 1, 1, AL_MESSAGE_MAX },
	[A_FROM] = { "starts_on", FORM_DATE, 1, 0, 0 },
	[A_TO] = { "ends_on", FORM_DATE, 1, 0, 0 },
	[A_COMMUNITY] = { "community", FORM_ID, 0, 0, 0 },
};

struct alert {
	long long	 id;
	long long	 community;
	char		 message[AL_MESSAGE_MAX * 4 + 1];
	char		 from[11], to[11];
};

static const char al_sql_load[] =
    "SELECT id, COALESCE(community_id, 0), message,"
    " DATE_FORMAT(starts_on, '%Y-%m-%d'), DATE_FORMAT(ends_on, '%Y-%m-%d')"
    " FROM alerts WHERE id = ?";

static enum weft_err
al_load(long long id, struct alert *a)
{
	struct db_rows	*r;
	enum weft_err	 e;

	memset(a, 0, sizeof(*a));
	if ((e = db_query(&r, al_sql_load, "i", id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	a->id = db_int(r, 0);
	a->community = db_int(r, 1);
	util_copy(a->message, sizeof(a->message), db_str(r, 2));
	util_copy(a->from, sizeof(a->from), db_str(r, 3));
	util_copy(a->to, sizeof(a->to), db_str(r, 4));
	db_rows_free(r);
	return WEFT_OK;
}

/* The path's alert under alert.manage (rules 1 and 2). */
static int
al_target(struct request *req, struct alert *a)
{
	long long	 id = app_param_id(req, 0);
	enum weft_err	 e;
	int		 st;

	e = id > 0 ? al_load(id, a) : WEFT_ERR_NOTFOUND;
	if ((st = app_target_status(req, PERM_ALERT_MANAGE, e)) != 0)
		return st;
	return bc_reach(req, PERM_ALERT_MANAGE, a->community) ? 0 : 403;
}

static void
al_json(struct buf *b, const struct alert *a)
{
	buf_printf(b, "{\"community\":%lld,\"message\":", a->community);
	buf_json_str(b, a->message);
	buf_puts(b, ",\"starts_on\":");
	buf_json_str(b, a->from);
	buf_puts(b, ",\"ends_on\":");
	buf_json_str(b, a->to);
	buf_puts(b, "}");
}

#define AL_IN_SCOPE							\
	"a.community_id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
static const char al_sql_list[] =
    "SELECT a.id, a.message, DATE_FORMAT(a.starts_on, '%Y-%m-%d'),"
    " DATE_FORMAT(a.ends_on, '%Y-%m-%d'), COALESCE(c.name, ''),"
    " (a.ends_on < UTC_DATE()) + 2 * (a.starts_on > UTC_DATE()),"
    " (SELECT COUNT(*) FROM alert_dismissals d WHERE d.alert_id = a.id)"
    " FROM alerts a LEFT JOIN communities c ON c.id = a.community_id"
    " WHERE (? = 1 OR " AL_IN_SCOPE ")"
    " ORDER BY a.ends_on < UTC_DATE(), a.starts_on DESC, a.id DESC LIMIT 200";

static const char *const al_when_keys[] = {
	N_("broadcasts.alerts.when.live"), N_("broadcasts.alerts.when.past"),
	N_("broadcasts.alerts.when.upcoming"),
};

/* GET /alerts: live and upcoming first, then the past ones (the newest
 * 200 in all), of the communities the viewer manages. */
int
al_list(struct request *req)
{
	struct tmpl_dict	*d, *s;
	struct db_rows		*r;
	long long		 c[BC_SCOPE_MAX] = { 0 }, w;
	int			 site;
	enum weft_err		 e;

	if ((d = app_page(req, "broadcasts/alerts.tpl", app_text(req,
	    N_("broadcasts.alerts.title")))) == NULL)
		return 500;
	(void)role_communities(&req->actor.grants, PERM_ALERT_MANAGE, &site,
	    c, NELEM(c));
	if ((e = db_query(&r, al_sql_list, "i" "iiiiiiiiiiiiiiii",
	    (long long)site, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
	    c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15])) != WEFT_OK)
		return app_status_of(e);
	if (db_nrows(r) == 0)
		tmpl_show(d, "NONE");
	while (db_next(r)) {
		s = tmpl_section(d, "ALERT");
		tmpl_set(s, "ID", db_str(r, 0));
		tmpl_set_markup(s, "MESSAGE_HTML", db_str(r, 1), 3);
		tmpl_set(s, "FROM", db_str(r, 2));
		tmpl_set(s, "TO", db_str(r, 3));
		tmpl_set(s, "COMMUNITY", db_str(r, 4)[0] != '\0' ? db_str(r, 4) :
		    app_text(req, N_("broadcasts.audience.whole")));
		w = db_int(r, 5);
		tmpl_set(s, "WHEN", app_text(req, al_when_keys[w > 2 ? 0 : w]));
		tmpl_set(s, "DISMISSED", db_str(r, 6));
	}
	db_rows_free(r);
	return app_render(req, 200);
}

static int
al_form_render(struct request *req, struct tmpl_dict *d,
    const struct alert *a, int status)
{
	enum weft_err	 e;

	if (a->id)
		tmpl_set_int(tmpl_section(d, "EDIT"), "ID", a->id);
	else
		tmpl_show(d, "NEW");
	if ((e = bc_community_options(req, d, PERM_ALERT_MANAGE,
	    a->community)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, status);
}

static struct tmpl_dict *
al_form_page(struct request *req, int edit)
{
	return app_page(req, "broadcasts/alert_edit.tpl", app_text(req, edit ?
	    N_("broadcasts.alerts.edit_title") :
	    N_("broadcasts.alerts.new_title")));
}

/* GET /alerts/new */
int
al_new_form(struct request *req)
{
	struct tmpl_dict	*d;
	struct alert		 a;
	char			 today[UTIL_DATE_LEN];

	memset(&a, 0, sizeof(a));
	if (!bc_reach(req, PERM_ALERT_MANAGE, 0))
		a.community = req->actor.community;
	if (util_today(today) != WEFT_OK || (d = al_form_page(req, 0)) ==
	    NULL)
		return 500;
	tmpl_set(d, "STARTS_ON", today);
	tmpl_set(d, "ENDS_ON", today);
	return al_form_render(req, d, &a, 200);
}

/* The form into a, checked: the community one the actor manages (none:
 * the whole timebank, site only), the dates in order, the links' schemes.
 * Returns how many fields are refused. */
static size_t
al_read(struct request *req, struct tmpl_dict *d, struct alert *a)
{
	struct form_value	 v[A__MAX];
	struct buf		 probe;
	char			 name[128];
	size_t			 bad;

	bad = form_read(al_fields, A__MAX, &req->form, app_lang(req), d, v);
	a->community = v[A_COMMUNITY].set ? v[A_COMMUNITY].id : 0;
	util_copy(a->message, sizeof(a->message), v[A_MESSAGE].str);
	util_copy(a->from, sizeof(a->from), v[A_FROM].str);
	util_copy(a->to, sizeof(a->to), v[A_TO].str);
	if (bad > 0)
		return bad;
	if (bc_community_name(a->community, name, sizeof(name)) != WEFT_OK ||
	    (a->community != 0 && name[0] == '\0') ||
	    !bc_reach(req, PERM_ALERT_MANAGE, a->community)) {
		form_error(d, "community", app_text(req, a->community ?
		    N_("broadcasts.error.community") :
		    N_("broadcasts.error.choose_community")));
		bad++;
	}
	if (strcmp(a->to, a->from) < 0) {
		form_error(d, "ends_on", app_text(req,
		    N_("broadcasts.alerts.error.dates")));
		bad++;
	}
	buf_init(&probe);
	if (bc_body_text(&probe, a->message) > 0) {
		form_error(d, "message", app_text(req,
		    N_("broadcasts.error.link")));
		bad++;
	}
	buf_free(&probe);
	return bad;
}

static const char al_sql_insert[] =
    "INSERT INTO alerts (community_id, message, starts_on, ends_on,"
    " created_by) VALUES (NULLIF(?, 0), ?, ?, ?, ?)";
static const char al_sql_update[] =
    "UPDATE alerts SET community_id = NULLIF(?, 0), message = ?,"
    " starts_on = ?, ends_on = ?, updated_at = UTC_TIMESTAMP()"
    " WHERE id = ?";

/* POST /alerts/new */
int
al_new(struct request *req)
{
	struct tmpl_dict	*d;
	struct buf		 after;
	struct alert		 a;
	enum weft_err		 e;

	memset(&a, 0, sizeof(a));
	if ((d = al_form_page(req, 0)) == NULL)
		return 500;
	if (al_read(req, d, &a) > 0)
		return al_form_render(req, d, &a, 422);
	buf_init(&after);
	al_json(&after, &a);
	if ((e = db_begin()) == WEFT_OK &&
	    (e = db_exec(al_sql_insert, "isssi", a.community, a.message,
	    a.from, a.to, req->actor.acting_id)) == WEFT_OK &&
	    (e = audit_write(&req->actor, "alert.create", "alert",
	    db_insert_id(), a.community, NULL, after.p)) == WEFT_OK)
		e = db_commit();
	buf_free(&after);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, "/alerts", N_("broadcasts.alerts.flash.saved"));
}

/* GET /alerts/:id/edit */
int
al_edit_form(struct request *req)
{
	struct tmpl_dict	*d;
	struct alert		 a;
	int			 st;

	if ((st = al_target(req, &a)) != 0)
		return st;
	if ((d = al_form_page(req, 1)) == NULL)
		return 500;
	tmpl_set(d, "MESSAGE", a.message);
	tmpl_set(d, "STARTS_ON", a.from);
	tmpl_set(d, "ENDS_ON", a.to);
	return al_form_render(req, d, &a, 200);
}

/* POST /alerts/:id/edit: the alert moves only within the actor's scope
 * (both its old and its new community are theirs). */
int
al_edit(struct request *req)
{
	struct tmpl_dict	*d;
	struct buf		 before, after;
	struct alert		 a, n;
	enum weft_err		 e;
	int			 st;

	if ((st = al_target(req, &a)) != 0)
		return st;
	if ((d = al_form_page(req, 1)) == NULL)
		return 500;
	memset(&n, 0, sizeof(n));
	n.id = a.id;
	if (al_read(req, d, &n) > 0)
		return al_form_render(req, d, &n, 422);
	buf_init(&before);
	buf_init(&after);
	al_json(&before, &a);
	al_json(&after, &n);
	if ((e = db_begin()) == WEFT_OK &&
	    (e = db_exec(al_sql_update, "isssi", n.community, n.message,
	    n.from, n.to, a.id)) == WEFT_OK &&
	    (e = audit_write(&req->actor, "alert.edit", "alert", a.id,
	    n.community, before.p, after.p)) == WEFT_OK)
		e = db_commit();
	buf_free(&before);
	buf_free(&after);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, "/alerts", N_("broadcasts.alerts.flash.saved"));
}

/* POST /alerts/:id/delete, with the confirmation box ticked. */
int
al_delete(struct request *req)
{
	struct buf	 before;
	struct alert	 a;
	enum weft_err	 e;
	int		 st;

	if ((st = al_target(req, &a)) != 0)
		return st;
	if (!bc_confirmed(req))
		return app_error(req, 422, app_text(req,
		    N_("broadcasts.alerts.error.confirm")));
	buf_init(&before);
	al_json(&before, &a);
	if ((e = db_begin()) == WEFT_OK &&
	    (e = db_exec("DELETE FROM alerts WHERE id = ?", "i", a.id)) ==
	    WEFT_OK && (e = audit_write(&req->actor, "alert.delete", "alert",
	    a.id, a.community, before.p, NULL)) == WEFT_OK)
		e = db_commit();
	buf_free(&before);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, "/alerts",
	    N_("broadcasts.alerts.flash.deleted"));
}

static const struct form_field al_next_field[] = {
	[0] = { "next", FORM_TEXT, 0, 0, 512, .flags = FORM_QUIET },
};
static const char al_sql_dismiss[] =
    "INSERT IGNORE INTO alert_dismissals (alert_id, member_id)"
    " VALUES (?, ?)";

/*
 * POST /alerts/:id/dismiss: the member's own choice not to see an alert
 * addressed to them (the whole timebank's, or their community's); any
 * other alert, or none, is the same 403 (rule 1).  Back to the page it
 * was dismissed on (a local path), else home.  Audited only when made for
 * someone else (become: rule 5).
 */
int
al_dismiss(struct request *req)
{
	struct form_value	 v[1];
	struct alert		 a;
	const char		*next;
	enum weft_err		 e;
	long long		 id = app_param_id(req, 0);

	if (id <= 0 || (e = al_load(id, &a)) == WEFT_ERR_NOTFOUND)
		return 403;
	if (e != WEFT_OK)
		return app_status_of(e);
	if (a.community != 0 && a.community != req->actor.community)
		return 403;
	form_read(al_next_field, 1, &req->form, app_lang(req), NULL, v);
	next = v[0].set && http_path_is_local(v[0].str) ? v[0].str : "/";
	if ((e = db_begin()) == WEFT_OK &&
	    (e = db_exec(al_sql_dismiss, "ii", a.id, req->actor.acting_id)) ==
	    WEFT_OK && audit_on_behalf(&req->actor, req->actor.acting_id))
		e = audit_write(&req->actor, "alert.dismiss", "alert", a.id,
		    a.community, NULL, NULL);
	if (e == WEFT_OK)
		e = db_commit();
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, next, NULL);
}
