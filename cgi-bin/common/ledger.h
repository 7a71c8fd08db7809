/*
 * The ledger (docs/architecture.md "Data", the ledger invariant):
 * exchanges of hours between two members, and every member's balance.  The
 * exchanges area owns it; other areas read balances and figures through
 * this header and never touch the tables themselves.
 *
 * Hours are integer hundredths everywhere (1.25 hours is 125), never a
 * float.  Every exchange adds its hundredths to the provider's balance and
 * takes them from the recipient's in the same transaction as the exchange
 * row, with both balance rows locked in a fixed order (lower member id
 * first), so the sum of all balances is 0 at every moment.  History is
 * never edited: a correction is a reversing exchange linked to the
 * original (sql/006_ledger.sql).
 */
#ifndef WEFT_LEDGER_H
#define WEFT_LEDGER_H

#include <stddef.h>

#include "auth.h"
#include "err.h"
#include "role.h"
#include "tmpl.h"

#define LEDGER_KEY_LEN		64	/* a form key: 64 lower-case hex */
#define LEDGER_HOURS_LEN	32	/* "-92233720368547758.08" and NUL */
#define LEDGER_SCOPE_MAX	ROLE_GRANTS_MAX
#define LEDGER_MONTHS		12

/* A party of an exchange: what the ledger reads of a member (the area
 * rule: id, name, username, status, community and nothing more). */
struct ledger_party {
	long long		 id;
	char			 username[33];
	char			 name[129];
	enum member_status	 status;
	long long		 community;	/* 0: none */
	int			 is_organisation;
};

/* Loads a member by id or by username; WEFT_ERR_NOTFOUND when none. */
enum weft_err	 ledger_party_load(long long id, struct ledger_party *);
enum weft_err	 ledger_party_find(const char *username,
		    struct ledger_party *);
/* The two parties of a form in one round trip: out[i] is the member
 * named names[i], or all zero (id 0) when names[i] is NULL, not a
 * username or nobody's.  Returns WEFT_OK or a database error. */
enum weft_err	 ledger_parties_find(const char *const names[2],
		    struct ledger_party out[2]);
/* The scope of the member's objects: community:N, or site when none. */
void		 ledger_party_scope(const struct ledger_party *,
		    struct scope *);

enum ledger_limit_mode {
	LEDGER_LIMIT_SOFT,	/* recorded; coordinators see an alert */
	LEDGER_LIMIT_HARD,	/* refused */
	LEDGER_LIMIT__MAX
};

/* The site's settings for the ledger, as one request reads them
 * (settings.h: the registry, the defaults, the worker's copy). */
struct ledger_settings {
	long long		 max_hundredths;	/* per exchange */
	long long		 oldest_days;	/* oldest service date */
	long long		 credit_limit;	/* lowest balance, hundredths */
	enum ledger_limit_mode	 mode;
};

/* No statement, but when the settings changed since this worker read
 * them (settings_refresh()). */
enum weft_err	 ledger_settings_load(struct ledger_settings *);
/* The settings and the exchange that form key `key` has recorded already
 * (*recorded 0 when none), in one round trip: what a posted recording
 * form is judged by. */
enum weft_err	 ledger_settings_key(const char *key, struct ledger_settings *,
		    long long *recorded);

/* "1.25", "-0.50", "0.00"; with sign, "+1.25" for positive values. */
void		 ledger_format_hours(long long hundredths, int sign,
		    char out[LEDGER_HOURS_LEN]);
/* Is key a well-formed form key (64 lower-case hex characters)? */
int		 ledger_key_ok(const char *key);

/* A member's balance; 0 for a member who never took part in an exchange. */
enum weft_err	 ledger_balance(long long member_id, long long *hundredths);
/* The sum of every balance: 0, unless the ledger is broken. */
enum weft_err	 ledger_sum_all(long long *hundredths);

/* One exchange as pages show it, with both parties, who recorded it and
 * its reversal links. */
struct ledger_exchange {
	long long		 id;
	struct ledger_party	 provider;
	struct ledger_party	 recipient;
	long long		 hundredths;
	char			 service_date[11];
	char			 description[256];
	long long		 ad_id;		/* 0: none */
	char			 ad_title[121];
	long long		 recorded_by;
	char			 recorded_by_name[129];
	long long		 recorded_as;
	char			 recorded_as_name[129];
	long long		 reverses_id;	/* this is a reversal of that */
	long long		 reversed_by;	/* the reversal of this one */
	char			 reason[256];
	char			 created_at[20];
};

/* Loads exchange id; WEFT_ERR_NOTFOUND when there is none. */
enum weft_err	 ledger_exchange_load(long long id, struct ledger_exchange *);

/* A new exchange.  service_date is "YYYY-MM-DD", already checked against
 * the settings by the caller; ad_id 0 for none; community is the one its
 * audit row, if any, is filed under (ledger_audit_community()). */
struct ledger_entry {
	long long	 provider;
	long long	 recipient;
	long long	 hundredths;
	const char	*service_date;
	const char	*description;
	long long	 ad_id;
	const char	*form_key;
	long long	 community;
};

/* The community an exchange's audit row is filed under: the provider's,
 * else the recipient's (0 when neither has one). */
long long	 ledger_audit_community(const struct ledger_party *provider,
		    const struct ledger_party *recipient);

enum ledger_refusal {
	LEDGER_OK = 0,
	LEDGER_REFUSE_CREDIT_LIMIT,	/* hard limit: recipient too low */
	LEDGER_REFUSE_DUPLICATE_KEY,	/* form key seen: *id is the first */
	LEDGER_REFUSE_REVERSED,		/* already reversed: *id the reversal */
	LEDGER_REFUSE_IS_REVERSAL,	/* a reversal is not reversed */
	LEDGER_REFUSE__MAX
};

/* Phrase keys saying why ("ledger.refuse.credit_limit", ...). */
extern const char *const ledger_refusal_keys[LEDGER_REFUSE__MAX];

/*
 * Records an exchange in one transaction of its own: moves the hours
 * with both balance rows locked (lower member id first), refusing under
 * the lock what would take the recipient below a hard credit limit of
 * settings s (the caller's, just read), inserts the exchange (its form
 * key is UNIQUE), and, when audit is set (a coordinator's
 * exchange.record_for, docs/authorization.md rule 6) or the actor acts for
 * a party (rule 5: "become", an angel, a manager; audit_on_behalf),
 * writes the audit row in the same transaction.  recorded_by/recorded_as
 * are the actor's real and acting ids.  Deadlocks and lock waits are
 * retried a few times.  Returns WEFT_OK with *why == LEDGER_OK and *id
 * the new exchange, or WEFT_OK with *why saying why nothing was recorded
 * (for a form key already used, *id is the exchange it recorded), or an
 * error.  The caller has looked
 * the key up already (ledger_settings_key()): a key used meanwhile is
 * found by the insert.
 */
enum weft_err	 ledger_record(const struct actor *,
		    const struct ledger_settings *s,
		    const struct ledger_entry *, int audit, long long *id,
		    enum ledger_refusal *why);

/*
 * Reverses exchange `id` (exchange.edit; the caller has checked the scope
 * of both parties): inserts the reversing exchange (parties swapped, same
 * hours, dated today, reverses_id = id, with reason) and its audit row,
 * in one transaction with the original row and both balances locked.  The
 * credit limit does not apply: a correction must always be possible.
 * Sets *rid to the reversal, or *why (already reversed: *rid is that
 * reversal; a reversal itself).  WEFT_ERR_NOTFOUND when there is no such
 * exchange.
 */
enum weft_err	 ledger_reverse(const struct actor *, long long id,
		    const char *reason, long long *rid,
		    enum ledger_refusal *why);

/* ---- Figures for the coordinators' dashboard --------------------------- */

/* The communities whose members an actor's perm covers: site, or a list
 * of community ids (as "1,4" for FIND_IN_SET in fixed SQL). */
struct ledger_scope {
	int		 site;
	size_t		 n;
	long long	 ids[LEDGER_SCOPE_MAX];
	char		 list[LEDGER_SCOPE_MAX * 21 + 1];
};

void		 ledger_scope_of(const struct actor *, enum perm,
		    struct ledger_scope *);

/*
 * Dashboard figures over the exchanges with at least one party in scope.
 * Reversed exchanges and their reversals are left out of hours and
 * traders (they cancel out).  Months are the last twelve calendar months
 * of service dates, this one included, oldest first ("2025-07").
 */
struct ledger_figures {
	char		 month[LEDGER_MONTHS][8];
	long long	 month_hundredths[LEDGER_MONTHS];
	long long	 active_traders;	/* members, last `days` */
	long long	 under_limit;		/* members below the limit */
	long long	 credit_limit;
	enum ledger_limit_mode mode;
};

enum weft_err	 ledger_figures(const struct ledger_scope *, int days,
		    struct ledger_figures *);

/* Members in scope whose balance is below the credit limit, lowest
 * first: up to max of them into out, *n how many were written. */
struct ledger_member_balance {
	long long	 id;
	char		 username[33];
	char		 name[129];
	long long	 hundredths;
};

enum weft_err	 ledger_under_limit(const struct ledger_scope *,
		    struct ledger_member_balance *out, size_t max, size_t *n);

/*
 * The whole dashboard panel in one call, for members/dashboard.c: adds
 * the include dictionary LEDGER_PANEL (templates/exchanges/
 * ledger_dashboard.tpl) to page, filled for the actor's perm scope: the
 * hours per month as an SVG bar chart, active traders over the last
 * `days`, and the members below the credit limit (links to their
 * statements).  The page template places it with {{>LEDGER_PANEL}}.
 */
enum weft_err	 ledger_dashboard_panel(struct tmpl_dict *page,
		    const struct actor *, enum perm, int days);

#endif
