/*
 * Renewal reminders (sub_reminders.h): the selection of those due, the
 * queuing of one (its notice row first, so that a second process's
 * INSERT IGNORE finds it and queues nothing), and the scheduled run.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "db.h"
#include "i18n.h"
#include "i18n_conv.h"
#include "outbox.h"
#include "settings.h"
#include "sub_reminders.h"
#include "subscription.h"

/* Parameters: N, G, site, the list of communities, limit.  Members of a
 * household (head_id) are reminded through their head. */
static const char sub_sql_due_notices[] =
    "SELECT s.member_id, s.renewal_date,"
    " IF(s.renewal_date > UTC_DATE(), 'before', 'on') AS kind,"
    " m.name, m.email, m.lang"
    " FROM subscriptions s JOIN members m ON m.id = s.member_id"
    " WHERE s.active = 1 AND s.head_id IS NULL AND s.preference <> 'waived'"
    " AND m.status = 'approved'"
    " AND s.renewal_date <= UTC_DATE() + INTERVAL ? DAY"
    " AND s.renewal_date >= UTC_DATE() - INTERVAL ? DAY"
    " AND (? = 1 OR FIND_IN_SET(COALESCE(m.community_id, 0), ?) > 0)"
    " AND NOT EXISTS (SELECT 1 FROM payment_notices n"
    " WHERE n.member_id = s.member_id AND n.period_start = s.renewal_date"
    " AND n.kind = IF(s.renewal_date > UTC_DATE(), 'before', 'on'))"
    " ORDER BY s.renewal_date, s.member_id LIMIT ?";

enum weft_err
sub_reminders_due(int site, const char *list, size_t max,
    struct db_rows **out)
{
	long long	 n, g;

	sub_days(&n, &g);
	return db_query(out, sub_sql_due_notices, "iiisi", n, g,
	    (long long)(site != 0), list != NULL ? list : "0",
	    (long long)max);
}

/* The text of key in lang with two pairs into b; NULL when it could
 * not be built. */
static const char *
sub_text(struct buf *b, const char *lang, const char *key, const char *a,
    const char *av, const char *c, const char *cv)
{
	buf_init(b);
	i18n_format(b, lang, key, a, av, c, cv, NULL);
	return buf_failed(b) ? NULL : b->p;
}

/* One reminder (a row of sub_sql_due_notices): its notice row, then its
 * mail; *made 0 when another run made it meanwhile. */
static enum weft_err
sub_reminder_one(struct db_rows *r, int *made)
{
	struct outbox_msg	 msg;
	struct buf		 subj, body;
	const char		*lang = db_str(r, 5);
	int			 before = strcmp(db_str(r, 2), "before") == 0;
	char			 date[I18N_DATE_LEN];
	long long		 oid;
	enum weft_err		 e;

	*made = 0;
	if ((e = db_exec("INSERT IGNORE INTO payment_notices (member_id,"
	    " period_start, kind) VALUES (?, ?, ?)", "iss", db_int(r, 0),
	    db_str(r, 1), db_str(r, 2))) != WEFT_OK || db_affected() == 0)
		return e;
	i18n_date(lang, db_str(r, 1), date, sizeof(date));
	memset(&msg, 0, sizeof(msg));
	msg.kind = "payments.reminder";
	msg.member_id = db_int(r, 0);
	msg.to_addr = db_str(r, 4);
	msg.to_name = db_str(r, 3);
	msg.lang = lang;
	msg.subject = sub_text(&subj, lang, before ?
	    N_("mail.payments.reminder.subject_before") :
	    N_("mail.payments.reminder.subject_on"), "date", date, NULL, NULL);
	msg.body = sub_text(&body, lang, before ?
	    N_("mail.payments.reminder.body_before") :
	    N_("mail.payments.reminder.body_on"), "name", db_str(r, 3),
	    "date", date);
	e = msg.subject == NULL || msg.body == NULL ? WEFT_ERR_NOMEM :
	    outbox_queue(&msg, &oid);
	buf_free(&subj);
	buf_free(&body);
	if (e == WEFT_OK && (e = db_exec("UPDATE payment_notices SET"
	    " outbox_id = ? WHERE member_id = ? AND period_start = ?"
	    " AND kind = ?", "iiss", oid, db_int(r, 0), db_str(r, 1),
	    db_str(r, 2))) == WEFT_OK)
		*made = 1;
	return e;
}

enum weft_err
sub_reminders_queue(int site, const char *list, long long *queued)
{
	struct db_rows	*r;
	int		 made;
	enum weft_err	 e;

	*queued = 0;
	if ((e = sub_reminders_due(site, list, SUB_REMINDERS_BATCH, &r)) !=
	    WEFT_OK)
		return e;
	while (db_next(r)) {
		if ((e = sub_reminder_one(r, &made)) != WEFT_OK)
			break;
		*queued += made;
	}
	db_rows_free(r);
	return e;
}

/* One batch of the scheduled run, in its transaction: *n queued. */
static enum weft_err
sub_reminders_batch(long long *n)
{
	char		 after[64];
	enum weft_err	 e;

	if ((e = db_begin()) != WEFT_OK)
		return e;
	if ((e = sub_reminders_queue(1, NULL, n)) == WEFT_OK && *n > 0) {
		snprintf(after, sizeof(after), "{\"queued\":%lld,"
		    "\"by\":\"job\"}", *n);
		e = audit_write(NULL, "payment.reminders", "payments", 0, 0,
		    NULL, after);
	}
	if (e == WEFT_OK && (e = db_commit()) == WEFT_OK)
		return WEFT_OK;
	db_rollback();
	return e;
}

enum weft_err
sub_reminders_job(long long *queued)
{
	long long	 n;
	enum weft_err	 e;

	*queued = 0;
	settings_expect(0);
	i18n_expect(0);
	if (settings_int(SETTING_PAYMENTS_ENABLED) == 0)
		return WEFT_OK;
	do {
		if ((e = sub_reminders_batch(&n)) != WEFT_OK)
			return e;
		*queued += n;
	} while (n == SUB_REMINDERS_BATCH);
	return WEFT_OK;
}

enum weft_err
sub_reminders_soon(void)
{
	return db_exec("UPDATE periodic_jobs SET next_at = UTC_TIMESTAMP(6)"
	    " WHERE name = ? AND next_at > UTC_TIMESTAMP(6)", "s",
	    SUB_REMINDERS_JOB);
}
