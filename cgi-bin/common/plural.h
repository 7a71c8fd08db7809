/*
 * Plural rules as gettext writes them in a PO file's header:
 *	"nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 &&
 *	    (n%100<10 || n%100>=20) ? 1 : 2);"
 * A language row keeps its rule in this form (docs/translations.md), so
 * that a PO file exported by weft carries it unchanged.
 */
#ifndef WEFT_PLURAL_H
#define WEFT_PLURAL_H

#define PLURAL_FORMS_MAX	6	/* Arabic has six */

/* The number of forms of rule, or -1 when rule is not well formed (or
 * has more than PLURAL_FORMS_MAX forms, or an expression that can give
 * an index outside them for some n in 0..1000). */
int	 plural_check(const char *rule);
/* The form for n, in 0..nplurals-1 (0 for a rule that is not well
 * formed: checked rules only should come here). */
int	 plural_index(const char *rule, long long n);

#endif
