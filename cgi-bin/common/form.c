#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "i18n.h"
#include "valid.h"

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

/* One field's verdict; the submitted value has been found non-empty. */
static enum valid_err
form_check_value(const struct form_field *f, const char *v)
{
	long long	 n;
	int		 y, m, d;

	switch (f->kind) {
	case FORM_TEXT:
	case FORM_PASSWORD:
		if (f->kind == FORM_PASSWORD && f->min == 0)
			return valid_password(v);
		return valid_text(v, (size_t)f->min, (size_t)f->max, 0);
	case FORM_MULTILINE:
		return valid_text(v, (size_t)f->min, (size_t)f->max, 1);
	case FORM_EMAIL:
		return valid_email(v);
	case FORM_USERNAME:
		return valid_username(v);
	case FORM_INT:
		return valid_int(v, f->min, f->max, &n);
	case FORM_ID:
		return valid_id(v, &n);
	case FORM_DATE:
		return valid_date(v, &y, &m, &d);
	case FORM_LANG:
		return valid_lang(v);
	case FORM_BOOL:
	default:
		return VALID_OK;
	}
}

size_t
form_check(const struct form_field *fields, size_t n,
    const struct http_kvlist *in, const char *lang, struct tmpl_dict *page)
{
	size_t		 i, bad = 0;
	const char	*v;
	char		 var[80];
	enum valid_err	 e;

	for (i = 0; i < n; i++) {
		v = http_kv_get(in, fields[i].name);
		if (fields[i].kind == FORM_BOOL) {
			if (v != NULL) {
				form_var(var, sizeof(var), fields[i].name,
				    "_CHECKED");
				tmpl_show(page, var);
			}
			continue;
		}
		if (v != NULL && fields[i].kind != FORM_PASSWORD) {
			form_var(var, sizeof(var), fields[i].name, "");
			tmpl_set(page, var, v);
		}
		if (v == NULL || v[0] == '\0')
			e = fields[i].required ? VALID_EMPTY : VALID_OK;
		else
			e = form_check_value(&fields[i], v);
		if (e != VALID_OK) {
			form_error(page, fields[i].name,
			    i18n_text(lang, valid_err_keys[e]));
			bad++;
		}
	}
	return bad;
}

void
form_error(struct tmpl_dict *page, const char *field, const char *message)
{
	char			 var[80];
	struct tmpl_dict	*item;

	/* The summary at the top links each message to its field. */
	if ((item = tmpl_section(page, "FORM_ERROR_LIST")) != NULL) {
		tmpl_set(item, "FIELD", field);
		tmpl_set(item, "MESSAGE", message);
	}
	form_var(var, sizeof(var), field, "_INVALID");
	tmpl_show(page, var);
	form_var(var, sizeof(var), field, "_ERROR");
	tmpl_set(page, var, message);
	tmpl_show(page, "FORM_ERRORS");
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
form_options(struct tmpl_dict *page, const char *section,
    struct db_rows *rows, long long selected)
{
	while (db_next(rows))
		form_option(page, section, db_str(rows, 0), db_str(rows, 1),
		    selected != 0 && db_int(rows, 0) == selected);
}
