/*
 * markup.c: each construct of the safe markup in HTML and in plain text,
 * the escaping of every special character, what is refused (raw HTML,
 * other schemes, bad addresses, bytes that are not UTF-8, controls) and
 * the markers left as text when they have no partner.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "markup.h"
#include "util.h"

struct mcase {
	const char	*in;
	const char	*html;		/* heading 2 */
	size_t		 refused;
};

static const struct mcase html_cases[] = {
	{ "", "", 0 },
	{ "\n\n  \n", "", 0 },
	{ "Hello", "<p>Hello</p>\n", 0 },
	{ "one\ntwo\n\nthree", "<p>one<br>\ntwo</p>\n<p>three</p>\n", 0 },
	{ "one\r\ntwo\r\n", "<p>one<br>\ntwo</p>\n", 0 },
	{ "  indented  ", "<p>indented</p>\n", 0 },
	/* Headings, from the level asked for. */
	{ "# Title", "<h2>Title</h2>\n", 0 },
	{ "## Sub\n### Subsub", "<h3>Sub</h3>\n<h4>Subsub</h4>\n", 0 },
	{ "#### four", "<p>#### four</p>\n", 0 },
	{ "#hashtag", "<p>#hashtag</p>\n", 0 },
	{ "# ", "<p>#</p>\n", 0 },
	{ "text\n# Head\nmore", "<p>text</p>\n<h2>Head</h2>\n<p>more</p>\n",
	    0 },
	/* Lists. */
	{ "- a\n- b", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n", 0 },
	{ "* a\n* b", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n", 0 },
	{ "1. a\n2) b", "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n", 0 },
	{ "- a\n1. b", "<ul>\n<li>a</li>\n</ul>\n<ol>\n<li>b</li>\n</ol>\n",
	    0 },
	{ "- a\n  more\n\npara",
	    "<ul>\n<li>a<br>\nmore</li>\n</ul>\n<p>para</p>\n", 0 },
	{ "intro\n- a", "<p>intro</p>\n<ul>\n<li>a</li>\n</ul>\n", 0 },
	{ "-5 degrees", "<p>-5 degrees</p>\n", 0 },
	{ "2024\\. was good", "<p>2024. was good</p>\n", 0 },
	{ "12345678901. big", "<p>12345678901. big</p>\n", 0 },
	/* Emphasis. */
	{ "*em* and **strong**",
	    "<p><em>em</em> and <strong>strong</strong></p>\n", 0 },
	{ "***both***", "<p><strong><em>both</em></strong></p>\n", 0 },
	{ "5 * 3 * 2", "<p>5 * 3 * 2</p>\n", 0 },
	{ "a *lone", "<p>a *lone</p>\n", 0 },
	{ "**a *b**", "<p><strong>a *b</strong></p>\n", 0 },
	{ "*a **b* c**", "<p><em>a <strong>b</strong></em> c**</p>\n", 0 },
	{ "*a\nb*", "<p>*a<br>\nb*</p>\n", 0 },
	{ "****", "<p>****</p>\n", 0 },
	{ "\\*not\\*", "<p>*not*</p>\n", 0 },
	{ "a\\b \\\\", "<p>a\\b \\</p>\n", 0 },
	/* Links. */
	{ "[weft](https://example.org/a?b=1&c=2)",
	    "<p><a href=\"https://example.org/a?b=1&amp;c=2\">weft</a></p>\n",
	    0 },
	{ "[](http://example.org)",
	    "<p><a href=\"http://example.org\">http://example.org</a></p>\n",
	    0 },
	{ "[Mail us](MAILTO:office@example.org)",
	    "<p><a href=\"MAILTO:office@example.org\">Mail us</a></p>\n", 0 },
	{ "[*x*](https://e.org) *y*",
	    "<p><a href=\"https://e.org\">*x*</a> <em>y</em></p>\n", 0 },
	{ "[a \\] b](https://e.org)",
	    "<p><a href=\"https://e.org\">a ] b</a></p>\n", 0 },
	{ "[x](javascript:alert(1))", "<p>x)</p>\n", 1 },
	{ "[x](javascript:alert)", "<p>x</p>\n", 1 },
	{ "[x](data:text/html,hi)", "<p>x</p>\n", 1 },
	{ "[x](https://e.org/\"onclick=\"a)", "<p>x</p>\n", 1 },
	{ "[x](https:// e.org)", "<p>x</p>\n", 1 },
	{ "[x](https:///path)", "<p>x</p>\n", 1 },
	{ "[x](mailto:nobody)", "<p>x</p>\n", 1 },
	{ "[x](/relative)", "<p>x</p>\n", 1 },
	{ "[x] (https://e.org)", "<p>[x] (https://e.org)</p>\n", 0 },
	{ "[[x](https://e.org)",
	    "<p>[<a href=\"https://e.org\">x</a></p>\n", 0 },
	{ "[no end", "<p>[no end</p>\n", 0 },
	/* Never raw HTML; every special character escaped. */
	{ "<script>alert('x')</script>",
	    "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>\n", 0 },
	{ "a & b \"q\"", "<p>a &amp; b &quot;q&quot;</p>\n", 0 },
	{ "# <b>", "<h2>&lt;b&gt;</h2>\n", 0 },
	{ "[<i>](https://e.org/<x>)", "<p>&lt;i&gt;</p>\n", 1 },
	/* Bytes: not UTF-8 replaced, controls dropped, tabs as spaces. */
	{ "caf\xc3\xa9", "<p>caf\xc3\xa9</p>\n", 0 },
	{ "a\xff" "b", "<p>a\xef\xbf\xbd" "b</p>\n", 0 },
	{ "a\xc0\xaf" "b", "<p>a\xef\xbf\xbd\xef\xbf\xbd" "b</p>\n", 0 },
	{ "a\x01\x1b[0m\x7f" "b", "<p>a[0mb</p>\n", 0 },
	{ "a\tb", "<p>a b</p>\n", 0 },
	{ "a\xc2\x85" "b", "<p>ab</p>\n", 0 },
};

static void
test_html(void **state)
{
	struct buf	 b;
	size_t		 i, r;

	for (i = 0; i < NELEM(html_cases); i++) {
		buf_init(&b);
		r = markup_render(&b, MARKUP_HTML, html_cases[i].in,
		    strlen(html_cases[i].in), 2);
		assert_false(buf_failed(&b));
		if (strcmp(b.p != NULL ? b.p : "", html_cases[i].html) != 0)
			fail_msg("case %zu, %s:\n  got  %s\n  want %s", i,
			    html_cases[i].in, b.p, html_cases[i].html);
		assert_int_equal(r, html_cases[i].refused);
		buf_free(&b);
	}
}

/* NUL is a control too, and src need not end with one. */
static void
test_lengths(void **state)
{
	struct buf	 b;

	buf_init(&b);
	markup_render(&b, MARKUP_HTML, "a\0b*c", 5, 2);
	assert_string_equal(b.p, "<p>ab*c</p>\n");
	buf_reset(&b);
	markup_render(&b, MARKUP_HTML, "# Titleand more", 7, 2);
	assert_string_equal(b.p, "<h2>Title</h2>\n");
	buf_reset(&b);
	assert_int_equal(markup_render(&b, MARKUP_HTML, NULL, 9, 2), 0);
	assert_true(b.p == NULL || b.p[0] == '\0');
	buf_free(&b);
}

static void
test_levels(void **state)
{
	struct buf	 b;

	buf_init(&b);
	markup_render(&b, MARKUP_HTML, "# a\n### b", 9, 1);
	assert_string_equal(b.p, "<h1>a</h1>\n<h3>b</h3>\n");
	buf_reset(&b);
	markup_render(&b, MARKUP_HTML, "# a\n### b", 9, 5);
	assert_string_equal(b.p, "<h5>a</h5>\n<h6>b</h6>\n");
	buf_reset(&b);
	markup_render(&b, MARKUP_HTML, "# a", 3, 0);
	assert_string_equal(b.p, "<h1>a</h1>\n");
	buf_reset(&b);
	markup_render(&b, MARKUP_HTML, "# a", 3, 99);
	assert_string_equal(b.p, "<h6>a</h6>\n");
	buf_free(&b);
}

static void
test_text(void **state)
{
	static const char *const cases[][2] = {
		{ "Hello", "Hello\n" },
		{ "# Title\npara one\nline two\n\n- a\n  more\n- b\n\n1. x\n"
		    "2. y", "Title\n\npara one\nline two\n\n- a\n   more\n"
		    "- b\n\n1. x\n2. y\n" },
		{ "**strong** and *em*", "*strong* and *em*\n" },
		{ "[weft](https://e.org) [](mailto:a@b.org)",
		    "weft <https://e.org> mailto:a@b.org\n" },
		{ "[bad](javascript:x) <b> & \"", "bad <b> & \"\n" },
		{ "a\x01\xff", "a\xef\xbf\xbd\n" },
	};
	struct buf	 b;
	size_t		 i;

	for (i = 0; i < NELEM(cases); i++) {
		buf_init(&b);
		markup_render(&b, MARKUP_TEXT, cases[i][0], strlen(cases[i][0]),
		    2);
		if (strcmp(b.p, cases[i][1]) != 0)
			fail_msg("case %zu:\n  got  %s\n  want %s", i, b.p,
			    cases[i][1]);
		buf_free(&b);
	}
}

static void
test_url(void **state)
{
	static const char *const good[] = {
		"http://e.org", "https://e.org/a/b?c=d&e=f#g", "HTTPS://E.ORG",
		"mailto:a@b.org", "https://e.org:8080/~x%20y",
		"mailto:a@b.org?subject=Hi",
	};
	static const char *const bad[] = {
		"", "http://", "https:", "https:/e.org", "https:///x",
		"https://@e.org", "https://:80", "javascript:alert(1)",
		"JavaScript:x", "data:text/html,x", "vbscript:x", "ftp://e.org",
		"file:///etc/passwd", "//e.org", "/path", "e.org", "mailto:",
		"mailto:x", "mailto:@x", "https://e.org/a b",
		"https://e.org/\"", "https://e.org/'", "https://e.org/<",
		"https://e.org/>", "https://e.org/(", "https://e.org/\\",
		"https://e.org/`", "https://e.org/\x7f", "https://e.org/\t",
		"https://caf\xc3\xa9.org",
	};
	size_t	 i;

	for (i = 0; i < NELEM(good); i++)
		if (!markup_url_ok(good[i], strlen(good[i])))
			fail_msg("refused %s", good[i]);
	for (i = 0; i < NELEM(bad); i++)
		if (markup_url_ok(bad[i], strlen(bad[i])))
			fail_msg("accepted %s", bad[i]);
	/* The length counts, not a NUL. */
	assert_false(markup_url_ok("https://e.org\0x", 15));
	assert_true(markup_url_ok("https://e.orgjavascript", 13));
}

/* Bounded look-ahead: a long line of '[' or '*' is still text, and a
 * link text or address over the limit is not a link. */
static void
test_bounds(void **state)
{
	static char	 src[MARKUP_URL_MAX + 64];
	struct buf	 b;
	size_t		 n;

	memset(src, '[', 2000);
	buf_init(&b);
	markup_render(&b, MARKUP_HTML, src, 2000, 2);
	assert_int_equal(b.len, strlen("<p></p>\n") + 2000);
	buf_reset(&b);
	n = (size_t)snprintf(src, sizeof(src), "[x](https://e.org/");
	memset(src + n, 'a', MARKUP_URL_MAX);
	src[n + MARKUP_URL_MAX] = ')';
	markup_render(&b, MARKUP_HTML, src, n + MARKUP_URL_MAX + 1, 2);
	assert_null(strstr(b.p, "<a "));
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_url),
		cmocka_unit_test(test_bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
