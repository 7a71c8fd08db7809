/*
 * The phrase catalogue without a database: gettext plural rules (Spanish
 * 2 forms, Polish 3, Arabic 6, and rules refused), reading catalogue files
 * (notes, plurals, continuations, escapes, and each error with its line),
 * template markers (parsed, refused, rewritten, and their text with
 * placeholders on a page), and filling placeholders.
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

#include "catalogue.h"
#include "i18n.h"
#include "plural.h"
#include "tmpl.h"
#include "tmpl_marker.h"

static const char pl[] = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && "
    "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";
static const char ar[] = "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 "
    "? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);";

static void
test_plural(void **state)
{
	static const long long arn[] = { 0, 1, 2, 3, 10, 11, 99, 100, 102 };
	static const int arf[] = { 0, 1, 2, 3, 3, 4, 4, 5, 5 };
	size_t	 i;

	(void)state;
	assert_int_equal(plural_check("nplurals=2; plural=(n != 1);"), 2);
	assert_int_equal(plural_index("nplurals=2; plural=(n != 1);", 1), 0);
	assert_int_equal(plural_index("nplurals=2; plural=(n != 1);", 0), 1);
	assert_int_equal(plural_index("nplurals=2; plural=(n > 1);", 0), 0);
	assert_int_equal(plural_check(pl), 3);
	assert_int_equal(plural_index(pl, 1), 0);
	assert_int_equal(plural_index(pl, 3), 1);
	assert_int_equal(plural_index(pl, 5), 2);
	assert_int_equal(plural_index(pl, 12), 2);
	assert_int_equal(plural_index(pl, 22), 1);
	assert_int_equal(plural_check(ar), 6);
	for (i = 0; i < sizeof(arn) / sizeof(arn[0]); i++)
		assert_int_equal(plural_index(ar, arn[i]), arf[i]);
	assert_int_equal(plural_check("nplurals=1; plural=0;"), 1);
	/* Refused: unreadable, out of the forms, too many forms. */
	assert_int_equal(plural_check("nplurals=3; plural=(n==1 ? 0 :"), -1);
	assert_int_equal(plural_check("nplurals=2; plural=n;"), -1);
	assert_int_equal(plural_check("nplurals=7; plural=0;"), -1);
	assert_int_equal(plural_check("plural=(n != 1);"), -1);
	assert_int_equal(plural_check("nplurals=2; plural=(n % 0);"), -1);
	/* Arithmetic beyond long long is refused, not undefined (fuzz_po). */
	assert_int_equal(plural_check("nplurals=2; plural="
	    "(9223372036854775807 + 9223372036854775807 != 0);"), -1);
	assert_int_equal(plural_check("nplurals=2; plural="
	    "(0 - 9223372036854775807 - 2 != 0);"), -1);
	assert_int_equal(plural_check("nplurals=2; plural="
	    "(n * 9223372036854775807 != 0);"), -1);
	assert_int_equal(plural_check("nplurals=2; plural="
	    "((0 - 9223372036854775807 - 1) / (0 - 1) != 0);"), -1);
	assert_int_equal(plural_check("nplurals=2; plural="
	    "((0 - 9223372036854775807 - 1) % (0 - 1) != 0);"), -1);
	assert_int_equal(plural_check(NULL), -1);
}

/* A catalogue file named area.en in a fresh folder, read with the rest. */
static enum weft_err
read_one(const char *text, struct catalogue *c, char *err, size_t len)
{
	char	 dir[] = "/tmp/weft-cat.XXXXXX", path[64];
	FILE	*f;
	enum weft_err e;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/area.en", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
	memset(c, 0, sizeof(*c));
	e = catalogue_read_dir(c, dir, err, len);
	unlink(path);
	rmdir(dir);
	return e;
}

static void
test_catalogue(void **state)
{
	struct catalogue			 c;
	const struct catalogue_phrase		*p;
	char					 err[256];

	(void)state;
	assert_int_equal(read_one("# The file.\n\n# Its note,\n# two lines.\n"
	    "a.b = One\n\tand more\nc.d[one] = {n} hour\nc.d[other] = {n} hours\n"
	    "e.f = Line\\none \\\\ back\r\n", &c, err, sizeof(err)), WEFT_OK);
	assert_int_equal(c.n, 3);
	assert_non_null(p = catalogue_find(&c, "a.b"));
	assert_string_equal(p->one, "One and more");
	assert_string_equal(p->note, "Its note, two lines.");
	assert_string_equal(p->area, "area");
	assert_null(p->other);
	assert_non_null(p = catalogue_find(&c, "c.d"));
	assert_string_equal(p->one, "{n} hour");
	assert_string_equal(p->other, "{n} hours");
	assert_string_equal(p->note, "");
	assert_non_null(p = catalogue_find(&c, "e.f"));
	assert_string_equal(p->one, "Line\none \\ back");
	catalogue_free(&c);

	assert_int_equal(read_one("a.b = x\na.b = y\n", &c, err, sizeof(err)),
	    WEFT_ERR_INVALID);
	assert_non_null(strstr(err, ":2: a.b is defined again"));
	catalogue_free(&c);
	assert_int_equal(read_one("A.b = x\n", &c, err, sizeof(err)),
	    WEFT_ERR_INVALID);
	assert_non_null(strstr(err, ":1:"));
	catalogue_free(&c);
	assert_int_equal(read_one("a.b[other] = x\n", &c, err, sizeof(err)),
	    WEFT_ERR_INVALID);
	catalogue_free(&c);
	assert_int_equal(read_one("a.b[one] = x\nc.d = y\n", &c, err,
	    sizeof(err)), WEFT_ERR_INVALID);
	catalogue_free(&c);
	assert_int_equal(read_one("\tstray\n", &c, err, sizeof(err)),
	    WEFT_ERR_INVALID);
	catalogue_free(&c);
	assert_int_equal(read_one("a.b = bad \\q\n", &c, err, sizeof(err)),
	    WEFT_ERR_INVALID);
	catalogue_free(&c);
	assert_int_equal(read_one("nokey\n", &c, err, sizeof(err)),
	    WEFT_ERR_INVALID);
	catalogue_free(&c);
}

static void
test_marker(void **state)
{
	struct tmpl_marker	 m;
	char			 var[TMPL_MARKER_NAME_MAX], err[128];
	size_t			 at, n;
	struct buf		 out;

	(void)state;
	assert_int_equal(tmpl_marker_next("<h1>[[a.b]]</h1>", 16, &at, &n,
	    &m), 1);
	assert_int_equal(at, 4);
	assert_int_equal(n, 7);
	assert_string_equal(m.key, "a.b");
	assert_int_equal(m.nargs, 0);
	assert_int_equal(tmpl_marker_next("[[x.y n=TOTAL who=NAME_2]]", 26,
	    &at, &n, &m), 1);
	assert_int_equal(m.nargs, 2);
	tmpl_marker_var(&m, "n", 1, var);
	assert_string_equal(var, "TOTAL");
	tmpl_marker_var(&m, "hours", 5, var);
	assert_string_equal(var, "HOURS");
	assert_int_equal(tmpl_marker_next("no marker", 9, &at, &n, &m), 0);
	assert_int_equal(tmpl_marker_next("[[Bad]]", 7, &at, &n, &m), -1);
	assert_int_equal(tmpl_marker_next("[[a.b", 5, &at, &n, &m), -1);
	assert_int_equal(tmpl_marker_next("[[a.b n=lower]]", 15, &at, &n, &m),
	    -1);
	buf_init(&out);
	assert_int_equal(tmpl_marker_rewrite("x [[a.b]] y [[c.d]]", 19, &out,
	    err, sizeof(err)), WEFT_OK);
	assert_non_null(strstr(out.p, "x {{I18N_"));
	assert_null(strstr(out.p, "[["));
	buf_reset(&out);
	assert_int_equal(tmpl_marker_rewrite("x [[oops", 8, &out, err,
	    sizeof(err)), WEFT_ERR_INVALID);
	buf_free(&out);
}

static const char *
pairs(void *ctx, const char *name, size_t len)
{
	(void)ctx;
	if (len == 4 && memcmp(name, "name", 4) == 0)
		return "Ana <b>";
	return NULL;
}

static void
test_fill(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b);
	i18n_fill(&b, "Hello {name}, {unknown} {{name}} {} {1x}", pairs, NULL);
	assert_string_equal(b.p, "Hello Ana <b>, {unknown} {Ana <b>} {} {1x}");
	buf_free(&b);
}

/* The catalogue of the repository, on a page: a phrase through a marker
 * is escaped where it stands, its placeholders from the page's values, a
 * plural's form from {n}. */
/* A language by its own name; a tag the timebank does not have, as it
 * is (never another language's name). */
static void
test_lang_name(void **state)
{
	(void)state;
	assert_string_equal(i18n_lang_name("en"), "English");
	assert_string_equal(i18n_lang_name("xx-YY"), "xx-YY");
	assert_string_equal(i18n_lang_name(NULL), "");
}

static void
test_page(void **state)
{
	struct tmpl_dict	*d;
	struct buf		 out;
	const char		*t;

	(void)state;
	assert_int_equal(i18n_load("templates/phrases"), WEFT_OK);
	assert_string_equal(i18n_text("en", "translations.count.phrases"),
	    "{n} phrase");
	assert_string_equal(i18n_text_n("en", "translations.count.phrases",
	    2), "{n} phrases");
	assert_true(i18n_is_plural("translations.count.phrases"));
	buf_init(&out);
	t = i18n_format(&out, "en", "translations.count.phrases", "n", "3",
	    NULL);
	assert_string_equal(t, "3 phrases");
	buf_reset(&out);
	assert_int_equal(tmpl_init("templates"), WEFT_OK);
	assert_non_null(d = tmpl_dict_new());
	tmpl_set(d, "NAME", "<Ana>");
	assert_int_equal(tmpl_render(d, "translations/import.tpl", &out),
	    WEFT_OK);
	assert_null(strstr(out.p, "[["));
	assert_non_null(strstr(out.p, "Import a PO file"));
	tmpl_dict_free(d);
	buf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plural),
		cmocka_unit_test(test_catalogue),
		cmocka_unit_test(test_marker),
		cmocka_unit_test(test_fill),
		cmocka_unit_test(test_lang_name),
		cmocka_unit_test(test_page),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
