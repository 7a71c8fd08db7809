/*
 * Importing a PO file (po_pages.c says how it goes): GET shows the form,
 * POST reads the file and either previews what it would change (the
 * import run and rolled back) or, with confirm, saves it.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "po.h"
#include "translations.h"
#include "util.h"

enum { I_PO, I_CONFIRM, I__MAX };
static const struct form_field tr_import_fields[I__MAX] = {
	[I_PO] = { "po", FORM_MULTILINE, 1, 1, APP_BODY_LARGE_MAX },
	[I_CONFIRM] = { "confirm", FORM_BOOL, 0, 0, 0 },
};

/* What an import did, entry by entry. */
struct tr_import_sum {
	long	 changed, unchanged, untranslated;
};

static struct tmpl_dict *
tr_import_page(struct request *req, const struct i18n_lang *l)
{
	struct tmpl_dict	*d;

	if ((d = app_page(req, "translations/import.tpl", l->name)) != NULL) {
		tmpl_set(d, "TAG", l->tag);
		tmpl_set(d, "NAME", l->name);
	}
	return d;
}

int
tr_import_form(struct request *req)
{
	const struct i18n_lang	*l;
	int			 st;

	if ((st = tr_lang_target(req, 0, &l)) != 0)
		return st;
	return tr_import_page(req, l) != NULL ? app_render(req, 200) : 500;
}

/* An entry left out, and why, on the page. */
static void
tr_left_out(struct tmpl_dict *d, const struct po_entry *e, const char *why)
{
	struct tmpl_dict	*s = tmpl_section(d, "LEFT_OUT");

	tmpl_show(d, "HAS_LEFT_OUT");
	tmpl_set_int(s, "LINE", e->line);
	tmpl_set(s, "KEY", e->ctxt != NULL ? e->ctxt : "");
	tmpl_set(s, "WHY", why);
}

/* Are forms the texts p has now? */
static int
tr_same_forms(const struct tr_phrase *p, char *const *forms)
{
	int	 i;

	for (i = 0; i < p->nforms; i++)
		if (strcmp(forms[i] != NULL ? forms[i] : "",
		    p->text[i] != NULL ? p->text[i] : "") != 0)
			return 0;
	return 1;
}

/* One entry against its phrase: stored (in the open transaction). */
static enum weft_err
tr_import_entry(struct request *req, struct tmpl_dict *d,
    const struct i18n_lang *l, const struct po_entry *e,
    struct tr_import_sum *sum)
{
	struct tr_phrase	 p;
	struct tmpl_dict	*s;
	char			*forms[PLURAL_FORMS_MAX] = { NULL }, msg[256];
	int			 i, any = 0, changed, current;
	enum weft_err		 err;

	if (e->ctxt == NULL || (err = tr_phrase_load_key(e->ctxt, l, &p)) ==
	    WEFT_ERR_NOTFOUND) {
		tr_left_out(d, e, app_text(req, N_("translations.import.unknown")));
		return WEFT_OK;
	}
	if (err != WEFT_OK)
		return err;
	for (i = 0; i < p.nforms && i < e->nstr; i++)
		any |= (forms[i] = e->str[i])[0] != '\0';
	if ((e->id_plural == NULL) != (p.english_plural == NULL) ||
	    (p.english_plural != NULL && e->nstr != p.nforms))
		tr_left_out(d, e, app_text(req, N_("translations.import.forms")));
	else if (!any)
		sum->untranslated++;
	else if (tr_check(&p, forms, app_lang(req), msg, sizeof(msg)) == -1)
		tr_left_out(d, e, msg);
	else if (e->fuzzy && tr_same_forms(&p, forms))
		sum->unchanged++;	/* still to review, as it was */
	else {
		current = strcmp(e->id, p.english) == 0 &&
		    (p.english_plural == NULL ||
		    strcmp(e->id_plural, p.english_plural) == 0);
		if ((err = tr_store(req, &p, l->tag, forms, current ? NULL :
		    e->id, current ? NULL : e->id_plural, e->fuzzy, &changed)) ==
		    WEFT_OK && changed) {
			tmpl_show(d, "HAS_CHANGES");
			s = tmpl_section(d, "CHANGE");
			tmpl_set(s, "KEY", p.key);
			tmpl_set(s, "BEFORE", p.text[0]);
			tmpl_set(s, "AFTER", forms[0]);
		}
		changed ? sum->changed++ : sum->unchanged++;
	}
	tr_phrase_free(&p);
	return err;
}

/* The whole file, in one transaction: committed, or rolled back for a
 * preview. */
static enum weft_err
tr_import_run(struct request *req, struct tmpl_dict *d,
    const struct i18n_lang *l, const struct po_file *f, int confirm,
    struct tr_import_sum *sum)
{
	size_t		 i;
	enum weft_err	 e;

	memset(sum, 0, sizeof(*sum));
	if ((e = db_begin()) != WEFT_OK)
		return e;
	for (i = 0; e == WEFT_OK && i < f->n; i++)
		e = tr_import_entry(req, d, l, &f->e[i], sum);
	if (e == WEFT_OK && confirm && sum->changed > 0)
		e = tr_generation_bump();
	if (e == WEFT_OK && confirm)
		return db_commit();
	db_rollback();
	return e;
}

int
tr_import(struct request *req)
{
	const struct i18n_lang	*l;
	struct form_value	 v[I__MAX];
	struct tr_import_sum	 sum;
	struct po_file		 f;
	struct tmpl_dict	*d;
	char			 err[256], back[64];
	int			 st;
	enum weft_err		 e;

	if ((st = tr_lang_target(req, 0, &l)) != 0)
		return st;
	if ((d = tr_import_page(req, l)) == NULL)
		return 500;
	if (form_read(tr_import_fields, I__MAX, &req->form, app_lang(req), d,
	    v) > 0)
		return app_render(req, 422);
	if (po_read(v[I_PO].str, &f, err, sizeof(err)) == -1) {
		form_error(d, "po", err);
		return app_render(req, 422);
	}
	if ((f.lang[0] != '\0' && strcmp(f.lang, l->tag) != 0) ||
	    (f.nplurals != 0 && f.nplurals != l->nplurals)) {
		po_free(&f);
		form_error(d, "po", app_text(req,
		    N_("translations.import.other_language")));
		return app_render(req, 422);
	}
	e = tr_import_run(req, d, l, &f, v[I_CONFIRM].on, &sum);
	po_free(&f);
	if (e != WEFT_OK)
		return app_status_of(e);
	if (v[I_CONFIRM].on) {
		snprintf(back, sizeof(back), "/translations/%s", l->tag);
		return app_redirect(req, back, N_("translations.flash.imported"));
	}
	tmpl_show(d, "PREVIEW");
	tmpl_set_int(d, "CHANGED", sum.changed);
	tmpl_set_int(d, "UNCHANGED", sum.unchanged);
	tmpl_set_int(d, "UNTRANSLATED", sum.untranslated);
	if (sum.changed > 0)
		tmpl_show(d, "CONFIRM");
	return app_render(req, 200);
}
