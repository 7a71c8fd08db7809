/*
 * One phrase in one language (GET and POST
 * /translations/:lang/phrases/:id): the English with its note and where
 * it is used, for a stale translation the English it was made from with
 * the changed words marked, and a text per plural form the language
 * needs.  Saving refuses a form whose placeholders are not the English's
 * (naming the missing or extra one) and keeps the input; empty forms
 * remove the translation.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "translations.h"
#include "util.h"

enum { E_F0, E_F1, E_F2, E_F3, E_F4, E_F5, E_FUZZY, E__MAX };
static const struct form_field tr_edit_fields[E__MAX] = {
	[E_F0] = { "form0", FORM_MULTILINE, 0, 0, TR_TEXT_MAX },
	[E_F1] = { "form1", FORM_MULTILINE, 0, 0, TR_TEXT_MAX },
	[E_F2] = { "form2", FORM_MULTILINE, 0, 0, TR_TEXT_MAX },
	[E_F3] = { "form3", FORM_MULTILINE, 0, 0, TR_TEXT_MAX },
	[E_F4] = { "form4", FORM_MULTILINE, 0, 0, TR_TEXT_MAX },
	[E_F5] = { "form5", FORM_MULTILINE, 0, 0, TR_TEXT_MAX },
	[E_FUZZY] = { "fuzzy", FORM_BOOL, 0, 0, 0 },
};

/* The smallest n whose form is f, for the form's label ("n = 2"). */
static long long
tr_example(const struct i18n_lang *l, int f)
{
	long long	 n;

	for (n = 0; n < 1000; n++)
		if (plural_index(l->plural, n) == f)
			return n;
	return -1;
}

/* The page of p in l; texts: what the form shows (NULL: p's own). */
static struct tmpl_dict *
tr_edit_page(struct request *req, const struct i18n_lang *l,
    const struct tr_phrase *p, char *const *texts)
{
	struct tmpl_dict	*d, *s;
	char			 name[16];
	int			 i, stale = 0;

	if ((d = app_page(req, "translations/phrase.tpl",
	    app_text(req, N_("translations.phrase.title")))) == NULL)
		return NULL;
	tmpl_set(d, "TAG", l->tag);
	tmpl_set(d, "LANG_NAME", l->name);
	tmpl_set_int(d, "ID", p->id);
	tmpl_set(d, "KEY", p->key);
	tmpl_set(d, "AREA", p->area);
	tmpl_set(d, "NOTE", p->note);
	tmpl_set(d, "USED_IN", p->used_in);
	tmpl_set(d, "ENGLISH", p->english);
	if (p->english_plural != NULL) {
		s = tmpl_section(d, "PLURAL");
		tmpl_set(s, "ONE", p->english);
		tmpl_set(s, "OTHER", p->english_plural);
	} else
		tmpl_show(d, "SINGULAR");
	if (p->placeholders[0] != '\0')
		tmpl_set(tmpl_section(d, "PLACEHOLDERS"), "LIST",
		    p->placeholders);
	for (i = 0; i < p->nforms; i++) {
		s = tmpl_section(d, "FORM");
		snprintf(name, sizeof(name), "form%d", i);
		tmpl_set(s, "FIELD", name);
		tmpl_set_int(s, "INDEX", i);
		if (p->english_plural != NULL)
			tmpl_set_int(tmpl_section(s, "EXAMPLE"), "N",
			    tr_example(l, i));
		else
			tmpl_show(s, "ONE_FORM");
		tmpl_set(s, "TEXT", texts != NULL ? texts[i] : p->text[i]);
		if (l->rtl)
			tmpl_show(s, "RTL");
		stale |= p->stale[i] && p->text[i] != NULL;
	}
	if (stale && p->from[0] != NULL && strcmp(p->from[0], p->english)) {
		s = tmpl_section(d, "STALE");
		tmpl_set(s, "FROM", p->from[0]);
		tr_diff(s, p->from[0], p->english);
	}
	if (p->fuzzy[0])
		tmpl_show(d, "FUZZY_CHECKED");
	tmpl_show(d, (const char *const [TR_STATE__MAX]){ "STATE_MISSING",
	    "STATE_STALE", "STATE_DONE" }[tr_phrase_state(p)]);
	return d;
}

/* The language and phrase of the path, loaded; 0 or a status. */
static int
tr_edit_target(struct request *req, const struct i18n_lang **l,
    struct tr_phrase *p)
{
	long long	 id = app_param_id(req, 1);
	enum weft_err	 e;
	int		 st;

	if ((st = tr_lang_target(req, 0, l)) != 0)
		return st;
	if (id == 0)
		return 404;
	if ((e = tr_phrase_load(id, *l, p)) != WEFT_OK) {
		tr_phrase_free(p);
		return app_status_of(e);
	}
	return 0;
}

int
tr_phrase_form(struct request *req)
{
	const struct i18n_lang	*l;
	struct tr_phrase	 p;
	int			 st;

	if ((st = tr_edit_target(req, &l, &p)) != 0)
		return st;
	st = tr_edit_page(req, l, &p, NULL) != NULL ? app_render(req, 200) :
	    500;
	tr_phrase_free(&p);
	return st;
}

int
tr_phrase_save(struct request *req)
{
	const struct i18n_lang	*l;
	struct form_value	 v[E__MAX];
	struct tr_phrase	 p;
	struct tmpl_dict	*d;
	char			*forms[PLURAL_FORMS_MAX], msg[256], back[64];
	int			 i, st, changed;
	enum weft_err		 e;

	if ((st = tr_edit_target(req, &l, &p)) != 0)
		return st;
	form_read(tr_edit_fields, E__MAX, &req->form, app_lang(req), NULL, v);
	for (i = 0; i < PLURAL_FORMS_MAX; i++)
		forms[i] = (char *)v[E_F0 + i].str;
	if ((d = tr_edit_page(req, l, &p, forms)) == NULL) {
		st = 500;
		goto out;
	}
	for (i = 0; i < p.nforms; i++)
		if (v[E_F0 + i].err != VALID_OK) {
			form_show(tr_edit_fields, E__MAX, v, app_lang(req), d);
			st = app_render(req, 422);
			goto out;
		}
	if (tr_check(&p, forms, app_lang(req), msg, sizeof(msg)) == -1) {
		form_error(d, "form0", msg);
		st = app_render(req, 422);
		goto out;
	}
	if ((e = db_begin()) != WEFT_OK || (e = tr_store(req, &p, l->tag,
	    forms, NULL, NULL, v[E_FUZZY].on, &changed)) != WEFT_OK ||
	    (changed && (e = tr_generation_bump()) != WEFT_OK) ||
	    (e = db_commit()) != WEFT_OK) {
		db_rollback();
		st = app_status_of(e);
		goto out;
	}
	snprintf(back, sizeof(back), "/translations/%s", l->tag);
	st = app_redirect(req, back, changed ?
	    N_("translations.flash.saved") : N_("translations.flash.unchanged"));
out:
	tr_phrase_free(&p);
	return st;
}
