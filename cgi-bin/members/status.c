/*
 * A member's status and settings that need their own permissions:
 * approve and reject (member.approve), unapprove (member.unapprove, admins),
 * disable and enable (member.disable), the broadcast opt-out
 * (member.optout) and the Community Timebank (member.community); and the
 * status panel of the profile page, which offers only what the actor may
 * do to this member.
 *
 * Every action re-reads the member FOR UPDATE in its transaction, checks
 * the scope again on that row (rule 2), refuses a wrong transition with a
 * 409 page that says why, applies rule 4 (never without an Admin) to the
 * changes that can take away the last one, and writes its audit row in
 * the same transaction (rule 6).
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "mail_notice.h"
#include "db.h"
#include "form.h"
#include "members.h"
#include "util.h"
#include "valid.h"

#define STATUS_COMMUNITIES_MAX	64

/* An empty date is today. */
enum { AP_DATE, AP_NOTIFY, AP__MAX };
static const struct form_field status_approve_fields[AP__MAX] = {
	[AP_DATE] = { "approved_on", FORM_DATE, 0, 0, 0 },
	[AP_NOTIFY] = { "notify", FORM_BOOL, 0, 0, 0 },
};

/* The reason is kept for coordinators (member_rejections); notify
 * queues mail.rejected to the applicant. */
enum { RJ_REASON, RJ_NOTIFY, RJ__MAX };
static const struct form_field status_reject_fields[RJ__MAX] = {
	[RJ_REASON] = { .name = "reason", .kind = FORM_MULTILINE,
	    .required = 1, .min = 1, .max = 2000 },
	[RJ_NOTIFY] = { .name = "notify", .kind = FORM_BOOL },
};

enum { OP_OPTOUT, OP__MAX };
static const struct form_field status_optout_fields[OP__MAX] = {
	[OP_OPTOUT] = { "optout", FORM_INT, 1, 0, 1 },
};

/* "none" or a community's id. */
enum { CM_COMMUNITY, CM__MAX };
static const struct form_field status_community_fields[CM__MAX] = {
	[CM_COMMUNITY] = { "community", FORM_TEXT, 0, 0, 24,
	    .flags = FORM_QUIET },
};

static const char *
status_section(enum member_status s)
{
	return s == MEMBER_APPLYING ? "MEMBER_APPLYING" :
	    s == MEMBER_APPROVED ? "MEMBER_APPROVED" : "MEMBER_DISABLED";
}

/*
 * The approve form's checks: a date (empty means today) neither in the
 * future nor before the member joined.  Reads the form into v and marks
 * errors in d (NULL, or the panel's when re-rendering); *date gets the
 * date.  Returns how many fields are wrong, -1 when the clock cannot be
 * read.
 */
static int
status_approve_check(const struct request *req, const struct member *m,
    struct tmpl_dict *d, struct form_value *v, char date[11])
{
	char		 today[UTIL_DATE_LEN];
	int		 bad;

	if (util_today(today) != WEFT_OK)
		return -1;
	bad = (int)form_read(status_approve_fields, AP__MAX, &req->form,
	    app_lang(req), d, v);
	if (bad > 0)
		return bad;
	snprintf(date, 11, "%s", v[AP_DATE].set ? v[AP_DATE].str : today);
	if (strcmp(date, today) > 0) {
		form_error(d, "approved_on", app_text(req,
		    N_("members.status.error.future")));
		return 1;
	}
	if (strncmp(date, m->joined_at, 10) < 0) {
		form_error(d, "approved_on", app_text(req,
		    N_("members.status.error.before_joined")));
		return 1;
	}
	return 0;
}

/* The profile page again, status 422, with the form f showing what was
 * sent and why it was refused. */
static int
status_again(struct request *req, enum status_form f)
{
	int	 st;

	st = members_profile(req, f);
	if (st == 0 && req->resp.status == 200)
		req->resp.status = 422;
	return st;
}

/*
 * Loads the target (members_target: rules 1 and 2), opens the
 * transaction and re-reads the row FOR UPDATE into *m, checking its
 * scope again (the member may have moved meanwhile) and rule 9: the
 * actor's grants must cover the member's (members_may_change).  Returns
 * 0 inside the transaction; else -1, rolled back, with *st the answer (a
 * refusal of rule 9 is a 403 page that says why).
 */
static int
status_lock(struct request *req, enum perm perm, struct member *m,
    enum role_refusal *why, int *st)
{
	struct member	 first;
	enum role_refusal cover;
	enum weft_err	 e;

	if ((*st = members_target(req, perm, &first)) != 0)
		return -1;
	if ((e = db_begin()) != WEFT_OK) {
		*st = app_status_of(e);
		return -1;
	}
	/* Rule 4 first: the guard locks every enabled site admin's rows,
	 * and taking those before the target's row keeps one lock order
	 * for all such changes, so two coordinators disabling each other
	 * wait in turn instead of deadlocking. */
	if (why != NULL && (e = role_guard_last_admin(first.id, why)) !=
	    WEFT_OK) {
		db_rollback();
		*st = app_status_of(e);
		return -1;
	}
	if ((*st = members_relock(req, first.id, perm, m)) != 0)
		return -1;
	if ((e = members_may_change(req, m, NULL, 0, &cover)) != WEFT_OK) {
		db_rollback();
		*st = app_status_of(e);
		return -1;
	}
	if (cover != ROLE_OK) {
		db_rollback();
		*st = app_error(req, 403, app_text(req,
		    role_refusal_keys[cover]));
		return -1;
	}
	return 0;
}

/* A refusal after the lock: the 409 page says why. */
static int
status_conflict(struct request *req, const char *why,
    const struct member *m)
{
	char	 msg[512];

	db_rollback();
	snprintf(msg, sizeof(msg), "%s %s", app_text(req, why),
	    app_text(req, m->status == MEMBER_APPLYING ?
	    N_("members.status.now.applying") : m->status == MEMBER_APPROVED ?
	    N_("members.status.now.approved") : N_("members.status.now.disabled")));
	return app_error(req, 409, msg);
}

/* Rule 4, after status_lock() ran the guard: refused when the member is
 * the last enabled site admin.  Returns 0 to go on, else the answer. */
static int
status_last_admin(struct request *req, enum role_refusal why, int *st)
{
	if (why == ROLE_OK)
		return 0;
	db_rollback();
	*st = app_error(req, 409, app_text(req, role_refusal_keys[why]));
	return -1;
}

/* The update (its parameters: one id), the audit row and the commit; a
 * 303 to the profile with flash. */
static int
status_write(struct request *req, const struct member *m, const char *sql,
    const char *action, const char *before, const char *after,
    const char *flash)
{
	char		 path[64];
	enum weft_err	 e;

	if ((e = db_exec(sql, "i", m->id)) != WEFT_OK ||
	    (e = audit_write(&req->actor, action, "member", m->id,
	    m->community, before, after)) != WEFT_OK ||
	    (e = db_commit()) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	snprintf(path, sizeof(path), "/members/%lld", m->id);
	return app_redirect(req, path, flash);
}

/* {"status":"approved"}: the audit's before of a status change. */
static void
status_json(char *out, size_t len, enum member_status s)
{
	snprintf(out, len, "{\"status\":\"%s\"}", member_status_keys[s]);
}

/* ---- approve and unapprove ------------------------------------------- */

static const struct mail_notice status_approved_mail = {
	.kind = "account.approved",
	.subject_key = N_("mail.approved.subject"),
	.body_key = N_("mail.approved.body"),
};

/*
 * POST /members/:id/approve: applying -> approved on the date given; with
 * notify, the welcome message (mail.approved) is queued in the same
 * transaction, to the member in their language (and their angels', mode
 * on): the audit row says so ("mail_queued").
 */
int
members_approve(struct request *req)
{
	struct form_value	 v[AP__MAX];
	struct member		 m;
	char			 date[11], before[64], after[160], path[64];
	int			 st, bad, notify;
	enum weft_err		 e;

	if ((st = members_target(req, PERM_MEMBER_APPROVE, &m)) != 0)
		return st;
	bad = status_approve_check(req, &m, NULL, v, date);
	if (bad != 0)
		return bad == -1 ? 500 : status_again(req, STATUS_FORM_APPROVE);
	if (status_lock(req, PERM_MEMBER_APPROVE, &m, NULL, &st) == -1)
		return st;
	if (m.status != MEMBER_APPLYING)
		return status_conflict(req, N_("members.status.conflict.approve"),
		    &m);
	notify = v[AP_NOTIFY].on;
	status_json(before, sizeof(before), m.status);
	snprintf(after, sizeof(after), "{\"status\":\"approved\","
	    "\"approved_on\":\"%s\",\"notify\":%s,\"mail_queued\":%s}",
	    date, notify ? "true" : "false", notify ? "true" : "false");
	if ((e = db_exec("UPDATE members SET status = 'approved', approved_at ="
	    " IF(? = UTC_DATE(), UTC_TIMESTAMP(), ?), updated_at ="
	    " UTC_TIMESTAMP() WHERE id = ?", "ssi", date, date, m.id)) !=
	    WEFT_OK ||
	    (notify && (e = mail_notice_member(&status_approved_mail, m.id)) !=
	    WEFT_OK) ||
	    (e = audit_write(&req->actor, "member.approve", "member", m.id,
	    m.community, before, after)) != WEFT_OK ||
	    (e = db_commit()) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	snprintf(path, sizeof(path), "/members/%lld", m.id);
	return app_redirect(req, path, notify ?
	    N_("members.status.flash.approved_notify") :
	    N_("members.status.flash.approved"));
}

/* POST /members/:id/unapprove: approved -> applying; rule 4. */
int
members_unapprove(struct request *req)
{
	enum role_refusal why;
	struct member	 m;
	char		 before[64];
	int		 st;

	if (status_lock(req, PERM_MEMBER_UNAPPROVE, &m, &why, &st) == -1)
		return st;
	if (m.status != MEMBER_APPROVED)
		return status_conflict(req,
		    N_("members.status.conflict.unapprove"), &m);
	if (status_last_admin(req, why, &st) == -1)
		return st;
	status_json(before, sizeof(before), m.status);
	return status_write(req, &m, "UPDATE members SET status = 'applying',"
	    " approved_at = NULL, updated_at = UTC_TIMESTAMP() WHERE id = ?",
	    "member.unapprove", before, "{\"status\":\"applying\"}",
	    N_("members.status.flash.unapproved"));
}

static const struct mail_notice status_rejected_mail = {
	.kind = "account.rejected",
	.subject_key = N_("mail.rejected.subject"),
	.body_key = N_("mail.rejected.body"),
	.no_angel_copy = 1,
};

/*
 * POST /members/:id/reject: applying -> disabled, never approved, with
 * the reason in member_rejections (members_rejection_write) and, with
 * notify, mail.rejected queued to the applicant in their language, all
 * in one transaction with the audit row.  The sessions of the applicant
 * end: an applying member may be logged in to edit their application.
 */
int
members_reject(struct request *req)
{
	struct form_value	 v[RJ__MAX];
	struct member		 m;
	struct buf		 after;
	char			 before[64], path[64];
	int			 st, notify;
	enum weft_err		 e;

	if ((st = members_target(req, PERM_MEMBER_APPROVE, &m)) != 0)
		return st;
	if (form_read(status_reject_fields, RJ__MAX, &req->form,
	    app_lang(req), NULL, v) > 0)
		return status_again(req, STATUS_FORM_REJECT);
	if (status_lock(req, PERM_MEMBER_APPROVE, &m, NULL, &st) == -1)
		return st;
	if (m.status != MEMBER_APPLYING)
		return status_conflict(req, N_("members.status.conflict.reject"),
		    &m);
	notify = v[RJ_NOTIFY].on;
	status_json(before, sizeof(before), m.status);
	buf_init(&after);
	buf_puts(&after, "{\"status\":\"disabled\",\"rejected\":true,"
	    "\"reason\":");
	buf_json_str(&after, v[RJ_REASON].str);
	buf_printf(&after, ",\"mail_queued\":%s}", notify ? "true" : "false");
	if (buf_failed(&after))
		e = WEFT_ERR_NOMEM;
	else if ((e = db_exec("UPDATE members SET status = 'disabled',"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?", "i", m.id)) ==
	    WEFT_OK &&
	    (e = auth_sessions_end_member(m.id)) == WEFT_OK &&
	    (e = members_rejection_write(req, m.id, "rejected",
	    v[RJ_REASON].str, notify)) == WEFT_OK &&
	    (!notify || (e = mail_notice_member(&status_rejected_mail, m.id)) ==
	    WEFT_OK) &&
	    (e = audit_write(&req->actor, "member.reject", "member", m.id,
	    m.community, before, after.p)) == WEFT_OK)
		e = db_commit();
	buf_free(&after);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	snprintf(path, sizeof(path), "/members/%lld", m.id);
	return app_redirect(req, path, notify ?
	    N_("members.status.flash.rejected_notify") :
	    N_("members.status.flash.rejected"));
}

/* ---- disable and enable ---------------------------------------------- */

/* POST /members/:id/disable: applying or approved -> disabled; rule 4;
 * the member's sessions end in the same transaction. */
int
members_disable(struct request *req)
{
	enum role_refusal why;
	struct member	 m;
	char		 before[64];
	enum weft_err	 e;
	int		 st;

	if (status_lock(req, PERM_MEMBER_DISABLE, &m, &why, &st) == -1)
		return st;
	if (m.status == MEMBER_DISABLED)
		return status_conflict(req, N_("members.status.conflict.disable"),
		    &m);
	if (status_last_admin(req, why, &st) == -1)
		return st;
	if ((e = auth_sessions_end_member(m.id)) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	status_json(before, sizeof(before), m.status);
	return status_write(req, &m, "UPDATE members SET status = 'disabled',"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?", "member.disable",
	    before, "{\"status\":\"disabled\",\"sessions_ended\":true}",
	    N_("members.status.flash.disabled"));
}

/* POST /members/:id/enable: disabled -> approved (approved today when
 * the member never was). */
int
members_enable(struct request *req)
{
	struct member	 m;
	int		 st;

	if (status_lock(req, PERM_MEMBER_DISABLE, &m, NULL, &st) == -1)
		return st;
	if (m.status != MEMBER_DISABLED)
		return status_conflict(req, N_("members.status.conflict.enable"),
		    &m);
	return status_write(req, &m, "UPDATE members SET status = 'approved',"
	    " approved_at = COALESCE(approved_at, UTC_TIMESTAMP()),"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?", "member.enable",
	    "{\"status\":\"disabled\"}", "{\"status\":\"approved\"}",
	    N_("members.status.flash.enabled"));
}

/* ---- opt-out and community ------------------------------------------- */

/* POST /members/:id/optout: optout=1 sets, optout=0 clears. */
int
members_optout(struct request *req)
{
	struct form_value	 v[OP__MAX];
	struct member		 m;
	char			 path[64];
	int			 st, set;

	if ((st = members_target(req, PERM_MEMBER_OPTOUT, &m)) != 0)
		return st;
	if (form_read(status_optout_fields, OP__MAX, &req->form,
	    app_lang(req), NULL, v) > 0)
		return status_again(req, STATUS_FORM_OPTOUT);
	set = v[OP_OPTOUT].n == 1;
	if (status_lock(req, PERM_MEMBER_OPTOUT, &m, NULL, &st) == -1)
		return st;
	if (m.optout == set) {
		db_rollback();
		snprintf(path, sizeof(path), "/members/%lld", m.id);
		return app_redirect(req, path,
		    N_("members.status.flash.unchanged"));
	}
	return status_write(req, &m, set ?
	    "UPDATE members SET optout = 1, updated_at = UTC_TIMESTAMP()"
	    " WHERE id = ?" :
	    "UPDATE members SET optout = 0, updated_at = UTC_TIMESTAMP()"
	    " WHERE id = ?", "member.optout",
	    set ? "{\"optout\":false}" : "{\"optout\":true}",
	    set ? "{\"optout\":true}" : "{\"optout\":false}",
	    set ? N_("members.status.flash.optout_set") :
	    N_("members.status.flash.optout_cleared"));
}

/*
 * The community form's value: "none" (*id 0) or an existing community.
 * Returns 1 when it is one of those, 0 when not, -1 on a database error.
 */
static int
status_community_value(const struct request *req, long long *id)
{
	struct form_value	 v[CM__MAX];
	long long		 n = 0;

	*id = 0;
	(void)form_read(status_community_fields, CM__MAX, &req->form,
	    app_lang(req), NULL, v);
	if (strcmp(v[CM_COMMUNITY].str, "none") == 0)
		return 1;
	if (valid_id(v[CM_COMMUNITY].str, id) != VALID_OK)
		return 0;
	if (db_query_int(&n, "SELECT COUNT(*) FROM communities WHERE id = ?",
	    "i", *id) != WEFT_OK)
		return -1;
	return n > 0;
}

/*
 * POST /members/:id/community.  The actor needs member.community over the
 * member's scope (status_lock) and over the new one: a community, or
 * site for "none" (a member of no community is reached by site grants
 * only).
 */
int
members_set_community(struct request *req)
{
	struct member	 m;
	struct scope	 to = { SCOPE_SITE, 0, "" };
	char		 before[64], after[64], path[64];
	long long	 id;
	enum weft_err	 e;
	int		 st, ok;

	if ((st = members_target(req, PERM_MEMBER_COMMUNITY, &m)) != 0)
		return st;
	if ((ok = status_community_value(req, &id)) == -1)
		return 500;
	if (ok == 0)
		return status_again(req, STATUS_FORM_COMMUNITY);
	scope_of_community(id, &to);
	if (!role_allows(&req->actor.grants, PERM_MEMBER_COMMUNITY, &to))
		return 403;
	if (status_lock(req, PERM_MEMBER_COMMUNITY, &m, NULL, &st) == -1)
		return st;
	snprintf(path, sizeof(path), "/members/%lld", m.id);
	if (m.community == id) {
		db_rollback();
		return app_redirect(req, path,
		    N_("members.status.flash.unchanged"));
	}
	snprintf(before, sizeof(before), "{\"community\":%lld}", m.community);
	snprintf(after, sizeof(after), "{\"community\":%lld}", id);
	if ((e = db_exec("UPDATE members SET community_id = NULLIF(?, 0),"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?", "ii", id, m.id)) !=
	    WEFT_OK ||
	    (e = audit_write(&req->actor, "member.community", "member", m.id,
	    m.community, before, after)) != WEFT_OK ||
	    (e = db_commit()) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, path, N_("members.status.flash.community"));
}

/* ---- the panel ------------------------------------------------------- */

/* The community select: the communities the actor's member.community
 * covers, and "none" for site holders; the member's own marked. */
static enum weft_err
status_communities(struct tmpl_dict *s, const struct request *req,
    const struct member *m)
{
	long long		 ids[STATUS_COMMUNITIES_MAX];
	struct db_rows		*r;
	struct tmpl_dict	*o;
	enum weft_err		 e;
	size_t			 n;
	int			 site;

	n = role_communities(&req->actor.grants, PERM_MEMBER_COMMUNITY, &site,
	    ids, NELEM(ids));
	if (site) {
		o = tmpl_section(s, "NONE_OPTION");
		if (m->community == 0)
			tmpl_show(o, "SELECTED");
	}
	if ((e = db_query(&r, "SELECT id, name FROM communities"
	    " ORDER BY name, id", "")) != WEFT_OK)
		return e;
	while (db_next(r)) {
		if (!role_communities_has(db_int(r, 0), site, ids, n) &&
		    db_int(r, 0) != m->community)
			continue;
		form_option(s, "COMMUNITY_OPTION", db_str(r, 0), db_str(r, 1),
		    db_int(r, 0) == m->community);
	}
	db_rows_free(r);
	return WEFT_OK;
}

/* The approve form: today by default, or what was sent with its errors. */
static void
status_panel_approve(struct tmpl_dict *p, const struct request *req,
    const struct member *m, enum status_form redo)
{
	struct tmpl_dict	*s = tmpl_section(p, "APPROVE");
	struct form_value	 v[AP__MAX];
	char			 date[11];

	form_summary(s, app_lang(req), NULL, "approve-errors-title", 4);
	if (redo == STATUS_FORM_APPROVE) {
		(void)status_approve_check(req, m, s, v, date);
		return;
	}
	if (util_today(date) == WEFT_OK)
		tmpl_set(s, "APPROVED_ON", date);
}

/* The profile's ACCESS_PANEL (members/access_panel.tpl): the actions that
 * take access away at once, set back to applying and disable, apart from
 * the everyday ones and styled as dangerous (issue 18). */
static void
status_access_panel(struct tmpl_dict *d, const struct request *req,
    const struct member *m, int unapprove, int disable)
{
	struct tmpl_dict	*p;

	if (!unapprove && !disable)
		return;
	p = tmpl_include(d, "ACCESS_PANEL", "members/access_panel.tpl");
	tmpl_set(p, "CSRF", req->actor.csrf);
	tmpl_set_int(p, "MEMBER_ID", m->id);
	if (unapprove)
		tmpl_show(p, "UNAPPROVE");
	if (disable)
		tmpl_show(p, "DISABLE");
}

/* members.h: the STATUS_PANEL of the profile page, with the forms the
 * actor may use on this member in its present state; none when rule 9
 * refuses every change (change), but the reason instead. */
enum weft_err
members_status_panel(struct tmpl_dict *d, struct request *req,
    const struct member *m, enum status_form redo, enum role_refusal change)
{
	const struct grants	*g = &req->actor.grants;
	struct form_value	 ov[OP__MAX], rv[RJ__MAX];
	struct tmpl_dict	*p, *s;
	struct scope		 sc;
	enum weft_err		 e;
	int			 approve, unapprove, disable, optout, comm;

	member_scope(m, &sc);
	approve = role_allows(g, PERM_MEMBER_APPROVE, &sc);
	unapprove = role_allows(g, PERM_MEMBER_UNAPPROVE, &sc);
	disable = role_allows(g, PERM_MEMBER_DISABLE, &sc);
	optout = role_allows(g, PERM_MEMBER_OPTOUT, &sc);
	comm = role_allows(g, PERM_MEMBER_COMMUNITY, &sc);
	if (!approve && !unapprove && !disable && !optout && !comm)
		return WEFT_OK;
	p = tmpl_include(d, "STATUS_PANEL", "members/status_panel.tpl");
	/* An include does not see the page's values. */
	tmpl_set(p, "CSRF", req->actor.csrf);
	tmpl_set_int(p, "MEMBER_ID", m->id);
	tmpl_show(p, status_section(m->status));
	if (change != ROLE_OK) {
		tmpl_set(tmpl_section(p, "REFUSED"), "REASON",
		    app_text(req, role_refusal_keys[change]));
		return WEFT_OK;
	}
	if (approve && m->status == MEMBER_APPLYING) {
		status_panel_approve(p, req, m, redo);
		s = tmpl_section(p, "REJECT");
		if (redo == STATUS_FORM_REJECT) {
			form_summary(s, app_lang(req), NULL,
			    "reject-errors-title", 4);
			(void)form_read(status_reject_fields, RJ__MAX,
			    &req->form, app_lang(req), s, rv);
		}
	}
	if (disable && m->status == MEMBER_DISABLED)
		tmpl_show(p, "ENABLE");
	status_access_panel(d, req, m, unapprove && m->status ==
	    MEMBER_APPROVED, disable && m->status != MEMBER_DISABLED);
	if (optout) {
		s = tmpl_section(p, "OPTOUT");
		tmpl_show(s, m->optout ? "OPTOUT_CLEAR" : "OPTOUT_SET");
		if (redo == STATUS_FORM_OPTOUT)
			(void)form_read(status_optout_fields, OP__MAX,
			    &req->form, app_lang(req), s, ov);
	}
	if (comm) {
		s = tmpl_section(p, "COMMUNITY");
		if ((e = status_communities(s, req, m)) != WEFT_OK)
			return e;
		if (redo == STATUS_FORM_COMMUNITY)
			form_error(s, "community", app_text(req,
			    N_("members.status.error.community")));
	}
	return WEFT_OK;
}

