/*
 * One outbox row as an Internet message (RFC 5322, MIME): UTF-8 plain
 * text in quoted-printable, and with an HTML fragment a
 * multipart/alternative of the text and an HTML document of it (RFC
 * 2046), headers with RFC 2047 encoded words where they are not ASCII,
 * CRLF line ends.  weft-mailer hands the result to
 * the relay (docs/mail.md, "The messages").
 */
#ifndef WEFT_MAIL_MIME_H
#define WEFT_MAIL_MIME_H

#include <stddef.h>
#include <time.h>

#include "buf.h"

struct mail_mime {
	const char	*from;		/* "Name <addr>" or addr (mail_from) */
	const char	*to_addr;
	const char	*to_name;	/* may be NULL or "" */
	const char	*subject;
	const char	*body;		/* UTF-8 text, LF or CRLF lines */
	/* The HTML alternative: a fragment weft rendered (markup.h), put in
	 * a document of language lang; NULL or "" for text alone. */
	const char	*html;
	const char	*lang;
	const char	*message_id;	/* "<...@domain>" */
	time_t		 date;
	/* List mail (RFC 2369, 8058): the https unsubscribe URL, and an
	 * optional mailto: address; NULL for none. */
	const char	*unsubscribe_url;
	const char	*unsubscribe_mailto;
};

/* Appends the whole message to out; -1 when out failed (memory). */
int		 mail_mime_build(struct buf *out, const struct mail_mime *m);

/* The bare address of "Name <addr>" or "addr" into out (the envelope's
 * MAIL FROM); "" when there is none. */
void		 mail_addr_of(const char *from, char *out, size_t len);
/* The display name of "Name <addr>", trimmed of blanks and quotes, into
 * out; "" when there is none. */
void		 mail_name_of(const char *from, char *out, size_t len);

/* An unstructured header value (a subject) as RFC 2047 encoded words
 * when it is not plain printable ASCII, folded; control characters
 * become spaces.  start: the columns the header's name takes. */
void		 mail_header_text(struct buf *out, const char *s, size_t start);

/* Quoted-printable (RFC 2045) of text, lines ended by CRLF. */
void		 mail_qp(struct buf *out, const char *text);

#endif
