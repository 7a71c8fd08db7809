/*
 * Keyset paging for long lists (docs/architecture.md, "Rules of the
 * house": a list with filters and paging is one helper in common).  No
 * OFFSET and no COUNT(*): a page is the rows just after (or just before)
 * one row of the list, named in the query string by that row's sort key
 * and id:
 *
 *	(nothing)			the first page
 *	after_key=K&after_id=N		the rows after row (K, N)
 *	before_key=K&before_id=N	the rows before it
 *	after_null=1&after_id=N		the same, when the key is SQL NULL
 *
 * The caller's query asks for pager_limit() rows (one more than a page,
 * to learn whether there is more) past the cursor: in the list's own
 * order, or, when pager_reverse(), in the opposite order (the rows just
 * before the cursor come first).  Its keyset condition takes the cursor
 * as (mode, key, id) with mode PAGER_MODE_*, for example, ascending:
 *
 *	(? = 0 OR (? = 1 AND <null-key branch>) OR
 *	    (? = 2 AND (col > ? OR (col = ? AND id > ?))))
 *
 * pager_result() then says how many rows to show and which links exist.
 */
#ifndef WEFT_PAGER_H
#define WEFT_PAGER_H

#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "http.h"

#define PAGER_KEY_MAX	256	/* a sort key as text, plus NUL */

enum pager_cursor {
	PAGER_NONE,	/* the first page */
	PAGER_AFTER,
	PAGER_BEFORE,
	PAGER_CURSOR__MAX
};

/* The cursor's shape, bound into the keyset condition. */
enum pager_mode {
	PAGER_MODE_NONE = 0,	/* no cursor: no condition */
	PAGER_MODE_NULL = 1,	/* the cursor row's key is NULL */
	PAGER_MODE_KEY = 2,	/* key and id */
	PAGER_MODE__MAX
};

struct pager {
	enum pager_cursor	 cursor;
	char			 key[PAGER_KEY_MAX];	/* "" when key_null */
	int			 key_null;
	long long		 id;
	size_t			 per_page;
};

/* What a fetch of some rows makes of the page. */
struct pager_result {
	size_t	 shown;		/* rows to show: at most per_page */
	int	 reversed;	/* fetched rows are in reverse list order */
	int	 has_prev;	/* a "Previous" link */
	int	 has_next;	/* a "Next" link */
	int	 has_first;	/* a "First" link: not on the first page */
};

/*
 * Reads the cursor of query into p.  WEFT_ERR_INVALID (a 400 for the
 * caller) when a cursor is malformed: both after_* and before_*, an id
 * that is not one, a key too long, or a key with neither key nor null.
 */
enum weft_err	 pager_parse(const struct http_kvlist *query, size_t per_page,
		    struct pager *p);
enum pager_mode	 pager_mode(const struct pager *);
/* Does the query run in the reverse of the list's order? */
int		 pager_reverse(const struct pager *);
/* Rows to ask for: per_page + 1. */
size_t		 pager_limit(const struct pager *);
void		 pager_result(const struct pager *, size_t fetched,
		    struct pager_result *);

/* Appends "&name=value", value percent-encoded (RFC 3986 unreserved
 * characters kept); nothing when value is NULL or empty. */
void		 pager_param(struct buf *, const char *name, const char *value);
/*
 * Appends path, then "?" and the list's own parameters (params: what
 * pager_param() built, NULL or "" for none), then the cursor
 * (PAGER_NONE: none, for the "First" link).  key_null: the key is SQL
 * NULL.  The result is a relative URL, to be HTML-escaped by the page.
 */
void		 pager_href(struct buf *, const char *path, const char *params,
		    enum pager_cursor, const char *key, int key_null,
		    long long id);

/*
 * Lists that only page forward, newest first, with one "Older" link,
 * name their cursor in one parameter: before=ID, or before=KEY_ID when
 * the list is ordered by a key first (KEY holds no '_': a date).  Both
 * set p as a PAGER_AFTER cursor, the rows after it in the list's order,
 * or PAGER_NONE for the first page: pager_before_id() from the id as the
 * list's form table read it (0: absent or refused), pager_before_key()
 * from before=KEY_ID as sent (NULL, "" or malformed: the first page; the
 * key in p->key).  pager_href_before() appends path, "?", params as
 * pager_href() does, and the cursor of the row (key, id): key NULL for
 * an id alone.
 */
void		 pager_before_id(struct pager *p, size_t per_page,
		    long long id);
void		 pager_before_key(struct pager *p, size_t per_page,
		    const char *before);
void		 pager_href_before(struct buf *, const char *path,
		    const char *params, const char *key, long long id);

/* The LIKE pattern "in%" for a prefix search, with in's own \\, % and _
 * escaped (MariaDB's default escape character); out holds at least
 * 2 * strlen(in) + 2 bytes, else -1 and out is "". */
int		 pager_like_prefix(char *out, size_t len, const char *in);
/* Is key a DATETIME as MariaDB prints it ("YYYY-MM-DD HH:MM:SS"), the
 * form of a date sort key in a cursor? */
int		 pager_key_datetime(const char *key);

#endif
