/* form.h: a form's table read into typed values, and the page it fills. */
#include <assert.h>
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "i18n.h"
#include "i18n_conv.h"

/* The summary's include: its marker in the templates and its file. */
#define FORM_SUMMARY		"FORM_ERROR_SUMMARY"
#define FORM_SUMMARY_FILE	"form_errors.tpl"

/* "email" -> "EMAIL" + suffix, the template's name for the field. */
static void
form_var(char *out, size_t len, const char *field, const char *suffix)
{
	size_t	 i;

	for (i = 0; field[i] != '\0' && i + 1 < len; i++)
		out[i] = (char)toupper((unsigned char)field[i]);
	out[i] = '\0';
	strncat(out, suffix, len - strlen(out) - 1);
}

/* The index of in among the choices of f, or -1. */
static long long
form_choice(const struct form_field *f, const char *in)
{
	size_t	 i;

	for (i = 0; i < f->nchoices; i++)
		if (strcmp(in, f->choices[i]) == 0)
			return (long long)i;
	return -1;
}

/*
 * One field's verdict on a value found non-empty, its typed value into
 * *v.  v->by_kind is set when the kind's own check refused it, after the
 * text was found acceptable: that refusal has the field's own message.
 */
static enum valid_err
form_value_of(const struct form_field *f, const char *in, const char *lang,
    struct form_value *v)
{
	enum valid_err	 e;
	long long	 i;

	switch (f->kind) {
	case FORM_TEXT:
		return valid_text(in, (size_t)f->min, (size_t)f->max, 0);
	case FORM_MULTILINE:
		return valid_text(in, (size_t)f->min, (size_t)f->max, 1);
	case FORM_PASSWORD:
		if (f->min == 0)
			return valid_password(in);
		return valid_text(in, (size_t)f->min, (size_t)f->max, 0);
	case FORM_EMAIL:
		return valid_email(in);
	case FORM_USERNAME:
		return valid_username(in);
	case FORM_INT:
		return valid_int(in, f->min, f->max, &v->n);
	case FORM_ID:
		return valid_id(in, &v->id);
	case FORM_HOURS:
		if ((e = valid_text(in, 1, FORM_HOURS_LEN, 0)) != VALID_OK)
			return e;
		v->by_kind = 1;
		return valid_hours(in, i18n_decimal(lang),
		    f->max > 0 ? f->max : LLONG_MAX, &v->hours);
	case FORM_DATE:
		return valid_date(in, &v->date.y, &v->date.m, &v->date.d);
	case FORM_LANG:
		return valid_lang(in);
	case FORM_CHOICE:
		if (f->max > 0 && (e = valid_text(in, (size_t)f->min,
		    (size_t)f->max, 0)) != VALID_OK)
			return e;
		v->by_kind = 1;
		if ((i = form_choice(f, in)) < 0)
			return VALID_RANGE;
		v->choice = (size_t)i;
		return VALID_OK;
	case FORM_BOOL:
	default:
		return VALID_OK;
	}
}

int
form_table_ok(const struct form_field *fields, size_t n)
{
	size_t	 i, j;

	for (i = 0; i < n; i++) {
		if (fields[i].name == NULL || fields[i].name[0] == '\0' ||
		    fields[i].kind >= FORM_KIND__MAX)
			return 0;
		if (fields[i].kind == FORM_CHOICE &&
		    (fields[i].choices == NULL || fields[i].nchoices == 0))
			return 0;
		for (j = 0; j < i; j++)
			if (strcmp(fields[i].name, fields[j].name) == 0)
				return 0;
	}
	return 1;
}

/* Set by form_read() on a key sent twice; one request at a time per
 * worker, cleared by the dispatcher before each handler. */
static int	 form_duplicates;

int
form_duplicates_seen(void)
{
	return form_duplicates;
}

void
form_duplicates_clear(void)
{
	form_duplicates = 0;
}

size_t
form_read(const struct form_field *fields, size_t n,
    const struct http_kvlist *in, const char *lang, struct tmpl_dict *page,
    struct form_value *out)
{
	const struct form_field	*f;
	struct form_value	*v;
	const char		*s;
	size_t			 i, bad = 0;

	assert(form_table_ok(fields, n));
	for (i = 0; i < n; i++) {
		f = &fields[i];
		v = &out[i];
		memset(v, 0, sizeof(*v));
		s = http_kv_get(in, f->name);
		v->sent = s != NULL;
		v->str = s != NULL ? s : "";
		if (f->kind == FORM_BOOL) {
			v->set = v->on = v->sent;
			continue;
		}
		if (v->sent && http_kv_count(in, f->name) > 1) {
			/* Counted even when quiet: the handler must write
			 * nothing, whatever it makes of the field. */
			form_duplicates = 1;
			v->err = VALID_TWICE;
			bad++;
			continue;
		}
		if (v->str[0] == '\0')
			v->err = f->required ? VALID_EMPTY : VALID_OK;
		else if ((v->err = form_value_of(f, v->str, lang, v)) ==
		    VALID_OK)
			v->set = 1;
		if (v->set)
			v->by_kind = 0;
		if (v->err != VALID_OK && !(f->flags & FORM_QUIET))
			bad++;
	}
	if (page != NULL)
		form_show(fields, n, out, lang, page);
	return bad;
}

/* The message for field f, whose value v was refused. */
static void
form_message(const struct form_field *f, const struct form_value *v,
    const char *lang, char *msg, size_t len)
{
	if (v->by_kind && f->why != NULL)
		f->why(f, v->str, v->err, lang, msg, len);
	else
		snprintf(msg, len, "%s", i18n_text(lang, v->by_kind &&
		    f->refusal != NULL ? f->refusal : valid_err_keys[v->err]));
}

/* The page's summary include, made with the usual heading (in lang, or
 * NULL: the page's) when the page has none yet. */
static struct tmpl_dict *
form_summary_dict(struct tmpl_dict *page, const char *lang)
{
	struct tmpl_dict	*s;
	int			 added;

	s = tmpl_include_once(page, FORM_SUMMARY, FORM_SUMMARY_FILE, &added);
	if (added) {
		tmpl_set(s, "TITLE", i18n_text(lang != NULL ? lang :
		    tmpl_page_lang(page), N_("form.summary")));
		tmpl_set(s, "HEADING_ID", "error-summary-title");
		tmpl_set_int(s, "LEVEL", 2);
	}
	return s;
}

void
form_show(const struct form_field *fields, size_t n,
    const struct form_value *values, const char *lang,
    struct tmpl_dict *page)
{
	const struct form_field	*f;
	const struct form_value	*v;
	char			 var[80], msg[512];
	size_t			 i;

	(void)form_summary_dict(page, lang);
	for (i = 0; i < n; i++) {
		f = &fields[i];
		v = &values[i];
		if (f->flags & FORM_QUIET)
			continue;
		if (f->kind == FORM_BOOL) {
			if (v->on) {
				form_var(var, sizeof(var), f->name, "_CHECKED");
				tmpl_show(page, var);
			}
			continue;
		}
		if (v->sent && f->kind != FORM_PASSWORD) {
			form_var(var, sizeof(var), f->name, "");
			tmpl_set(page, var, v->str);
		}
		if (v->err != VALID_OK) {
			form_message(f, v, lang, msg, sizeof(msg));
			form_error(page, f->name, msg);
		}
	}
}

void
form_error(struct tmpl_dict *page, const char *field, const char *message)
{
	char			 var[80];
	struct tmpl_dict	*item;

	if (page == NULL)
		return;
	/* The summary at the top links each message to its field. */
	item = tmpl_section(form_summary_dict(page, NULL), "FORM_ERROR_LIST");
	tmpl_set(item, "FIELD", field);
	tmpl_set(item, "MESSAGE", message);
	form_var(var, sizeof(var), field, "_INVALID");
	tmpl_show(page, var);
	form_var(var, sizeof(var), field, "_ERROR");
	tmpl_set(page, var, message);
	tmpl_show(page, "FORM_ERRORS");
}

void
form_summary(struct tmpl_dict *page, const char *lang, const char *title_key,
    const char *heading_id, int level)
{
	struct tmpl_dict	*s = form_summary_dict(page, lang);

	if (title_key != NULL)
		tmpl_set(s, "TITLE", i18n_text(lang, title_key));
	if (heading_id != NULL)
		tmpl_set(s, "HEADING_ID", heading_id);
	if (level > 0)
		tmpl_set_int(s, "LEVEL", level);
}

void
form_option(struct tmpl_dict *page, const char *section, const char *value,
    const char *label, int selected)
{
	struct tmpl_dict	*o = tmpl_section(page, section);

	tmpl_set(o, "VALUE", value);
	tmpl_set(o, "LABEL", label);
	if (selected)
		tmpl_show(o, "SELECTED");
}

void
form_lang_options(struct tmpl_dict *d, const char *selected,
    const char *current)
{
	const struct i18n_lang	*l;
	size_t			 i, n;

	l = i18n_languages(&n);
	for (i = 0; i < n; i++)
		if (l[i].enabled)
			form_option(d, "LANG_OPTION", l[i].tag, l[i].name,
			    strcmp(selected, l[i].tag) == 0);
	if (!i18n_lang_offered(current) && current[0] != '\0')
		form_option(d, "LANG_OPTION", current, current,
		    strcmp(selected, current) == 0);
}

int
form_lang_ok(const char *tag, const char *current)
{
	return i18n_lang_offered(tag) ||
	    (current[0] != '\0' && strcmp(tag, current) == 0);
}

void
form_options(struct tmpl_dict *page, const char *section,
    struct db_rows *rows, long long selected)
{
	while (db_next(rows))
		form_option(page, section, db_str(rows, 0), db_str(rows, 1),
		    selected != 0 && db_int(rows, 0) == selected);
}
