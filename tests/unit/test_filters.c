/*
 * filters.c: the one-line summary of a list's filters.  Parts joined by
 * " · ", empty ones left out, a phrase's {value} filled in, the page's
 * "no filter" phrase when there is no part, and the form open only when
 * asked; rendered through a real template so that the values are seen
 * as the page shows them (escaped).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "filters.h"
#include "i18n.h"
#include "tmpl.h"

static char	 root[64];

/* The page as rendered from f shown with none_key and open. */
static void
render(struct filters *f, int open, struct buf *out)
{
	struct tmpl_dict	*d;

	assert_non_null(d = tmpl_dict_new());
	filters_show(f, d, "members.filters.all", open);
	buf_init(out);
	assert_int_equal(tmpl_render(d, "page.tpl", out), WEFT_OK);
	tmpl_dict_free(d);
}

static void
test_parts(void **state)
{
	struct filters	 f;
	struct buf	 out;

	(void)state;
	filters_init(&f, "en");
	filters_add(&f, "Approved");
	filters_add(&f, "");
	filters_add(&f, NULL);
	filters_add_value(&f, "members.filters.q", "");
	filters_add(&f, "North <Side>");
	filters_add_value(&f, "members.filters.q", "ab");
	render(&f, 0, &out);
	assert_string_equal(out.p, "[Approved · North &lt;Side&gt; · "
	    "name starts with “ab”]\n");
	assert_int_equal(f.n, 0);
	buf_free(&out);
}

static void
test_none_and_open(void **state)
{
	struct filters	 f;
	struct buf	 out;

	(void)state;
	filters_init(&f, "en");
	filters_add(&f, "");
	render(&f, 1, &out);
	assert_string_equal(out.p, "[All members] open\n");
	buf_free(&out);
}

static int
setup(void **state)
{
	char	 path[128];
	FILE	*f;

	(void)state;
	snprintf(root, sizeof(root), "/tmp/weft-test-filters.XXXXXX");
	if (mkdtemp(root) == NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/page.tpl", root);
	if ((f = fopen(path, "w")) == NULL)
		return -1;
	fputs("{{%AUTOESCAPE context=\"HTML\"}}[{{FILTERS_SUMMARY}}]"
	    "{{#FILTERS_OPEN}} open{{/FILTERS_OPEN}}\n", f);
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
	rmdir(root);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parts),
		cmocka_unit_test(test_none_and_open),
	};

	if (i18n_load("templates/phrases") != WEFT_OK)
		return 1;
	return cmocka_run_group_tests(tests, setup, teardown);
}
