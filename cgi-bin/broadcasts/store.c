/*
 * Loading a broadcast and checking its scope; the pieces every page of
 * the area shares (communities, the audience's size, the mail's text,
 * the merge fields, the audit's JSON).
 */
#include <stdio.h>
#include <string.h>

#include "broadcasts.h"
#include "db.h"
#include "markup.h"
#include "util.h"

const char *const bc_kind_keys[BC_KIND__MAX] = { "members", "coordinators" };
const char *const bc_state_keys[BC_STATE__MAX] = {
	"draft", "scheduled", "sent",
};
const char *const bc_status_keys[2] = { "approved", "applying" };
const char *const bc_org_keys[2] = { "orgs", "people" };

static const char bc_sql_lock[] =
    "SELECT id FROM broadcasts WHERE id = ? FOR UPDATE";
static const char bc_sql_load[] =
    "SELECT b.id, b.kind, b.state, COALESCE(b.community_id, 0), b.lang,"
    " b.f_status, b.f_role, b.f_lang, b.f_org,"
    " COALESCE(DATE_FORMAT(b.f_joined_from, '%Y-%m-%d'), ''),"
    " COALESCE(DATE_FORMAT(b.f_joined_to, '%Y-%m-%d'), ''),"
    " COALESCE(DATE_FORMAT(b.scheduled_at, '%Y-%m-%d %H:%i'), ''),"
    " COALESCE(b.scheduled_at <= UTC_TIMESTAMP(), 0),"
    " COALESCE(DATE_FORMAT(b.sent_at, '%Y-%m-%d %H:%i'), ''),"
    " b.recipients, b.created_by, m.name,"
    " DATE_FORMAT(b.created_at, '%Y-%m-%d %H:%i'), COALESCE(t.subject, '')"
    " FROM broadcasts b JOIN members m ON m.id = b.created_by"
    " LEFT JOIN broadcast_texts t ON t.broadcast_id = b.id"
    " AND t.lang = b.lang WHERE b.id = ?";

enum weft_err
bc_load(long long id, int for_update, struct bc *b)
{
	struct db_rows	*r;
	enum weft_err	 e;
	int		 k;

	memset(b, 0, sizeof(*b));
	if (for_update) {
		if ((e = db_query(&r, bc_sql_lock, "i", id)) != WEFT_OK)
			return e;
		k = db_next(r);
		db_rows_free(r);
		if (!k)
			return WEFT_ERR_NOTFOUND;
	}
	if ((e = db_query(&r, bc_sql_load, "i", id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	b->id = db_int(r, 0);
	k = util_lookup(bc_kind_keys, BC_KIND__MAX, db_str(r, 1));
	b->kind = k < 0 ? BC_KIND_MEMBERS : (enum bc_kind)k;
	k = util_lookup(bc_state_keys, BC_STATE__MAX, db_str(r, 2));
	b->state = k < 0 ? BC_SENT : (enum bc_state)k;
	b->community = db_int(r, 3);
	util_copy(b->lang, sizeof(b->lang), db_str(r, 4));
	util_copy(b->f_status, sizeof(b->f_status), db_str(r, 5));
	util_copy(b->f_role, sizeof(b->f_role), db_str(r, 6));
	util_copy(b->f_lang, sizeof(b->f_lang), db_str(r, 7));
	b->f_org = (int)db_int(r, 8);
	util_copy(b->f_joined_from, sizeof(b->f_joined_from), db_str(r, 9));
	util_copy(b->f_joined_to, sizeof(b->f_joined_to), db_str(r, 10));
	util_copy(b->scheduled_at, sizeof(b->scheduled_at), db_str(r, 11));
	b->due = db_int(r, 12) != 0;
	util_copy(b->sent_at, sizeof(b->sent_at), db_str(r, 13));
	b->recipients = db_int(r, 14);
	b->created_by = db_int(r, 15);
	util_copy(b->author, sizeof(b->author), db_str(r, 16));
	util_copy(b->created_at, sizeof(b->created_at), db_str(r, 17));
	util_copy(b->subject, sizeof(b->subject), db_str(r, 18));
	db_rows_free(r);
	return WEFT_OK;
}

enum perm
bc_perm(enum bc_kind k)
{
	return k == BC_KIND_COORDINATORS ? PERM_BROADCAST_COORDINATORS :
	    PERM_BROADCAST_SEND;
}

int
bc_reach(const struct request *req, enum perm perm, long long community)
{
	struct scope	 sc;

	scope_of_community(community, &sc);
	return role_allows(&req->actor.grants, perm, &sc);
}

/*
 * Rule 1: the route's own permission decides between 404 and 403 for a
 * broadcast that does not exist; rule 2: one that does is reached through
 * its community, under the permission of its kind (the coordinators'
 * list needs broadcast.coordinators).
 */
int
bc_target(struct request *req, int for_update, struct bc *b)
{
	long long	 id = app_param_id(req, 0);
	enum weft_err	 e;
	int		 st;

	e = id > 0 ? bc_load(id, for_update, b) : WEFT_ERR_NOTFOUND;
	if ((st = app_target_status(req, PERM_BROADCAST_SEND, e)) != 0)
		return st;
	return bc_reach(req, bc_perm(b->kind), b->community) ? 0 : 403;
}

static const char bc_sql_communities[] =
    "SELECT id, name FROM communities ORDER BY name, id";

enum weft_err
bc_community_options(struct request *req, struct tmpl_dict *d,
    enum perm perm, long long selected)
{
	struct db_rows	*r;
	long long	 ids[BC_SCOPE_MAX];
	size_t		 n;
	int		 site;
	enum weft_err	 e;

	n = role_communities(&req->actor.grants, perm, &site, ids,
	    NELEM(ids));
	if ((e = db_query(&r, bc_sql_communities, "")) != WEFT_OK)
		return e;
	while (db_next(r))
		if (role_communities_has(db_int(r, 0), site, ids, n))
			form_option(d, "COMMUNITY_OPTION", db_str(r, 0),
			    db_str(r, 1), db_int(r, 0) == selected);
	db_rows_free(r);
	if (site)
		tmpl_show(d, "ALL_COMMUNITIES");
	return WEFT_OK;
}

static const char bc_sql_community[] =
    "SELECT name FROM communities WHERE id = ?";

enum weft_err
bc_community_name(long long id, char *out, size_t len)
{
	struct db_rows	*r;
	enum weft_err	 e;

	out[0] = '\0';
	if (id == 0)
		return WEFT_OK;
	if ((e = db_query(&r, bc_sql_community, "i", id)) != WEFT_OK)
		return e;
	if (db_next(r))
		util_copy(out, len, db_str(r, 0));
	db_rows_free(r);
	return WEFT_OK;
}

static const char bc_sql_count[] = "SELECT COUNT(*) " BC_AUDIENCE;
static const char bc_sql_count_coord[] = "SELECT COUNT(*) " BC_COORDINATORS;

enum weft_err
bc_audience_count(const struct bc *b, int optout, long long *n)
{
	if (b->kind == BC_KIND_COORDINATORS) {
		*n = 0;
		return optout ? WEFT_OK :
		    db_query_int(n, bc_sql_count_coord, "i", b->id);
	}
	return db_query_int(n, bc_sql_count, "ii", (long long)optout, b->id);
}

size_t
bc_body_text(struct buf *out, const char *body)
{
	return markup_render(out, MARKUP_TEXT, body, strlen(body), 2);
}

/* The first word of a name: {first_name}. */
static void
bc_first_name(struct buf *out, const char *name)
{
	size_t	 n;

	name += strspn(name, " ");
	n = strcspn(name, " ");
	buf_append(out, name, n);
}

/* The merge fields, as a broadcast's text writes them. */
static const char *const bc_merge_fields[] = {
	"{first_name}", "{name}", "{username}",
};

void
bc_merge_hint(struct tmpl_dict *d)
{
	tmpl_set(d, "MERGE_FIRST_NAME", bc_merge_fields[0]);
	tmpl_set(d, "MERGE_NAME", bc_merge_fields[1]);
	tmpl_set(d, "MERGE_USERNAME", bc_merge_fields[2]);
}

/* As the send's SQL does it: {first_name}, {name}, {username}, each
 * replaced wherever it is written. */
void
bc_merge(struct buf *out, const char *text, const char *name,
    const char *username)
{
	const char *const *fields = bc_merge_fields;
	size_t	 i, len;

	while (*text != '\0') {
		for (i = 0; i < NELEM(bc_merge_fields); i++) {
			len = strlen(fields[i]);
			if (strncmp(text, fields[i], len) == 0)
				break;
		}
		if (i == NELEM(bc_merge_fields)) {
			buf_append(out, text, 1);
			text++;
			continue;
		}
		if (i == 0)
			bc_first_name(out, name);
		else
			buf_puts(out, i == 1 ? name : username);
		text += len;
	}
}

void
bc_json(struct buf *b, const struct bc *bc)
{
	buf_printf(b, "{\"id\":%lld,\"kind\":\"%s\",\"state\":\"%s\","
	    "\"community\":%lld,\"lang\":", bc->id, bc_kind_keys[bc->kind],
	    bc_state_keys[bc->state], bc->community);
	buf_json_str(b, bc->lang);
	buf_puts(b, ",\"subject\":");
	buf_json_str(b, bc->subject);
	buf_puts(b, ",\"status\":");
	buf_json_str(b, bc->f_status);
	buf_puts(b, ",\"role\":");
	buf_json_str(b, bc->f_role);
	buf_puts(b, ",\"audience_lang\":");
	buf_json_str(b, bc->f_lang);
	buf_printf(b, ",\"org\":%d,\"joined_from\":", bc->f_org);
	buf_json_str(b, bc->f_joined_from);
	buf_puts(b, ",\"joined_to\":");
	buf_json_str(b, bc->f_joined_to);
	buf_puts(b, ",\"scheduled_at\":");
	buf_json_str(b, bc->scheduled_at);
	buf_printf(b, ",\"recipients\":%lld}", bc->recipients);
}

int
bc_time_ok(const char *s)
{
	return strlen(s) == 5 && s[2] == ':' && s[0] >= '0' && s[0] <= '2' &&
	    s[1] >= '0' && s[1] <= '9' && s[3] >= '0' && s[3] <= '5' &&
	    s[4] >= '0' && s[4] <= '9' && (s[0] < '2' || s[1] <= '3');
}

static const struct form_field bc_confirm_field[] = {
	[0] = { "confirm", FORM_BOOL, 0, 0, 0 },
};

int
bc_confirmed(struct request *req)
{
	struct form_value	 v[1];

	form_read(bc_confirm_field, 1, &req->form, app_lang(req), NULL, v);
	return v[0].on;
}
