/*
 * Applications waiting too long (issue 17; docs/site.md "Applications to
 * the end"), for whoever may approve them (member.approve), on the
 * applications in their scope:
 *
 *   GET  /members/applications               the late ones (older than
 *        the setting application_waiting_days) and the expiry form
 *   POST /members/applications/expire        the preview: every
 *        application older than the days given, with its verdict
 *   POST /members/applications/expire/apply  the confirmation: the ids
 *        the preview listed, each expired in one transaction
 *
 * The expiry is an action of the bulk machinery (bulk.h, BULK_EXPIRE):
 * the same preview that is the batch rolled back, the same per-account
 * authorization (rules 2 and 9) and audit row (member.expire).
 */
#include <stdlib.h>
#include <string.h>

#include "bulk.h"
#include "db.h"
#include "form.h"
#include "i18n_conv.h"
#include "members.h"
#include "settings.h"

#define APPS_LIST_MAX	200	/* late applications on the page */

enum { AX_DAYS, AX__MAX };
static const struct form_field apps_expire_fields[AX__MAX] = {
	[AX_DAYS] = { .name = "days", .kind = FORM_INT, .required = 1,
	    .min = 1, .max = 3650 },
};

/* The late applications of community c (0: every one, a site grant) as
 * APP rows of d; *n counts them. */
static enum weft_err
apps_late(struct tmpl_dict *d, long long c, long long days, size_t *n)
{
	struct tmpl_dict	*t;
	struct db_rows		*r;
	enum weft_err		 e;

	if ((e = db_query(&r, "SELECT m.id, m.name, m.username,"
	    " DATE_FORMAT(m.joined_at, '%Y-%m-%d %H:%i:%s'),"
	    " DATEDIFF(UTC_TIMESTAMP(), m.joined_at) FROM members m WHERE m.status = 'applying' AND m.joined_at < UTC_TIMESTAMP() -"
	    " INTERVAL ? DAY AND (? = 0 OR m.community_id = ?)"
	    " ORDER BY m.joined_at, m.id LIMIT 200", "iii", days, c, c)) !=
	    WEFT_OK)
		return e;
	while (db_next(r) && *n < APPS_LIST_MAX) {
		t = tmpl_section(d, "APP");
		tmpl_set_int(t, "ID", db_int(r, 0));
		tmpl_set(t, "NAME", db_str(r, 1));
		tmpl_set(t, "USERNAME", db_str(r, 2));
		i18n_set_date(t, "JOINED", tmpl_page_lang(d), db_str(r, 3));
		tmpl_set_int(t, "DAYS", db_int(r, 4));
		(*n)++;
	}
	db_rows_free(r);
	return WEFT_OK;
}

/*
 * The page, status st: the late applications in the actor's
 * member.approve scope (a community coordinator's, community by
 * community), and the expiry form, filled from v when it is sent again.
 */
static int
apps_page(struct request *req, int st, const struct form_value *v)
{
	long long		 ids[ROLE_GRANTS_MAX];
	struct tmpl_dict	*d;
	long long		 days;
	enum weft_err		 e = WEFT_OK;
	size_t			 i, k, n = 0;
	int			 site;

	if ((d = app_page(req, "members/applications.tpl",
	    app_text(req, N_("members.applications.title")))) == NULL)
		return 500;
	days = settings_int(SETTING_APPLICATION_WAITING_DAYS);
	tmpl_set_int(d, "WAITING_DAYS", days);
	k = role_communities(&req->actor.grants, PERM_MEMBER_APPROVE, &site,
	    ids, NELEM(ids));
	if (site)
		e = apps_late(d, 0, days, &n);
	for (i = 0; !site && i < k && e == WEFT_OK; i++)
		e = apps_late(d, ids[i], days, &n);
	if (e != WEFT_OK)
		return app_status_of(e);
	if (n == 0)
		tmpl_show(d, "NONE");
	tmpl_set_int(d, "N_LATE", (long long)n);
	if (v != NULL)
		form_show(apps_expire_fields, AX__MAX, v, app_lang(req), d);
	else
		tmpl_set_int(d, "DAYS", settings_int(
		    SETTING_APPLICATION_EXPIRE_DAYS));
	return app_render(req, st);
}

int
members_applications(struct request *req)
{
	return apps_page(req, 200, NULL);
}

/*
 * The batch of an expiry: the days of the form, and the accounts, every
 * application in scope older than that (preview) or the ids the preview
 * listed (apply).  Returns 0 to go on, -1 when a refusal is rendered
 * (the page again, 422), else the status to answer.
 */
static int
apps_expire_read(struct request *req, struct bulk_job *job, int apply)
{
	struct form_value	 v[AX__MAX];
	struct bulk_filter	 f;
	enum weft_err		 e;
	int			 st;

	job->action = BULK_EXPIRE;
	if (form_read(apps_expire_fields, AX__MAX, &req->form, app_lang(req),
	    NULL, v) > 0) {
		st = apps_page(req, 422, v);
		return st == 0 ? -1 : st;
	}
	job->days = v[AX_DAYS].n;
	if (apply) {
		if (bulk_ids_form(req, job) != 0 || job->n == 0) {
			st = app_error(req, 422, app_text(req,
			    N_("members.bulk.error.none")));
			return st == 0 ? -1 : st;
		}
		return 0;
	}
	memset(&f, 0, sizeof(f));
	f.status = member_status_keys[MEMBER_APPLYING];
	f.role = "";
	f.org = f.optout = -1;
	f.older_days = job->days;
	if ((e = bulk_all_matching(req, job, &f)) != WEFT_OK)
		return app_status_of(e);
	return 0;
}

static int
apps_expire(struct request *req, int apply)
{
	struct bulk_job		 job;
	int			 st;

	memset(&job, 0, sizeof(job));
	if ((job.items = calloc(BULK_MAX, sizeof(job.items[0]))) == NULL)
		return 500;
	if ((st = apps_expire_read(req, &job, apply)) == 0) {
		qsort(job.items, job.n, sizeof(job.items[0]), bulk_item_cmp);
		st = bulk_show(req, &job, apply,
		    "/members/applications/expire/apply",
		    "/members/applications");
	} else if (st == -1)
		st = 0;
	free(job.items);
	return st;
}

int
members_expire_preview(struct request *req)
{
	return apps_expire(req, 0);
}

int
members_expire_apply(struct request *req)
{
	return apps_expire(req, 1);
}
