/*
 * tmpl_shim.cc: what a dictionary renders to.  The shim hands ctemplate
 * its keys with their ids computed once per worker (a table of keys seen
 * so far): keys built at run time in a reused buffer must still each be
 * their own key, values are HTML-escaped, integers come out as decimal,
 * and a table that has filled up still gives every key its value.
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

#include "tmpl.h"
#include "util.h"

static char	 root[64];

static void
put_file(const char *name, const char *text)
{
	char	 path[128];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", root, name);
	assert_non_null(f = fopen(path, "w"));
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static int
setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/weft-test-tmpl.XXXXXX");
	if (mkdtemp(root) == NULL)
		return -1;
	put_file("vars.tpl", "{{%AUTOESCAPE context=\"HTML\"}}\n"
	    "A={{A}} N={{N}} M={{M}} P={{P}}"
	    "{{#S}}[{{X}}{{#IN}}+{{/IN}}]{{/S}}{{#H}}hidden{{/H}}"
	    "{{#K_1}}k1{{/K_1}}{{#K_2}}k2{{/K_2}} {{V_1}},{{V_2}}\n");
	put_file("many.tpl", "{{%AUTOESCAPE context=\"HTML\"}}\n"
	    "{{Z0}} {{Z499}} {{Z999}}{{#Q}} {{Z999}}{{/Q}}\n");
	put_file("outer.tpl", "{{%AUTOESCAPE context=\"HTML\"}}\n"
	    "<{{T}}>{{>BODY}}\n");
	put_file("inner.tpl", "{{%AUTOESCAPE context=\"HTML\"}}\n"
	    "({{T}})");
	put_file("markup.tpl", "{{%AUTOESCAPE context=\"HTML\"}}\n"
	    "<div>{{BODY_HTML:none}}</div>{{T}}");
	return tmpl_init(root) == WEFT_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	const char	*files[] = { "vars.tpl", "many.tpl", "outer.tpl",
	    "inner.tpl", "markup.tpl" };
	char		 path[128];
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(files); i++) {
		snprintf(path, sizeof(path), "%s/%s", root, files[i]);
		unlink(path);
	}
	rmdir(root);
	return 0;
}

static void
render(const struct tmpl_dict *d, const char *file, const char *want)
{
	struct buf	 out;

	buf_init(&out);
	assert_int_equal(tmpl_render(d, file, &out), WEFT_OK);
	assert_string_equal(out.p, want);
	buf_free(&out);
}

static void
test_values_and_sections(void **state)
{
	struct tmpl_dict	*d, *s;
	char			 key[16];
	int			 i;

	(void)state;
	assert_non_null(d = tmpl_dict_new());
	tmpl_set(d, "A", "<b>&\"x\"");
	tmpl_set_int(d, "N", LLONG_MIN);
	tmpl_set_int(d, "M", 0);
	tmpl_set_int(d, "P", 1234567890123LL);
	for (i = 1; i <= 3; i++) {
		s = tmpl_section(d, "S");
		tmpl_set_int(s, "X", i);
		if (i == 2)
			tmpl_show(s, "IN");
	}
	/* Keys made at run time in one buffer: each is its own key. */
	for (i = 1; i <= 2; i++) {
		snprintf(key, sizeof(key), "V_%d", i);
		tmpl_set(d, key, i == 1 ? "one" : "two");
	}
	snprintf(key, sizeof(key), "K_%d", 2);
	tmpl_show(d, key);
	/* Set twice: the last value counts. */
	tmpl_set(d, "M", "zero");
	render(d, "vars.tpl", "A=&lt;b&gt;&amp;&quot;x&quot; "
	    "N=-9223372036854775808 M=zero P=1234567890123"
	    "[1][2+][3]k2 one,two\n");
	tmpl_dict_free(d);
	/* The same keys in a new dictionary start empty. */
	assert_non_null(d = tmpl_dict_new());
	tmpl_set(d, "A", NULL);
	render(d, "vars.tpl", "A= N= M= P= ,\n");
	tmpl_dict_free(d);
}

/* More keys than the shim's table holds (1024 slots, 3/4 filled at
 * most): the ones past its limit still render. */
static void
test_many_keys(void **state)
{
	struct tmpl_dict	*d;
	char			 key[16], val[16];
	int			 i;

	(void)state;
	assert_non_null(d = tmpl_dict_new());
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "Z%d", i);
		snprintf(val, sizeof(val), "v%d", i);
		tmpl_set(d, key, val);
	}
	tmpl_show(d, "Q");
	render(d, "many.tpl", "v0 v499 v999 v999\n");
	tmpl_dict_free(d);
}

/* An include has a dictionary of its own: no value from the outside. */
static void
test_include(void **state)
{
	struct tmpl_dict	*d, *body;

	(void)state;
	assert_non_null(d = tmpl_dict_new());
	tmpl_set(d, "T", "out");
	body = tmpl_include(d, "BODY", "inner.tpl");
	tmpl_set(body, "T", "in<");
	render(d, "outer.tpl", "<out>(in&lt;)\n");
	tmpl_dict_free(d);
}

/* Rendered markup is the one value not escaped again; what it holds of
 * the source is escaped by the renderer. */
static void
test_markup(void **state)
{
	struct tmpl_dict	*d;

	(void)state;
	assert_non_null(d = tmpl_dict_new());
	assert_int_equal(tmpl_set_markup(d, "BODY_HTML", "# Hi <b>\n*so* "
	    "[x](javascript:y)", 2), 1);
	tmpl_set(d, "T", "<i>");
	render(d, "markup.tpl", "<div><h2>Hi &lt;b&gt;</h2>\n"
	    "<p><em>so</em> x</p>\n</div>&lt;i&gt;");
	assert_int_equal(tmpl_set_markup(d, "BODY_HTML", NULL, 2), 0);
	render(d, "markup.tpl", "<div></div>&lt;i&gt;");
	tmpl_dict_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values_and_sections),
		cmocka_unit_test(test_many_keys),
		cmocka_unit_test(test_include),
		cmocka_unit_test(test_markup),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
