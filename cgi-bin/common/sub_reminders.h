/*
 * Renewal reminders (docs/payments.md, "Notices"): one N days before the
 * renewal date (payment_reminder_days) and one on it (the first run on
 * or after it, while the subscription is overdue, not lapsed), to the
 * member who pays (a household's head), in their language, through the
 * outbox.  payment_notices' key (member, period, kind) makes each one
 * once however often, and by however many processes at once, they are
 * queued.  Here, not in the payments area, because two programs queue
 * them: the due list's button (payments/notices.c) and weft-mailer's
 * periodic job (weft-mailer/jobs.c).
 */
#ifndef WEFT_SUB_REMINDERS_H
#define WEFT_SUB_REMINDERS_H

#include <stddef.h>

#include "err.h"

#define SUB_REMINDERS_BATCH	200	/* reminders one transaction queues */

struct db_rows;

/*
 * The reminders due now and not yet queued, to members of the
 * communities in list (comma-separated ids, 0 for none) or, when site,
 * to every member: at most max, in renewal order.  Columns: member id,
 * renewal date, kind ("before", "on"), name, e-mail, language.  The
 * switch page's "who would be mailed" is this selection.
 */
enum weft_err	 sub_reminders_due(int site, const char *list, size_t max,
		    struct db_rows **out);
/* Queues a batch of those (at most SUB_REMINDERS_BATCH) inside the
 * caller's transaction: *queued how many were made (another process's
 * made meanwhile are not counted). */
enum weft_err	 sub_reminders_queue(int site, const char *list,
		    long long *queued);
/*
 * The scheduled run, whole: nothing while payments_enabled is off; else
 * batch after batch, each in its own transaction with one audit row
 * "payment.reminders" by the system (no actor), until none is left.
 * *queued the total.
 */
enum weft_err	 sub_reminders_job(long long *queued);
/* The name of the scheduled run's row of periodic_jobs. */
#define SUB_REMINDERS_JOB	"payments.reminders"

/* Makes the scheduled run due now (weft-mailer runs it at its next
 * look, within seconds), inside the caller's transaction: payments
 * switched on. */
enum weft_err	 sub_reminders_soon(void);

#endif
