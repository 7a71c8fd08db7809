/*
 * docs/authorization.md as data.  The permission x role table lives once,
 * in role.c; the route guards, the permission-matrix page and the tests
 * all read it.
 *
 * A grant is (member, role, scope).  role_allows() answers "may these
 * grants do perm on an object in this scope"; the rule functions answer
 * rules 3 (granting), 4 (last admin) and 5 (become) with a reason.
 */
#ifndef WEFT_ROLE_H
#define WEFT_ROLE_H

#include <stddef.h>

#include "err.h"

enum role {
	ROLE_ADMIN,
	ROLE_MEMBER,
	ROLE_SUPPORT,
	ROLE_OUTREACH,
	ROLE_PAYMENT,
	ROLE_TRANSLATOR,
	ROLE__MAX
};

/* In the order of docs/authorization.md "Permissions". */
enum perm {
	PERM_DASHBOARD_VIEW,
	PERM_MEMBER_LIST,
	PERM_MEMBER_CONTACT,
	PERM_MEMBER_ACTIVITY,
	PERM_MEMBER_EDIT,
	PERM_MEMBER_ADD,
	PERM_MEMBER_APPROVE,
	PERM_MEMBER_UNAPPROVE,
	PERM_MEMBER_DISABLE,
	PERM_MEMBER_NOTES,
	PERM_MEMBER_ANGELS,
	PERM_MEMBER_ORGS,
	PERM_MEMBER_COMMUNITY,
	PERM_MEMBER_BECOME,
	PERM_MEMBER_OPTOUT,
	PERM_MEMBER_BULK,
	PERM_ROLE_ASSIGN,
	PERM_AD_LIST,
	PERM_AD_POST_FOR,
	PERM_AD_EDIT,
	PERM_AD_DELETE,
	PERM_EXCHANGE_LIST,
	PERM_EXCHANGE_RECORD_FOR,
	PERM_EXCHANGE_EDIT,
	PERM_BROADCAST_SEND,
	PERM_BROADCAST_COORDINATORS,
	PERM_ALERT_MANAGE,
	PERM_EVENT_MANAGE,
	PERM_CONTENT_MANAGE,
	PERM_PAGE_LIST,
	PERM_PAYMENT_MANAGE,
	PERM_TRANSLATION_EDIT,
	PERM_SITE_CONFIG,
	PERM_AUDIT_VIEW,	/* rule 6: "Admins can read and filter the audit log" */
	PERM__MAX
};

enum scope_kind {
	SCOPE_SITE,
	SCOPE_COMMUNITY,
	SCOPE_LANGUAGE,
	SCOPE__MAX
};

#define ROLE_LANG_MAX	16	/* BCP 47 tag plus NUL, e.g. "pt-BR" */

struct scope {
	enum scope_kind	 kind;
	long long	 community;		/* SCOPE_COMMUNITY */
	char		 lang[ROLE_LANG_MAX];	/* SCOPE_LANGUAGE */
};

struct grant {
	long long	 id;		/* row id, 0 when not stored */
	enum role	 role;
	struct scope	 scope;
};

#define ROLE_GRANTS_MAX	32

struct grants {
	struct grant	 g[ROLE_GRANTS_MAX];
	size_t		 n;
};

/* Keys as in docs/authorization.md ("admin", "member.list"), and the
 * phrase keys of their names and descriptions on pages (i18n.h:
 * app_text(req, role_title_keys[r])). */
extern const char *const role_keys[ROLE__MAX];
extern const char *const role_title_keys[ROLE__MAX];
extern const char *const perm_keys[PERM__MAX];
extern const char *const perm_description_keys[PERM__MAX];
/* Footnote of a (perm, role) cell ("1" .. "4"), or NULL. */
const char	*role_cell_note(enum perm, enum role);

int		 role_parse(const char *key, enum role *out);	/* 0 ok */
int		 perm_parse(const char *key, enum perm *out);	/* 0 ok */
/*
 * The communities where grants hold perm (docs/authorization.md rule 2):
 * *site set when perm is held site-wide (then none are listed, every one
 * is reached); else up to max distinct community ids, in grant order.
 * Returns how many were listed.
 */
size_t		 role_communities(const struct grants *, enum perm,
		    int *site, long long *ids, size_t max);
/* Is community id among them (site, ids, n as role_communities() gave
 * them)? */
int		 role_communities_has(long long id, int site,
		    const long long *ids, size_t n);
/* The scope an object of community lies in: community:N, or site for
 * none (0: only site grants reach it). */
void		 scope_of_community(long long community, struct scope *out);
/* "site", "community:12", "language:es" <-> struct scope; 0 ok. */
int		 scope_parse(const char *in, struct scope *out);
void		 scope_format(const struct scope *, char *out, size_t len);

/* The table itself: does role carry perm (in the grant's scope)? */
int		 role_has_perm(enum role, enum perm);
/* Does a grant in scope `outer` reach an object in scope `inner`?  site
 * covers everything; community:N covers community:N; language:xx covers
 * language:xx. */
int		 scope_covers(const struct scope *outer,
		    const struct scope *inner);
/* Rule 2: may the holder of these grants do perm on an object in scope
 * target?  An object of no community has scope site: only site grants
 * reach it.  Translator grants carry translation.edit only in their
 * language (footnote 4). */
int		 role_allows(const struct grants *, enum perm,
		    const struct scope *target);
/* As role_allows(), but only through cells without a restricting
 * footnote: footnote 1 (payment's narrow member list) and footnote 3
 * (support may toggle Guardian Angel Mode, not assign angels). */
int		 role_allows_full(const struct grants *, enum perm,
		    const struct scope *target);
/* Is perm held in some scope?  The dispatcher's guard, before the
 * handler checks the object's own scope with role_allows(). */
int		 role_allows_somewhere(const struct grants *, enum perm);
/* Does any grant carry role (any scope)? */
int		 role_holds(const struct grants *, enum role);

enum role_refusal {
	ROLE_OK = 0,
	ROLE_REFUSE_NO_PERM,	/* granter lacks role.assign / member.become */
	ROLE_REFUSE_OUT_OF_SCOPE,	/* scope not inside the actor's own */
	ROLE_REFUSE_HIGHER_ROLE,	/* rule 3: role above the granter's */
	ROLE_REFUSE_ADMIN_ONLY,	/* rule 3: outreach/payment/translator */
	ROLE_REFUSE_BAD_SCOPE,	/* translator needs language:, others not */
	ROLE_REFUSE_LAST_ADMIN,	/* rule 4 */
	ROLE_REFUSE_SELF,	/* rule 5: becoming oneself */
	ROLE_REFUSE_SITE_ADMIN,	/* rule 5: nobody becomes a site admin */
	ROLE_REFUSE_NOT_SUBSET,	/* rule 5: target holds what actor lacks */
	ROLE_REFUSE_STATUS,	/* rule 5: target disabled */
	ROLE_REFUSE_COVER,	/* rule 9: target holds what actor lacks */
	ROLE_REFUSE_REACH,	/* rule 9: target acts for one out of reach */
	ROLE_REFUSE__MAX
};

/* A sentence for the coordinator, saying why: i18n_text("en", key) of
 * role_refusal_keys[]; app_text() of the key gives it in the actor's
 * language. */
extern const char *const role_refusal_keys[ROLE_REFUSE__MAX];
const char	*role_refusal_text(enum role_refusal);

/* Rule 3, for giving and for removing a grant of (role, scope):
 * needs role.assign over scope; admin > member > support, each granted only
 * by a holder of that role or higher over scope; outreach, payment and
 * translator by an admin over scope only; translator takes language:xx
 * (granted by a site admin), every other role site or community:N. */
enum role_refusal role_may_grant(const struct grants *granter, enum role,
		    const struct scope *);

/* Rule 5: may actor become target?  Needs member.become over the target's
 * scope (target_scope: the target's community, or site); never oneself,
 * never a site admin, never a disabled member (target_disabled), and
 * every grant of the target must be covered by one of the actor's: same
 * scope or wider, and a role whose permissions include the target's. */
enum role_refusal role_may_become(const struct grants *actor,
		    long long actor_id, const struct grants *target,
		    long long target_id, const struct scope *target_scope,
		    int target_disabled);

/* Is every grant of target covered by one of actor's: a scope as wide or
 * wider, and a role whose permissions include the target grant's?  (No
 * grants at all are covered by anyone.) */
int		 role_covers(const struct grants *actor,
		    const struct grants *target);

/*
 * Rule 9 of docs/authorization.md: may the actor change the account of
 * target (its status, opt-out, community, profile, password, e-mail)?
 * ROLE_OK for one's own account (actor_id == target_id) and when
 * role_covers(actor, target); else ROLE_REFUSE_COVER.  This is the rule
 * beside scope: the caller has checked the permission over the target's
 * scope (rule 2), or that the actor acts for them (act_for).  A site
 * admin covers everyone; rule 4 is the caller's.
 */
enum role_refusal role_may_change(const struct grants *actor,
		    long long actor_id, const struct grants *target,
		    long long target_id);

/* ---- Database side (role_db.c) ---- */

/* Loads a member's grants; more than ROLE_GRANTS_MAX is an error. */
enum weft_err	 role_load_grants(long long member_id, struct grants *out);
/* The grants of member_id from the current row of rows and every row
 * after it (db_next() to the end), each in the columns id, role,
 * scope_kind, community_id, lang starting at column c; a row whose id is
 * NULL (a LEFT JOIN that found no grant) holds none.  out is ordered by
 * id, as role_load_grants() orders it.  Errors as role_load_grants(),
 * out then empty.  For a statement that loads grants with other things
 * (the session, auth.c) and so saves a round trip. */
struct db_rows;
enum weft_err	 role_grants_read(struct db_rows *rows, unsigned c,
		    long long member_id, struct grants *out);

/* Rule 4.  Call inside the caller's transaction, before a change that
 * stops member_id being an enabled site admin (removing their site admin
 * grant, disabling, unapproving).  Locks the enabled site admins' grant
 * and member rows (FOR UPDATE), so two such changes serialise, and sets
 * *why to ROLE_REFUSE_LAST_ADMIN when member_id is the only one left.
 * A member who is not an enabled site admin is always ROLE_OK. */
enum weft_err	 role_guard_last_admin(long long member_id,
		    enum role_refusal *why);

/* Adds or removes a grant in one transaction with its audit row, after
 * rules 3 and 4.  *why says why a refused change was refused (WEFT_OK is
 * returned with *why != ROLE_OK).  actor_real/actor_acting are written to
 * the audit row; addr is the client address. */
struct actor;
enum weft_err	 role_grant_add(const struct actor *, long long member_id,
		    enum role, const struct scope *, enum role_refusal *why);
enum weft_err	 role_grant_remove(const struct actor *, long long grant_id,
		    enum role_refusal *why);

#endif
