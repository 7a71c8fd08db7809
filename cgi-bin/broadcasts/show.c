/*
 * A broadcast's page: what it says in each of its languages (the preview,
 * merge fields filled with the viewer's own name; the plain text the mail
 * carries), its audience and how many it reaches, what can be done with
 * it now, and, once queued, its progress from the outbox (queued, sent,
 * deferred, failed, skipped).  While messages wait the page asks the
 * browser to load it again (the Refresh header: no script, which the CSP
 * forbids anyway) and offers a link to do so.  And the list of recipients
 * before sending.
 */
#include <stdio.h>
#include <string.h>

#include "broadcasts.h"
#include "db.h"
#include "i18n_conv.h"
#include "outbox.h"
#include "settings.h"
#include "util.h"

#define BC_REFRESH	"10"	/* seconds between loads while sending */

static const char bc_sql_texts[] =
    "SELECT lang, subject, body, body_text FROM broadcast_texts"
    " WHERE broadcast_id = ? ORDER BY lang <> ?, lang";
static const char bc_sql_progress[] =
    "SELECT state, COUNT(*) FROM outbox WHERE broadcast_id = ?"
    " AND kind <> 'broadcast.test' GROUP BY state";
static const char bc_sql_me[] =
    "SELECT name, username FROM members WHERE id = ?";

static const char *const bc_state_labels[OUTBOX_STATE__MAX] = {
	N_("broadcasts.progress.queued"),
	N_("broadcasts.progress.sending"),
	N_("broadcasts.progress.sent"),
	N_("broadcasts.progress.deferred"),
	N_("broadcasts.progress.failed"),
	N_("broadcasts.progress.skipped"),
};

/* Each text: its preview and its plain text; *langs gets which languages
 * have one (a byte per language of i18n_languages()). */
static enum weft_err
bc_show_texts(struct request *req, struct tmpl_dict *d, const struct bc *b,
    unsigned char *has, size_t nlangs)
{
	const struct i18n_lang	*langs;
	struct tmpl_dict	*s;
	struct db_rows		*r, *me;
	struct buf		 t;
	const char		*name = "", *user = "";
	enum weft_err		 e;
	size_t			 i, n;

	if ((e = db_query(&me, bc_sql_me, "i", req->actor.acting_id)) !=
	    WEFT_OK)
		return e;
	if (db_next(me)) {
		name = db_str(me, 0);
		user = db_str(me, 1);
	}
	if ((e = db_query(&r, bc_sql_texts, "is", b->id, b->lang)) !=
	    WEFT_OK) {
		db_rows_free(me);
		return e;
	}
	langs = i18n_languages(&n);
	buf_init(&t);
	while (db_next(r)) {
		s = tmpl_section(d, "TEXT");
		tmpl_set(s, "LANG", db_str(r, 0));
		tmpl_set(s, "LANG_NAME", i18n_lang(db_str(r, 0))->name);
		if (strcmp(db_str(r, 0), b->lang) == 0)
			tmpl_show(s, "PRIMARY");
		buf_reset(&t);
		bc_merge(&t, db_str(r, 1), name, user);
		tmpl_set(s, "SUBJECT", t.p != NULL ? t.p : "");
		buf_reset(&t);
		bc_merge(&t, db_str(r, 2), name, user);
		tmpl_set_markup(s, "BODY_HTML", t.p != NULL ? t.p : "", 3);
		buf_reset(&t);
		bc_merge(&t, db_str(r, 3), name, user);
		tmpl_set(s, "PLAIN", t.p != NULL ? t.p : "");
		if (b->state == BC_DRAFT && b->kind == BC_KIND_MEMBERS)
			tmpl_set_int(tmpl_section(s, "EDIT"), "ID", b->id);
		for (i = 0; i < n && i < nlangs; i++)
			if (strcmp(langs[i].tag, db_str(r, 0)) == 0)
				has[i] = 1;
	}
	buf_free(&t);
	db_rows_free(r);
	db_rows_free(me);
	return WEFT_OK;
}

/* The outbox's counts of the broadcast; *waiting those not yet done. */
static enum weft_err
bc_show_progress(struct request *req, struct tmpl_dict *d, long long id,
    long long *waiting, long long *failed)
{
	struct tmpl_dict	*s;
	struct db_rows		*r;
	long long		 count[OUTBOX_STATE__MAX] = { 0 };
	enum weft_err		 e;
	int			 k;
	size_t			 i;

	if ((e = db_query(&r, bc_sql_progress, "i", id)) != WEFT_OK)
		return e;
	while (db_next(r))
		if ((k = util_lookup(outbox_state_keys, OUTBOX_STATE__MAX,
		    db_str(r, 0))) >= 0)
			count[k] = db_int(r, 1);
	db_rows_free(r);
	for (i = 0; i < OUTBOX_STATE__MAX; i++) {
		s = tmpl_section(d, "COUNT");
		tmpl_set(s, "STATE", outbox_state_keys[i]);
		tmpl_set(s, "LABEL", app_text(req, bc_state_labels[i]));
		tmpl_set_int(s, "N", count[i]);
	}
	*waiting = count[OUTBOX_QUEUED] + count[OUTBOX_SENDING] +
	    count[OUTBOX_DEFERRED];
	*failed = count[OUTBOX_FAILED];
	return WEFT_OK;
}

/* The draft's actions: a translation to add, the test, the send. */
static void
bc_show_draft(struct request *req, struct tmpl_dict *d, const struct bc *b,
    const unsigned char *has, long long reach)
{
	const struct i18n_lang	*langs;
	struct tmpl_dict	*s;
	size_t			 i, n;

	s = tmpl_section(d, "DRAFT");
	tmpl_set_int(s, "ID", b->id);
	tmpl_set_int(s, "REACH", reach);
	/* The schedule is typed as the timebank's wall clock. */
	tmpl_set(s, "ZONE", settings_str(SETTING_TIME_ZONE));
	langs = i18n_languages(&n);
	for (i = 0; i < n && i < 64; i++)
		if (!has[i] && langs[i].enabled)
			form_option(s, "ADD_LANG", langs[i].tag,
			    langs[i].name, 0);
	(void)req;
}

/* GET /broadcasts/:id */
int
bc_show(struct request *req)
{
	struct tmpl_dict	*d;
	struct bc		 b;
	unsigned char		 has[64] = { 0 };
	long long		 reach = 0, left = 0, waiting = 0, failed = 0;
	enum weft_err		 e;
	int			 st;

	if ((st = bc_target(req, 0, &b)) != 0)
		return st;
	if ((d = app_page(req, "broadcasts/show.tpl", b.subject)) == NULL)
		return 500;
	tmpl_set_int(d, "ID", b.id);
	tmpl_set(d, "SUBJECT", b.subject);
	tmpl_set(d, "AUTHOR", b.author);
	i18n_set_date(d, "CREATED", app_lang(req), b.created_at);
	tmpl_set(d, "STATE", bc_state_keys[b.state]);
	tmpl_set(d, "STATE_LABEL", app_text(req, b.state == BC_SCHEDULED &&
	    b.due ? N_("broadcasts.state.sent") : b.state == BC_SCHEDULED ?
	    N_("broadcasts.state.scheduled") : b.state == BC_SENT ?
	    N_("broadcasts.state.sent") : N_("broadcasts.state.draft")));
	if (b.kind == BC_KIND_COORDINATORS)
		tmpl_show(d, "COORDINATORS");
	if ((e = bc_audience_terms(req, d, &b)) != WEFT_OK ||
	    (e = bc_show_texts(req, d, &b, has, NELEM(has))) != WEFT_OK)
		return app_status_of(e);
	if (b.state == BC_DRAFT) {
		if ((e = bc_audience_count(&b, 0, &reach)) != WEFT_OK ||
		    (e = bc_audience_count(&b, 1, &left)) != WEFT_OK)
			return app_status_of(e);
		tmpl_set_int(d, "REACH", reach);
		tmpl_set_int(d, "LEFT_OUT", left);
		tmpl_show(d, "COUNTS");
		bc_show_draft(req, d, &b, has, reach);
		return app_render(req, 200);
	}
	tmpl_set_int(d, "RECIPIENTS", b.recipients);
	i18n_set_date(d, "SENT_AT", app_lang(req), b.sent_at);
	if (b.state == BC_SCHEDULED && !b.due) {
		i18n_set_date(tmpl_section(d, "SCHEDULED"), "AT",
		    app_lang(req), b.scheduled_at);
		tmpl_show(d, "CANCEL");
	} else
		i18n_set_date(tmpl_section(d, "SENT"), "AT", app_lang(req),
		    b.sent_at);
	if ((e = bc_show_progress(req, d, b.id, &waiting, &failed)) !=
	    WEFT_OK)
		return app_status_of(e);
	tmpl_show(d, "PROGRESS");
	if (waiting > 0 && (b.state == BC_SENT || b.due)) {
		tmpl_show(d, "WAITING");
		http_header(&req->resp, "Refresh", BC_REFRESH);
	}
	if (failed > 0)
		tmpl_set_int(tmpl_section(d, "RESEND"), "FAILED", failed);
	if (b.kind == BC_KIND_MEMBERS)
		tmpl_show(d, "COPY");
	return app_render(req, 200);
}

static const char bc_sql_recipients[] =
    "SELECT m.id, m.name, m.username, m.email, m.lang " BC_AUDIENCE
    "ORDER BY m.name, m.id LIMIT ?";
static const char bc_sql_recipients_coord[] =
    "SELECT m.id, m.name, m.username, m.email, m.lang " BC_COORDINATORS
    "ORDER BY m.name, m.id LIMIT ?";

/* GET /broadcasts/:id/recipients: who it reaches now (a draft) or whom
 * it was queued to; their addresses only to whom holds member.contact
 * over the broadcast's community (rule 8). */
int
bc_recipients(struct request *req)
{
	struct tmpl_dict	*d, *s;
	struct db_rows		*r;
	struct bc		 b;
	long long		 n;
	enum weft_err		 e;
	int			 st, contact;

	if ((st = bc_target(req, 0, &b)) != 0)
		return st;
	if ((d = app_page(req, "broadcasts/recipients.tpl", app_text(req,
	    N_("broadcasts.recipients.title")))) == NULL)
		return 500;
	contact = bc_reach(req, PERM_MEMBER_CONTACT, b.community);
	if ((e = bc_audience_count(&b, 0, &n)) != WEFT_OK)
		return app_status_of(e);
	e = b.kind == BC_KIND_COORDINATORS ? db_query(&r,
	    bc_sql_recipients_coord, "ii", b.id, (long long)BC_LIST_MAX) :
	    db_query(&r, bc_sql_recipients, "iii", 0LL, b.id,
	    (long long)BC_LIST_MAX);
	if (e != WEFT_OK)
		return app_status_of(e);
	tmpl_set_int(d, "ID", b.id);
	tmpl_set(d, "SUBJECT", b.subject);
	tmpl_set_int(d, "REACH", n);
	if (contact)
		tmpl_show(d, "CONTACT");
	while (db_next(r)) {
		s = tmpl_section(d, "RECIPIENT");
		tmpl_set(s, "MEMBER_ID", db_str(r, 0));
		tmpl_set(s, "NAME", db_str(r, 1));
		tmpl_set(s, "USERNAME", db_str(r, 2));
		tmpl_set(s, "LANG_NAME", i18n_lang(db_str(r, 4))->name);
		if (contact)
			tmpl_set(tmpl_section(s, "CONTACT"), "EMAIL",
			    db_str(r, 3));
	}
	if (n > BC_LIST_MAX)
		tmpl_set_int(tmpl_section(d, "MORE"), "SHOWN",
		    (long long)BC_LIST_MAX);
	db_rows_free(r);
	return app_render(req, 200);
}
