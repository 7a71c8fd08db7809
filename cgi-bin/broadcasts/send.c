/*
 * Sending: a test to oneself, the send (now or at a time), cancelling a
 * scheduled one, resending to the failed, a copy as a new draft.
 *
 * The send is one statement (docs/broadcasts.md): INSERT INTO outbox ...
 * SELECT ... BC_AUDIENCE, each recipient's text in their language, else
 * the broadcast's own, with the merge fields filled in by REPLACE(); a
 * Message-ID per row (OUTBOX_MESSAGE_ID_SQL); list = 1, so that the
 * mailer adds List-Unsubscribe and skips whoever opts out before it
 * sends.  A member without an address, or with one that is not, is
 * written as skipped with the reason (docs/mail.md), so the counts add
 * up.  A scheduled broadcast is the same rows with due_at its time: the
 * mailer leaves them until then, and cancelling deletes them while they
 * are all still queued.  The broadcast's row is locked (FOR UPDATE) and
 * must be a draft: two sends of one draft queue it once.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "broadcasts.h"
#include "db.h"
#include "i18n_conv.h"
#include "outbox.h"
#include "util.h"

#define BC_MERGE(col)							\
	"REPLACE(REPLACE(REPLACE(" col ", '{first_name}', "		\
	"SUBSTRING_INDEX(TRIM(m.name), ' ', 1)), '{name}', m.name), "	\
	"'{username}', m.username)"
#define BC_ADDR_BAD							\
	"m.email NOT REGEXP '^[^@[:space:]]+@[^@[:space:]]+[.][^@[:space:]]+$'"
#define BC_INSERT(kind, from, text_join)				\
	"INSERT INTO outbox (kind, member_id, broadcast_id, to_addr,"	\
	" to_name, lang, subject, body, body_markup, list, message_id,"	\
	" state, reason,"						\
	" due_at) SELECT '" kind "', m.id, b.id, m.email, LEFT(m.name, 128),"	\
	" COALESCE(t.lang, d.lang), "					\
	BC_MERGE("COALESCE(t.subject, d.subject)") ", "			\
	BC_MERGE("COALESCE(t.body_text, d.body_text)") ", "		\
	BC_MERGE("COALESCE(t.body, d.body)") ", "			\
	"b.kind = 'members', " OUTBOX_MESSAGE_ID_SQL ", "		\
	"IF(m.email = '' OR " BC_ADDR_BAD ", 'skipped', 'queued'), "	\
	"IF(m.email = '', 'no_address', IF(" BC_ADDR_BAD ", "		\
	"'invalid_address', '')), COALESCE(b.scheduled_at, UTC_TIMESTAMP(6)) " \
	from text_join

static const char bc_sql_queue[] = BC_INSERT("broadcast",
    "FROM broadcasts b JOIN broadcast_texts d ON d.broadcast_id = b.id"
    " AND d.lang = b.lang " BC_AUDIENCE_MEMBERS,
    "LEFT JOIN broadcast_texts t ON t.broadcast_id = b.id"
    " AND t.lang = m.lang WHERE b.id = ? AND b.kind = 'members'");

/* The coordinators' list: one text, the writer's; not list mail. */
const char bc_sql_queue_coord[] = BC_INSERT("broadcast.coordinators",
    "FROM broadcasts b JOIN broadcast_texts d ON d.broadcast_id = b.id"
    " AND d.lang = b.lang " BC_COORDINATORS_MEMBERS,
    "LEFT JOIN broadcast_texts t ON t.broadcast_id = b.id AND t.lang = ''"
    " WHERE b.id = ? AND b.kind = 'coordinators'");

static int
bc_back(struct request *req, long long id, const char *flash)
{
	char	 path[64];

	snprintf(path, sizeof(path), "/broadcasts/%lld", id);
	return app_redirect(req, path, flash);
}

/* Begins the transaction and loads the path's broadcast locked; *st the
 * status to answer when it is not 0 (rolled back). */
static int
bc_begin(struct request *req, struct bc *b)
{
	enum weft_err	 e;
	int		 st;

	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	if ((st = bc_target(req, 1, b)) != 0)
		db_rollback();
	return st;
}

static int
bc_conflict(struct request *req, const char *key)
{
	db_rollback();
	return app_error(req, 409, app_text(req, key));
}

static int
bc_failed(enum weft_err e)
{
	db_rollback();
	return app_status_of(e);
}

static const char bc_sql_me[] =
    "SELECT m.email, m.name, m.username, m.lang,"
    " COALESCE(t.subject, d.subject), COALESCE(t.body_text, d.body_text),"
    " COALESCE(t.body, d.body) FROM members m JOIN broadcast_texts d ON d.broadcast_id = ?"
    " AND d.lang = ? LEFT JOIN broadcast_texts t ON t.broadcast_id = d.broadcast_id"
    " AND t.lang = m.lang WHERE m.id = ?";

/* POST /broadcasts/:id/test: the broadcast as the actor would receive
 * it, to the actor alone, whatever their opt-out (not list mail), kind
 * broadcast.test (not counted in its progress). */
int
bc_test(struct request *req)
{
	struct outbox_msg	 m;
	struct db_rows		*r;
	struct buf		 merged, subject, body, markup, after;
	struct bc		 b;
	enum weft_err		 e;
	int			 st;

	if ((st = bc_begin(req, &b)) != 0)
		return st;
	if ((e = db_query(&r, bc_sql_me, "isi", b.id, b.lang,
	    req->actor.acting_id)) != WEFT_OK)
		return bc_failed(e);
	if (!db_next(r)) {
		db_rows_free(r);
		return bc_failed(WEFT_ERR_NOTFOUND);
	}
	buf_init(&merged);
	buf_init(&subject);
	buf_init(&body);
	buf_init(&markup);
	buf_init(&after);
	bc_merge(&merged, db_str(r, 4), db_str(r, 1), db_str(r, 2));
	i18n_format(&subject, db_str(r, 3), N_("broadcasts.mail.test"),
	    "subject", merged.p != NULL ? merged.p : "", NULL);
	bc_merge(&body, db_str(r, 5), db_str(r, 1), db_str(r, 2));
	bc_merge(&markup, db_str(r, 6), db_str(r, 1), db_str(r, 2));
	memset(&m, 0, sizeof(m));
	m.kind = "broadcast.test";
	m.member_id = req->actor.acting_id;
	m.broadcast_id = b.id;
	m.to_addr = db_str(r, 0);
	m.to_name = db_str(r, 1);
	m.lang = db_str(r, 3);
	m.subject = subject.p;
	m.body = body.p != NULL ? body.p : "";
	m.markup = markup.p;
	buf_puts(&after, "{\"to\":");
	buf_json_str(&after, db_str(r, 0));
	buf_puts(&after, "}");
	if ((e = outbox_queue(&m, NULL)) == WEFT_OK &&
	    (e = audit_write(&req->actor, "broadcast.test", "broadcast", b.id,
	    b.community, NULL, after.p)) == WEFT_OK)
		e = db_commit();
	db_rows_free(r);
	buf_free(&merged);
	buf_free(&subject);
	buf_free(&body);
	buf_free(&markup);
	buf_free(&after);
	if (e != WEFT_OK)
		return bc_failed(e);
	return bc_back(req, b.id, N_("broadcasts.flash.tested"));
}

enum { S_WHEN, S_DATE, S_TIME, S__MAX };
static const char *const bc_when_keys[] = { "now", "later" };
static const struct form_field bc_send_fields[S__MAX] = {
	[S_WHEN] = { "when", FORM_CHOICE, 1, 0, 0,
	    FORM_CHOICES(bc_when_keys) },
	[S_DATE] = { "date", FORM_DATE, 0, 0, 0 },
	[S_TIME] = { "time", FORM_TEXT, 0, 5, 5 },
};

static const char bc_sql_future[] =
    "SELECT ? > UTC_TIMESTAMP() + INTERVAL 1 MINUTE";
static const char bc_sql_set_schedule[] =
    "UPDATE broadcasts SET scheduled_at = ? WHERE id = ?";
static const char bc_sql_sent[] =
    "UPDATE broadcasts SET state = ?, recipients = ?, sent_by = ?,"
    " sent_at = COALESCE(scheduled_at, UTC_TIMESTAMP()),"
    " updated_at = UTC_TIMESTAMP() WHERE id = ?";

/* The schedule's date and time, typed as the timebank's wall clock,
 * as the UTC moment *utc, checked: 1 when it is later than now, 0
 * (marked on the flash) when not, -1 on a database error. */
static int
bc_when(const struct form_value *v, char utc[I18N_MOMENT_LEN])
{
	char		 local[32];
	long long	 ok;

	if (!v[S_DATE].set || !v[S_TIME].set || !bc_time_ok(v[S_TIME].str))
		return 0;
	snprintf(local, sizeof(local), "%s %s", v[S_DATE].str,
	    v[S_TIME].str);
	if (i18n_local_to_utc(local, utc) == -1)
		return 0;
	if (db_query_int(&ok, bc_sql_future, "s", utc) != WEFT_OK)
		return -1;
	return ok != 0;
}

/* POST /broadcasts/:id/send: when=now, or when=later with a date and a
 * time (the timebank's time zone). */
int
bc_send(struct request *req)
{
	struct form_value	 v[S__MAX];
	char			 utc[I18N_MOMENT_LEN];
	struct buf		 after;
	struct bc		 b;
	enum weft_err		 e;
	long long		 n;
	int			 st, later, ok;

	if ((st = bc_begin(req, &b)) != 0)
		return st;
	if (b.kind != BC_KIND_MEMBERS || b.state != BC_DRAFT)
		return bc_conflict(req, N_("broadcasts.error.not_draft"));
	if (form_read(bc_send_fields, S__MAX, &req->form, app_lang(req), NULL,
	    v) > 0) {
		db_rollback();
		return app_error(req, 422, app_text(req,
		    N_("broadcasts.error.when")));
	}
	later = v[S_WHEN].choice == 1;
	if (later) {
		if ((ok = bc_when(v, utc)) < 0)
			return bc_failed(WEFT_ERR_DB);
		if (ok == 0) {
			db_rollback();
			return app_error(req, 422, app_text(req,
			    N_("broadcasts.error.when")));
		}
		if ((e = db_exec(bc_sql_set_schedule, "si", utc, b.id)) !=
		    WEFT_OK)
			return bc_failed(e);
	}
	if ((e = db_exec(bc_sql_queue, "sii", outbox_domain(), 0LL, b.id)) !=
	    WEFT_OK)
		return bc_failed(e);
	n = (long long)db_affected();
	b.recipients = n;
	b.state = later ? BC_SCHEDULED : BC_SENT;
	buf_init(&after);
	bc_json(&after, &b);
	if ((e = db_exec(bc_sql_sent, "siii", bc_state_keys[b.state], n,
	    req->actor.acting_id, b.id)) == WEFT_OK &&
	    (e = audit_write(&req->actor, later ? "broadcast.schedule" :
	    "broadcast.send", "broadcast", b.id, b.community, NULL,
	    after.p)) == WEFT_OK)
		e = db_commit();
	buf_free(&after);
	if (e != WEFT_OK)
		return bc_failed(e);
	return bc_back(req, b.id, later ? N_("broadcasts.flash.scheduled") :
	    N_("broadcasts.flash.sent"));
}

static const char bc_sql_started[] =
    "SELECT COUNT(*) FROM outbox WHERE broadcast_id = ?"
    " AND kind = 'broadcast' AND (state NOT IN ('queued', 'skipped')"
    " OR attempts > 0)";
static const char bc_sql_unqueue[] =
    "DELETE FROM outbox WHERE broadcast_id = ? AND kind = 'broadcast'";
static const char bc_sql_unschedule[] =
    "UPDATE broadcasts SET state = 'draft', scheduled_at = NULL,"
    " sent_at = NULL, sent_by = NULL, recipients = 0,"
    " updated_at = UTC_TIMESTAMP() WHERE id = ?";

/* POST /broadcasts/:id/cancel: a scheduled broadcast whose time has not
 * come, none of whose messages the mailer has touched, back to a draft. */
int
bc_cancel(struct request *req)
{
	struct buf	 before;
	struct bc	 b;
	enum weft_err	 e;
	long long	 n;
	int		 st;

	if ((st = bc_begin(req, &b)) != 0)
		return st;
	if (b.state != BC_SCHEDULED || b.due)
		return bc_conflict(req, N_("broadcasts.error.not_scheduled"));
	if ((e = db_query_int(&n, bc_sql_started, "i", b.id)) != WEFT_OK)
		return bc_failed(e);
	if (n > 0)
		return bc_conflict(req, N_("broadcasts.error.not_scheduled"));
	buf_init(&before);
	bc_json(&before, &b);
	if ((e = db_exec(bc_sql_unqueue, "i", b.id)) == WEFT_OK &&
	    (e = db_exec(bc_sql_unschedule, "i", b.id)) == WEFT_OK &&
	    (e = audit_write(&req->actor, "broadcast.cancel", "broadcast",
	    b.id, b.community, before.p, NULL)) == WEFT_OK)
		e = db_commit();
	buf_free(&before);
	if (e != WEFT_OK)
		return bc_failed(e);
	return bc_back(req, b.id, N_("broadcasts.flash.cancelled"));
}

static const char bc_sql_resend[] =
    "UPDATE outbox SET state = 'queued', reason = '', attempts = 0,"
    " lease = 0, due_at = UTC_TIMESTAMP(6) WHERE broadcast_id = ?"
    " AND kind <> 'broadcast.test' AND state = 'failed'";

/* POST /broadcasts/:id/resend: the messages that failed for good are
 * queued again, each with its Message-ID (the same message, docs/mail.md). */
int
bc_resend(struct request *req)
{
	struct buf	 after;
	struct bc	 b;
	enum weft_err	 e;
	long long	 n;
	int		 st;

	if ((st = bc_begin(req, &b)) != 0)
		return st;
	if (b.state == BC_DRAFT)
		return bc_conflict(req, N_("broadcasts.error.not_sent"));
	if ((e = db_exec(bc_sql_resend, "i", b.id)) != WEFT_OK)
		return bc_failed(e);
	n = (long long)db_affected();
	buf_init(&after);
	buf_printf(&after, "{\"requeued\":%lld}", n);
	if ((e = audit_write(&req->actor, "broadcast.resend", "broadcast",
	    b.id, b.community, NULL, after.p)) == WEFT_OK)
		e = db_commit();
	buf_free(&after);
	if (e != WEFT_OK)
		return bc_failed(e);
	return bc_back(req, b.id, n > 0 ? N_("broadcasts.flash.resent") :
	    N_("broadcasts.flash.none_failed"));
}

static const char bc_sql_copy[] =
    "INSERT INTO broadcasts (kind, community_id, lang, f_status, f_role,"
    " f_lang, f_org, f_joined_from, f_joined_to, copy_of, created_by)"
    " SELECT kind, community_id, lang, f_status, f_role, f_lang, f_org,"
    " f_joined_from, f_joined_to, id, ? FROM broadcasts WHERE id = ?";
static const char bc_sql_copy_texts[] =
    "INSERT INTO broadcast_texts (broadcast_id, lang, subject, body,"
    " body_text) SELECT ?, lang, subject, body, body_text"
    " FROM broadcast_texts WHERE broadcast_id = ?";

/* POST /broadcasts/:id/copy: a new draft with the same audience and
 * texts, to send again to all (whoever the audience is then). */
int
bc_copy(struct request *req)
{
	struct buf	 after;
	struct bc	 b;
	enum weft_err	 e;
	long long	 id;
	int		 st;

	if ((st = bc_begin(req, &b)) != 0)
		return st;
	if (b.kind != BC_KIND_MEMBERS)
		return bc_conflict(req, N_("broadcasts.error.not_members"));
	if ((e = db_exec(bc_sql_copy, "ii", req->actor.acting_id, b.id)) !=
	    WEFT_OK)
		return bc_failed(e);
	id = db_insert_id();
	buf_init(&after);
	buf_printf(&after, "{\"copy_of\":%lld}", b.id);
	if ((e = db_exec(bc_sql_copy_texts, "ii", id, b.id)) == WEFT_OK &&
	    (e = audit_write(&req->actor, "broadcast.copy", "broadcast", id,
	    b.community, NULL, after.p)) == WEFT_OK)
		e = db_commit();
	buf_free(&after);
	if (e != WEFT_OK)
		return bc_failed(e);
	return bc_back(req, id, N_("broadcasts.flash.copied"));
}
