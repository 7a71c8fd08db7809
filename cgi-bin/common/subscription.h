/*
 * Subscriptions as other areas read them (docs/payments.md): the
 * payments area owns the tables; the member list shows each member's
 * subscription status and renewal date to holders of payment.manage
 * through this header, as the dashboard reads the ledger through
 * ledger.h.  The status is computed, never stored: SUB_STATUS_SQL is the
 * one definition, which the payments area's pages use too.
 */
#ifndef WEFT_SUBSCRIPTION_H
#define WEFT_SUBSCRIPTION_H

#include <stddef.h>

#include "err.h"

enum sub_status {
	SUB_CURRENT,
	SUB_DUE,
	SUB_OVERDUE,
	SUB_LAPSED,
	SUB_INACTIVE,
	SUB_NONE,	/* no subscription */
	SUB_STATUS__MAX
};

/* As SUB_STATUS_SQL writes them ("current", ...), and their phrase keys
 * ("subscription.status.current", ...). */
extern const char *const sub_status_names[SUB_STATUS__MAX];
extern const char *const sub_status_keys[SUB_STATUS__MAX];

/*
 * The status of subscription alias t as SQL, with two parameters: the
 * settings payment_reminder_days (N) and payment_grace_days (G),
 * sub_days().  Due from N days before the renewal date to the date
 * itself, overdue up to G days after it, lapsed after; waived is always
 * current.
 */
#define SUB_STATUS_SQL(t) \
	"CASE WHEN " t ".active = 0 THEN 'inactive'" \
	" WHEN " t ".preference = 'waived' THEN 'current'" \
	" WHEN " t ".renewal_date > UTC_DATE() + INTERVAL ? DAY THEN 'current'" \
	" WHEN " t ".renewal_date >= UTC_DATE() THEN 'due'" \
	" WHEN " t ".renewal_date >= UTC_DATE() - INTERVAL ? DAY" \
	" THEN 'overdue' ELSE 'lapsed' END"

/* The two settings SUB_STATUS_SQL reads. */
void		 sub_days(long long *reminder, long long *grace);
enum sub_status	 sub_status_parse(const char *);

/* The most members sub_columns() reads at once (a page of the list). */
#define SUB_COLUMNS_MAX	50

/* A member's subscription as the member list shows it: the status of the
 * subscription that pays for it (its own, or its household head's) and
 * that one's renewal date ("" for none). */
struct sub_column {
	enum sub_status	 status;
	char		 renewal[11];
};

/*
 * The columns of members ids[0 .. n) (n at most SUB_COLUMNS_MAX) into
 * out[0 .. n), in one statement of primary-key lookups; a member
 * without a subscription is SUB_NONE.
 */
enum weft_err	 sub_columns(const long long *ids, size_t n,
		    struct sub_column *out);

#endif
