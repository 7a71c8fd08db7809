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
#include "i18n.h"
#include "i18n_conv.h"
#include "role.h"
#include "tmpl.h"

#define LEDGER_KEY_LEN		64	/* a form key: 64 lower-case hex */
#define LEDGER_HOURS_LEN	I18N_HOURS_LEN
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
	long long		 auto_confirm_days;	/* 0: never */
};

/* No statement, but when the settings changed since this worker read
 * them (settings_refresh()). */
enum weft_err	 ledger_settings_load(struct ledger_settings *);

/* What a form key has made: the exchange it recorded (a confirmed
 * proposal's too), the proposal it made; 0 for none. */
struct ledger_key_use {
	long long	 exchange;
	long long	 proposal;
};

enum weft_err	 ledger_key_use(const char *key, struct ledger_key_use *);
/* The settings and what form key `key` has made already, in one round
 * trip: what a posted recording form is judged by. */
enum weft_err	 ledger_settings_key(const char *key, struct ledger_settings *,
		    struct ledger_key_use *);

/* "1.25", "-0.50", "0.00"; with sign, "+1.25" for positive values: the
 * machine's form, for CSV files.  A page writes hours in the reader's
 * language (i18n_hours(), i18n_set_hours()). */
void		 ledger_format_hours(long long hundredths, int sign,
		    char out[LEDGER_HOURS_LEN]);
/* Is key a well-formed form key (64 lower-case hex characters)? */
int		 ledger_key_ok(const char *key);

/* A member's balance; 0 for a member who never took part in an exchange. */
enum weft_err	 ledger_balance(long long member_id, long long *hundredths);
/* What a member's profile says of their trading, in one statement: the
 * balance (0 when none) and the service date of their latest exchange,
 * either side ("YYYY-MM-DD", "" when none). */
enum weft_err	 ledger_activity(long long member_id, long long *hundredths,
		    char last[11]);
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
	/* Its category (sql/037), else its ad's; 0 and '' for none. */
	long long		 category_id;
	char			 category_name[129];
	long long		 recorded_by;
	char			 recorded_by_name[129];
	long long		 recorded_as;
	char			 recorded_as_name[129];
	long long		 reverses_id;	/* this is a reversal of that */
	long long		 reversed_by;	/* the reversal of this one */
	char			 reason[256];
	char			 created_at[20];
	/* Recorded by its provider as this proposal, confirmed by whom
	 * ('': the setting) and when; 0, '' and '' for the others. */
	long long		 proposal_id;
	char			 confirmed_by_name[129];
	char			 confirmed_at[20];
};

/* Loads exchange id; WEFT_ERR_NOTFOUND when there is none. */
enum weft_err	 ledger_exchange_load(long long id, struct ledger_exchange *);

/* A new exchange.  service_date is "YYYY-MM-DD", already checked against
 * the settings by the caller; ad_id 0 for none; category_id an item of
 * the ad categories, 0 for none: the ad's category then, when there is an
 * ad (ledger_insert()); community is the one its audit row, if any, is
 * filed under (ledger_audit_community()). */
struct ledger_entry {
	long long	 provider;
	long long	 recipient;
	long long	 hundredths;
	const char	*service_date;
	const char	*description;
	long long	 ad_id;
	long long	 category_id;
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
	LEDGER_REFUSE_CONFIRMED,	/* confirmed: *id its exchange */
	LEDGER_REFUSE_CANCELLED,	/* cancelled by a coordinator */
	LEDGER_REFUSE_DISPUTED,		/* disputed already */
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
 * (for a form key already used, *id is the exchange it recorded, or 0
 * when a proposal has it: ledger_key_use() tells), or an error.  The
 * caller has looked the key up already (ledger_settings_key()): a key
 * used meanwhile is found by the insert.  This moves hours out of the
 * recipient's balance: the caller has made sure that the recipient
 * consents (the actor acts for them) or that a coordinator records it
 * (docs/authorization.md rule 10); else it is a proposal
 * (ledger_propose()).
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

/* ---- Group exchanges ----------------------------------------------------- */

#define LEDGER_GROUP_MAX	50	/* exchanges of one group form */

/* The form key of exchange i of a group whose form carries key: the key
 * itself for the first (so that ledger_key_use(key) finds the group), a
 * SHA-256 of "key:i" in hex for the others (LEDGER_KEY_LEN + 1 bytes). */
void		 ledger_group_key(const char *key, size_t i,
		    char out[LEDGER_KEY_LEN + 1]);

/*
 * Records a group of n exchanges x[0..n-1] (one provider to many
 * recipients, or many providers to one: a workshop) in ONE transaction,
 * all or none (issue 17, docs/exchanges.md "Group exchanges").  The
 * caller holds exchange.record_for over every party (rule 2) and has
 * given each entry its form key (ledger_group_key()).  Every balance row
 * of the group is locked first, in member id order, holding no other
 * balance lock (the order ledger_move() keeps: no deadlock with single
 * exchanges); then each exchange moves its hours under the hard credit
 * limit of s, is inserted, and is audited "exchange.record_for".  A row
 * the limit refuses: *bad its index, *why LEDGER_REFUSE_CREDIT_LIMIT,
 * nothing written.  The first key used already (a double submit):
 * *why LEDGER_REFUSE_DUPLICATE_KEY, ids[0] the exchange it recorded.
 * Else ids[0..n-1] the new exchanges.  Deadlocks and lock waits are
 * retried.
 */
enum weft_err	 ledger_record_group(const struct actor *,
		    const struct ledger_settings *s,
		    const struct ledger_entry *x, size_t n, long long *ids,
		    size_t *bad, enum ledger_refusal *why);

/* ---- Another area's exchanges: the timebank's own account ---------------- */

/*
 * The timebank's own account (sql/035_payments.sql, ledger_accounts):
 * a member row that nobody logs in as (username "_timebank", which no
 * signup can take, disabled), the party that receives what members pay
 * the timebank itself in hours (a subscription paid in hours).
 * WEFT_ERR_NOTFOUND when the migration has not made it.
 */
enum weft_err	 ledger_timebank_account(long long *id);
/* Makes the balance rows of a and b, outside any transaction: what
 * ledger_record_within() needs before its caller's transaction starts. */
enum weft_err	 ledger_prepare(long long a, long long b);
/*
 * Records exchange x inside the caller's transaction (db_begin() is the
 * caller's, and so are the commit and, on any error or refusal, the
 * rollback), with its audit row "exchange.record_for": the hours move
 * with both balance rows locked, lower member id first, the hard credit
 * limit of s refusing what would take the recipient too low
 * (LEDGER_REFUSE_CREDIT_LIMIT), a form key used before refused
 * (LEDGER_REFUSE_DUPLICATE_KEY).  The balance rows exist
 * (ledger_prepare()), else WEFT_ERR_NOTFOUND.  *id the new exchange.
 * A caller holding locks of its own takes them before this is called,
 * in its own fixed order, and never a balance row first.
 */
enum weft_err	 ledger_record_within(const struct actor *,
		    const struct ledger_settings *s,
		    const struct ledger_entry *x, long long *id,
		    enum ledger_refusal *why);

/* ---- Proposals: exchanges waiting for their recipient ------------------- */

/*
 * Consent (docs/authorization.md rule 10, no debit without the payer):
 * an exchange recorded by its provider, or by whoever acts for the
 * provider, takes hours from someone else's balance, so it is a proposal
 * (sql/013_exchange_consent.sql) that moves nothing until it is
 * confirmed: by the recipient or whoever acts for them (act.h), by a
 * coordinator with exchange.edit over both parties (audited), or by the
 * site's setting exchange_auto_confirm_days once it has waited that many
 * days (audited, as the system).  Confirming is recording: the same
 * balance move under the same locks, the hard credit limit judged then,
 * the exchange inserted with the proposal's form key, all in one
 * transaction with the proposal's row locked, so that two confirmations
 * at once move the hours once.  The recipient may dispute instead (with
 * a reason); a coordinator then confirms it for them or cancels it.
 */
enum ledger_status {
	LEDGER_PENDING,
	LEDGER_DISPUTED,
	LEDGER_CONFIRMED,
	LEDGER_CANCELLED,
	LEDGER_STATUS__MAX
};

/* As stored ("pending", ...). */
extern const char *const ledger_status_names[LEDGER_STATUS__MAX];

struct ledger_proposal {
	struct ledger_exchange	 x;	/* what it records, as an exchange
					   would (x.reason: the dispute's,
					   '' for none) */
	enum ledger_status	 status;
	char			 disputed_by_name[129];	/* '' when never */
	char			 disputed_at[20];
	long long		 settled_by;	/* 0: open, or the setting */
	char			 settled_by_name[129];
	char			 settled_at[20];	/* '' while open */
	long long		 exchange_id;	/* confirmed: its exchange */
};

/* Loads proposal id; WEFT_ERR_NOTFOUND when there is none. */
enum weft_err	 ledger_proposal_load(long long id, struct ledger_proposal *);

/*
 * Records a proposal of entry x (checked as for ledger_record()), by the
 * actor, in a transaction of its own: *id the new proposal, or *why
 * LEDGER_REFUSE_DUPLICATE_KEY when its form key has made a proposal or
 * an exchange already (ledger_key_use() says which).  Moves nothing and
 * writes no audit row: a member's own proposal is self-service.
 */
enum weft_err	 ledger_propose(const struct actor *,
		    const struct ledger_entry *x, long long *id,
		    enum ledger_refusal *why);

/* Who confirms, which decides the audit row. */
enum ledger_confirmer {
	LEDGER_BY_RECIPIENT,	/* the recipient, or who acts for them */
	LEDGER_BY_COORDINATOR,	/* exchange.edit: "exchange.confirm_for" */
	LEDGER_BY_SETTING,	/* actor NULL: "exchange.auto_confirm" */
	LEDGER_BY__MAX
};

/*
 * Confirms proposal id (pending or disputed; the setting confirms pending
 * ones only, and only when they are old enough): the caller has checked
 * that `by` is who the actor is for this proposal.  Under settings s the
 * hard credit limit refuses it (LEDGER_REFUSE_CREDIT_LIMIT: it stays as
 * it was).  Sets *xid to the new exchange, or *why: confirmed already
 * (*xid its exchange), cancelled, disputed (for the setting).
 * WEFT_ERR_NOTFOUND when there is no such proposal.  Deadlocks and lock
 * waits are retried.
 */
enum weft_err	 ledger_confirm(const struct actor *,
		    const struct ledger_settings *s, long long id,
		    enum ledger_confirmer by, long long *xid,
		    enum ledger_refusal *why);
/* The recipient's "no": a pending proposal becomes disputed, with the
 * reason ('' for none) and the actor; *why when it is not pending. */
enum weft_err	 ledger_dispute(const struct actor *, long long id,
		    const char *reason, enum ledger_refusal *why);
/* A coordinator's (exchange.edit over both parties, checked by the
 * caller) withdrawal of a pending or disputed proposal, audited as
 * "exchange.cancel"; *why when it is confirmed or cancelled already. */
enum weft_err	 ledger_cancel(const struct actor *, long long id,
		    enum ledger_refusal *why);

/*
 * Auto-confirmation without a cron: when exchange_auto_confirm_days is
 * set, confirms the pending proposals of member (either side) that have
 * waited that long, through ledger_confirm() (LEDGER_BY_SETTING), a few
 * at a time.  Called before a page shows the member's balance (the home
 * page, the statement): what the member then sees has them counted.
 * *n how many were confirmed.  No statement when the setting is 0.
 */
enum weft_err	 ledger_auto_confirm(long long member, int *n);

/* What ledger_pending_panel() shows. */
#define LEDGER_PANEL_TO_CONFIRM	0x01	/* member is the recipient */
#define LEDGER_PANEL_WAITING	0x02	/* member is the provider */
#define LEDGER_PANEL_ACTED_FOR	0x04	/* and the members the actor acts
					   for, as recipients */
#define LEDGER_PANEL_FORMS	0x08	/* confirm and dispute buttons */

/*
 * The open proposals of member on the page, as the include dictionary
 * PENDING_PANEL (templates/exchanges/ledger_pending.tpl): those waiting
 * for the member's confirmation, with the buttons when asked and the
 * actor may use them (they act for the recipient and are not the
 * provider), and those the member is waiting for.  None of their hours
 * is in any balance.  The page places it with {{>PENDING_PANEL}}.
 */
enum weft_err	 ledger_pending_panel(struct tmpl_dict *page,
		    const struct actor *, long long member, unsigned flags);

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
	long long	 pending;	/* proposals waiting, in scope */
	long long	 disputed;	/* disputed, in scope */
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
