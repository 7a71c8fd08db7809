/*
 * Proposals (ledger.h, "Proposals"): exchanges recorded by their
 * provider that wait for the recipient; confirming them (by the
 * recipient, a coordinator or the site's setting), disputing and
 * cancelling them.  sql/013_exchange_consent.sql has the table; the
 * panel that lists them is ledger_pending_panel.c.
 *
 * Lock order, the same in every transaction here: the proposal's row
 * first, then (confirming) the two balance rows through ledger_move(),
 * lower member id first.  Recording and reversing lock balances without
 * holding a proposal's row, so no two of them can wait for each other.
 */
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

#define PENDING_AUTO_BATCH	20	/* confirmed by the setting per call */

const char *const ledger_status_names[LEDGER_STATUS__MAX] = {
	"pending",
	"disputed",
	"confirmed",
	"cancelled",
};

/* The stored status; an unreadable one reads as cancelled, the one that
 * lets nothing happen. */
static enum ledger_status
pending_status(const char *s)
{
	size_t	 i;

	for (i = 0; s != NULL && i < LEDGER_STATUS__MAX; i++)
		if (strcmp(s, ledger_status_names[i]) == 0)
			return (enum ledger_status)i;
	return LEDGER_CANCELLED;
}

/* ---- reading ------------------------------------------------------------- */

static const char pending_load_sql[] =
    "SELECT " LEDGER_PARTY_COLS("p") ", " LEDGER_PARTY_COLS("q") ","
    " e.id, e.hundredths, e.service_date, e.description,"
    " COALESCE(e.ad_id, 0), a.title, e.recorded_by, b.name,"
    " e.recorded_as, c.name, e.status, e.reason, d.name, e.disputed_at,"
    " COALESCE(e.settled_by, 0), s.name, e.settled_at,"
    " COALESCE(e.exchange_id, 0), e.created_at, COALESCE(k.id, 0),"
    " COALESCE(k.name, '')"
    " FROM exchange_proposals e JOIN members p ON p.id = e.provider_id"
    " JOIN members q ON q.id = e.recipient_id"
    " JOIN members b ON b.id = e.recorded_by"
    " JOIN members c ON c.id = e.recorded_as"
    " LEFT JOIN members d ON d.id = e.disputed_by"
    " LEFT JOIN members s ON s.id = e.settled_by"
    " LEFT JOIN ads a ON a.id = e.ad_id"
    " LEFT JOIN categories k ON k.id = COALESCE(e.category_id, a.category_id)"
    " WHERE e.id = ?";

/* The columns after the two parties' (pending_load_sql). */
static void
pending_cols(struct db_rows *r, struct ledger_proposal *p)
{
	struct ledger_exchange	*x = &p->x;
	unsigned		 c = 2 * LEDGER_PARTY_NCOLS;

	x->id = db_int(r, c);
	x->hundredths = db_int(r, c + 1);
	util_copy(x->service_date, sizeof(x->service_date), db_str(r, c + 2));
	util_copy(x->description, sizeof(x->description), db_str(r, c + 3));
	x->ad_id = db_int(r, c + 4);
	util_copy(x->ad_title, sizeof(x->ad_title), db_str(r, c + 5));
	x->recorded_by = db_int(r, c + 6);
	util_copy(x->recorded_by_name, sizeof(x->recorded_by_name),
	    db_str(r, c + 7));
	x->recorded_as = db_int(r, c + 8);
	util_copy(x->recorded_as_name, sizeof(x->recorded_as_name),
	    db_str(r, c + 9));
	p->status = pending_status(db_str(r, c + 10));
	util_copy(x->reason, sizeof(x->reason), db_str(r, c + 11));
	util_copy(p->disputed_by_name, sizeof(p->disputed_by_name),
	    db_str(r, c + 12));
	util_copy(p->disputed_at, sizeof(p->disputed_at), db_str(r, c + 13));
	p->settled_by = db_int(r, c + 14);
	util_copy(p->settled_by_name, sizeof(p->settled_by_name),
	    db_str(r, c + 15));
	util_copy(p->settled_at, sizeof(p->settled_at), db_str(r, c + 16));
	p->exchange_id = db_int(r, c + 17);
	util_copy(x->created_at, sizeof(x->created_at), db_str(r, c + 18));
	x->category_id = db_int(r, c + 19);
	util_copy(x->category_name, sizeof(x->category_name),
	    db_str(r, c + 20));
}

enum weft_err
ledger_proposal_load(long long id, struct ledger_proposal *p)
{
	struct db_rows	*r;
	enum weft_err	 e;

	memset(p, 0, sizeof(*p));
	if ((e = db_query(&r, pending_load_sql, "i", id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	ledger_party_cols(r, 0, &p->x.provider);
	ledger_party_cols(r, LEDGER_PARTY_NCOLS, &p->x.recipient);
	pending_cols(r, p);
	db_rows_free(r);
	return WEFT_OK;
}

/* ---- deciding ------------------------------------------------------------ */

/* A proposal's row, read and locked inside the transaction. */
struct pending_row {
	long long		 id;
	struct ledger_entry	 x;
	long long		 recorded_by;
	long long		 recorded_as;
	enum ledger_status	 status;
	long long		 exchange_id;
	int			 due;	/* waited the setting's days */
	char			 date[11];
	char			 description[256];
	char			 key[LEDGER_KEY_LEN + 1];
};

/* Reads and locks proposal id (its row only: the members' rows are read
 * apart, unlocked, when the audit needs their communities).  due: it has
 * waited `days` days (0: never due). */
static enum weft_err
pending_lock(long long id, long long days, struct pending_row *o)
{
	struct db_rows	*r;
	enum weft_err	 e;

	memset(o, 0, sizeof(*o));
	if ((e = db_query(&r, "SELECT provider_id, recipient_id, hundredths,"
	    " service_date, description, COALESCE(ad_id, 0), recorded_by,"
	    " recorded_as, form_key, status, COALESCE(exchange_id, 0),"
	    " ? > 0 AND created_at <= UTC_TIMESTAMP() - INTERVAL ? DAY,"
	    " COALESCE(category_id, 0)"
	    " FROM exchange_proposals WHERE id = ? FOR UPDATE", "iii", days,
	    days, id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	o->id = id;
	o->x.provider = db_int(r, 0);
	o->x.recipient = db_int(r, 1);
	o->x.hundredths = db_int(r, 2);
	util_copy(o->date, sizeof(o->date), db_str(r, 3));
	util_copy(o->description, sizeof(o->description), db_str(r, 4));
	o->x.ad_id = db_int(r, 5);
	o->recorded_by = db_int(r, 6);
	o->recorded_as = db_int(r, 7);
	util_copy(o->key, sizeof(o->key), db_str(r, 8));
	o->status = pending_status(db_str(r, 9));
	o->exchange_id = db_int(r, 10);
	o->due = db_int(r, 11) != 0;
	o->x.category_id = db_int(r, 12);
	o->x.service_date = o->date;
	o->x.description = o->description;
	o->x.form_key = o->key;
	db_rows_free(r);
	return WEFT_OK;
}

/*
 * The audit row of a decision on proposal o (inside its transaction):
 * before {"proposal", "status"} (none for a new one: o->status
 * LEDGER_STATUS__MAX), after the same with the new status and
 * "exchange", the exchange as ledger_json() writes it (id 0 when none
 * was made).  Filed under the provider's community, else the
 * recipient's.
 */
static enum weft_err
pending_audit(const struct actor *a, const char *action, const char *type,
    long long oid, struct pending_row *o, enum ledger_status to,
    long long xid)
{
	struct db_rows	*r;
	struct buf	 before, after;
	enum weft_err	 e;

	if ((e = db_query(&r, "SELECT COALESCE(p.community_id, 0),"
	    " COALESCE(q.community_id, 0) FROM members p, members q"
	    " WHERE p.id = ? AND q.id = ?", "ii", o->x.provider,
	    o->x.recipient)) != WEFT_OK)
		return e;
	if (db_next(r))
		o->x.community = db_int(r, 0) != 0 ? db_int(r, 0) :
		    db_int(r, 1);
	db_rows_free(r);
	buf_init(&before);
	buf_init(&after);
	if (o->status < LEDGER_STATUS__MAX)
		buf_printf(&before, "{\"proposal\":%lld,\"status\":\"%s\"}",
		    o->id, ledger_status_names[o->status]);
	buf_printf(&after, "{\"proposal\":%lld,\"status\":\"%s\","
	    "\"exchange\":", o->id, ledger_status_names[to]);
	ledger_json(&after, xid, &o->x, 0, NULL);
	buf_puts(&after, "}");
	e = buf_failed(&before) || buf_failed(&after) ? WEFT_ERR_NOMEM :
	    audit_write(a, action, type, oid, o->x.community,
	    o->status < LEDGER_STATUS__MAX ? before.p : NULL, after.p);
	buf_free(&before);
	buf_free(&after);
	return e;
}

/* ---- proposing ----------------------------------------------------------- */

/* Rule 5: a proposal made while acting for its provider ("become", an
 * angel, a manager) is audited; a member's own is self-service. */
static enum weft_err
pending_propose_audit(const struct actor *a, const struct ledger_entry *x,
    long long id)
{
	struct pending_row	 o;

	if (!audit_on_behalf(a, x->provider) ||
	    !audit_on_behalf(a, x->recipient))
		return WEFT_OK;
	memset(&o, 0, sizeof(o));
	o.id = id;
	o.x = *x;
	o.status = LEDGER_STATUS__MAX;	/* none before */
	return pending_audit(a, "exchange.propose", "exchange_proposal", id,
	    &o, LEDGER_PENDING, 0);
}

/* One attempt of ledger_propose().  The proposal's INSERT, then a
 * locking read of the exchanges' key: the other half of
 * ledger_key_free() in ledger.c (of two writers of one key in the two
 * tables, the later finds the earlier). */
static enum weft_err
pending_propose_tx(const struct actor *a, const struct ledger_entry *x,
    long long *id, enum ledger_refusal *why)
{
	long long	 xid;
	enum weft_err	 e;

	if ((e = db_begin()) != WEFT_OK)
		return e;
	e = db_exec("INSERT INTO exchange_proposals (provider_id,"
	    " recipient_id, hundredths, service_date, description, ad_id,"
	    " category_id, recorded_by, recorded_as, form_key) SELECT ?, ?,"
	    " ?, ?, ?, NULLIF(?, 0), COALESCE(NULLIF(?, 0), (SELECT"
	    " a.category_id FROM ads a WHERE a.id = ?)), ?, ?, ?",
	    "iiissiiiiis", x->provider, x->recipient, x->hundredths,
	    x->service_date, x->description, x->ad_id, x->category_id,
	    x->ad_id, a->member_id, a->acting_id, x->form_key);
	if (e == WEFT_ERR_DUPLICATE) {
		*why = LEDGER_REFUSE_DUPLICATE_KEY;
		e = WEFT_OK;
		goto out;
	}
	if (e != WEFT_OK)
		goto out;
	*id = db_insert_id();
	e = db_query_int(&xid, "SELECT id FROM exchanges WHERE form_key = ?"
	    " FOR UPDATE", "s", x->form_key);
	if (e == WEFT_ERR_NOTFOUND) {
		if ((e = pending_propose_audit(a, x, *id)) != WEFT_OK)
			goto out;
		return db_commit();
	}
	if (e == WEFT_OK)
		*why = LEDGER_REFUSE_DUPLICATE_KEY;
out:
	db_rollback();
	*id = 0;
	return e;
}

enum weft_err
ledger_propose(const struct actor *a, const struct ledger_entry *x,
    long long *id, enum ledger_refusal *why)
{
	enum weft_err	 e = WEFT_ERR_CONFLICT;
	int		 i;

	*id = 0;
	*why = LEDGER_OK;
	if (x->hundredths <= 0 || x->provider == x->recipient ||
	    !ledger_key_ok(x->form_key))
		return WEFT_ERR_INVALID;
	for (i = 0; i < LEDGER_TRIES && e == WEFT_ERR_CONFLICT; i++)
		e = pending_propose_tx(a, x, id, why);
	return e;
}

/* Why proposal o cannot be confirmed by `by` (LEDGER_OK: it can).  The
 * setting confirms only pending ones that are due; others it leaves as
 * they are (answered as "disputed": nothing for the setting to do). */
static enum ledger_refusal
pending_confirmable(const struct pending_row *o, enum ledger_confirmer by,
    long long *xid)
{
	switch (o->status) {
	case LEDGER_CONFIRMED:
		*xid = o->exchange_id;
		return LEDGER_REFUSE_CONFIRMED;
	case LEDGER_CANCELLED:
		return LEDGER_REFUSE_CANCELLED;
	case LEDGER_DISPUTED:
		return by == LEDGER_BY_SETTING ? LEDGER_REFUSE_DISPUTED :
		    LEDGER_OK;
	default:
		return by == LEDGER_BY_SETTING && !o->due ?
		    LEDGER_REFUSE_DISPUTED : LEDGER_OK;
	}
}

/* The exchange of confirmed proposal o, with its recorder and form key,
 * and the proposal marked confirmed by the actor (NULL: the setting). */
static enum weft_err
pending_settle(const struct actor *a, const struct pending_row *o,
    long long *xid, enum ledger_refusal *why)
{
	enum weft_err	 e;

	e = ledger_insert(&o->x, o->recorded_by, o->recorded_as, 0, NULL,
	    xid);
	if (e == WEFT_ERR_DUPLICATE) {
		/* Cannot happen (ledger_key_free()): say so, move nothing. */
		log_msg(LOGL_ERROR, "ledger: proposal %lld: its form key has "
		    "an exchange already", o->id);
		*why = LEDGER_REFUSE_DUPLICATE_KEY;
		return WEFT_OK;
	}
	if (e != WEFT_OK)
		return e;
	return db_exec("UPDATE exchange_proposals SET status = 'confirmed',"
	    " exchange_id = ?, settled_by = NULLIF(?, 0), settled_as ="
	    " NULLIF(?, 0), settled_at = UTC_TIMESTAMP() WHERE id = ?", "iiii",
	    *xid, a != NULL ? a->member_id : 0, a != NULL ? a->acting_id : 0,
	    o->id);
}

/* The audit action of a confirmation: by the recipient's side only
 * while acting for them (rule 5: "become", an angel, a manager; their
 * own is self-service like recording), always by a coordinator and by
 * the setting. */
static const char *
pending_confirm_action(const struct actor *a, const struct pending_row *o,
    enum ledger_confirmer by)
{
	static const char *const actions[LEDGER_BY__MAX] = {
		"exchange.confirm",
		"exchange.confirm_for",
		"exchange.auto_confirm",
	};

	if (by == LEDGER_BY_RECIPIENT && !audit_on_behalf(a, o->x.recipient))
		return NULL;
	return actions[by];
}

/* One attempt of ledger_confirm(), with the row it read in *o (o->id 0:
 * none).  WEFT_ERR_NOTFOUND with o->id set: a balance row was missing
 * (ledger_retry() makes it and tries again). */
static enum weft_err
pending_confirm_tx(const struct actor *a, const struct ledger_settings *s,
    long long id, enum ledger_confirmer by, struct pending_row *o,
    long long *xid, enum ledger_refusal *why)
{
	const char	*action;
	long long	 floor;
	int		 moved;
	enum weft_err	 e;

	if ((e = db_begin()) != WEFT_OK)
		return e;
	if ((e = pending_lock(id, s->auto_confirm_days, o)) != WEFT_OK)
		goto err;
	if ((*why = pending_confirmable(o, by, xid)) != LEDGER_OK)
		goto err;
	/* As recording: the hours move first, the limit judged under the
	 * lock. */
	floor = ledger_floor(s, o->x.hundredths);
	if ((e = ledger_move(o->x.provider, o->x.recipient, o->x.hundredths,
	    floor, &moved)) != WEFT_OK)
		goto err;
	if (!moved) {
		db_rollback();
		if ((e = ledger_why_not(o->x.provider, o->x.recipient,
		    o->x.hundredths, floor)) == WEFT_OK)
			*why = LEDGER_REFUSE_CREDIT_LIMIT;
		return e;
	}
	if ((e = pending_settle(a, o, xid, why)) != WEFT_OK ||
	    *why != LEDGER_OK)
		goto err;
	if ((action = pending_confirm_action(a, o, by)) != NULL &&
	    (e = pending_audit(a, action, "exchange", *xid, o,
	    LEDGER_CONFIRMED, *xid)) != WEFT_OK)
		goto err;
	return db_commit();
err:
	db_rollback();
	return e;
}

/* ledger_confirm()'s arguments, for ledger_retry(). */
struct pending_confirm_args {
	const struct actor		*a;
	const struct ledger_settings	*s;
	long long			 id;
	enum ledger_confirmer		 by;
	long long			*xid;
	enum ledger_refusal		*why;
};

static enum weft_err
pending_confirm_try(void *ctx, long long pair[2])
{
	struct pending_confirm_args	*c = ctx;
	struct pending_row		 o;
	enum weft_err			 e;

	*c->xid = 0;
	*c->why = LEDGER_OK;
	memset(&o, 0, sizeof(o));
	e = pending_confirm_tx(c->a, c->s, c->id, c->by, &o, c->xid, c->why);
	if (e == WEFT_ERR_NOTFOUND && o.id != 0) {
		pair[0] = o.x.provider;
		pair[1] = o.x.recipient;
	}
	return e;
}

enum weft_err
ledger_confirm(const struct actor *a, const struct ledger_settings *s,
    long long id, enum ledger_confirmer by, long long *xid,
    enum ledger_refusal *why)
{
	struct pending_confirm_args	 c = { a, s, id, by, xid, why };
	enum weft_err			 e;

	if ((unsigned)by >= LEDGER_BY__MAX || (by != LEDGER_BY_SETTING &&
	    a == NULL))
		return WEFT_ERR_INVALID;
	if ((e = ledger_retry(pending_confirm_try, &c)) != WEFT_OK)
		*xid = 0;
	return e;
}

/* One attempt of a dispute (to LEDGER_DISPUTED, from pending) or a
 * cancellation (to LEDGER_CANCELLED, from pending or disputed). */
static enum weft_err
pending_decide_tx(const struct actor *a, long long id, enum ledger_status to,
    const char *reason, enum ledger_refusal *why)
{
	static const enum ledger_refusal refusal[LEDGER_STATUS__MAX] = {
		LEDGER_OK, LEDGER_REFUSE_DISPUTED, LEDGER_REFUSE_CONFIRMED,
		LEDGER_REFUSE_CANCELLED,
	};
	struct pending_row	 o;
	enum weft_err		 e;

	if ((e = db_begin()) != WEFT_OK)
		return e;
	if ((e = pending_lock(id, 0, &o)) != WEFT_OK)
		goto err;
	*why = refusal[o.status];
	if (to == LEDGER_CANCELLED && o.status == LEDGER_DISPUTED)
		*why = LEDGER_OK;
	if (*why != LEDGER_OK)
		goto err;
	if (to == LEDGER_DISPUTED) {
		e = db_exec("UPDATE exchange_proposals SET status = 'disputed',"
		    " reason = ?, disputed_by = ?, disputed_as = ?,"
		    " disputed_at = UTC_TIMESTAMP() WHERE id = ?", "siii",
		    reason != NULL ? reason : "", a->member_id, a->acting_id,
		    id);
		/* Rule 5: audited while acting for the recipient. */
		if (e == WEFT_OK && audit_on_behalf(a, o.x.recipient))
			e = pending_audit(a, "exchange.dispute",
			    "exchange_proposal", id, &o, LEDGER_DISPUTED, 0);
	} else if ((e = db_exec("UPDATE exchange_proposals SET status ="
	    " 'cancelled', settled_by = ?, settled_as = ?, settled_at ="
	    " UTC_TIMESTAMP() WHERE id = ?", "iii", a->member_id,
	    a->acting_id, id)) == WEFT_OK)
		e = pending_audit(a, "exchange.cancel", "exchange_proposal", id,
		    &o, LEDGER_CANCELLED, 0);
	if (e != WEFT_OK)
		goto err;
	return db_commit();
err:
	db_rollback();
	return e;
}

static enum weft_err
pending_decide(const struct actor *a, long long id, enum ledger_status to,
    const char *reason, enum ledger_refusal *why)
{
	enum weft_err	 e = WEFT_ERR_CONFLICT;
	int		 i;

	if (a == NULL)
		return WEFT_ERR_INVALID;
	for (i = 0; i < LEDGER_TRIES && e == WEFT_ERR_CONFLICT; i++) {
		*why = LEDGER_OK;
		e = pending_decide_tx(a, id, to, reason, why);
	}
	return e;
}

enum weft_err
ledger_dispute(const struct actor *a, long long id, const char *reason,
    enum ledger_refusal *why)
{
	return pending_decide(a, id, LEDGER_DISPUTED, reason, why);
}

enum weft_err
ledger_cancel(const struct actor *a, long long id, enum ledger_refusal *why)
{
	return pending_decide(a, id, LEDGER_CANCELLED, NULL, why);
}

/* ---- auto-confirmation --------------------------------------------------- */

/* The member's due proposals, either side, oldest first: two index
 * ranges (exchange_proposals_recipient, _provider). */
static const char pending_due_sql[] =
    "SELECT id FROM exchange_proposals WHERE recipient_id = ?"
    " AND status = 'pending' AND created_at <= UTC_TIMESTAMP() -"
    " INTERVAL ? DAY"
    " UNION SELECT id FROM exchange_proposals WHERE provider_id = ?"
    " AND status = 'pending' AND created_at <= UTC_TIMESTAMP() -"
    " INTERVAL ? DAY ORDER BY 1 LIMIT ?";

enum weft_err
ledger_auto_confirm(long long member, int *n)
{
	struct ledger_settings	 s;
	struct db_rows		*r;
	enum ledger_refusal	 why;
	long long		 ids[PENDING_AUTO_BATCH], xid;
	size_t			 i, k = 0;
	enum weft_err		 e;

	*n = 0;
	if ((e = ledger_settings_load(&s)) != WEFT_OK)
		return e;
	if (s.auto_confirm_days <= 0 || member <= 0)
		return WEFT_OK;
	if ((e = db_query(&r, pending_due_sql, "iiiii", member,
	    s.auto_confirm_days, member, s.auto_confirm_days,
	    (long long)PENDING_AUTO_BATCH)) != WEFT_OK)
		return e;
	while (k < PENDING_AUTO_BATCH && db_next(r))
		ids[k++] = db_int(r, 0);
	db_rows_free(r);
	for (i = 0; i < k; i++) {
		e = ledger_confirm(NULL, &s, ids[i], LEDGER_BY_SETTING, &xid,
		    &why);
		if (e == WEFT_ERR_NOTFOUND)
			continue;
		if (e != WEFT_OK)
			return e;
		if (why == LEDGER_OK)
			(*n)++;
		else if (why == LEDGER_REFUSE_CREDIT_LIMIT)
			log_msg(LOGL_INFO, "ledger: proposal %lld is due but "
			    "below the hard credit limit: left pending",
			    ids[i]);
	}
	return WEFT_OK;
}
