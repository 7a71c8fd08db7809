/*
 * The audit log page (docs/authorization.md rule 6): admins read and
 * filter what every coordinator did, as whom, to what, before and after,
 * when and from where.  Read-only by design: no route of weft edits or
 * deletes an audit row.  A site admin sees every row; an admin scoped to
 * Community Timebanks sees the rows of those communities only (rule 2),
 * chosen in SQL so that paging stays keyset over the rows they may see.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "i18n_conv.h"
#include "members.h"
#include "pager.h"
#include "util.h"

#define AUDIT_PAGE	50
/* The scoped admin's communities bound into the query: as many as one
 * member can hold grants (ROLE_GRANTS_MAX). */
#define AUDIT_SCOPES	32

enum { U_ACTOR, U_TARGET_MEMBER, U_TARGET_TYPE, U_TARGET_ID, U_ACTION,
    U_FROM, U_TO, U_BEFORE, U__MAX };
static const struct form_field audit_fields[U__MAX] = {
	[U_ACTOR] = { "actor", FORM_TEXT, 0, 0, 32 },
	[U_TARGET_MEMBER] = { "target_member", FORM_TEXT, 0, 0, 32 },
	[U_TARGET_TYPE] = { "target_type", FORM_TEXT, 0, 0, 32 },
	[U_TARGET_ID] = { "target_id", FORM_ID, 0, 0, 0 },
	[U_ACTION] = { "action", FORM_TEXT, 0, 0, 64 },
	[U_FROM] = { "from", FORM_DATE, 0, 0, 0 },
	[U_TO] = { "to", FORM_DATE, 0, 0, 0 },
	[U_BEFORE] = { "before", FORM_ID, 0, 0, 0 },
};

/* The filters, as validated. */
struct audit_filter {
	const char	*actor;		/* username, "" for any */
	const char	*target_member;
	const char	*target_type;
	const char	*action;
	const char	*from;		/* YYYY-MM-DD or "" */
	const char	*to;
	long long	 target_id;
	const char	*target_id_arg;	/* as sent, for links; "" for none */
	struct pager	 page;		/* before=ID: rows with ids below */
	long long	 actor_id;	/* resolved; -1: no such member */
	long long	 member_id;
};

/* A username to its id: 0 for "", -1 for no such member (the filter then
 * matches nothing, rather than being silently dropped). */
static enum weft_err
audit_user(const char *username, long long *id)
{
	enum weft_err	 e;

	*id = 0;
	if (username[0] == '\0')
		return WEFT_OK;
	e = db_query_int(id, "SELECT id FROM members WHERE username = ?", "s",
	    username);
	if (e == WEFT_ERR_NOTFOUND) {
		*id = -1;
		return WEFT_OK;
	}
	return e;
}

/*
 * Appends JSON text indented, two spaces a level, for reading in a <pre>.
 * Only the layout changes: strings are copied byte for byte, and input
 * that is not JSON comes out merely re-spaced, never lost.
 */
static void
audit_pretty(struct buf *b, const char *s)
{
	int	 depth = 0, instr = 0, esc = 0, i;
	char	 c;

	for (; *s != '\0'; s++) {
		c = *s;
		if (instr) {
			buf_append(b, s, 1);
			if (esc)
				esc = 0;
			else if (c == '\\')
				esc = 1;
			else if (c == '"')
				instr = 0;
			continue;
		}
		switch (c) {
		case ' ': case '\t': case '\r': case '\n':
			continue;
		case '"':
			instr = 1;
			buf_append(b, s, 1);
			continue;
		case ':':
			buf_puts(b, ": ");
			continue;
		case '{': case '[':
			buf_append(b, s, 1);
			if (s[1] == '}' || s[1] == ']') {
				buf_append(b, ++s, 1);
				continue;
			}
			depth++;
			break;
		case '}': case ']':
			depth = depth > 0 ? depth - 1 : 0;
			buf_puts(b, "\n");
			for (i = 0; i < depth; i++)
				buf_puts(b, "  ");
			buf_append(b, s, 1);
			continue;
		case ',':
			buf_append(b, s, 1);
			break;
		default:
			buf_append(b, s, 1);
			continue;
		}
		buf_puts(b, "\n");
		for (i = 0; i < depth; i++)
			buf_puts(b, "  ");
	}
}

/* Shows key_NONE for no JSON, else a key_JSON section with its TEXT in
 * the pretty form. */
static void
audit_json(struct tmpl_dict *d, const char *key, const char *json,
    struct buf *tmp)
{
	char	 name[40];

	if (json == NULL || json[0] == '\0') {
		snprintf(name, sizeof(name), "%s_NONE", key);
		tmpl_show(d, name);
		return;
	}
	buf_reset(tmp);
	audit_pretty(tmp, json);
	snprintf(name, sizeof(name), "%s_JSON", key);
	tmpl_set(tmpl_section(d, name), "TEXT", buf_failed(tmp) ? json :
	    tmp->p);
}

/* An action as the reader says it, with its code (ACTION) kept for the
 * title and the filter's value: PHRASE, or CODE_ONLY for a code without
 * a phrase. */
static void
audit_action_set(struct tmpl_dict *d, const char *code)
{
	const char	*key;

	tmpl_set(d, "ACTION", code);
	if ((key = audit_action_phrase(code)) != NULL)
		tmpl_set(tmpl_section(d, "PHRASE"), "TEXT",
		    i18n_text(tmpl_page_lang(d), key));
	else
		tmpl_show(d, "CODE_ONLY");
}

/* One ROW section from the current row of r (columns as in audit_sql). */
static void
audit_row(struct tmpl_dict *d, const struct db_rows *r, struct buf *tmp)
{
	struct tmpl_dict	*row, *s;

	row = tmpl_section(d, "ROW");
	tmpl_set(row, "ID", db_str(r, 0));
	i18n_set_date(row, "AT", tmpl_page_lang(d), db_str(r, 1));
	if (db_null(r, 2))
		tmpl_show(row, "SYSTEM");
	else {
		s = tmpl_section(row, "REAL");
		tmpl_set(s, "MEMBER_ID", db_str(r, 2));
		tmpl_set(s, "NAME", db_str(r, 3));
		tmpl_set(s, "USERNAME", db_str(r, 4));
	}
	if (!db_null(r, 5) && db_int(r, 5) != db_int(r, 2)) {
		s = tmpl_section(row, "ACTING");
		tmpl_set(s, "MEMBER_ID", db_str(r, 5));
		tmpl_set(s, "NAME", db_str(r, 6));
		tmpl_set(s, "USERNAME", db_str(r, 7));
	}
	audit_action_set(row, db_str(r, 8));
	tmpl_set(row, "OBJECT_TYPE", db_str(r, 9));
	tmpl_set(row, "OBJECT_ID", db_str(r, 10));
	if (strcmp(db_str(r, 9), "member") == 0 && db_int(r, 10) > 0) {
		s = tmpl_section(row, "OBJECT_LINK");
		tmpl_set(s, "OBJECT_ID", db_str(r, 10));
	} else
		tmpl_show(row, "OBJECT_PLAIN");
	audit_json(row, "BEFORE", db_str(r, 12), tmp);
	audit_json(row, "AFTER", db_str(r, 13), tmp);
	tmpl_set(row, "ADDR", db_str(r, 14));
}

/*
 * The rows of one page, newest first.  One fixed statement: each filter
 * is "(? = <none> OR ...)", and the scoped admin's communities are bound
 * into an IN list padded with -1 (no community has that id).  A target
 * member matches rows about the member itself and rows whose before or
 * after names them as member_id (grants, notes).
 */
static enum weft_err
audit_query(struct db_rows **r, const struct audit_filter *f, int site,
    const long long *c)
{
	static const char	 sql[] =
	    "SELECT a.id, DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s'), a.actor_id, "
	    "COALESCE(ra.name, ''), COALESCE(ra.username, ''), a.acting_id, "
	    "COALESCE(ac.name, ''), COALESCE(ac.username, ''), a.action, "
	    "a.object_type, a.object_id, a.community_id, a.before_json, "
	    "a.after_json, a.addr FROM audit_log a "
	    "LEFT JOIN members ra ON ra.id = a.actor_id "
	    "LEFT JOIN members ac ON ac.id = a.acting_id "
	    "WHERE (? = 0 OR a.id < ?) "
	    "AND (? = 1 OR a.community_id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)) "
	    "AND (? = 0 OR a.actor_id = ? OR a.acting_id = ?) "
	    "AND (? = '' OR a.object_type = ?) "
	    "AND (? = 0 OR a.object_id = ?) "
	    "AND (? = 0 OR (a.object_type = 'member' AND a.object_id = ?) "
	    "OR JSON_VALUE(a.after_json, '$.member_id') = ? "
	    "OR JSON_VALUE(a.before_json, '$.member_id') = ?) "
	    "AND (? = '' OR a.action = ?) "
	    "AND (? = '' OR a.at >= ?) "
	    "AND (? = '' OR a.at < DATE_ADD(?, INTERVAL 1 DAY)) "
	    "ORDER BY a.id DESC LIMIT ?";

	return db_query(r, sql, "ii" "i" "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii"
	    "iii" "ss" "ii" "iiii" "ss" "ss" "ss" "i",
	    f->page.id, f->page.id, (long long)site,
	    c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10],
	    c[11], c[12], c[13], c[14], c[15], c[16], c[17], c[18], c[19],
	    c[20], c[21], c[22], c[23], c[24], c[25], c[26], c[27], c[28],
	    c[29], c[30], c[31],
	    f->actor_id, f->actor_id, f->actor_id,
	    f->target_type, f->target_type, f->target_id, f->target_id,
	    f->member_id, f->member_id, f->member_id, f->member_id,
	    f->action, f->action, f->from, f->from, f->to, f->to,
	    (long long)pager_limit(&f->page));
}

/* The filter form's action select: every action in the log. */
static enum weft_err
audit_actions(struct tmpl_dict *d, const char *sel)
{
	struct tmpl_dict	*o;
	struct db_rows		*r;
	enum weft_err		 e;

	if ((e = db_query(&r, "SELECT DISTINCT action FROM audit_log "
	    "ORDER BY action LIMIT 500", "")) != WEFT_OK)
		return e;
	while (db_next(r)) {
		o = tmpl_section(d, "ACTION_OPTION");
		tmpl_set(o, "VALUE", db_str(r, 0));
		audit_action_set(o, db_str(r, 0));
		if (strcmp(sel, db_str(r, 0)) == 0)
			tmpl_show(o, "SELECTED");
	}
	db_rows_free(r);
	return WEFT_OK;
}

/*
 * The "newest" link (on a later page) and the "older" one (when there is
 * more), after the row last.  Whole hrefs, not query fragments: the
 * auto-escaper would percent-encode the & and = of a variable inside a
 * URL.  The newest page's href keeps its "?" when there are no filters.
 */
static enum weft_err
audit_links(struct tmpl_dict *d, const struct audit_filter *f,
    const struct pager_result *pr, long long last)
{
	struct buf	 params, link;
	enum weft_err	 e;

	buf_init(&params);
	buf_init(&link);
	pager_param(&params, "actor", f->actor);
	pager_param(&params, "target_member", f->target_member);
	pager_param(&params, "target_type", f->target_type);
	pager_param(&params, "target_id", f->target_id_arg);
	pager_param(&params, "action", f->action);
	pager_param(&params, "from", f->from);
	pager_param(&params, "to", f->to);
	buf_printf(&link, "/members/audit?%s", params.len > 0 ?
	    params.p + 1 : "");
	if (pr->has_first && !buf_failed(&link))
		tmpl_set(tmpl_section(d, "NEWEST"), "HREF", link.p);
	buf_reset(&link);
	pager_href_before(&link, "/members/audit", params.p, NULL, last);
	e = buf_failed(&params) || buf_failed(&link) ? WEFT_ERR_NOMEM :
	    WEFT_OK;
	if (e == WEFT_OK && pr->has_next)
		tmpl_set(tmpl_section(d, "OLDER"), "HREF", link.p);
	buf_free(&params);
	buf_free(&link);
	return e;
}

/* Fills the rows and the "older" link; the filters are valid. */
static enum weft_err
audit_rows(struct tmpl_dict *d, struct request *req, struct audit_filter *f)
{
	long long		 c[AUDIT_SCOPES];
	struct db_rows		*r = NULL;
	struct pager_result	 pr;
	struct buf		 tmp;
	enum weft_err		 e;
	size_t			 i;
	int			 site;
	long long		 last = 0;

	buf_init(&tmp);
	for (i = 0; i < AUDIT_SCOPES; i++)
		c[i] = -1;
	(void)role_communities(&req->actor.grants, PERM_AUDIT_VIEW, &site,
	    c, AUDIT_SCOPES);
	if (!site)
		tmpl_show(d, "SCOPED");
	if ((e = audit_user(f->actor, &f->actor_id)) != WEFT_OK ||
	    (e = audit_user(f->target_member, &f->member_id)) != WEFT_OK)
		goto out;
	if ((e = audit_query(&r, f, site, c)) != WEFT_OK)
		goto out;
	pager_result(&f->page, db_nrows(r), &pr);
	for (i = 0; i < pr.shown && db_next(r); i++) {
		audit_row(d, r, &tmp);
		last = db_int(r, 0);
	}
	tmpl_show(d, i > 0 ? "HAS_ROWS" : "NO_ROWS");
	e = audit_links(d, f, &pr, last);
out:
	if (r != NULL)
		db_rows_free(r);
	buf_free(&tmp);
	return e;
}

/* GET /members/audit */
int
members_audit(struct request *req)
{
	struct form_value	 v[U__MAX];
	struct audit_filter	 f;
	struct tmpl_dict	*d;
	enum weft_err		 e;
	size_t			 bad;

	if ((d = app_page(req, "members/audit.tpl",
	    app_text(req, N_("members.audit_log.title")))) == NULL)
		return 500;
	bad = form_read(audit_fields, U__MAX, &req->query, app_lang(req), NULL,
	    v);
	memset(&f, 0, sizeof(f));
	f.actor = v[U_ACTOR].str;
	f.target_member = v[U_TARGET_MEMBER].str;
	f.target_type = v[U_TARGET_TYPE].str;
	f.action = v[U_ACTION].str;
	f.from = v[U_FROM].str;
	f.to = v[U_TO].str;
	f.target_id = v[U_TARGET_ID].set ? v[U_TARGET_ID].id : 0;
	f.target_id_arg = v[U_TARGET_ID].set ? v[U_TARGET_ID].str : "";
	pager_before_id(&f.page, AUDIT_PAGE,
	    v[U_BEFORE].set ? v[U_BEFORE].id : 0);
	if ((e = audit_actions(d, f.action)) != WEFT_OK)
		return app_status_of(e);
	form_show(audit_fields, U__MAX, v, app_lang(req), d);
	if (bad > 0) {
		tmpl_show(d, "NO_ROWS");
		return app_render(req, 422);
	}
	if ((e = audit_rows(d, req, &f)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, 200);
}

