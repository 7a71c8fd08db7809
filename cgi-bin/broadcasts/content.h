/*
 * Pages, news and links (docs/broadcasts.md "Pages, news and links"):
 * the timebank's own content, site-wide (sql/028_content.sql).  One item
 * table for the three kinds, one text per language; a reader reads their
 * language's text, else the default language's, else the item's own.
 * Holders of content.manage write them (site grants only: role.c), every
 * write audited; members read news and links, pages are members-only or
 * public.  content.c loads and shows, content_edit.c writes.
 */
#ifndef WEFT_BROADCASTS_CONTENT_H
#define WEFT_BROADCASTS_CONTENT_H

#include "app.h"
#include "buf.h"
#include "form.h"

#define CT_TITLE_MAX	200	/* characters */
#define CT_BODY_MAX	20000
#define CT_URL_MAX	2048	/* bytes: MARKUP_URL_MAX */
#define CT_LIST_MAX	200	/* items per list page */

enum ct_kind {
	CT_PAGE,
	CT_NEWS,
	CT_LINK,
	CT_KIND__MAX
};

struct ct_kind_def {
	const char	*key;		/* content_items.kind, audit object */
	const char	*path;		/* "/pages" */
	const char	*new_title;	/* phrase keys */
	const char	*edit_title;
	const char	*saved;
	const char	*deleted;
};

extern const struct ct_kind_def ct_kinds[CT_KIND__MAX];

/* An item with one of its texts. */
struct ct_item {
	long long	 id;
	enum ct_kind	 kind;
	char		 lang[16];	/* the item's own language */
	int		 public;	/* pages */
	char		 url[CT_URL_MAX + 1];	/* links */
	char		 date[11];	/* news: YYYY-MM-DD */
	char		 text_lang[16];	/* "" when it has no text there */
	char		 title[CT_TITLE_MAX * 4 + 1];
	struct buf	 body;
};

/*
 * The text of an item in a reader's language, with the fallback: the
 * ORDER BY of the text chosen among an item i's texts t.  Parameters:
 * the reader's language, the default language.
 */
#define CT_TEXT_ORDER							\
	"ORDER BY t.lang = ? DESC, t.lang = ? DESC, t.lang = i.lang DESC, " \
	"t.lang LIMIT 1"

/* The kind of a request's path (/pages/..., /news/..., /links/...). */
enum ct_kind	 ct_kind_of(const struct request *);
/*
 * Item id of kind into *it with its text in lang: exactly (exact 1; no
 * text there: text_lang "" and title, body empty), or the reader's
 * fallback (exact 0).  WEFT_ERR_NOTFOUND when there is no such item.
 * ct_item_free() after, whatever it returned.
 */
enum weft_err	 ct_load(long long id, enum ct_kind kind, const char *lang,
		    int exact, struct ct_item *it);
void		 ct_item_free(struct ct_item *);
/* The number of texts of item id into *n. */
enum weft_err	 ct_text_count(long long id, long long *n);
/* The item's own row (and text_lang's text when it has one) as JSON,
 * for the audit. */
void		 ct_json(struct buf *, const struct ct_item *);
/* Is url an address a link may have: http:// or https:// only. */
int		 ct_url_ok(const char *url);

#endif
