/*
 * The ledger: exchanges, balances and the figures other areas show
 * (ledger.h is the contract; sql/006_ledger.sql the tables).
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "db.h"
#include "ledger.h"
#include "ledger_internal.h"
#include "log.h"
#include "settings.h"
#include "util.h"
#include "valid.h"

const char *const ledger_refusal_keys[LEDGER_REFUSE__MAX] = {
	N_("ledger.refuse.ok"),
	N_("ledger.refuse.credit_limit"),
	N_("ledger.refuse.duplicate_key"),
	N_("ledger.refuse.reversed"),
	N_("ledger.refuse.is_reversal"),
	N_("ledger.refuse.confirmed"),
	N_("ledger.refuse.cancelled"),
	N_("ledger.refuse.disputed"),
};

/* ---- parties ------------------------------------------------------------- */

/* Columns c .. c+5 of a query are a members row: id, username, name,
 * status, community (0 for none), is_organisation. */
void
ledger_party_cols(struct db_rows *r, unsigned c, struct ledger_party *p)
{
	memset(p, 0, sizeof(*p));
	p->id = db_int(r, c);
	util_copy(p->username, sizeof(p->username), db_str(r, c + 1));
	util_copy(p->name, sizeof(p->name), db_str(r, c + 2));
	if (member_status_parse(db_str(r, c + 3), &p->status) != 0)
		p->status = MEMBER_DISABLED;	/* unreadable: the safe one */
	p->community = db_int(r, c + 4);
	p->is_organisation = db_int(r, c + 5) != 0;
}

static enum weft_err
ledger_party_row(struct db_rows *r, struct ledger_party *p)
{
	memset(p, 0, sizeof(*p));
	if (!db_next(r))
		return WEFT_ERR_NOTFOUND;
	ledger_party_cols(r, 0, p);
	return WEFT_OK;
}

enum weft_err
ledger_party_load(long long id, struct ledger_party *p)
{
	struct db_rows	*r;
	enum weft_err	 e;

	memset(p, 0, sizeof(*p));
	if ((e = db_query(&r, "SELECT " LEDGER_PARTY_COLS("m")
	    " FROM members m WHERE m.id = ?", "i", id)) != WEFT_OK)
		return e;
	e = ledger_party_row(r, p);
	db_rows_free(r);
	return e;
}

enum weft_err
ledger_party_find(const char *username, struct ledger_party *p)
{
	struct db_rows	*r;
	enum weft_err	 e;

	memset(p, 0, sizeof(*p));
	if (username == NULL || valid_username(username) != VALID_OK)
		return WEFT_ERR_NOTFOUND;
	if ((e = db_query(&r, "SELECT " LEDGER_PARTY_COLS("m")
	    " FROM members m WHERE m.username = ?", "s", username)) != WEFT_OK)
		return e;
	e = ledger_party_row(r, p);
	db_rows_free(r);
	return e;
}

/* One index lookup per name, told apart by the first column. */
static const char ledger_parties_sql[] =
    "SELECT 0, " LEDGER_PARTY_COLS("m") " FROM members m"
    " WHERE m.username = ?"
    " UNION ALL SELECT 1, " LEDGER_PARTY_COLS("m") " FROM members m"
    " WHERE m.username = ?";

enum weft_err
ledger_parties_find(const char *const names[2], struct ledger_party out[2])
{
	struct db_rows	*r;
	const char	*u[2];
	long long	 i;
	int		 k;
	enum weft_err	 e;

	memset(out, 0, 2 * sizeof(out[0]));
	for (k = 0; k < 2; k++)
		u[k] = names[k] != NULL && valid_username(names[k]) ==
		    VALID_OK ? names[k] : NULL;	/* NULL matches nobody */
	if (u[0] == NULL && u[1] == NULL)
		return WEFT_OK;
	if ((e = db_query(&r, ledger_parties_sql, "ss", u[0], u[1])) !=
	    WEFT_OK)
		return e;
	while (db_next(r))
		if ((i = db_int(r, 0)) == 0 || i == 1)
			ledger_party_cols(r, 1, &out[i]);
	db_rows_free(r);
	return WEFT_OK;
}

long long
ledger_audit_community(const struct ledger_party *p,
    const struct ledger_party *r)
{
	return p->community != 0 ? p->community : r->community;
}

void
ledger_party_scope(const struct ledger_party *p, struct scope *out)
{
	scope_of_community(p->community, out);
}

/* ---- settings and small helpers ----------------------------------------- */

enum weft_err
ledger_settings_load(struct ledger_settings *s)
{
	enum weft_err	 e;

	/* On an error the values are those read before, or the defaults:
	 * the caller answers 503 either way. */
	memset(s, 0, sizeof(*s));
	e = settings_refresh();
	s->max_hundredths = settings_int(SETTING_EXCHANGE_MAX);
	s->oldest_days = settings_int(SETTING_EXCHANGE_OLDEST_DAYS);
	s->credit_limit = settings_int(SETTING_CREDIT_LIMIT);
	s->mode = settings_int(SETTING_CREDIT_LIMIT_MODE) == 1 ?
	    LEDGER_LIMIT_HARD : LEDGER_LIMIT_SOFT;	/* "soft", "hard" */
	s->auto_confirm_days = settings_int(SETTING_AUTO_CONFIRM_DAYS);
	return e;
}

const char ledger_key_sql[] =
    "SELECT id FROM exchanges WHERE form_key = ?";

/* What a form key has made: its exchange, its proposal, or both (a
 * confirmed proposal's exchange carries its key). */
static const char ledger_key_use_sql[] =
    "SELECT 0, id FROM exchanges WHERE form_key = ?"
    " UNION ALL SELECT 1, id FROM exchange_proposals WHERE form_key = ?";

enum weft_err
ledger_key_use(const char *key, struct ledger_key_use *u)
{
	struct db_rows	*r;
	enum weft_err	 e;

	memset(u, 0, sizeof(*u));
	if ((e = db_query(&r, ledger_key_use_sql, "ss", key, key)) != WEFT_OK)
		return e;
	while (db_next(r)) {
		if (db_int(r, 0) == 0)
			u->exchange = db_int(r, 1);
		else
			u->proposal = db_int(r, 1);
	}
	db_rows_free(r);
	return WEFT_OK;
}

enum weft_err
ledger_settings_key(const char *key, struct ledger_settings *s,
    struct ledger_key_use *u)
{
	enum weft_err	 e;

	memset(u, 0, sizeof(*u));
	if ((e = ledger_settings_load(s)) != WEFT_OK)
		return e;
	return ledger_key_use(key, u);
}

void
ledger_format_hours(long long h, int sign, char out[LEDGER_HOURS_LEN])
{
	i18n_hours_fmt('.', h, sign, out);
}

int
ledger_key_ok(const char *key)
{
	size_t	 i;

	if (key == NULL)
		return 0;
	for (i = 0; i < LEDGER_KEY_LEN; i++)
		if (strchr("0123456789abcdef", key[i]) == NULL ||
		    key[i] == '\0')
			return 0;
	return key[i] == '\0';
}

enum weft_err
ledger_balance(long long member_id, long long *h)
{
	enum weft_err	 e;

	e = db_query_int(h, "SELECT hundredths FROM balances"
	    " WHERE member_id = ?", "i", member_id);
	if (e == WEFT_ERR_NOTFOUND) {
		*h = 0;
		e = WEFT_OK;
	}
	return e;
}

/* Each MAX() reads one end of an index (exchanges_provider,
 * exchanges_recipient: member, service_date). */
enum weft_err
ledger_activity(long long member_id, long long *h, char last[11])
{
	struct db_rows	*r;
	enum weft_err	 e;

	*h = 0;
	last[0] = '\0';
	if ((e = db_query(&r, "SELECT COALESCE((SELECT hundredths FROM"
	    " balances WHERE member_id = ?), 0), COALESCE(GREATEST("
	    "COALESCE((SELECT MAX(service_date) FROM exchanges"
	    " WHERE provider_id = ?), '1000-01-01'),"
	    " COALESCE((SELECT MAX(service_date) FROM exchanges"
	    " WHERE recipient_id = ?), '1000-01-01')), '1000-01-01')", "iii",
	    member_id, member_id, member_id)) != WEFT_OK)
		return e;
	if (db_next(r)) {
		*h = db_int(r, 0);
		if (db_str(r, 1) != NULL && strcmp(db_str(r, 1),
		    "1000-01-01") != 0)
			util_copy(last, 11, db_str(r, 1));
	}
	db_rows_free(r);
	return WEFT_OK;
}

enum weft_err
ledger_sum_all(long long *h)
{
	return db_query_int(h, "SELECT COALESCE(SUM(hundredths), 0)"
	    " FROM balances", "");
}

/* ---- reading an exchange ------------------------------------------------ */

enum weft_err
ledger_exchange_load(long long id, struct ledger_exchange *x)
{
	struct db_rows	*r;
	enum weft_err	 e;

	memset(x, 0, sizeof(*x));
	if ((e = db_query(&r, "SELECT " LEDGER_PARTY_COLS("p") ", "
	    LEDGER_PARTY_COLS("q") ", e.id, e.hundredths, e.service_date,"
	    " e.description, COALESCE(e.ad_id, 0), COALESCE(a.title, ''),"
	    " e.recorded_by, b.name, e.recorded_as, c.name,"
	    " COALESCE(e.reverses_id, 0), COALESCE(x.id, 0), e.reason,"
	    " e.created_at, COALESCE(pr.id, 0), sb.name, pr.settled_at,"
	    " COALESCE(k.id, 0), COALESCE(k.name, '')"
	    " FROM exchanges e JOIN members p ON p.id = e.provider_id"
	    " JOIN members q ON q.id = e.recipient_id"
	    " JOIN members b ON b.id = e.recorded_by"
	    " JOIN members c ON c.id = e.recorded_as"
	    " LEFT JOIN ads a ON a.id = e.ad_id"
	    " LEFT JOIN exchanges x ON x.reverses_id = e.id"
	    " LEFT JOIN exchange_proposals pr ON pr.exchange_id = e.id"
	    " LEFT JOIN members sb ON sb.id = pr.settled_by"
	    " LEFT JOIN categories k"
	    " ON k.id = COALESCE(e.category_id, a.category_id)"
	    " WHERE e.id = ?", "i", id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	ledger_party_cols(r, 0, &x->provider);
	ledger_party_cols(r, 6, &x->recipient);
	x->id = db_int(r, 12);
	x->hundredths = db_int(r, 13);
	util_copy(x->service_date, sizeof(x->service_date), db_str(r, 14));
	util_copy(x->description, sizeof(x->description), db_str(r, 15));
	x->ad_id = db_int(r, 16);
	util_copy(x->ad_title, sizeof(x->ad_title), db_str(r, 17));
	x->recorded_by = db_int(r, 18);
	util_copy(x->recorded_by_name, sizeof(x->recorded_by_name),
	    db_str(r, 19));
	x->recorded_as = db_int(r, 20);
	util_copy(x->recorded_as_name, sizeof(x->recorded_as_name),
	    db_str(r, 21));
	x->reverses_id = db_int(r, 22);
	x->reversed_by = db_int(r, 23);
	util_copy(x->reason, sizeof(x->reason), db_str(r, 24));
	util_copy(x->created_at, sizeof(x->created_at), db_str(r, 25));
	x->proposal_id = db_int(r, 26);
	util_copy(x->confirmed_by_name, sizeof(x->confirmed_by_name),
	    db_str(r, 27));
	util_copy(x->confirmed_at, sizeof(x->confirmed_at), db_str(r, 28));
	x->category_id = db_int(r, 29);
	util_copy(x->category_name, sizeof(x->category_name), db_str(r, 30));
	db_rows_free(r);
	return WEFT_OK;
}

/* ---- writing ------------------------------------------------------------- */

/*
 * Moves h hundredths (h > 0) to member `to` from member `from` in one
 * statement, which also locks both balance rows.  Why this cannot
 * deadlock: the UPDATE reads its rows along a range of the primary key
 * (FORCE INDEX: no other plan), in key order, and X-locks each as it
 * reads it; so every transaction of the ledger takes the two balance
 * locks lower member id first, whoever gives and whoever receives, and
 * holds no other balance lock when it waits.  Two transactions on pairs
 * that share a member queue on the first lock they share, and neither
 * can hold a lock the other needs before it.  (READ COMMITTED: record
 * locks only, no gap locks.  ORDER BY would say the same but makes
 * MariaDB buffer the rows first: slower, same order.)
 *
 * The WHERE judges each row on its locked value: the giver's balance
 * must stay representable, the receiver's must be at least `floor`
 * before the move (ledger_floor(): the hard credit limit plus h, or what
 * keeps the balance representable).  A row that fails, or is missing, is
 * not matched: *moved is 1 only when both rows were, else the caller
 * rolls back and asks ledger_why_not().
 */
enum weft_err
ledger_move(long long to, long long from, long long h, long long floor,
    int *moved)
{
	static const char sql[] = "UPDATE balances FORCE INDEX (PRIMARY)"
	    " SET hundredths = hundredths + IF(member_id = ?, ?, ?)"
	    " WHERE member_id IN (?, ?)"
	    " AND IF(member_id = ?, hundredths <= ?, hundredths >= ?)";
	enum weft_err	 e;

	*moved = 0;
	if ((e = db_exec(sql, "iiiiiiii", to, h, -h, to, from, to,
	    LLONG_MAX - h, floor)) != WEFT_OK)
		return e;
	*moved = db_affected() == 2;
	return WEFT_OK;
}

/* The floor of ledger_move() for the receiver of h: limit + h under a
 * hard credit limit, else only what keeps the balance representable. */
long long
ledger_floor(const struct ledger_settings *s, long long h)
{
	long long	 floor;

	if (s != NULL && s->mode == LEDGER_LIMIT_HARD &&
	    !__builtin_add_overflow(s->credit_limit, h, &floor))
		return floor;
	return LLONG_MIN + h;
}

/*
 * Why ledger_move() did not match both rows.  The UPDATE judges a row
 * another transaction holds by its last committed value, without waiting
 * (READ COMMITTED's semi-consistent read), so this asks again with one
 * autocommitted locking read after the caller's rollback: it waits for
 * that transaction, takes the locks lower id first while holding no
 * other, and drops them at once.  WEFT_OK: refused, the move would break
 * the floor (or overflow) on these values; WEFT_ERR_NOTFOUND: a balance
 * row is missing; WEFT_ERR_CONFLICT: the move would pass now (the
 * balances moved meanwhile): the caller tries again.
 */
enum weft_err
ledger_why_not(long long to, long long from, long long h, long long floor)
{
	static const char sql[] = "SELECT member_id, hundredths FROM balances"
	    " WHERE member_id IN (?, ?) ORDER BY member_id FOR UPDATE";
	struct db_rows	*r;
	long long	 bt = 0, bf = 0;
	int		 n = 0;
	enum weft_err	 e;

	if ((e = db_query(&r, sql, "ii", to, from)) != WEFT_OK)
		return e;
	for (; db_next(r); n++) {
		if (db_int(r, 0) == to)
			bt = db_int(r, 1);
		else
			bf = db_int(r, 1);
	}
	db_rows_free(r);
	if (n < 2)
		return WEFT_ERR_NOTFOUND;
	return bt > LLONG_MAX - h || bf < floor ? WEFT_OK : WEFT_ERR_CONFLICT;
}

/* Creates the balance rows a first exchange needs, outside any
 * transaction (INSERT IGNORE: a row made meanwhile by another is fine). */
enum weft_err
ledger_make_rows(long long a, long long b)
{
	return db_exec("INSERT IGNORE INTO balances (member_id, hundredths)"
	    " VALUES (?, 0), (?, 0)", "ii", a < b ? a : b, a < b ? b : a);
}

/*
 * Every row of exchanges is written here, whichever way it reaches the
 * ledger (recorded, in a group, confirmed, reversed, paid to the
 * timebank): one statement, so that every exchange gets its category the
 * same way.  x's category, else its ad's (the ad the form names is one
 * of the parties', checked by the caller), else none.  form_key NULL for
 * none; reverses 0 for an ordinary exchange.  *id the new row.
 * WEFT_ERR_DUPLICATE when the form key has an exchange already.
 */
enum weft_err
ledger_insert(const struct ledger_entry *x, long long by, long long as,
    long long reverses, const char *reason, long long *id)
{
	enum weft_err	 e;

	*id = 0;
	e = db_exec("INSERT INTO exchanges (provider_id, recipient_id,"
	    " hundredths, service_date, description, ad_id, category_id,"
	    " recorded_by, recorded_as, reverses_id, reason, form_key)"
	    " SELECT ?, ?, ?, ?, ?, NULLIF(?, 0), COALESCE(NULLIF(?, 0),"
	    " (SELECT a.category_id FROM ads a WHERE a.id = ?)), ?, ?,"
	    " NULLIF(?, 0), ?, ?", "iiissiiiiiiss", x->provider, x->recipient,
	    x->hundredths, x->service_date, x->description, x->ad_id,
	    x->category_id, x->ad_id, by, as, reverses,
	    reason != NULL ? reason : "", x->form_key);
	if (e == WEFT_OK)
		*id = db_insert_id();
	return e;
}

/* The audit JSON of an exchange. */
void
ledger_json(struct buf *b, long long id, const struct ledger_entry *x,
    long long reverses, const char *reason)
{
	buf_printf(b, "{\"id\":%lld,\"provider\":%lld,\"recipient\":%lld,"
	    "\"hundredths\":%lld,\"service_date\":", id, x->provider,
	    x->recipient, x->hundredths);
	buf_json_str(b, x->service_date);
	buf_puts(b, ",\"description\":");
	buf_json_str(b, x->description);
	buf_printf(b, ",\"ad\":%lld,\"category\":%lld", x->ad_id,
	    x->category_id);
	if (reverses > 0) {
		buf_printf(b, ",\"reverses\":%lld,\"reason\":", reverses);
		buf_json_str(b, reason);
	}
	buf_puts(b, "}");
}

enum weft_err
ledger_audit(const struct actor *a, const char *action, long long id,
    const struct ledger_entry *x, const char *before, long long reverses,
    const char *reason)
{
	struct buf	 after;
	enum weft_err	 e;

	buf_init(&after);
	ledger_json(&after, id, x, reverses, reason);
	e = buf_failed(&after) ? WEFT_ERR_NOMEM : audit_write(a, action,
	    "exchange", id, x->community, before, after.p);
	buf_free(&after);
	return e;
}

/* The exchange a form key has recorded, after the insert found it. */
static enum weft_err
ledger_key_exchange(const char *key, long long *id)
{
	enum weft_err	 e;

	e = db_query_int(id, ledger_key_sql, "s", key);
	return e == WEFT_ERR_NOTFOUND ? WEFT_ERR_DB : e;
}

/*
 * After the exchange's INSERT: has a proposal taken this form key?  The
 * two tables have a UNIQUE key each; a key used in both would be one
 * form recorded twice.  Each writer inserts its own row first and then
 * reads the other table's with a locking read, which waits for a row of
 * the key that another transaction has inserted and not yet committed:
 * of two writers of one key at once, the later one finds the earlier's
 * row whatever the interleaving (ledger_propose() does the same the
 * other way round).  Found: *why is LEDGER_REFUSE_DUPLICATE_KEY and *id
 * 0 (ledger_key_use() says what the key made); the caller rolls back.
 */
enum weft_err
ledger_key_free(const char *key, long long *id, enum ledger_refusal *why)
{
	long long	 pid;
	enum weft_err	 e;

	e = db_query_int(&pid, "SELECT id FROM exchange_proposals"
	    " WHERE form_key = ? FOR UPDATE", "s", key);
	if (e == WEFT_ERR_NOTFOUND)
		return WEFT_OK;
	if (e == WEFT_OK) {
		*why = LEDGER_REFUSE_DUPLICATE_KEY;
		*id = 0;
	}
	return e;
}

/* One attempt of ledger_record(); WEFT_ERR_NOTFOUND means a balance row
 * was missing (nothing done: the caller makes it and tries again). */
static enum weft_err
ledger_record_tx(const struct actor *a, const struct ledger_entry *x,
    int audit, long long floor, long long *id, enum ledger_refusal *why)
{
	int		 moved;
	enum weft_err	 e;

	if ((e = db_begin()) != WEFT_OK)
		return e;
	/* The hours move first: the credit limit is judged, under the
	 * lock, so that two exchanges at once cannot both pass. */
	if ((e = ledger_move(x->provider, x->recipient, x->hundredths,
	    floor, &moved)) != WEFT_OK)
		goto err;
	if (!moved) {
		db_rollback();
		if ((e = ledger_why_not(x->provider, x->recipient,
		    x->hundredths, floor)) == WEFT_OK)
			*why = LEDGER_REFUSE_CREDIT_LIMIT;
		return e;
	}
	e = ledger_insert(x, a->member_id, a->acting_id, 0, NULL, id);
	if (e == WEFT_ERR_DUPLICATE) {
		/* The key's first exchange committed after the caller
		 * looked: answer with that one. */
		db_rollback();
		if ((e = ledger_key_exchange(x->form_key, id)) == WEFT_OK)
			*why = LEDGER_REFUSE_DUPLICATE_KEY;
		return e;
	}
	if (e != WEFT_OK)
		goto err;
	if ((e = ledger_key_free(x->form_key, id, why)) != WEFT_OK ||
	    *why != LEDGER_OK)
		goto err;
	if (audit && (e = ledger_audit(a, "exchange.record_for", *id, x, NULL,
	    0, NULL)) != WEFT_OK)
		goto err;
	return db_commit();
err:
	db_rollback();
	return e;
}

enum weft_err
ledger_retry(ledger_tx_fn tx, void *ctx)
{
	long long	 pair[2];
	enum weft_err	 e = WEFT_ERR_CONFLICT;
	int		 i, made = 0;

	for (i = 0; i < LEDGER_TRIES; i++) {
		pair[0] = pair[1] = 0;
		e = tx(ctx, pair);
		if (e == WEFT_ERR_NOTFOUND && pair[0] != 0 && !made) {
			/* A party's first exchange: its balance row, made
			 * outside any transaction, then once more. */
			if ((e = ledger_make_rows(pair[0], pair[1])) !=
			    WEFT_OK)
				return e;
			made = 1;
			i--;
			continue;
		}
		if (e != WEFT_ERR_CONFLICT)
			break;
		log_msg(LOGL_INFO, "ledger: lock conflict, trying again");
	}
	return e;
}

/* ledger_record()'s arguments, for ledger_retry(). */
struct ledger_record_args {
	const struct actor		*a;
	const struct ledger_settings	*s;
	const struct ledger_entry	*x;
	int				 audit;
	long long			*id;
	enum ledger_refusal		*why;
};

static enum weft_err
ledger_record_try(void *ctx, long long pair[2])
{
	struct ledger_record_args	*r = ctx;

	*r->why = LEDGER_OK;
	pair[0] = r->x->provider;
	pair[1] = r->x->recipient;
	return ledger_record_tx(r->a, r->x, r->audit, ledger_floor(r->s,
	    r->x->hundredths), r->id, r->why);
}

enum weft_err
ledger_record(const struct actor *a, const struct ledger_settings *s,
    const struct ledger_entry *x, int audit, long long *id,
    enum ledger_refusal *why)
{
	struct ledger_record_args	 r = { a, s, x, audit, id, why };
	enum weft_err			 e;

	*id = 0;
	*why = LEDGER_OK;
	if (x->hundredths <= 0 || x->provider == x->recipient ||
	    !ledger_key_ok(x->form_key))
		return WEFT_ERR_INVALID;
	/* Rule 5: recorded by someone acting for a party ("become", an
	 * angel, a manager) is audited like a coordinator's record_for. */
	if (audit_on_behalf(a, x->provider) && audit_on_behalf(a, x->recipient))
		r.audit = 1;
	if ((e = ledger_retry(ledger_record_try, &r)) != WEFT_OK)
		*id = 0;
	return e;
}

/* The original of a reversal, read and locked inside the transaction. */
struct ledger_original {
	struct ledger_entry	 x;
	long long		 reverses;
	long long		 reversed_by;
	char			 date[11];
	char			 description[256];
};

static enum weft_err
ledger_original_lock(long long id, struct ledger_original *o)
{
	struct db_rows	*r;
	enum weft_err	 e;

	memset(o, 0, sizeof(*o));
	if ((e = db_query(&r, "SELECT provider_id, recipient_id, hundredths,"
	    " service_date, description, COALESCE(ad_id, 0),"
	    " COALESCE(reverses_id, 0), COALESCE(category_id, 0)"
	    " FROM exchanges WHERE id = ? FOR UPDATE", "i", id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	o->x.provider = db_int(r, 0);
	o->x.recipient = db_int(r, 1);
	o->x.hundredths = db_int(r, 2);
	util_copy(o->date, sizeof(o->date), db_str(r, 3));
	util_copy(o->description, sizeof(o->description), db_str(r, 4));
	o->x.ad_id = db_int(r, 5);
	o->reverses = db_int(r, 6);
	o->x.category_id = db_int(r, 7);
	o->x.service_date = o->date;
	o->x.description = o->description;
	db_rows_free(r);
	e = db_query_int(&o->reversed_by, "SELECT id FROM exchanges"
	    " WHERE reverses_id = ?", "i", id);
	return e == WEFT_ERR_NOTFOUND ? WEFT_OK : e;
}

/* The community of the reversal's audit row, from its parties. */
static enum weft_err
ledger_entry_community(struct ledger_entry *x)
{
	struct ledger_party	 p, r;
	enum weft_err		 e;

	if ((e = ledger_party_load(x->provider, &p)) != WEFT_OK)
		return e;
	memset(&r, 0, sizeof(r));
	if (p.community == 0 &&
	    (e = ledger_party_load(x->recipient, &r)) != WEFT_OK)
		return e;
	x->community = ledger_audit_community(&p, &r);
	return WEFT_OK;
}

/* One attempt of ledger_reverse(). */
static enum weft_err
ledger_reverse_tx(const struct actor *a, long long id, const char *reason,
    long long *rid, enum ledger_refusal *why)
{
	struct ledger_original	 o;
	struct ledger_entry	 rx;
	struct buf		 before;
	int			 moved;
	char			 today[UTIL_DATE_LEN];
	enum weft_err		 e;

	buf_init(&before);
	if ((e = db_begin()) != WEFT_OK)
		return e;
	if ((e = ledger_original_lock(id, &o)) != WEFT_OK)
		goto err;
	if (o.reverses != 0 || o.reversed_by != 0) {
		*why = o.reverses != 0 ? LEDGER_REFUSE_IS_REVERSAL :
		    LEDGER_REFUSE_REVERSED;
		*rid = o.reversed_by;
		db_rollback();
		return WEFT_OK;
	}
	rx = o.x;
	rx.provider = o.x.recipient;
	rx.recipient = o.x.provider;
	/* No credit limit: a correction must always be possible.  The rows
	 * exist (the original made them) and hold its hours. */
	if ((e = ledger_move(rx.provider, rx.recipient, rx.hundredths,
	    ledger_floor(NULL, rx.hundredths), &moved)) != WEFT_OK)
		goto err;
	if (!moved) {
		log_msg(LOGL_ERROR, "ledger: exchange %lld: balances missing"
		    " or out of range", id);
		e = WEFT_ERR_DB;
		goto err;
	}
	if ((e = util_today(today)) != WEFT_OK ||
	    (e = ledger_entry_community(&rx)) != WEFT_OK)
		goto err;
	rx.service_date = today;
	rx.form_key = NULL;
	if ((e = ledger_insert(&rx, a->member_id, a->acting_id, id, reason,
	    rid)) != WEFT_OK)
		goto err;
	ledger_json(&before, id, &o.x, 0, NULL);
	if (buf_failed(&before)) {
		e = WEFT_ERR_NOMEM;
		goto err;
	}
	if ((e = ledger_audit(a, "exchange.reverse", *rid, &rx, before.p, id,
	    reason)) != WEFT_OK)
		goto err;
	buf_free(&before);
	return db_commit();
err:
	buf_free(&before);
	db_rollback();
	return e;
}

enum weft_err
ledger_reverse(const struct actor *a, long long id, const char *reason,
    long long *rid, enum ledger_refusal *why)
{
	enum weft_err	 e = WEFT_ERR_CONFLICT;
	int		 i;

	*rid = 0;
	*why = LEDGER_OK;
	for (i = 0; i < LEDGER_TRIES && e == WEFT_ERR_CONFLICT; i++)
		e = ledger_reverse_tx(a, id, reason, rid, why);
	/* Two reversals at once: the second finds the first's row. */
	if (e == WEFT_ERR_DUPLICATE) {
		*why = LEDGER_REFUSE_REVERSED;
		e = db_query_int(rid, "SELECT id FROM exchanges"
		    " WHERE reverses_id = ?", "i", id);
	}
	return e;
}
