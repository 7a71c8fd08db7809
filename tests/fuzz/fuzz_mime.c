/*
 * libFuzzer driver for the messages weft-mailer sends (mail_mime.c).  The
 * input is split at NUL bytes into the subject, the recipient's name, the
 * sender's name, the text, the HTML fragment and the language (the
 * addresses are weft's, checked by valid_email(): ASCII); the message built
 * of them is checked by what a relay and a reader rely on: only ASCII,
 * every line ended by CRLF (no bare CR or LF), no line longer than 998
 * bytes and none of the body longer than 76, headers that are one of
 * weft's own names or a folded continuation (nothing a subject or a name
 * holds can start a header), the blank line after them, and with an HTML
 * fragment a multipart/alternative whose boundary stands exactly at its
 * three places.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "mail_mime.h"

#define FUZZ_IN_MAX	8192
#define FIELDS		6
#define BOUNDARY	"=_weft_alternative"

static const char *const headers[] = {
	"Date:", "From:", "To:", "Subject:", "Message-ID:", "MIME-Version:",
	"Content-Type:", "Content-Transfer-Encoding:", "Auto-Submitted:",
	"List-Unsubscribe:", "List-Unsubscribe-Post:", "Precedence:",
};

static int
known_header(const char *line)
{
	size_t	 i;

	for (i = 0; i < sizeof(headers) / sizeof(headers[0]); i++)
		if (strncmp(line, headers[i], strlen(headers[i])) == 0)
			return 1;
	return 0;
}

/* How many lines of p[0..len) are exactly "--" BOUNDARY tail. */
static size_t
boundary_lines(const char *p, size_t len, const char *tail)
{
	char	 want[64];
	size_t	 i = 0, n = 0, w;
	const char *e;

	w = (size_t)snprintf(want, sizeof(want), "--" BOUNDARY "%s", tail);
	while (i < len) {
		e = memchr(p + i, '\r', len - i);
		CHECK(e != NULL);
		if ((size_t)(e - (p + i)) == w && memcmp(p + i, want, w) == 0)
			n++;
		i = (size_t)(e - p) + 2;
	}
	return n;
}

static void
check_message(const char *p, size_t len, int alt)
{
	size_t		 i = 0, line, body = 0;
	int		 in_head = 1;
	const char	*e;

	CHECK(len >= 2 && p[len - 2] == '\r' && p[len - 1] == '\n');
	for (i = 0; i < len; i++) {
		CHECK((unsigned char)p[i] < 0x80 && p[i] != '\0');
		if (p[i] == '\r')
			CHECK(i + 1 < len && p[i + 1] == '\n');
		if (p[i] == '\n')
			CHECK(i > 0 && p[i - 1] == '\r');
	}
	for (i = 0; i < len; i = (size_t)(e - p) + 2) {
		e = memchr(p + i, '\r', len - i);
		line = (size_t)(e - (p + i));
		CHECK(line <= 998);
		if (in_head && line == 0) {
			in_head = 0;
			body = (size_t)(e - p) + 2;
			continue;
		}
		if (in_head)
			CHECK(p[i] == ' ' || p[i] == '\t' || known_header(p + i));
		else
			CHECK(line <= 76);
	}
	CHECK(!in_head);
	if (alt) {
		CHECK(strstr(p, "Content-Type: multipart/alternative; "
		    "boundary=\"" BOUNDARY "\"\r\n") != NULL);
		CHECK(boundary_lines(p + body, len - body, "") == 2);
		CHECK(boundary_lines(p + body, len - body, "--") == 1);
	} else
		CHECK(strstr(p, "multipart") == NULL ||
		    strstr(p, "Content-Type: text/plain; charset=UTF-8\r\n") !=
		    NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*copy, *f[FIELDS], *from;
	struct mail_mime m = { 0 };
	struct buf	 out;
	size_t		 i, k = 0;

	if (size > FUZZ_IN_MAX || (copy = malloc(size + 1)) == NULL)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	f[k++] = copy;
	for (i = 0; i < size && k < FIELDS; i++)
		if (copy[i] == '\0')
			f[k++] = copy + i + 1;
	while (k < FIELDS)
		f[k++] = NULL;
	m.subject = f[0] != NULL ? f[0] : "";
	m.to_name = f[1];
	/* As weft-mailer makes it (mailer_from()): "name <address>". */
	if ((from = malloc(size + 32)) == NULL) {
		free(copy);
		return 0;
	}
	snprintf(from, size + 32, "%s <tb@example.org>",
	    f[2] != NULL ? f[2] : "");
	m.from = from;
	m.to_addr = "zoe@example.org";
	m.message_id = "<1@example.org>";
	m.body = f[3];
	m.html = f[4];
	m.lang = f[5];
	m.unsubscribe_url = size % 2 ? "https://tb.example.org/u/1-x" : NULL;
	buf_init(&out);
	CHECK(mail_mime_build(&out, &m) == 0);
	check_message(out.p, out.len, m.html != NULL && m.html[0] != '\0');
	buf_free(&out);
	free(from);
	free(copy);
	return 0;
}
