/*
 * Coordinator notes on a member (member.notes): timestamped, with their
 * author; only the author edits their own note, and nothing deletes one.
 * Notes reach only holders of member.notes over the member's scope
 * (rules 2 and 8): never the member, never another role.  The author of
 * a note is the acting member, whose permissions wrote it; the audit row
 * keeps the real one too.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "i18n_conv.h"
#include "members.h"
#include "util.h"

#define NOTES_PANEL_LATEST	3

enum { N_BODY, N__MAX };
static const struct form_field notes_fields[N__MAX] = {
	[N_BODY] = { "body", FORM_MULTILINE, 1, 1, 5000 },
};

/* Newest first; the id breaks ties within one second.  The panel shows
 * the latest NOTES_PANEL_LATEST (the LIMIT). */
static const char notes_sql_all[] =
    "SELECT n.id, n.author_id, a.name, n.body, n.created_at,"
    " COALESCE(n.updated_at, '') FROM member_notes n"
    " JOIN members a ON a.id = n.author_id"
    " WHERE n.member_id = ? ORDER BY n.created_at DESC, n.id DESC";
static const char notes_sql_latest[] =
    "SELECT n.id, n.author_id, a.name, n.body, n.created_at,"
    " COALESCE(n.updated_at, '') FROM member_notes n"
    " JOIN members a ON a.id = n.author_id"
    " WHERE n.member_id = ? ORDER BY n.created_at DESC, n.id DESC LIMIT 3";

/* One row of notes_sql_*: a NOTE section with its author and times. */
static struct tmpl_dict *
notes_row(struct tmpl_dict *d, const struct db_rows *r)
{
	struct tmpl_dict	*s = tmpl_section(d, "NOTE");

	tmpl_set_int(s, "NOTE_ID", db_int(r, 0));
	tmpl_set(s, "AUTHOR", db_str(r, 2));
	tmpl_lines(s, "LINE", "TEXT", db_str(r, 3));
	i18n_set_date(s, "CREATED", tmpl_page_lang(d), db_str(r, 4));
	if (db_str(r, 5) != NULL && db_str(r, 5)[0] != '\0')
		i18n_set_date(tmpl_section(s, "UPDATED"), "UPDATED_AT",
		    tmpl_page_lang(d), db_str(r, 5));
	return s;
}

/*
 * The notes page of member m.  redo says which form is answered again
 * with the submitted text v and its messages: -1 none (v NULL), 0 the
 * new note, else the note being edited.  The forms are sections of their
 * own so that one form's messages are not inherited by another.
 */
static int
notes_page(struct request *req, const struct member *m, long long redo,
    const struct form_value *v, int status)
{
	struct tmpl_dict	*d, *s, *e;
	struct db_rows		*r;
	enum weft_err		 err;

	if ((d = app_page(req, "members/notes.tpl",
	    app_text(req, N_("members.notes.title")))) == NULL)
		return 500;
	tmpl_set_int(d, "MEMBER_ID", m->id);
	tmpl_set(d, "MEMBER_NAME", m->name);
	s = tmpl_section(d, "ADD");
	form_summary(s, app_lang(req), NULL, "add-errors-title", 3);
	if (redo == 0)
		form_show(notes_fields, N__MAX, v, app_lang(req), s);
	if ((err = db_query(&r, notes_sql_all, "i", m->id)) != WEFT_OK)
		return app_status_of(err);
	if (db_nrows(r) == 0)
		tmpl_show(d, "NO_NOTES");
	while (db_next(r)) {
		s = notes_row(d, r);
		if (db_int(r, 1) != req->actor.acting_id)
			continue;
		e = tmpl_section(s, "EDIT");
		tmpl_set(e, "BODY", db_str(r, 3));
		if (redo == db_int(r, 0))
			form_show(notes_fields, N__MAX, v, app_lang(req), e);
	}
	db_rows_free(r);
	return app_render(req, status);
}

/* GET /members/:id/notes. */
int
members_notes(struct request *req)
{
	struct member	 m;
	int		 st;

	if ((st = members_target(req, PERM_MEMBER_NOTES, &m)) != 0)
		return st;
	return notes_page(req, &m, -1, NULL, 200);
}

/* {"member_id":N,"body":"..."}: the audit's view of a note. */
static void
notes_json(struct buf *b, long long member_id, const char *body)
{
	buf_printf(b, "{\"member_id\":%lld,\"body\":", member_id);
	buf_json_str(b, body);
	buf_puts(b, "}");
}

/* POST /members/:id/notes: 1 to 5000 characters. */
int
members_note_add(struct request *req)
{
	struct form_value	 v[N__MAX];
	struct member		 m;
	struct buf		 a;
	char			 path[64];
	enum weft_err		 e;
	int			 st;

	if ((st = members_target(req, PERM_MEMBER_NOTES, &m)) != 0)
		return st;
	if (form_read(notes_fields, N__MAX, &req->form, app_lang(req), NULL,
	    v) > 0)
		return notes_page(req, &m, 0, v, 422);
	if ((st = members_lock(req, m.id, PERM_MEMBER_NOTES, &m)) != 0)
		return st;
	buf_init(&a);
	notes_json(&a, m.id, v[N_BODY].str);
	if ((e = buf_failed(&a) ? WEFT_ERR_NOMEM : WEFT_OK) != WEFT_OK ||
	    (e = db_exec("INSERT INTO member_notes (member_id, author_id, body)"
	    " VALUES (?, ?, ?)", "iis", m.id, req->actor.acting_id,
	    v[N_BODY].str)) != WEFT_OK ||
	    (e = audit_write(&req->actor, "note.add", "member_note",
	    db_insert_id(), m.community, NULL, a.p)) != WEFT_OK ||
	    (e = db_commit()) != WEFT_OK) {
		db_rollback();
		buf_free(&a);
		return app_status_of(e);
	}
	buf_free(&a);
	snprintf(path, sizeof(path), "/members/%lld/notes", m.id);
	return app_redirect(req, path, N_("members.notes.flash.added"));
}

/*
 * The note's author and text into *author and b, read FOR UPDATE when
 * lock is set.  WEFT_ERR_NOTFOUND when member_id has no such note: a
 * note id of another member is not found here, whatever it is.
 */
static enum weft_err
notes_load(long long member_id, long long note_id, int lock,
    long long *author, struct buf *b)
{
	static const char sql[] = "SELECT author_id, body FROM member_notes"
	    " WHERE id = ? AND member_id = ?";
	static const char sql_lock[] = "SELECT author_id, body FROM"
	    " member_notes WHERE id = ? AND member_id = ? FOR UPDATE";
	struct db_rows	*r;
	enum weft_err	 e;

	if ((e = db_query(&r, lock ? sql_lock : sql, "ii", note_id,
	    member_id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	*author = db_int(r, 0);
	buf_reset(b);
	buf_puts(b, db_str(r, 1) != NULL ? db_str(r, 1) : "");
	db_rows_free(r);
	return buf_failed(b) ? WEFT_ERR_NOMEM : WEFT_OK;
}

/* The edit's transaction; old holds the text as it was, body the new. */
static int
notes_save(struct request *req, struct member *m, long long note_id,
    struct buf *old, const char *body)
{
	struct buf	 b, a;
	char		 path[64];
	long long	 author = 0;
	enum weft_err	 e;
	int		 st;

	if ((st = members_lock(req, m->id, PERM_MEMBER_NOTES, m)) != 0)
		return st;
	snprintf(path, sizeof(path), "/members/%lld/notes", m->id);
	buf_init(&b);
	buf_init(&a);
	if ((e = notes_load(m->id, note_id, 1, &author, old)) == WEFT_OK &&
	    author != req->actor.acting_id)
		e = WEFT_ERR_FORBIDDEN;
	if (e != WEFT_OK) {
		db_rollback();
		st = app_status_of(e);
		goto out;
	}
	if (strcmp(old->p, body) == 0) {
		db_rollback();
		st = app_redirect(req, path, N_("members.notes.flash.unchanged"));
		goto out;
	}
	notes_json(&b, m->id, old->p);
	notes_json(&a, m->id, body);
	if ((e = buf_failed(&b) || buf_failed(&a) ? WEFT_ERR_NOMEM :
	    WEFT_OK) != WEFT_OK ||
	    (e = db_exec("UPDATE member_notes SET body = ?, updated_at ="
	    " UTC_TIMESTAMP() WHERE id = ?", "si", body, note_id)) !=
	    WEFT_OK ||
	    (e = audit_write(&req->actor, "note.edit", "member_note", note_id,
	    m->community, b.p, a.p)) != WEFT_OK ||
	    (e = db_commit()) != WEFT_OK) {
		db_rollback();
		st = app_status_of(e);
		goto out;
	}
	st = app_redirect(req, path, N_("members.notes.flash.saved"));
out:
	buf_free(&b);
	buf_free(&a);
	return st;
}

/* POST /members/:id/notes/:note: only the note's author edits it (403
 * for anyone else, before the text is even looked at). */
int
members_note_edit(struct request *req)
{
	struct form_value	 v[N__MAX];
	struct member		 m;
	struct buf		 old;
	long long		 note_id = app_param_id(req, 1), author = 0;
	enum weft_err		 e;
	int			 st;

	if ((st = members_target(req, PERM_MEMBER_NOTES, &m)) != 0)
		return st;
	if (note_id == 0)
		return 404;
	buf_init(&old);
	if ((e = notes_load(m.id, note_id, 0, &author, &old)) != WEFT_OK)
		st = app_status_of(e);
	else if (author != req->actor.acting_id)
		st = 403;
	else if (form_read(notes_fields, N__MAX, &req->form, app_lang(req),
	    NULL, v) > 0)
		st = notes_page(req, &m, note_id, v, 422);
	else
		st = notes_save(req, &m, note_id, &old, v[N_BODY].str);
	buf_free(&old);
	return st;
}

/* members.h: the NOTES_PANEL of the profile page, for holders of
 * member.notes over the member's scope only: the latest notes, a link to
 * all of them and the form for a new one. */
enum weft_err
members_notes_panel(struct tmpl_dict *d, struct request *req,
    const struct member *m)
{
	struct tmpl_dict	*p;
	struct db_rows		*r;
	struct scope		 sc;
	long long		 n = 0;
	enum weft_err		 e;

	member_scope(m, &sc);
	if (!role_allows(&req->actor.grants, PERM_MEMBER_NOTES, &sc))
		return WEFT_OK;
	if ((e = db_query_int(&n, "SELECT COUNT(*) FROM member_notes"
	    " WHERE member_id = ?", "i", m->id)) != WEFT_OK)
		return e;
	p = tmpl_include(d, "NOTES_PANEL", "members/notes_panel.tpl");
	/* An include does not see the page's values. */
	tmpl_set(p, "CSRF", req->actor.csrf);
	tmpl_set_int(p, "MEMBER_ID", m->id);
	tmpl_set_int(p, "COUNT", n);
	if (n == 0)
		tmpl_show(p, "NO_NOTES");
	tmpl_show(p, n > NOTES_PANEL_LATEST ? "MORE" : "NO_MORE");
	if ((e = db_query(&r, notes_sql_latest, "i", m->id)) != WEFT_OK)
		return e;
	while (db_next(r))
		notes_row(p, r);
	db_rows_free(r);
	return WEFT_OK;
}

