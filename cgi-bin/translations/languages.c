/*
 * The timebank's languages (site.config, site scope only): the list,
 * adding one, and changing one (its name, direction, plural rule, number
 * and date conventions, whether members may choose it).  English is the
 * source: listed, never changed here.  Every change is audited and raises
 * the catalogue generation, so that every worker offers the languages as
 * they are now on its next page.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "translations.h"
#include "util.h"

static const char *const tr_dirs[] = { "ltr", "rtl" };
static const char *const tr_decimals[] = { ".", "," };
static const char *const tr_orders[] = { "ymd", "dmy", "mdy" };

enum { L_TAG, L_NAME, L_DIR, L_PLURAL, L_DECIMAL, L_ORDER, L_ENABLED,
    L__MAX };
static const struct form_field tr_lang_fields[L__MAX] = {
	[L_TAG] = { "tag", FORM_LANG, 1, 0, 0 },
	[L_NAME] = { "name", FORM_TEXT, 1, 1, 64 },
	[L_DIR] = { "dir", FORM_CHOICE, 1, 0, 0, FORM_CHOICES(tr_dirs) },
	[L_PLURAL] = { "plural", FORM_TEXT, 1, 1, 255 },
	[L_DECIMAL] = { "decimal", FORM_CHOICE, 1, 0, 0,
	    FORM_CHOICES(tr_decimals) },
	[L_ORDER] = { "date_order", FORM_CHOICE, 1, 0, 0,
	    FORM_CHOICES(tr_orders) },
	[L_ENABLED] = { "enabled", FORM_BOOL, 0, 0, 0 },
};

static const struct scope tr_site = { SCOPE_SITE, 0, "" };

static const char tr_sql_langs[] =
    "SELECT tag, name, dir, plural_forms, decimal_sep, date_order, enabled"
    " FROM languages ORDER BY tag <> 'en', position, tag";

static void
tr_choices(struct tmpl_dict *s, const char *section,
    const char *const *keys, size_t n, const char *selected)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		form_option(s, section, keys[i], keys[i],
		    strcmp(keys[i], selected) == 0);
}

/* One language's row: its values, and its form unless it is English. */
static void
tr_lang_row(struct tmpl_dict *d, const struct db_rows *r)
{
	struct tmpl_dict	*s = tmpl_section(d, "LANGUAGE");

	tmpl_set(s, "TAG", db_str(r, 0));
	tmpl_set(s, "NAME", db_str(r, 1));
	tmpl_set(s, "PLURAL", db_str(r, 3));
	tmpl_set(s, "DIR", db_str(r, 2));
	tmpl_set(s, "DECIMAL", db_str(r, 4));
	tmpl_set(s, "DATE_ORDER", db_str(r, 5));
	if (strcmp(db_str(r, 0), "en") == 0) {
		tmpl_show(s, "SOURCE");
		return;
	}
	s = tmpl_section(s, "EDIT");
	tmpl_set(s, "TAG", db_str(r, 0));
	tmpl_set(s, "NAME", db_str(r, 1));
	tmpl_set(s, "PLURAL", db_str(r, 3));
	tr_choices(s, "DIR_OPTION", tr_dirs, NELEM(tr_dirs), db_str(r, 2));
	tr_choices(s, "DECIMAL_OPTION", tr_decimals, NELEM(tr_decimals),
	    db_str(r, 4));
	tr_choices(s, "ORDER_OPTION", tr_orders, NELEM(tr_orders),
	    db_str(r, 5));
	if (db_int(r, 6))
		tmpl_show(s, "ENABLED_CHECKED");
}

static int
tr_languages_render(struct request *req, struct tmpl_dict *d, int status)
{
	struct db_rows	*r;
	enum weft_err	 e;

	if ((e = db_query(&r, tr_sql_langs, "")) != WEFT_OK)
		return app_status_of(e);
	while (db_next(r))
		tr_lang_row(d, r);
	db_rows_free(r);
	return app_render(req, status);
}

static struct tmpl_dict *
tr_languages_page(struct request *req)
{
	return app_page(req, "translations/languages.tpl",
	    app_text(req, N_("translations.languages.title")));
}

/* GET /translations/languages */
int
tr_languages(struct request *req)
{
	struct tmpl_dict	*d;

	if (!role_allows(&req->actor.grants, PERM_SITE_CONFIG, &tr_site))
		return 403;
	if ((d = tr_languages_page(req)) == NULL)
		return 500;
	tmpl_set(d, "PLURAL", "nplurals=2; plural=(n != 1);");
	tr_choices(d, "DIR_OPTION", tr_dirs, NELEM(tr_dirs), "ltr");
	tr_choices(d, "DECIMAL_OPTION", tr_decimals, NELEM(tr_decimals), ".");
	tr_choices(d, "ORDER_OPTION", tr_orders, NELEM(tr_orders), "ymd");
	return tr_languages_render(req, d, 200);
}

/* The form's values as JSON, for the audit. */
static void
tr_lang_json(struct buf *b, const struct form_value *v, int nplurals)
{
	buf_puts(b, "{\"tag\":");
	buf_json_str(b, v[L_TAG].str);
	buf_puts(b, ",\"name\":");
	buf_json_str(b, v[L_NAME].str);
	buf_printf(b, ",\"dir\":\"%s\",\"plural\":", tr_dirs[v[L_DIR].choice]);
	buf_json_str(b, v[L_PLURAL].str);
	buf_printf(b, ",\"nplurals\":%d,\"decimal\":\"%s\",\"date_order\":"
	    "\"%s\",\"enabled\":%s}", nplurals,
	    tr_decimals[v[L_DECIMAL].choice], tr_orders[v[L_ORDER].choice],
	    v[L_ENABLED].on ? "true" : "false");
}

/*
 * The form read, the plural rule checked; on refusal the page is
 * re-rendered (*status) with the input kept.  The number of forms, or
 * -1.
 */
static int
tr_lang_read(struct request *req, struct tmpl_dict *d, struct form_value *v)
{
	int	 n;

	if (form_read(tr_lang_fields, L__MAX, &req->form, app_lang(req), d,
	    v) > 0)
		return -1;
	if ((n = plural_check(v[L_PLURAL].str)) < 1) {
		form_error(d, "plural", app_text(req,
		    N_("translations.languages.error.plural")));
		return -1;
	}
	return n;
}

static const char tr_sql_add[] =
    "INSERT INTO languages (tag, name, dir, plural_forms, nplurals,"
    " decimal_sep, date_order, enabled, position)"
    " SELECT ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(MAX(position), 0) + 1"
    " FROM languages";

/* POST /translations/languages */
int
tr_language_add(struct request *req)
{
	struct form_value	 v[L__MAX];
	struct tmpl_dict	*d;
	struct buf		 after;
	int			 n;
	enum weft_err		 e;

	if (!role_allows(&req->actor.grants, PERM_SITE_CONFIG, &tr_site))
		return 403;
	if ((d = tr_languages_page(req)) == NULL)
		return 500;
	if ((n = tr_lang_read(req, d, v)) < 0)
		goto refused;
	buf_init(&after);
	tr_lang_json(&after, v, n);
	if ((e = db_begin()) != WEFT_OK ||
	    (e = db_exec(tr_sql_add, "ssssissi", v[L_TAG].str, v[L_NAME].str,
	    tr_dirs[v[L_DIR].choice], v[L_PLURAL].str, (long long)n,
	    tr_decimals[v[L_DECIMAL].choice], tr_orders[v[L_ORDER].choice],
	    (long long)v[L_ENABLED].on)) != WEFT_OK ||
	    (e = audit_write(&req->actor, "language.add", "language", 0, 0,
	    NULL, after.p)) != WEFT_OK || (e = tr_generation_bump()) !=
	    WEFT_OK || (e = db_commit()) != WEFT_OK) {
		db_rollback();
		buf_free(&after);
		if (e != WEFT_ERR_DUPLICATE)
			return app_status_of(e);
		form_error(d, "tag", app_text(req,
		    N_("translations.languages.error.exists")));
		goto refused;
	}
	buf_free(&after);
	i18n_forget();
	return app_redirect(req, "/translations/languages",
	    N_("translations.languages.flash.added"));
refused:
	tr_choices(d, "DIR_OPTION", tr_dirs, NELEM(tr_dirs), v[L_DIR].str);
	tr_choices(d, "DECIMAL_OPTION", tr_decimals, NELEM(tr_decimals),
	    v[L_DECIMAL].str);
	tr_choices(d, "ORDER_OPTION", tr_orders, NELEM(tr_orders),
	    v[L_ORDER].str);
	return tr_languages_render(req, d, 422);
}

static const char tr_sql_save[] =
    "UPDATE languages SET name = ?, dir = ?, plural_forms = ?, nplurals = ?,"
    " decimal_sep = ?, date_order = ?, enabled = ? WHERE tag = ?";

/* POST /translations/languages/:lang (the tag field is the path's) */
int
tr_language_save(struct request *req)
{
	struct form_value	 v[L__MAX];
	struct tmpl_dict	*d;
	struct buf		 after;
	const char		*tag = req->params[0];
	int			 n;
	enum weft_err		 e;

	if (!role_allows(&req->actor.grants, PERM_SITE_CONFIG, &tr_site))
		return 403;
	if (strcmp(tag, "en") == 0 || strcmp(i18n_lang(tag)->tag, tag) != 0)
		return 404;
	if ((d = tr_languages_page(req)) == NULL)
		return 500;
	if ((n = tr_lang_read(req, d, v)) < 0 || strcmp(v[L_TAG].str, tag))
		return tr_languages_render(req, d, 422);
	buf_init(&after);
	tr_lang_json(&after, v, n);
	if ((e = db_begin()) != WEFT_OK ||
	    (e = db_exec(tr_sql_save, "sssissis", v[L_NAME].str,
	    tr_dirs[v[L_DIR].choice], v[L_PLURAL].str, (long long)n,
	    tr_decimals[v[L_DECIMAL].choice], tr_orders[v[L_ORDER].choice],
	    (long long)v[L_ENABLED].on, tag)) != WEFT_OK ||
	    (e = audit_write(&req->actor, "language.edit", "language", 0, 0,
	    NULL, after.p)) != WEFT_OK || (e = tr_generation_bump()) !=
	    WEFT_OK || (e = db_commit()) != WEFT_OK) {
		db_rollback();
		buf_free(&after);
		return app_status_of(e);
	}
	buf_free(&after);
	i18n_forget();
	return app_redirect(req, "/translations/languages",
	    N_("translations.languages.flash.saved"));
}
