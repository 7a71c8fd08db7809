/*
 * Talents, the page family and its writes (talents.h).  A talent names a
 * category of the site's list, free text, or both; a member has at most
 * TALENTS_MAX.  Every statement names the member with the talent's id,
 * so that a talent id of another member is not found, whatever it is
 * (docs/authorization.md rule 1: no probing by id).
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "db.h"
#include "form.h"
#include "lists.h"
#include "talents.h"
#include "util.h"

enum { T_CATEGORY, T_TEXT, T__MAX };
static const struct form_field talents_fields[T__MAX] = {
	[T_CATEGORY] = { .name = "category", .kind = FORM_ID },
	[T_TEXT] = { .name = "text", .kind = FORM_TEXT, .min = 0,
	    .max = TALENTS_TEXT_MAX },
};

static const char talents_sql_list[] =
    "SELECT t.id, COALESCE(t.category_id, 0),"
    " COALESCE(n.name, c.name, ''), t.text FROM member_talents t"
    " LEFT JOIN categories c ON c.id = t.category_id"
    " LEFT JOIN list_names n ON n.list = 'categories'"
    " AND n.item_id = c.id AND n.lang = ?"
    " WHERE t.member_id = ? ORDER BY t.id";

enum weft_err
talents_show(struct tmpl_dict *d, const char *section, long long member,
    const char *lang, size_t *n)
{
	struct tmpl_dict	*s = NULL, *t;
	struct db_rows		*r;
	enum weft_err		 e;

	if ((e = db_query(&r, talents_sql_list, "si", lang, member)) !=
	    WEFT_OK)
		return e;
	*n = 0;
	while (db_next(r)) {
		(*n)++;
		if (s == NULL)
			s = tmpl_section(d, section);
		t = tmpl_section(s, "TALENT");
		tmpl_set(t, "CATEGORY", db_str(r, 2));
		tmpl_set(t, "TEXT", db_str(r, 3));
	}
	db_rows_free(r);
	return WEFT_OK;
}

/*
 * The page; redo names the form that answers again with v and its
 * messages: -1 none (v NULL), 0 the add form, else the talent's id.
 * Each form is a section of its own, so that one form's messages are
 * not another's.
 */
/* A form answered again: which (0 the add form, else the talent's id),
 * with what and, for a check the table cannot make, which field's
 * message (a phrase key; NULL: none). */
struct talents_redo {
	long long		 id;
	const struct form_value	*v;
	const char		*field;
	const char		*why;
};

/* Shows the redone form's input and messages on f. */
static void
talents_show_redo(struct request *req, struct tmpl_dict *f,
    const struct talents_redo *redo)
{
	form_show(talents_fields, T__MAX, redo->v, app_lang(req), f);
	if (redo->field != NULL)
		form_error(f, redo->field, app_text(req, redo->why));
}

static int
talents_render(struct request *req, const struct talents_target *t,
    const struct talents_redo *redo, int status)
{
	const struct form_value	*v = redo != NULL ? redo->v : NULL;
	struct tmpl_dict	*d, *s, *f;
	struct db_rows		*r;
	const char		*lang = app_lang(req);
	long long		 chosen;
	enum weft_err		 e;
	size_t			 n = 0;

	if ((d = app_page(req, "members/talents.tpl", app_text(req,
	    t->self ? N_("talents.title.own") : N_("talents.title")))) == NULL)
		return 500;
	tmpl_set(d, "BASE", t->base);
	tmpl_set(d, "MEMBER_NAME", t->name);
	tmpl_set_int(d, "MEMBER_ID", t->member);
	tmpl_show(d, t->self ? "SELF" : "OTHER");
	if ((e = db_query(&r, talents_sql_list, "si", lang, t->member)) !=
	    WEFT_OK)
		return app_status_of(e);
	while (db_next(r)) {
		n++;
		s = tmpl_section(d, "TALENT");
		tmpl_set_int(s, "ID", db_int(r, 0));
		tmpl_set(s, "CATEGORY", db_str(r, 2));
		tmpl_set(s, "TEXT", db_str(r, 3));
		if (t->may_delete)
			tmpl_show(s, "REMOVE");
		if (!t->may_edit)
			continue;
		f = tmpl_section(s, "EDIT");
		chosen = db_int(r, 1);
		tmpl_set(f, "TEXT", db_str(r, 3));
		if (redo != NULL && redo->id == db_int(r, 0)) {
			talents_show_redo(req, f, redo);
			chosen = v[T_CATEGORY].set ? v[T_CATEGORY].id : 0;
		}
		if ((e = lists_options(f, "CATEGORY_OPTION", LIST_CATEGORY,
		    lang, chosen, db_int(r, 1))) != WEFT_OK)
			break;
	}
	db_rows_free(r);
	if (e != WEFT_OK)
		return app_status_of(e);
	if (n == 0)
		tmpl_show(d, "NONE");
	if (!t->may_edit || n >= TALENTS_MAX)
		return app_render(req, status);
	f = tmpl_section(d, "ADD");
	form_summary(f, lang, NULL, "talent-add-errors", 2);
	chosen = 0;
	if (redo != NULL && redo->id == 0) {
		talents_show_redo(req, f, redo);
		chosen = v[T_CATEGORY].set ? v[T_CATEGORY].id : 0;
	}
	if ((e = lists_options(f, "CATEGORY_OPTION", LIST_CATEGORY, lang,
	    chosen, 0)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, status);
}

int
talents_page(struct request *req, const struct talents_target *t)
{
	return talents_render(req, t, NULL, 200);
}

/*
 * Reads and checks the form into redo->v: a category of the list
 * (active, or keep, the talent's own), some text, or both.  Returns 0,
 * 422 (redo says why: the caller renders) or 503.
 */
static int
talents_read(struct request *req, struct form_value *v, long long keep,
    struct talents_redo *redo)
{
	int	 ok;

	redo->v = v;
	redo->field = redo->why = NULL;
	if (form_read(talents_fields, T__MAX, &req->form, app_lang(req), NULL,
	    v) > 0)
		return 422;
	if (v[T_CATEGORY].set) {
		if ((ok = lists_ok(LIST_CATEGORY, v[T_CATEGORY].id, keep)) < 0)
			return 503;
		if (ok == 0) {
			redo->field = "category";
			redo->why = N_("talents.error.category");
			return 422;
		}
	}
	if (!v[T_CATEGORY].set && v[T_TEXT].str[0] == '\0') {
		redo->field = "text";
		redo->why = N_("talents.error.empty");
		return 422;
	}
	return 0;
}

/* {"member_id":N,"category_id":N|null,"text":"..."}: the audit's view. */
static void
talents_json(struct buf *b, long long member, long long category,
    const char *text)
{
	buf_printf(b, "{\"member_id\":%lld,\"category_id\":", member);
	if (category > 0)
		buf_printf(b, "%lld", category);
	else
		buf_puts(b, "null");
	buf_puts(b, ",\"text\":");
	buf_json_str(b, text);
	buf_puts(b, "}");
}

/* The audit row of a change, when it is made for someone else; then the
 * commit.  b and a are the before and after (NULL for none). */
static enum weft_err
talents_commit(const struct request *req, const struct talents_target *t,
    const char *action, long long id, const struct buf *b,
    const struct buf *a)
{
	enum weft_err	 e;

	if ((b != NULL && buf_failed(b)) || (a != NULL && buf_failed(a)))
		return WEFT_ERR_NOMEM;
	if (audit_on_behalf(&req->actor, t->member) &&
	    (e = audit_write(&req->actor, action, "member_talent", id,
	    t->community, b != NULL ? b->p : NULL, a != NULL ? a->p : NULL)) !=
	    WEFT_OK)
		return e;
	return db_commit();
}

/* The talent's category and text into *category and text, FOR UPDATE:
 * WEFT_ERR_NOTFOUND when the member has no such talent. */
static enum weft_err
talents_load(long long member, long long id, long long *category,
    char *text, size_t len)
{
	struct db_rows	*r;
	enum weft_err	 e;

	if ((e = db_query(&r, "SELECT COALESCE(category_id, 0), text"
	    " FROM member_talents WHERE id = ? AND member_id = ? FOR UPDATE",
	    "ii", id, member)) != WEFT_OK)
		return e;
	e = WEFT_ERR_NOTFOUND;
	if (db_next(r)) {
		*category = db_int(r, 0);
		util_copy(text, len, db_str(r, 1));
		e = WEFT_OK;
	}
	db_rows_free(r);
	return e;
}

int
talents_add(struct request *req, const struct talents_target *t)
{
	struct form_value	 v[T__MAX];
	struct talents_redo	 redo = { .id = 0 };
	struct buf		 a;
	long long		 n, id;
	enum weft_err		 e;
	int			 st;

	if (!t->may_edit)
		return 403;
	if ((st = talents_read(req, v, 0, &redo)) != 0)
		return st == 422 ? talents_render(req, t, &redo, 422) : st;
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	/* The member's row locked: two adds at once count each other. */
	if ((e = db_query_int(&n, "SELECT (SELECT COUNT(*) FROM member_talents t"
	    " WHERE t.member_id = m.id) FROM members m WHERE m.id = ?"
	    " FOR UPDATE", "i", t->member)) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	if (n >= TALENTS_MAX) {
		db_rollback();
		return app_error(req, 409, app_text(req,
		    N_("talents.error.too_many")));
	}
	if ((e = db_exec("INSERT INTO member_talents (member_id, category_id,"
	    " text) VALUES (?, NULLIF(?, 0), ?)", "iis", t->member,
	    v[T_CATEGORY].set ? v[T_CATEGORY].id : 0LL, v[T_TEXT].str)) !=
	    WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	id = db_insert_id();
	buf_init(&a);
	talents_json(&a, t->member, v[T_CATEGORY].set ? v[T_CATEGORY].id : 0,
	    v[T_TEXT].str);
	e = talents_commit(req, t, "talent.add", id, NULL, &a);
	buf_free(&a);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, t->base, N_("talents.flash.added"));
}

/* The talent of path parameter i, locked in a new transaction: 0 with
 * *id, *category and old filled, else the status (404 for an id that is
 * not the member's). */
static int
talents_begin(struct request *req, const struct talents_target *t, size_t i,
    long long *id, long long *category, char *old, size_t len)
{
	enum weft_err	 e;

	if ((*id = app_param_id(req, i)) == 0)
		return 404;
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	if ((e = talents_load(t->member, *id, category, old, len)) !=
	    WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return 0;
}

int
talents_update(struct request *req, const struct talents_target *t,
    size_t i)
{
	struct form_value	 v[T__MAX];
	struct talents_redo	 redo;
	struct buf		 b, a;
	char			 old[TALENTS_TEXT_MAX * 4 + 1];
	long long		 id, category, to;
	enum weft_err		 e;
	int			 st;

	if (!t->may_edit)
		return 403;
	if ((st = talents_begin(req, t, i, &id, &category, old,
	    sizeof(old))) != 0)
		return st;
	redo.id = id;
	if ((st = talents_read(req, v, category, &redo)) != 0) {
		db_rollback();
		return st == 422 ? talents_render(req, t, &redo, 422) : st;
	}
	to = v[T_CATEGORY].set ? v[T_CATEGORY].id : 0;
	if ((e = db_exec("UPDATE member_talents SET category_id = NULLIF(?, 0),"
	    " text = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?"
	    " AND member_id = ?", "isii", to, v[T_TEXT].str, id, t->member)) !=
	    WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	buf_init(&b);
	buf_init(&a);
	talents_json(&b, t->member, category, old);
	talents_json(&a, t->member, to, v[T_TEXT].str);
	e = talents_commit(req, t, "talent.edit", id, &b, &a);
	buf_free(&b);
	buf_free(&a);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, t->base, N_("talents.flash.saved"));
}

int
talents_remove(struct request *req, const struct talents_target *t,
    size_t i)
{
	struct buf		 b;
	char			 old[TALENTS_TEXT_MAX * 4 + 1];
	long long		 id, category;
	enum weft_err		 e;
	int			 st;

	if (!t->may_delete)
		return 403;
	if ((st = talents_begin(req, t, i, &id, &category, old,
	    sizeof(old))) != 0)
		return st;
	if ((e = db_exec("DELETE FROM member_talents WHERE id = ?"
	    " AND member_id = ?", "ii", id, t->member)) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	buf_init(&b);
	talents_json(&b, t->member, category, old);
	e = talents_commit(req, t, "talent.remove", id, &b, NULL);
	buf_free(&b);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, t->base, N_("talents.flash.removed"));
}
