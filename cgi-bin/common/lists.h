/*
 * The timebank's lists (docs/site.md, "Lists"): neighbourhoods,
 * counties, affiliations and the categories of offers and requests.
 * Each is a table of items (id, name, position, active): the categories
 * are sql/003's own table, the others sql/015's.  The site area changes
 * them; every area reads them here: the options of a select in the
 * reader's language (an item's name per language in list_names, else its
 * own name), and one item's name.
 *
 * A retired item (active 0) is offered only where it is already chosen,
 * so that saving a form does not change it unasked; an item is deleted
 * only once nothing uses it (the site area moves its uses first, in the
 * same transaction).
 */
#ifndef WEFT_LISTS_H
#define WEFT_LISTS_H

#include <stddef.h>

#include "err.h"

enum list {
	LIST_NEIGHBOURHOOD,
	LIST_COUNTY,
	LIST_AFFILIATION,
	LIST_CATEGORY,
	LIST__MAX
};

/* The lists a member's profile chooses from: the first LISTS_MEMBER of
 * enum list, and their columns of members. */
#define LISTS_MEMBER	3

/* What points at an item: a table's column (NULL table: no more). */
#define LISTS_USES_MAX	3
struct list_use {
	const char	*table;
	const char	*col;
};

/* What the code knows of a list: fixed names, never input. */
struct list_def {
	const char	*key;		/* "neighbourhoods": URLs, list_names */
	const char	*table;		/* its items */
	const char	*use_table;	/* what points at an item */
	const char	*use_col;	/* ... with this column */
	const char	*field;		/* the form field that chooses one */
	const char	*title;		/* phrase keys: the list's name, */
	const char	*item;		/* and "a neighbourhood" */
	int		 nullable;	/* use_col may be NULL (members) */
	/* Other uses, counted and moved with the first (the categories'
	 * talents, sql/044); the first empty row ends them. */
	struct list_use	 also[LISTS_USES_MAX];
};

extern const struct list_def	 lists_defs[LIST__MAX];

/* The SQL expression that counts the uses of item i.id, every table of
 * ld's (fixed names only), into out: 0, or -1 when it does not fit. */
int		 lists_uses_sql(const struct list_def *ld, char *out,
		    size_t len);

/* The list called key; 0, or -1. */
int		 lists_find(const char *key, enum list *out);

struct tmpl_dict;
/*
 * The options of a <select> of list (form_option(): section, VALUE,
 * LABEL, SELECTED): its active items in order, named in lang, and keep
 * too (an item already chosen, retired or not; 0 for none).
 */
enum weft_err	 lists_options(struct tmpl_dict *, const char *section,
		    enum list, const char *lang, long long selected,
		    long long keep);
/* Is id an active item of list, or keep?  1, 0; -1 on a database error. */
int		 lists_ok(enum list, long long id, long long keep);
/* Item id's name in lang (else its own) into out; "" for none. */
enum weft_err	 lists_name(enum list, long long id, const char *lang,
		    char *out, size_t len);

/*
 * The selects of the member lists on a profile form: one LIST_FIELD per
 * list (FIELD, the form's field name; LABEL; OPTION as lists_options(),
 * the chosen ones selected[i], keep[i] offered even when retired; INVALID
 * and ERROR from errs[i], NULL for none).
 */
enum weft_err	 lists_member_fields(struct tmpl_dict *, const char *lang,
		    const long long *selected, const long long *keep,
		    const char *const *errs);
struct form_value;
/*
 * The member lists' fields of a profile form as form_read() read them
 * (v[0..LISTS_MEMBER), FORM_ID each, in enum list's order), checked: an
 * active item, none, or the member's current one (current[i], 0 for a
 * new member; a field not sent keeps it).  ids[i] gets the choice (the
 * current one where refused), refused[i] whether it was.  Returns how
 * many are refused, -1 on a database error.
 */
int		 lists_member_values(const struct form_value *v,
		    const long long *current, long long *ids, int *refused);

/* The member's items, named in lang: MEMBER_LIST (LABEL, NAME) for each
 * list where ids[i] is set. */
enum weft_err	 lists_member_show(struct tmpl_dict *, const char *lang,
		    const long long *ids);

#endif
