/*
 * The application panel of a member's profile (docs/site.md, "Member
 * signup"): what the application form asked beside the profile (date of
 * birth, how they heard about the timebank, the terms accepted) and the
 * answers to the site's custom questions, each with the question as it
 * was asked.  Shown to those who may approve the member (member.approve
 * in the member's scope), never to other members.
 */
#include "db.h"
#include "i18n_conv.h"
#include "members.h"

enum weft_err
members_application_panel(struct tmpl_dict *d, struct request *req,
    const struct member *m)
{
	struct tmpl_dict	*p = NULL, *s;
	struct db_rows		*r = NULL;
	struct scope		 sc;
	enum weft_err		 e;

	member_scope(m, &sc);
	if (!role_allows(&req->actor.grants, PERM_MEMBER_APPROVE, &sc))
		return WEFT_OK;
	if ((e = db_query(&r, "SELECT COALESCE(DATE_FORMAT(birth_date,"
	    " '%Y-%m-%d'), ''), heard_about, COALESCE(DATE_FORMAT("
	    "terms_accepted_at, '%Y-%m-%d %H:%i:%s'), '') FROM members"
	    " WHERE id = ?", "i", m->id)) != WEFT_OK)
		return e;
	if (db_next(r) && (db_str(r, 0)[0] != '\0' || db_str(r, 1)[0] !=
	    '\0' || db_str(r, 2)[0] != '\0')) {
		p = tmpl_include(d, "APPLICATION_PANEL",
		    "members/application_panel.tpl");
		if (db_str(r, 0)[0] != '\0')
			i18n_set_date(tmpl_section(p, "BIRTH_DATE"), "VALUE",
			    tmpl_page_lang(d), db_str(r, 0));
		if (db_str(r, 1)[0] != '\0')
			tmpl_set(tmpl_section(p, "HEARD_ABOUT"), "VALUE",
			    db_str(r, 1));
		if (db_str(r, 2)[0] != '\0')
			i18n_set_date(tmpl_section(p, "TERMS"), "AT",
			    tmpl_page_lang(d), db_str(r, 2));
	}
	db_rows_free(r);
	if ((e = db_query(&r, "SELECT question, answer FROM member_answers"
	    " WHERE member_id = ? ORDER BY slot", "i", m->id)) != WEFT_OK)
		return e;
	while (db_next(r)) {
		if (p == NULL)
			p = tmpl_include(d, "APPLICATION_PANEL",
			    "members/application_panel.tpl");
		s = tmpl_section(p, "ANSWER");
		tmpl_set(s, "QUESTION", db_str(r, 0));
		tmpl_set(s, "ANSWER", db_str(r, 1));
	}
	db_rows_free(r);
	return WEFT_OK;
}
