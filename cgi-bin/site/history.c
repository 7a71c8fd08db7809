/*
 * A setting's versions (GET /site/settings/:name) and putting one back
 * (POST /site/settings/:name/restore).  The versions are the setting's
 * audit rows (setting.set, setting.restore: settings_set_as() writes one
 * with every change), newest first, each with who and when; the default
 * is always one more.  Restoring is a change like any other, through the
 * registry, audited as setting.restore.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "i18n_conv.h"
#include "site.h"
#include "util.h"

/* The versions shown: LIMIT 50 below. */

static const char site_sql_versions[] =
    "SELECT a.id, DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s'), a.action,"
    " COALESCE(r.name, ''),"
    " JSON_VALUE(a.after_json, '$.value')"
    " FROM audit_log a LEFT JOIN members r ON r.id = a.actor_id"
    " WHERE a.action IN ('setting.set', 'setting.restore')"
    " AND a.object_type = 'setting'"
    " AND JSON_VALUE(a.after_json, '$.name') = ?"
    " ORDER BY a.id DESC LIMIT 50";

/* The setting of path parameter 0: 0, or 404. */
static int
site_setting_of(const struct request *req, enum setting *id)
{
	/* One changed on a page of its own has its history there. */
	return settings_find(req->params[0], id) == 0 &&
	    settings_defs[*id].elsewhere == NULL ? 0 : 404;
}

/* One version's row (VERSION): when, who, the value, and a restore form
 * unless it is the value in force. */
static void
site_version(struct request *req, struct tmpl_dict *d, enum setting id,
    long long audit, const char *at, const char *who, const char *value,
    int restored)
{
	struct tmpl_dict	*s = tmpl_section(d, "VERSION");
	char			 shown[SETTINGS_VALUE_MAX];
	const char		*now = settings_str(id);

	site_value_show(app_lang(req), id, value, shown, sizeof(shown));
	tmpl_set(s, "VALUE", shown);
	if (at != NULL) {
		i18n_set_date(s, "AT", app_lang(req), at);
		tmpl_set(s, "WHO", who);
	} else
		tmpl_show(s, "DEFAULT");
	if (restored)
		tmpl_show(s, "RESTORED");
	if (strcmp(value != NULL ? value : settings_defs[id].dflt, now) == 0)
		tmpl_show(s, "CURRENT");
	else {
		s = tmpl_section(s, "RESTORE");
		tmpl_set(s, "NAME", settings_defs[id].name);
		tmpl_set_int(s, "ID", audit);
		tmpl_set(s, "CSRF", req->actor.csrf);
	}
}

/* GET /site/settings/:name */
int
site_setting_history(struct request *req)
{
	struct tmpl_dict	*d;
	struct db_rows		*r;
	enum setting		 id;
	enum weft_err		 e;
	int			 st;

	if ((st = site_guard(req)) != 0 || (st = site_setting_of(req, &id)))
		return st;
	if ((d = app_page(req, "site/history.tpl",
	    app_text(req, N_("site.history.title")))) == NULL)
		return 500;
	tmpl_set(d, "NAME", settings_defs[id].name);
	tmpl_set(d, "LABEL", settings_defs[id].label != NULL ?
	    app_text(req, settings_defs[id].label) : settings_defs[id].name);
	if ((e = db_query(&r, site_sql_versions, "s", settings_defs[id].name))
	    != WEFT_OK)
		return app_status_of(e);
	while (db_next(r))
		site_version(req, d, id, db_int(r, 0), db_str(r, 1),
		    db_str(r, 3), db_null(r, 4) ? NULL : db_str(r, 4),
		    strcmp(db_str(r, 2), "setting.restore") == 0);
	db_rows_free(r);
	site_version(req, d, id, 0, NULL, NULL, NULL, 0);
	return app_render(req, 200);
}

enum { V_VERSION, V__MAX };
static const struct form_field site_restore_fields[V__MAX] = {
	[V_VERSION] = { "version", FORM_INT, 1, 0, 9007199254740991LL },
};

/* The value of version audit of setting name, into out (*dflt: it was
 * the default): 0, or 404 when it is none of its versions. */
static int
site_version_value(const char *name, long long audit, char *out, size_t len,
    int *dflt)
{
	struct db_rows	*r;
	enum weft_err	 e;
	int		 st = 404;

	*dflt = 0;
	if (audit == 0) {
		*dflt = 1;
		return 0;
	}
	if ((e = db_query(&r, "SELECT JSON_VALUE(after_json, '$.value')"
	    " FROM audit_log WHERE id = ? AND object_type = 'setting'"
	    " AND action IN ('setting.set', 'setting.restore')"
	    " AND JSON_VALUE(after_json, '$.name') = ?", "is", audit, name)) !=
	    WEFT_OK)
		return app_status_of(e);
	if (db_next(r)) {
		st = 0;
		if (db_null(r, 0))
			*dflt = 1;
		else
			util_copy(out, len, db_str(r, 0));
	}
	db_rows_free(r);
	return st;
}

/* POST /site/settings/:name/restore (version: the audit row's id, 0 for
 * the default) */
int
site_setting_restore(struct request *req)
{
	struct form_value	 v[V__MAX];
	char			 value[SETTINGS_VALUE_MAX], path[128];
	enum setting		 id;
	enum valid_err		 why;
	enum weft_err		 e;
	int			 st, dflt;

	if ((st = site_guard(req)) != 0 || (st = site_setting_of(req, &id)))
		return st;
	if (form_read(site_restore_fields, V__MAX, &req->form, app_lang(req),
	    NULL, v) > 0)
		return 400;
	if ((st = site_version_value(settings_defs[id].name, v[V_VERSION].n,
	    value, sizeof(value), &dflt)) != 0)
		return st;
	if (dflt)
		util_copy(value, sizeof(value), settings_defs[id].dflt);
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	if ((e = settings_set_as(&req->actor, "setting.restore", id, value,
	    &why)) != WEFT_OK || (e = db_commit()) != WEFT_OK) {
		db_rollback();
		if (e == WEFT_ERR_INVALID)
			return app_error(req, 409, app_text(req,
			    N_("site.history.error.invalid")));
		return app_status_of(e);
	}
	snprintf(path, sizeof(path), "/site/settings/%s",
	    settings_defs[id].name);
	return app_redirect(req, path, N_("site.history.flash.restored"));
}
