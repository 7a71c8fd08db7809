/*
 * The "+" menu's "Add a special page" (GET /site/pages/new): the special
 * pages are a fixed set (special_defs[]), so adding one is writing one of
 * them in a language members may choose.  The form asks which, and sends
 * the reader (GET, nothing written here) to that page's editor,
 * /site/pages/:page/:lang, where saving is audited as any version is.
 * A page or a language that is not one of those offered comes back with
 * a message beside its select (400).
 */
#include <stdio.h>
#include <string.h>

#include "form.h"
#include "i18n.h"
#include "site.h"
#include "special.h"
#include "util.h"
#include "valid.h"

enum { W_PAGE, W_LANG, W__MAX };
static const struct form_field page_new_fields[W__MAX] = {
	[W_PAGE] = { "page", FORM_TEXT, 1, 1, 16, .flags = FORM_QUIET },
	[W_LANG] = { "lang", FORM_TEXT, 1, 1, 35, .flags = FORM_QUIET },
};

/* The form, page and lang chosen ("" for none). */
static struct tmpl_dict *
page_new_form(struct request *req, const char *page, const char *lang)
{
	struct tmpl_dict	*d;
	size_t			 i;

	if ((d = app_page(req, "site/page_new.tpl",
	    app_text(req, N_("site.pages.new.title")))) == NULL)
		return NULL;
	for (i = 0; i < SPECIAL__MAX; i++)
		form_option(d, "PAGE_OPTION", special_defs[i].key,
		    app_text(req, special_defs[i].title),
		    strcmp(page, special_defs[i].key) == 0);
	form_lang_options(d, lang[0] != '\0' ? lang : app_lang(req), "");
	return d;
}

/* GET /site/pages/new[?page=&lang=] */
int
site_page_new(struct request *req)
{
	struct form_value	 v[W__MAX];
	struct tmpl_dict	*d;
	enum special_page	 p;
	char			 path[64];
	int			 st, bad = 0;

	if ((st = site_guard(req)) != 0)
		return st;
	form_read(page_new_fields, W__MAX, &req->query, app_lang(req), NULL,
	    v);
	if (!v[W_PAGE].sent && !v[W_LANG].sent) {
		if (page_new_form(req, "", "") == NULL)
			return 500;
		return app_render(req, 200);
	}
	if ((d = page_new_form(req, v[W_PAGE].str, v[W_LANG].str)) == NULL)
		return 500;
	if (special_find(v[W_PAGE].str, &p) != 0 && ++bad)
		form_error(d, "page", app_text(req,
		    valid_err_keys[VALID_RANGE]));
	if (!i18n_lang_offered(v[W_LANG].str) && ++bad)
		form_error(d, "lang", app_text(req,
		    valid_err_keys[VALID_RANGE]));
	if (bad > 0)
		return app_render(req, 400);
	snprintf(path, sizeof(path), "/site/pages/%s/%s",
	    special_defs[p].key, v[W_LANG].str);
	return app_redirect(req, path, NULL);
}
