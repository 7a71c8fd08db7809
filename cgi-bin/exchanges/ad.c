/*
 * One ad: loading it, its scope (docs/authorization.md rule 2), who may
 * act on it, and its fields for templates and for the audit log.
 */
#include <stdio.h>
#include <string.h>

#include "ads.h"
#include "audit.h"
#include "buf.h"
#include "db.h"
#include "form.h"
#include "i18n_conv.h"
#include "lists.h"
#include "util.h"

const char *const ad_kind_keys[AD_KIND__MAX] = {
	"offer",
	"request",
};

const char *const ad_kind_phrases[AD_KIND__MAX] = {
	N_("ads.kind.offer"),
	N_("ads.kind.request"),
};

int
ad_kind_parse(const char *s, enum ad_kind *out)
{
	int	 i;

	if ((i = util_lookup(ad_kind_keys, AD_KIND__MAX, s)) == -1)
		return -1;
	*out = (enum ad_kind)i;
	return 0;
}

/*
 * The owner is read only for what this area may read of members (id,
 * name, username, community).  The lock, when asked for, is taken by a
 * statement of its own so that it holds the ad's row only, not the
 * owner's, category's or community's rows a locking join would also
 * lock; the read after it sees the latest committed row (the connection
 * runs READ COMMITTED).
 */
enum weft_err
ad_load(long long id, int for_update, struct ad *ad)
{
	static const char lock_sql[] =
	    "SELECT id FROM ads WHERE id = ? FOR UPDATE";
	static const char sql[] =
	    "SELECT a.id, a.member_id, a.kind, a.title, a.description,"
	    " a.category_id, c.name, COALESCE(a.community_id, 0),"
	    " COALESCE(ac.name, ''), COALESCE(m.community_id, 0),"
	    " m.username, m.name, a.expires_on, a.expires_on < UTC_DATE(),"
	    " a.status = 'deleted', a.created_at, a.updated_at"
	    " FROM ads a JOIN members m ON m.id = a.member_id"
	    " JOIN categories c ON c.id = a.category_id"
	    " LEFT JOIN communities ac ON ac.id = a.community_id"
	    " WHERE a.id = ?";
	struct db_rows	*r = NULL;
	enum weft_err	 e;
	long long	 found;

	memset(ad, 0, sizeof(*ad));
	if (for_update && (e = db_query_int(&found, lock_sql, "i", id)) !=
	    WEFT_OK)
		return e;
	if ((e = db_query(&r, sql, "i", id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	ad->id = db_int(r, 0);
	ad->member_id = db_int(r, 1);
	if (ad_kind_parse(db_str(r, 2), &ad->kind) != 0)
		ad->kind = AD_OFFER;
	util_copy(ad->title, sizeof(ad->title), db_str(r, 3));
	util_copy(ad->description, sizeof(ad->description), db_str(r, 4));
	ad->category_id = db_int(r, 5);
	util_copy(ad->category, sizeof(ad->category), db_str(r, 6));
	ad->community_id = db_int(r, 7);
	util_copy(ad->community, sizeof(ad->community), db_str(r, 8));
	ad->owner_community = db_int(r, 9);
	util_copy(ad->owner_username, sizeof(ad->owner_username),
	    db_str(r, 10));
	util_copy(ad->owner_name, sizeof(ad->owner_name), db_str(r, 11));
	util_copy(ad->expires_on, sizeof(ad->expires_on), db_str(r, 12));
	ad->expired = db_int(r, 13) != 0;
	ad->deleted = db_int(r, 14) != 0;
	util_copy(ad->created_at, sizeof(ad->created_at), db_str(r, 15));
	util_copy(ad->updated_at, sizeof(ad->updated_at), db_str(r, 16));
	db_rows_free(r);
	return WEFT_OK;
}

void
ads_scope_of(long long community, long long owner_community,
    struct scope *out)
{
	scope_of_community(community > 0 ? community : owner_community, out);
}

void
ad_scope(const struct ad *ad, struct scope *out)
{
	ads_scope_of(ad->community_id, ad->owner_community, out);
}

int
ads_reach(const struct request *req, enum perm perm, const struct ad *ad,
    enum act_as *as)
{
	struct scope	 sc;

	if (act_for(&req->actor, ad->member_id, as) != WEFT_OK)
		return -1;
	if (*as != ACT_NONE)
		return 1;
	ad_scope(ad, &sc);
	return role_allows(&req->actor.grants, perm, &sc);
}

int
ads_target(struct request *req, enum perm perm, int for_update,
    struct ad *ad, enum act_as *as)
{
	long long	 id = app_param_id(req, 0);
	enum weft_err	 e;
	int		 st, ok;

	*as = ACT_NONE;
	e = id > 0 ? ad_load(id, for_update, ad) : WEFT_ERR_NOTFOUND;
	if ((st = app_target_status(req, perm, e)) != 0)
		return st;
	if ((ok = ads_reach(req, perm, ad, as)) == -1)
		return 500;
	return ok ? 0 : 403;
}

int
ads_on_behalf(const struct request *req, long long owner_id)
{
	return audit_on_behalf(&req->actor, owner_id);
}

void
ad_json(struct buf *b, const struct ad *ad)
{
	buf_printf(b, "{\"id\":%lld,\"member\":%lld,\"kind\":", ad->id,
	    ad->member_id);
	buf_json_str(b, ad_kind_keys[ad->kind]);
	buf_puts(b, ",\"title\":");
	buf_json_str(b, ad->title);
	buf_puts(b, ",\"description\":");
	buf_json_str(b, ad->description);
	buf_printf(b, ",\"category\":%lld,\"community\":%lld,"
	    "\"expires_on\":", ad->category_id, ad->community_id);
	buf_json_str(b, ad->expires_on);
	buf_puts(b, ",\"status\":");
	buf_json_str(b, ad->deleted ? "deleted" : "active");
	buf_puts(b, "}");
}

void
ad_fill(struct tmpl_dict *d, const struct request *req, const struct ad *ad)
{
	tmpl_set_int(d, "AD_ID", ad->id);
	tmpl_set(d, "AD_KIND", app_text(req, ad_kind_phrases[ad->kind]));
	tmpl_show(d, ad->kind == AD_OFFER ? "AD_OFFER" : "AD_REQUEST");
	tmpl_set(d, "AD_TITLE", ad->title);
	tmpl_lines(d, "AD_LINE", "LINE", ad->description);
	tmpl_set(d, "AD_CATEGORY", ad->category);
	tmpl_set(d, "AD_COMMUNITY", ad->community_id > 0 ? ad->community :
	    "—");
	tmpl_set(d, "AD_OWNER_NAME", ad->owner_name);
	tmpl_set(d, "AD_OWNER_USERNAME", ad->owner_username);
	/* Dates as the reader's language writes them: the form's date
	 * input is EXPIRES_ON, in ISO (ads_form.c). */
	i18n_set_date(d, "AD_EXPIRES_ON", app_lang(req), ad->expires_on);
	i18n_set_date(d, "AD_CREATED_AT", app_lang(req), ad->created_at);
	i18n_set_date(d, "AD_UPDATED_AT", app_lang(req), ad->updated_at);
	if (ad->deleted)
		tmpl_show(d, "AD_DELETED");
	else if (ad->expired)
		tmpl_show(d, "AD_EXPIRED");
}

enum weft_err
ads_category_options(struct tmpl_dict *d, long long selected, long long keep)
{
	/* The site's list of categories, named in the page's language. */
	return lists_options(d, "CATEGORY_OPTION", LIST_CATEGORY,
	    tmpl_page_lang(d), selected, keep);
}
