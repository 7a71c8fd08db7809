/*
 * The outbox (docs/mail.md, sql/020_outbox.sql): a message is a row per
 * recipient, written in the caller's transaction, so that the action
 * that causes it and its mail commit together or not at all; weft-mailer
 * delivers the rows.  A caller renders the subject and body in the
 * recipient's language (i18n_format() with their lang) and queues them:
 *
 *	struct outbox_msg m = { .kind = "account.approved",
 *	    .member_id = id, .to_addr = email, .to_name = name,
 *	    .lang = lang, .subject = subject, .body = body };
 *	if ((e = db_begin()) != WEFT_OK) ...
 *	... the action's own statements ...
 *	if ((e = outbox_queue(&m, NULL)) != WEFT_OK) -> db_rollback()
 *	e = db_commit();
 *
 * A recipient who cannot be sent to is queued all the same, as skipped
 * with the reason, so that what happened to every recipient can be
 * counted (a broadcast's progress).  Queuing many rows in one statement
 * (INSERT ... SELECT) writes message_id with OUTBOX_MESSAGE_ID_SQL and
 * its one parameter, outbox_domain().
 */
#ifndef WEFT_OUTBOX_H
#define WEFT_OUTBOX_H

#include "err.h"

enum outbox_state {
	OUTBOX_QUEUED,
	OUTBOX_SENDING,
	OUTBOX_SENT,
	OUTBOX_DEFERRED,
	OUTBOX_FAILED,
	OUTBOX_SKIPPED,
	OUTBOX_STATE__MAX
};

/* As the state column spells them: "queued", "sending", ... */
extern const char *const outbox_state_keys[OUTBOX_STATE__MAX];

/* Why a row is skipped; the reason column holds the key. */
enum outbox_skip {
	OUTBOX_SKIP_NONE,
	OUTBOX_SKIP_OPTED_OUT,	/* list mail to a member who opted out */
	OUTBOX_SKIP_NO_ADDRESS,
	OUTBOX_SKIP_INVALID,	/* not an address valid_email() accepts */
	OUTBOX_SKIP_DISABLED,	/* the member's account is disabled */
	OUTBOX_SKIP__MAX
};

/* "", "opted_out", "no_address", "invalid_address", "disabled" */
extern const char *const outbox_skip_keys[OUTBOX_SKIP__MAX];

/* The SQL of a fresh Message-ID, "<32 hex digits@DOMAIN>", DOMAIN its
 * one parameter (outbox_domain()). */
#define OUTBOX_MESSAGE_ID_SQL \
	"CONCAT('<', LOWER(HEX(RANDOM_BYTES(16))), '@', ?, '>')"

/* The lengths the columns take, in characters (bytes for to_addr). */
#define OUTBOX_ADDR_MAX		254
#define OUTBOX_NAME_MAX		128
#define OUTBOX_SUBJECT_MAX	998

/*
 * One message to one recipient.  kind names the message ("account.
 * approved", "broadcast": the mailer's renderer for rows without a
 * subject and body, and what the counts are grouped by).  member_id and
 * broadcast_id are 0 for none.  list: bulk mail (a broadcast), sent with
 * List-Unsubscribe and skipped when the member has opted out.  skip: the
 * caller already knows why it cannot be sent.  to_name, lang, subject
 * and body may be NULL ("", "en", and the renderer's).
 */
struct outbox_msg {
	const char		*kind;
	long long		 member_id;
	long long		 broadcast_id;
	const char		*to_addr;
	const char		*to_name;
	const char		*lang;
	const char		*subject;
	const char		*body;
	const char		*markup; /* the HTML alternative's safe
					  * markup (markup.h), or NULL */
	int			 list;
	enum outbox_skip	 skip;
};

/*
 * Writes m's row inside the caller's transaction: queued, or skipped
 * with m->skip, or with no_address or invalid_address when to_addr is
 * empty or no address.  *id (when not NULL) is the new row's.
 * WEFT_ERR_INVALID (nothing written) when kind is missing or a text is
 * longer than its column; else the database's error.
 */
enum weft_err	 outbox_queue(const struct outbox_msg *m, long long *id);

/* The domain of Message-IDs: that of config.mail_from's address, else
 * "localhost". */
const char	*outbox_domain(void);

#endif
