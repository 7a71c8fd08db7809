/*
 * The member list (GET /members) and its CSV export (GET
 * /members/export.csv): filters, sortable columns and keyset paging
 * (pager.h), over the members the viewer's member.list covers
 * (docs/authorization.md rule 2), with the columns the viewer may see
 * (rule 8, footnote 1).
 *
 * Decisions, for the reader and the tests:
 * - Bad filter values are not ignored: the page comes back with status
 *   400, the filter form re-rendered with a message on each bad field,
 *   and no rows.  The CSV export answers 400 with the error page.
 * - The page shows the narrow view of footnote 1 (names, status; no
 *   contact, no notes link, none of the other filters or sorts) unless
 *   member.list is held without that footnote over all of the list's
 *   scope; a community filter narrows the scope, so someone who is a
 *   payment coordinator site-wide and a member coordinator in community
 *   1 gets the full view by choosing community 1.
 * - Contact cells are filled row by row, only where member.contact
 *   covers the member; e-mail addresses are searched only when it covers
 *   the whole scope, so a search cannot find what it could not show.
 * - "Joined" and "last login" dates are inclusive days (UTC).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n_conv.h"
#include "form.h"
#include "i18n_conv.h"
#include "list.h"
#include "subscription.h"
#include "util.h"

_Static_assert(LIST_PER_PAGE <= SUB_COLUMNS_MAX,
    "a page's subscription columns are read in one statement");

/* ---- the page --------------------------------------------------------- */

/* The selects and options of the filter form, for what was asked. */
static void
list_form_fill(struct request *req, struct tmpl_dict *d,
    const struct list_filter *f, const struct list_view *v,
    const struct list_communities *c)
{
	char			 sec[40], num[24];
	long long		 ids[LIST_SCOPE_MAX + 1], id;
	size_t			 n, j;
	int			 site, k;

	for (k = 0; k < ROLE__MAX; k++)
		form_option(d, "ROLE_OPTION", role_keys[k],
		    app_text(req, role_title_keys[k]),
		    strcmp(f->role, role_keys[k]) == 0);
	snprintf(sec, sizeof(sec), "STATUS_IS_%s", f->status[0] ?
	    f->status : "ANY");
	tmpl_show(d, sec);
	snprintf(sec, sizeof(sec), "OPTOUT_IS_%s", f->optout < 0 ? "ANY" :
	    f->optout ? "YES" : "NO");
	tmpl_show(d, sec);
	snprintf(sec, sizeof(sec), "LOGIN_IS_%s", f->login ?
	    members_list_login_keys[f->login] : "ANY");
	tmpl_show(d, sec);
	snprintf(sec, sizeof(sec), "SORT_IS_%s",
	    members_list_sort_keys[f->sort]);
	tmpl_show(d, sec);
	tmpl_show(d, f->desc ? "DIR_IS_DESC" : "DIR_IS_ASC");
	if (v->full)
		tmpl_show(d, "FULL");
	tmpl_show(d, v->email_search ? "EMAIL_SEARCH" : "NO_EMAIL_SEARCH");
	/* Only the communities the viewer's member.list covers. */
	n = role_communities(&req->actor.grants, PERM_MEMBER_LIST, &site,
	    ids, NELEM(ids));
	for (j = 0; j < c->n; j++) {
		id = c->byname[j].id;
		if (!role_communities_has(id, site, ids, n))
			continue;
		snprintf(num, sizeof(num), "%lld", id);
		form_option(d, "COMMUNITY_OPTION", num, c->byname[j].name,
		    id == f->community);
	}
	tmpl_show(d, site ? "ALL_COMMUNITIES" : "MY_COMMUNITIES");
}

/* Sortable column headers: a link that sorts by the column, ascending,
 * or the other way round when it already does; aria-sort says which. */
static void
list_headers(struct tmpl_dict *d, const struct list_filter *f,
    const char *params)
{
	static const char *const vars[LIST_SORT__MAX] = {
		"SORT_NAME", "SORT_USERNAME", "SORT_JOINED", "SORT_LOGIN",
	};
	struct buf	 b, p;
	char		 var[40];
	int		 s, desc;

	buf_init(&b);
	buf_init(&p);
	for (s = 0; s < LIST_SORT__MAX; s++) {
		desc = s == (int)f->sort && !f->desc;
		buf_reset(&p);
		buf_puts(&p, params);
		pager_param(&p, "sort", members_list_sort_keys[s]);
		pager_param(&p, "dir", desc ? "desc" : "asc");
		buf_reset(&b);
		pager_href(&b, "/members", p.p, PAGER_NONE, NULL, 0, 0);
		snprintf(var, sizeof(var), "%s_HREF", vars[s]);
		tmpl_set(d, var, b.p != NULL ? b.p : "/members");
		snprintf(var, sizeof(var), "%s_ARIA", vars[s]);
		tmpl_set(d, var, s != (int)f->sort ? "none" : f->desc ?
		    "descending" : "ascending");
		if (s == (int)f->sort) {
			snprintf(var, sizeof(var), "%s_%s", vars[s],
			    f->desc ? "DESC" : "ASC");
			tmpl_show(d, var);
		}
	}
	buf_free(&b);
	buf_free(&p);
}

/* The first n bytes of s (a date of a datetime) as key's value. */
static void
list_set_date(struct tmpl_dict *d, const char *key, const char *lang,
    const char *s, size_t n)
{
	char	 v[24];

	if (n >= sizeof(v))
		n = sizeof(v) - 1;
	n = strnlen(s, n);
	memcpy(v, s, n);
	v[n] = '\0';
	i18n_set_date(d, key, lang, v);
}

/* The full view's cells of a row: on s, the tags of the name's cell on
 * the row t. */
static enum weft_err
list_row_full(const struct request *req, struct tmpl_dict *t,
    struct tmpl_dict *s, struct list_communities *c,
    const struct list_row *row)
{
	const char	*name;
	enum weft_err	 e;

	if ((e = members_list_community_name(c, row->community, &name)) !=
	    WEFT_OK)
		return e;
	tmpl_set(s, "COMMUNITY", name[0] != '\0' ? name : "—");
	/* The day is enough to read; the CSV has the seconds. */
	list_set_date(s, "JOINED", app_lang(req), row->joined, 10);
	if (row->login_null)
		tmpl_set(s, "LOGIN", app_text(req, N_("members.field.never")));
	else
		list_set_date(s, "LOGIN", app_lang(req), row->login, 16);
	if (row->org)
		tmpl_show(t, "ROW_ORG");
	if (row->optout)
		tmpl_show(t, "ROW_OPTOUT");
	return WEFT_OK;
}

/*
 * One row of the table, with the cells the viewer may see (rule 8).  A
 * page has 50 rows, and each section or value of a row costs about the
 * same: the links are written from {{ID}} in the template and the status
 * is a value.
 */
/* The subscription cells of a row (v->payment): the member's status and
 * renewal date where the viewer has payment.manage over them, else a
 * dash (docs/payments.md). */
static void
list_row_sub(struct request *req, struct tmpl_dict *t,
    const struct list_row *row, const struct sub_column *sub)
{
	struct tmpl_dict	*s;
	struct scope		 sc;

	scope_of_community(row->community, &sc);
	if (!role_allows(&req->actor.grants, PERM_PAYMENT_MANAGE, &sc)) {
		tmpl_show(t, "ROW_NO_SUB");
		return;
	}
	s = tmpl_section(t, "ROW_SUB");
	tmpl_set(s, "SUB_STATUS", app_text(req, sub_status_keys[sub->status]));
	tmpl_set(s, "SUB_STATUS_NAME", sub_status_names[sub->status]);
	if (sub->renewal[0] != '\0')
		i18n_set_date(s, "SUB_RENEWAL", app_lang(req), sub->renewal);
}

static enum weft_err
list_row_fill(struct request *req, struct tmpl_dict *d,
    const struct list_view *v, struct list_communities *c,
    const struct list_row *row, const struct sub_column *sub)
{
	struct tmpl_dict	*t, *s;
	struct scope		 sc;
	enum member_status	 st;
	enum weft_err		 e;

	t = tmpl_section(d, "ROW");
	tmpl_set_int(t, "ID", row->id);
	tmpl_set(t, "NAME", row->name);
	tmpl_set(t, "USERNAME", row->username);
	/* The status column's words, as the filter form has them. */
	tmpl_set(t, "STATUS", member_status_parse(row->status, &st) == 0 ?
	    app_text(req, member_status_title_keys[st]) : "");
	if (v->bulk)
		tmpl_show(t, "ROW_BULK");
	if (v->payment)
		list_row_sub(req, t, row, sub);
	if (!v->full)
		return WEFT_OK;
	s = tmpl_section(t, "ROW_FULL");
	if ((e = list_row_full(req, t, s, c, row)) != WEFT_OK)
		return e;
	scope_of_community(row->community, &sc);
	if (role_allows(&req->actor.grants, PERM_MEMBER_NOTES, &sc))
		tmpl_show(s, "ROW_NOTES");
	if (!v->contact)
		return WEFT_OK;
	if (role_allows(&req->actor.grants, PERM_MEMBER_CONTACT, &sc)) {
		s = tmpl_section(t, "ROW_CONTACT");
		tmpl_set(s, "EMAIL", row->email);
		tmpl_set(s, "PHONE", row->phone);
	} else
		tmpl_show(t, "ROW_NO_CONTACT");
	return WEFT_OK;
}

/* The pager's links, each keeping the filters and the sort. */
static void
list_links(struct tmpl_dict *d, const struct list_filter *f,
    const char *params, const struct pager_result *pr,
    const struct list_row *first, const struct list_row *last)
{
	struct buf	 b;

	buf_init(&b);
	if (pr->has_first) {
		pager_href(&b, "/members", params, PAGER_NONE, NULL, 0, 0);
		tmpl_set(tmpl_section(d, "FIRST"), "HREF", b.p);
	}
	if (pr->has_prev && first != NULL) {
		buf_reset(&b);
		pager_href(&b, "/members", params, PAGER_BEFORE,
		    members_list_key(first, f->sort),
		    members_list_key_null(first, f->sort), first->id);
		tmpl_set(tmpl_section(d, "PREV"), "HREF", b.p);
	}
	if (pr->has_next && last != NULL) {
		buf_reset(&b);
		pager_href(&b, "/members", params, PAGER_AFTER,
		    members_list_key(last, f->sort),
		    members_list_key_null(last, f->sort), last->id);
		tmpl_set(tmpl_section(d, "NEXT"), "HREF", b.p);
	}
	if (pr->has_first || pr->has_prev || pr->has_next)
		tmpl_show(d, "PAGER");
	buf_free(&b);
}

/* The bulk form's "all matching" choice copies the filters it knows
 * (f_*); the joined, last-login and lists filters have no such field, so with
 * those the choice is not offered (the ticked rows still are). */
static void
list_bulk(struct tmpl_dict *d, const struct list_filter *f)
{
	struct tmpl_dict	*s;
	char			 num[24];
	int			 k;

	tmpl_show(d, "BULK");
	for (k = 0; k < ROLE__MAX; k++) {
		s = tmpl_section(d, "BULK_ROLE");
		tmpl_set(s, "VALUE", role_keys[k]);
		tmpl_set(s, "LABEL", i18n_text(tmpl_page_lang(d),
		    role_title_keys[k]));
	}
	if (f->joined_from[0] || f->joined_to[0] ||
	    f->login != LIST_LOGIN_ANY || f->lists[0] != 0 ||
	    f->lists[1] != 0 || f->lists[2] != 0 || f->talent != 0) {
		tmpl_show(d, "BULK_NO_ALL");
		return;
	}
	s = tmpl_section(d, "BULK_ALL");
	tmpl_set(s, "F_STATUS", f->status);
	tmpl_set(s, "F_ROLE", f->role);
	snprintf(num, sizeof(num), "%lld", f->community);
	tmpl_set(s, "F_COMMUNITY", f->community > 0 ? num : "");
	tmpl_set(s, "F_Q", f->q);
	tmpl_set(s, "F_ORG", f->org ? "1" : "");
	tmpl_set(s, "F_OPTOUT", f->optout < 0 ? "" : f->optout ? "yes" :
	    "no");
}

/* The export link: the same filters and sort. */
static void
list_csv_href(struct tmpl_dict *d, const char *params)
{
	struct buf	 b;

	buf_init(&b);
	pager_href(&b, "/members/export.csv", params, PAGER_NONE, NULL, 0, 0);
	tmpl_set(d, "CSV_HREF", b.p != NULL ? b.p : "/members/export.csv");
	buf_free(&b);
}

/* The subscription columns of the n rows shown, in one statement. */
static enum weft_err
list_subs(struct tmpl_dict *d, const struct list_row *rows, size_t n,
    struct sub_column *subs)
{
	long long	 ids[SUB_COLUMNS_MAX];
	size_t		 i;

	tmpl_show(d, "PAYMENT");
	for (i = 0; i < n && i < SUB_COLUMNS_MAX; i++)
		ids[i] = rows[i].id;
	return sub_columns(ids, i, subs);
}

/* The table of the rows the page shows, with its optional columns. */
static enum weft_err
list_table(struct request *req, struct tmpl_dict *d,
    const struct list_view *v, struct list_communities *c,
    struct list_row *rows, const struct pager_result *pr)
{
	struct sub_column	 subs[SUB_COLUMNS_MAX];
	size_t			 i;
	enum weft_err		 e;

	tmpl_show(d, "RESULTS");
	if (!v->full)
		tmpl_show(d, "NARROW");
	if (v->contact)
		tmpl_show(d, "CONTACT");
	if (pr->reversed)
		members_list_reverse(rows, pr->shown);
	tmpl_show(d, pr->shown > 0 ? "HAS_ROWS" : "NO_ROWS");
	tmpl_set_int(d, "SHOWN", (long long)pr->shown);
	if (v->payment && (e = list_subs(d, rows, pr->shown, subs)) !=
	    WEFT_OK)
		return e;
	for (i = 0; i < pr->shown; i++)
		if ((e = list_row_fill(req, d, v, c, &rows[i], &subs[i])) !=
		    WEFT_OK)
			return e;
	return WEFT_OK;
}

/* Fetches the page and fills the table, the links and the bulk form;
 * returns the status to render with, *empty when no row is shown. */
static int
list_results(struct request *req, struct tmpl_dict *d,
    const struct list_filter *f, const struct list_view *v,
    struct list_communities *c, int *empty)
{
	struct list_row		*rows;
	struct db_rows		*r = NULL;
	struct pager		 p;
	struct pager_result	 pr;
	struct buf		 params;
	size_t			 n;
	enum weft_err		 e;
	int			 st = 200;

	if (pager_parse(&req->query, LIST_PER_PAGE, &p) != WEFT_OK ||
	    !members_list_cursor_ok(f, &p)) {
		tmpl_set(tmpl_section(d, "NOTICE"), "MESSAGE",
		    app_text(req, N_("members.list.bad_cursor")));
		return 400;
	}
	if ((rows = calloc(pager_limit(&p), sizeof(*rows))) == NULL)
		return 500;
	buf_init(&params);
	e = members_list_fetch(f, v, &p, pager_limit(&p), rows, &n, &r);
	if (e != WEFT_OK) {
		st = members_list_fetch_status(req, d, e);
		goto out;
	}
	pager_result(&p, n, &pr);
	*empty = pr.shown == 0;
	if ((e = list_table(req, d, v, c, rows, &pr)) != WEFT_OK) {
		st = app_status_of(e);
		goto out;
	}
	members_list_params(&params, f, 0);
	list_headers(d, f, params.p != NULL ? params.p : "");
	buf_reset(&params);
	members_list_params(&params, f, 1);
	list_links(d, f, params.p != NULL ? params.p : "", &pr,
	    pr.shown > 0 ? &rows[0] : NULL,
	    pr.shown > 0 ? &rows[pr.shown - 1] : NULL);
	list_csv_href(d, params.p != NULL ? params.p : "");
	if (v->bulk && pr.shown > 0)
		list_bulk(d, f);
	if (f->q[0] && v->contact && !v->email_search)
		tmpl_set(tmpl_section(d, "NOTICE"), "MESSAGE",
		    app_text(req, N_("members.list.email_not_searched")));
	if (buf_failed(&params))
		st = 500;
out:
	if (r != NULL)
		db_rows_free(r);
	buf_free(&params);
	free(rows);
	return st;
}

/* GET /members. */
int
members_list(struct request *req)
{
	struct tmpl_dict	*d;
	struct list_filter	 f;
	struct list_view	 v;
	struct list_communities	 c;
	enum weft_err		 e;
	size_t			 bad;
	int			 st, empty = 1;

	if ((d = app_page(req, "members/list.tpl",
	    app_text(req, N_("members.list.title")))) == NULL)
		return 500;
	bad = members_list_read(req, d, &f);
	bad += members_list_view(req, d, &f, &v);
	if ((e = members_list_communities(&c)) != WEFT_OK)
		return app_status_of(e);
	list_form_fill(req, d, &f, &v, &c);
	/* The filters of the site's lists: the items offered, and the one
	 * asked for even when retired, as members may still have it. */
	if ((e = lists_member_fields(d, app_lang(req), f.lists, f.lists,
	    NULL)) != WEFT_OK || (e = lists_options(d, "TALENT_OPTION",
	    LIST_CATEGORY, app_lang(req), f.talent, f.talent)) != WEFT_OK) {
		members_list_communities_free(&c);
		return app_status_of(e);
	}
	st = bad > 0 ? 400 : list_results(req, d, &f, &v, &c, &empty);
	/* The form folds away behind its summary, unless the reader needs
	 * it: a filter refused, nothing found. */
	if (st != 500 && (e = members_list_summary(req, d, &f, &c,
	    st != 200 || empty)) != WEFT_OK)
		st = app_status_of(e);
	else if (st != 500)
		st = app_render(req, st);
	members_list_communities_free(&c);
	return st;
}


/* ---- CSV export -------------------------------------------------------- */

/* The same columns as the page, for this viewer. */
static void
list_csv_header(struct buf *b, const struct list_view *v)
{
	buf_puts(b, "id,username,name,status");
	if (v->full)
		buf_puts(b, ",community,organisation,optout,joined,last_login");
	if (v->contact)
		buf_puts(b, ",email,phone");
	buf_puts(b, "\r\n");
}

/* One record; every cell through buf_csv_field(), which quotes it and
 * defuses a leading = + - @ (CSV injection into spreadsheets). */
static enum weft_err
list_csv_row(struct buf *b, const struct request *req,
    const struct list_view *v, struct list_communities *c,
    const struct list_row *row)
{
	struct scope	 sc;
	const char	*name;
	char		 num[24];
	enum weft_err	 e;
	int		 contact;

	snprintf(num, sizeof(num), "%lld", row->id);
	buf_csv_fields(b, 4, num, row->username, row->name, row->status);
	if (v->full) {
		if ((e = members_list_community_name(c, row->community,
		    &name)) != WEFT_OK)
			return e;
		buf_puts(b, ",");
		buf_csv_field(b, name);
		buf_puts(b, row->org ? ",\"yes\"," : ",\"no\",");
		buf_puts(b, row->optout ? "\"yes\"," : "\"no\",");
		buf_csv_fields(b, 2, row->joined,
		    row->login_null ? "never" : row->login);
	}
	if (v->contact) {
		scope_of_community(row->community, &sc);
		contact = role_allows(&req->actor.grants, PERM_MEMBER_CONTACT,
		    &sc);
		buf_puts(b, ",");
		buf_csv_fields(b, 2, contact ? row->email : "",
		    contact ? row->phone : "");
	}
	buf_puts(b, "\r\n");
	return WEFT_OK;
}

/* The cursor of the chunk after the one that ends with last. */
static void
list_csv_cursor(struct pager *p, const struct list_filter *f,
    const struct list_row *last)
{
	p->cursor = PAGER_AFTER;
	p->key_null = members_list_key_null(last, f->sort);
	snprintf(p->key, sizeof(p->key), "%s", p->key_null ? "" :
	    members_list_key(last, f->sort));
	p->id = last->id;
}

/*
 * Writes the filtered list into the response, LIST_CSV_CHUNK rows per
 * query, each chunk starting after the last row of the one before
 * (keyset: no OFFSET, no query over everything at once), at most
 * LIST_CSV_MAX rows.  *more says whether rows were left out.
 */
static enum weft_err
list_csv_body(struct request *req, const struct list_filter *f,
    const struct list_view *v, struct list_communities *c,
    struct list_row *rows, int *more)
{
	struct pager	 p;
	struct db_rows	*r;
	size_t		 n, i, total = 0;
	enum weft_err	 e;
	int		 done;

	memset(&p, 0, sizeof(p));
	p.per_page = LIST_CSV_CHUNK;
	*more = 0;
	do {
		if ((e = members_list_fetch(f, v, &p, total < LIST_CSV_MAX ?
		    LIST_CSV_CHUNK : 1, rows, &n, &r)) != WEFT_OK)
			return e;
		done = 1;
		if (total >= LIST_CSV_MAX)
			*more = n > 0;
		else {
			for (i = 0; i < n && e == WEFT_OK; i++)
				e = list_csv_row(&req->resp.body, req, v, c,
				    &rows[i]);
			total += n;
			if (e == WEFT_OK && n == LIST_CSV_CHUNK) {
				list_csv_cursor(&p, f, &rows[n - 1]);
				done = 0;
			}
		}
		db_rows_free(r);
	} while (!done);
	return e;
}

/* GET /members/export.csv: the list as the page shows it, every page. */
int
members_export(struct request *req)
{
	struct tmpl_dict	*d;
	struct list_filter	 f;
	struct list_view	 v;
	struct list_communities	 c;
	struct list_row		*rows;
	size_t			 bad;
	enum weft_err		 e;
	int			 more;

	if ((d = tmpl_dict_new()) == NULL)
		return 500;
	bad = members_list_read(req, d, &f);
	bad += members_list_view(req, d, &f, &v);
	tmpl_dict_free(d);
	if (bad > 0)
		return app_error(req, 400, app_text(req,
		    N_("members.list.bad_filter")));
	/* The community column is the full view's. */
	memset(&c, 0, sizeof(c));
	if (v.full && (e = members_list_communities(&c)) != WEFT_OK)
		return app_status_of(e);
	if ((rows = calloc(LIST_CSV_CHUNK, sizeof(*rows))) == NULL) {
		members_list_communities_free(&c);
		return 500;
	}
	list_csv_header(&req->resp.body, &v);
	e = list_csv_body(req, &f, &v, &c, rows, &more);
	free(rows);
	members_list_communities_free(&c);
	if (members_list_too_slow(e))
		return app_error(req, 503, app_text(req, N_("members.list.slow")));
	if (e != WEFT_OK)
		return app_status_of(e);
	if (more) {
		/* Said in the file too, for whoever opens it later. */
		buf_csv_field(&req->resp.body,
		    app_text(req, N_("members.list.truncated")));
		buf_puts(&req->resp.body, "\r\n");
		http_header(&req->resp, "X-Weft-Truncated", "100000");
	}
	return app_csv(req, "members.csv");
}

