/*
 * The one-line summary of a list's filter form (issue 18): on a phone
 * the filters of /members, /ads and /exchanges/list took the whole first
 * screen, so each form folds away in a <details> whose <summary> says
 * what the list shows ("Approved · North Side Timebank · sorted by
 * name") and offers to change it, without script.  The form is open when
 * a filter is refused or the list is empty: then the reader needs it.
 *
 * A page collects the parts as it reads its filters, each already in the
 * reader's language (an option's label, a phrase with the value typed),
 * and hands the summary to its template:
 *
 *	{{FILTERS_SUMMARY}}              the parts joined by " · ", or the
 *	                                 page's phrase for "no filter"
 *	{{#FILTERS_OPEN}} open{{/FILTERS_OPEN}}   on the <details>
 */
#ifndef WEFT_FILTERS_H
#define WEFT_FILTERS_H

#include "buf.h"
#include "tmpl.h"

struct filters {
	struct buf	 b;
	const char	*lang;
	size_t		 n;	/* parts so far */
};

void	 filters_init(struct filters *, const char *lang);
/* One part as it is: the label of a chosen option.  Empty: none. */
void	 filters_add(struct filters *, const char *text);
/* One part: phrase key with its placeholder {value} filled in, as
 * "name starts with “{value}”".  An empty value adds nothing. */
void	 filters_add_value(struct filters *, const char *key,
	    const char *value);
/* Sets FILTERS_SUMMARY (the parts, or the phrase none_key when there are
 * none) and, when open, FILTERS_OPEN on page; frees what f holds. */
void	 filters_show(struct filters *, struct tmpl_dict *page,
	    const char *none_key, int open);

#endif
