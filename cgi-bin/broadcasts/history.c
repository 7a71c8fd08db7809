/*
 * The history of broadcasts, newest first, with filters (state, kind,
 * community, words of the subject, one's own), over the communities
 * where the viewer holds broadcast.send (rule 2: a community coordinator
 * sees their community's, not the whole timebank's).  The coordinators'
 * messages are listed to holders of broadcast.coordinators.  Paged by
 * id: "older" carries the last id shown.
 */
#include <stdio.h>
#include <string.h>

#include "broadcasts.h"
#include "db.h"
#include "i18n_conv.h"
#include "pager.h"
#include "util.h"

#define BC_IN_SCOPE							\
	"b.community_id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "

static const char bc_sql_history[] =
    "SELECT b.id, COALESCE(t.subject, ''), b.state, b.kind,"
    " COALESCE(c.name, ''), m.name, DATE_FORMAT(b.created_at, '%Y-%m-%d %H:%i'),"
    " COALESCE(DATE_FORMAT(b.sent_at, '%Y-%m-%d %H:%i'), ''), b.recipients,"
    " COALESCE(b.scheduled_at <= UTC_TIMESTAMP(), 0)"
    " FROM broadcasts b JOIN members m ON m.id = b.created_by"
    " LEFT JOIN communities c ON c.id = b.community_id"
    " LEFT JOIN broadcast_texts t ON t.broadcast_id = b.id AND t.lang = b.lang"
    " WHERE (? = 1 OR " BC_IN_SCOPE ")"
    " AND (? = 1 OR b.kind = 'members')"
    " AND (? = '' OR b.state = ?) AND (? = '' OR b.kind = ?)"
    " AND (? = 0 OR b.community_id = ?) AND (? = 0 OR b.created_by = ?)"
    " AND (? = '' OR t.subject LIKE ?) AND (? = 0 OR b.id < ?)"
    " ORDER BY b.id DESC LIMIT ?";

enum { H_STATE, H_KIND, H_COMMUNITY, H_Q, H_MINE, H_BEFORE, H__MAX };
static const struct form_field bc_history_fields[H__MAX] = {
	[H_STATE] = { "state", FORM_CHOICE, 0, 0, 0,
	    FORM_CHOICES(bc_state_keys) },
	[H_KIND] = { "kind", FORM_CHOICE, 0, 0, 0,
	    FORM_CHOICES(bc_kind_keys) },
	[H_COMMUNITY] = { "community", FORM_ID, 0, 0, 0 },
	[H_Q] = { "q", FORM_TEXT, 0, 1, 64 },
	[H_MINE] = { "mine", FORM_BOOL, 0, 0, 0 },
	[H_BEFORE] = { "before", FORM_ID, 0, 0, 0, .flags = FORM_QUIET },
};

static const char *const bc_state_titles[BC_STATE__MAX] = {
	N_("broadcasts.state.draft"),
	N_("broadcasts.state.scheduled"),
	N_("broadcasts.state.sent"),
};
static const char *const bc_kind_titles[BC_KIND__MAX] = {
	N_("broadcasts.kind.members"),
	N_("broadcasts.kind.coordinators"),
};

static void
bc_history_row(struct request *req, struct tmpl_dict *d,
    const struct db_rows *r)
{
	struct tmpl_dict	*s = tmpl_section(d, "BROADCAST");
	int			 k;

	tmpl_set(s, "ID", db_str(r, 0));
	tmpl_set(s, "SUBJECT", db_str(r, 1));
	k = util_lookup(bc_state_keys, BC_STATE__MAX, db_str(r, 2));
	if (k == BC_SCHEDULED && db_int(r, 9))
		k = BC_SENT;
	tmpl_set(s, "STATE", k < 0 ? "" : app_text(req, bc_state_titles[k]));
	k = util_lookup(bc_kind_keys, BC_KIND__MAX, db_str(r, 3));
	tmpl_set(s, "KIND", k < 0 ? "" : app_text(req, bc_kind_titles[k]));
	tmpl_set(s, "COMMUNITY", db_str(r, 4)[0] != '\0' ? db_str(r, 4) :
	    app_text(req, N_("broadcasts.audience.whole")));
	tmpl_set(s, "AUTHOR", db_str(r, 5));
	i18n_set_date(s, "CREATED", app_lang(req), db_str(r, 6));
	i18n_set_date(s, "SENT_AT", app_lang(req), db_str(r, 7));
	tmpl_set(s, "RECIPIENTS", db_str(r, 8));
}

/* The filters' choices, kept as chosen. */
static enum weft_err
bc_history_filters(struct request *req, struct tmpl_dict *d,
    const struct form_value *v)
{
	size_t	 i;

	for (i = 0; i < BC_STATE__MAX; i++)
		form_option(d, "STATE_OPTION", bc_state_keys[i],
		    app_text(req, bc_state_titles[i]),
		    v[H_STATE].set && v[H_STATE].choice == i);
	for (i = 0; i < BC_KIND__MAX; i++)
		form_option(d, "KIND_OPTION", bc_kind_keys[i],
		    app_text(req, bc_kind_titles[i]),
		    v[H_KIND].set && v[H_KIND].choice == i);
	return bc_community_options(req, d, PERM_BROADCAST_SEND,
	    v[H_COMMUNITY].set ? v[H_COMMUNITY].id : 0);
}

/* The link to the page of older broadcasts, the filters kept. */
static void
bc_history_older(struct tmpl_dict *d, const struct form_value *v,
    const char *state, const char *kind, long long last)
{
	struct buf	 more;

	buf_init(&more);
	buf_printf(&more, "/broadcasts?before=%lld", last);
	pager_param(&more, "state", state);
	pager_param(&more, "kind", kind);
	pager_param(&more, "q", v[H_Q].str);
	if (v[H_COMMUNITY].set)
		buf_printf(&more, "&community=%lld", v[H_COMMUNITY].id);
	if (v[H_MINE].on)
		buf_puts(&more, "&mine=1");
	tmpl_set(tmpl_section(d, "OLDER"), "HREF",
	    more.p != NULL ? more.p : "/broadcasts");
	buf_free(&more);
}

/* GET /broadcasts */
int
bc_history(struct request *req)
{
	struct form_value	 v[H__MAX];
	struct tmpl_dict	*d;
	struct db_rows		*r;
	long long		 c[BC_SCOPE_MAX] = { 0 }, last = 0;
	char			 like[64 * 8 + 2];
	const char		*state, *kind;
	size_t			 rows = 0;
	int			 site, coord;
	enum weft_err		 e;

	if ((d = app_page(req, "broadcasts/history.tpl", app_text(req,
	    N_("broadcasts.history.title")))) == NULL)
		return 500;
	if (form_read(bc_history_fields, H__MAX, &req->query, app_lang(req),
	    d, v) > 0) {
		if ((e = bc_history_filters(req, d, v)) != WEFT_OK)
			return app_status_of(e);
		tmpl_show(d, "NONE");
		return app_render(req, 400);
	}
	(void)role_communities(&req->actor.grants, PERM_BROADCAST_SEND,
	    &site, c, NELEM(c));
	coord = role_allows_somewhere(&req->actor.grants,
	    PERM_BROADCAST_COORDINATORS);
	/* Words anywhere in the subject: "%" before the prefix pattern. */
	like[0] = '%';
	if (pager_like_prefix(like + 1, sizeof(like) - 1, v[H_Q].str) == -1)
		return 400;
	state = v[H_STATE].set ? bc_state_keys[v[H_STATE].choice] : "";
	kind = v[H_KIND].set ? bc_kind_keys[v[H_KIND].choice] : "";
	e = db_query(&r, bc_sql_history, "i" "iiiiiiiiiiiiiiii" "i" "ss" "ss"
	    "ii" "ii" "ss" "ii" "i", (long long)site, c[0], c[1], c[2], c[3],
	    c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13],
	    c[14], c[15], (long long)coord, state, state, kind, kind,
	    v[H_COMMUNITY].set ? v[H_COMMUNITY].id : 0,
	    v[H_COMMUNITY].set ? v[H_COMMUNITY].id : 0,
	    (long long)v[H_MINE].on, req->actor.acting_id, v[H_Q].str, like,
	    v[H_BEFORE].set ? v[H_BEFORE].id : 0,
	    v[H_BEFORE].set ? v[H_BEFORE].id : 0,
	    (long long)BC_PER_PAGE + 1);
	if (e != WEFT_OK)
		return app_status_of(e);
	while (db_next(r) && rows < BC_PER_PAGE) {
		bc_history_row(req, d, r);
		last = db_int(r, 0);
		rows++;
	}
	if (rows == 0)
		tmpl_show(d, "NONE");
	if (db_nrows(r) > BC_PER_PAGE)
		bc_history_older(d, v, state, kind, last);
	db_rows_free(r);
	if ((e = bc_history_filters(req, d, v)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, 200);
}
