/*
 * The member record and the scope check every /members/:id page starts
 * with (docs/authorization.md rules 1, 2 and 8).
 */
#include <stdio.h>
#include <string.h>

#include "act.h"
#include "db.h"
#include "i18n_conv.h"
#include "log.h"
#include "members.h"
#include "util.h"

const char *const profile_pstatus_keys[PSTATUS__MAX] = {
	[PSTATUS_NEW] = "new",
	[PSTATUS_COMPLETE] = "complete",
	[PSTATUS_INCOMPLETE] = "incomplete",
	[PSTATUS_HIDDEN] = "hidden",
};

const char *const profile_pstatus_labels[PSTATUS__MAX] = {
	[PSTATUS_NEW] = N_("members.profile.pstatus.new"),
	[PSTATUS_COMPLETE] = N_("members.profile.pstatus.complete"),
	[PSTATUS_INCOMPLETE] = N_("members.profile.pstatus.incomplete"),
	[PSTATUS_HIDDEN] = N_("members.profile.pstatus.hidden"),
};

void
member_scope(const struct member *m, struct scope *out)
{
	scope_of_community(m->community, out);
}

enum weft_err
member_load(long long id, int for_update, struct member *m)
{
	/* Two texts, not one built at run time: statements are cached by
	 * their SQL text. */
#define MEMBER_LOAD_SQL \
	"SELECT m.id, m.username, m.name, m.email, m.phone, m.address, " \
	"m.about, m.lang, m.status, m.profile_status, " \
	"COALESCE(m.community_id, 0), COALESCE(c.name, ''), " \
	"m.is_organisation, m.optout, m.angel_mode, m.joined_at, " \
	"COALESCE(m.approved_at, ''), COALESCE(m.last_login_at, ''), " \
	"COALESCE(m.neighbourhood_id, 0), COALESCE(m.county_id, 0), " \
	"COALESCE(m.affiliation_id, 0) " \
	"FROM members m LEFT JOIN communities c ON c.id = m.community_id " \
	"WHERE m.id = ?"
	static const char sql[] = MEMBER_LOAD_SQL;
	static const char sql_lock[] = MEMBER_LOAD_SQL " FOR UPDATE";
#undef MEMBER_LOAD_SQL
	struct db_rows	*r;
	enum weft_err	 e;
	size_t		 i;

	memset(m, 0, sizeof(*m));
	if ((e = db_query(&r, for_update ? sql_lock : sql, "i", id)) !=
	    WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	m->id = db_int(r, 0);
	util_copy(m->username, sizeof(m->username), db_str(r, 1));
	util_copy(m->name, sizeof(m->name), db_str(r, 2));
	util_copy(m->email, sizeof(m->email), db_str(r, 3));
	util_copy(m->phone, sizeof(m->phone), db_str(r, 4));
	util_copy(m->address, sizeof(m->address), db_str(r, 5));
	util_copy(m->about, sizeof(m->about), db_str(r, 6));
	util_copy(m->lang, sizeof(m->lang), db_str(r, 7));
	if (member_status_parse(db_str(r, 8), &m->status) != 0)
		m->status = MEMBER_DISABLED;	/* unreadable: the safe one */
	util_copy(m->profile_status, sizeof(m->profile_status),
	    db_str(r, 9));
	m->community = db_int(r, 10);
	util_copy(m->community_name, sizeof(m->community_name),
	    db_str(r, 11));
	m->is_organisation = db_int(r, 12) != 0;
	m->optout = db_int(r, 13) != 0;
	m->angel_mode = db_int(r, 14) != 0;
	util_copy(m->joined_at, sizeof(m->joined_at), db_str(r, 15));
	util_copy(m->approved_at, sizeof(m->approved_at), db_str(r, 16));
	util_copy(m->last_login_at, sizeof(m->last_login_at),
	    db_str(r, 17));
	for (i = 0; i < LISTS_MEMBER; i++)
		m->lists[i] = db_int(r, 18 + (unsigned)i);
	db_rows_free(r);
	return WEFT_OK;
}

int
members_target_id(struct request *req, long long id, enum perm perm,
    struct member *m)
{
	struct scope	 sc;
	enum weft_err	 e;
	int		 st;

	e = id > 0 ? member_load(id, 0, m) : WEFT_ERR_NOTFOUND;
	if ((st = app_target_status(req, perm, e)) != 0)
		return st;
	member_scope(m, &sc);
	if (!role_allows(&req->actor.grants, perm, &sc))
		return 403;
	return 0;
}

int
members_target(struct request *req, enum perm perm, struct member *m)
{
	return members_target_id(req, app_param_id(req, 0), perm, m);
}

int
members_relock(struct request *req, long long id, enum perm perm,
    struct member *m)
{
	struct scope	 sc;
	enum weft_err	 e;

	if ((e = member_load(id, 1, m)) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	member_scope(m, &sc);
	if (!role_allows(&req->actor.grants, perm, &sc)) {
		db_rollback();
		return 403;
	}
	return 0;
}

int
members_lock(struct request *req, long long id, enum perm perm,
    struct member *m)
{
	enum weft_err	 e;

	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	return members_relock(req, id, perm, m);
}

void
member_grants_init(struct member_grants *tg, long long id)
{
	memset(tg, 0, sizeof(*tg));
	tg->member_id = id;
}

enum weft_err
member_grants_get(struct member_grants *tg, const struct grants **out)
{
	enum weft_err	 e;

	*out = &tg->g;
	if (tg->loaded)
		return WEFT_OK;
	if ((e = role_load_grants(tg->member_id, &tg->g)) != WEFT_OK)
		return e;
	tg->loaded = 1;
	return WEFT_OK;
}

enum weft_err
members_may_change(const struct request *req, const struct member *m,
    struct member_grants *tg, int takeover, enum role_refusal *why)
{
	const struct grants	*g = NULL;
	enum weft_err		 e;

	*why = ROLE_REFUSE_COVER;
	if (tg != NULL && (e = member_grants_get(tg, &g)) != WEFT_OK)
		return e;
	return act_may_change(&req->actor.grants, req->actor.acting_id, m->id,
	    g, takeover, why);
}

void
member_fill(struct tmpl_dict *d, const struct request *req,
    const struct member *m)
{
	struct scope	 sc;
	int		 i;

	member_scope(m, &sc);
	tmpl_set_int(d, "MEMBER_ID", m->id);
	tmpl_set(d, "MEMBER_USERNAME", m->username);
	tmpl_set(d, "MEMBER_NAME", m->name);
	tmpl_set(d, "MEMBER_STATUS", member_status_keys[m->status]);
	tmpl_show(d, m->status == MEMBER_APPLYING ? "MEMBER_APPLYING" :
	    m->status == MEMBER_APPROVED ? "MEMBER_APPROVED" :
	    "MEMBER_DISABLED");
	/* In words, by the language's own name (issue 18). */
	tmpl_set(d, "MEMBER_LANG", i18n_lang_name(m->lang));
	tmpl_set(d, "MEMBER_ABOUT", m->about);
	tmpl_set(d, "MEMBER_COMMUNITY", m->community_name[0] ?
	    m->community_name : "—");
	tmpl_set_int(d, "MEMBER_COMMUNITY_ID", m->community);
	i18n_set_date(d, "MEMBER_JOINED", app_lang(req), m->joined_at);
	i18n_set_date(d, "MEMBER_APPROVED_AT", app_lang(req),
	    m->approved_at[0] ? m->approved_at : "—");
	if (m->last_login_at[0])
		i18n_set_date(d, "MEMBER_LAST_LOGIN", app_lang(req),
		    m->last_login_at);
	else
		tmpl_set(d, "MEMBER_LAST_LOGIN",
		    app_text(req, N_("members.field.never")));
	if (m->is_organisation)
		tmpl_show(d, "MEMBER_ORGANISATION");
	if (m->optout)
		tmpl_show(d, "MEMBER_OPTOUT");
	if (m->angel_mode)
		tmpl_show(d, "MEMBER_ANGEL_MODE");
	/* The site's lists (neighbourhood, county, affiliation). */
	if (lists_member_show(d, app_lang(req), m->lists) != WEFT_OK)
		log_msg(LOGL_WARN, "members: the lists of %lld", m->id);
	/* Rule 8: contact details and profile status only for those who
	 * may see them, over this member's scope. */
	if (role_allows(&req->actor.grants, PERM_MEMBER_CONTACT, &sc)) {
		tmpl_show(d, "MEMBER_CONTACT");
		tmpl_set(d, "MEMBER_EMAIL", m->email);
		tmpl_set(d, "MEMBER_PHONE", m->phone);
		tmpl_set(d, "MEMBER_ADDRESS", m->address);
	}
	if (role_allows(&req->actor.grants, PERM_MEMBER_EDIT, &sc)) {
		tmpl_show(d, "MEMBER_PROFILE_STATUS_SHOWN");
		i = util_lookup(profile_pstatus_keys, PSTATUS__MAX,
		    m->profile_status);
		tmpl_set(d, "MEMBER_PROFILE_STATUS", i >= 0 ? app_text(req,
		    profile_pstatus_labels[i]) : m->profile_status);
	}
}

void
member_json(struct buf *b, const struct member *m)
{
	buf_printf(b, "{\"id\":%lld,\"username\":", m->id);
	buf_json_str(b, m->username);
	buf_puts(b, ",\"name\":");
	buf_json_str(b, m->name);
	buf_puts(b, ",\"status\":");
	buf_json_str(b, member_status_keys[m->status]);
	buf_printf(b, ",\"community\":%lld,\"optout\":%d,\"angel_mode\":%d}",
	    m->community, m->optout, m->angel_mode);
}
