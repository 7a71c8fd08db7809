/*
 * weft-mailer: delivers the outbox (docs/mail.md).  A daemon row of the
 * manifest: super_main() supervises its workers (-n, "a few
 * connections"); each one claims a batch of due rows under a lease of its
 * own, sends them one at a time over its SMTP connection, and records
 * each answer at once, so that a mailer killed mid-batch re-sends at most
 * the one message whose answer it had not yet written.  On SIGTERM a
 * worker finishes the message in flight and gives the rest of its batch
 * back.  Between batches, and while the outbox is empty, a worker runs
 * the periodic jobs that are due (jobs.c).
 */
#include <curl/curl.h>

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "db.h"
#include "i18n.h"
#include "log.h"
#include "mail_mime.h"
#include "mail_token.h"
#include "markup.h"
#include "mailer.h"
#include "outbox.h"
#include "settings.h"
#include "super.h"
#include "util.h"
#include "valid.h"

#define MAILER_IDLE_MS	1000	/* between two looks at an empty outbox */

/* The master this worker was started by: once it is gone (killed), the
 * worker stops too. */
static pid_t	 mailer_master;

static int
mailer_orphan(void)
{
	return getppid() != mailer_master;
}

/* Why a claimed row is not sent at all; NULL: it is. */
static const char *
mailer_skip_reason(const struct db_rows *r)
{
	const char	*addr = db_str(r, MAILER_COL_ADDR);
	int		 list = db_int(r, MAILER_COL_LIST) != 0;

	if (addr == NULL || addr[0] == '\0')
		return outbox_skip_keys[OUTBOX_SKIP_NO_ADDRESS];
	if (valid_email(addr) != VALID_OK)
		return outbox_skip_keys[OUTBOX_SKIP_INVALID];
	if (list && db_int(r, MAILER_COL_OPTOUT) != 0)
		return outbox_skip_keys[OUTBOX_SKIP_OPTED_OUT];
	if (list && strcmp(db_str(r, MAILER_COL_STATUS), "disabled") == 0)
		return outbox_skip_keys[OUTBOX_SKIP_DISABLED];
	return NULL;
}

/*
 * The From of the next message, read at send time (the settings are read
 * again before each batch, outbox.c): the site's mail_from_address, else
 * weft.conf's mail_from's address, into addr (OUTBOX_ADDR_MAX + 1); and
 * "name <addr>" into from, the name mail_from_name, else the timebank's
 * name (site_name), else mail_from's.  The settings' validators keep
 * '<', '>' and '"' out of the name and the address (docs/site.md).
 */
static void
mailer_from(char *from, size_t len, char *addr)
{
	const char	*a = settings_str(SETTING_MAIL_FROM_ADDRESS);
	const char	*n = settings_str(SETTING_MAIL_FROM_NAME);
	char		 name[256];

	if (a[0] != '\0')
		util_copy(addr, OUTBOX_ADDR_MAX + 1, a);
	else
		mail_addr_of(config.mail_from, addr, OUTBOX_ADDR_MAX + 1);
	if (n[0] == '\0')
		n = settings_str(SETTING_SITE_NAME);
	if (n[0] == '\0') {
		mail_name_of(config.mail_from, name, sizeof(name));
		n = name;
	}
	if (n[0] == '\0')
		snprintf(from, len, "%s", addr);
	else
		snprintf(from, len, "%s <%s>", n, addr);
}

/* The message of row r into msg, from the From of mailer_from() (its
 * address into sender, OUTBOX_ADDR_MAX + 1), with the HTML alternative
 * of its markup rendered into html; a reason for failing it when there
 * is none to send, NULL on a memory error. */
static const char *
mailer_render(const struct db_rows *r, struct buf *msg, struct buf *html,
    char *sender)
{
	struct mail_mime	 m = { 0 };
	const char		*markup = db_str(r, MAILER_COL_MARKUP);
	char			 token[MAIL_TOKEN_MAX], url[600], from[520];
	long long		 member = db_int(r, MAILER_COL_MEMBER);

	if (db_null(r, MAILER_COL_SUBJECT) || db_null(r, MAILER_COL_BODY))
		return "no subject or body to send";
	mailer_from(from, sizeof(from), sender);
	m.from = from;
	m.to_addr = db_str(r, MAILER_COL_ADDR);
	m.to_name = db_str(r, MAILER_COL_NAME);
	m.subject = db_str(r, MAILER_COL_SUBJECT);
	m.body = db_str(r, MAILER_COL_BODY);
	m.message_id = db_str(r, MAILER_COL_MSGID);
	m.lang = db_str(r, MAILER_COL_LANG);
	buf_reset(html);
	if (markup != NULL && markup[0] != '\0') {
		(void)markup_render(html, MARKUP_HTML, markup, strlen(markup),
		    2);
		if (buf_failed(html))
			return NULL;
		m.html = html->p;
	}
	m.date = time(NULL);
	if (db_int(r, MAILER_COL_LIST) != 0) {
		if (member == 0)
			return "list mail without a member to unsubscribe";
		if (mail_token_make(member, token) != WEFT_OK)
			return NULL;
		snprintf(url, sizeof(url), "%s/unsubscribe/%s",
		    config.site_url, token);
		m.unsubscribe_url = url;
	}
	buf_reset(msg);
	if (mail_mime_build(msg, &m) != 0)
		return "out of memory";
	return "";
}

/* One claimed row: skipped, failed, or tried. */
static enum mailer_result
mailer_one(const struct db_rows *r, long long lease, struct buf *msg)
{
	long long		 id = db_int(r, MAILER_COL_ID);
	const char		*why;
	char			 answer[512], sender[OUTBOX_ADDR_MAX + 1];
	struct buf		 html;
	enum mailer_result	 res;

	if ((why = mailer_skip_reason(r)) != NULL) {
		(void)mailer_skip(id, lease, why);
		return MAILER_SENT;
	}
	buf_init(&html);
	why = mailer_render(r, msg, &html, sender);
	buf_free(&html);
	if (why == NULL)
		/* The key could not be read (the database's trouble), or
		 * memory ran out: the batch waits. */
		return MAILER_DEFER_ALL;
	if (why[0] != '\0') {
		(void)mailer_done(id, lease, 0, MAILER_FAIL, why);
		return MAILER_FAIL;
	}
	res = smtp_send(sender, db_str(r, MAILER_COL_ADDR), msg, answer,
	    sizeof(answer));
	if (res != MAILER_SENT)
		log_msg(LOGL_WARN, "mailer: outbox row %lld to %s: %s", id,
		    db_str(r, MAILER_COL_ADDR), answer);
	if (mailer_done(id, lease, db_int(r, MAILER_COL_ATTEMPTS), res,
	    answer) != WEFT_OK)
		log_msg(LOGL_ERROR, "mailer: the outcome of outbox row %lld "
		    "was not recorded (it is sent again when its lease ends)",
		    id);
	return res;
}

/* One batch; 0 when there was nothing to claim (or no way to). */
static long long
mailer_batch(struct buf *msg)
{
	struct db_rows		*r;
	long long		 lease = mailer_lease(), n = 0, done = 0;
	enum mailer_result	 res;

	if (db_ensure() != WEFT_OK || mailer_claim(lease, &n) != WEFT_OK ||
	    n == 0)
		return 0;
	if (mailer_rows(lease, &r) != WEFT_OK) {
		(void)mailer_release(lease, 0);
		return 0;
	}
	while (db_next(r) && !super_stopping() && !mailer_orphan()) {
		res = mailer_one(r, lease, msg);
		done++;
		if (res == MAILER_DEFER_ALL) {
			/* The relay is away: the rest waits as long. */
			(void)mailer_release(lease, config.mail_retry_s);
			break;
		}
	}
	db_rows_free(r);
	/* Stopping: what was not tried is given back, due at once. */
	(void)mailer_release(lease, 0);
	log_msg(LOGL_DEBUG, "mailer: %lld of %lld claimed handled", done, n);
	return done;
}

int
mailer_text(void)
{
	char	 phrases[4096];

	snprintf(phrases, sizeof(phrases), "%s/phrases", config.templates_dir);
	if (i18n_load(phrases) != WEFT_OK) {
		log_msg(LOGL_ERROR, "mailer: no phrases in %s", phrases);
		return -1;
	}
	return 0;
}

static int
mailer_run(void *arg)
{
	struct buf	 msg;
	int		 jobs;

	(void)arg;
	if (smtp_init() != 0)
		return 1;
	/* The jobs' mail is rendered in each member's language: without
	 * the phrases, the mail is delivered and no job runs. */
	if ((jobs = mailer_text() == 0) == 0)
		log_msg(LOGL_ERROR, "mailer: no periodic job runs");
	buf_init(&msg);
	if (db_connect() != WEFT_OK)
		log_msg(LOGL_WARN, "mailer: no database yet; trying again");
	log_msg(LOGL_INFO, "mailer: delivering to %s:%d (%s)",
	    config.smtp_host, config.smtp_port, config.smtp_security);
	mailer_master = getppid();
	while (!super_stopping() && !mailer_orphan()) {
		if (jobs)
			mailer_jobs_tick();
		if (mailer_batch(&msg) == 0)
			super_wait(MAILER_IDLE_MS);
	}
	buf_free(&msg);
	smtp_close();
	db_close();
	return 0;
}

int
main(int argc, char *argv[])
{
	int	 rc;

	if ((rc = mailer_jobs_main(argc, argv)) != -1)
		return rc;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0) {
		fprintf(stderr, "weft-mailer: curl_global_init failed\n");
		return 1;
	}
	return super_main(argc, argv, "weft-mailer", mailer_run, NULL);
}
