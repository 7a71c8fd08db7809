/*
 * Balances and statements: one's own (GET /exchanges, and as CSV), and a
 * member's for coordinators with member.activity over that member's
 * scope (GET /exchanges/members/:id; the CSV with ?member=ID).
 *
 * The running balance after a row is the member's balance counting every
 * exchange up to that row in statement order (date of service, then id),
 * whatever the filters: the newest row of the whole statement shows the
 * balance itself.  Reversals and the exchanges they reverse are both
 * listed, linked to each other.  Exchanges waiting for a recipient's
 * confirmation are in no balance: the page lists them apart (both
 * sides), and confirms first those the site's setting says have waited
 * long enough (ledger_auto_confirm()), so that the balance shown counts
 * them.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "exchanges.h"
#include "form.h"
#include "i18n_conv.h"
#include "ledger.h"
#include "pager.h"
#include "util.h"
#include "valid.h"

#define STMT_PAGE	50
#define STMT_CSV_MAX	100000
#define STMT_FIRST_DAY	"1000-01-01"	/* MariaDB's DATE range */
#define STMT_LAST_DAY	"9999-12-31"

/* The query string: the filters, the page cursor ("YYYY-MM-DD_ID"),
 * and for the CSV whose statement it is (an id; none: one's own). */
enum { T_FROM, T_TO, T_BEFORE, T_MEMBER, T__MAX };
static const struct form_field stmt_fields[T__MAX] = {
	[T_FROM] = { "from", FORM_DATE, 0, 0, 0 },
	[T_TO] = { "to", FORM_DATE, 0, 0, 0 },
	[T_BEFORE] = { "before", FORM_TEXT, 0, 1, 32, .flags = FORM_QUIET },
	[T_MEMBER] = { "member", FORM_ID, 0, 0, 0, .flags = FORM_QUIET },
};

/* The filters of a statement, read from the query string. */
struct stmt_filter {
	const char	*from;		/* STMT_FIRST_DAY when not given */
	const char	*to;		/* STMT_LAST_DAY when not given */
	struct pager	 page;		/* before=DATE_ID */
	char		 cur_date[11];	/* the page starts before this row */
	long long	 cur_id;
	char		 query[64];	/* "from=...&to=..." for links */
};

/*
 * A member's exchanges are two index ranges (sql/008_statement_indexes.sql):
 * exchanges_provider for the services they gave, exchanges_recipient for
 * those they received, each in statement order and holding the hours.
 * Every query below reads the two ranges, UNION ALL (no exchange is in
 * both: its parties differ), rather than "provider_id = ? OR
 * recipient_id = ?", which merged the two indexes and then read each of
 * the member's exchanges from the table, where they lie in recording
 * order, each on a different page: the cost that grew with the ledger.
 * FORCE INDEX names the range's index: it is the only right one, and the
 * optimizer, left to weigh exchanges_date and the primary key too, spent
 * more time choosing than the range takes to read.  The macros' party is
 * "provider" or "recipient".
 */

/* One side's keys of a page, newest first, with the signed hours (+
 * received by the member, - given): member, from, to, the cursor's date
 * twice and id, and how many. */
#define STMT_PAGE_SIDE(party, sign) \
	"(SELECT id, service_date, " sign "hundredths AS delta" \
	" FROM exchanges FORCE INDEX (exchanges_" party ")" \
	" WHERE " party "_id = ? AND service_date BETWEEN ? AND ?" \
	" AND (service_date < ? OR (service_date = ? AND id < ?))" \
	" ORDER BY service_date DESC, id DESC LIMIT ?)"

/* One side's keys of the CSV, oldest first: member, from, to, how many. */
#define STMT_CSV_SIDE(party, sign) \
	"(SELECT id, service_date, " sign "hundredths AS delta" \
	" FROM exchanges FORCE INDEX (exchanges_" party ")" \
	" WHERE " party "_id = ? AND service_date BETWEEN ? AND ?" \
	" ORDER BY service_date, id LIMIT ?)"

/* Columns of statement rows k (the keys above): id, date, description,
 * the signed hours, the other party, reversal links and reason, and the
 * category (the exchange's, else its ad's; NULL for none).  Only
 * the rows shown are read from the table; STRAIGHT_JOIN keeps the
 * optimizer from starting anywhere but at the keys. */
#define STMT_SELECT(sides) \
	"SELECT e.id, e.service_date, e.description, k.delta," \
	" o.id, o.username, o.name, COALESCE(e.reverses_id, 0)," \
	" COALESCE(x.id, 0), e.reason, c.name FROM (" sides ") k" \
	" STRAIGHT_JOIN exchanges e ON e.id = k.id" \
	" STRAIGHT_JOIN members o ON o.id = IF(k.delta > 0," \
	" e.recipient_id, e.provider_id)" \
	" LEFT JOIN exchanges x ON x.reverses_id = e.id" \
	" LEFT JOIN ads a ON a.id = e.ad_id" \
	" LEFT JOIN categories c ON c.id = COALESCE(e.category_id, a.category_id)"

/* One side's sums over exchanges dated up to "to", from the index alone:
 * the side (1: as provider, 2: as recipient), how many and their hours
 * from "from" on, and the hours up to a row (date, id) in statement
 * order.  Parameters: from, from, date, date, id, member, to. */
#define STMT_SUMS_SIDE(side, party) \
	"SELECT " side ", COALESCE(SUM(service_date >= ?), 0)," \
	" COALESCE(SUM(IF(service_date >= ?, hundredths, 0)), 0)," \
	" COALESCE(SUM(IF(service_date < ? OR (service_date = ? AND" \
	" id <= ?), hundredths, 0)), 0)" \
	" FROM exchanges FORCE INDEX (exchanges_" party ")" \
	" WHERE " party "_id = ? AND service_date <= ?"

/* The sums of a statement (stmt_sums). */
struct stmt_sums {
	long long	 count;		/* exchanges in the filtered range */
	long long	 in;		/* their hours in (as provider) */
	long long	 out;		/* their hours out (as recipient) */
	long long	 balance;	/* after the row asked for */
};

/* Reads the query string into v and the filters into f; returns how
 * many are invalid, each with its message on the page d (NULL: none). */
static size_t
stmt_filter_read(struct request *req, struct tmpl_dict *d,
    struct form_value *v, struct stmt_filter *f)
{
	size_t		 bad = 0;
	int		 y, m, dd, given_from, given_to;

	memset(f, 0, sizeof(*f));
	bad = form_read(stmt_fields, T__MAX, &req->query, app_lang(req), d, v);
	given_from = v[T_FROM].set;
	f->from = given_from ? v[T_FROM].str : STMT_FIRST_DAY;
	given_to = v[T_TO].set;
	f->to = given_to ? v[T_TO].str : STMT_LAST_DAY;
	if (strcmp(f->from, f->to) > 0) {
		form_error(d, "to", app_text(req, N_("ledger.filter.order")));
		bad++;
	}
	snprintf(f->query, sizeof(f->query), "from=%s&to=%s",
	    given_from ? f->from : "", given_to ? f->to : "");
	/* The page cursor, "YYYY-MM-DD_ID"; anything else is page one. */
	pager_before_key(&f->page, STMT_PAGE, v[T_BEFORE].str);
	if (f->page.cursor != PAGER_NONE &&
	    valid_date(f->page.key, &y, &m, &dd) == VALID_OK) {
		util_copy(f->cur_date, sizeof(f->cur_date), f->page.key);
		f->cur_id = f->page.id;
	} else {
		f->page.cursor = PAGER_NONE;
		util_copy(f->cur_date, sizeof(f->cur_date), STMT_LAST_DAY);
		f->cur_id = (1LL << 53) + 1;
	}
	return bad;
}

/*
 * The totals of the member's statement with filters f, and the balance
 * after row (date, id) in statement order, whatever the filters (its
 * date is at most f->to).  One row per side, each summed from its index
 * alone over the member's whole history up to f->to, which the balance
 * needs anyway.
 */
static enum weft_err
stmt_sums(long long member, const struct stmt_filter *f, const char *date,
    long long id, struct stmt_sums *out)
{
	struct db_rows	*r;
	enum weft_err	 e;

	memset(out, 0, sizeof(*out));
	if ((e = db_query(&r, STMT_SUMS_SIDE("1", "provider")
	    " UNION ALL " STMT_SUMS_SIDE("2", "recipient"),
	    "ssssiis" "ssssiis",
	    f->from, f->from, date, date, id, member, f->to,
	    f->from, f->from, date, date, id, member, f->to)) != WEFT_OK)
		return e;
	while (db_next(r)) {
		out->count += db_int(r, 1);
		if (db_int(r, 0) == 1) {
			out->in = db_int(r, 2);
			out->balance += db_int(r, 3);
		} else {
			out->out = db_int(r, 2);
			out->balance -= db_int(r, 3);
		}
	}
	db_rows_free(r);
	return WEFT_OK;
}

/* Totals of the filtered range on the page d (hours in, hours out,
 * exchanges), in lang; *bal is the balance after row (date, id). */
static enum weft_err
stmt_totals(struct tmpl_dict *d, const char *lang, long long member,
    const struct stmt_filter *f, const char *date, long long id,
    long long *bal)
{
	struct stmt_sums	 sums;
	enum weft_err		 e;

	if ((e = stmt_sums(member, f, date, id, &sums)) != WEFT_OK)
		return e;
	tmpl_set_int(d, "COUNT", sums.count);
	i18n_set_hours(d, "TOTAL_IN", lang, sums.in);
	i18n_set_hours(d, "TOTAL_OUT", lang, sums.out);
	*bal = sums.balance;
	return WEFT_OK;
}

/* One row of the page, in lang. */
static void
stmt_row(struct tmpl_dict *d, const char *lang, struct db_rows *r,
    long long balance)
{
	struct tmpl_dict	*s = tmpl_section(d, "ROW"), *x;
	long long		 delta = db_int(r, 3);

	tmpl_set_int(s, "ID", db_int(r, 0));
	i18n_set_date(s, "DATE", lang, db_str(r, 1));
	tmpl_set(s, "DESCRIPTION", db_str(r, 2));
	if (db_str(r, 10) != NULL)
		tmpl_set(tmpl_section(s, "CATEGORY"), "NAME", db_str(r, 10));
	i18n_set_hours(s, delta > 0 ? "IN" : "OUT", lang,
	    delta > 0 ? delta : -delta);
	tmpl_set(s, "OTHER_NAME", db_str(r, 6));
	tmpl_set(s, "OTHER_USERNAME", db_str(r, 5));
	i18n_set_hours(s, "BALANCE", lang, balance);
	if (db_int(r, 7) != 0) {
		x = tmpl_section(s, "REVERSES");
		tmpl_set_int(x, "REVERSES_ID", db_int(r, 7));
		tmpl_set(x, "REASON", db_str(r, 9));
	}
	if (db_int(r, 8) != 0) {
		x = tmpl_section(s, "REVERSED");
		tmpl_set_int(x, "REVERSED_BY", db_int(r, 8));
	}
}

/*
 * The rows of one page, newest first, the link to the next, and the
 * totals.  The totals are read after the rows, with the balance after
 * the page's first row: an exchange recorded between the two statements,
 * newer than that row, is in neither.
 */
static enum weft_err
stmt_rows(struct tmpl_dict *d, const char *lang, long long member,
    const struct stmt_filter *f, const char *base)
{
	struct db_rows		*r = NULL;
	struct pager_result	 pr;
	struct buf		 next;
	long long		 bal = 0, lim = (long long)pager_limit(&f->page);
	size_t			 n = 0;
	enum weft_err		 e;

	if ((e = db_query(&r, STMT_SELECT(
	    STMT_PAGE_SIDE("provider", "") " UNION ALL "
	    STMT_PAGE_SIDE("recipient", "-"))
	    " ORDER BY k.service_date DESC, k.id DESC LIMIT ?",
	    "issssii" "issssii" "i",
	    member, f->from, f->to, f->cur_date, f->cur_date, f->cur_id, lim,
	    member, f->from, f->to, f->cur_date, f->cur_date, f->cur_id, lim,
	    lim)) != WEFT_OK)
		return e;
	buf_init(&next);
	pager_result(&f->page, db_nrows(r), &pr);
	while (n < pr.shown && db_next(r)) {
		if (n == 0 && (e = stmt_totals(d, lang, member, f,
		    db_str(r, 1), db_int(r, 0), &bal)) != WEFT_OK)
			goto out;
		stmt_row(d, lang, r, bal);
		bal -= db_int(r, 3);
		if (++n == pr.shown && pr.has_next)
			pager_href_before(&next, base, f->query, db_str(r, 1),
			    db_int(r, 0));
	}
	if (n == 0 && (e = stmt_totals(d, lang, member, f, f->to, 0,
	    &bal)) != WEFT_OK)
		goto out;
	tmpl_show(d, n > 0 ? "ROWS" : "NO_ROWS");
	if (buf_failed(&next))
		e = WEFT_ERR_NOMEM;
	else if (next.len > 0)
		tmpl_set(tmpl_section(d, "NEXT"), "HREF", next.p);
out:
	buf_free(&next);
	db_rows_free(r);
	return e;
}

/* The statement page of member m (own: the actor's). */
static int
stmt_page(struct request *req, const struct ledger_party *m, int own)
{
	struct form_value	 v[T__MAX];
	struct stmt_filter	 f;
	struct tmpl_dict	*d;
	long long		 bal;
	char			 base[48], csv[160];
	enum weft_err		 e;
	int			 confirmed;

	if ((d = exchanges_page(req, "exchanges/ledger_statement.tpl", own ?
	    N_("ledger.statement.title") :
	    N_("ledger.statement.member_title"), "name", m->name)) == NULL)
		return 500;
	tmpl_show(d, own ? "OWN" : "OTHER");
	tmpl_set(d, "NAME", m->name);
	tmpl_set(d, "USERNAME", m->username);
	if (own)
		snprintf(base, sizeof(base), "/exchanges");
	else
		snprintf(base, sizeof(base), "/exchanges/members/%lld", m->id);
	tmpl_set(d, "ACTION", base);
	if ((e = ledger_auto_confirm(m->id, &confirmed)) != WEFT_OK ||
	    (e = ledger_balance(m->id, &bal)) != WEFT_OK ||
	    (e = ledger_pending_panel(d, &req->actor, m->id,
	    LEDGER_PANEL_TO_CONFIRM | LEDGER_PANEL_WAITING |
	    (own ? LEDGER_PANEL_FORMS : 0))) != WEFT_OK)
		return app_status_of(e);
	i18n_set_hours(d, "BALANCE", app_lang(req), bal);
	form_summary(d, app_lang(req), N_("ledger.summary.dates"), NULL, 3);
	if (stmt_filter_read(req, d, v, &f) > 0)
		return app_render(req, 422);
	if (own)
		snprintf(csv, sizeof(csv), "/exchanges/statement.csv?%s",
		    f.query);
	else
		snprintf(csv, sizeof(csv), "/exchanges/statement.csv?%s"
		    "&member=%lld", f.query, m->id);
	tmpl_set(d, "CSV", csv);
	if ((e = stmt_rows(d, app_lang(req), m->id, &f, base)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, 200);
}

/* The acting member, as a party. */
static int
stmt_self(struct request *req, struct ledger_party *m)
{
	enum weft_err	 e;

	if ((e = ledger_party_load(req->actor.acting_id, m)) != WEFT_OK)
		return app_status_of(e);
	return 0;
}

/* member id for a coordinator with member.activity: 0 with *m loaded,
 * or the status (rule 1: 403 for a missing id unless site-wide). */
static int
stmt_member(struct request *req, long long id, struct ledger_party *m)
{
	struct scope	 sc;
	enum weft_err	 e;
	int		 st;

	e = id > 0 ? ledger_party_load(id, m) : WEFT_ERR_NOTFOUND;
	if ((st = app_target_status(req, PERM_MEMBER_ACTIVITY, e)) != 0)
		return st;
	ledger_party_scope(m, &sc);
	return role_allows(&req->actor.grants, PERM_MEMBER_ACTIVITY, &sc) ?
	    0 : 403;
}

int
exchanges_statement(struct request *req)
{
	struct ledger_party	 m;
	int			 st;

	if ((st = stmt_self(req, &m)) != 0)
		return st;
	return stmt_page(req, &m, 1);
}

int
exchanges_member_statement(struct request *req)
{
	struct ledger_party	 m;
	int			 st;

	if ((st = stmt_member(req, app_param_id(req, 0), &m)) != 0)
		return st;
	return stmt_page(req, &m, m.id == req->actor.acting_id);
}

/* Whose statement the CSV is: the actor's own (no member=, or their
 * own id), or member= (mv, as read) for a coordinator with
 * member.activity.  0 with *m loaded, or the status. */
static int
stmt_csv_member(struct request *req, const struct form_value *mv,
    struct ledger_party *m)
{
	if (mv->str[0] == '\0')
		return stmt_self(req, m);
	if (!mv->set)
		return 403;
	if (mv->id == req->actor.acting_id)
		return stmt_self(req, m);
	return stmt_member(req, mv->id, m);
}

/* One CSV line of statement row r; *bal is the running balance. */
static void
stmt_csv_row(struct buf *b, struct db_rows *r, long long *bal)
{
	char	 h[LEDGER_HOURS_LEN];

	*bal += db_int(r, 3);
	buf_printf(b, "%lld,%s,", db_int(r, 0), db_str(r, 1));
	buf_csv_fields(b, 3, db_str(r, 2), db_str(r, 5), db_str(r, 6));
	ledger_format_hours(db_int(r, 3) > 0 ? db_int(r, 3) : 0, 0, h);
	buf_printf(b, ",%s,", db_int(r, 3) > 0 ? h : "");
	ledger_format_hours(db_int(r, 3) < 0 ? -db_int(r, 3) : 0, 0, h);
	buf_printf(b, "%s,", db_int(r, 3) < 0 ? h : "");
	ledger_format_hours(*bal, 0, h);
	buf_printf(b, "%s,%s,%s,", h, db_int(r, 7) ? db_str(r, 7) : "",
	    db_int(r, 8) ? db_str(r, 8) : "");
	buf_csv_fields(b, 2, db_str(r, 9), db_str(r, 10) != NULL ?
	    db_str(r, 10) : "");
	buf_puts(b, "\r\n");
}

/* GET /exchanges/statement.csv[?from=&to=&member=]: the whole range,
 * oldest first, with the running balance (at most STMT_CSV_MAX rows). */
int
exchanges_statement_csv(struct request *req)
{
	struct form_value	 v[T__MAX];
	struct ledger_party	 m;
	struct stmt_filter	 f;
	struct db_rows		*r = NULL;
	struct buf		*b = &req->resp.body;
	struct stmt_sums	 sums;
	long long		 bal, lim = STMT_CSV_MAX;
	enum weft_err		 e;
	size_t			 bad;
	int			 st, confirmed;

	/* A bad member is answered before bad filters. */
	bad = stmt_filter_read(req, NULL, v, &f);
	if ((st = stmt_csv_member(req, &v[T_MEMBER], &m)) != 0)
		return st;
	if (bad > 0)
		return 400;
	/* What has waited long enough is confirmed first, as on the page;
	 * the balance before the range opens the running balance. */
	if ((e = ledger_auto_confirm(m.id, &confirmed)) != WEFT_OK ||
	    (e = stmt_sums(m.id, &f, f.from, 0, &sums)) != WEFT_OK ||
	    (e = db_query(&r, STMT_SELECT(
	    STMT_CSV_SIDE("provider", "") " UNION ALL "
	    STMT_CSV_SIDE("recipient", "-"))
	    " ORDER BY k.service_date, k.id LIMIT ?", "issi" "issi" "i",
	    m.id, f.from, f.to, lim, m.id, f.from, f.to, lim, lim)) !=
	    WEFT_OK)
		return app_status_of(e);
	bal = sums.balance;
	buf_puts(b, "id,date,description,other_member,other_name,hours_in,"
	    "hours_out,balance,reverses,reversed_by,reason,category\r\n");
	while (db_next(r))
		stmt_csv_row(b, r, &bal);
	db_rows_free(r);
	return app_csv(req, "statement.csv");
}
