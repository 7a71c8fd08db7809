/*
 * The timebank's own account and exchanges recorded inside another
 * area's transaction (ledger.h): a subscription paid in hours moves the
 * member's hours to the timebank's account in the transaction that
 * records the payment, so that the payment and its exchange commit
 * together or not at all.  The hours move the one way ledger_move()
 * moves them (both balance rows locked, lower member id first), so the
 * sum of all balances stays 0.
 */
#include <limits.h>

#include "audit.h"
#include "ledger_internal.h"

static const char ledger_sql_timebank[] =
    "SELECT member_id FROM ledger_accounts WHERE name = 'timebank'";

/* Made on first use, outside any transaction: INSERT IGNORE, so that two
 * workers at once make one (the username is UNIQUE). */
enum weft_err
ledger_timebank_account(long long *id)
{
	enum weft_err	 e;

	if ((e = db_query_int(id, ledger_sql_timebank, "")) !=
	    WEFT_ERR_NOTFOUND)
		return e;
	if ((e = db_exec("INSERT IGNORE INTO members (username, email, name,"
	    " password_hash, status, is_organisation, about)"
	    " VALUES ('_timebank', '', 'Timebank', '-', 'disabled', 1, '')",
	    "")) != WEFT_OK || (e = db_exec("INSERT IGNORE INTO"
	    " ledger_accounts (name, member_id) SELECT 'timebank', id"
	    " FROM members WHERE username = '_timebank'", "")) != WEFT_OK)
		return e;
	return db_query_int(id, ledger_sql_timebank, "");
}

enum weft_err
ledger_prepare(long long a, long long b)
{
	return ledger_make_rows(a, b);
}

/*
 * ledger_move() matched fewer than both rows: the rows locked now (the
 * transaction holds no balance lock yet, so lower id first is the
 * order), and the move judged on their values.  *moved when it went
 * through; WEFT_OK with *moved 0: below the floor.
 */
static enum weft_err
ledger_move_locked(const struct ledger_entry *x, long long floor, int *moved)
{
	static const char sql[] = "SELECT member_id FROM balances"
	    " WHERE member_id IN (?, ?) ORDER BY member_id FOR UPDATE";
	struct db_rows	*r;
	size_t		 n;
	enum weft_err	 e;

	if ((e = db_query(&r, sql, "ii", x->provider, x->recipient)) !=
	    WEFT_OK)
		return e;
	n = db_nrows(r);
	db_rows_free(r);
	if (n < 2)
		return WEFT_ERR_NOTFOUND;
	return ledger_move(x->provider, x->recipient, x->hundredths, floor,
	    moved);
}

enum weft_err
ledger_record_within(const struct actor *a, const struct ledger_settings *s,
    const struct ledger_entry *x, long long *id, enum ledger_refusal *why)
{
	struct buf	 after;
	long long	 floor;
	int		 moved;
	enum weft_err	 e;

	*id = 0;
	*why = LEDGER_OK;
	if (x->hundredths <= 0 || x->provider == x->recipient ||
	    !ledger_key_ok(x->form_key))
		return WEFT_ERR_INVALID;
	floor = ledger_floor(s, x->hundredths);
	if ((e = ledger_move(x->provider, x->recipient, x->hundredths, floor,
	    &moved)) != WEFT_OK)
		return e;
	if (!moved && (e = ledger_move_locked(x, floor, &moved)) != WEFT_OK)
		return e;
	if (!moved) {
		*why = LEDGER_REFUSE_CREDIT_LIMIT;
		return WEFT_OK;
	}
	if ((e = ledger_insert(x, a->member_id, a->acting_id, 0, NULL,
	    id)) != WEFT_OK) {
		if (e == WEFT_ERR_DUPLICATE)
			*why = LEDGER_REFUSE_DUPLICATE_KEY;
		return e == WEFT_ERR_DUPLICATE ? WEFT_OK : e;
	}
	buf_init(&after);
	ledger_json(&after, *id, x, 0, NULL);
	e = buf_failed(&after) ? WEFT_ERR_NOMEM : audit_write(a,
	    "exchange.record_for", "exchange", *id, x->community, NULL,
	    after.p);
	buf_free(&after);
	return e;
}
