/*
 * Posting, editing, renewing and deleting offers and requests (issue 4,
 * "Offers and requests").  Who may: the owner, or who acts for them
 * (act.h: a guardian angel with the mode on, an organisation's manager);
 * or a coordinator with ad.post_for / ad.edit / ad.delete over the ad's
 * scope (ads_target, rule 2).  Writes done for someone else are audited
 * in the same transaction (rule 6).  Bad input re-renders the form with
 * 422 and saves nothing.
 */
#include <stdio.h>
#include <string.h>

#include "ads.h"
#include "audit.h"
#include "buf.h"
#include "db.h"
#include "form.h"
#include "lists.h"
#include "log.h"
#include "settings.h"
#include "util.h"
#include "valid.h"

/* `for` comes last: only a new ad has an owner to choose.  The
 * community is "" (none), "own" (the owner's) or an id. */
enum { A_KIND, A_TITLE, A_DESCRIPTION, A_CATEGORY, A_COMMUNITY, A_EXPIRES,
    A_FOR, A__MAX };
static const struct form_field ads_fields[A__MAX] = {
	[A_KIND] = { "kind", FORM_CHOICE, 1, 1, 16,
	    FORM_CHOICES(ad_kind_keys), .refusal = N_("ads.error.kind") },
	[A_TITLE] = { "title", FORM_TEXT, 1, 1, AD_TITLE_MAX },
	[A_DESCRIPTION] = { "description", FORM_MULTILINE, 0, 0, AD_DESC_MAX },
	[A_CATEGORY] = { "category", FORM_ID, 1, 0, 0 },
	[A_COMMUNITY] = { "community", FORM_TEXT, 0, 0, 20 },
	[A_EXPIRES] = { "expires_on", FORM_DATE, 1, 0, 0 },
	[A_FOR] = { "for", FORM_USERNAME, 0, 0, 0 },
};

/* Whose a new ad is, and how the actor reaches them. */
struct ads_owner {
	long long	 id;
	long long	 community;	/* theirs; 0: none */
	enum act_as	 as;		/* ACT_NONE: through ad.post_for */
	int		 known;		/* 0: `for` names nobody usable */
};

/* What the form shows as chosen. */
struct ads_choice {
	const char	*kind;		/* "offer", "request" or "" */
	long long	 category;
	const char	*community;	/* "", "own" or an id */
};

static const char *
ads_str(const char *s)
{
	return s != NULL ? s : "";
}

/* The audit row's community: the scope's, 0 for site. */
static long long
ads_audit_community(const struct ad *ad)
{
	struct scope	 sc;

	ad_scope(ad, &sc);
	return sc.kind == SCOPE_COMMUNITY ? sc.community : 0;
}

/*
 * The Community Timebank select.  A new ad offers "own" (the owner's own
 * community, whoever the owner turns out to be) and none; an edited one
 * its owner's community and its current one.  Both add the communities
 * where the actor may put ads (member.community).
 */
static enum weft_err
ads_community_options(struct request *req, struct tmpl_dict *d,
    const struct ad *ad, const char *selected)
{
	struct db_rows		*r = NULL;
	struct scope		 sc;
	enum weft_err		 e;
	long long		 id;

	if (selected[0] == '\0')
		tmpl_show(d, "COMMUNITY_NONE_SELECTED");
	else if (strcmp(selected, "own") == 0)
		tmpl_show(d, "COMMUNITY_OWN_SELECTED");
	if ((e = db_query(&r, "SELECT id, name FROM communities"
	    " ORDER BY name, id", "")) != WEFT_OK)
		return e;
	while (db_next(r)) {
		id = db_int(r, 0);
		ads_scope_of(id, 0, &sc);
		if (!role_allows(&req->actor.grants, PERM_MEMBER_COMMUNITY,
		    &sc) && (ad == NULL || (id != ad->owner_community &&
		    id != ad->community_id)))
			continue;
		form_option(d, "COMMUNITY_OPTION", db_str(r, 0), db_str(r, 1),
		    strcmp(selected, db_str(r, 0)) == 0);
	}
	db_rows_free(r);
	return WEFT_OK;
}

/* The date bounds for the date input; *def gets the default expiry of a
 * new ad (the site setting ad_renewal_days).  All in the database's UTC dates, the same
 * clock that decides what has expired. */
static enum weft_err
ads_dates(struct tmpl_dict *d, char *def, size_t deflen)
{
	struct db_rows	*r = NULL;
	enum weft_err	 e;

	if ((e = db_query(&r, "SELECT UTC_DATE() + INTERVAL 1 DAY,"
	    " UTC_DATE() + INTERVAL 1 YEAR, UTC_DATE() + INTERVAL ? DAY", "i",
	    settings_int(SETTING_AD_RENEWAL_DAYS))) != WEFT_OK)
		return e;
	if (db_next(r)) {
		tmpl_set(d, "MIN_DATE", db_str(r, 0));
		tmpl_set(d, "MAX_DATE", db_str(r, 1));
		snprintf(def, deflen, "%s", ads_str(db_str(r, 2)));
	}
	db_rows_free(r);
	return WEFT_OK;
}

/*
 * The `for` field of a new ad, shown to those who may post for someone:
 * holders of ad.post_for, guardian angels and organisation managers (the
 * rows are candidates only; ads_new_owner() decides with act_for()), and
 * whenever a value was sent, so that its message shows.
 */
static enum weft_err
ads_show_for(struct request *req, struct tmpl_dict *d, const char *v)
{
	long long	 n = 0;
	enum weft_err	 e;

	if (!role_allows_somewhere(&req->actor.grants, PERM_AD_POST_FOR) &&
	    v[0] == '\0') {
		if ((e = db_query_int(&n, "SELECT EXISTS (SELECT 1 FROM"
		    " guardian_angels WHERE angel_id = ?) OR EXISTS (SELECT 1"
		    " FROM org_managers WHERE manager_id = ?)", "ii",
		    req->actor.acting_id, req->actor.acting_id)) != WEFT_OK)
			return e;
		if (n == 0)
			return WEFT_OK;
	}
	tmpl_show(d, "FOR_FIELD");
	return WEFT_OK;
}

/* The form page, new (ad NULL: for_user is the `for` sent, "" for
 * none) or edit, with the selects filled. */
static struct tmpl_dict *
ads_form_page(struct request *req, const struct ad *ad,
    const struct ads_choice *c, const char *for_user, char *def,
    size_t deflen)
{
	struct tmpl_dict	*d;
	char			 action[64];

	if ((d = app_page(req, "exchanges/ads_form.tpl", app_text(req,
	    ad != NULL ? N_("ads.title.edit") : N_("ads.title.new")))) == NULL)
		return NULL;
	if (ad != NULL) {
		snprintf(action, sizeof(action), "/ads/%lld/edit", ad->id);
		ad_fill(tmpl_section(d, "EDIT"), req, ad);
	} else {
		snprintf(action, sizeof(action), "/ads/new");
		tmpl_show(d, "NEW");
		if (ads_show_for(req, d, for_user) != WEFT_OK)
			return NULL;
	}
	tmpl_set(d, "ACTION", action);
	if (strcmp(c->kind, "offer") == 0)
		tmpl_show(d, "KIND_OFFER_CHECKED");
	else if (strcmp(c->kind, "request") == 0)
		tmpl_show(d, "KIND_REQUEST_CHECKED");
	if (ads_category_options(d, c->category, ad != NULL ?
	    ad->category_id : 0) != WEFT_OK ||
	    ads_community_options(req, d, ad, c->community) != WEFT_OK ||
	    ads_dates(d, def, deflen) != WEFT_OK)
		return NULL;
	return d;
}

/* The choices as submitted, for re-rendering a POSTed form. */
static void
ads_choice_posted(const struct form_value *v, struct ads_choice *c)
{
	c->kind = v[A_KIND].str;
	c->category = v[A_CATEGORY].set ? v[A_CATEGORY].id : 0;
	c->community = v[A_COMMUNITY].str;
}

/*
 * May the ad go in community c (0: none)?  old is the ad's community
 * before (-1: a new ad).  Unchanged is always fine.  A new ad, and the
 * owner (or who acts for them) editing theirs, may be in the owner's own
 * community or none.  Anything else is a coordinator's decision:
 * member.community over the old scope and the new one.
 */
static int
ads_community_allowed(const struct request *req, enum act_as as,
    long long owner_comm, long long old, long long c)
{
	struct scope	 sn, so;

	if (c == old)
		return 1;
	if ((old < 0 || as != ACT_NONE) && (c == 0 || c == owner_comm))
		return 1;
	ads_scope_of(c, owner_comm, &sn);
	if (!role_allows(&req->actor.grants, PERM_MEMBER_COMMUNITY, &sn))
		return 0;
	if (old < 0)
		return 1;
	ads_scope_of(old, owner_comm, &so);
	return role_allows(&req->actor.grants, PERM_MEMBER_COMMUNITY, &so);
}

/* The community field ("" none, "own" the owner's, or an id): sets *c;
 * returns 1 if fine, 0 if the field is marked invalid, -1 on a database
 * error. */
static int
ads_check_community(struct request *req, struct tmpl_dict *d,
    const struct ad *ad, const struct ads_owner *o, const char *v,
    long long *c)
{
	long long	 n;

	*c = 0;
	if (strcmp(v, "own") == 0)
		*c = o->community;
	else if (v[0] != '\0' && valid_id(v, c) != VALID_OK) {
		form_error(d, "community",
		    app_text(req, valid_err_keys[VALID_FORMAT]));
		return 0;
	}
	if (*c > 0) {
		if (db_query_int(&n, "SELECT COUNT(*) FROM communities"
		    " WHERE id = ?", "i", *c) != WEFT_OK)
			return -1;
		if (n == 0) {
			form_error(d, "community",
			    app_text(req, valid_err_keys[VALID_RANGE]));
			return 0;
		}
	}
	if (!ads_community_allowed(req, o->as, o->community,
	    ad != NULL ? ad->community_id : -1, *c)) {
		form_error(d, "community", app_text(req,
		    N_("ads.error.community")));
		return 0;
	}
	return 1;
}

/*
 * What the field table cannot check: an active category (or the ad's
 * own), the community, and an expiry after today and at most a year
 * ahead (an edit may keep the ad's date).  Fields the form refused are
 * not checked again.  Returns how many are invalid, or -1 on a database
 * error.
 */
static int
ads_form_check(struct request *req, struct tmpl_dict *d, const struct ad *ad,
    const struct ads_owner *o, const struct form_value *v,
    long long *community)
{
	const char	*exp = v[A_EXPIRES].str;
	long long	 cat, n;
	int		 bad = 0, ok;

	*community = 0;
	if (v[A_CATEGORY].set) {
		cat = v[A_CATEGORY].id;
		if ((n = lists_ok(LIST_CATEGORY, cat, ad != NULL ?
		    ad->category_id : 0)) < 0)
			return -1;
		if (n == 0) {
			form_error(d, "category", app_text(req,
			    N_("ads.error.category")));
			bad++;
		}
	}
	if (o->known) {
		if ((ok = ads_check_community(req, d, ad, o,
		    v[A_COMMUNITY].str, community)) == -1)
			return -1;
		bad += !ok;
	}
	if (v[A_EXPIRES].set &&
	    (ad == NULL || strcmp(exp, ad->expires_on) != 0)) {
		if (db_query_int(&n, "SELECT ? > UTC_DATE() AND"
		    " ? <= UTC_DATE() + INTERVAL 1 YEAR", "ss", exp, exp) !=
		    WEFT_OK)
			return -1;
		if (n == 0) {
			form_error(d, "expires_on", app_text(req,
			    N_("ads.error.expires")));
			bad++;
		}
	}
	return bad;
}

/* ---- post ---------------------------------------------------------- */

/*
 * Whose new ad this is: the acting member's, or the member `for` names
 * when the actor acts for them (act_for) or holds ad.post_for over their
 * scope.  Returns 0 with *o filled, and *why a phrase key when `for`
 * deserves a field message; or the status to answer.  Rule 1: without
 * ad.post_for site-wide, an unknown username is the same 403 as one out
 * of scope.
 */
static int
ads_new_owner(struct request *req, const struct form_value *f,
    struct ads_owner *o, const char **why)
{
	static const struct scope site = { SCOPE_SITE, 0, "" };
	const char	*u = f->str;
	struct db_rows	*r = NULL;
	struct scope	 sc;
	enum weft_err	 e;
	int		 approved;

	*why = NULL;
	o->id = req->actor.acting_id;
	o->community = req->actor.community;
	o->as = ACT_SELF;
	o->known = 1;
	if (u[0] == '\0' || strcmp(u, req->actor.username) == 0)
		return 0;
	o->known = 0;
	if (!f->set)
		return 0;	/* the form says why */
	if ((e = db_query(&r, "SELECT id, COALESCE(community_id, 0),"
	    " status = 'approved' FROM members WHERE username = ?", "s",
	    u)) != WEFT_OK)
		return app_status_of(e);
	if (!db_next(r)) {
		db_rows_free(r);
		if (!role_allows(&req->actor.grants, PERM_AD_POST_FOR, &site))
			return 403;
		*why = N_("ads.error.for_unknown");
		return 0;
	}
	o->id = db_int(r, 0);
	o->community = db_int(r, 1);
	approved = db_int(r, 2) != 0;
	db_rows_free(r);
	if ((e = act_for(&req->actor, o->id, &o->as)) != WEFT_OK)
		return app_status_of(e);
	ads_scope_of(0, o->community, &sc);
	if (o->as == ACT_NONE &&
	    !role_allows(&req->actor.grants, PERM_AD_POST_FOR, &sc))
		return 403;
	if (!approved)
		*why = N_("ads.error.for_status");
	else
		o->known = 1;
	return 0;
}

int
ads_new_form(struct request *req)
{
	struct ads_choice	 c = { "", 0, "own" };
	struct form_value	 v[A__MAX];
	struct tmpl_dict	*d;
	char			 def[16] = "";

	/* A link may name whose the ad is (?for=username). */
	(void)form_read(ads_fields, A__MAX, &req->query, app_lang(req), NULL,
	    v);
	if ((d = ads_form_page(req, NULL, &c, v[A_FOR].str, def,
	    sizeof(def))) == NULL)
		return 500;
	tmpl_set(d, "EXPIRES_ON", def);
	if (v[A_FOR].set)
		tmpl_set(d, "FOR", v[A_FOR].str);
	return app_render(req, 200);
}

/* The new ad and, when posted for someone else, its audit row: one
 * transaction. */
static enum weft_err
ads_insert(struct request *req, const struct ads_owner *o,
    const struct form_value *v, long long community, long long *id)
{
	struct ad	 after;
	struct buf	 js;
	enum weft_err	 e;

	if ((e = db_begin()) != WEFT_OK)
		return e;
	buf_init(&js);
	if ((e = db_exec("INSERT INTO ads (member_id, kind, title,"
	    " description, category_id, community_id, expires_on, status,"
	    " created_by, created_as, created_at, updated_at) VALUES"
	    " (?, ?, ?, ?, ?, NULLIF(?, 0), ?, 'active', ?, ?,"
	    " UTC_TIMESTAMP(), UTC_TIMESTAMP())", "isssiisii", o->id,
	    v[A_KIND].str, v[A_TITLE].str, v[A_DESCRIPTION].str,
	    v[A_CATEGORY].id, community, v[A_EXPIRES].str,
	    req->actor.member_id, req->actor.acting_id)) != WEFT_OK)
		goto err;
	*id = db_insert_id();
	if (ads_on_behalf(req, o->id)) {
		if ((e = ad_load(*id, 0, &after)) != WEFT_OK)
			goto err;
		ad_json(&js, &after);
		if (buf_failed(&js)) {
			e = WEFT_ERR_NOMEM;
			goto err;
		}
		if ((e = audit_write(&req->actor, "ad.create", "ad", *id,
		    ads_audit_community(&after), NULL, js.p)) != WEFT_OK)
			goto err;
	}
	buf_free(&js);
	return db_commit();
err:
	db_rollback();
	buf_free(&js);
	return e;
}

/* POST /ads/new. */
int
ads_new(struct request *req)
{
	struct form_value	 v[A__MAX];
	struct ads_owner	 o;
	struct ads_choice	 c;
	struct tmpl_dict	*d;
	const char		*why;
	char			 def[16], path[48];
	long long		 community, id;
	enum weft_err		 e;
	int			 st, bad;

	bad = (int)form_read(ads_fields, A__MAX, &req->form, app_lang(req),
	    NULL, v);
	if ((st = ads_new_owner(req, &v[A_FOR], &o, &why)) != 0)
		return st;
	ads_choice_posted(v, &c);
	if ((d = ads_form_page(req, NULL, &c, v[A_FOR].str, def,
	    sizeof(def))) == NULL)
		return 500;
	form_show(ads_fields, A__MAX, v, app_lang(req), d);
	if (why != NULL) {
		form_error(d, "for", app_text(req, why));
		bad++;
	}
	if ((st = ads_form_check(req, d, NULL, &o, v, &community)) == -1)
		return 500;
	if (bad + st > 0)
		return app_render(req, 422);
	if ((e = ads_insert(req, &o, v, community, &id)) != WEFT_OK)
		return app_status_of(e);
	snprintf(path, sizeof(path), "/ads/%lld", id);
	return app_redirect(req, path, N_("ads.flash.posted"));
}

/* ---- edit ---------------------------------------------------------- */

int
ads_edit_form(struct request *req)
{
	struct ad		 ad;
	struct ads_choice	 c;
	struct tmpl_dict	*d;
	enum act_as		 as;
	char			 def[16], comm[24];
	int			 st;

	if ((st = ads_target(req, PERM_AD_EDIT, 0, &ad, &as)) != 0)
		return st;
	if (ad.deleted)
		return app_error(req, 409, app_text(req, N_("ads.error.deleted")));
	snprintf(comm, sizeof(comm), "%lld", ad.community_id);
	c.kind = ad_kind_keys[ad.kind];
	c.category = ad.category_id;
	c.community = ad.community_id > 0 ? comm : "";
	if ((d = ads_form_page(req, &ad, &c, "", def, sizeof(def))) == NULL)
		return 500;
	tmpl_set(d, "TITLE", ad.title);
	tmpl_set(d, "DESCRIPTION", ad.description);
	tmpl_set(d, "EXPIRES_ON", ad.expires_on);
	return app_render(req, 200);
}

/* Writes the audit row of a change to ad (re-read as it now is) when it
 * was made for someone else. */
static enum weft_err
ads_audit_change(struct request *req, const char *action,
    const struct ad *before)
{
	struct ad	 after;
	struct buf	 b, a;
	enum weft_err	 e;

	if (!ads_on_behalf(req, before->member_id))
		return WEFT_OK;
	if ((e = ad_load(before->id, 0, &after)) != WEFT_OK)
		return e;
	buf_init(&b);
	buf_init(&a);
	ad_json(&b, before);
	ad_json(&a, &after);
	if (buf_failed(&b) || buf_failed(&a))
		e = WEFT_ERR_NOMEM;
	else
		e = audit_write(&req->actor, action, "ad", before->id,
		    ads_audit_community(&after), b.p, a.p);
	buf_free(&b);
	buf_free(&a);
	return e;
}

/*
 * Opens the transaction of a change to the path's ad and reads the ad
 * locked (ads_target: perm over its scope, or acting for its owner), so
 * that a concurrent change of its community cannot slip past the scope
 * check.  Returns 0 inside the transaction, else the status to answer,
 * rolled back.
 */
static int
ads_lock(struct request *req, enum perm perm, struct ad *ad,
    enum act_as *as)
{
	enum weft_err	 e;
	int		 st;

	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	if ((st = ads_target(req, perm, 1, ad, as)) != 0)
		db_rollback();
	return st;
}

/* One statement on the locked ad (its id the only parameter), the audit
 * row, the commit; rolled back on error. */
static enum weft_err
ads_change(struct request *req, const char *sql, const char *action,
    const struct ad *ad)
{
	enum weft_err	 e;

	if ((e = db_exec(sql, "i", ad->id)) != WEFT_OK ||
	    (e = ads_audit_change(req, action, ad)) != WEFT_OK) {
		db_rollback();
		return e;
	}
	return db_commit();
}

/* Saves a checked edit: the UPDATE and its audit row; commits. */
static enum weft_err
ads_update(struct request *req, const struct ad *ad,
    const struct form_value *v, long long community)
{
	enum weft_err	 e;

	if ((e = db_exec("UPDATE ads SET kind = ?, title = ?,"
	    " description = ?, category_id = ?, community_id = NULLIF(?, 0),"
	    " expires_on = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?",
	    "sssiisi", v[A_KIND].str, v[A_TITLE].str, v[A_DESCRIPTION].str,
	    v[A_CATEGORY].id, community, v[A_EXPIRES].str, ad->id)) !=
	    WEFT_OK ||
	    (e = ads_audit_change(req, "ad.edit", ad)) != WEFT_OK) {
		db_rollback();
		return e;
	}
	return db_commit();
}

/* POST /ads/:id/edit.  The ad is locked from the check to the write, so
 * a concurrent change of its community cannot slip past the scope
 * check. */
int
ads_edit(struct request *req)
{
	struct form_value	 v[A__MAX];
	struct ad		 ad;
	struct ads_owner	 o;
	struct ads_choice	 c;
	struct tmpl_dict	*d;
	enum act_as		 as;
	enum weft_err		 e;
	char			 def[16], path[48];
	long long		 community;
	int			 st, bad;

	if ((st = ads_lock(req, PERM_AD_EDIT, &ad, &as)) != 0)
		return st;
	if (ad.deleted) {
		db_rollback();
		return app_error(req, 409, app_text(req, N_("ads.error.deleted")));
	}
	o.id = ad.member_id;
	o.community = ad.owner_community;
	o.as = as;
	o.known = 1;
	/* Without `for`: an ad's owner stays. */
	bad = (int)form_read(ads_fields, A_FOR, &req->form, app_lang(req),
	    NULL, v);
	ads_choice_posted(v, &c);
	st = 500;
	if ((d = ads_form_page(req, &ad, &c, "", def, sizeof(def))) == NULL)
		goto refuse;
	form_show(ads_fields, A_FOR, v, app_lang(req), d);
	if ((st = ads_form_check(req, d, &ad, &o, v, &community)) == -1) {
		st = 500;
		goto refuse;
	}
	if (bad + st > 0) {
		db_rollback();
		return app_render(req, 422);
	}
	if ((e = ads_update(req, &ad, v, community)) != WEFT_OK)
		return app_status_of(e);
	snprintf(path, sizeof(path), "/ads/%lld", ad.id);
	return app_redirect(req, path, N_("ads.flash.saved"));
refuse:
	db_rollback();
	return st;
}

/* ---- renew and delete ---------------------------------------------- */

/* Where to go after renewing or deleting: the owner's list for the
 * owner and those acting for them, else the ad (or, once deleted, the
 * coordinators' list). */
static int
ads_done(struct request *req, const struct ad *ad, enum act_as as,
    int deleted, const char *flash)
{
	char	 path[48];

	if (as != ACT_NONE)
		return app_redirect(req, "/ads/mine", flash);
	if (deleted)
		return app_redirect(req, role_allows_somewhere(
		    &req->actor.grants, PERM_AD_LIST) ? "/ads/manage" : "/ads",
		    flash);
	snprintf(path, sizeof(path), "/ads/%lld", ad->id);
	return app_redirect(req, path, flash);
}

/*
 * POST /ads/:id/renew: three more months from today or from the current
 * expiry, whichever is later, never beyond a year from today (the limit
 * of the form).  Renewing is editing: ad.edit for coordinators.
 */
int
ads_renew(struct request *req)
{
	struct ad	 ad;
	enum act_as	 as;
	enum weft_err	 e;
	int		 st;

	if ((st = ads_lock(req, PERM_AD_EDIT, &ad, &as)) != 0)
		return st;
	if (ad.deleted) {
		db_rollback();
		return app_error(req, 409, app_text(req, N_("ads.error.deleted")));
	}
	if ((e = ads_change(req, "UPDATE ads SET expires_on = LEAST("
	    "GREATEST(expires_on, UTC_DATE()) + INTERVAL 3 MONTH,"
	    " UTC_DATE() + INTERVAL 1 YEAR), updated_at = UTC_TIMESTAMP()"
	    " WHERE id = ?", "ad.renew", &ad)) != WEFT_OK)
		return app_status_of(e);
	return ads_done(req, &ad, as, 0, N_("ads.flash.renewed"));
}

/* POST /ads/:id/delete: a soft delete.  Deleting a deleted ad (a double
 * click) changes nothing and says it is done. */
int
ads_delete(struct request *req)
{
	struct ad	 ad;
	enum act_as	 as;
	enum weft_err	 e;
	int		 st;

	if ((st = ads_lock(req, PERM_AD_DELETE, &ad, &as)) != 0)
		return st;
	if (ad.deleted) {
		db_rollback();
		return ads_done(req, &ad, as, 1, N_("ads.flash.deleted"));
	}
	if ((e = ads_change(req, "UPDATE ads SET status = 'deleted',"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?", "ad.delete", &ad)) !=
	    WEFT_OK)
		return app_status_of(e);
	log_msg(LOGL_INFO, "ad %lld deleted", ad.id);
	return ads_done(req, &ad, as, 1, N_("ads.flash.deleted"));
}
