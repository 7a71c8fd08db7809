/*
 * The relay's side of weft-mailer (mailer.h): one libcurl easy handle per
 * worker, kept between messages so that its SMTP connection is reused;
 * the relay, its security and AUTH come from weft.conf (smtp_*).
 */
#include <curl/curl.h>

#include <stdio.h>
#include <string.h>

#include "config.h"
#include "log.h"
#include "mail_mime.h"
#include "mailer.h"

static CURL	*smtp_h;
static char	 smtp_url[300];
static char	 smtp_from[256];

struct smtp_read {
	const char	*p;
	size_t		 left;
};

static size_t
smtp_reader(char *dst, size_t size, size_t n, void *arg)
{
	struct smtp_read	*r = arg;
	size_t			 k = size * n;

	if (k > r->left)
		k = r->left;
	memcpy(dst, r->p, k);
	r->p += k;
	r->left -= k;
	return k;
}

int
smtp_init(void)
{
	const char	*scheme = "smtp";

	if (strcmp(config.smtp_security, "tls") == 0)
		scheme = "smtps";
	else if (strcmp(config.smtp_security, "none") != 0 &&
	    strcmp(config.smtp_security, "starttls") != 0) {
		log_msg(LOGL_ERROR, "mailer: smtp_security is none, starttls "
		    "or tls, not %s", config.smtp_security);
		return -1;
	}
	snprintf(smtp_url, sizeof(smtp_url), "%s://%s:%d", scheme,
	    config.smtp_host, config.smtp_port);
	mail_addr_of(config.mail_from, smtp_from, sizeof(smtp_from));
	if (smtp_from[0] == '\0') {
		log_msg(LOGL_ERROR, "mailer: mail_from has no address");
		return -1;
	}
	if ((smtp_h = curl_easy_init()) == NULL) {
		log_msg(LOGL_ERROR, "mailer: curl_easy_init failed");
		return -1;
	}
	return 0;
}

void
smtp_close(void)
{
	if (smtp_h != NULL)
		curl_easy_cleanup(smtp_h);
	smtp_h = NULL;
}

/* The options of one message, on the handle kept from the last. */
static void
smtp_options(const char *sender, struct curl_slist *rcpt,
    struct smtp_read *rd, char *err)
{
	char	 from[260];

	snprintf(from, sizeof(from), "<%s>", sender != NULL &&
	    sender[0] != '\0' ? sender : smtp_from);
	curl_easy_setopt(smtp_h, CURLOPT_URL, smtp_url);
	curl_easy_setopt(smtp_h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(smtp_h, CURLOPT_CONNECTTIMEOUT,
	    (long)config.smtp_timeout_s);
	curl_easy_setopt(smtp_h, CURLOPT_TIMEOUT, (long)config.smtp_timeout_s);
	if (strcmp(config.smtp_security, "starttls") == 0)
		curl_easy_setopt(smtp_h, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	if (config.smtp_user[0] != '\0') {
		curl_easy_setopt(smtp_h, CURLOPT_USERNAME, config.smtp_user);
		curl_easy_setopt(smtp_h, CURLOPT_PASSWORD,
		    config.smtp_password);
	}
	curl_easy_setopt(smtp_h, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(smtp_h, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(smtp_h, CURLOPT_READFUNCTION, smtp_reader);
	curl_easy_setopt(smtp_h, CURLOPT_READDATA, rd);
	curl_easy_setopt(smtp_h, CURLOPT_INFILESIZE_LARGE,
	    (curl_off_t)rd->left);
	curl_easy_setopt(smtp_h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(smtp_h, CURLOPT_ERRORBUFFER, err);
}

enum mailer_result
smtp_send(const char *sender, const char *rcpt, const struct buf *msg,
    char *answer, size_t len)
{
	struct smtp_read	 rd = { msg->p, msg->len };
	struct curl_slist	*to;
	char			 err[CURL_ERROR_SIZE], addr[300];
	long			 code = 0;
	CURLcode		 rc;

	snprintf(addr, sizeof(addr), "<%s>", rcpt);
	if ((to = curl_slist_append(NULL, addr)) == NULL) {
		snprintf(answer, len, "out of memory");
		return MAILER_DEFER;
	}
	err[0] = '\0';
	smtp_options(sender, to, &rd, err);
	rc = curl_easy_perform(smtp_h);
	curl_easy_getinfo(smtp_h, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_setopt(smtp_h, CURLOPT_MAIL_RCPT, NULL);
	curl_slist_free_all(to);
	if (rc == CURLE_OK) {
		snprintf(answer, len, "%ld", code > 0 ? code : 250L);
		return MAILER_SENT;
	}
	snprintf(answer, len, "%ld %s", code,
	    err[0] != '\0' ? err : curl_easy_strerror(rc));
	/* A refused login is the configuration's mistake, not the
	 * message's: it waits for a fixed one. */
	if (code >= 500 && code < 600 && rc != CURLE_LOGIN_DENIED)
		return MAILER_FAIL;
	if (code >= 400 && code < 600)
		return MAILER_DEFER;
	/* No answer at all: the relay is not there. */
	return MAILER_DEFER_ALL;
}
