/*
 * The summary of a list's filter form (filters.h).
 */
#include <stddef.h>

#include "filters.h"
#include "i18n.h"

/* Between two parts, in every language: a middle dot reads as a list
 * separator in left-to-right and right-to-left text alike. */
#define FILTERS_SEP	" · "

void
filters_init(struct filters *f, const char *lang)
{
	buf_init(&f->b);
	f->lang = lang;
	f->n = 0;
}

void
filters_add(struct filters *f, const char *text)
{
	if (text == NULL || text[0] == '\0')
		return;
	if (f->n++ > 0)
		buf_puts(&f->b, FILTERS_SEP);
	buf_puts(&f->b, text);
}

void
filters_add_value(struct filters *f, const char *key, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	if (f->n++ > 0)
		buf_puts(&f->b, FILTERS_SEP);
	i18n_format(&f->b, f->lang, key, "value", value, NULL);
}

void
filters_show(struct filters *f, struct tmpl_dict *page, const char *none_key,
    int open)
{
	tmpl_set(page, "FILTERS_SUMMARY", f->n > 0 && !buf_failed(&f->b) ?
	    f->b.p : i18n_text(f->lang, none_key));
	if (open)
		tmpl_show(page, "FILTERS_OPEN");
	buf_free(&f->b);
	f->n = 0;
}
