/*
 * tmpl_lint.c and the build's check of it (tools/weft-phrases): words in
 * a template outside phrase markers are found, in the text and in the
 * attributes people read, with their lines; tags, markers, entities,
 * comments and the attributes nobody reads are not words.  Under
 * --strict weft-phrases fails on a template with English, naming the
 * file and line; without, it warns and succeeds; a template of markers
 * passes either way.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "tmpl_lint.h"

#define FOUND_MAX	8

struct found {
	size_t		 n;
	unsigned	 line[FOUND_MAX];
	char		 where[FOUND_MAX][32];
	char		 text[FOUND_MAX][128];
};

static void
found(void *ctx, unsigned line, const char *where, const char *text,
    size_t len)
{
	struct found	*f = ctx;

	if (f->n == FOUND_MAX)
		return;
	f->line[f->n] = line;
	snprintf(f->where[f->n], sizeof(f->where[0]), "%s", where);
	snprintf(f->text[f->n], sizeof(f->text[0]), "%.*s", (int)len, text);
	f->n++;
}

static long
lint(const char *tpl, struct found *f)
{
	memset(f, 0, sizeof(*f));
	return tmpl_lint_words(tpl, strlen(tpl), found, f);
}

static void
test_text(void **state)
{
	struct found	 f;

	(void)state;
	assert_int_equal(lint("{{%AUTOESCAPE context=\"HTML\"}}<h1>Members"
	    "</h1>\n<p>[[x.y]]</p>\n<p>\n  Log out  </p>", &f), 2);
	assert_int_equal(f.line[0], 1);
	assert_string_equal(f.where[0], "text");
	assert_string_equal(f.text[0], "Members");
	assert_int_equal(f.line[1], 4);	/* the line of the first letter */
	assert_string_equal(f.text[1], "Log out");
	/* A word around a variable, and a section's words. */
	assert_int_equal(lint("<p>Error {{STATUS}}.</p>", &f), 1);
	assert_int_equal(lint("<li>{{#A}}yes{{/A}}</li>", &f), 1);
	assert_string_equal(f.text[0], "yes");
	/* Letters beyond ASCII are words too. */
	assert_int_equal(lint("<p>\xc3\xa9t\xc3\xa9</p>", &f), 1);
	/* <option> labels are text. */
	assert_int_equal(lint("<select><option value=\"\">None</option>"
	    "</select>", &f), 1);
}

static void
test_attributes(void **state)
{
	struct found	 f;

	(void)state;
	assert_int_equal(lint("<nav aria-label=\"Main\"><img alt='A cat' "
	    "src=x.png><input placeholder=Search title=\"[[k.t]]\"></nav>",
	    &f), 3);
	assert_string_equal(f.where[0], "aria-label");
	assert_string_equal(f.text[0], "Main");
	assert_string_equal(f.where[1], "alt");
	assert_string_equal(f.text[1], "A cat");
	assert_string_equal(f.where[2], "placeholder");
	/* A button's value is its text; a text field's value is data. */
	assert_int_equal(lint("<input value=\"Send\" type=\"submit\">"
	    "<input type=\"text\" name=\"q\" value=\"abc\">", &f), 1);
	assert_string_equal(f.where[0], "value");
	assert_string_equal(f.text[0], "Send");
	/* Attributes nobody reads, and tags spread over lines. */
	assert_int_equal(lint("<a href=\"/members?x=y\" class=\"menu\"\n"
	    "   id=\"menu-{{ID}}\"{{#C}} aria-current=\"page\"{{/C}}>[[k.a]]"
	    "</a>", &f), 0);
}

static void
test_not_words(void **state)
{
	struct found	 f;

	(void)state;
	/* Tags, markers, comments, entities, numbers and punctuation. */
	assert_int_equal(lint("{{! A comment with words }}<!-- and HTML's "
	    "-->\n<!doctype html>\n<p>[[a.b n=TOTAL]] &mdash; &#8212; "
	    "\xc2\xb7 12 (+) \xe2\x80\x9c{{NAME}}\xe2\x80\x9d</p>\n"
	    "<h{{LEVEL}} id=\"{{ID}}\">{{TITLE}}</h{{LEVEL}}>{{>BODY}}",
	    &f), 0);
	/* A lone '<' is text, and so is what follows it. */
	assert_int_equal(lint("<p>1 < 2 and</p>", &f), 1);
	assert_string_equal(f.text[0], "1 < 2 and");
	/* No script or style in weft, but their content is not text. */
	assert_int_equal(lint("<style>p { color: red }</style>", &f), 0);
}

/* ---- weft-phrases --strict --------------------------------------------- */

static char	 tool[512];

/* Runs weft-phrases with args on a template holding text; its exit
 * status, and what it said, in out. */
static int
run_tool(const char *args, const char *text, char *out, size_t len)
{
	char	 tpl[] = "/tmp/weft-lint-XXXXXX.tpl", cmd[1024], drain[4096];
	FILE	*f, *p;
	size_t	 n;
	int	 fd, st;

	assert_true((fd = mkstemps(tpl, 4)) != -1);
	assert_non_null(f = fdopen(fd, "w"));
	fputs(text, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "%s templates/phrases %s %s 2>&1", tool,
	    args, tpl);
	assert_non_null(p = popen(cmd, "r"));
	n = fread(out, 1, len - 1, p);
	out[n] = '\0';
	/* The rest (the warnings about every phrase no file here uses) is
	 * read too: a tool that fills the pipe must not die of SIGPIPE. */
	while (fread(drain, 1, sizeof(drain), p) > 0)
		;
	st = pclose(p);
	unlink(tpl);
	assert_true(WIFEXITED(st));
	return WEXITSTATUS(st);
}

static void
test_tool_strict(void **state)
{
	static const char english[] = "{{%AUTOESCAPE context=\"HTML\"}}"
	    "<h1>[[nav.home]]</h1>\n<p>Hello there</p>\n";
	static const char markers[] = "{{%AUTOESCAPE context=\"HTML\"}}"
	    "<h1>[[nav.home]]</h1>\n<p>[[nav.members]]</p>\n";
	char		  out[1 << 16];

	(void)state;
	if (access(tool, X_OK) != 0)
		fail_msg("%s is not built", tool);
	assert_int_equal(run_tool("--strict", english, out, sizeof(out)), 1);
	assert_non_null(strstr(out, ".tpl:2: English outside a phrase marker "
	    "(text): \"Hello there\""));
	/* Without --strict: a warning, and the build goes on. */
	assert_int_equal(run_tool("", english, out, sizeof(out)), 0);
	assert_non_null(strstr(out, ".tpl:2: warning: 1 piece of English "
	    "outside phrase markers"));
	assert_int_equal(run_tool("--strict", markers, out, sizeof(out)), 0);
	assert_null(strstr(out, "English outside"));
}

int
main(int argc, char *argv[])
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_attributes),
		cmocka_unit_test(test_not_words),
		cmocka_unit_test(test_tool_strict),
	};
	const char	*slash;

	/* The build's tools sit beside the tests' folder: BUILD/tests/x. */
	(void)argc;
	slash = strrchr(argv[0], '/');
	snprintf(tool, sizeof(tool), "%.*s/../weft-phrases",
	    slash != NULL ? (int)(slash - argv[0]) : 1,
	    slash != NULL ? argv[0] : ".");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
