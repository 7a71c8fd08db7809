/*
 * Group exchanges (ledger.h ledger_record_group()): many exchanges of
 * one form in one transaction, all or none, each with its own ledger
 * effect and audit row, one form key for the whole group.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "ledger.h"
#include "ledger_internal.h"
#include "sha256.h"

void
ledger_group_key(const char *key, size_t i, char out[LEDGER_KEY_LEN + 1])
{
	char	 in[LEDGER_KEY_LEN + 24];

	if (i == 0) {
		snprintf(out, LEDGER_KEY_LEN + 1, "%s", key);
		return;
	}
	snprintf(in, sizeof(in), "%s:%lu", key, (unsigned long)i);
	sha256_hex(in, strlen(in), out);
}

static int
group_cmp(const void *a, const void *b)
{
	long long	 x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

/* The group's members, sorted and without repeats, into m (2n room);
 * how many. */
static size_t
group_members(const struct ledger_entry *x, size_t n, long long *m)
{
	size_t	 i, k = 0;

	for (i = 0; i < n; i++) {
		m[k++] = x[i].provider;
		m[k++] = x[i].recipient;
	}
	qsort(m, k, sizeof(*m), group_cmp);
	for (i = n = 0; i < k; i++)
		if (n == 0 || m[n - 1] != m[i])
			m[n++] = m[i];
	return n;
}

/* Their balance rows, made outside any transaction (INSERT IGNORE). */
static enum weft_err
group_rows(const long long *m, size_t n)
{
	enum weft_err	 e;
	size_t		 i;

	for (i = 0; i < n; i++)
		if ((e = db_exec("INSERT IGNORE INTO balances (member_id,"
		    " hundredths) VALUES (?, 0)", "i", m[i])) != WEFT_OK)
			return e;
	return WEFT_OK;
}

/* Locks the balance rows of m (sorted), lowest id first, one statement
 * each: the transaction holds them all before it moves anything. */
static enum weft_err
group_lock(const long long *m, size_t n)
{
	long long	 h;
	enum weft_err	 e;
	size_t		 i;

	for (i = 0; i < n; i++)
		if ((e = db_query_int(&h, "SELECT hundredths FROM balances"
		    " WHERE member_id = ? FOR UPDATE", "i", m[i])) != WEFT_OK)
			return e;
	return WEFT_OK;
}

/* One attempt: WEFT_ERR_CONFLICT to try again. */
static enum weft_err
group_tx(const struct actor *a, const struct ledger_settings *s,
    const struct ledger_entry *x, size_t n, const long long *m, size_t nm,
    long long *ids, size_t *bad, enum ledger_refusal *why)
{
	size_t		 i;
	int		 moved;
	enum weft_err	 e;

	if ((e = db_begin()) != WEFT_OK)
		return e;
	if ((e = group_lock(m, nm)) != WEFT_OK)
		goto err;
	for (i = 0; i < n; i++) {
		if ((e = ledger_move(x[i].provider, x[i].recipient,
		    x[i].hundredths, ledger_floor(s, x[i].hundredths),
		    &moved)) != WEFT_OK)
			goto err;
		if (!moved) {
			/* The rows are locked: the floor refused it. */
			*bad = i;
			*why = LEDGER_REFUSE_CREDIT_LIMIT;
			db_rollback();
			return WEFT_OK;
		}
		e = ledger_insert(&x[i], a->member_id, a->acting_id, 0, NULL,
		    &ids[i]);
		if (e == WEFT_ERR_DUPLICATE) {
			/* Made by the same form before: nothing again. */
			db_rollback();
			*why = LEDGER_REFUSE_DUPLICATE_KEY;
			return db_query_int(&ids[0], ledger_key_sql, "s",
			    x[0].form_key);
		}
		if (e != WEFT_OK)
			goto err;
		/* The group's key is the first exchange's: no proposal may
		 * hold it too (one form, one row in either table). */
		if (i == 0 && ((e = ledger_key_free(x[0].form_key, &ids[0],
		    why)) != WEFT_OK || *why != LEDGER_OK)) {
			db_rollback();
			return e;
		}
		if ((e = ledger_audit(a, "exchange.record_for", ids[i], &x[i],
		    NULL, 0, NULL)) != WEFT_OK)
			goto err;
	}
	return db_commit();
err:
	db_rollback();
	return e;
}

enum weft_err
ledger_record_group(const struct actor *a, const struct ledger_settings *s,
    const struct ledger_entry *x, size_t n, long long *ids, size_t *bad,
    enum ledger_refusal *why)
{
	long long	 m[2 * LEDGER_GROUP_MAX];
	size_t		 i, nm;
	enum weft_err	 e = WEFT_ERR_CONFLICT;

	*why = LEDGER_OK;
	*bad = 0;
	if (n == 0 || n > LEDGER_GROUP_MAX)
		return WEFT_ERR_INVALID;
	for (i = 0; i < n; i++) {
		ids[i] = 0;
		if (x[i].hundredths <= 0 || x[i].provider == x[i].recipient ||
		    !ledger_key_ok(x[i].form_key))
			return WEFT_ERR_INVALID;
	}
	nm = group_members(x, n, m);
	if ((e = group_rows(m, nm)) != WEFT_OK)
		return e;
	e = WEFT_ERR_CONFLICT;
	for (i = 0; i < LEDGER_TRIES && e == WEFT_ERR_CONFLICT; i++) {
		*why = LEDGER_OK;
		e = group_tx(a, s, x, n, m, nm, ids, bad, why);
	}
	return e;
}
