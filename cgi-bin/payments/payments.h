/*
 * The payments area (/payments; docs/payments.md): subscription types,
 * each member's subscription, the charges of its periods, the payments
 * recorded against them, the due list and the payments received, the
 * member's own view, renewal notices, and the site's payment switch.
 * payment.manage in the member's scope (a community-scoped payment
 * coordinator reaches only their community's members); the types and the
 * switch are the whole timebank's (site scope).  One file per page
 * family; the route table is main.c.
 */
#ifndef WEFT_PAYMENTS_H
#define WEFT_PAYMENTS_H

#include "app.h"
#include "buf.h"
#include "form.h"
#include "money.h"
#include "subscription.h"

enum pay_kind {
	PAY_KIND_INDIVIDUAL,
	PAY_KIND_HOUSEHOLD,
	PAY_KIND_ORGANISATION,
	PAY_KIND__MAX
};

enum pay_unit {
	PAY_UNIT_MONTH,
	PAY_UNIT_YEAR,
	PAY_UNIT__MAX
};

/* How a member pays; the first PAY_METHOD__MAX are also the methods of
 * a payment (waived is no method). */
enum pay_pref {
	PAY_CASH,
	PAY_CHEQUE,
	PAY_TRANSFER,
	PAY_CARD,
	PAY_HOURS,
	PAY_WAIVED,
	PAY_PREF__MAX
};
#define PAY_METHOD__MAX	PAY_WAIVED

/* As stored and sent ("individual", "month", "cash", "due"), and the
 * phrase keys of each. */
extern const char *const pay_kind_names[PAY_KIND__MAX];
extern const char *const pay_kind_keys[PAY_KIND__MAX];
extern const char *const pay_unit_names[PAY_UNIT__MAX];
extern const char *const pay_pref_names[PAY_PREF__MAX];
extern const char *const pay_pref_keys[PAY_PREF__MAX];

/* What payments reads of a member (no contact details but the address
 * its notices go to, which no page of the payment role shows). */
struct pay_member {
	long long	 id;
	char		 username[33];
	char		 name[129];
	char		 email[255];
	char		 lang[16];
	long long	 community;	/* 0: none */
	int		 is_organisation;
};

/* A member's subscription, and the one that pays for it (its own, or
 * its household head's). */
struct pay_sub {
	int		 exists;
	long long	 type_id;
	char		 type_name[129];
	enum pay_kind	 kind;
	enum pay_unit	 unit;
	int		 period_n;
	long long	 minor;		/* the type's amount */
	char		 currency[MONEY_CODE_LEN];
	int		 active;
	char		 renewal[11];
	enum pay_pref	 pref;
	char		 gateway_ref[129];
	long long	 head_id;	/* 0: pays for itself */
	char		 head_name[129];
	char		 head_username[33];
	enum sub_status	 status;	/* the payer's */
	char		 payer_renewal[11];	/* the payer's */
};

/* Loads member id (any status); WEFT_ERR_NOTFOUND. */
enum weft_err	 pay_member_load(long long id, struct pay_member *);
/*
 * The member of path parameter 0 whom the actor may manage
 * (payment.manage over the member's community, docs/authorization.md
 * rule 2): 0, or the status to answer (app_target_status()).
 */
int		 pay_target(struct request *, struct pay_member *);
/* Loads m's subscription (exists 0 when none) with its status, in the
 * reader's language for the type's name. */
enum weft_err	 pay_sub_load(const struct pay_member *, const char *lang,
		    struct pay_sub *);
/* Locks member_id's subscription row, if any, inside a transaction. */
enum weft_err	 pay_sub_lock(long long member_id);
/* May the actor do payment.manage site-wide (types, every member)? */
int		 pay_site(const struct request *);

/* The type's name in lang (its translation, else the English). */
#define PAY_TYPE_NAME_SQL(t, langparam) \
	"COALESCE((SELECT n.name FROM subscription_type_names n" \
	" WHERE n.type_id = " t ".id AND n.lang = " langparam "), " t ".name)"

/* Queues the receipt of payment id to its member, inside the caller's
 * transaction. */
enum weft_err	 pay_receipt_queue(long long payment_id);

/* The pages. */
int		 pay_due(struct request *);
int		 pay_due_csv(struct request *);
int		 pay_received(struct request *);
int		 pay_received_csv(struct request *);
int		 pay_reminders(struct request *);
int		 pay_types(struct request *);
int		 pay_type_add(struct request *);
int		 pay_type_save(struct request *);
int		 pay_type_name(struct request *);
int		 pay_me(struct request *);
int		 pay_how(struct request *);
int		 pay_member(struct request *);
int		 pay_sub_save(struct request *);
int		 pay_household_save(struct request *);
int		 pay_charge_next(struct request *);
int		 pay_charge_delete(struct request *);
int		 pay_payment_record(struct request *);
int		 pay_feature(struct request *);
int		 pay_feature_save(struct request *);

/* The member page (payments/member.tpl) started: form_read() of a
 * refused form fills it, then pay_member_render() the rest, all but the
 * values of form redo ("subscription", "household", "payment"; NULL for
 * none), which keep the input. */
struct tmpl_dict *pay_member_dict(struct request *,
		    const struct pay_member *);
int		 pay_member_render(struct request *, const struct pay_member *,
		    struct tmpl_dict *, const char *redo, int status);
/*
 * A POST of the member page: the member of the path (pay_target()), the
 * page started into *d, the form of fields read into v: -1 to go on,
 * else what the handler returns (a status, or 0 with the page rendered
 * again with the input of form redo and its messages).
 */
int		 pay_member_post(struct request *, struct pay_member *,
		    struct tmpl_dict **d, const struct form_field *fields,
		    size_t n, struct form_value *v, const char *redo);

#endif
