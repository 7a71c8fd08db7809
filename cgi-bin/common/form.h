/*
 * Forms as tables, read into typed values (kcgi's fieldmap): a handler
 * names its fields with an enum and declares a table indexed by it,
 *
 *	enum { F_HOURS, F_DATE, F_AD, F__MAX };
 *	static const struct form_field fields[F__MAX] = {
 *		[F_HOURS] = { "hours", FORM_HOURS, 1, 0, 2400 },
 *		[F_DATE] = { "service_date", FORM_DATE, 1, 0, 0 },
 *		[F_AD] = { "ad", FORM_ID, 0, 0, 0 },
 *	};
 *	struct form_value v[F__MAX];
 *
 *	bad = form_read(fields, F__MAX, &req->form, app_lang(req), d, v);
 *
 * and then reads v[F_HOURS].hours, v[F_DATE].date, v[F_AD].id or
 * v[i].str, each valid when v[i].set: no raw string is read or parsed
 * again.  form_read() also fills the page dictionary so that the template
 * re-renders the input with a message per field.  Template conventions,
 * for a field "email":
 *
 *	{{EMAIL}}                   the submitted value (never for passwords)
 *	{{#EMAIL_INVALID}}...{{/EMAIL_INVALID}}   shown when it is invalid
 *	{{EMAIL_ERROR}}             the message
 *	{{#FORM_ERRORS}}...{{/FORM_ERRORS}}       shown when any is invalid
 *	{{#NAME_CHECKED}}checked{{/NAME_CHECKED}}  a FORM_BOOL that was ticked
 *
 * and the summary of the messages, a link to each field, is one include
 * (templates/form_errors.tpl) on a line of its own:
 *
 *	{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}
 *
 * whose dictionary is form.c's: FORM_ERROR_LIST (FIELD, MESSAGE), the
 * heading (TITLE, HEADING_ID, LEVEL; form_summary()).
 */
#ifndef WEFT_FORM_H
#define WEFT_FORM_H

#include <stddef.h>

#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "util.h"
#include "valid.h"

enum form_kind {
	FORM_TEXT,	/* one line of min..max characters */
	FORM_MULTILINE,	/* min..max characters, line breaks too */
	FORM_EMAIL,
	FORM_USERNAME,
	FORM_PASSWORD,	/* min..max characters, min 0: valid_password();
			 * never echoed back */
	FORM_INT,	/* min..max */
	FORM_ID,	/* a row id */
	FORM_HOURS,	/* hundredths (valid_hours, with the decimal mark
			 * of form_read()'s lang), at most max (0: any);
			 * written in at most FORM_HOURS_LEN characters */
	FORM_DATE,	/* YYYY-MM-DD */
	FORM_LANG,	/* a language tag */
	FORM_CHOICE,	/* one of choices[]; with max, a text of min..max
			 * characters first */
	FORM_BOOL,	/* checkbox: sent or not, always valid */
	FORM_KIND__MAX
};

#define FORM_HOURS_LEN	32

/* A field the page neither echoes nor explains: no {{NAME}}, no message,
 * not counted by form_read(); its handler judges v.set and v.err (paging
 * cursors, hidden keys, values checked against lists of their own). */
#define FORM_QUIET	0x01

struct form_field;

/*
 * Writes into msg (len bytes) the message for in, which the kind of f
 * refused with e, in lang: for an area whose kind has messages of its
 * own (the ledger's hours).  Without one the message is the phrase
 * f->refusal, else valid_err_keys[e].
 */
typedef void	(*form_why_fn)(const struct form_field *f, const char *in,
		    enum valid_err e, const char *lang, char *msg, size_t len);

/* One row of a form's table.  min and max are the length in characters
 * for the text kinds and FORM_CHOICE, the value for FORM_INT and
 * FORM_HOURS.  refusal (a phrase key) or why replaces the validator's
 * message when the kind's own check refuses a value. */
struct form_field {
	const char		*name;	/* form key, lower case */
	enum form_kind		 kind;
	int			 required; /* absent or empty is refused */
	long long		 min;
	long long		 max;
	const char *const	*choices; /* FORM_CHOICE: v.choice indexes */
	size_t			 nchoices;
	const char		*refusal;
	form_why_fn		 why;
	unsigned		 flags;	/* FORM_QUIET */
};

/* FORM_CHOICE's keys from an array: .choices and .nchoices. */
#define FORM_CHOICES(a)	.choices = (a), \
			.nchoices = NELEM(a)

struct form_date {
	int	 y, m, d;
};

/* One field as read: its kind's member is the value when set. */
struct form_value {
	int			 sent;	/* the key was in the submission */
	int			 set;	/* sent, not empty, valid */
	enum valid_err		 err;	/* why refused; VALID_OK when set,
					 * and when empty and optional */
	const char		*str;	/* as sent, "" when not; never NULL */
	long long		 n;	/* FORM_INT */
	long long		 id;	/* FORM_ID */
	long long		 hours;	/* FORM_HOURS: hundredths */
	struct form_date	 date;	/* FORM_DATE */
	size_t			 choice; /* FORM_CHOICE */
	int			 on;	/* FORM_BOOL */
	int			 by_kind; /* refused by the kind's own check
					 * (hours, choice), the text being
					 * fine: the field's own message */
};

/*
 * Reads the n fields of in into out[0..n), out[i] for fields[i], and,
 * when page is not NULL, fills it as form_show() does.  Returns how many
 * fields are refused, FORM_QUIET ones not counted.  out[i].str points
 * into in.
 *
 * Every field of a table but a FORM_BOOL is single-valued (a list of ids,
 * a bulk selection, is read from the pairs themselves): a key sent twice
 * ("provider=alice&provider=carol") is refused with VALID_TWICE and
 * counted whatever its flags, so the handler writes nothing, and is
 * remembered for the request, which the
 * dispatcher then answers with 400 instead of the handler's page (issue
 * 15, 11): no value of the two is silently chosen.
 */
size_t		 form_read(const struct form_field *fields, size_t n,
		    const struct http_kvlist *in, const char *lang,
		    struct tmpl_dict *page, struct form_value *out);
/* Was a field of a form_read() table sent twice since the last
 * form_duplicates_clear()?  The dispatcher asks after each handler. */
int		 form_duplicates_seen(void);
void		 form_duplicates_clear(void);
/* Fills page from values read by form_read(): each field's input kept
 * and each refusal's message (form_error()), in the table's order. */
void		 form_show(const struct form_field *fields, size_t n,
		    const struct form_value *values, const char *lang,
		    struct tmpl_dict *page);
/* Marks one field invalid with message (a check the table cannot make,
 * such as "this username is taken"); page NULL: nothing to mark.  The
 * summary's heading is the language's that form_read(), form_show() or
 * form_summary() gave the page, else English. */
void		 form_error(struct tmpl_dict *page, const char *field,
		    const char *message);
/*
 * The error summary's heading where it is not the usual
 * <h2 id="error-summary-title">, "form.summary": the phrase key of its
 * title, the id of the heading (unique in the page) and its level (2 for
 * <h2>); NULL and 0 keep the usual.  Any time before rendering.
 */
void		 form_summary(struct tmpl_dict *page, const char *lang,
		    const char *title_key, const char *heading_id, int level);
/* Is the table well made: every row named (none left out of a table
 * indexed by a field enum), no name twice, choices for every
 * FORM_CHOICE?  1 yes, 0 no; form_read() asserts it. */
int		 form_table_ok(const struct form_field *, size_t n);

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
/* The options of a language select (LANG_OPTION, as form_option()): the
 * languages offered to members (i18n.h); current, the member's stored
 * language, is offered too when it is not one of them, so that saving
 * the form does not change it unasked. */
void		 form_lang_options(struct tmpl_dict *page, const char *selected,
		    const char *current);
/* Is tag one of the languages offered, or the member's current one? */
int		 form_lang_ok(const char *tag, const char *current);

#endif
