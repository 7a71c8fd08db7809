/*
 * The member list family (list.c: the page and the CSV export;
 * list_query.c: the filters, the scope and the query; list_communities.c:
 * the communities' names).  Private to these files.
 */
#ifndef WEFT_MEMBERS_LIST_H
#define WEFT_MEMBERS_LIST_H

#include <stddef.h>

#include "db.h"
#include "members.h"
#include "pager.h"
#include "util.h"

#define LIST_PER_PAGE	50
#define LIST_SCOPE_MAX	16	/* community placeholders in the SQL */
#define LIST_Q_MAX	64	/* characters of a search */
#define LIST_CSV_CHUNK	500	/* rows per query of the export */
#define LIST_CSV_MAX	100000	/* rows per export */
#define LIST_TIMEOUT_ERR 1969	/* max_statement_time exceeded, */
#define LIST_SORT_ABORT	1028	/* or so while sorting */

enum list_sort {
	LIST_SORT_NAME,
	LIST_SORT_USERNAME,
	LIST_SORT_JOINED,
	LIST_SORT_LOGIN,
	LIST_SORT__MAX
};

enum list_login {
	LIST_LOGIN_ANY,
	LIST_LOGIN_NEVER,
	LIST_LOGIN_BEFORE,	/* last login before the date */
	LIST_LOGIN_AFTER,	/* on or after it */
	LIST_LOGIN__MAX
};

/* How the query finds its rows (see list_sql below). */
enum list_drive {
	LIST_DRIVE_ORDERED,	/* walk an index in the list's order */
	LIST_DRIVE_STATUS,	/* the same, within one status */
	LIST_DRIVE_FILTER,	/* a selective filter's index, then sort */
	LIST_DRIVE_ROLE,	/* from the (few) grants of a role */
	LIST_DRIVE__MAX
};

struct list_filter {
	char		 status[16];	/* "" or a member_status_keys[] */
	char		 role[16];	/* "" or a role_keys[] */
	long long	 community;	/* 0: the whole scope */
	long long	 lists[LISTS_MEMBER];	/* an item of each of the
					   site's lists (lists.h); 0 any */
	long long	 talent;	/* a category as a talent; 0 any */
	int		 org;
	int		 optout;	/* -1 any, 0 no, 1 yes */
	char		 joined_from[11];	/* "" or YYYY-MM-DD */
	char		 joined_to[11];
	enum list_login	 login;
	char		 login_date[11];
	char		 q[LIST_Q_MAX * 4 + 1];
	enum list_sort	 sort;
	int		 desc;
};

/* What the viewer sees, over the list's scope. */
struct list_view {
	int		 site;		/* every member; else ids[] */
	long long	 ids[LIST_SCOPE_MAX];
	size_t		 nids;
	int		 full;		/* not footnote 1's narrow view */
	int		 contact;	/* contact columns (cells row by row) */
	int		 email_search;	/* member.contact over all of it */
	int		 bulk;
	int		 payment;	/* subscription columns (payment.manage,
					   payments on; cells row by row) */
};

/* A row of a fetch: the strings point into the fetch's rows (db.h), valid
 * until they are freed; none is NULL. */
struct list_row {
	long long	 id;
	const char	*username;
	const char	*name;
	const char	*email;
	const char	*phone;
	const char	*status;
	long long	 community;	/* 0: none */
	int		 org;
	int		 optout;
	const char	*joined;
	const char	*login;		/* "" when never */
	int		 login_null;	/* never logged in */
};

/* The communities, read once per request for the filter form and for the
 * rows' community names (a join would look each up again per row). */
struct list_community {
	long long	 id;
	const char	*name;
};
struct list_communities {
	struct db_rows		*r;	/* holds the names */
	struct list_community	*byname;	/* the form's order */
	struct list_community	*byid;		/* sorted by id */
	size_t			 n;
	int			 reread;	/* read again once already */
};

extern const char *const members_list_sort_keys[LIST_SORT__MAX];
extern const char *const members_list_login_keys[LIST_LOGIN__MAX];

/* Reads the filters of the query string into f, marking each bad field
 * on the page d (form.h conventions); returns how many are bad. */
size_t		 members_list_read(struct request *, struct tmpl_dict *d,
		    struct list_filter *f);
/* The list's scope (the communities member.list covers, narrowed by the
 * community filter) and what the viewer sees over it; bad fields are
 * marked on d.  Returns how many are bad. */
size_t		 members_list_view(struct request *, struct tmpl_dict *d,
		    const struct list_filter *, struct list_view *v);
/* The filters as link parameters (pager_param()), with or without the
 * sort. */
void		 members_list_params(struct buf *, const struct list_filter *,
		    int with_sort);
/* Is the cursor's key of the sort column's kind? */
int		 members_list_cursor_ok(const struct list_filter *,
		    const struct pager *);
/* Runs the query for the rows past the cursor, at most limit of them,
 * read into out (room for limit rows); *n says how many.  Their strings
 * are in *r, which the caller frees (db_rows_free) after using them. */
enum weft_err	 members_list_fetch(const struct list_filter *,
		    const struct list_view *, const struct pager *,
		    size_t limit, struct list_row *out, size_t *n,
		    struct db_rows **r);
/* Reads the communities (by name, then id) into c; free with
 * members_list_communities_free(). */
enum weft_err	 members_list_communities(struct list_communities *c);
void		 members_list_communities_free(struct list_communities *c);
/* The name of community id into *name ("" for 0), valid until the next
 * call or the free.  One created since c was read makes c be read again
 * (once per request); a community that is still not there (deleted since
 * the row was read) is "". */
enum weft_err	 members_list_community_name(struct list_communities *c,
		    long long id, const char **name);
/* Did a fetch fail for taking too long (the statement time limit)? */
int		 members_list_too_slow(enum weft_err);
/* The status for a failed fetch; too slow is said on the page (503). */
int		 members_list_fetch_status(struct request *,
		    struct tmpl_dict *, enum weft_err);
/* The row's sort key for a cursor, and whether it is NULL. */
const char	*members_list_key(const struct list_row *, enum list_sort);
int		 members_list_key_null(const struct list_row *,
		    enum list_sort);
void		 members_list_reverse(struct list_row *, size_t n);

/* The filters f in one line above the folded form (filters.h:
 * FILTERS_SUMMARY), open when asked (a refused filter, no rows);
 * list_summary.c. */
enum weft_err	 members_list_summary(struct request *, struct tmpl_dict *d,
		    const struct list_filter *f, struct list_communities *c,
		    int open);

#endif
