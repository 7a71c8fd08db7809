/*
 * Composing a broadcast: a new draft (its audience and the text in the
 * language it is written in), editing a draft and its texts in other
 * languages, deleting a draft.  A broadcast that is scheduled or sent is
 * not edited (409): a copy is (send.c, bc_copy).  Every write is audited
 * in its transaction (rule 6).
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "broadcasts.h"
#include "db.h"
#include "util.h"

enum { F_LANG, F_SUBJECT, F_BODY, F_COMMUNITY, F_STATUS, F_ROLE, F_FLANG,
    F_ORG, F_FROM, F_TO, F__MAX };
static const struct form_field bc_fields[F__MAX] = {
	[F_LANG] = { "lang", FORM_LANG, 1, 0, 0 },
	[F_SUBJECT] = { "subject", FORM_TEXT, 1, 1, BC_SUBJECT_MAX },
	[F_BODY] = { "body", FORM_MULTILINE, 1, 1, BC_BODY_MAX },
	[F_COMMUNITY] = { "community", FORM_ID, 0, 0, 0 },
	[F_STATUS] = { "status", FORM_CHOICE, 0, 0, 0,
	    FORM_CHOICES(bc_status_keys) },
	[F_ROLE] = { "role", FORM_CHOICE, 0, 0, 0, .choices = role_keys,
	    .nchoices = ROLE__MAX },
	[F_FLANG] = { "audience_lang", FORM_LANG, 0, 0, 0 },
	[F_ORG] = { "org", FORM_CHOICE, 0, 0, 0, FORM_CHOICES(bc_org_keys) },
	[F_FROM] = { "joined_from", FORM_DATE, 0, 0, 0 },
	[F_TO] = { "joined_to", FORM_DATE, 0, 0, 0 },
};

/* A translation's form: the same names, the text alone; both empty
 * removes the translation. */
enum { T_LANG, T_SUBJECT, T_BODY, T__MAX };
static const struct form_field bc_text_fields[T__MAX] = {
	[T_LANG] = { "lang", FORM_LANG, 1, 0, 0 },
	[T_SUBJECT] = { "subject", FORM_TEXT, 0, 1, BC_SUBJECT_MAX },
	[T_BODY] = { "body", FORM_MULTILINE, 0, 1, BC_BODY_MAX },
};

/* The edit page's language: ?lang=, quietly (a bad one is the
 * broadcast's own). */
static const struct form_field bc_lang_query[] = {
	{ "lang", FORM_LANG, 0, 0, 0, .flags = FORM_QUIET },
};

static struct tmpl_dict *
bc_form_page(struct request *req, const char *title)
{
	struct tmpl_dict	*d;

	if ((d = app_page(req, "broadcasts/edit.tpl", app_text(req,
	    title))) != NULL)
		bc_merge_hint(d);
	return d;
}

/* The form's audience into b (the values form_read() accepted). */
static void
bc_from_form(const struct form_value *v, struct bc *b)
{
	b->community = v[F_COMMUNITY].set ? v[F_COMMUNITY].id : 0;
	util_copy(b->f_status, sizeof(b->f_status), v[F_STATUS].set ?
	    bc_status_keys[v[F_STATUS].choice] : "");
	util_copy(b->f_role, sizeof(b->f_role), v[F_ROLE].set ?
	    role_keys[v[F_ROLE].choice] : "");
	util_copy(b->f_lang, sizeof(b->f_lang), v[F_FLANG].set ?
	    v[F_FLANG].str : "");
	b->f_org = v[F_ORG].set ? (int)v[F_ORG].choice + 1 : 0;
	util_copy(b->f_joined_from, sizeof(b->f_joined_from),
	    v[F_FROM].set ? v[F_FROM].str : "");
	util_copy(b->f_joined_to, sizeof(b->f_joined_to),
	    v[F_TO].set ? v[F_TO].str : "");
	util_copy(b->subject, sizeof(b->subject), v[F_SUBJECT].str);
	util_copy(b->lang, sizeof(b->lang), v[F_LANG].str);
}

/*
 * The checks the table cannot make, each marked on d: the community is
 * one the actor reaches (none: the whole timebank, site grants only);
 * the body's links are http, https or mailto.  The body's plain text into
 * text.  Returns how many are refused, or -1 on a database error.
 */
static int
bc_form_check(struct request *req, struct tmpl_dict *d, const struct bc *b,
    const char *body, struct buf *text)
{
	char	 name[128];
	int	 bad = 0;

	if (b->community != 0) {
		if (bc_community_name(b->community, name, sizeof(name)) !=
		    WEFT_OK)
			return -1;
		if (name[0] == '\0' || !bc_reach(req, PERM_BROADCAST_SEND,
		    b->community)) {
			form_error(d, "community", app_text(req,
			    N_("broadcasts.error.community")));
			bad++;
		}
	} else if (!bc_reach(req, PERM_BROADCAST_SEND, 0)) {
		form_error(d, "community", app_text(req,
		    N_("broadcasts.error.choose_community")));
		bad++;
	}
	if (bc_body_text(text, body) > 0) {
		form_error(d, "body", app_text(req,
		    N_("broadcasts.error.link")));
		bad++;
	}
	return bad;
}

/* The compose page: new (b->id 0) or a draft's primary text. */
static int
bc_form_render(struct request *req, struct tmpl_dict *d, const struct bc *b,
    int status)
{
	struct tmpl_dict	*a;
	enum weft_err		 e;

	tmpl_set_int(d, "ID", b->id);
	tmpl_set(d, "ACTION", b->id ? "edit" : "new");
	if (b->id == 0) {
		tmpl_show(d, "NEW");
		form_lang_options(tmpl_section(d, "TEXT_LANG"), b->lang, "");
	} else {
		tmpl_set(tmpl_section(d, "FIXED_LANG"), "LANG", b->lang);
		tmpl_set(d, "LANG_NAME", i18n_lang(b->lang)->name);
	}
	a = tmpl_section(d, "AUDIENCE");
	if ((e = bc_audience_fill(req, a, b, PERM_BROADCAST_SEND)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, status);
}

/* GET /broadcasts/new */
int
bc_new_form(struct request *req)
{
	struct tmpl_dict	*d;
	struct bc		 b;

	memset(&b, 0, sizeof(b));
	util_copy(b.lang, sizeof(b.lang), app_lang(req));
	util_copy(b.f_status, sizeof(b.f_status), "approved");
	if (!bc_reach(req, PERM_BROADCAST_SEND, 0))
		b.community = req->actor.community;
	if ((d = bc_form_page(req, N_("broadcasts.new.title"))) == NULL)
		return 500;
	return bc_form_render(req, d, &b, 200);
}

static const char bc_sql_insert[] =
    "INSERT INTO broadcasts (kind, community_id, lang, f_status, f_role,"
    " f_lang, f_org, f_joined_from, f_joined_to, created_by)"
    " VALUES ('members', NULLIF(?, 0), ?, ?, ?, ?, ?, NULLIF(?, ''),"
    " NULLIF(?, ''), ?)";
static const char bc_sql_update[] =
    "UPDATE broadcasts SET community_id = NULLIF(?, 0), f_status = ?,"
    " f_role = ?, f_lang = ?, f_org = ?, f_joined_from = NULLIF(?, ''),"
    " f_joined_to = NULLIF(?, ''), updated_at = UTC_TIMESTAMP()"
    " WHERE id = ? AND state = 'draft'";
static const char bc_sql_text[] =
    "INSERT INTO broadcast_texts (broadcast_id, lang, subject, body,"
    " body_text) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
    " subject = VALUES(subject), body = VALUES(body),"
    " body_text = VALUES(body_text), updated_at = UTC_TIMESTAMP()";
static const char bc_sql_text_delete[] =
    "DELETE FROM broadcast_texts WHERE broadcast_id = ? AND lang = ?";

/* POST /broadcasts/new */
int
bc_new(struct request *req)
{
	struct form_value	 v[F__MAX];
	struct tmpl_dict	*d;
	struct buf		 text, after;
	struct bc		 b;
	enum weft_err		 e;
	int			 bad;

	if ((d = bc_form_page(req, N_("broadcasts.new.title"))) == NULL)
		return 500;
	memset(&b, 0, sizeof(b));
	buf_init(&text);
	bad = (int)form_read(bc_fields, F__MAX, &req->form, app_lang(req), d,
	    v);
	bc_from_form(v, &b);
	if (bad == 0 && (bad = bc_form_check(req, d, &b, v[F_BODY].str,
	    &text)) < 0) {
		buf_free(&text);
		return 500;
	}
	if (bad > 0) {
		buf_free(&text);
		return bc_form_render(req, d, &b, 422);
	}
	if ((e = db_begin()) != WEFT_OK ||
	    (e = db_exec(bc_sql_insert, "issssissi", b.community, b.lang,
	    b.f_status, b.f_role, b.f_lang, (long long)b.f_org,
	    b.f_joined_from, b.f_joined_to, req->actor.acting_id)) !=
	    WEFT_OK)
		goto fail;
	b.id = db_insert_id();
	buf_init(&after);
	bc_json(&after, &b);
	if ((e = db_exec(bc_sql_text, "issss", b.id, b.lang, v[F_SUBJECT].str,
	    v[F_BODY].str, text.p != NULL ? text.p : "")) != WEFT_OK ||
	    (e = audit_write(&req->actor, "broadcast.create", "broadcast",
	    b.id, b.community, NULL, after.p)) != WEFT_OK ||
	    (e = db_commit()) != WEFT_OK) {
		buf_free(&after);
		goto fail;
	}
	buf_free(&after);
	buf_free(&text);
	{
		char	 path[64];

		snprintf(path, sizeof(path), "/broadcasts/%lld", b.id);
		return app_redirect(req, path,
		    N_("broadcasts.flash.created"));
	}
fail:
	db_rollback();
	buf_free(&text);
	return app_status_of(e);
}

/* The path of a broadcast's page. */
static int
bc_back(struct request *req, long long id, const char *flash)
{
	char	 path[64];

	snprintf(path, sizeof(path), "/broadcasts/%lld", id);
	return app_redirect(req, path, flash);
}

static const char bc_sql_one_text[] =
    "SELECT subject, body FROM broadcast_texts"
    " WHERE broadcast_id = ? AND lang = ?";

/* The translation page of lang (not the broadcast's own language). */
static int
bc_text_render(struct request *req, struct tmpl_dict *d, const struct bc *b,
    const char *lang, int status)
{
	tmpl_set_int(d, "ID", b->id);
	tmpl_set(d, "ACTION", "edit");
	tmpl_set(tmpl_section(d, "FIXED_LANG"), "LANG", lang);
	tmpl_set(d, "LANG_NAME", i18n_lang(lang)->name);
	tmpl_show(d, "TRANSLATION");
	return app_render(req, status);
}

/* GET /broadcasts/:id/edit[?lang=xx] */
int
bc_edit_form(struct request *req)
{
	struct form_value	 q[1];
	struct tmpl_dict	*d;
	struct db_rows		*r;
	struct bc		 b;
	const char		*lang;
	enum weft_err		 e;
	int			 st;

	if ((st = bc_target(req, 0, &b)) != 0)
		return st;
	if (b.kind != BC_KIND_MEMBERS || b.state != BC_DRAFT)
		return app_error(req, 409, app_text(req,
		    N_("broadcasts.error.not_draft")));
	form_read(bc_lang_query, 1, &req->query, app_lang(req), NULL, q);
	lang = q[0].set ? q[0].str : b.lang;
	if ((d = bc_form_page(req, N_("broadcasts.edit.title"))) == NULL)
		return 500;
	if ((e = db_query(&r, bc_sql_one_text, "is", b.id, lang)) != WEFT_OK)
		return app_status_of(e);
	if (db_next(r)) {
		tmpl_set(d, "SUBJECT", db_str(r, 0));
		tmpl_set(d, "BODY", db_str(r, 1));
	}
	db_rows_free(r);
	if (strcmp(lang, b.lang) != 0)
		return bc_text_render(req, d, &b, lang, 200);
	return bc_form_render(req, d, &b, 200);
}

/* A translation saved, or removed when both its fields are empty. */
static int
bc_edit_text(struct request *req, struct tmpl_dict *d, struct bc *b)
{
	struct form_value	 v[T__MAX];
	struct buf		 text, after;
	enum weft_err		 e;
	const char		*lang;
	int			 bad, del;

	bad = (int)form_read(bc_text_fields, T__MAX, &req->form,
	    app_lang(req), d, v);
	lang = v[T_LANG].str;
	del = !v[T_SUBJECT].sent || v[T_SUBJECT].str[0] == '\0';
	del = del && (!v[T_BODY].sent || v[T_BODY].str[0] == '\0');
	buf_init(&text);
	if (bad == 0 && strcmp(i18n_lang(lang)->tag, lang) != 0) {
		form_error(d, "lang", app_text(req,
		    N_("broadcasts.error.lang")));
		bad = 1;
	}
	if (bad == 0 && !del) {
		if (!v[T_SUBJECT].set)
			form_error(d, "subject", app_text(req,
			    N_("broadcasts.error.both")));
		if (!v[T_BODY].set)
			form_error(d, "body", app_text(req,
			    N_("broadcasts.error.both")));
		bad = !v[T_SUBJECT].set || !v[T_BODY].set;
		if (!bad && bc_body_text(&text, v[T_BODY].str) > 0) {
			form_error(d, "body", app_text(req,
			    N_("broadcasts.error.link")));
			bad = 1;
		}
	}
	if (bad) {
		buf_free(&text);
		db_rollback();
		return bc_text_render(req, d, b, lang, 422);
	}
	buf_init(&after);
	buf_puts(&after, "{\"lang\":");
	buf_json_str(&after, lang);
	buf_puts(&after, ",\"subject\":");
	buf_json_str(&after, del ? "" : v[T_SUBJECT].str);
	buf_puts(&after, "}");
	e = del ? db_exec(bc_sql_text_delete, "is", b->id, lang) :
	    db_exec(bc_sql_text, "issss", b->id, lang, v[T_SUBJECT].str,
	    v[T_BODY].str, text.p != NULL ? text.p : "");
	if (e == WEFT_OK)
		e = audit_write(&req->actor, del ? "broadcast.text_delete" :
		    "broadcast.text", "broadcast", b->id, b->community, NULL,
		    after.p);
	if (e == WEFT_OK)
		e = db_commit();
	buf_free(&after);
	buf_free(&text);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return bc_back(req, b->id, N_("broadcasts.flash.saved"));
}

/* POST /broadcasts/:id/edit: the primary text and the audience, or
 * (lang another language) a translation. */
int
bc_edit(struct request *req)
{
	struct form_value	 v[F__MAX];
	struct tmpl_dict	*d;
	struct buf		 text, before, after;
	struct bc		 b, nb;
	const char		*lang;
	enum weft_err		 e;
	int			 st, bad;

	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	if ((st = bc_target(req, 1, &b)) != 0) {
		db_rollback();
		return st;
	}
	if (b.kind != BC_KIND_MEMBERS || b.state != BC_DRAFT) {
		db_rollback();
		return app_error(req, 409, app_text(req,
		    N_("broadcasts.error.not_draft")));
	}
	if ((d = bc_form_page(req, N_("broadcasts.edit.title"))) == NULL) {
		db_rollback();
		return 500;
	}
	lang = http_kv_get(&req->form, "lang");
	if (lang != NULL && strcmp(lang, b.lang) != 0)
		return bc_edit_text(req, d, &b);
	buf_init(&text);
	bad = (int)form_read(bc_fields, F__MAX, &req->form, app_lang(req), d,
	    v);
	nb = b;
	bc_from_form(v, &nb);
	util_copy(nb.lang, sizeof(nb.lang), b.lang);
	if (bad == 0 && (bad = bc_form_check(req, d, &nb, v[F_BODY].str,
	    &text)) < 0)
		bad = -1;
	if (bad != 0) {
		db_rollback();
		buf_free(&text);
		return bad < 0 ? 500 : bc_form_render(req, d, &nb, 422);
	}
	buf_init(&before);
	buf_init(&after);
	bc_json(&before, &b);
	bc_json(&after, &nb);
	if ((e = db_exec(bc_sql_update, "isssissi", nb.community,
	    nb.f_status, nb.f_role, nb.f_lang, (long long)nb.f_org,
	    nb.f_joined_from, nb.f_joined_to, b.id)) == WEFT_OK &&
	    (e = db_exec(bc_sql_text, "issss", b.id, b.lang, v[F_SUBJECT].str,
	    v[F_BODY].str, text.p != NULL ? text.p : "")) == WEFT_OK &&
	    (e = audit_write(&req->actor, "broadcast.edit", "broadcast", b.id,
	    nb.community, before.p, after.p)) == WEFT_OK)
		e = db_commit();
	buf_free(&before);
	buf_free(&after);
	buf_free(&text);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return bc_back(req, b.id, N_("broadcasts.flash.saved"));
}

static const char bc_sql_delete[] =
    "DELETE FROM broadcasts WHERE id = ? AND state = 'draft'";

/* POST /broadcasts/:id/delete: drafts only, confirmed. */
int
bc_delete(struct request *req)
{
	struct buf	 before;
	struct bc	 b;
	enum weft_err	 e;
	int		 st;

	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	if ((st = bc_target(req, 1, &b)) != 0) {
		db_rollback();
		return st;
	}
	if (b.state != BC_DRAFT) {
		db_rollback();
		return app_error(req, 409, app_text(req,
		    N_("broadcasts.error.not_draft")));
	}
	if (!bc_confirmed(req)) {
		db_rollback();
		return app_error(req, 422, app_text(req,
		    N_("broadcasts.error.confirm")));
	}
	buf_init(&before);
	bc_json(&before, &b);
	if ((e = db_exec(bc_sql_delete, "i", b.id)) == WEFT_OK &&
	    (e = audit_write(&req->actor, "broadcast.delete", "broadcast",
	    b.id, b.community, before.p, NULL)) == WEFT_OK)
		e = db_commit();
	buf_free(&before);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, "/broadcasts", N_("broadcasts.flash.deleted"));
}
