/*
 * Group exchanges (/exchanges/group; issue 17, docs/exchanges.md "Group
 * exchanges"): a coordinator with exchange.record_for records, on one
 * form, one provider to many recipients or many providers to one
 * recipient (a workshop, a community event), as separate exchanges of
 * the same hours, in one transaction: all or none (ledger.h
 * ledger_record_group()).  Every party must be in the scope of the
 * actor's exchange.record_for (docs/authorization.md rule 2): a member
 * out of it is a 403, as on the exchange form, and so is one that is
 * nobody's (or not approved) for an actor whose grant stops at some
 * communities (rule 1: the same answer for both); for a site-wide grant
 * such a line is named by its number, as is every other refused line,
 * and nothing is written.  As on the
 * exchange form, a coordinator who gave the service does not debit the
 * others at once (rule 10): they are refused as a provider here.  One
 * form key for the whole group: a double submit records it once.
 */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "buf.h"
#include "exchanges.h"
#include "form.h"
#include "i18n.h"
#include "i18n_conv.h"
#include "ledger.h"
#include "util.h"

#define GROUP_NAME_MAX	64	/* a username as typed */

/* Which side is the one member: the provider (to many recipients), or
 * the recipient (of many providers). */
static const char *const group_shapes[] = { "provider", "recipient" };
enum { SHAPE_PROVIDER, SHAPE_RECIPIENT };

enum { G_SHAPE, G_ONE, G_MANY, G_HOURS, G_DATE, G_DESCRIPTION, G_CATEGORY,
    G__MAX };
static const struct form_field group_fields[G__MAX] = {
	[G_SHAPE] = { "shape", FORM_CHOICE, 1, 0, 0,
	    FORM_CHOICES(group_shapes), .refusal = N_("valid.format") },
	[G_ONE] = { "one", FORM_TEXT, 1, 1, GROUP_NAME_MAX },
	[G_MANY] = { "many", FORM_MULTILINE, 1, 1,
	    LEDGER_GROUP_MAX * (GROUP_NAME_MAX + 2) },
	[G_HOURS] = { "hours", FORM_HOURS, 1, 0, 0,
	    .why = exchanges_hours_why },
	[G_DATE] = { "service_date", FORM_DATE, 1, 0, 0 },
	[G_DESCRIPTION] = { "description", FORM_TEXT, 1, 1, 255 },
	[G_CATEGORY] = { "category", FORM_ID, 0, 0, 0 },
};
static const struct form_field group_key_field = {
	"form_key", FORM_TEXT, 1, 1, LEDGER_KEY_LEN, .flags = FORM_QUIET,
};

/* The members of the form, as judged. */
struct group {
	size_t			 shape;
	struct ledger_party	 one;
	struct ledger_party	 many[LEDGER_GROUP_MAX];
	size_t			 line[LEDGER_GROUP_MAX];	/* on the list,
								   from 1 */
	size_t			 n;
	size_t			 refused;	/* lines */
	int			 forbidden;	/* a party out of scope */
};

static struct tmpl_dict *
group_page(struct request *req, const struct ledger_settings *s,
    const char *key, long long category)
{
	struct tmpl_dict	*d;

	if ((d = exchanges_form_page(req, "exchanges/ledger_group.tpl",
	    N_("ledger.group.title"), s, key, category)) != NULL)
		tmpl_set_int(d, "GROUP_MAX", LEDGER_GROUP_MAX);
	return d;
}

/* The shape's radio buttons, the chosen one checked. */
static void
group_shape_show(struct tmpl_dict *d, size_t shape)
{
	tmpl_show(d, shape == SHAPE_RECIPIENT ? "SHAPE_RECIPIENT_CHECKED" :
	    "SHAPE_PROVIDER_CHECKED");
}

/* GET /exchanges/group: the form, with a fresh one-time key. */
int
exchanges_group_form(struct request *req)
{
	struct ledger_settings	 s;
	struct tmpl_dict	*d;
	char			 key[AUTH_TOKEN_HEX], today[UTIL_DATE_LEN];
	enum weft_err		 e;

	if ((e = ledger_settings_load(&s)) != WEFT_OK)
		return app_status_of(e);
	if (auth_random_hex(key) != WEFT_OK || util_today(today) != WEFT_OK)
		return 500;
	if ((d = group_page(req, &s, key, 0)) == NULL)
		return 500;
	group_shape_show(d, SHAPE_PROVIDER);
	tmpl_set(d, "SERVICE_DATE", today);
	return app_render(req, 200);
}

/*
 * May the actor record for the member called name: 1 an approved member
 * in the scope of their exchange.record_for (*p); 0 nobody's username or
 * not approved, for a site-wide grant (the form says so); else g is
 * forbidden, and 0.  The same answer for one unknown and one out of scope
 * to a grant that stops at some communities (docs/authorization.md
 * rule 1).
 */
static int
group_party(struct request *req, struct group *g, const char *name,
    struct ledger_party *p, enum weft_err *err)
{
	struct scope	 sc;
	enum weft_err	 e;

	if ((e = ledger_party_find(name, p)) != WEFT_OK &&
	    e != WEFT_ERR_NOTFOUND) {
		*err = e;
		return 0;
	}
	if (e == WEFT_ERR_NOTFOUND || p->status != MEMBER_APPROVED)
		memset(p, 0, sizeof(*p));	/* its scope: the site's */
	ledger_party_scope(p, &sc);
	if (!role_allows(&req->actor.grants, PERM_EXCHANGE_RECORD_FOR, &sc)) {
		g->forbidden = 1;
		return 0;
	}
	return p->id != 0;
}

/* A line's message: key with the line's number and the name typed. */
static void
group_line_error(struct request *req, struct tmpl_dict *d, size_t line,
    const char *name, const char *key, const char *limit)
{
	struct tmpl_dict	*s = tmpl_section(d, "LINE_ERROR");
	struct buf		 b;
	char			 n[24];

	snprintf(n, sizeof(n), "%lu", (unsigned long)line);
	buf_init(&b);
	tmpl_set(s, "MESSAGE", i18n_format(&b, app_lang(req), key, "line", n,
	    "name", name, "limit", limit != NULL ? limit : "", NULL));
	buf_free(&b);
}

/* Is the actor the provider p (rule 10: no debit of others at once)? */
static int
group_self_provider(struct request *req, const struct ledger_party *p)
{
	return p->id == req->actor.acting_id || p->id == req->actor.member_id;
}

/* One name of "many" (its number on the list): judged, added to g. */
static void
group_line(struct request *req, struct tmpl_dict *d, struct group *g,
    const char *name, size_t line, enum weft_err *err)
{
	struct ledger_party	 p;
	const char		*why = NULL;
	size_t			 i;

	if (g->n == LEDGER_GROUP_MAX)
		why = N_("ledger.group.line.too_many");
	else if (!group_party(req, g, name, &p, err))
		why = N_("ledger.group.line.unknown");
	else if (g->one.id == p.id)
		why = N_("ledger.group.line.same");
	else if (g->shape == SHAPE_RECIPIENT && group_self_provider(req, &p))
		why = N_("ledger.group.line.self");
	for (i = 0; why == NULL && i < g->n; i++)
		if (g->many[i].id == p.id)
			why = N_("ledger.group.line.twice");
	if (why != NULL) {
		group_line_error(req, d, line, name, why, NULL);
		g->refused++;
		return;
	}
	g->line[g->n] = line;
	g->many[g->n++] = p;
}

/* The names of "many": usernames apart by line breaks, blanks or commas
 * (a list pasted from anywhere), numbered in order from 1. */
static void
group_lines(struct request *req, struct tmpl_dict *d, struct group *g,
    const char *text, enum weft_err *err)
{
	static const char sep[] = " \t\r\n,;";
	char		 name[GROUP_NAME_MAX + 1];
	const char	*p = text;
	size_t		 len, line = 0;

	while (*err == WEFT_OK) {
		p += strspn(p, sep);
		if (*p == '\0')
			break;
		len = strcspn(p, sep);
		snprintf(name, sizeof(name), "%.*s", (int)(len > GROUP_NAME_MAX ?
		    GROUP_NAME_MAX : len), p);
		group_line(req, d, g, name, ++line, err);
		p += len;
	}
}

/* The form's fields and members, judged: how many are refused. */
static size_t
group_validate(struct request *req, struct tmpl_dict *d,
    const struct ledger_settings *s, struct group *g, struct ledger_entry *x,
    enum weft_err *err)
{
	struct form_field	 f[G__MAX];
	struct form_value	 v[G__MAX];
	size_t			 bad;

	memcpy(f, group_fields, sizeof(f));
	f[G_HOURS].max = s->max_hundredths;
	bad = form_read(f, G__MAX, &req->form, app_lang(req), d, v);
	bad += (size_t)exchanges_check_date(req, d, s, &v[G_DATE]);
	bad += (size_t)exchanges_category(req, d, &v[G_CATEGORY],
	    &x->category_id, err);
	g->shape = v[G_SHAPE].set ? v[G_SHAPE].choice : SHAPE_PROVIDER;
	group_shape_show(d, g->shape);
	if (v[G_ONE].set && !group_party(req, g, v[G_ONE].str, &g->one,
	    err)) {
		form_error(d, "one", app_text(req,
		    N_("ledger.group.one.unknown")));
		memset(&g->one, 0, sizeof(g->one));
		bad++;
	} else if (v[G_ONE].set && g->shape == SHAPE_PROVIDER &&
	    group_self_provider(req, &g->one)) {
		form_error(d, "one", app_text(req, N_("ledger.group.one.self")));
		bad++;
	}
	if (v[G_MANY].set)
		group_lines(req, d, g, v[G_MANY].str, err);
	if (g->refused > 0)
		form_error(d, "many", app_text(req,
		    N_("ledger.group.many.refused")));
	else if (v[G_MANY].set && g->n == 0)
		form_error(d, "many", app_text(req,
		    N_("ledger.group.many.empty")));
	bad += g->refused > 0 || (v[G_MANY].set && g->n == 0);
	x->hundredths = v[G_HOURS].set ? v[G_HOURS].hours : 0;
	x->service_date = v[G_DATE].str;
	x->description = v[G_DESCRIPTION].str;
	return bad;
}

/* The group's entries from template x, each with its key and parties. */
static void
group_entries(const struct group *g, const struct ledger_entry *x,
    const char *key, struct ledger_entry *out,
    char keys[][LEDGER_KEY_LEN + 1])
{
	const struct ledger_party	*p, *r;
	size_t				 i;

	for (i = 0; i < g->n; i++) {
		out[i] = *x;
		p = g->shape == SHAPE_PROVIDER ? &g->one : &g->many[i];
		r = g->shape == SHAPE_PROVIDER ? &g->many[i] : &g->one;
		out[i].provider = p->id;
		out[i].recipient = r->id;
		out[i].community = ledger_audit_community(p, r);
		ledger_group_key(key, i, keys[i]);
		out[i].form_key = keys[i];
	}
}

/* The ledger's answer: the first exchange's page, or the form again
 * with the line the credit limit refused. */
static int
group_write(struct request *req, struct tmpl_dict *d,
    const struct ledger_settings *s, const struct group *g,
    const struct ledger_entry *x, const char *key)
{
	struct ledger_entry	 xs[LEDGER_GROUP_MAX];
	char			 keys[LEDGER_GROUP_MAX][LEDGER_KEY_LEN + 1];
	char			 path[48], lim[I18N_HOURS_LEN];
	long long		 ids[LEDGER_GROUP_MAX];
	enum ledger_refusal	 why;
	enum weft_err		 e;
	size_t			 bad;

	group_entries(g, x, key, xs, keys);
	if ((e = ledger_record_group(&req->actor, s, xs, g->n, ids, &bad,
	    &why)) != WEFT_OK)
		return app_status_of(e);
	snprintf(path, sizeof(path), "/exchanges/%lld", ids[0]);
	if (why == LEDGER_REFUSE_DUPLICATE_KEY)
		/* ids[0] 0: a proposal took the key (another form's). */
		return ids[0] == 0 ? 409 : app_redirect(req, path,
		    N_("ledger.group.flash.already"));
	if (why == LEDGER_REFUSE_CREDIT_LIMIT) {
		i18n_hours(app_lang(req), s->credit_limit, 0, lim);
		group_line_error(req, d, g->line[bad], g->shape ==
		    SHAPE_PROVIDER ? g->many[bad].username : g->one.username,
		    N_("ledger.group.line.limit"), lim);
		form_error(d, "many", app_text(req,
		    N_("ledger.group.many.refused")));
		return app_render(req, 422);
	}
	return app_redirect(req, path, N_("ledger.group.flash.recorded"));
}

/* POST /exchanges/group. */
int
exchanges_group(struct request *req)
{
	struct form_value	 k;
	struct ledger_key_use	 u;
	struct ledger_settings	 s;
	struct ledger_entry	 x;
	struct tmpl_dict	*d;
	struct group		 g;
	enum weft_err		 e, err = WEFT_OK;
	char			 path[48];
	size_t			 bad;

	(void)form_read(&group_key_field, 1, &req->form, app_lang(req), NULL,
	    &k);
	if (!k.set || !ledger_key_ok(k.str))
		return 400;
	/* A key used already (a double submit): what the group made. */
	if ((e = ledger_settings_key(k.str, &s, &u)) != WEFT_OK)
		return app_status_of(e);
	if (u.exchange != 0) {
		snprintf(path, sizeof(path), "/exchanges/%lld", u.exchange);
		return app_redirect(req, path, N_("ledger.group.flash.already"));
	}
	if (u.proposal != 0)
		return 409;	/* another form's key: cannot happen */
	if ((d = group_page(req, &s, k.str, exchanges_form_id(req,
	    "category"))) == NULL)
		return 500;
	memset(&x, 0, sizeof(x));
	memset(&g, 0, sizeof(g));
	bad = group_validate(req, d, &s, &g, &x, &err);
	if (err != WEFT_OK)
		return app_status_of(err);
	if (g.forbidden)
		return 403;
	if (bad > 0)
		return app_render(req, 422);
	return group_write(req, d, &s, &g, &x, k.str);
}
