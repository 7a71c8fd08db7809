/*
 * The special pages (docs/site.md, "Special pages"): texts of the
 * timebank's own, in weft's safe markup (markup.h), one per page and
 * language, edited by admins in the site area and read by the account
 * and payments programs.  A page missing in a language (or empty there)
 * is read in the default language (setting default_language).
 */
#ifndef WEFT_SPECIAL_H
#define WEFT_SPECIAL_H

#include "buf.h"
#include "err.h"

enum special_page {
	SPECIAL_WELCOME,	/* the home page of visitors */
	SPECIAL_ABOUT,		/* /about */
	SPECIAL_TERMS,		/* /terms */
	SPECIAL_PRIVACY,	/* /privacy */
	SPECIAL_AWAITING,	/* the home page of an applying member */
	SPECIAL_PAYMENTS,	/* /payments/how */
	SPECIAL__MAX
};

struct special_def {
	const char	*key;	/* in URLs and in special_pages.page */
	const char	*title;	/* phrase key (N_) */
	const char	*help;	/* phrase key: where it is shown */
};

extern const struct special_def special_defs[SPECIAL__MAX];

/* The longest text saved, in bytes. */
#define SPECIAL_BODY_MAX	20000

/* The page of key: 0 and *out, or -1 when it is none. */
int		 special_find(const char *key, enum special_page *out);

/*
 * The text in force of page in lang exactly (no fallback) into out,
 * appended (*version its row, 0 when it has none or an empty one).
 */
enum weft_err	 special_current(enum special_page page, const char *lang,
		    struct buf *out, long long *version);

/*
 * The text a reader in lang reads: lang's, else the default language's.
 * Appended to out; *found 0 when neither has any.
 */
enum weft_err	 special_text(enum special_page page, const char *lang,
		    struct buf *out, int *found);

/*
 * Which pages a reader in lang reads a text of (special_text()'s rule:
 * lang's, else the default language's), in one statement: readable[i]
 * 1 or 0 for each page.
 */
enum weft_err	 special_readable(const char *lang,
		    int readable[SPECIAL__MAX]);

struct tmpl_dict;

/*
 * Sets key of d to the text a reader in lang reads, rendered as HTML
 * ("#" is heading), when there is one (*found 1); else leaves d alone.
 */
enum weft_err	 special_set(struct tmpl_dict *d, const char *key,
		    enum special_page page, const char *lang, int heading,
		    int *found);

#endif
