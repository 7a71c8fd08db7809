/*
 * Queuing mail: the outbox's one writer for a single message (outbox.h).
 * The mailer's side of the same table is cgi-bin/weft-mailer/.
 */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "log.h"
#include "outbox.h"
#include "util.h"
#include "valid.h"

const char *const outbox_state_keys[OUTBOX_STATE__MAX] = {
	"queued", "sending", "sent", "deferred", "failed", "skipped",
};

const char *const outbox_skip_keys[OUTBOX_SKIP__MAX] = {
	"", "opted_out", "no_address", "invalid_address", "disabled",
};

const char *
outbox_domain(void)
{
	static char	 domain[256];
	const char	*at, *end;
	size_t		 n;

	if ((at = strrchr(config.mail_from, '@')) == NULL)
		return "localhost";
	at++;
	/* "Name <user@host>" or a bare address. */
	end = at + strcspn(at, "> \t");
	n = (size_t)(end - at);
	if (n == 0 || n >= sizeof(domain))
		return "localhost";
	memcpy(domain, at, n);
	domain[n] = '\0';
	return domain;
}

/* Counts UTF-8 characters (the columns' lengths are in characters). */
static size_t
outbox_chars(const char *s)
{
	size_t	 n = 0;

	for (; s != NULL && *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* The reason m is skipped, the caller's or the address's. */
static enum outbox_skip
outbox_skip_of(const struct outbox_msg *m)
{
	if (m->skip != OUTBOX_SKIP_NONE)
		return m->skip;
	if (m->to_addr == NULL || m->to_addr[0] == '\0')
		return OUTBOX_SKIP_NO_ADDRESS;
	if (valid_email(m->to_addr) != VALID_OK)
		return OUTBOX_SKIP_INVALID;
	return OUTBOX_SKIP_NONE;
}

enum weft_err
outbox_queue(const struct outbox_msg *m, long long *id)
{
	enum outbox_skip	 skip;
	enum weft_err		 e;

	if (m->kind == NULL || m->kind[0] == '\0' ||
	    (unsigned)m->skip >= OUTBOX_SKIP__MAX ||
	    (m->to_addr != NULL && strlen(m->to_addr) > OUTBOX_ADDR_MAX) ||
	    outbox_chars(m->to_name) > OUTBOX_NAME_MAX ||
	    outbox_chars(m->subject) > OUTBOX_SUBJECT_MAX) {
		log_msg(LOGL_ERROR, "outbox: a %s message that does not fit",
		    m->kind != NULL ? m->kind : "(no kind)");
		return WEFT_ERR_INVALID;
	}
	skip = outbox_skip_of(m);
	e = db_exec("INSERT INTO outbox (kind, member_id, broadcast_id, "
	    "to_addr, to_name, lang, subject, body, body_markup, list, "
	    "message_id, state, reason) VALUES (?, NULLIF(?, 0), NULLIF(?, 0), "
	    "?, ?, ?, ?, ?, NULLIF(?, ''), ?, " OUTBOX_MESSAGE_ID_SQL ", ?, ?)",
	    "siissssssisss", m->kind,
	    m->member_id, m->broadcast_id,
	    m->to_addr != NULL ? m->to_addr : "",
	    m->to_name != NULL ? m->to_name : "",
	    m->lang != NULL && m->lang[0] != '\0' ? m->lang : "en",
	    m->subject, m->body, m->markup != NULL ? m->markup : "",
	    (long long)(m->list != 0), outbox_domain(),
	    outbox_state_keys[skip == OUTBOX_SKIP_NONE ? OUTBOX_QUEUED :
	    OUTBOX_SKIPPED], outbox_skip_keys[skip]);
	if (e != WEFT_OK)
		return e;
	if (id != NULL)
		*id = db_insert_id();
	return WEFT_OK;
}
