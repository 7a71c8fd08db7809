#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

void
buf_init(struct buf *b)
{
	memset(b, 0, sizeof(*b));
}

void
buf_free(struct buf *b)
{
	free(b->p);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->failed = 0;
	if (b->p != NULL)
		b->p[0] = '\0';
}

int
buf_failed(const struct buf *b)
{
	return b->failed;
}

/* Makes room for n more bytes plus the NUL; 0 on success. */
static int
buf_grow(struct buf *b, size_t n)
{
	size_t	 want, cap;
	char	*p;

	if (b->failed)
		return -1;
	if (n > (size_t)-1 / 2 - b->len - 1) {
		b->failed = 1;
		return -1;
	}
	want = b->len + n + 1;
	if (want <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < want)
		cap *= 2;
	if ((p = realloc(b->p, cap)) == NULL) {
		b->failed = 1;
		return -1;
	}
	b->p = p;
	b->cap = cap;
	return 0;
}

void
buf_append(struct buf *b, const char *s, size_t n)
{
	if (buf_grow(b, n) == -1)
		return;
	if (n > 0)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = 1;
		return;
	}
	if (buf_grow(b, (size_t)n) == -1)
		return;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
buf_json_str(struct buf *b, const char *s)
{
	const unsigned char	*p;
	char			 esc[8];

	buf_append(b, "\"", 1);
	for (p = (const unsigned char *)s; s != NULL && *p != '\0'; p++) {
		switch (*p) {
		case '"':
			buf_append(b, "\\\"", 2);
			break;
		case '\\':
			buf_append(b, "\\\\", 2);
			break;
		case '\n':
			buf_append(b, "\\n", 2);
			break;
		case '\r':
			buf_append(b, "\\r", 2);
			break;
		case '\t':
			buf_append(b, "\\t", 2);
			break;
		default:
			if (*p < 0x20) {
				snprintf(esc, sizeof(esc), "\\u%04x", *p);
				buf_puts(b, esc);
			} else
				buf_append(b, (const char *)p, 1);
		}
	}
	buf_append(b, "\"", 1);
}

void
buf_csv_field(struct buf *b, const char *s)
{
	const char	*p;
	size_t		 lead;

	if (s == NULL)
		s = "";
	buf_append(b, "\"", 1);
	/* A cell starting with one of these is a formula to a spreadsheet:
	 * CSV injection.  Spreadsheets skip leading blanks before they look
	 * ("  =1+1" is a formula too), and a cell starting with a tab or a
	 * line break is refused by some of them.  The apostrophe makes it
	 * text. */
	lead = strspn(s, " \t\r\n");
	if (lead > 0 || (s[0] != '\0' && strchr("=+-@", s[0]) != NULL))
		buf_append(b, "'", 1);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_append(b, "\"\"", 2);
		else
			buf_append(b, p, 1);
	}
	buf_append(b, "\"", 1);
}

void
buf_csv_fields(struct buf *b, size_t n, ...)
{
	va_list	 ap;
	size_t	 i;

	va_start(ap, n);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_append(b, ",", 1);
		buf_csv_field(b, va_arg(ap, const char *));
	}
	va_end(ap);
}

int
buf_read_file(struct buf *b, const char *path, size_t max)
{
	FILE	*f;
	char	 chunk[8192];
	size_t	 n, total = 0;
	int	 bad;

	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if ((total += n) > max) {
			fclose(f);
			errno = EFBIG;
			return -1;
		}
		buf_append(b, chunk, n);
	}
	bad = ferror(f);
	fclose(f);
	if (bad)
		errno = EIO;
	return bad || buf_failed(b) ? -1 : 0;
}
