/*
 * The coordinators' mailing list (broadcast.coordinators): a message to
 * every other coordinator, or to those of one role, whose scope meets the
 * writer's (docs/authorization.md, "Decisions for the areas still to
 * build"): a site writer reaches every coordinator, or those of one
 * community (theirs and the site-wide ones); a community writer, those
 * of their community and the site-wide ones.  It is kept as a broadcast
 * of kind "coordinators", sent at once (its page shows the progress),
 * one text in the writer's language.  Not list mail: coordinators'
 * opt-out from broadcasts does not apply to their own list.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "broadcasts.h"
#include "db.h"
#include "outbox.h"
#include "util.h"

enum { C_COMMUNITY, C_ROLE, C_SUBJECT, C_BODY, C__MAX };
static const struct form_field bc_coord_fields[C__MAX] = {
	[C_COMMUNITY] = { "community", FORM_ID, 0, 0, 0 },
	[C_ROLE] = { "role", FORM_CHOICE, 0, 0, 0, .choices = role_keys,
	    .nchoices = ROLE__MAX },
	[C_SUBJECT] = { "subject", FORM_TEXT, 1, 1, BC_SUBJECT_MAX },
	[C_BODY] = { "body", FORM_MULTILINE, 1, 1, BC_BODY_MAX },
};

static int
bc_coord_render(struct request *req, struct tmpl_dict *d, long long community,
    const char *role, int status)
{
	size_t		 i;
	enum weft_err	 e;

	for (i = 0; i < ROLE__MAX; i++)
		form_option(d, "ROLE_OPTION", role_keys[i],
		    app_text(req, role_title_keys[i]),
		    strcmp(role, role_keys[i]) == 0);
	if ((e = bc_community_options(req, d, PERM_BROADCAST_COORDINATORS,
	    community)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, status);
}

static struct tmpl_dict *
bc_coord_page(struct request *req)
{
	struct tmpl_dict	*d;

	if ((d = app_page(req, "broadcasts/coordinators.tpl", app_text(req,
	    N_("broadcasts.coordinators.title")))) != NULL)
		bc_merge_hint(d);
	return d;
}

/* GET /broadcasts/coordinators */
int
bc_coord_form(struct request *req)
{
	struct tmpl_dict	*d;

	if ((d = bc_coord_page(req)) == NULL)
		return 500;
	return bc_coord_render(req, d, bc_reach(req,
	    PERM_BROADCAST_COORDINATORS, 0) ? 0 : req->actor.community, "",
	    200);
}

static const char bc_sql_coord_insert[] =
    "INSERT INTO broadcasts (kind, state, community_id, lang, f_role,"
    " created_by, sent_by, sent_at) VALUES ('coordinators', 'sent',"
    " NULLIF(?, 0), ?, ?, ?, ?, UTC_TIMESTAMP())";
static const char bc_sql_coord_text[] =
    "INSERT INTO broadcast_texts (broadcast_id, lang, subject, body,"
    " body_text) VALUES (?, ?, ?, ?, ?)";
static const char bc_sql_coord_count[] =
    "UPDATE broadcasts SET recipients = ? WHERE id = ?";

/*
 * The form into b and v, checked (the community one the writer reaches
 * under broadcast.coordinators; none: the whole timebank, site only; the
 * links' schemes), the body's plain text into text.  Returns how many
 * fields are refused, or -1 on a database error.
 */
static int
bc_coord_read(struct request *req, struct tmpl_dict *d, struct form_value *v,
    struct bc *b, struct buf *text)
{
	char	 name[128];
	int	 bad;

	memset(b, 0, sizeof(*b));
	bad = (int)form_read(bc_coord_fields, C__MAX, &req->form,
	    app_lang(req), d, v);
	b->kind = BC_KIND_COORDINATORS;
	b->state = BC_SENT;
	b->community = v[C_COMMUNITY].set ? v[C_COMMUNITY].id : 0;
	util_copy(b->f_role, sizeof(b->f_role), v[C_ROLE].set ?
	    role_keys[v[C_ROLE].choice] : "");
	util_copy(b->lang, sizeof(b->lang), app_lang(req));
	util_copy(b->subject, sizeof(b->subject), v[C_SUBJECT].str);
	if (bc_community_name(b->community, name, sizeof(name)) != WEFT_OK)
		return -1;
	if ((b->community != 0 && name[0] == '\0') ||
	    !bc_reach(req, PERM_BROADCAST_COORDINATORS, b->community)) {
		form_error(d, "community", app_text(req, b->community ?
		    N_("broadcasts.error.community") :
		    N_("broadcasts.error.choose_community")));
		bad++;
	}
	if (bad == 0 && bc_body_text(text, v[C_BODY].str) > 0) {
		form_error(d, "body", app_text(req,
		    N_("broadcasts.error.link")));
		bad++;
	}
	return bad;
}

/* POST /broadcasts/coordinators */
int
bc_coord_send(struct request *req)
{
	struct form_value	 v[C__MAX];
	struct tmpl_dict	*d;
	struct buf		 text, after;
	struct bc		 b;
	char			 path[64];
	enum weft_err		 e;
	long long		 id, n;
	int			 bad;

	if ((d = bc_coord_page(req)) == NULL)
		return 500;
	buf_init(&text);
	buf_init(&after);
	if ((bad = bc_coord_read(req, d, v, &b, &text)) != 0) {
		buf_free(&text);
		return bad < 0 ? 500 :
		    bc_coord_render(req, d, b.community, b.f_role, 422);
	}
	if ((e = db_begin()) != WEFT_OK ||
	    (e = db_exec(bc_sql_coord_insert, "issii", b.community, b.lang,
	    b.f_role, req->actor.acting_id, req->actor.acting_id)) != WEFT_OK)
		goto fail;
	b.id = id = db_insert_id();
	if ((e = db_exec(bc_sql_coord_text, "issss", id, b.lang,
	    v[C_SUBJECT].str, v[C_BODY].str, text.p != NULL ? text.p : "")) !=
	    WEFT_OK || (e = db_exec(bc_sql_queue_coord, "si", outbox_domain(),
	    id)) != WEFT_OK)
		goto fail;
	b.recipients = n = (long long)db_affected();
	bc_json(&after, &b);
	if ((e = db_exec(bc_sql_coord_count, "ii", n, id)) != WEFT_OK ||
	    (e = audit_write(&req->actor, "broadcast.coordinators",
	    "broadcast", id, b.community, NULL, after.p)) != WEFT_OK ||
	    (e = db_commit()) != WEFT_OK)
		goto fail;
	buf_free(&after);
	buf_free(&text);
	snprintf(path, sizeof(path), "/broadcasts/%lld", id);
	return app_redirect(req, path, N_("broadcasts.flash.sent"));
fail:
	db_rollback();
	buf_free(&after);
	buf_free(&text);
	return app_status_of(e);
}
