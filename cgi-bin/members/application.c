/*
 * The application panel of a member's profile (docs/site.md, "Member
 * signup"): what the application form asked beside the profile (date of
 * birth, how they heard about the timebank, the terms accepted) and the
 * answers to the site's custom questions, each with the question as it
 * was asked.  Shown to those who may approve the member (member.approve
 * in the member's scope), never to other members.  An application that
 * was rejected or expired (sql/030_application_rejections.sql) says so
 * there too: when, by whom and why, and whether the applicant was told.
 */
#include <string.h>

#include "db.h"
#include "i18n_conv.h"
#include "members.h"

enum weft_err
members_rejection_write(const struct request *req, long long id,
    const char *kind, const char *reason, int mailed)
{
	/* A member rejected before, approved since and applying again has
	 * a row already: the last end of an application is the one kept
	 * here (the audit log keeps every one). */
	return db_exec("INSERT INTO member_rejections (member_id, kind,"
	    " reason, mailed, rejected_by) VALUES (?, ?, ?, ?, NULLIF(?, 0))"
	    " ON DUPLICATE KEY UPDATE kind = VALUES(kind), reason ="
	    " VALUES(reason), mailed = VALUES(mailed), rejected_by ="
	    " VALUES(rejected_by), rejected_at = UTC_TIMESTAMP()", "issii", id, kind, reason, (long long)(mailed != 0),
	    req->actor.member_id);
}

/* The REJECTION section of the panel p (made when NULL): the last end
 * of the member's application, when there was one. */
static enum weft_err
application_rejection(struct tmpl_dict *d, struct tmpl_dict **p,
    const struct member *m)
{
	struct tmpl_dict	*s, *b;
	struct db_rows		*r;
	enum weft_err		 e;

	if ((e = db_query(&r, "SELECT j.kind, DATE_FORMAT(j.rejected_at,"
	    " '%Y-%m-%d %H:%i:%s'), j.reason, j.mailed, COALESCE(b.name, ''),"
	    " COALESCE(b.id, 0) FROM member_rejections j LEFT JOIN members b"
	    " ON b.id = j.rejected_by WHERE j.member_id = ?", "i", m->id)) !=
	    WEFT_OK)
		return e;
	if (db_next(r)) {
		if (*p == NULL)
			*p = tmpl_include(d, "APPLICATION_PANEL",
			    "members/application_panel.tpl");
		s = tmpl_section(*p, "REJECTION");
		tmpl_show(s, strcmp(db_str(r, 0), "expired") == 0 ?
		    "EXPIRED" : "REJECTED");
		i18n_set_date(s, "AT", tmpl_page_lang(d), db_str(r, 1));
		if (db_str(r, 2)[0] != '\0')
			tmpl_set(tmpl_section(s, "REASON"), "TEXT",
			    db_str(r, 2));
		if (db_int(r, 5) != 0) {
			b = tmpl_section(s, "BY");
			tmpl_set(b, "NAME", db_str(r, 4));
			tmpl_set_int(b, "ID", db_int(r, 5));
		}
		tmpl_show(s, db_int(r, 3) ? "MAILED" : "NOT_MAILED");
	}
	db_rows_free(r);
	return WEFT_OK;
}

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
	return application_rejection(d, &p, m);
}
