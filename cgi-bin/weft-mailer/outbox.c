/*
 * weft-mailer's side of the outbox (mailer.h): a claim takes the current
 * minute's row of outbox_rate under its lock first, so that the mailers'
 * claims are one at a time: two of them never take one row, and together
 * they keep mail_per_minute.  A claimed row is `sending` until due_at (its
 * lease); a mailer killed meanwhile leaves it to be claimed again then.
 */
#include <sys/random.h>

#include <stdio.h>
#include <time.h>

#include "config.h"
#include "db.h"
#include "log.h"
#include "mailer.h"
#include "settings.h"

#define MAILER_TRIES	5	/* of a statement that met a deadlock */

static enum weft_err	 mailer_skip_once(long long, long long, const char *);

long long
mailer_lease(void)
{
	unsigned long long	 v = 0;

	if (getrandom(&v, sizeof(v), 0) != (ssize_t)sizeof(v))
		v = (unsigned long long)time(NULL) << 20 ^ (unsigned long long)
		    clock();
	v &= 0x7fffffffffffffffULL;
	return v != 0 ? (long long)v : 1;
}

static void
mailer_minute(char out[20])
{
	time_t		 t = time(NULL);
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:00", &tm);
}

/* The claim's statements, inside its transaction. */
static enum weft_err
mailer_claim_tx(long long lease, long long *n)
{
	char		 minute[20];
	long long	 used = 0, budget;
	enum weft_err	 e;

	mailer_minute(minute);
	e = db_exec("INSERT INTO outbox_rate (minute, claimed) VALUES (?, 0) "
	    "ON DUPLICATE KEY UPDATE claimed = claimed", "s", minute);
	if (e == WEFT_OK)
		e = db_query_int(&used, "SELECT claimed FROM outbox_rate "
		    "WHERE minute = ? FOR UPDATE", "s", minute);
	if (e != WEFT_OK)
		return e;
	budget = settings_int(SETTING_MAIL_PER_MINUTE) - used;
	if (budget > config.mail_batch)
		budget = config.mail_batch;
	if (budget <= 0)
		return WEFT_OK;
	/* Within the index (state, due_at): the queued first, then the
	 * deferred, then the leases run out. */
	e = db_exec("UPDATE outbox SET state = 'sending', lease = ?, "
	    "attempts = attempts + 1, "
	    "due_at = UTC_TIMESTAMP(6) + INTERVAL ? SECOND "
	    "WHERE state IN ('queued', 'deferred', 'sending') "
	    "AND due_at <= UTC_TIMESTAMP(6) LIMIT ?", "iii", lease,
	    (long long)config.mail_lease_s, budget);
	if (e != WEFT_OK)
		return e;
	*n = (long long)db_affected();
	if (*n > 0)
		e = db_exec("UPDATE outbox_rate SET claimed = claimed + ? "
		    "WHERE minute = ?", "is", *n, minute);
	return e;
}

/* The claim's transaction, tried again after a deadlock. */
static enum weft_err
mailer_claim_once(long long lease, long long *n)
{
	enum weft_err	 e;

	*n = 0;
	if ((e = db_begin()) != WEFT_OK)
		return e;
	if ((e = mailer_claim_tx(lease, n)) != WEFT_OK) {
		db_rollback();
		*n = 0;
		return e;
	}
	if ((e = db_commit()) != WEFT_OK)
		*n = 0;
	return e;
}

enum weft_err
mailer_claim(long long lease, long long *n)
{
	static time_t	 swept;
	enum weft_err	 e;
	int		 i;

	*n = 0;
	settings_expect(0);
	if ((e = settings_refresh()) != WEFT_OK)
		log_msg(LOGL_WARN, "mailer: settings not read, using the last");
	for (i = 0; i < MAILER_TRIES; i++)
		if ((e = mailer_claim_once(lease, n)) != WEFT_ERR_CONFLICT)
			break;
	if (e != WEFT_OK)
		return e;
	/* The budgets of minutes gone by, now and then. */
	if (time(NULL) - swept > 600) {
		swept = time(NULL);
		(void)db_exec("DELETE FROM outbox_rate "
		    "WHERE minute < UTC_TIMESTAMP() - INTERVAL 1 HOUR", "");
	}
	return WEFT_OK;
}

enum weft_err
mailer_rows(long long lease, struct db_rows **out)
{
	return db_query(out, "SELECT o.id, o.kind, COALESCE(o.member_id, 0), "
	    "o.to_addr, o.to_name, o.subject, o.body, o.list, o.message_id, "
	    "o.attempts, COALESCE(m.optout, 0), COALESCE(m.status, ''), "
	    "COALESCE(o.body_markup, ''), o.lang "
	    "FROM outbox o LEFT JOIN members m ON m.id = o.member_id "
	    "WHERE o.lease = ? AND o.state = 'sending' ORDER BY o.id",
	    "i", lease);
}

/* The wait before try attempts + 1: mail_retry_s, doubled per try, at
 * most a day. */
static long long
mailer_backoff(long long attempts)
{
	long long	 s = config.mail_retry_s;

	while (--attempts > 0 && s < 86400)
		s *= 2;
	return s < 86400 ? s : 86400;
}

static enum weft_err
mailer_done_once(long long id, long long lease, long long attempts,
    enum mailer_result r, const char *reason)
{
	enum weft_err	 e;

	switch (r) {
	case MAILER_SENT:
		e = db_exec("UPDATE outbox SET state = 'sent', reason = ?, "
		    "sent_at = UTC_TIMESTAMP(), lease = 0 "
		    "WHERE id = ? AND lease = ?", "sii", reason, id, lease);
		break;
	case MAILER_FAIL:
		e = db_exec("UPDATE outbox SET state = 'failed', reason = ?, "
		    "lease = 0 WHERE id = ? AND lease = ?", "sii", reason, id,
		    lease);
		break;
	default:
		/* Deferred, or failed once mail_tries_max tries are done. */
		e = db_exec("UPDATE outbox SET state = IF(attempts >= ?, "
		    "'failed', 'deferred'), reason = ?, lease = 0, "
		    "due_at = UTC_TIMESTAMP(6) + INTERVAL ? SECOND "
		    "WHERE id = ? AND lease = ?", "isiii",
		    (long long)config.mail_tries_max, reason,
		    mailer_backoff(attempts), id, lease);
		break;
	}
	if (e == WEFT_OK && db_affected() == 0)
		log_msg(LOGL_WARN, "mailer: outbox row %lld was no longer "
		    "ours (its lease ran out)", id);
	return e;
}

/* A claim's scan and a result's update can meet in the index (state,
 * due_at) and deadlock: the result is written again, a few times, since
 * a result not written is a message sent twice. */
enum weft_err
mailer_done(long long id, long long lease, long long attempts,
    enum mailer_result r, const char *reason)
{
	enum weft_err	 e;
	int		 i;

	for (i = 0; i < MAILER_TRIES; i++)
		if ((e = mailer_done_once(id, lease, attempts, r, reason)) !=
		    WEFT_ERR_CONFLICT)
			break;
	return e;
}

enum weft_err
mailer_skip(long long id, long long lease, const char *reason)
{
	enum weft_err	 e;
	int		 i;

	for (i = 0; i < MAILER_TRIES; i++)
		if ((e = mailer_skip_once(id, lease, reason)) !=
		    WEFT_ERR_CONFLICT)
			break;
	return e;
}

static enum weft_err
mailer_skip_once(long long id, long long lease, const char *reason)
{
	return db_exec("UPDATE outbox SET state = 'skipped', reason = ?, "
	    "lease = 0, attempts = attempts - 1 WHERE id = ? AND lease = ?",
	    "sii", reason, id, lease);
}

enum weft_err
mailer_release(long long lease, int delay_s)
{
	return db_exec("UPDATE outbox SET attempts = attempts - 1, "
	    "state = IF(attempts = 0, 'queued', 'deferred'), lease = 0, "
	    "due_at = UTC_TIMESTAMP(6) + INTERVAL ? SECOND "
	    "WHERE lease = ? AND state = 'sending'", "ii",
	    (long long)delay_s, lease);
}
