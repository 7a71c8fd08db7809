/*
 * Forms as tables (STYLE.md 3): a form is an array of fields with their
 * validator; form_check() validates a submitted form against it and fills
 * the page dictionary so that the template re-renders the user's input
 * with a message per field.  Template conventions, for a field "email":
 *
 *	{{EMAIL}}                   the submitted value (never for passwords)
 *	{{#EMAIL_INVALID}}...{{/EMAIL_INVALID}}   shown when it is invalid
 *	{{EMAIL_ERROR}}             the message
 *	{{#FORM_ERRORS}}...{{/FORM_ERRORS}}       shown when any is invalid
 *	{{#FORM_ERROR_LIST}}{{FIELD}} {{MESSAGE}}{{/FORM_ERROR_LIST}}  summary
 *	{{#NAME_CHECKED}}checked{{/NAME_CHECKED}}  a FORM_BOOL that was ticked
 */
#ifndef WEFT_FORM_H
#define WEFT_FORM_H

#include <stddef.h>

#include "http.h"
#include "tmpl.h"

enum form_kind {
	FORM_TEXT,	/* one line */
	FORM_MULTILINE,
	FORM_EMAIL,
	FORM_USERNAME,
	FORM_PASSWORD,	/* never echoed back */
	FORM_INT,	/* min..max */
	FORM_ID,
	FORM_DATE,
	FORM_LANG,
	FORM_BOOL,	/* checkbox: present or not, always valid */
	FORM_KIND__MAX
};

struct form_field {
	const char	*name;		/* form key, lower case */
	enum form_kind	 kind;
	int		 required;
	long long	 min;		/* length (text) or value (int) */
	long long	 max;
};

/* Validates every field; returns how many are invalid. */
size_t		 form_check(const struct form_field *, size_t n,
		    const struct http_kvlist *in, const char *lang,
		    struct tmpl_dict *page);
/* Marks one field invalid with message (a check the table cannot make,
 * such as "this username is taken"). */
void		 form_error(struct tmpl_dict *page, const char *field,
		    const char *message);

struct db_rows;
/*
 * Fills the options of a <select> from rows whose column 0 is the value
 * (an id) and column 1 the label: one repetition of section per row, with
 * {{VALUE}}, {{LABEL}} and {{#SELECTED}} on the row whose id is selected
 * (0: none).  Reads rows from the current position to the end; the
 * caller still owns and frees them.
 */
void		 form_options(struct tmpl_dict *page, const char *section,
		    struct db_rows *rows, long long selected);
/* One option of a <select>: a repetition of section with {{VALUE}},
 * {{LABEL}}, and {{#SELECTED}} when selected. */
void		 form_option(struct tmpl_dict *page, const char *section,
		    const char *value, const char *label, int selected);

#endif
