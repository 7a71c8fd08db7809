/*
 * form.c: a table read into typed values.  Each kind with a good value
 * and the bad ones beside it; required and optional, absent and empty;
 * values out of range; a key sent twice and the table's order; the page
 * a form fills, rendered through the real error summary include
 * (templates/form_errors.tpl).
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "form.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "util.h"

static char	 root[64];

/* A submission as a browser sends it. */
static void
parse(const char *body, struct http_kvlist *kv)
{
	static const struct http_limits lim = { 64, 8192 };

	memset(kv, 0, sizeof(*kv));
	assert_int_equal(http_parse_urlencoded(body, strlen(body), &lim, kv),
	    HTTP_PARSE_OK);
}

/* Reads one field of table f from body; returns how many were refused. */
static size_t
read1(const struct form_field *f, const char *body, struct form_value *v)
{
	struct http_kvlist	 kv;
	size_t			 bad;

	parse(body, &kv);
	bad = form_read(f, 1, &kv, "en", NULL, v);
	/* str points into kv: the callers look at it first, so copy what
	 * they need before it goes.  Here only set/err/typed are kept. */
	v->str = v->sent ? "(sent)" : "";
	http_kvlist_free(&kv);
	return bad;
}

struct kcase {
	struct form_field	 f;
	const char		*body;
	enum valid_err		 err;
	int			 by_kind;
};

/* ---- each kind, good and bad ----------------------------------------- */

/* A row of the table below: a field; a choice of yn[]. */
#define F(name, kind, req, min, max) \
	{ name, kind, req, min, max, .flags = 0 }
#define C(name, req, min, max) \
	{ name, FORM_CHOICE, req, min, max, FORM_CHOICES(yn) }

static const char *const yn[] = { "no", "yes" };

/* Each kind's good and bad inputs, one row a case. */
static const struct kcase kind_cases[] = {
	{ F("t", FORM_TEXT, 1, 1, 5), "t=abc", VALID_OK, 0 },
	{ F("t", FORM_TEXT, 1, 1, 5), "t=abcdef", VALID_TOO_LONG, 0 },
	{ F("t", FORM_TEXT, 1, 2, 5), "t=a", VALID_TOO_SHORT, 0 },
	{ F("t", FORM_TEXT, 1, 1, 5), "t=a%01", VALID_FORMAT, 0 },
	{ F("t", FORM_TEXT, 1, 1, 5), "t=a%0Ab", VALID_FORMAT, 0 },
	{ F("t", FORM_TEXT, 1, 1, 5), "t=+++", VALID_EMPTY, 0 },
	{ F("t", FORM_MULTILINE, 1, 1, 5), "t=a%0Ab", VALID_OK, 0 },
	{ F("t", FORM_MULTILINE, 1, 1, 5), "t=a%01", VALID_FORMAT, 0 },
	{ F("e", FORM_EMAIL, 1, 0, 0), "e=a%40example.org",
	    VALID_OK, 0 },
	{ F("e", FORM_EMAIL, 1, 0, 0), "e=a.example.org",
	    VALID_FORMAT, 0 },
	{ F("u", FORM_USERNAME, 1, 0, 0), "u=alice", VALID_OK, 0 },
	{ F("u", FORM_USERNAME, 1, 0, 0), "u=Alice", VALID_FORMAT, 0 },
	{ F("u", FORM_USERNAME, 1, 0, 0), "u=al", VALID_TOO_SHORT, 0 },
	{ F("p", FORM_PASSWORD, 1, 0, 0), "p=longenough1",
	    VALID_OK, 0 },
	{ F("p", FORM_PASSWORD, 1, 0, 0), "p=short",
	    VALID_TOO_SHORT, 0 },
	{ F("p", FORM_PASSWORD, 1, 1, 8), "p=short", VALID_OK, 0 },
	{ F("p", FORM_PASSWORD, 1, 1, 4), "p=short",
	    VALID_TOO_LONG, 0 },
	{ F("i", FORM_INT, 1, 0, 1), "i=1", VALID_OK, 0 },
	{ F("i", FORM_INT, 1, 0, 1), "i=2", VALID_RANGE, 0 },
	{ F("i", FORM_INT, 1, -5, 5), "i=-5", VALID_OK, 0 },
	{ F("i", FORM_INT, 1, 0, 1), "i=1.0", VALID_FORMAT, 0 },
	{ F("d", FORM_ID, 1, 0, 0), "d=42", VALID_OK, 0 },
	{ F("d", FORM_ID, 1, 0, 0), "d=0", VALID_RANGE, 0 },
	{ F("d", FORM_ID, 1, 0, 0), "d=042", VALID_FORMAT, 0 },
	{ F("d", FORM_ID, 1, 0, 0), "d=9007199254740993",
	    VALID_RANGE, 0 },
	{ F("h", FORM_HOURS, 1, 0, 2400), "h=1.5", VALID_OK, 0 },
	{ F("h", FORM_HOURS, 1, 0, 2400), "h=24", VALID_OK, 0 },
	{ F("h", FORM_HOURS, 1, 0, 2400), "h=24.25", VALID_RANGE, 1 },
	{ F("h", FORM_HOURS, 1, 0, 2400), "h=0", VALID_RANGE, 1 },
	{ F("h", FORM_HOURS, 1, 0, 2400), "h=1.3", VALID_FORMAT, 1 },
	{ F("h", FORM_HOURS, 1, 0, 2400), "h=-1", VALID_FORMAT, 1 },
	{ F("h", FORM_HOURS, 1, 0, 0), "h=999999", VALID_OK, 0 },
	{ F("h", FORM_HOURS, 1, 0, 0),
	    "h=111111111111111111111111111111111",
	    VALID_TOO_LONG, 0 },
	{ F("w", FORM_DATE, 1, 0, 0), "w=2024-02-29", VALID_OK, 0 },
	{ F("w", FORM_DATE, 1, 0, 0), "w=2023-02-29", VALID_RANGE, 0 },
	{ F("w", FORM_DATE, 1, 0, 0), "w=2024-2-29", VALID_FORMAT, 0 },
	{ F("l", FORM_LANG, 1, 0, 0), "l=pt-BR", VALID_OK, 0 },
	{ F("l", FORM_LANG, 1, 0, 0), "l=p", VALID_FORMAT, 0 },
	{ C("c", 1, 0, 0), "c=yes", VALID_OK, 0 },
	{ C("c", 1, 0, 0), "c=YES", VALID_RANGE, 1 },
	{ C("c", 1, 0, 3), "c=maybe", VALID_TOO_LONG, 0 },
	{ F("b", FORM_BOOL, 0, 0, 0), "b=anything", VALID_OK, 0 },
};

static void
test_kinds(void **state)
{
	struct form_value	 v;
	size_t			 i;

	(void)state;
	for (i = 0; i < NELEM(kind_cases); i++) {
		const struct kcase	*c = &kind_cases[i];
		size_t			 bad = read1(&c->f, c->body, &v);

		if (v.err != c->err || v.by_kind != c->by_kind)
			fail_msg("case %zu (%s): err %d by_kind %d", i,
			    c->body, v.err, v.by_kind);
		assert_int_equal(v.sent, 1);
		assert_int_equal(v.set, c->err == VALID_OK);
		assert_int_equal(bad, c->err != VALID_OK);
	}
}

/* The typed values themselves. */
static void
test_typed_values(void **state)
{
	static const char *const kinds[] = { "offer", "request" };
	enum { T_N, T_ID, T_H, T_D, T_C, T_B, T_S, T__MAX };
	static const struct form_field f[T__MAX] = {
		[T_N] = { "n", FORM_INT, 1, -10, 10 },
		[T_ID] = { "id", FORM_ID, 1, 0, 0 },
		[T_H] = { "h", FORM_HOURS, 1, 0, 2400 },
		[T_D] = { "d", FORM_DATE, 1, 0, 0 },
		[T_C] = { "c", FORM_CHOICE, 1, 1, 16, FORM_CHOICES(kinds) },
		[T_B] = { "b", FORM_BOOL, 0, 0, 0 },
		[T_S] = { "s", FORM_TEXT, 1, 1, 20 },
	};
	struct http_kvlist	 kv;
	struct form_value	 v[T__MAX];

	(void)state;
	parse("n=-7&id=9007199254740992&h=2.75&d=2026-12-01&c=request&b=1&"
	    "s=caf%C3%A9", &kv);
	assert_int_equal(form_read(f, T__MAX, &kv, "en", NULL, v), 0);
	assert_int_equal(v[T_N].n, -7);
	assert_true(v[T_ID].id == 9007199254740992LL);
	assert_int_equal(v[T_H].hours, 275);
	assert_int_equal(v[T_D].date.y, 2026);
	assert_int_equal(v[T_D].date.m, 12);
	assert_int_equal(v[T_D].date.d, 1);
	assert_string_equal(v[T_D].str, "2026-12-01");
	assert_int_equal(v[T_C].choice, 1);
	assert_int_equal(v[T_B].on, 1);
	assert_string_equal(v[T_S].str, "caf\xc3\xa9");
	http_kvlist_free(&kv);

	/* The bool unsent is off, and still valid. */
	parse("n=0&id=1&h=1&d=2026-12-01&c=offer&s=x", &kv);
	assert_int_equal(form_read(f, T__MAX, &kv, "en", NULL, v), 0);
	assert_int_equal(v[T_B].on, 0);
	assert_int_equal(v[T_B].sent, 0);
	assert_int_equal(v[T_B].err, VALID_OK);
	assert_int_equal(v[T_C].choice, 0);
	http_kvlist_free(&kv);
}

/* ---- required and optional -------------------------------------------- */

static void
test_required_optional(void **state)
{
	enum { R_REQ, R_OPT, R_OPTID, R__MAX };
	static const struct form_field f[R__MAX] = {
		[R_REQ] = { "req", FORM_TEXT, 1, 1, 10 },
		[R_OPT] = { "opt", FORM_TEXT, 0, 0, 10 },
		[R_OPTID] = { "optid", FORM_ID, 0, 0, 0 },
	};
	struct http_kvlist	 kv;
	struct form_value	 v[R__MAX];

	(void)state;
	/* Absent: the required one is refused as empty, the optional ones
	 * are fine and not set; str is "" and never NULL. */
	parse("", &kv);
	assert_int_equal(form_read(f, R__MAX, &kv, "en", NULL, v), 1);
	assert_int_equal(v[R_REQ].err, VALID_EMPTY);
	assert_int_equal(v[R_REQ].sent, 0);
	assert_int_equal(v[R_OPT].err, VALID_OK);
	assert_int_equal(v[R_OPT].set, 0);
	assert_int_equal(v[R_OPT].sent, 0);
	assert_string_equal(v[R_OPT].str, "");
	assert_int_equal(v[R_OPTID].err, VALID_OK);
	assert_int_equal(v[R_OPTID].id, 0);
	http_kvlist_free(&kv);
	/* Empty is as absent, but sent. */
	parse("req=&opt=&optid=", &kv);
	assert_int_equal(form_read(f, R__MAX, &kv, "en", NULL, v), 1);
	assert_int_equal(v[R_REQ].err, VALID_EMPTY);
	assert_int_equal(v[R_REQ].sent, 1);
	assert_int_equal(v[R_OPT].sent, 1);
	assert_int_equal(v[R_OPT].set, 0);
	assert_int_equal(v[R_OPTID].set, 0);
	http_kvlist_free(&kv);
	/* An optional field given a bad value is refused all the same. */
	parse("req=x&optid=abc", &kv);
	assert_int_equal(form_read(f, R__MAX, &kv, "en", NULL, v), 1);
	assert_int_equal(v[R_REQ].set, 1);
	assert_int_equal(v[R_OPTID].err, VALID_FORMAT);
	assert_int_equal(v[R_OPTID].set, 0);
	http_kvlist_free(&kv);
}

/* ---- out of range ------------------------------------------------------ */

static void
test_out_of_range(void **state)
{
	static const struct form_field ints = { "n", FORM_INT, 1, 1, 12,
	    .flags = 0 };
	static const struct form_field hours = { "h", FORM_HOURS, 1, 0, 100,
	    .flags = 0 };
	struct form_value	 v;

	(void)state;
	assert_int_equal(read1(&ints, "n=12", &v), 0);
	assert_int_equal(read1(&ints, "n=13", &v), 1);
	assert_int_equal(v.err, VALID_RANGE);
	assert_int_equal(read1(&ints, "n=0", &v), 1);
	assert_int_equal(v.err, VALID_RANGE);
	assert_int_equal(read1(&ints, "n=99999999999999999999", &v), 1);
	assert_int_equal(v.err, VALID_RANGE);
	/* The most hours is max hundredths, and no more. */
	assert_int_equal(read1(&hours, "h=1", &v), 0);
	assert_int_equal(v.hours, 100);
	assert_int_equal(read1(&hours, "h=1.25", &v), 1);
	assert_int_equal(v.err, VALID_RANGE);
	assert_int_equal(v.set, 0);
	assert_int_equal(read1(&hours, "h=99999999999999999999", &v), 1);
	assert_int_equal(v.err, VALID_RANGE);
}

/* ---- a key twice; the table's order ----------------------------------- */

static void
test_duplicates_and_order(void **state)
{
	enum { O_A, O_B, O_C, O__MAX };
	static const struct form_field f[O__MAX] = {
		[O_C] = { "c", FORM_ID, 0, 0, 0 },
		[O_A] = { "a", FORM_TEXT, 0, 0, 10 },
		[O_B] = { "b", FORM_INT, 0, 0, 100 },
	};
	static const struct form_field twice[2] = {
		[0] = { "a", FORM_TEXT, 0, 0, 10 },
		[1] = { "a", FORM_ID, 0, 0, 0 },
	};
	static const struct form_field hole[3] = {
		[0] = { "a", FORM_TEXT, 0, 0, 10 },
		[2] = { "c", FORM_TEXT, 0, 0, 10 },
	};
	static const struct form_field nochoice[1] = {
		[0] = { "a", FORM_CHOICE, 0, 0, 0 },
	};
	struct http_kvlist	 kv;
	struct form_value	 v[O__MAX];

	(void)state;
	/* Whatever order the keys come in, v follows the field enum. */
	parse("c=3&b=2&a=first", &kv);
	form_duplicates_clear();
	assert_int_equal(form_read(f, O__MAX, &kv, "en", NULL, v), 0);
	assert_string_equal(v[O_A].str, "first");
	assert_int_equal(v[O_B].n, 2);
	assert_int_equal(v[O_C].id, 3);
	assert_int_equal(form_duplicates_seen(), 0);
	http_kvlist_free(&kv);
	/* A key sent twice is refused, not read as its first value, and
	 * remembered for the request (issue 15, 11); the others still read. */
	parse("c=3&b=2&a=first&a=second&b=99x", &kv);
	assert_int_equal(form_read(f, O__MAX, &kv, "en", NULL, v), 2);
	assert_int_equal(v[O_A].set, 0);
	assert_int_equal(v[O_A].err, VALID_TWICE);
	assert_int_equal(v[O_B].set, 0);
	assert_int_equal(v[O_B].err, VALID_TWICE);
	assert_int_equal(v[O_C].id, 3);
	assert_int_equal(form_duplicates_seen(), 1);
	form_duplicates_clear();
	assert_int_equal(form_duplicates_seen(), 0);
	http_kvlist_free(&kv);
	/* A quiet field too: its handler must not act on either value. */
	static const struct form_field quiet[1] = {
		[0] = { "k", FORM_TEXT, 0, 0, 10, .flags = FORM_QUIET },
	};
	parse("k=1&k=2", &kv);
	assert_int_equal(form_read(quiet, 1, &kv, "en", NULL, v), 1);
	assert_int_equal(v[0].set, 0);
	assert_int_equal(form_duplicates_seen(), 1);
	form_duplicates_clear();
	http_kvlist_free(&kv);
	/* A well-made table; one naming a field twice, one with a field of
	 * its enum left out, one choice without its keys. */
	assert_int_equal(form_table_ok(f, O__MAX), 1);
	assert_int_equal(form_table_ok(twice, 2), 0);
	assert_int_equal(form_table_ok(hole, 3), 0);
	assert_int_equal(form_table_ok(nochoice, 1), 0);
}

/* ---- quiet fields, messages of the field's own ------------------------ */

/* An area's message for a kind's refusal: the value and the limit. */
static void
why(const struct form_field *f, const char *in, enum valid_err e,
    const char *lang, char *msg, size_t len)
{
	(void)lang;
	snprintf(msg, len, "why %s %d max %lld", in, (int)e, f->max);
}

static void
test_quiet(void **state)
{
	enum { Q_CUR, Q_X, Q__MAX };
	static const struct form_field f[Q__MAX] = {
		[Q_CUR] = { "cur", FORM_ID, 0, 0, 0, .flags = FORM_QUIET },
		[Q_X] = { "x", FORM_TEXT, 0, 0, 3 },
	};
	struct http_kvlist	 kv;
	struct form_value	 v[Q__MAX];

	(void)state;
	/* Refused, not counted; the handler sees why. */
	parse("cur=abc&x=ok", &kv);
	assert_int_equal(form_read(f, Q__MAX, &kv, "en", NULL, v), 0);
	assert_int_equal(v[Q_CUR].set, 0);
	assert_int_equal(v[Q_CUR].err, VALID_FORMAT);
	assert_string_equal(v[Q_CUR].str, "abc");
	http_kvlist_free(&kv);
}

/* ---- the page ---------------------------------------------------------- */

static int
setup(void **state)
{
	char	 cwd[400], path[600], link[600];
	FILE	*f;

	(void)state;
	snprintf(root, sizeof(root), "/tmp/weft-test-form.XXXXXX");
	if (mkdtemp(root) == NULL || getcwd(cwd, sizeof(cwd)) == NULL)
		return -1;
	/* The real include, from the checkout the tests run in. */
	snprintf(link, sizeof(link), "%s/templates/form_errors.tpl", cwd);
	snprintf(path, sizeof(path), "%s/form_errors.tpl", root);
	if (access(link, R_OK) != 0 || symlink(link, path) != 0)
		return -1;
	snprintf(path, sizeof(path), "%s/page.tpl", root);
	if ((f = fopen(path, "w")) == NULL)
		return -1;
	fputs("{{%AUTOESCAPE context=\"HTML\"}}<p>top</p>\n"
	    "{{#FORM_ERRORS}}{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}\n"
	    "[{{NAME}}]{{#NAME_INVALID}} invalid: {{NAME_ERROR}}"
	    "{{/NAME_INVALID}}\n"
	    "[{{PW}}]{{#PW_INVALID}} pw: {{PW_ERROR}}{{/PW_INVALID}}\n"
	    "[{{CUR}}]{{#CUR_INVALID}} cur{{/CUR_INVALID}}\n"
	    "[{{H}}]{{#H_INVALID}} h: {{H_ERROR}}{{/H_INVALID}}\n"
	    "[{{K}}]{{#K_INVALID}} k: {{K_ERROR}}{{/K_INVALID}}\n"
	    "{{#OK_CHECKED}}checked{{/OK_CHECKED}}\n", f);
	if (fclose(f) != 0)
		return -1;
	return tmpl_init(root) == WEFT_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	char	 path[128];

	(void)state;
	snprintf(path, sizeof(path), "%s/page.tpl", root);
	unlink(path);
	snprintf(path, sizeof(path), "%s/form_errors.tpl", root);
	unlink(path);
	rmdir(root);
	return 0;
}

enum { P_NAME, P_PW, P_CUR, P_H, P_K, P_OK, P__MAX };
static const char *const page_kinds[] = { "offer", "request" };
static const struct form_field page_fields[P__MAX] = {
	[P_NAME] = { "name", FORM_TEXT, 1, 1, 5 },
	[P_PW] = { "pw", FORM_PASSWORD, 1, 0, 0 },
	[P_CUR] = { "cur", FORM_ID, 0, 0, 0, .flags = FORM_QUIET },
	[P_H] = { "h", FORM_HOURS, 1, 0, 2400, .why = why },
	[P_K] = { "k", FORM_CHOICE, 1, 1, 16, FORM_CHOICES(page_kinds),
	    .refusal = "password.mismatch" },
	[P_OK] = { "ok", FORM_BOOL, 0, 0, 0 },
};

/* Renders page.tpl after form_read() of body (and extra, when set). */
static void
render_form(const char *body, void (*extra)(struct tmpl_dict *),
    const char *want)
{
	struct http_kvlist	 kv;
	struct form_value	 v[P__MAX];
	struct tmpl_dict	*d;
	struct buf		 out;

	parse(body, &kv);
	assert_non_null(d = tmpl_dict_new());
	(void)form_read(page_fields, P__MAX, &kv, "en", d, v);
	if (extra != NULL)
		extra(d);
	buf_init(&out);
	assert_int_equal(tmpl_render(d, "page.tpl", &out), WEFT_OK);
	assert_string_equal(out.p, want);
	buf_free(&out);
	tmpl_dict_free(d);
	http_kvlist_free(&kv);
}

static void
taken(struct tmpl_dict *d)
{
	form_error(d, "name", "Taken & gone.");
}

static void
heading(struct tmpl_dict *d)
{
	form_summary(d, "en", "form.summary.filters", "mine-title", 4);
}

static void
test_page(void **state)
{
	(void)state;
	/* All good: the input kept (but the password and the quiet field),
	 * no summary, the block's line left empty as before. */
	render_form("name=ab%3Cc&pw=longenough1&cur=7&h=1.5&k=offer&ok=1",
	    NULL,
	    "<p>top</p>\n"
	    "\n"
	    "[ab&lt;c]\n"
	    "[]\n"
	    "[]\n"
	    "[1.5]\n"
	    "[offer]\n"
	    "checked\n");
	/* Each refusal with its message, in the table's order, in the
	 * summary and at the field: the validator's, the area's why() with
	 * the limit, the field's own phrase; then one from the handler. */
	render_form("name=toolong&pw=short&cur=x&h=1.3&k=other", taken,
	    "<p>top</p>\n"
	    "<div class=\"error-summary\" role=\"alert\" "
	    "aria-labelledby=\"error-summary-title\">\n"
	    "<h2 id=\"error-summary-title\">Please correct the following"
	    "</h2>\n"
	    "<ul>\n"
	    "<li><a href=\"#name\">This is too long.</a></li>\n"
	    "<li><a href=\"#pw\">This is too short.</a></li>\n"
	    "<li><a href=\"#h\">why 1.3 4 max 2400</a></li>\n"
	    "<li><a href=\"#k\">The two passwords are not the same.</a></li>\n"
	    "<li><a href=\"#name\">Taken &amp; gone.</a></li>\n"
	    "</ul>\n"
	    "</div>\n"
	    "[toolong] invalid: Taken &amp; gone.\n"
	    "[] pw: This is too short.\n"
	    "[]\n"
	    "[1.3] h: why 1.3 4 max 2400\n"
	    "[other] k: The two passwords are not the same.\n"
	    "\n");
	/* Empty required fields; another heading for the summary. */
	render_form("name=&h=&k=", heading,
	    "<p>top</p>\n"
	    "<div class=\"error-summary\" role=\"alert\" "
	    "aria-labelledby=\"mine-title\">\n"
	    "<h4 id=\"mine-title\">Please correct the filters</h4>\n"
	    "<ul>\n"
	    "<li><a href=\"#name\">This field is required.</a></li>\n"
	    "<li><a href=\"#pw\">This field is required.</a></li>\n"
	    "<li><a href=\"#h\">This field is required.</a></li>\n"
	    "<li><a href=\"#k\">This field is required.</a></li>\n"
	    "</ul>\n"
	    "</div>\n"
	    "[] invalid: This field is required.\n"
	    "[] pw: This field is required.\n"
	    "[]\n"
	    "[] h: This field is required.\n"
	    "[] k: This field is required.\n"
	    "\n");
	/* Without a page there is nothing to mark. */
	form_error(NULL, "name", "ignored");
}

/* form_show() after form_read() without a page: the same page. */
static void
test_show_later(void **state)
{
	struct http_kvlist	 kv;
	struct form_value	 v[P__MAX];
	struct tmpl_dict	*d;
	struct buf		 out;

	(void)state;
	parse("name=toolong&pw=longenough1&h=2&k=offer", &kv);
	assert_int_equal(form_read(page_fields, P__MAX, &kv, "en", NULL, v),
	    1);
	assert_non_null(d = tmpl_dict_new());
	form_show(page_fields, P__MAX, v, "en", d);
	buf_init(&out);
	assert_int_equal(tmpl_render(d, "page.tpl", &out), WEFT_OK);
	assert_non_null(strstr(out.p, "<li><a href=\"#name\">This is too "
	    "long.</a></li>\n</ul>"));
	assert_non_null(strstr(out.p, "[toolong] invalid: This is too long."));
	buf_free(&out);
	tmpl_dict_free(d);
	http_kvlist_free(&kv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_typed_values),
		cmocka_unit_test(test_required_optional),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_duplicates_and_order),
		cmocka_unit_test(test_quiet),
		cmocka_unit_test(test_page),
		cmocka_unit_test(test_show_later),
	};

	/* The English catalogue, as a program reads it at start-up. */
	if (i18n_load("templates/phrases") != WEFT_OK)
		return 1;
	return cmocka_run_group_tests(tests, setup, teardown);
}
