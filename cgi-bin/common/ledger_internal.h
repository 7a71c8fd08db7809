/*
 * What ledger.c (recording, reversing) shares with ledger_pending.c
 * (proposals: confirming, disputing, cancelling) and nothing else
 * includes: the module's interface is ledger.h.  Both move hours the one
 * way ledger_move() does, so the lock order and the credit limit are the
 * same whichever way an exchange reaches the ledger.
 */
#ifndef WEFT_LEDGER_INTERNAL_H
#define WEFT_LEDGER_INTERNAL_H

#include "buf.h"
#include "db.h"
#include "ledger.h"

/* Tries of one transaction that hit a deadlock or a lock wait. */
#define LEDGER_TRIES	4

/* A party's columns, in ledger_party_cols() order, from table alias t. */
#define LEDGER_PARTY_COLS(t) \
	t ".id, " t ".username, " t ".name, " t ".status, COALESCE(" t \
	".community_id, 0), " t ".is_organisation"
#define LEDGER_PARTY_NCOLS	6

/* The exchange (id) a form key has recorded. */
extern const char ledger_key_sql[];

/* Columns c .. c+5 of r: a party (LEDGER_PARTY_COLS). */
void		 ledger_party_cols(struct db_rows *r, unsigned c,
		    struct ledger_party *);

/* Moves h (> 0) to `to` from `from` with both balance rows locked, lower
 * member id first; *moved 0 when a row is missing or the receiver is
 * below floor (ledger.c says why this cannot deadlock). */
enum weft_err	 ledger_move(long long to, long long from, long long h,
		    long long floor, int *moved);
/* The floor of ledger_move() for h under settings s (NULL: none). */
long long	 ledger_floor(const struct ledger_settings *s, long long h);
/* After a rollback: WEFT_OK refused on these values, WEFT_ERR_NOTFOUND
 * a balance row missing, WEFT_ERR_CONFLICT try again. */
enum weft_err	 ledger_why_not(long long to, long long from, long long h,
		    long long floor);
/* Both balance rows, outside any transaction. */
enum weft_err	 ledger_make_rows(long long a, long long b);

/*
 * One attempt of a transaction that moves hours.  WEFT_ERR_CONFLICT: a
 * deadlock or a lock wait, try again; WEFT_ERR_NOTFOUND with pair set
 * to the two parties: a balance row was missing, nothing was done.
 */
typedef enum weft_err (*ledger_tx_fn)(void *ctx, long long pair[2]);

/* Runs tx(ctx) until it is done: again after a conflict (LEDGER_TRIES in
 * all), and once more after making pair's balance rows; a
 * WEFT_ERR_NOTFOUND without a pair is tx's own answer. */
enum weft_err	 ledger_retry(ledger_tx_fn tx, void *ctx);
/* Inserts exchange x (its category: x's, else its ad's), recorded by
 * by/as, reversing `reverses` (0: none) with reason; *id the row.  The
 * only INSERT INTO exchanges (ledger.c). */
enum weft_err	 ledger_insert(const struct ledger_entry *x, long long by,
		    long long as, long long reverses, const char *reason,
		    long long *id);
/* After an exchange's INSERT with form key `key`: has a proposal taken
 * it?  Then *why LEDGER_REFUSE_DUPLICATE_KEY, *id 0 (the caller rolls
 * back); a locking read (ledger.c says why). */
enum weft_err	 ledger_key_free(const char *key, long long *id,
		    enum ledger_refusal *why);
/* The audit row `action` of exchange id (x as ledger_json() writes it,
 * before as given: NULL for none), filed under x->community. */
enum weft_err	 ledger_audit(const struct actor *a, const char *action,
		    long long id, const struct ledger_entry *x,
		    const char *before, long long reverses, const char *reason);
/* The audit JSON of an exchange into b. */
void		 ledger_json(struct buf *b, long long id,
		    const struct ledger_entry *, long long reverses,
		    const char *reason);

#endif
