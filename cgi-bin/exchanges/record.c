/*
 * Recording an exchange (/exchanges/new) and the page of one exchange
 * (/exchanges/:id).  Who may record (issue "Recording exchanges"): either
 * party for themselves; a guardian angel or an organisation's manager for
 * the member they act for (act.h); a coordinator with exchange.record_for
 * over the scopes of BOTH parties (docs/authorization.md rule 2), whose
 * write is audited (rule 6).  What is recorded at once and what waits
 * (rule 10, no debit without the payer): the recipient's side pays at
 * once; the provider's side makes a proposal that waits for the recipient
 * (pending.c); a coordinator's record_for is at once.  The ledger itself
 * is common/ledger.c.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "act.h"
#include "buf.h"
#include "db.h"
#include "exchanges.h"
#include "form.h"
#include "i18n.h"
#include "i18n_conv.h"
#include "ledger.h"
#include "lists.h"
#include "log.h"
#include "util.h"
#include "valid.h"

/* Members east of UTC may record today's service while it is still
 * yesterday in UTC: one day of grace before a date is "in the future". */
#define RECORD_GRACE_DAYS	1

void
exchanges_phrase(const char *lang, const char *key, const char *name,
    const char *value, char *out, size_t len)
{
	struct buf	 b;

	buf_init(&b);
	snprintf(out, len, "%s", i18n_format(&b, lang, key, name, value,
	    NULL));
	buf_free(&b);
}

struct tmpl_dict *
exchanges_page(struct request *req, const char *file, const char *key,
    const char *name, const char *value)
{
	struct tmpl_dict	*d;
	char			 title[512];

	exchanges_phrase(app_lang(req), key, name, value, title,
	    sizeof(title));
	if ((d = app_page(req, file, title)) != NULL)
		tmpl_set(d, "HEADING", title);
	return d;
}

/* A field's message made of a phrase and its one placeholder: "... The
 * most is {max}." */
static void
record_error2(struct request *req, struct tmpl_dict *d, const char *field,
    const char *key, const char *name, const char *value)
{
	char	 msg[512];

	exchanges_phrase(app_lang(req), key, name, value, msg, sizeof(msg));
	form_error(d, field, msg);
}

/* Days since 1970-01-01 of a Gregorian date (H. Hinnant's
 * days_from_civil), so that dates compare as integers. */
static long long
record_days(int y, int m, int d)
{
	long long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* "YYYY-MM-DD" of a day number (UTC). */
static void
record_day_str(long long days, char out[11])
{
	struct tm	 tm;
	time_t		 t = (time_t)(days * 86400);

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		snprintf(out, 11, "?");
}

static long long
record_today(void)
{
	return (long long)(time(NULL) / 86400);
}

/* Which message a refused hours value deserves; marks are the decimal
 * marks the language reads (valid_hours()). */
static const char *
record_hours_key(const char *in, enum valid_err e, const char *marks)
{
	char		 number[16];
	const char	*dot;

	if (in[0] == '-')
		return N_("ledger.hours.positive");
	snprintf(number, sizeof(number), "0123456789%s", marks);
	if (e == VALID_RANGE)
		return strspn(in, "0.,") == strlen(in) ?
		    N_("ledger.hours.positive") : N_("ledger.hours.max");
	dot = strpbrk(in, marks);
	if ((in[0] != '\0' && strchr(marks, in[0]) != NULL) ||
	    strspn(in, number) != strlen(in) ||
	    (dot != NULL && (strpbrk(dot + 1, marks) != NULL ||
	    dot[1] == '\0')))
		return N_("ledger.hours.number");
	if (dot != NULL && strlen(dot + 1) > 2)
		return N_("ledger.hours.decimals");
	return N_("ledger.hours.quarter");
}

/* The message for hours that valid_hours() refused: the form's field
 * table names it (form.h), with the settings' maximum as f->max. */
void
exchanges_hours_why(const struct form_field *f, const char *in,
    enum valid_err e, const char *lang, char *msg, size_t len)
{
	const char	*key;
	char		 max[I18N_HOURS_LEN];

	key = record_hours_key(in, e, i18n_decimal(lang) == ',' ? ".," : ".");
	if (strcmp(key, N_("ledger.hours.max")) != 0) {
		snprintf(msg, len, "%s", i18n_text(lang, key));
		return;
	}
	i18n_hours(lang, f->max, 0, max);
	exchanges_phrase(lang, key, "max", max, msg, len);
}

/* The form; the most hours are a setting, put in a copy of the table
 * (record_validate).  The form key is read first, alone: a key already
 * used answers before the form is judged at all. */
enum { R_PROVIDER, R_RECIPIENT, R_HOURS, R_DATE, R_DESCRIPTION, R_AD,
    R_CATEGORY, R_PROVIDER_PICK, R_RECIPIENT_PICK, R__MAX };
static const struct form_field record_fields[R__MAX] = {
	[R_PROVIDER] = { "provider", FORM_TEXT, 1, 1, 64 },
	[R_RECIPIENT] = { "recipient", FORM_TEXT, 1, 1, 64 },
	[R_HOURS] = { "hours", FORM_HOURS, 1, 0, 0,
	    .why = exchanges_hours_why },
	[R_DATE] = { "service_date", FORM_DATE, 1, 0, 0 },
	[R_DESCRIPTION] = { "description", FORM_TEXT, 1, 1, 255 },
	[R_AD] = { "ad", FORM_ID, 0, 0, 0 },
	/* Optional: none is the ad's (ledger_insert()). */
	[R_CATEGORY] = { "category", FORM_ID, 0, 0, 0 },
	/* The member chosen among those a typed name matched
	 * (record_find.c): it stands for what was typed. */
	[R_PROVIDER_PICK] = { "provider_pick", FORM_TEXT, 0, 1, 64,
	    .flags = FORM_QUIET },
	[R_RECIPIENT_PICK] = { "recipient_pick", FORM_TEXT, 0, 1, 64,
	    .flags = FORM_QUIET },
};
static const struct form_field record_key_field = {
	"form_key", FORM_TEXT, 1, 1, LEDGER_KEY_LEN, .flags = FORM_QUIET,
};

int
exchanges_check_date(struct request *req, struct tmpl_dict *d,
    const struct ledger_settings *s, const struct form_value *v)
{
	long long	 day, today = record_today();
	char		 oldest[11], shown[I18N_DATE_LEN];

	if (!v->set)
		return 0;
	day = record_days(v->date.y, v->date.m, v->date.d);
	if (day > today + RECORD_GRACE_DAYS) {
		form_error(d, "service_date", app_text(req,
		    N_("ledger.date.future")));
		return 1;
	}
	if (day < today - s->oldest_days) {
		record_day_str(today - s->oldest_days, oldest);
		i18n_date(app_lang(req), oldest, shown, sizeof(shown));
		record_error2(req, d, "service_date", N_("ledger.date.old"),
		    "date", shown);
		return 1;
	}
	return 0;
}

/* The two parties by username, in one query: approved members, or a
 * field error each (the same for unknown and disabled, so the form does
 * not tell them apart) and the party all zero.  A party that is nobody's
 * username is looked for by name: when members match, the form offers
 * them and *choices counts the field.  Returns how many fields were
 * refused. */
static int
record_parties(struct request *req, struct tmpl_dict *d,
    const struct form_value *v, struct ledger_party *p,
    struct ledger_party *r, int *choices, enum weft_err *err)
{
	static const char *const fields[2] = { "provider", "recipient" };
	static const char *const sections[2] = { "PROVIDER", "RECIPIENT" };
	struct ledger_party	 found[2];
	const char		*names[2];
	enum weft_err		 e;
	int			 i, n, bad = 0;

	/* Refused ones are NULL: the form has said why. */
	names[0] = v[R_PROVIDER].set ? v[R_PROVIDER].str : NULL;
	names[1] = v[R_RECIPIENT].set ? v[R_RECIPIENT].str : NULL;
	if ((e = ledger_parties_find(names, found)) != WEFT_OK)
		*err = e;
	for (i = 0; i < 2 && e == WEFT_OK; i++) {
		if (names[i] == NULL || (found[i].id != 0 &&
		    found[i].status == MEMBER_APPROVED))
			continue;
		memset(&found[i], 0, sizeof(found[i]));
		n = exchanges_find_party(d, sections[i], names[i], err);
		form_error(d, fields[i], app_text(req, n > 0 ?
		    N_("ledger.member.choose") : N_("ledger.member.unknown")));
		*choices += n > 0;
		bad++;
	}
	*p = found[0];
	*r = found[1];
	return bad;
}

/* The optional ad: one of the two parties' offers or requests. */
static int
record_ad(struct request *req, struct tmpl_dict *d, const struct form_value *v,
    long long provider, long long recipient, long long *ad,
    enum weft_err *err)
{
	long long	 owner = 0;
	enum weft_err	 e;

	*ad = 0;
	/* Judged only once both parties are known. */
	if (!v->set || provider == 0 || recipient == 0)
		return 0;
	*ad = v->id;
	e = db_query_int(&owner, "SELECT member_id FROM ads WHERE id = ?",
	    "i", *ad);
	if (e != WEFT_OK && e != WEFT_ERR_NOTFOUND) {
		*err = e;
		return 0;
	}
	if (e == WEFT_ERR_NOTFOUND || (owner != provider &&
	    owner != recipient)) {
		form_error(d, "ad", app_text(req, N_("ledger.ad.unknown")));
		return 1;
	}
	return 0;
}

long long
exchanges_form_id(struct request *req, const char *field)
{
	struct form_field	 f = { field, FORM_ID, 0, 0, 0,
	    .flags = FORM_QUIET };
	struct form_value	 v;

	(void)form_read(&f, 1, &req->form, app_lang(req), NULL, &v);
	return v.set ? v.id : 0;
}

int
exchanges_category(struct request *req, struct tmpl_dict *d,
    const struct form_value *v, long long *category, enum weft_err *err)
{
	int	 ok;

	*category = 0;
	if (!v->set)
		return 0;
	if ((ok = lists_ok(LIST_CATEGORY, v->id, 0)) < 0) {
		*err = WEFT_ERR_DB;
		return 0;
	}
	if (ok == 0) {
		form_error(d, "category", app_text(req,
		    N_("ledger.category.unknown")));
		return 1;
	}
	*category = v->id;
	return 0;
}

/* How a recording the actor may make reaches the ledger. */
enum record_way {
	RECORD_AT_ONCE,		/* the recipient's side pays */
	RECORD_FOR,		/* a coordinator's record_for: audited */
	RECORD_PROPOSE,		/* the provider's side: waits (rule 10) */
};

/*
 * May the actor record between p and r, and how?  0 with *way, or the
 * status to answer.  The recipient, their angel or their organisation's
 * manager pays at once, unless the actor is the provider themself (an
 * angel paying themself from the member they look after waits like
 * anyone).  A coordinator with exchange.record_for over both parties'
 * scopes records at once, audited, unless they are the provider.  The
 * provider, their angel or manager proposes: it waits for the recipient
 * (docs/authorization.md rule 10).
 *
 * Asked before the form's messages are given, and of parties that may
 * be unknown (id 0, whose scope is the site's): so someone whose
 * exchange.record_for stops at some communities gets the same 403 for a
 * username nobody has as for one outside their scope
 * (docs/authorization.md rule 1).  A member without the permission
 * anywhere, who may only record their own exchanges, with anyone, gets the
 * form's "no approved member" for an unknown party, as on their own form.
 */
static int
record_who(struct request *req, const struct ledger_party *p,
    const struct ledger_party *r, enum record_way *way)
{
	enum act_as	 as;
	struct scope	 sp, sr;
	enum weft_err	 e;

	/* One's own side needs no query (act_for() knows "self"): members
	 * recording their own exchanges never look up angels or managers
	 * (tests/bench). */
	*way = r->id == req->actor.acting_id ? RECORD_AT_ONCE : RECORD_PROPOSE;
	if (r->id == req->actor.acting_id || p->id == req->actor.acting_id)
		return 0;
	if ((e = act_for(&req->actor, r->id, &as)) != WEFT_OK)
		return app_status_of(e);
	*way = RECORD_AT_ONCE;
	if (as != ACT_NONE)
		return 0;
	ledger_party_scope(p, &sp);
	ledger_party_scope(r, &sr);
	*way = RECORD_FOR;
	if (role_allows(&req->actor.grants, PERM_EXCHANGE_RECORD_FOR, &sp) &&
	    role_allows(&req->actor.grants, PERM_EXCHANGE_RECORD_FOR, &sr))
		return 0;
	if ((e = act_for(&req->actor, p->id, &as)) != WEFT_OK)
		return app_status_of(e);
	*way = RECORD_PROPOSE;
	if (as != ACT_NONE)
		return 0;
	if ((p->id == 0 || r->id == 0) && !role_allows_somewhere(
	    &req->actor.grants, PERM_EXCHANGE_RECORD_FOR))
		return 0;	/* refused by the form's message */
	return 403;
}

struct tmpl_dict *
exchanges_form_page(struct request *req, const char *file,
    const char *title, const struct ledger_settings *s, const char *key,
    long long category)
{
	struct tmpl_dict	*d;

	if ((d = app_page(req, file, app_text(req, title))) == NULL)
		return NULL;
	if (lists_options(d, "CATEGORY_OPTION", LIST_CATEGORY, app_lang(req),
	    category, 0) != WEFT_OK)
		return NULL;
	form_summary(d, app_lang(req), N_("ledger.summary.recorded"), NULL, 0);
	tmpl_set(d, "FORM_KEY", key);
	i18n_set_hours(d, "MAX_HOURS", app_lang(req), s->max_hundredths);
	tmpl_set_int(d, "OLDEST_DAYS", s->oldest_days);
	return d;
}

/* The page of the form, its category chosen (0: none). */
static struct tmpl_dict *
record_page(struct request *req, const struct ledger_settings *s,
    const char *key, long long category)
{
	struct tmpl_dict	*d;

	if ((d = exchanges_form_page(req, "exchanges/ledger_new.tpl",
	    N_("ledger.new.title"), s, key, category)) == NULL)
		return NULL;
	tmpl_set(d, "ME", req->actor.username);
	tmpl_show(d, role_allows_somewhere(&req->actor.grants,
	    PERM_EXCHANGE_RECORD_FOR) ? "RECORD_FOR" : "RECORD_OWN");
	return d;
}

/* The page of exchange id (pending: of proposal id), after a 303. */
static int
record_redirect(struct request *req, long long id, int pending,
    const char *flash)
{
	char	 path[64];

	snprintf(path, sizeof(path), pending ? "/exchanges/pending/%lld" :
	    "/exchanges/%lld", id);
	return app_redirect(req, path, flash);
}

/* A form key used already (u names what it made): its page, with
 * "already". */
static int
record_replay(struct request *req, const struct ledger_key_use *u)
{
	if (u->exchange != 0)
		return record_redirect(req, u->exchange, 0,
		    N_("ledger.flash.already"));
	if (u->proposal != 0)
		return record_redirect(req, u->proposal, 1,
		    N_("ledger.flash.already_pending"));
	return 409;	/* used, and gone: cannot happen */
}

/* GET /exchanges/new[?provider=&recipient=&ad=]: the form, with a fresh
 * one-time key (idempotency: the POST records at most one exchange per
 * key). */
int
exchanges_new_form(struct request *req)
{
	static const struct {
		size_t		 field;
		const char	*var;
	} pre[] = {
		{ R_PROVIDER, "PROVIDER" },
		{ R_RECIPIENT, "RECIPIENT" },
		{ R_AD, "AD" },
	};
	struct form_value	 v[R__MAX];
	struct ledger_settings	 s;
	struct tmpl_dict	*d;
	char			 key[AUTH_TOKEN_HEX], today[UTIL_DATE_LEN];
	enum weft_err		 e;
	size_t			 i;

	if ((e = ledger_settings_load(&s)) != WEFT_OK)
		return app_status_of(e);
	if (auth_random_hex(key) != WEFT_OK)
		return 500;
	/* The links that start a recording fill in what they know. */
	(void)form_read(record_fields, R__MAX, &req->query, app_lang(req),
	    NULL, v);
	if ((d = record_page(req, &s, key, v[R_CATEGORY].set ?
	    v[R_CATEGORY].id : 0)) == NULL)
		return 500;
	for (i = 0; i < NELEM(pre); i++)
		if (v[pre[i].field].set)
			tmpl_set(d, pre[i].var, v[pre[i].field].str);
	/* A member records mostly what they received (which is recorded at
	 * once): they are the recipient until they change it.  Coordinators
	 * record for others, and start from empty fields. */
	if (!v[R_PROVIDER].set && !v[R_RECIPIENT].set &&
	    !role_allows_somewhere(&req->actor.grants,
	    PERM_EXCHANGE_RECORD_FOR))
		tmpl_set(d, "RECIPIENT", req->actor.username);
	if (util_today(today) != WEFT_OK)
		return 500;
	tmpl_set(d, "SERVICE_DATE", today);
	return app_render(req, 200);
}

/* Validates the submitted form: the field table (the hours up to the
 * settings' maximum), then what the table cannot check (the date against
 * the settings, the parties, the ad); fills x.  Returns how many fields
 * were refused. */
static size_t
record_validate(struct request *req, struct tmpl_dict *d,
    const struct ledger_settings *s, struct ledger_entry *x,
    struct ledger_party *p, struct ledger_party *r, int *choices,
    enum weft_err *err)
{
	static const struct {
		size_t		 pick, field;
		const char	*var;
	} picks[] = {
		{ R_PROVIDER_PICK, R_PROVIDER, "PROVIDER" },
		{ R_RECIPIENT_PICK, R_RECIPIENT, "RECIPIENT" },
	};
	struct form_field	 f[R__MAX];
	struct form_value	 v[R__MAX];
	size_t			 bad, i;

	memcpy(f, record_fields, sizeof(f));
	f[R_HOURS].max = s->max_hundredths;
	bad = form_read(f, R__MAX, &req->form, app_lang(req), d, v);
	/* A member chosen from the matches replaces the text typed, on the
	 * form too. */
	for (i = 0; i < NELEM(picks); i++)
		if (v[picks[i].pick].set && v[picks[i].field].set) {
			v[picks[i].field].str = v[picks[i].pick].str;
			tmpl_set(d, picks[i].var, v[picks[i].pick].str);
		}
	bad += (size_t)exchanges_check_date(req, d, s, &v[R_DATE]);
	bad += (size_t)record_parties(req, d, v, p, r, choices, err);
	if (p->id != 0 && p->id == r->id) {
		form_error(d, "recipient", app_text(req, N_("ledger.member.same")));
		bad++;
	}
	bad += (size_t)record_ad(req, d, &v[R_AD], p->id, r->id, &x->ad_id,
	    err);
	bad += (size_t)exchanges_category(req, d, &v[R_CATEGORY],
	    &x->category_id, err);
	x->hundredths = v[R_HOURS].set ? v[R_HOURS].hours : 0;
	x->provider = p->id;
	x->recipient = r->id;
	x->community = ledger_audit_community(p, r);
	x->service_date = v[R_DATE].str;
	x->description = v[R_DESCRIPTION].str;
	return bad;
}

/* The ledger's answer to a recording (way, the key, entry x). */
static int
record_write(struct request *req, struct tmpl_dict *d,
    const struct ledger_settings *s, const struct ledger_entry *x,
    enum record_way way)
{
	struct ledger_key_use	 u;
	enum ledger_refusal	 why;
	enum weft_err		 e;
	long long		 id;
	char			 lim[I18N_HOURS_LEN];

	if (way == RECORD_PROPOSE)
		e = ledger_propose(&req->actor, x, &id, &why);
	else
		e = ledger_record(&req->actor, s, x, way == RECORD_FOR, &id,
		    &why);
	if (e != WEFT_OK)
		return app_status_of(e);
	switch (why) {
	case LEDGER_OK:
		return way == RECORD_PROPOSE ? record_redirect(req, id, 1,
		    N_("ledger.flash.pending")) : record_redirect(req, id, 0,
		    N_("ledger.flash.recorded"));
	case LEDGER_REFUSE_DUPLICATE_KEY:
		/* Made meanwhile by the same form: what it made. */
		if ((e = ledger_key_use(x->form_key, &u)) != WEFT_OK)
			return app_status_of(e);
		return record_replay(req, &u);
	case LEDGER_REFUSE_CREDIT_LIMIT:
		i18n_hours(app_lang(req), s->credit_limit, 0, lim);
		record_error2(req, d, "hours", ledger_refusal_keys[why],
		    "limit", lim);
		return app_render(req, 422);
	default:
		return 500;
	}
}

/* POST /exchanges/new. */
int
exchanges_record(struct request *req)
{
	struct form_value	 k;
	struct ledger_key_use	 u;
	struct ledger_settings	 s;
	struct ledger_entry	 x;
	struct ledger_party	 p, r;
	struct tmpl_dict	*d;
	enum record_way		 way;
	enum weft_err		 e, err = WEFT_OK;
	size_t			 bad;
	int			 st, choices = 0;

	(void)form_read(&record_key_field, 1, &req->form, app_lang(req),
	    NULL, &k);
	if (!k.set || !ledger_key_ok(k.str))
		return 400;
	/* A key already used answers with what it made before anything
	 * else: the replay of a form must not be judged again. */
	if ((e = ledger_settings_key(k.str, &s, &u)) != WEFT_OK)
		return app_status_of(e);
	if (u.exchange != 0 || u.proposal != 0)
		return record_replay(req, &u);
	if ((d = record_page(req, &s, k.str, exchanges_form_id(req,
	    "category"))) == NULL)
		return 500;
	memset(&x, 0, sizeof(x));
	x.form_key = k.str;
	bad = record_validate(req, d, &s, &x, &p, &r, &choices, &err);
	if (err != WEFT_OK)
		return app_status_of(err);
	/* Members to choose from: nobody is a party yet, so there is
	 * nothing to authorise. */
	if (choices > 0)
		return app_render(req, 422);
	if ((st = record_who(req, &p, &r, &way)) != 0)
		return st;
	if (bad > 0)
		return app_render(req, 422);
	return record_write(req, d, &s, &x, way);
}

/* ---- one exchange -------------------------------------------------------- */

/* May the actor see x: a party (or their angel or manager), or a
 * coordinator with exchange.list over either party's scope. */
static int
show_may_see(struct request *req, const struct ledger_exchange *x,
    enum weft_err *err)
{
	struct scope	 sp, sr;
	enum act_as	 ap = ACT_NONE, ar = ACT_NONE;

	if ((*err = act_for(&req->actor, x->provider.id, &ap)) != WEFT_OK ||
	    (*err = act_for(&req->actor, x->recipient.id, &ar)) != WEFT_OK)
		return 0;
	if (ap != ACT_NONE || ar != ACT_NONE)
		return 1;
	ledger_party_scope(&x->provider, &sp);
	ledger_party_scope(&x->recipient, &sr);
	return role_allows(&req->actor.grants, PERM_EXCHANGE_LIST, &sp) ||
	    role_allows(&req->actor.grants, PERM_EXCHANGE_LIST, &sr);
}

/* One party on the page; a link to their statement for those with
 * member.activity over their scope. */
static void
show_party(struct request *req, struct tmpl_dict *d, const char *section,
    const struct ledger_party *p)
{
	struct tmpl_dict	*s = tmpl_section(d, section);
	struct scope		 sc;

	tmpl_set_int(s, "ID", p->id);
	tmpl_set(s, "NAME", p->name);
	tmpl_set(s, "USERNAME", p->username);
	ledger_party_scope(p, &sc);
	if (role_allows(&req->actor.grants, PERM_MEMBER_ACTIVITY, &sc))
		tmpl_show(s, "STATEMENT");
}

void
exchanges_show_entry(struct request *req, struct tmpl_dict *d,
    const struct ledger_exchange *x)
{
	const char		*lang = app_lang(req);
	struct tmpl_dict	*s;

	tmpl_set_int(d, "ID", x->id);
	show_party(req, d, "PROVIDER", &x->provider);
	show_party(req, d, "RECIPIENT", &x->recipient);
	/* The names once more, for the sentences that name the parties. */
	tmpl_set(d, "PROVIDER_NAME", x->provider.name);
	tmpl_set(d, "RECIPIENT_NAME", x->recipient.name);
	i18n_set_hours(d, "HOURS", lang, x->hundredths);
	i18n_set_date(d, "SERVICE_DATE", lang, x->service_date);
	tmpl_set(d, "DESCRIPTION", x->description);
	tmpl_set(d, "RECORDED_BY", x->recorded_by_name);
	i18n_set_date(d, "CREATED_AT", lang, x->created_at);
	if (x->recorded_as != x->recorded_by) {
		s = tmpl_section(d, "RECORDED_AS");
		tmpl_set(s, "NAME", x->recorded_as_name);
	} else
		tmpl_show(d, "RECORDED_SELF");
	if (x->category_id != 0)
		tmpl_set(tmpl_section(d, "CATEGORY"), "NAME",
		    x->category_name);
	if (x->ad_id != 0) {
		s = tmpl_section(d, "AD");
		tmpl_set_int(s, "AD_ID", x->ad_id);
		tmpl_set(s, "AD_TITLE", x->ad_title);
	}
}

static void
show_fill(struct request *req, struct tmpl_dict *d,
    const struct ledger_exchange *x)
{
	struct scope		 sp, sr;
	struct tmpl_dict	*s;

	exchanges_show_entry(req, d, x);
	if (x->reverses_id != 0) {
		s = tmpl_section(d, "REVERSES");
		tmpl_set_int(s, "REVERSES_ID", x->reverses_id);
		tmpl_set(s, "REASON", x->reason);
	}
	if (x->reversed_by != 0) {
		s = tmpl_section(d, "REVERSED");
		tmpl_set_int(s, "REVERSED_BY", x->reversed_by);
	}
	if (x->proposal_id != 0) {
		s = tmpl_section(d, "CONFIRMED");
		tmpl_set_int(s, "PROPOSAL_ID", x->proposal_id);
		i18n_set_date(s, "AT", app_lang(req), x->confirmed_at);
		tmpl_set(s, "NAME", x->confirmed_by_name);
		tmpl_show(s, x->confirmed_by_name[0] != '\0' ? "BY" : "AUTO");
	}
	ledger_party_scope(&x->provider, &sp);
	ledger_party_scope(&x->recipient, &sr);
	if (x->reverses_id == 0 && x->reversed_by == 0 &&
	    role_allows(&req->actor.grants, PERM_EXCHANGE_EDIT, &sp) &&
	    role_allows(&req->actor.grants, PERM_EXCHANGE_EDIT, &sr)) {
		s = tmpl_section(d, "REVERSE_FORM");
		tmpl_set_int(s, "ID", x->id);
		tmpl_set(s, "CSRF", req->actor.csrf);
	}
}

/* GET /exchanges/:id.  Rule 1: only a site-wide exchange.list holder
 * learns that an id does not exist; everyone else gets the same 403. */
int
exchanges_show(struct request *req)
{
	struct ledger_exchange	 x;
	struct tmpl_dict	*d;
	enum weft_err		 e;
	long long		 id = app_param_id(req, 0);
	int			 st;
	char			 num[24];

	e = id > 0 ? ledger_exchange_load(id, &x) : WEFT_ERR_NOTFOUND;
	if ((st = app_target_status(req, PERM_EXCHANGE_LIST, e)) != 0)
		return st;
	if (!show_may_see(req, &x, &e))
		return e != WEFT_OK ? app_status_of(e) : 403;
	snprintf(num, sizeof(num), "%lld", x.id);
	if ((d = exchanges_page(req, "exchanges/ledger_show.tpl",
	    N_("ledger.show.title"), "id", num)) == NULL)
		return 500;
	show_fill(req, d, &x);
	return app_render(req, 200);
}

