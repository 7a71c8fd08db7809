/*
 * Building a message (mail_mime.h).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mail_mime.h"

static const char	 b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void
mail_b64(struct buf *out, const unsigned char *s, size_t n)
{
	char		 q[4];
	unsigned	 v;
	size_t		 i;

	for (i = 0; i < n; i += 3) {
		v = (unsigned)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		q[0] = b64[v >> 18 & 63];
		q[1] = b64[v >> 12 & 63];
		q[2] = i + 1 < n ? b64[v >> 6 & 63] : '=';
		q[3] = i + 2 < n ? b64[v & 63] : '=';
		buf_append(out, q, 4);
	}
}

/* The length of the UTF-8 sequence that starts with c (1 for a stray
 * byte, which is then encoded as it is). */
static size_t
mail_u8len(unsigned char c)
{
	if (c >= 0xf0 && c < 0xf8)
		return 4;
	if (c >= 0xe0)
		return c < 0xf0 ? 3 : 1;
	if (c >= 0xc0)
		return 2;
	return 1;
}

static int
mail_plain(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return 0;
	return 1;
}

/* Encoded words of s, each at most 75 characters, separated by a fold:
 * 45 bytes of text make 60 of base64 and 12 of "=?UTF-8?B??=". */
static void
mail_words(struct buf *out, const char *s)
{
	unsigned char	 chunk[48];
	size_t		 n, k, len = strlen(s), i = 0;
	int		 first = 1;

	while (i < len || first) {
		n = 0;
		while (i < len) {
			k = mail_u8len((unsigned char)s[i]);
			if (i + k > len)
				k = len - i;
			if (n + k > 45)
				break;
			memcpy(chunk + n, s + i, k);
			/* Controls (CR, LF, TAB) would break the header. */
			for (size_t j = n; j < n + k; j++)
				if (chunk[j] < 0x20 || chunk[j] == 0x7f)
					chunk[j] = ' ';
			n += k, i += k;
		}
		if (!first)
			buf_puts(out, "\r\n ");
		buf_puts(out, "=?UTF-8?B?");
		mail_b64(out, chunk, n);
		buf_puts(out, "?=");
		first = 0;
	}
}

void
mail_header_text(struct buf *out, const char *s, size_t start)
{
	if (s == NULL)
		s = "";
	if (mail_plain(s) && start + strlen(s) <= 78 &&
	    strncmp(s, "=?", 2) != 0 && strstr(s, " =?") == NULL) {
		buf_puts(out, s);
		return;
	}
	mail_words(out, s);
}

/* A display name: as it is when it is only letters, digits and spaces,
 * a quoted string when it is other printable ASCII, else encoded. */
static void
mail_phrase(struct buf *out, const char *s)
{
	const char	*p;

	if (!mail_plain(s) || strlen(s) > 60) {
		mail_words(out, s);
		return;
	}
	if (strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789 !#$%&'*+-/=?^_`{|}~") == strlen(s)) {
		buf_puts(out, s);
		return;
	}
	buf_puts(out, "\"");
	for (p = s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			buf_append(out, "\\", 1);
		buf_append(out, p, 1);
	}
	buf_puts(out, "\"");
}

void
mail_addr_of(const char *from, char *out, size_t len)
{
	const char	*lt, *gt;
	size_t		 n;

	if (len == 0)
		return;
	out[0] = '\0';
	if (from == NULL)
		return;
	if ((lt = strrchr(from, '<')) != NULL &&
	    (gt = strchr(lt, '>')) != NULL) {
		from = lt + 1;
		n = (size_t)(gt - from);
	} else {
		from += strspn(from, " \t");
		n = strcspn(from, " \t");
	}
	if (n >= len)
		return;
	memcpy(out, from, n);
	out[n] = '\0';
}

void
mail_name_of(const char *from, char *out, size_t len)
{
	const char	*lt;
	size_t		 n;

	out[0] = '\0';
	if (from == NULL || (lt = strrchr(from, '<')) == NULL)
		return;
	from += strspn(from, " \t\"");
	n = (size_t)(lt - from);
	while (n > 0 && strchr(" \t\"", from[n - 1]) != NULL)
		n--;
	if (n >= len)
		n = len - 1;
	memcpy(out, from, n);
	out[n] = '\0';
}

static void
mail_mailbox(struct buf *out, const char *name, const char *addr)
{
	if (name != NULL && name[0] != '\0') {
		mail_phrase(out, name);
		buf_puts(out, " ");
	}
	buf_printf(out, "<%s>", addr);
}

void
mail_qp(struct buf *out, const char *text)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p = (const unsigned char *)text;
	char			 enc[3];
	size_t			 col = 0, w;
	int			 lit;

	for (; *p != '\0'; p++) {
		if (*p == '\r' && p[1] == '\n')
			continue;
		if (*p == '\n' || *p == '\r') {
			buf_puts(out, "\r\n");
			col = 0;
			continue;
		}
		/* A space or tab at the end of a line is encoded. */
		lit = (*p >= 33 && *p <= 126 && *p != '=') ||
		    ((*p == ' ' || *p == '\t') && p[1] != '\n' &&
		    p[1] != '\r' && p[1] != '\0');
		w = lit ? 1 : 3;
		if (col + w > 75) {
			buf_puts(out, "=\r\n");
			col = 0;
		}
		if (lit)
			buf_append(out, (const char *)p, 1);
		else {
			enc[0] = '=';
			enc[1] = hex[*p >> 4];
			enc[2] = hex[*p & 15];
			buf_append(out, enc, 3);
		}
		col += w;
	}
	if (col > 0)
		buf_puts(out, "\r\n");
}

/* Quoted-printable never writes "=_" (a literal '=' is "=3D", a soft
 * break "=" and CRLF), so no part can hold this boundary. */
#define MAIL_BOUNDARY	"=_weft_alternative"

/* A language tag fit for the lang attribute: letters, digits, '-'. */
static int
mail_lang_ok(const char *lang)
{
	size_t	 i;

	if (lang == NULL || lang[0] == '\0' || strlen(lang) > 35)
		return 0;
	for (i = 0; lang[i] != '\0'; i++)
		if (!((lang[i] >= 'a' && lang[i] <= 'z') ||
		    (lang[i] >= 'A' && lang[i] <= 'Z') ||
		    (lang[i] >= '0' && lang[i] <= '9') || lang[i] == '-'))
			return 0;
	return 1;
}

/* The two parts of a multipart/alternative body, text first (the
 * least preferred, RFC 2046 5.1.4). */
static void
mail_alternative(struct buf *out, const struct mail_mime *m)
{
	struct buf	 doc;

	buf_init(&doc);
	buf_puts(&doc, "<!DOCTYPE html>\n<html");
	if (mail_lang_ok(m->lang))
		buf_printf(&doc, " lang=\"%s\"", m->lang);
	buf_puts(&doc, ">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width\">\n"
	    "</head>\n<body>\n");
	buf_puts(&doc, m->html);
	buf_puts(&doc, "\n</body>\n</html>\n");
	buf_puts(out, "--" MAIL_BOUNDARY "\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
	mail_qp(out, m->body != NULL ? m->body : "");
	buf_puts(out, "--" MAIL_BOUNDARY "\r\n"
	    "Content-Type: text/html; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
	if (buf_failed(&doc))
		out->failed = 1;
	else
		mail_qp(out, doc.p);
	buf_puts(out, "--" MAIL_BOUNDARY "--\r\n");
	buf_free(&doc);
}

int
mail_mime_build(struct buf *out, const struct mail_mime *m)
{
	int		 alt = m->html != NULL && m->html[0] != '\0';
	char		 date[64], from_addr[256], from_name[256];
	struct tm	 tm;

	gmtime_r(&m->date, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	mail_addr_of(m->from, from_addr, sizeof(from_addr));
	mail_name_of(m->from, from_name, sizeof(from_name));
	buf_printf(out, "Date: %s\r\n", date);
	buf_puts(out, "From: ");
	mail_mailbox(out, from_name, from_addr);
	buf_puts(out, "\r\nTo: ");
	mail_mailbox(out, m->to_name, m->to_addr);
	buf_puts(out, "\r\nSubject: ");
	mail_header_text(out, m->subject, 9);
	buf_printf(out, "\r\nMessage-ID: %s\r\n", m->message_id);
	buf_puts(out, "MIME-Version: 1.0\r\n");
	if (alt)
		buf_puts(out, "Content-Type: multipart/alternative;"
		    " boundary=\"" MAIL_BOUNDARY "\"\r\n");
	else
		buf_puts(out, "Content-Type: text/plain; charset=UTF-8\r\n"
		    "Content-Transfer-Encoding: quoted-printable\r\n");
	if (m->unsubscribe_url != NULL) {
		buf_printf(out, "List-Unsubscribe: <%s>", m->unsubscribe_url);
		if (m->unsubscribe_mailto != NULL &&
		    m->unsubscribe_mailto[0] != '\0')
			buf_printf(out, ",\r\n <mailto:%s?subject=unsubscribe>",
			    m->unsubscribe_mailto);
		buf_puts(out, "\r\nList-Unsubscribe-Post: "
		    "List-Unsubscribe=One-Click\r\nPrecedence: bulk\r\n");
	} else
		buf_puts(out, "Auto-Submitted: auto-generated\r\n");
	buf_puts(out, "\r\n");
	if (alt)
		mail_alternative(out, m);
	else
		mail_qp(out, m->body != NULL ? m->body : "");
	return buf_failed(out) ? -1 : 0;
}
