/*
 * docs/authorization.md as data, and the pure rules over it.  The
 * permission x role table below is the only place in weft that says who
 * may do what: the route guards, the permission-matrix page and the tests
 * all read it.  The database side (loading grants, rule 4, granting) is
 * role_db.c.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "role.h"
#include "util.h"
#include "valid.h"

const char *const role_keys[ROLE__MAX] = {
	[ROLE_ADMIN] = "admin",
	[ROLE_MEMBER] = "member",
	[ROLE_SUPPORT] = "support",
	[ROLE_OUTREACH] = "outreach",
	[ROLE_PAYMENT] = "payment",
	[ROLE_TRANSLATOR] = "translator",
};

/* The roles' names, as pages show them: phrases (common.en "role.title."). */
const char *const role_title_keys[ROLE__MAX] = {
	[ROLE_ADMIN] = N_("role.title.admin"),
	[ROLE_MEMBER] = N_("role.title.member"),
	[ROLE_SUPPORT] = N_("role.title.support"),
	[ROLE_OUTREACH] = N_("role.title.outreach"),
	[ROLE_PAYMENT] = N_("role.title.payment"),
	[ROLE_TRANSLATOR] = N_("role.title.translator"),
};

const char *const perm_keys[PERM__MAX] = {
	[PERM_DASHBOARD_VIEW] = "dashboard.view",
	[PERM_MEMBER_LIST] = "member.list",
	[PERM_MEMBER_CONTACT] = "member.contact",
	[PERM_MEMBER_ACTIVITY] = "member.activity",
	[PERM_MEMBER_EDIT] = "member.edit",
	[PERM_MEMBER_ADD] = "member.add",
	[PERM_MEMBER_APPROVE] = "member.approve",
	[PERM_MEMBER_UNAPPROVE] = "member.unapprove",
	[PERM_MEMBER_DISABLE] = "member.disable",
	[PERM_MEMBER_NOTES] = "member.notes",
	[PERM_MEMBER_ANGELS] = "member.angels",
	[PERM_MEMBER_ORGS] = "member.orgs",
	[PERM_MEMBER_COMMUNITY] = "member.community",
	[PERM_MEMBER_BECOME] = "member.become",
	[PERM_MEMBER_OPTOUT] = "member.optout",
	[PERM_MEMBER_BULK] = "member.bulk",
	[PERM_ROLE_ASSIGN] = "role.assign",
	[PERM_AD_LIST] = "ad.list",
	[PERM_AD_POST_FOR] = "ad.post_for",
	[PERM_AD_EDIT] = "ad.edit",
	[PERM_AD_DELETE] = "ad.delete",
	[PERM_EXCHANGE_LIST] = "exchange.list",
	[PERM_EXCHANGE_RECORD_FOR] = "exchange.record_for",
	[PERM_EXCHANGE_EDIT] = "exchange.edit",
	[PERM_BROADCAST_SEND] = "broadcast.send",
	[PERM_BROADCAST_COORDINATORS] = "broadcast.coordinators",
	[PERM_ALERT_MANAGE] = "alert.manage",
	[PERM_EVENT_MANAGE] = "event.manage",
	[PERM_CONTENT_MANAGE] = "content.manage",
	[PERM_PAGE_LIST] = "page.list",
	[PERM_PAYMENT_MANAGE] = "payment.manage",
	[PERM_TRANSLATION_EDIT] = "translation.edit",
	[PERM_SITE_CONFIG] = "site.config",
	[PERM_AUDIT_VIEW] = "audit.view",
};

/* The permissions' descriptions, as pages show them: phrases (common.en
 * "perm."), the spec's words in English (test_role.c compares them with
 * its copy); docs/authorization.md is printed from them. */
const char *const perm_description_keys[PERM__MAX] = {
	[PERM_DASHBOARD_VIEW] = N_("perm.dashboard.view"),
	[PERM_MEMBER_LIST] = N_("perm.member.list"),
	[PERM_MEMBER_CONTACT] = N_("perm.member.contact"),
	[PERM_MEMBER_ACTIVITY] = N_("perm.member.activity"),
	[PERM_MEMBER_EDIT] = N_("perm.member.edit"),
	[PERM_MEMBER_ADD] = N_("perm.member.add"),
	[PERM_MEMBER_APPROVE] = N_("perm.member.approve"),
	[PERM_MEMBER_UNAPPROVE] = N_("perm.member.unapprove"),
	[PERM_MEMBER_DISABLE] = N_("perm.member.disable"),
	[PERM_MEMBER_NOTES] = N_("perm.member.notes"),
	[PERM_MEMBER_ANGELS] = N_("perm.member.angels"),
	[PERM_MEMBER_ORGS] = N_("perm.member.orgs"),
	[PERM_MEMBER_COMMUNITY] = N_("perm.member.community"),
	[PERM_MEMBER_BECOME] = N_("perm.member.become"),
	[PERM_MEMBER_OPTOUT] = N_("perm.member.optout"),
	[PERM_MEMBER_BULK] = N_("perm.member.bulk"),
	[PERM_ROLE_ASSIGN] = N_("perm.role.assign"),
	[PERM_AD_LIST] = N_("perm.ad.list"),
	[PERM_AD_POST_FOR] = N_("perm.ad.post_for"),
	[PERM_AD_EDIT] = N_("perm.ad.edit"),
	[PERM_AD_DELETE] = N_("perm.ad.delete"),
	[PERM_EXCHANGE_LIST] = N_("perm.exchange.list"),
	[PERM_EXCHANGE_RECORD_FOR] = N_("perm.exchange.record_for"),
	[PERM_EXCHANGE_EDIT] = N_("perm.exchange.edit"),
	[PERM_BROADCAST_SEND] = N_("perm.broadcast.send"),
	[PERM_BROADCAST_COORDINATORS] = N_("perm.broadcast.coordinators"),
	[PERM_ALERT_MANAGE] = N_("perm.alert.manage"),
	[PERM_EVENT_MANAGE] = N_("perm.event.manage"),
	[PERM_CONTENT_MANAGE] = N_("perm.content.manage"),
	[PERM_PAGE_LIST] = N_("perm.page.list"),
	[PERM_PAYMENT_MANAGE] = N_("perm.payment.manage"),
	[PERM_TRANSLATION_EDIT] = N_("perm.translation.edit"),
	[PERM_SITE_CONFIG] = N_("perm.site.config"),
	[PERM_AUDIT_VIEW] = N_("perm.audit.view"),
};
/*
 * The table of docs/authorization.md "Permissions", one row per
 * permission, one column per role in enum order:
 *
 *	admin member support outreach payment translator
 *
 * 'Y' yes (in the grant's scope), '-' no, '1'..'4' yes with that
 * footnote.  Anything else reads as no, so a missing row denies.
 */
static const char role_perm[PERM__MAX][ROLE__MAX + 1] = {
	/*				 AMSOPT */
	[PERM_DASHBOARD_VIEW] =		"YY----",
	[PERM_MEMBER_LIST] =		"YYYY1-",
	[PERM_MEMBER_CONTACT] =		"YYY---",
	[PERM_MEMBER_ACTIVITY] =	"YYY2--",
	[PERM_MEMBER_EDIT] =		"YY----",
	[PERM_MEMBER_ADD] =		"YY----",
	[PERM_MEMBER_APPROVE] =		"YY----",
	[PERM_MEMBER_UNAPPROVE] =	"Y-----",
	[PERM_MEMBER_DISABLE] =		"YY----",
	[PERM_MEMBER_NOTES] =		"YYY---",
	[PERM_MEMBER_ANGELS] =		"YY3---",
	[PERM_MEMBER_ORGS] =		"YY----",
	[PERM_MEMBER_COMMUNITY] =	"YY----",
	[PERM_MEMBER_BECOME] =		"YY----",
	[PERM_MEMBER_OPTOUT] =		"YYY---",
	[PERM_MEMBER_BULK] =		"Y-----",
	[PERM_ROLE_ASSIGN] =		"Y-----",
	[PERM_AD_LIST] =		"YYYY--",
	[PERM_AD_POST_FOR] =		"YYY---",
	[PERM_AD_EDIT] =		"YYY---",
	[PERM_AD_DELETE] =		"YY----",
	[PERM_EXCHANGE_LIST] =		"YYYY--",
	[PERM_EXCHANGE_RECORD_FOR] =	"YYY---",
	[PERM_EXCHANGE_EDIT] =		"YY----",
	[PERM_BROADCAST_SEND] =		"YYYY--",
	[PERM_BROADCAST_COORDINATORS] =	"YY----",
	[PERM_ALERT_MANAGE] =		"YYYY--",
	[PERM_EVENT_MANAGE] =		"YYYY--",
	[PERM_CONTENT_MANAGE] =		"Y--Y--",
	[PERM_PAGE_LIST] =		"YYYY--",
	[PERM_PAYMENT_MANAGE] =		"Y---Y-",
	[PERM_TRANSLATION_EDIT] =	"Y----4",
	[PERM_SITE_CONFIG] =		"Y-----",
	/* Not a row of the table: rule 6, "Admins can read and filter the
	 * audit log" (scoped admins their community's part). */
	[PERM_AUDIT_VIEW] =		"Y-----",
};

const char *const role_refusal_keys[ROLE_REFUSE__MAX] = {
	[ROLE_OK] = N_("role.ok"),
	[ROLE_REFUSE_NO_PERM] = N_("role.refuse.no_perm"),
	[ROLE_REFUSE_OUT_OF_SCOPE] = N_("role.refuse.out_of_scope"),
	[ROLE_REFUSE_HIGHER_ROLE] = N_("role.refuse.higher_role"),
	[ROLE_REFUSE_ADMIN_ONLY] = N_("role.refuse.admin_only"),
	[ROLE_REFUSE_BAD_SCOPE] = N_("role.refuse.bad_scope"),
	[ROLE_REFUSE_LAST_ADMIN] = N_("role.refuse.last_admin"),
	[ROLE_REFUSE_SELF] = N_("role.refuse.self"),
	[ROLE_REFUSE_SITE_ADMIN] = N_("role.refuse.site_admin"),
	[ROLE_REFUSE_NOT_SUBSET] = N_("role.refuse.not_subset"),
	[ROLE_REFUSE_STATUS] = N_("role.refuse.status"),
	[ROLE_REFUSE_COVER] = N_("role.refuse.cover"),
	[ROLE_REFUSE_REACH] = N_("role.refuse.reach"),
};

static char
role_cell(enum perm p, enum role r)
{
	if ((unsigned)p >= PERM__MAX || (unsigned)r >= ROLE__MAX)
		return '-';
	return role_perm[p][r];
}

int
role_has_perm(enum role r, enum perm p)
{
	char	 c = role_cell(p, r);

	return c == 'Y' || (c >= '1' && c <= '4');
}

const char *
role_cell_note(enum perm p, enum role r)
{
	static const char *const notes[] = { "1", "2", "3", "4" };
	char	 c = role_cell(p, r);

	if (c >= '1' && c <= '4')
		return notes[c - '1'];
	return NULL;
}

int
role_parse(const char *key, enum role *out)
{
	int	 i;

	if ((i = util_lookup(role_keys, ROLE__MAX, key)) == -1)
		return -1;
	*out = (enum role)i;
	return 0;
}

int
perm_parse(const char *key, enum perm *out)
{
	int	 i;

	if ((i = util_lookup(perm_keys, PERM__MAX, key)) == -1)
		return -1;
	*out = (enum perm)i;
	return 0;
}

/*
 * Accepts exactly the forms scope_format() writes, so that a parsed scope
 * formats back to the same string: "site", "community:N" with N a row id
 * without sign or leading zero, "language:xx" with xx a language tag.
 * On failure *out is no scope at all (kind SCOPE__MAX, which covers and
 * is covered by nothing), so that a caller who ignores the result does
 * not end up with site, the zero value.
 */
int
scope_parse(const char *in, struct scope *out)
{
	static const char	 comm[] = "community:", lang[] = "language:";
	const char		*v;
	long long		 id;

	memset(out, 0, sizeof(*out));
	out->kind = SCOPE__MAX;
	if (in == NULL)
		return -1;
	if (strcmp(in, "site") == 0) {
		out->kind = SCOPE_SITE;
		return 0;
	}
	if (strncmp(in, comm, sizeof(comm) - 1) == 0) {
		v = in + sizeof(comm) - 1;
		if (v[0] < '1' || v[0] > '9' || valid_id(v, &id) != VALID_OK)
			return -1;
		out->kind = SCOPE_COMMUNITY;
		out->community = id;
		return 0;
	}
	if (strncmp(in, lang, sizeof(lang) - 1) == 0) {
		v = in + sizeof(lang) - 1;
		if (strlen(v) >= sizeof(out->lang) ||
		    valid_lang(v) != VALID_OK)
			return -1;
		out->kind = SCOPE_LANGUAGE;
		memcpy(out->lang, v, strlen(v) + 1);
		return 0;
	}
	return -1;
}

/* Writes "" for a scope that is not one (so it never parses back). */
size_t
role_communities(const struct grants *gs, enum perm perm, int *site,
    long long *ids, size_t max)
{
	static const struct scope s_site = { SCOPE_SITE, 0, "" };
	const struct grant	*g;
	size_t			 i, j, n = 0;

	if ((*site = role_allows(gs, perm, &s_site)))
		return 0;
	for (i = 0; i < gs->n && n < max; i++) {
		g = &gs->g[i];
		if (g->scope.kind != SCOPE_COMMUNITY ||
		    !role_allows(gs, perm, &g->scope))
			continue;
		for (j = 0; j < n && ids[j] != g->scope.community; j++)
			continue;
		if (j == n)
			ids[n++] = g->scope.community;
	}
	return n;
}

int
role_communities_has(long long id, int site, const long long *ids, size_t n)
{
	size_t	 i;

	if (site)
		return 1;
	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

void
scope_of_community(long long community, struct scope *out)
{
	memset(out, 0, sizeof(*out));
	out->kind = community > 0 ? SCOPE_COMMUNITY : SCOPE_SITE;
	out->community = community > 0 ? community : 0;
}

void
scope_format(const struct scope *s, char *out, size_t len)
{
	if (len == 0)
		return;
	out[0] = '\0';
	if (s == NULL)
		return;
	switch (s->kind) {
	case SCOPE_SITE:
		snprintf(out, len, "site");
		break;
	case SCOPE_COMMUNITY:
		snprintf(out, len, "community:%lld", s->community);
		break;
	case SCOPE_LANGUAGE:
		snprintf(out, len, "language:%.*s", (int)sizeof(s->lang),
		    s->lang);
		break;
	default:
		break;
	}
}

/* Is s a well-formed scope at all (a community id, a language tag)? */
static int
scope_valid(const struct scope *s)
{
	switch (s->kind) {
	case SCOPE_SITE:
		return 1;
	case SCOPE_COMMUNITY:
		return s->community >= 1;
	case SCOPE_LANGUAGE:
		return memchr(s->lang, '\0', sizeof(s->lang)) != NULL &&
		    valid_lang(s->lang) == VALID_OK;
	default:
		return 0;
	}
}

/*
 * The scopes a role can be granted in (rule 3): a translator is appointed
 * per language, every other role for the site or one community.
 */
static int
scope_fits_role(enum role r, const struct scope *s)
{
	if (!scope_valid(s))
		return 0;
	if (r == ROLE_TRANSLATOR)
		return s->kind == SCOPE_LANGUAGE;
	return s->kind == SCOPE_SITE || s->kind == SCOPE_COMMUNITY;
}

/*
 * Site covers every community and every language (a site admin's
 * translation.edit reaches every language); a community or a language
 * covers only itself.  Language tags compare without case (BCP 47).
 * A community grant never covers a site-scoped object.
 */
int
scope_covers(const struct scope *outer, const struct scope *inner)
{
	if (outer == NULL || inner == NULL || !scope_valid(outer) ||
	    !scope_valid(inner))
		return 0;
	switch (outer->kind) {
	case SCOPE_SITE:
		return 1;
	case SCOPE_COMMUNITY:
		return inner->kind == SCOPE_COMMUNITY &&
		    inner->community == outer->community;
	case SCOPE_LANGUAGE:
		return inner->kind == SCOPE_LANGUAGE &&
		    strcasecmp(inner->lang, outer->lang) == 0;
	default:
		return 0;
	}
}

/*
 * Does grant g carry perm at all?  A grant in a scope its role cannot
 * take (a translator at site, an admin for a language: rows rule 3 never
 * writes) carries nothing, so footnote 4 holds even on bad data.
 */
static int
grant_carries(const struct grant *g, enum perm p)
{
	/* docs/authorization.md, "Decisions": site.config exists only at
	 * site scope, so a community admin's grant does not carry it, and
	 * neither the guard nor the menus let them near the site's pages. */
	if (p == PERM_SITE_CONFIG && g->scope.kind != SCOPE_SITE)
		return 0;
	/* docs/broadcasts.md, "Pages, news and links": they are the whole
	 * timebank's (no community), so content.manage too is carried by
	 * site grants only. */
	if (p == PERM_CONTENT_MANAGE && g->scope.kind != SCOPE_SITE)
		return 0;
	return (unsigned)g->role < ROLE__MAX &&
	    scope_fits_role(g->role, &g->scope) && role_has_perm(g->role, p);
}

int
role_allows(const struct grants *gs, enum perm p, const struct scope *target)
{
	size_t	 i;

	if (gs == NULL || target == NULL)
		return 0;
	for (i = 0; i < gs->n && i < ROLE_GRANTS_MAX; i++)
		if (grant_carries(&gs->g[i], p) &&
		    scope_covers(&gs->g[i].scope, target))
			return 1;
	return 0;
}

int
role_allows_full(const struct grants *gs, enum perm p,
    const struct scope *target)
{
	size_t	 i;
	char	 c;

	if (gs == NULL || target == NULL)
		return 0;
	for (i = 0; i < gs->n && i < ROLE_GRANTS_MAX; i++) {
		c = role_cell(p, gs->g[i].role);
		if (c != '1' && c != '3' && grant_carries(&gs->g[i], p) &&
		    scope_covers(&gs->g[i].scope, target))
			return 1;
	}
	return 0;
}

int
role_allows_somewhere(const struct grants *gs, enum perm p)
{
	size_t	 i;

	if (gs == NULL)
		return 0;
	for (i = 0; i < gs->n && i < ROLE_GRANTS_MAX; i++)
		if (grant_carries(&gs->g[i], p))
			return 1;
	return 0;
}

int
role_holds(const struct grants *gs, enum role r)
{
	size_t	 i;

	if (gs == NULL)
		return 0;
	for (i = 0; i < gs->n && i < ROLE_GRANTS_MAX; i++)
		if (gs->g[i].role == r)
			return 1;
	return 0;
}

const char *
role_refusal_text(enum role_refusal why)
{
	if ((unsigned)why >= ROLE_REFUSE__MAX)
		why = ROLE_REFUSE_NO_PERM;
	return i18n_text("en", role_refusal_keys[why]);
}

/*
 * Rule 3's order for "the role he/she has, or a lower role": admin >
 * member > support.  May a grant of role `holder` give role r?  Outreach,
 * payment and translator sit outside the order: only an admin gives them.
 */
static const int role_rank[ROLE__MAX] = {
	[ROLE_ADMIN] = 3, [ROLE_MEMBER] = 2, [ROLE_SUPPORT] = 1,
};

static int
role_admin_only(enum role r)
{
	return role_rank[r] == 0;
}

static int
role_outranks(enum role holder, enum role r)
{
	if (role_admin_only(r))
		return holder == ROLE_ADMIN;
	return role_rank[holder] >= role_rank[r];
}

/*
 * Rule 3.  The reasons are checked from the most general to the most
 * specific: no role.assign anywhere, a scope the role cannot take, a scope
 * outside the granter's, and then the role order.  One grant must carry
 * both role.assign over the scope and a rank high enough.  With the table
 * as it is only admins hold role.assign, so the last two refusals stay
 * unreachable unless the table changes; they are kept so that it may.
 */
enum role_refusal
role_may_grant(const struct grants *granter, enum role r,
    const struct scope *s)
{
	size_t			 i;
	const struct grant	*g;

	if (!role_allows_somewhere(granter, PERM_ROLE_ASSIGN))
		return ROLE_REFUSE_NO_PERM;
	if ((unsigned)r >= ROLE__MAX || s == NULL || !scope_fits_role(r, s))
		return ROLE_REFUSE_BAD_SCOPE;
	if (!role_allows(granter, PERM_ROLE_ASSIGN, s))
		return ROLE_REFUSE_OUT_OF_SCOPE;
	for (i = 0; i < granter->n && i < ROLE_GRANTS_MAX; i++) {
		g = &granter->g[i];
		if (grant_carries(g, PERM_ROLE_ASSIGN) &&
		    scope_covers(&g->scope, s) && role_outranks(g->role, r))
			return ROLE_OK;
	}
	return role_admin_only(r) ? ROLE_REFUSE_ADMIN_ONLY :
	    ROLE_REFUSE_HIGHER_ROLE;
}

/* Does every permission of role `lo` belong to role `hi` too? */
static int
role_perms_within(enum role lo, enum role hi)
{
	int	 p;

	for (p = 0; p < PERM__MAX; p++)
		if (role_has_perm(lo, (enum perm)p) &&
		    !role_has_perm(hi, (enum perm)p))
			return 0;
	return 1;
}

/* Is target grant t covered by one of the actor's grants: a scope as wide
 * or wider and a role whose permissions include t's? */
static int
grant_covered(const struct grants *actor, const struct grant *t)
{
	size_t			 i;
	const struct grant	*a;

	for (i = 0; i < actor->n && i < ROLE_GRANTS_MAX; i++) {
		a = &actor->g[i];
		if ((unsigned)a->role < ROLE__MAX &&
		    (unsigned)t->role < ROLE__MAX &&
		    scope_fits_role(a->role, &a->scope) &&
		    scope_covers(&a->scope, &t->scope) &&
		    role_perms_within(t->role, a->role))
			return 1;
	}
	return 0;
}

int
role_covers(const struct grants *actor, const struct grants *target)
{
	size_t	 i;

	if (actor == NULL || target == NULL)
		return 0;
	for (i = 0; i < target->n && i < ROLE_GRANTS_MAX; i++)
		if (!grant_covered(actor, &target->g[i]))
			return 0;
	return 1;
}

/*
 * Rule 9: one's own account is always one's own to change; another's
 * only when every grant it holds is covered by one of the actor's.  A
 * site admin grant covers every grant (the widest scope, every
 * permission), so a site admin changes anyone's account; rule 4 is the
 * callers' (role_guard_last_admin).
 */
enum role_refusal
role_may_change(const struct grants *actor, long long actor_id,
    const struct grants *target, long long target_id)
{
	if (actor == NULL || target == NULL)
		return ROLE_REFUSE_NO_PERM;
	if (actor_id > 0 && actor_id == target_id)
		return ROLE_OK;
	return role_covers(actor, target) ? ROLE_OK : ROLE_REFUSE_COVER;
}

/*
 * Rule 5: "become" never raises privileges.  Scope is checked before the
 * target's status and grants, so that nothing about a member outside the
 * actor's scope shows through the reason.
 */
enum role_refusal
role_may_become(const struct grants *actor, long long actor_id,
    const struct grants *target, long long target_id,
    const struct scope *target_scope, int target_disabled)
{
	size_t	 i;

	if (actor == NULL || target == NULL || target_scope == NULL ||
	    !role_allows_somewhere(actor, PERM_MEMBER_BECOME))
		return ROLE_REFUSE_NO_PERM;
	if (actor_id == target_id)
		return ROLE_REFUSE_SELF;
	if (!role_allows(actor, PERM_MEMBER_BECOME, target_scope))
		return ROLE_REFUSE_OUT_OF_SCOPE;
	if (target_disabled)
		return ROLE_REFUSE_STATUS;
	for (i = 0; i < target->n && i < ROLE_GRANTS_MAX; i++)
		if (target->g[i].role == ROLE_ADMIN &&
		    target->g[i].scope.kind == SCOPE_SITE)
			return ROLE_REFUSE_SITE_ADMIN;
	return role_covers(actor, target) ? ROLE_OK : ROLE_REFUSE_NOT_SUBSET;
}
