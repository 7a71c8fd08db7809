/*
 * The messages weft-mailer sends (mail_mime.c) and the unsubscribe token
 * (mail_token.c): HMAC-SHA256 against RFC 4231's test cases; a token
 * made is accepted, one changed anywhere refused; encoded words decode
 * to the subject, split on characters and at most 75 long; quoted-
 * printable lines at most 76; the list headers only on list mail.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "mail_mime.h"
#include "mail_token.h"

static void
hexof(const unsigned char *d, char out[2 * SHA256_LEN + 1])
{
	for (size_t i = 0; i < SHA256_LEN; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void
test_hmac_rfc4231(void **state)
{
	unsigned char	 key[131], out[SHA256_LEN];
	char		 hex[2 * SHA256_LEN + 1];
	static const char big[] = "Test Using Larger Than Block-Size Key - "
	    "Hash Key First";

	(void)state;
	memset(key, 0x0b, 20);
	mail_hmac_sha256(key, 20, "Hi There", 8, out);
	hexof(out, hex);
	assert_string_equal(hex, "b0344c61d8db38535ca8afceaf0bf12b"
	    "881dc200c9833da726e9376c2e32cff7");
	mail_hmac_sha256("Jefe", 4, "what do ya want for nothing?", 28, out);
	hexof(out, hex);
	assert_string_equal(hex, "5bdcc146bf60754e6a042426089575c7"
	    "5a003f089d2739839dec58b964ec3843");
	memset(key, 0xaa, sizeof(key));
	mail_hmac_sha256(key, sizeof(key), big, strlen(big), out);
	hexof(out, hex);
	assert_string_equal(hex, "60e431591ee0b67f0d8a26aacbf5b77f"
	    "8e0bc6213728c5140546040f0ee37f54");
}

static void
test_token(void **state)
{
	unsigned char	 key[SHA256_LEN], other[SHA256_LEN];
	char		 t[MAIL_TOKEN_MAX], bad[MAIL_TOKEN_MAX];
	long long	 id = 0;

	(void)state;
	memset(key, 7, sizeof(key));
	memset(other, 8, sizeof(other));
	mail_token_make_key(key, 4242, t);
	assert_int_equal(strspn(t, "0123456789abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ_-"), strlen(t));
	assert_int_equal(strlen(t), 5 + 43);
	assert_true(mail_token_check_key(key, t, &id));
	assert_int_equal(id, 4242);
	assert_false(mail_token_check_key(other, t, &id));
	for (size_t i = 0; i < strlen(t); i++) {
		strcpy(bad, t);
		bad[i] = bad[i] == 'A' ? 'B' : 'A';
		assert_false(mail_token_check_key(key, bad, &id));
	}
	/* Another member's id with this MAC. */
	snprintf(bad, sizeof(bad), "4243%s", strchr(t, '-'));
	assert_false(mail_token_check_key(key, bad, &id));
	assert_false(mail_token_check_key(key, "", &id));
	assert_false(mail_token_check_key(key, "0-x", &id));
	assert_false(mail_token_check_key(key,
	    "99999999999999999999-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	    &id));
}

static void
test_header_words(void **state)
{
	struct buf	 b;
	const char	*line, *p;
	char		 subj[400];

	(void)state;
	buf_init(&b);
	mail_header_text(&b, "Plain subject", 9);
	assert_string_equal(b.p, "Plain subject");
	buf_reset(&b);
	mail_header_text(&b, "Evil\r\nBcc: x@example.org", 9);
	assert_null(strstr(b.p, "\r\nBcc"));
	buf_reset(&b);
	subj[0] = '\0';
	for (int i = 0; i < 40; i++)
		strcat(subj, "ñé€ ");
	mail_header_text(&b, subj, 9);
	for (line = b.p; line != NULL; line = p) {
		p = strstr(line, "\r\n ");
		assert_true((size_t)((p != NULL ? p : line + strlen(line)) -
		    line) <= 75);
		if (p != NULL)
			p += 3;
	}
	buf_free(&b);
}

static void
test_message(void **state)
{
	struct mail_mime m = { .from = "Time Bank <tb@example.org>",
	    .to_addr = "zoe@example.org", .to_name = "Zoë",
	    .subject = "Hi", .message_id = "<1@example.org>", .date = 0 };
	struct buf	 b;
	char		 body[300];
	const char	*s, *e;

	(void)state;
	memset(body, 'x', 200);
	strcpy(body + 200, " \nend=\n");
	m.body = body;
	buf_init(&b);
	assert_int_equal(mail_mime_build(&b, &m), 0);
	assert_non_null(strstr(b.p, "Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"));
	assert_non_null(strstr(b.p, "From: Time Bank <tb@example.org>\r\n"));
	assert_non_null(strstr(b.p, "To: =?UTF-8?B?Wm/Dqw==?= <zoe@example.org>"));
	assert_non_null(strstr(b.p, "Auto-Submitted: auto-generated\r\n"));
	assert_null(strstr(b.p, "List-Unsubscribe"));
	assert_non_null(strstr(b.p, "=20\r\nend=3D\r\n"));
	for (s = strstr(b.p, "\r\n\r\n") + 4; *s != '\0'; s = e + 2) {
		e = strstr(s, "\r\n");
		assert_non_null(e);
		assert_true(e - s <= 76);
	}
	buf_reset(&b);
	m.unsubscribe_url = "https://tb.example.org/unsubscribe/1-x";
	assert_int_equal(mail_mime_build(&b, &m), 0);
	assert_non_null(strstr(b.p, "List-Unsubscribe: "
	    "<https://tb.example.org/unsubscribe/1-x>\r\n"));
	assert_non_null(strstr(b.p, "List-Unsubscribe-Post: "
	    "List-Unsubscribe=One-Click\r\n"));
	assert_null(strstr(b.p, "Auto-Submitted"));
	buf_free(&b);
}

/* With an HTML fragment: a multipart/alternative, the text first, then
 * the fragment in a document of the recipient's language; each part in
 * quoted-printable, whose output can never hold the boundary; a
 * language tag that is not one is left out. */
static void
test_alternative(void **state)
{
	struct mail_mime m = { .from = "tb@example.org",
	    .to_addr = "zoe@example.org", .subject = "Hi",
	    .message_id = "<2@example.org>", .body = "Hello *Zoe*\n",
	    .html = "<p>Hello <em>Zoe</em> &amp; =_weft_alternative</p>",
	    .lang = "es" };
	struct buf	 b;
	const char	*text, *html, *end;

	(void)state;
	buf_init(&b);
	assert_int_equal(mail_mime_build(&b, &m), 0);
	assert_non_null(strstr(b.p, "MIME-Version: 1.0\r\nContent-Type: "
	    "multipart/alternative; boundary=\"=_weft_alternative\"\r\n"));
	text = strstr(b.p, "\r\n--=_weft_alternative\r\nContent-Type: "
	    "text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: "
	    "quoted-printable\r\n\r\nHello *Zoe*\r\n");
	assert_non_null(text);
	html = strstr(b.p, "--=_weft_alternative\r\nContent-Type: text/html; "
	    "charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable"
	    "\r\n\r\n<!DOCTYPE html>\r\n<html lang=3D\"es\">");
	assert_non_null(html);
	assert_true(html > text);
	assert_non_null(strstr(html, "<p>Hello <em>Zoe</em> &amp; =3D_weft_alt"));
	end = strstr(b.p, "\r\n--=_weft_alternative--\r\n");
	assert_non_null(end);
	assert_true(end > html);
	assert_string_equal(end, "\r\n--=_weft_alternative--\r\n");
	/* The boundary only where it delimits: twice and the close. */
	assert_null(strstr(strstr(html + 2, "=_weft_alternative--") + 1,
	    "=_weft_alternative"));
	buf_reset(&b);
	m.lang = "es\"><script>";
	assert_int_equal(mail_mime_build(&b, &m), 0);
	assert_non_null(strstr(b.p, "<!DOCTYPE html>\r\n<html>\r\n"));
	assert_null(strstr(b.p, "<script>"));
	/* An empty fragment is text alone. */
	buf_reset(&b);
	m.html = "";
	assert_int_equal(mail_mime_build(&b, &m), 0);
	assert_non_null(strstr(b.p, "Content-Type: text/plain; charset=UTF-8"
	    "\r\n"));
	assert_null(strstr(b.p, "multipart"));
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hmac_rfc4231),
		cmocka_unit_test(test_token),
		cmocka_unit_test(test_header_words),
		cmocka_unit_test(test_message),
		cmocka_unit_test(test_alternative),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
