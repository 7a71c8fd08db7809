/*
 * The member list's model: its filters (read and checked), its scope and
 * columns (what the viewer may see), and its queries with keyset paging.
 * list.c renders it as a page and as CSV; list.h is the contract, and the
 * decisions are written at the top of list.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "list.h"
#include "util.h"
#include "valid.h"

/*
 * The list's queries: static texts (db.h caches statements by their
 * text), in two families.
 *
 * - The fixed statements serve the usual shapes: no filter but a status
 *   and/or the scope (the viewer's communities, or the one chosen), one
 *   statement per shape x sort column x direction, for the first page
 *   (list_first_sql: nothing to fold) and for the pages after a cursor
 *   (list_fix_sql: the keyset term only; on the first page it would cost
 *   some 16 us of the query's 135 at 100k members).
 * - The general statements (list_sql) serve every other combination, one
 *   per way of finding rows x sort column x direction, all binding the
 *   same parameters in the same order (LIST_FMT), so that one call runs
 *   any of them.  Filters not in use are "(? = '' OR ...)" terms that
 *   MariaDB folds away at execution, when parameters are constants; the
 *   thirty of them cost 75-87 us of optimizing on every execution at 10k
 *   members (a statement without them: measured in a stored procedure),
 *   which is why the usual shapes have their own.
 *
 * The keyset term takes the cursor as (mode, key, id), pager.h.  The
 * rows carry their community's id, not its name: the page looks names up
 * in the communities it reads once for the filter form
 * (members_list_communities), where a LEFT JOIN looked each row's up
 * again (about 67 us per page).
 *
 * How rows are found (the same for both families):
 * - ORDERED walks the index of the sort column, (name, id), (username),
 *   (joined_at, id) or (last_login_at, id): about 51 index entries for a
 *   page.
 * - STATUS is the same with a status filter, through (status, name, id),
 *   (status, joined_at, id) or (status, last_login_at, id) (004), named
 *   with FORCE INDEX: MariaDB 10.11 otherwise prefers "ref" on status
 *   alone and reads every entry of the status up to the cursor (a
 *   second and more deep into a million members).
 * - One community (a community coordinator's list, or the community
 *   filter), in the fixed statements: the community's own index of the
 *   sort column, with the status after the community when there is one
 *   (009; (community_id, status, joined_at, id) is 004's), named with
 *   FORCE INDEX for the same reason: the site-wide index of the last
 *   log-in read 80,000 entries of 100,000 for one page of a community
 *   whose members never logged in.  The community's id fills the sixteen
 *   places of the scope (one "ref").  The general statements find these
 *   indexes without being told (measured: ~51 entries).  Several
 *   communities keep the site-wide indexes (ORDERED, STATUS): about
 *   51 / (their share of the members), but by last log-in ascending the
 *   first page also walks the never-logged-in members of the others
 *   (16,000 at 100k members).
 * - FILTER is for filters that match few rows (a search prefix, the
 *   organisations): "USE INDEX FOR ORDER BY ()" keeps the optimizer from
 *   walking the sort index hoping to meet them early (at 1M members it
 *   may read the whole table); it reads the filter's index and sorts.
 * - ROLE starts from the grants of the role (coordinators are few),
 *   one row per member: the grant with the smallest id.
 * list_drive() and list_shape() choose.
 *
 * SET STATEMENT max_statement_time bounds what a filter combination the
 * indexes do not serve can cost; the page then says so (503).
 */
#define LIST_COLS							\
	"SET STATEMENT max_statement_time = 5 FOR "			\
	"SELECT m.id, m.username, m.name, m.email, m.phone, m.status, "	\
	"COALESCE(m.community_id, 0), m.is_organisation, m.optout, "	\
	"m.joined_at, m.last_login_at "
#define LIST_FROM_ORDERED						\
	"FROM members m "
#define LIST_FROM_INDEX(index)						\
	"FROM members m FORCE INDEX (" index ") "
#define LIST_FROM_FILTER						\
	"FROM members m USE INDEX FOR ORDER BY () "
#define LIST_FROM_ROLE							\
	"FROM grants g STRAIGHT_JOIN members m ON m.id = g.member_id "
#define LIST_IN_SCOPE							\
	"m.community_id IN "						\
	"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
#define LIST_WHERE							\
	"WHERE (? = 1 OR " LIST_IN_SCOPE ") "				\
	"AND (? = '' OR m.status = ?) "					\
	"AND (? = 0 OR m.is_organisation = 1) "				\
	"AND (? < 0 OR m.optout = ?) "					\
	"AND (? = '' OR m.joined_at >= ?) "				\
	"AND (? = '' OR m.joined_at < DATE_ADD(?, INTERVAL 1 DAY)) "	\
	"AND (? = 0 OR (? = 1 AND m.last_login_at IS NULL) "		\
	"OR (? = 2 AND m.last_login_at < ?) "				\
	"OR (? = 3 AND m.last_login_at >= ?)) "				\
	"AND (? = '' OR m.name LIKE ? OR m.username LIKE ? "		\
	"OR (? = 1 AND m.email LIKE ?)) "				\
	"AND (? = 0 OR m.neighbourhood_id = ?) "			\
	"AND (? = 0 OR m.county_id = ?) "				\
	"AND (? = 0 OR m.affiliation_id = ?) "				\
	"AND (? = 0 OR EXISTS (SELECT 1 FROM member_talents t "		\
	"WHERE t.member_id = m.id AND t.category_id = ?)) "
#define LIST_ROLE_IN							\
	"AND (? = '' OR m.id IN "					\
	"(SELECT r.member_id FROM grants r WHERE r.role = ?)) "
#define LIST_ROLE_JOIN							\
	"AND (? = '' OR g.role = ?) AND g.id = (SELECT MIN(r.id) "	\
	"FROM grants r WHERE r.member_id = g.member_id "		\
	"AND r.role = g.role) "
/* The fixed statements' conditions, each followed by the keyset term. */
#define LIST_FIX_ALL							\
	"WHERE TRUE "
#define LIST_FIX_STATUS							\
	"WHERE m.status = ? "
#define LIST_FIX_SCOPE							\
	"WHERE " LIST_IN_SCOPE
#define LIST_FIX_SCOPE_STATUS						\
	"WHERE " LIST_IN_SCOPE "AND m.status = ? "
/* Ascending: the rows after the cursor; descending: before it.  The
 * username is unique: ordering by it alone lets its index serve. */
#define LIST_GT(col)							\
	"AND (? = 0 OR (? = 1 AND m.id > ?) OR (? = 2 AND "		\
	"(" col " > ? OR (" col " = ? AND m.id > ?)))) "		\
	"ORDER BY " col ", m.id LIMIT ?"
#define LIST_LT(col)							\
	"AND (? = 0 OR (? = 1 AND m.id < ?) OR (? = 2 AND "		\
	"(" col " < ? OR (" col " = ? AND m.id < ?)))) "		\
	"ORDER BY " col " DESC, m.id DESC LIMIT ?"
#define LIST_GT_UNIQUE(col)						\
	"AND (? = 0 OR (? = 1 AND m.id > ?) OR (? = 2 AND "		\
	"(" col " > ? OR (" col " = ? AND m.id > ?)))) "		\
	"ORDER BY " col " LIMIT ?"
#define LIST_LT_UNIQUE(col)						\
	"AND (? = 0 OR (? = 1 AND m.id < ?) OR (? = 2 AND "		\
	"(" col " < ? OR (" col " = ? AND m.id < ?)))) "		\
	"ORDER BY " col " DESC LIMIT ?"
/* NULL (never logged in) sorts first ascending, last descending.  After
 * a NULL key descending, "<=> NULL", not "IS NULL": with IS NULL MariaDB
 * 10.11 reads every NULL entry before the cursor and sorts them (10,000
 * of a community at 100k members) instead of walking the index back. */
#define LIST_GT_LOGIN							\
	"AND (? = 0 OR (? = 1 AND ((m.last_login_at IS NULL "		\
	"AND m.id > ?) OR m.last_login_at IS NOT NULL)) OR (? = 2 AND "	\
	"(m.last_login_at > ? OR (m.last_login_at = ? AND m.id > ?)))) "\
	"ORDER BY m.last_login_at, m.id LIMIT ?"
#define LIST_LT_LOGIN							\
	"AND (? = 0 OR (? = 1 AND m.last_login_at <=> NULL "		\
	"AND m.id < ?) OR (? = 2 AND (m.last_login_at IS NULL OR "	\
	"m.last_login_at < ? OR (m.last_login_at = ? AND m.id < ?)))) "	\
	"ORDER BY m.last_login_at DESC, m.id DESC LIMIT ?"
#define LIST_SORTS(fname, fuser, fjoin, flogin, where) {		\
	{ LIST_COLS fname where LIST_GT("m.name"),			\
	  LIST_COLS fname where LIST_LT("m.name") },			\
	{ LIST_COLS fuser where LIST_GT_UNIQUE("m.username"),		\
	  LIST_COLS fuser where LIST_LT_UNIQUE("m.username") },		\
	{ LIST_COLS fjoin where LIST_GT("m.joined_at"),			\
	  LIST_COLS fjoin where LIST_LT("m.joined_at") },		\
	{ LIST_COLS flogin where LIST_GT_LOGIN,				\
	  LIST_COLS flogin where LIST_LT_LOGIN },			\
}
#define LIST_SORTS1(from, where) LIST_SORTS(from, from, from, from, where)
/* The first page: the same orders, no keyset term. */
#define LIST_FIRST(fname, fuser, fjoin, flogin, where) {		\
	{ LIST_COLS fname where "ORDER BY m.name, m.id LIMIT ?",	\
	  LIST_COLS fname where						\
	  "ORDER BY m.name DESC, m.id DESC LIMIT ?" },			\
	{ LIST_COLS fuser where "ORDER BY m.username LIMIT ?",		\
	  LIST_COLS fuser where "ORDER BY m.username DESC LIMIT ?" },	\
	{ LIST_COLS fjoin where "ORDER BY m.joined_at, m.id LIMIT ?",	\
	  LIST_COLS fjoin where						\
	  "ORDER BY m.joined_at DESC, m.id DESC LIMIT ?" },		\
	{ LIST_COLS flogin where					\
	  "ORDER BY m.last_login_at, m.id LIMIT ?",			\
	  LIST_COLS flogin where					\
	  "ORDER BY m.last_login_at DESC, m.id DESC LIMIT ?" },		\
}
#define LIST_FIRST1(from, where) LIST_FIRST(from, from, from, from, where)
/* STATUS: the index of the status and the sort column. */
#define LIST_STATUS_FROM(sorts, where)					\
	sorts(LIST_FROM_INDEX("members_status_name"),			\
	    LIST_FROM_ORDERED, LIST_FROM_INDEX("members_status_joined"),	\
	    LIST_FROM_INDEX("members_status_login"), where)
#define LIST_SORTS_STATUS(where) LIST_STATUS_FROM(LIST_SORTS, where)
/* One community: its indexes (009), without and with a status. */
#define LIST_ONE_FROM(sorts, where)					\
	sorts(LIST_FROM_INDEX("members_community_name"),		\
	    LIST_FROM_INDEX("members_community_username"),		\
	    LIST_FROM_INDEX("members_community_joined"),		\
	    LIST_FROM_INDEX("members_community_login"), where)
#define LIST_ONE_STATUS_FROM(sorts, where)				\
	sorts(LIST_FROM_INDEX("members_community_status_name"),	\
	    LIST_FROM_INDEX("members_community_status_username"),	\
	    LIST_FROM_INDEX("members_community_status"),		\
	    LIST_FROM_INDEX("members_community_status_login"), where)
#define LIST_FMT							\
	"iiiiiiiiiiiiiiiii" "ss" "i" "ii" "ss" "ss" "iiisis" "sssis"	\
	"iiiiii" "ii" "ss" "iiiissi" "i"
#define LIST_FMT_SCOPE	"iiiiiiiiiiiiiiii"
#define LIST_FMT_KEY	"iiiissii"

static const char *const list_sql[LIST_DRIVE__MAX][LIST_SORT__MAX][2] = {
	LIST_SORTS1(LIST_FROM_ORDERED, LIST_WHERE LIST_ROLE_IN),
	LIST_SORTS_STATUS(LIST_WHERE LIST_ROLE_IN),
	LIST_SORTS1(LIST_FROM_FILTER, LIST_WHERE LIST_ROLE_IN),
	LIST_SORTS1(LIST_FROM_ROLE, LIST_WHERE LIST_ROLE_JOIN),
};

/* The shapes of the fixed statements. */
enum list_shape {
	LIST_SHAPE_ALL,		/* site-wide, no filter */
	LIST_SHAPE_STATUS,	/* site-wide, a status */
	LIST_SHAPE_SCOPE,	/* some communities */
	LIST_SHAPE_SCOPE_STATUS, /* some communities, a status */
	LIST_SHAPE_ONE,		/* one community */
	LIST_SHAPE_ONE_STATUS,	/* one community, a status */
	LIST_SHAPE__MAX,
	LIST_SHAPE_NONE = LIST_SHAPE__MAX	/* the general statement */
};

static const char *const list_fix_sql[LIST_SHAPE__MAX][LIST_SORT__MAX][2] = {
	LIST_SORTS1(LIST_FROM_ORDERED, LIST_FIX_ALL),
	LIST_SORTS_STATUS(LIST_FIX_STATUS),
	LIST_SORTS1(LIST_FROM_ORDERED, LIST_FIX_SCOPE),
	LIST_SORTS_STATUS(LIST_FIX_SCOPE_STATUS),
	LIST_ONE_FROM(LIST_SORTS, LIST_FIX_SCOPE),
	LIST_ONE_STATUS_FROM(LIST_SORTS, LIST_FIX_SCOPE_STATUS),
};

static const char *const
    list_first_sql[LIST_SHAPE__MAX][LIST_SORT__MAX][2] = {
	LIST_FIRST1(LIST_FROM_ORDERED, LIST_FIX_ALL),
	LIST_STATUS_FROM(LIST_FIRST, LIST_FIX_STATUS),
	LIST_FIRST1(LIST_FROM_ORDERED, LIST_FIX_SCOPE),
	LIST_STATUS_FROM(LIST_FIRST, LIST_FIX_SCOPE_STATUS),
	LIST_ONE_FROM(LIST_FIRST, LIST_FIX_SCOPE),
	LIST_ONE_STATUS_FROM(LIST_FIRST, LIST_FIX_SCOPE_STATUS),
};

/* A column as a string, "" for NULL. */
static const char *
list_str(const struct db_rows *r, unsigned col)
{
	const char	*s = db_str(r, col);

	return s != NULL ? s : "";
}

/* The row's value of the sort column, for a cursor. */
const char *
members_list_key(const struct list_row *row, enum list_sort sort)
{
	switch (sort) {
	case LIST_SORT_USERNAME:
		return row->username;
	case LIST_SORT_JOINED:
		return row->joined;
	case LIST_SORT_LOGIN:
		return row->login;
	default:
		return row->name;
	}
}

int
members_list_key_null(const struct list_row *row, enum list_sort sort)
{
	return sort == LIST_SORT_LOGIN && row->login_null;
}

/* A cursor's key must be of the sort column's kind: dates in a date
 * sort, no NULL but in the last-login sort. */
int
members_list_cursor_ok(const struct list_filter *f, const struct pager *p)
{
	if (p->cursor == PAGER_NONE)
		return 1;
	if (p->key_null)
		return f->sort == LIST_SORT_LOGIN;
	if (f->sort == LIST_SORT_JOINED || f->sort == LIST_SORT_LOGIN)
		return pager_key_datetime(p->key);
	return 1;
}

/* A role matches few members, and so do a search and the organisations;
 * a status filter has its indexes, unless a date filter may match fewer
 * rows (then the optimizer, which knows the dates' spread, chooses). */
static enum list_drive
list_drive(const struct list_filter *f)
{
	if (f->role[0] != '\0')
		return LIST_DRIVE_ROLE;
	if (f->q[0] != '\0' || f->org || f->talent != 0)
		return LIST_DRIVE_FILTER;
	if (f->status[0] != '\0' && f->joined_from[0] == '\0' &&
	    f->joined_to[0] == '\0' && f->login == LIST_LOGIN_ANY)
		return LIST_DRIVE_STATUS;
	return LIST_DRIVE_ORDERED;
}

/* The fixed statement for filters that are a status and the scope at
 * most, else LIST_SHAPE_NONE. */
static enum list_shape
list_shape(const struct list_filter *f, const struct list_view *v)
{
	if (f->role[0] != '\0' || f->q[0] != '\0' || f->org ||
	    f->lists[0] != 0 || f->lists[1] != 0 || f->lists[2] != 0 ||
	    f->talent != 0 || f->optout >= 0 || f->joined_from[0] != '\0' ||
	    f->joined_to[0] != '\0' || f->login != LIST_LOGIN_ANY)
		return LIST_SHAPE_NONE;
	if (v->site)
		return f->status[0] != '\0' ? LIST_SHAPE_STATUS :
		    LIST_SHAPE_ALL;
	if (v->nids == 1)
		return f->status[0] != '\0' ? LIST_SHAPE_ONE_STATUS :
		    LIST_SHAPE_ONE;
	return f->status[0] != '\0' ? LIST_SHAPE_SCOPE_STATUS :
	    LIST_SHAPE_SCOPE;
}

static void
list_row_read(const struct db_rows *r, struct list_row *row)
{
	row->id = db_int(r, 0);
	row->username = list_str(r, 1);
	row->name = list_str(r, 2);
	row->email = list_str(r, 3);
	row->phone = list_str(r, 4);
	row->status = list_str(r, 5);
	row->community = db_int(r, 6);
	row->org = db_int(r, 7) != 0;
	row->optout = db_int(r, 8) != 0;
	row->joined = list_str(r, 9);
	row->login_null = db_null(r, 10);
	row->login = list_str(r, 10);
}

/* The parameters of the keyset term, and the scope's sixteen. */
#define LIST_KEY_ARGS(p, mode, limit)					\
	(mode), (mode), (p)->id, (mode), (p)->key, (p)->key, (p)->id,	\
	(long long)(limit)
#define LIST_SCOPE_ARGS(c)						\
	(c)[0], (c)[1], (c)[2], (c)[3], (c)[4], (c)[5], (c)[6], (c)[7],	\
	(c)[8], (c)[9], (c)[10], (c)[11], (c)[12], (c)[13], (c)[14], (c)[15]

/* Runs the fixed statement sql of shape s: list_first_sql's without a
 * cursor, list_fix_sql's with one. */
static enum weft_err
list_query_fixed(struct db_rows **r, const char *sql, enum list_shape s,
    const struct list_filter *f, const long long *c, const struct pager *p,
    size_t limit)
{
	long long	 mode = pager_mode(p), n = (long long)limit;

	if (mode == PAGER_MODE_NONE)
		switch (s) {
		case LIST_SHAPE_ALL:
			return db_query(r, sql, "i", n);
		case LIST_SHAPE_STATUS:
			return db_query(r, sql, "si", f->status, n);
		case LIST_SHAPE_SCOPE:
		case LIST_SHAPE_ONE:
			return db_query(r, sql, LIST_FMT_SCOPE "i",
			    LIST_SCOPE_ARGS(c), n);
		default:
			return db_query(r, sql, LIST_FMT_SCOPE "si",
			    LIST_SCOPE_ARGS(c), f->status, n);
		}
	switch (s) {
	case LIST_SHAPE_ALL:
		return db_query(r, sql, LIST_FMT_KEY,
		    LIST_KEY_ARGS(p, mode, limit));
	case LIST_SHAPE_STATUS:
		return db_query(r, sql, "s" LIST_FMT_KEY, f->status,
		    LIST_KEY_ARGS(p, mode, limit));
	case LIST_SHAPE_SCOPE:
	case LIST_SHAPE_ONE:
		return db_query(r, sql, LIST_FMT_SCOPE LIST_FMT_KEY,
		    LIST_SCOPE_ARGS(c), LIST_KEY_ARGS(p, mode, limit));
	default:
		return db_query(r, sql, LIST_FMT_SCOPE "s" LIST_FMT_KEY,
		    LIST_SCOPE_ARGS(c), f->status,
		    LIST_KEY_ARGS(p, mode, limit));
	}
}

/* Runs the general statement sql (LIST_FMT). */
static enum weft_err
list_query_general(struct db_rows **r, const char *sql,
    const struct list_filter *f, const struct list_view *v,
    const long long *c, const struct pager *p, size_t limit)
{
	long long	 mode = pager_mode(p), lg = f->login;
	char		 like[sizeof(f->q) * 2 + 2];

	if (pager_like_prefix(like, sizeof(like), f->q) == -1)
		return WEFT_ERR_INVALID;
	return db_query(r, sql, LIST_FMT, (long long)v->site,
	    LIST_SCOPE_ARGS(c), f->status, f->status, (long long)f->org,
	    (long long)f->optout, (long long)f->optout, f->joined_from,
	    f->joined_from, f->joined_to, f->joined_to, lg, lg, lg,
	    f->login_date, lg, f->login_date, f->q, like, like,
	    (long long)v->email_search, like, f->lists[0], f->lists[0],
	    f->lists[1], f->lists[1], f->lists[2], f->lists[2], f->talent,
	    f->talent, f->role, f->role,
	    LIST_KEY_ARGS(p, mode, limit));
}

/*
 * Runs the list's query for the rows past the cursor (pager.h), at most
 * limit of them, read into out (room for limit rows); *n says how many.
 * Their strings are in *r, for the caller to free.
 */
enum weft_err
members_list_fetch(const struct list_filter *f, const struct list_view *v,
    const struct pager *p, size_t limit, struct list_row *out, size_t *n,
    struct db_rows **r)
{
	enum list_shape	 s = list_shape(f, v);
	long long	 c[LIST_SCOPE_MAX];
	/* Ascending and forward, or descending and backward: ">". */
	int		 dir = f->desc == pager_reverse(p) ? 0 : 1;
	enum weft_err	 e;
	size_t		 i;

	*n = 0;
	*r = NULL;
	for (i = 0; i < LIST_SCOPE_MAX; i++)
		c[i] = v->nids > 0 ? v->ids[i < v->nids ? i : 0] : 0;
	if (s != LIST_SHAPE_NONE)
		e = list_query_fixed(r, pager_mode(p) == PAGER_MODE_NONE ?
		    list_first_sql[s][f->sort][dir] :
		    list_fix_sql[s][f->sort][dir], s, f, c, p, limit);
	else
		e = list_query_general(r, list_sql[list_drive(f)][f->sort][dir],
		    f, v, c, p, limit);
	if (e != WEFT_OK)
		return e;
	while (*n < limit && db_next(*r))
		list_row_read(*r, &out[(*n)++]);
	return WEFT_OK;
}

/* The time limit ends a query with 1969, or with 1028 when it strikes
 * during a sort ("Sort aborted: ... max_statement_time exceeded"). */
int
members_list_too_slow(enum weft_err e)
{
	return e == WEFT_ERR_DB && (db_errno() == LIST_TIMEOUT_ERR ||
	    db_errno() == LIST_SORT_ABORT);
}

/* A query that failed: too slow (the statement time limit) is said on
 * the page with 503, anything else is the error page. */
int
members_list_fetch_status(struct request *req, struct tmpl_dict *d,
    enum weft_err e)
{
	if (members_list_too_slow(e)) {
		tmpl_set(tmpl_section(d, "NOTICE"), "MESSAGE",
		    app_text(req, N_("members.list.slow")));
		return 503;
	}
	return app_status_of(e);
}

void
members_list_reverse(struct list_row *rows, size_t n)
{
	struct list_row	 t;
	size_t		 i;

	for (i = 0; i < n / 2; i++) {
		t = rows[i];
		rows[i] = rows[n - 1 - i];
		rows[n - 1 - i] = t;
	}
}

/* ---- filters ---------------------------------------------------------- */

static const char *const list_status_values[] = {
	"", "applying", "approved", "disabled",
};
static const char *const list_optout_values[] = { "", "yes", "no" };
static const char *const list_dir_values[] = { "asc", "desc" };
const char *const members_list_login_keys[LIST_LOGIN__MAX] = {
	"", "never", "before", "after",
};
const char *const members_list_sort_keys[LIST_SORT__MAX] = {
	"name", "username", "joined", "login",
};

/* The filters; each select's value must be one of those offered. */
enum { Q_Q, Q_STATUS, Q_ROLE, Q_COMMUNITY, Q_ORG, Q_OPTOUT, Q_JOINED_FROM,
    Q_JOINED_TO, Q_LOGIN, Q_LOGIN_DATE, Q_SORT, Q_DIR, Q_NEIGHBOURHOOD,
    Q_COUNTY, Q_AFFILIATION, Q_TALENT, Q__MAX };
/* The site's lists (lists.h), in enum list's order. */
#define Q_LIST(i)	(Q_NEIGHBOURHOOD + (i))
static const struct form_field list_fields[Q__MAX] = {
	[Q_Q] = { "q", FORM_TEXT, 0, 0, LIST_Q_MAX },
	[Q_STATUS] = { "status", FORM_CHOICE, 0, 0, 16,
	    FORM_CHOICES(list_status_values) },
	[Q_ROLE] = { "role", FORM_CHOICE, 0, 0, 16, FORM_CHOICES(role_keys) },
	[Q_COMMUNITY] = { "community", FORM_ID, 0, 0, 0 },
	[Q_ORG] = { "org", FORM_BOOL, 0, 0, 0 },
	[Q_OPTOUT] = { "optout", FORM_CHOICE, 0, 0, 8,
	    FORM_CHOICES(list_optout_values) },
	[Q_JOINED_FROM] = { "joined_from", FORM_DATE, 0, 0, 0 },
	[Q_JOINED_TO] = { "joined_to", FORM_DATE, 0, 0, 0 },
	[Q_LOGIN] = { "login", FORM_CHOICE, 0, 0, 8,
	    FORM_CHOICES(members_list_login_keys) },
	[Q_LOGIN_DATE] = { "login_date", FORM_DATE, 0, 0, 0 },
	[Q_SORT] = { "sort", FORM_CHOICE, 0, 0, 8,
	    FORM_CHOICES(members_list_sort_keys) },
	[Q_DIR] = { "dir", FORM_CHOICE, 0, 0, 4,
	    FORM_CHOICES(list_dir_values) },
	[Q_NEIGHBOURHOOD] = { "neighbourhood", FORM_ID, 0, 0, 0 },
	[Q_COUNTY] = { "county", FORM_ID, 0, 0, 0 },
	[Q_AFFILIATION] = { "affiliation", FORM_ID, 0, 0, 0 },
	[Q_TALENT] = { "talent", FORM_ID, 0, 0, 0 },
};

static void
list_bad(struct request *req, struct tmpl_dict *d, const char *field,
    const char *key)
{
	form_error(d, field, app_text(req, key));
}

/* The choices of the selects (the form has refused the others). */
static void
list_read_choices(const struct form_value *v, struct list_filter *f)
{
	util_copy(f->status, sizeof(f->status),
	    v[Q_STATUS].set ? v[Q_STATUS].str : "");
	util_copy(f->role, sizeof(f->role),
	    v[Q_ROLE].set ? v[Q_ROLE].str : "");
	f->optout = !v[Q_OPTOUT].set ? -1 : v[Q_OPTOUT].choice == 1 ? 1 : 0;
	f->login = v[Q_LOGIN].set ? (enum list_login)v[Q_LOGIN].choice :
	    LIST_LOGIN_ANY;
	if (v[Q_SORT].set)
		f->sort = (enum list_sort)v[Q_SORT].choice;
	f->desc = v[Q_DIR].set && v[Q_DIR].choice == 1;
}

/*
 * Reads the filters of the query string into f, marking each bad field
 * on the page d (form.h conventions); returns how many are bad.  The
 * view-dependent checks are members_list_view()'s.
 */
size_t
members_list_read(struct request *req, struct tmpl_dict *d,
    struct list_filter *f)
{
	struct form_value	 v[Q__MAX];
	const char		*q;
	size_t			 bad, len, i;

	memset(f, 0, sizeof(*f));
	form_summary(d, app_lang(req), N_("form.summary.filters"), NULL, 0);
	bad = form_read(list_fields, Q__MAX, &req->query, app_lang(req), d, v);
	list_read_choices(v, f);
	/* Leading and trailing blanks are noise in a search box. */
	for (q = v[Q_Q].str; *q == ' '; q++)
		continue;
	util_copy(f->q, sizeof(f->q), q);
	for (len = strlen(f->q); len > 0 && f->q[len - 1] == ' ';)
		f->q[--len] = '\0';
	if (v[Q_COMMUNITY].set)
		f->community = v[Q_COMMUNITY].id;
	/* Any item, retired ones too: members may still have them. */
	for (i = 0; i < LISTS_MEMBER; i++)
		if (v[Q_LIST(i)].set)
			f->lists[i] = v[Q_LIST(i)].id;
	/* A category members list as a talent (issue 17). */
	if (v[Q_TALENT].set)
		f->talent = v[Q_TALENT].id;
	f->org = v[Q_ORG].on;
	/* As sent: a refused date has its message, and still counts as
	 * given for the checks below. */
	util_copy(f->joined_from, sizeof(f->joined_from),
	    v[Q_JOINED_FROM].str);
	util_copy(f->joined_to, sizeof(f->joined_to), v[Q_JOINED_TO].str);
	util_copy(f->login_date, sizeof(f->login_date), v[Q_LOGIN_DATE].str);
	/* Same format on both sides, so text order is date order. */
	if (f->joined_from[0] && f->joined_to[0] &&
	    strcmp(f->joined_from, f->joined_to) > 0) {
		list_bad(req, d, "joined_to", N_("members.list.date_order"));
		bad++;
	}
	if ((f->login == LIST_LOGIN_BEFORE || f->login == LIST_LOGIN_AFTER) &&
	    f->login_date[0] == '\0') {
		list_bad(req, d, "login_date", N_("members.list.login_date"));
		bad++;
	} else if (f->login != LIST_LOGIN_BEFORE &&
	    f->login != LIST_LOGIN_AFTER && f->login_date[0] != '\0') {
		list_bad(req, d, "login", N_("members.list.login_kind"));
		bad++;
	}
	return bad;
}

/* Does the viewer hold perm (fully: without footnote 1, when full) over
 * every community of the list's scope? */
static int
list_covers(const struct request *req, enum perm perm, int full,
    const struct list_view *v)
{
	static const struct scope site = { SCOPE_SITE, 0, "" };
	struct scope	 sc;
	size_t		 i;

	if (v->site)
		return full ? role_allows_full(&req->actor.grants, perm,
		    &site) : role_allows(&req->actor.grants, perm, &site);
	memset(&sc, 0, sizeof(sc));
	sc.kind = SCOPE_COMMUNITY;
	for (i = 0; i < v->nids; i++) {
		sc.community = v->ids[i];
		if (full ? !role_allows_full(&req->actor.grants, perm, &sc) :
		    !role_allows(&req->actor.grants, perm, &sc))
			return 0;
	}
	return v->nids > 0;
}

/* The narrow view has names and status only: any other filter or sort
 * would tell what its columns hide. */
static size_t
list_narrow_check(struct request *req, struct tmpl_dict *d,
    const struct list_filter *f)
{
	static const char	*k = N_("members.list.not_in_view");
	size_t			 bad = 0, i;

	if (f->role[0] != '\0' && ++bad)
		list_bad(req, d, "role", k);
	if (f->org && ++bad)
		list_bad(req, d, "org", k);
	if (f->optout >= 0 && ++bad)
		list_bad(req, d, "optout", k);
	if ((f->joined_from[0] || f->joined_to[0]) && ++bad)
		list_bad(req, d, "joined_from", k);
	if (f->login != LIST_LOGIN_ANY && ++bad)
		list_bad(req, d, "login", k);
	for (i = 0; i < LISTS_MEMBER; i++)
		if (f->lists[i] != 0 && ++bad)
			list_bad(req, d, lists_defs[i].field, k);
	if (f->sort != LIST_SORT_NAME && f->sort != LIST_SORT_USERNAME &&
	    ++bad)
		list_bad(req, d, "sort", k);
	return bad;
}

/*
 * The list's scope (the communities member.list covers, narrowed by the
 * community filter) and what the viewer sees over it; bad fields are
 * marked on d.  Returns how many are bad.
 */
size_t
members_list_view(struct request *req, struct tmpl_dict *d,
    const struct list_filter *f, struct list_view *v)
{
	long long	 ids[LIST_SCOPE_MAX + 1];
	size_t		 n, i;
	int		 site;

	memset(v, 0, sizeof(*v));
	n = role_communities(&req->actor.grants, PERM_MEMBER_LIST, &site,
	    ids, NELEM(ids));
	v->site = site;
	for (i = 0; !site && i < n && i < LIST_SCOPE_MAX; i++)
		v->ids[v->nids++] = ids[i];
	if (f->community > 0) {
		for (i = 0; !site && i < n && ids[i] != f->community; i++)
			continue;
		if (!site && i == n) {
			list_bad(req, d, "community", N_("members.list.not_yours"));
			return 1;
		}
		v->site = 0;
		v->ids[0] = f->community;
		v->nids = 1;
	} else if (!site && n > LIST_SCOPE_MAX) {
		/* More communities than the query's placeholders: rare
		 * enough to ask for one at a time. */
		list_bad(req, d, "community", N_("members.list.pick_community"));
		return 1;
	}
	v->full = list_covers(req, PERM_MEMBER_LIST, 1, v);
	v->contact = v->full &&
	    role_allows_somewhere(&req->actor.grants, PERM_MEMBER_CONTACT);
	v->email_search = v->contact &&
	    list_covers(req, PERM_MEMBER_CONTACT, 0, v);
	v->bulk = v->full &&
	    role_allows_somewhere(&req->actor.grants, PERM_MEMBER_BULK);
	/* Footnote 1: the payment coordinator's narrow view has them. */
	v->payment = app_feature_on(APP_FEATURE_PAYMENTS) &&
	    role_allows_somewhere(&req->actor.grants, PERM_PAYMENT_MANAGE);
	return v->full ? 0 : list_narrow_check(req, d, f);
}

/* The filters as link parameters (pager.h); sort and dir apart, for the
 * column headers. */
void
members_list_params(struct buf *b, const struct list_filter *f, int with_sort)
{
	char	 num[24];
	size_t	 i;

	pager_param(b, "q", f->q);
	pager_param(b, "status", f->status);
	pager_param(b, "role", f->role);
	if (f->community > 0) {
		snprintf(num, sizeof(num), "%lld", f->community);
		pager_param(b, "community", num);
	}
	for (i = 0; i < LISTS_MEMBER; i++)
		if (f->lists[i] > 0) {
			snprintf(num, sizeof(num), "%lld", f->lists[i]);
			pager_param(b, lists_defs[i].field, num);
		}
	if (f->talent > 0) {
		snprintf(num, sizeof(num), "%lld", f->talent);
		pager_param(b, "talent", num);
	}
	pager_param(b, "org", f->org ? "1" : NULL);
	pager_param(b, "optout", f->optout < 0 ? NULL : f->optout ? "yes" :
	    "no");
	pager_param(b, "joined_from", f->joined_from);
	pager_param(b, "joined_to", f->joined_to);
	pager_param(b, "login", members_list_login_keys[f->login]);
	pager_param(b, "login_date", f->login_date);
	if (with_sort && (f->sort != LIST_SORT_NAME || f->desc)) {
		pager_param(b, "sort", members_list_sort_keys[f->sort]);
		pager_param(b, "dir", f->desc ? "desc" : "asc");
	}
}

