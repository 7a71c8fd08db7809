/*
 * The configuration page (GET and POST /site): every row of
 * settings_defs[] (settings.h), grouped under the headings its rows name,
 * each with the control its type asks for.  A save validates every field
 * first, through the registry (settings_parse()) and the page's own checks
 * (the default language must be one members may choose); one refusal and
 * nothing is saved, the page comes back with the input and a message per
 * field.  Otherwise each changed setting goes through settings_set()
 * (audited before and after, the generation moved) in one transaction.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "i18n_conv.h"
#include "settings.h"
#include "site.h"
#include "util.h"

static const struct scope site_scope = { SCOPE_SITE, 0, "" };

int
site_guard(const struct request *req)
{
	return role_allows(&req->actor.grants, PERM_SITE_CONFIG, &site_scope) ?
	    0 : 403;
}

/*
 * The form's table, one field per setting (its name), built once: the
 * fields are quiet, so form_read() checks only that each is one line of
 * UTF-8 of a setting's length; what a value means is the registry's.
 */
static struct form_field	 site_fields[SETTING__MAX];

static const struct form_field *
site_form(void)
{
	size_t	 i;

	if (site_fields[0].name != NULL)
		return site_fields;
	for (i = 0; i < SETTING__MAX; i++) {
		site_fields[i].name = settings_defs[i].name;
		site_fields[i].kind = FORM_TEXT;
		site_fields[i].max = SETTINGS_VALUE_MAX - 1;
		site_fields[i].flags = FORM_QUIET;
	}
	return site_fields;
}

void
site_value_show(const char *lang, enum setting id, const char *value,
    char *out, size_t len)
{
	const struct setting_def	*d = &settings_defs[id];
	char				 h[I18N_HOURS_LEN];
	long long			 n;

	if (value == NULL) {
		util_copy(out, len, i18n_text(lang, N_("site.value.default")));
		return;
	}
	if (settings_parse(id, value, &n) != VALID_OK) {
		util_copy(out, len, value);
		return;
	}
	if (d->type == SETTING_INT && d->unit == SETTING_UNIT_HOURS) {
		i18n_hours(lang, n, 0, h);
		util_copy(out, len, h);
	} else if (d->type == SETTING_CHOICE && d->choice_labels != NULL)
		util_copy(out, len, i18n_text(lang, d->choice_labels[n]));
	else if (value[0] == '\0')
		util_copy(out, len, i18n_text(lang, N_("site.value.empty")));
	else
		util_copy(out, len, value);
}

/* What the form shows for a stored value: hours in the reader's way. */
static void
site_input_of(const char *lang, enum setting id, const char *value,
    char *out, size_t len)
{
	const struct setting_def	*d = &settings_defs[id];
	char				 h[I18N_HOURS_LEN];
	long long			 n;

	if (d->type == SETTING_INT && d->unit == SETTING_UNIT_HOURS &&
	    settings_parse(id, value, &n) == VALID_OK) {
		i18n_hours(lang, n, 0, h);
		util_copy(out, len, h);
	} else
		util_copy(out, len, value);
}

/*
 * The value to store for what was typed in, into out: hours (an optional
 * "-", then hours as valid_hours() reads them in lang) as hundredths,
 * else as typed.  VALID_OK, or why it is refused.
 */
static enum valid_err
site_value_of(const char *lang, enum setting id, const char *in, char *out,
    size_t len)
{
	const struct setting_def	*d = &settings_defs[id];
	long long			 h = 0, lim;
	int				 neg;
	enum valid_err			 e;

	if (d->type != SETTING_INT || d->unit != SETTING_UNIT_HOURS) {
		util_copy(out, len, in);
		return VALID_OK;
	}
	if ((neg = in[0] == '-'))
		in++;
	if (in[0] == '\0')
		return VALID_EMPTY;
	lim = neg ? -d->min : d->max;
	if (strspn(in, "0.,") == strlen(in))
		h = 0;	/* valid_hours() takes positive hours only */
	else if (lim <= 0)
		return VALID_RANGE;
	else if ((e = valid_hours(in, i18n_decimal(lang), lim, &h)) !=
	    VALID_OK)
		return e;
	snprintf(out, len, "%lld", neg ? -h : h);
	return VALID_OK;
}

/* The message for a refused value of id. */
static const char *
site_why(const struct request *req, enum setting id, enum valid_err e)
{
	if (e == VALID_FORMAT && settings_defs[id].type == SETTING_TEXT) {
		switch (settings_defs[id].format) {
		case SETTING_FORMAT_ZONE:
			return app_text(req, N_("site.error.zone"));
		case SETTING_FORMAT_NAME:
			return app_text(req, N_("site.error.name"));
		default:
			break;
		}
	}
	return app_text(req, valid_err_keys[e]);
}

/* A group's section of the page, found or added in the order of first
 * appearance. */
static struct tmpl_dict *
site_group(struct request *req, struct tmpl_dict *d, const char *key,
    const char **seen, struct tmpl_dict **dicts, size_t *n)
{
	size_t	 i;

	if (key == NULL)
		key = N_("site.group.other");
	for (i = 0; i < *n; i++)
		if (strcmp(seen[i], key) == 0)
			return dicts[i];
	seen[*n] = key;
	dicts[*n] = tmpl_section(d, "GROUP");
	tmpl_set(dicts[*n], "HEADING", app_text(req, key));
	tmpl_set_int(dicts[*n], "N", (long long)*n);
	return dicts[(*n)++];
}

/* One setting's control, showing input (the stored value, or what was
 * sent back) and the message err (NULL: none). */
static void
site_setting_row(struct request *req, struct tmpl_dict *g, enum setting id,
    const char *input, const char *err)
{
	const struct setting_def	*d = &settings_defs[id];
	struct tmpl_dict		*s, *k;
	size_t				 i;

	s = tmpl_section(g, "SETTING");
	tmpl_set(s, "NAME", d->name);
	tmpl_set(s, "LABEL", d->label != NULL ? app_text(req, d->label) :
	    d->name);
	if (d->help != NULL)
		tmpl_set(tmpl_section(s, "HELP"), "TEXT", app_text(req,
		    d->help));
	if (err != NULL) {
		tmpl_show(s, "INVALID");
		tmpl_set(s, "ERROR", err);
	}
	if (d->type == SETTING_CHOICE) {
		k = tmpl_section(s, "IS_CHOICE");
		for (i = 0; d->choices[i] != NULL; i++)
			form_option(k, "OPTION", d->choices[i],
			    d->choice_labels != NULL ? app_text(req,
			    d->choice_labels[i]) : d->choices[i],
			    strcmp(d->choices[i], input) == 0);
	} else if (d->type == SETTING_TEXT &&
	    d->format == SETTING_FORMAT_LANG) {
		k = tmpl_section(s, "IS_LANG");
		form_lang_options(k, input, input);
	} else {
		k = tmpl_section(s, "IS_INPUT");
		tmpl_set(k, "VALUE", input);
		tmpl_set(k, "TYPE", d->type == SETTING_TEXT &&
		    d->format == SETTING_FORMAT_EMAIL ? "email" : "text");
		if (d->type == SETTING_INT && d->unit == SETTING_UNIT_NONE)
			tmpl_show(k, "NUMERIC");
		if (d->type == SETTING_TEXT)
			tmpl_set_int(tmpl_section(k, "MAXLEN"), "N", d->max);
		if (d->type == SETTING_TEXT && d->min > 0)
			tmpl_show(k, "REQUIRED");
	}
	if (d->help != NULL)
		tmpl_show(k, "DESCRIBED");
	if (err != NULL)
		tmpl_show(k, "INVALID");
}

/*
 * The page, its controls showing inputs[i] (NULL: every stored value)
 * and errs[i] (NULL: none).
 */
static int
site_settings_render(struct request *req, char inputs[][SETTINGS_VALUE_MAX],
    const char *const *errs, int status)
{
	const char		*seen[SETTING__MAX];
	struct tmpl_dict	*dicts[SETTING__MAX], *d, *g;
	char			 in[SETTINGS_VALUE_MAX];
	size_t			 i, n = 0;

	if ((d = app_page(req, "site/settings.tpl",
	    app_text(req, N_("site.settings.title")))) == NULL)
		return 500;
	for (i = 0; i < SETTING__MAX; i++) {
		if (settings_defs[i].elsewhere != NULL)
			continue;
		g = site_group(req, d, settings_defs[i].group, seen, dicts, &n);
		if (inputs != NULL)
			util_copy(in, sizeof(in), inputs[i]);
		else
			site_input_of(app_lang(req), (enum setting)i,
			    settings_str((enum setting)i), in, sizeof(in));
		site_setting_row(req, g, (enum setting)i, in,
		    errs != NULL ? errs[i] : NULL);
		if (errs != NULL && errs[i] != NULL)
			form_error(d, settings_defs[i].name, errs[i]);
	}
	form_summary(d, app_lang(req), NULL, NULL, 0);
	return app_render(req, status);
}

/* GET /site */
int
site_settings_page(struct request *req)
{
	int	 st;

	if ((st = site_guard(req)) != 0)
		return st;
	return site_settings_render(req, NULL, NULL, 200);
}

/*
 * The value of setting i as sent (form v[i]) into val, checked: NULL, or
 * the message.  A field not sent keeps the stored value.
 */
static const char *
site_check(struct request *req, enum setting i, const struct form_value *v,
    char *val, size_t len)
{
	long long	 n;
	enum valid_err	 e;

	if (!v->sent) {
		util_copy(val, len, settings_str(i));
		return NULL;
	}
	if (v->err != VALID_OK)
		return app_text(req, valid_err_keys[v->err]);
	if ((e = site_value_of(app_lang(req), i, v->str, val, len)) !=
	    VALID_OK || (e = settings_parse(i, val, &n)) != VALID_OK)
		return site_why(req, i, e);
	if (i == SETTING_DEFAULT_LANGUAGE && !i18n_lang_offered(val) &&
	    strcmp(val, settings_str(i)) != 0)
		return app_text(req, N_("site.error.language"));
	return NULL;
}

/* The page's check across settings: a question asked with choices has
 * some (signup_question_N_kind choice, signup_question_N_choices empty).
 * Marks the choices' field; returns how many are refused. */
static size_t
site_check_questions(struct request *req, char vals[][SETTINGS_VALUE_MAX],
    const char **errs)
{
	enum setting	 q;
	size_t		 bad = 0;

	for (q = SETTING_SIGNUP_Q1; q + 3 < SETTING__MAX &&
	    q <= SETTING_SIGNUP_Q5; q += 4) {
		if (vals[q][0] == '\0' || strcmp(vals[q + 1], "choice") != 0 ||
		    vals[q + 2][0] != '\0' || errs[q + 2] != NULL)
			continue;
		errs[q + 2] = app_text(req, N_("site.error.choices"));
		bad++;
	}
	return bad;
}

/* POST /site */
int
site_settings_save(struct request *req)
{
	static char		 inputs[SETTING__MAX][SETTINGS_VALUE_MAX];
	static char		 vals[SETTING__MAX][SETTINGS_VALUE_MAX];
	struct form_value	 v[SETTING__MAX];
	const char		*errs[SETTING__MAX];
	size_t			 i, bad = 0, changed = 0;
	enum valid_err		 why;
	enum weft_err		 e;
	int			 st;

	if ((st = site_guard(req)) != 0)
		return st;
	form_read(site_form(), SETTING__MAX, &req->form, app_lang(req), NULL,
	    v);
	for (i = 0; i < SETTING__MAX; i++) {
		errs[i] = NULL;
		if (settings_defs[i].elsewhere != NULL) {
			/* Not on this page: kept as it is. */
			util_copy(vals[i], sizeof(vals[i]),
			    settings_str((enum setting)i));
			continue;
		}
		errs[i] = site_check(req, (enum setting)i, &v[i], vals[i],
		    sizeof(vals[i]));
		if (v[i].sent)
			util_copy(inputs[i], sizeof(inputs[i]), v[i].str);
		else
			site_input_of(app_lang(req), (enum setting)i,
			    settings_str((enum setting)i), inputs[i],
			    sizeof(inputs[i]));
		bad += errs[i] != NULL;
	}
	bad += site_check_questions(req, vals, errs);
	if (bad > 0)
		return site_settings_render(req, inputs, errs, 422);
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	for (i = 0; i < SETTING__MAX; i++) {
		if (strcmp(vals[i], settings_str((enum setting)i)) == 0)
			continue;
		if ((e = settings_set(&req->actor, (enum setting)i, vals[i],
		    &why)) != WEFT_OK) {
			db_rollback();
			return app_status_of(e);
		}
		changed++;
	}
	if ((e = db_commit()) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, "/site", changed > 0 ?
	    N_("site.settings.flash.saved") :
	    N_("site.settings.flash.unchanged"));
}
