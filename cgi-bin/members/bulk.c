/*
 * Bulk actions on many accounts (member.bulk, admins): approve, set back
 * to applying, disable, enable, give or remove a role.
 * docs/authorization.md rule 7: a bulk action is previewed with every
 * account it will touch and needs a confirmation, and there is no bulk delete.
 *
 * This file reads the batch from the form and shows the preview and the
 * result (bulk.h says where the rest is).  Preview and apply are the same
 * reading and the same bulk_run(), so the preview shows what apply does.
 * The confirm form posts back the exact ids the preview listed (never the
 * filter), so apply works on the same accounts even when "all matching"
 * would now match others.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulk.h"
#include "db.h"
#include "form.h"
#include "log.h"
#include "members.h"
#include "util.h"

static const char *const bulk_action_keys[BULK__MAX] = {
	[BULK_APPROVE] = "approve",
	[BULK_UNAPPROVE] = "unapprove",
	[BULK_DISABLE] = "disable",
	[BULK_ENABLE] = "enable",
	[BULK_GRANT] = "grant",
	[BULK_REVOKE] = "revoke",
	[BULK_EXPIRE] = "expire",
};

static const char *const bulk_action_labels[BULK__MAX] = {
	[BULK_APPROVE] = N_("members.bulk.action.approve"),
	[BULK_UNAPPROVE] = N_("members.bulk.action.unapprove"),
	[BULK_DISABLE] = N_("members.bulk.action.disable"),
	[BULK_ENABLE] = N_("members.bulk.action.enable"),
	[BULK_GRANT] = N_("members.bulk.action.grant"),
	[BULK_REVOKE] = N_("members.bulk.action.revoke"),
	[BULK_EXPIRE] = N_("members.bulk.action.expire"),
};

/* "all_matching=1": the list's filter rather than the ids. */
static const char *const bulk_yes[] = { "1" };

/* The form's own fields; the accounts are bulk_select.c's.  No table
 * message: a refused batch has one message, bulk_refuse_form()'s. */
enum { B_ACTION, B_ROLE, B_SCOPE, B_ALL, B__MAX };
static const struct form_field bulk_fields[B__MAX] = {
	[B_ACTION] = { "action", FORM_CHOICE, 0, 0, 0,
	    FORM_CHOICES(bulk_action_keys), .flags = FORM_QUIET },
	[B_ROLE] = { "role", FORM_CHOICE, 0, 0, 0, FORM_CHOICES(role_keys),
	    .flags = FORM_QUIET },
	[B_SCOPE] = { "scope", FORM_TEXT, 0, 0, 64, .flags = FORM_QUIET },
	[B_ALL] = { "all_matching", FORM_CHOICE, 0, 0, 0,
	    FORM_CHOICES(bulk_yes), .flags = FORM_QUIET },
};

static const char *const bulk_verdict_keys[BULK_VERDICT__MAX] = {
	[BULK_CHANGE] = "change",
	[BULK_SAME] = "same",
	[BULK_REFUSED] = "refused",
};

/* The count of each verdict, as the summary's phrase takes it. */
static const char *const bulk_verdict_vars[BULK_VERDICT__MAX] = {
	[BULK_CHANGE] = "N_CHANGE",
	[BULK_SAME] = "N_SAME",
	[BULK_REFUSED] = "N_REFUSED",
};

/* For qsort(): the batch in id order, the one lock order of every batch
 * (bulk_run.c). */
int
bulk_item_cmp(const void *a, const void *b)
{
	const struct bulk_item	*x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* ---- pages ----------------------------------------------------------- */

/* The action in words: "Disable", "Give the role X for Y". */
static void
bulk_describe(struct tmpl_dict *d, const struct request *req,
    const struct bulk_job *job)
{
	char	 scope[64];

	tmpl_set(d, "ACTION", bulk_action_keys[job->action]);
	tmpl_set(d, "ACTION_LABEL", app_text(req,
	    bulk_action_labels[job->action]));
	if (job->action != BULK_GRANT && job->action != BULK_REVOKE) {
		tmpl_show(d, "NO_ROLE_ACTION");
		return;
	}
	scope_format(&job->scope, scope, sizeof(scope));
	/* For the confirm form's hidden fields. */
	tmpl_set(d, "ROLE_VALUE", role_keys[job->role]);
	tmpl_set(d, "SCOPE_VALUE", scope);
	d = tmpl_section(d, "ROLE_ACTION");
	tmpl_set(d, "ROLE_TITLE", app_text(req, role_title_keys[job->role]));
	tmpl_set(d, "ROLE", role_keys[job->role]);
	tmpl_set(d, "SCOPE", scope);
}

/* IDS: the batch's ids, comma-separated, for a form to post back. */
static enum weft_err
bulk_ids_set(struct tmpl_dict *d, const struct bulk_job *job)
{
	struct buf	 ids;
	enum weft_err	 e;
	size_t		 i;

	buf_init(&ids);
	for (i = 0; i < job->n; i++)
		buf_printf(&ids, "%s%lld", i ? "," : "", job->items[i].id);
	e = buf_failed(&ids) ? WEFT_ERR_NOMEM : WEFT_OK;
	tmpl_set(d, "IDS", e == WEFT_OK && ids.p != NULL ? ids.p : "");
	buf_free(&ids);
	return e;
}

/* Every account with its verdict; ids for the confirm form. */
static enum weft_err
bulk_items_fill(struct tmpl_dict *d, const struct request *req,
    const struct bulk_job *job, int preview)
{
	static const char *const words[2][BULK_VERDICT__MAX] = {
		{ N_("members.bulk.verdict.changed"), N_("members.bulk.verdict.same"),
		    N_("members.bulk.verdict.refused") },
		{ N_("members.bulk.verdict.will"), N_("members.bulk.verdict.same"),
		    N_("members.bulk.verdict.refused") },
	};
	struct tmpl_dict	*row, *s;
	size_t			 i;

	for (i = 0; i < job->n; i++) {
		const struct bulk_item *it = &job->items[i];

		row = tmpl_section(d, "ITEM");
		tmpl_set_int(row, "ID", it->id);
		tmpl_set(row, "VERDICT", bulk_verdict_keys[it->verdict]);
		tmpl_set(row, "VERDICT_TEXT", app_text(req,
		    words[preview != 0][it->verdict]));
		if (it->why != NULL)
			tmpl_set(tmpl_section(row, "WHY"), "TEXT",
			    app_text(req, it->why));
		if (it->known) {
			s = tmpl_section(row, "KNOWN");
			tmpl_set_int(s, "ID", it->id);
			tmpl_set(s, "NAME", it->name);
			tmpl_set(s, "USERNAME", it->username);
			tmpl_set(s, "STATUS", app_text(req,
			    member_status_title_keys[it->status]));
		} else
			tmpl_show(row, "UNKNOWN");
	}
	for (i = 0; i < BULK_VERDICT__MAX; i++)
		tmpl_set_int(d, bulk_verdict_vars[i], (long long)job->count[i]);
	tmpl_set_int(d, "N_TOTAL", (long long)job->n);
	if (job->truncated)
		tmpl_show(d, "TRUNCATED");
	tmpl_set_int(d, "MAX", BULK_MAX);
	return bulk_ids_set(d, job);
}

/* The choose-an-action form again, status 422, with the message on
 * field: nothing was changed.  Keeps the accounts and choices made.
 * Returns -1 once the page is rendered, else the status to answer. */
static int
bulk_refuse_form(struct request *req, const struct bulk_job *job,
    const struct form_value *v, const char *field, const char *key)
{
	struct tmpl_dict	*d;
	size_t			 i;

	if ((d = app_page(req, "members/bulk.tpl",
	    app_text(req, N_("members.bulk.title")))) == NULL ||
	    bulk_ids_set(d, job) != WEFT_OK)
		return 500;
	form_show(bulk_fields, B__MAX, v, app_lang(req), d);
	tmpl_set_int(d, "N_TOTAL", (long long)job->n);
	for (i = 0; i < BULK_EXPIRE; i++)
		form_option(d, "ACTION_OPTION", bulk_action_keys[i],
		    app_text(req, bulk_action_labels[i]),
		    v[B_ACTION].set && v[B_ACTION].choice == i);
	for (i = 0; i < ROLE__MAX; i++)
		form_option(d, "ROLE_OPTION", role_keys[i],
		    app_text(req, role_title_keys[i]),
		    v[B_ROLE].set && v[B_ROLE].choice == i);
	tmpl_set(d, "SCOPE", v[B_SCOPE].str);
	form_error(d, field, app_text(req, key));
	(void)app_render(req, 422);
	return -1;
}

/*
 * Reads the batch from the form: the action (and role and scope), and
 * the accounts (ids, or all matching the list's filter).  Returns 0 to
 * go on, -1 when the 422 form is rendered, else the status to answer.
 */
static int
bulk_read(struct request *req, struct bulk_job *job, int allow_all)
{
	struct form_value	 v[B__MAX];
	struct bulk_filter	 f;
	enum weft_err		 e;
	long long		 n;

	(void)form_read(bulk_fields, B__MAX, &req->form, app_lang(req), NULL,
	    v);
	job->action = v[B_ACTION].set ? (enum bulk_action)v[B_ACTION].choice :
	    BULK__MAX;
	if (bulk_ids_form(req, job) != 0)
		return bulk_refuse_form(req, job, v, "ids",
		    N_("members.bulk.error.ids"));
	if (allow_all && v[B_ALL].set) {
		if (bulk_filter_read(req, &f) != 0)
			return bulk_refuse_form(req, job, v, "ids",
			    N_("members.bulk.error.filter"));
		if ((e = bulk_all_matching(req, job, &f)) != WEFT_OK)
			return app_status_of(e);
	}
	qsort(job->items, job->n, sizeof(job->items[0]), bulk_item_cmp);
	if (job->n == 0)
		return bulk_refuse_form(req, job, v, "ids",
		    N_("members.bulk.error.none"));
	/* Expiry has its own pages and permission (applications.c). */
	if (job->action == BULK__MAX || job->action == BULK_EXPIRE)
		return bulk_refuse_form(req, job, v, "action",
		    N_("members.bulk.error.action"));
	if (job->action != BULK_GRANT && job->action != BULK_REVOKE)
		return 0;
	if (!v[B_ROLE].set)
		return bulk_refuse_form(req, job, v, "role",
		    N_("members.bulk.error.role"));
	job->role = (enum role)v[B_ROLE].choice;
	if (scope_parse(v[B_SCOPE].str, &job->scope) != 0)
		return bulk_refuse_form(req, job, v, "scope",
		    N_("members.bulk.error.scope"));
	if (job->scope.kind == SCOPE_COMMUNITY) {
		if ((e = db_query_int(&n, "SELECT COUNT(*) FROM communities "
		    "WHERE id = ?", "i", job->scope.community)) != WEFT_OK)
			return app_status_of(e);
		if (n == 0)
			return bulk_refuse_form(req, job, v, "scope",
			    N_("members.bulk.error.community"));
	}
	return 0;
}

/* bulk.h */
int
bulk_show(struct request *req, struct bulk_job *job, int apply,
    const char *apply_path, const char *back)
{
	struct tmpl_dict	*d;
	enum weft_err		 e;

	/* A deadlock rolled the whole batch back: run it once more, as
	 * MariaDB advises; the second run sees what the other committed. */
	if ((e = bulk_run(req, job, apply)) == WEFT_ERR_CONFLICT)
		e = bulk_run(req, job, apply);
	if (e != WEFT_OK)
		return e == WEFT_ERR_CONFLICT ? app_error(req, 409, app_text(req,
		    N_("members.bulk.error.conflict"))) : app_status_of(e);
	if (apply)
		log_msg(LOGL_INFO, "bulk %s: %lu changed, %lu unchanged, "
		    "%lu refused", bulk_action_keys[job->action],
		    (unsigned long)job->count[BULK_CHANGE],
		    (unsigned long)job->count[BULK_SAME],
		    (unsigned long)job->count[BULK_REFUSED]);
	if ((d = app_page(req, apply ? "members/bulk_result.tpl" :
	    "members/bulk_preview.tpl", app_text(req, apply ?
	    N_("members.bulk.result_title") : N_("members.bulk.preview_title")))) ==
	    NULL)
		return 500;
	bulk_describe(d, req, job);
	tmpl_set(d, "APPLY_PATH", apply_path);
	tmpl_set(d, "BACK", back);
	if (job->action == BULK_EXPIRE) {
		tmpl_set_int(d, "DAYS", job->days);
		tmpl_show(d, "EXPIRE");
	}
	if (bulk_items_fill(d, req, job, !apply) != WEFT_OK)
		return 500;
	if (!apply)
		tmpl_show(d, job->count[BULK_CHANGE] > 0 ? "CONFIRM" :
		    "NOTHING");
	return app_render(req, 200);
}

/*
 * POST /members/bulk (preview) and POST /members/bulk/apply: the same
 * reading, the same bulk_run(); only commit and the page differ.
 */
static int
bulk_handle(struct request *req, int apply)
{
	struct bulk_job		 job;
	int			 st;

	memset(&job, 0, sizeof(job));
	if ((job.items = calloc(BULK_MAX, sizeof(job.items[0]))) == NULL)
		return 500;
	if ((st = bulk_read(req, &job, !apply)) == 0)
		st = bulk_show(req, &job, apply, "/members/bulk/apply",
		    "/members");
	else if (st == -1)
		st = 0;
	free(job.items);
	return st;
}

int
members_bulk_preview(struct request *req)
{
	return bulk_handle(req, 0);
}

int
members_bulk_apply(struct request *req)
{
	return bulk_handle(req, 1);
}

