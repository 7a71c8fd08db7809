/*
 * libFuzzer driver for the form table (form.c): the bytes after the first
 * two are a urlencoded body, checked by form_check() against a table
 * holding every field kind; the first two bytes say which fields are
 * required.  The page dictionary is then rendered through ctemplate
 * (the real shim) with a template that shows, per field, the echoed
 * value, the invalid flag, the message and the checked flag.  Checked:
 * the count of invalid fields is the count the validators give; each
 * field is flagged, with a message, exactly when it is invalid; a
 * password is never echoed; every echoed value is HTML-escaped.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "form.h"
#include "fuzz.h"
#include "http.h"
#include "tmpl.h"
#include "valid.h"

static struct form_field fields[] = {
	{ "name", FORM_TEXT, 0, 1, 40 },
	{ "bio", FORM_MULTILINE, 0, 0, 500 },
	{ "email", FORM_EMAIL, 0, 0, 0 },
	{ "username", FORM_USERNAME, 0, 0, 0 },
	{ "password", FORM_PASSWORD, 0, 0, 0 },
	{ "pin", FORM_PASSWORD, 0, 4, 8 },
	{ "count", FORM_INT, 0, -10, 1000 },
	{ "community", FORM_ID, 0, 0, 0 },
	{ "when", FORM_DATE, 0, 0, 0 },
	{ "lang", FORM_LANG, 0, 0, 0 },
	{ "agree", FORM_BOOL, 0, 0, 0 },
};
#define NFIELDS	(sizeof(fields) / sizeof(fields[0]))

static char	 root[] = "/tmp/weft-fuzz-form.XXXXXX";
static char	 tpl[sizeof(root) + 16];

/* Would form_check() find this value of field f invalid? */
static int
expect_bad(const struct form_field *f, const char *v)
{
	long long	 n;
	int		 y, m, d;

	if (f->kind == FORM_BOOL)
		return 0;
	if (v == NULL || v[0] == '\0')
		return f->required;
	switch (f->kind) {
	case FORM_TEXT:
		return valid_text(v, (size_t)f->min, (size_t)f->max, 0) != 0;
	case FORM_MULTILINE:
		return valid_text(v, (size_t)f->min, (size_t)f->max, 1) != 0;
	case FORM_EMAIL:
		return valid_email(v) != 0;
	case FORM_USERNAME:
		return valid_username(v) != 0;
	case FORM_PASSWORD:
		return (f->min == 0 ? valid_password(v) :
		    valid_text(v, (size_t)f->min, (size_t)f->max, 0)) != 0;
	case FORM_INT:
		return valid_int(v, f->min, f->max, &n) != 0;
	case FORM_ID:
		return valid_id(v, &n) != 0;
	case FORM_DATE:
		return valid_date(v, &y, &m, &d) != 0;
	case FORM_LANG:
		return valid_lang(v) != 0;
	default:
		CHECK(0);
		return 0;
	}
}

/* "<f>VALUE<i>1<e>MESSAGE<c>1" per field, in table order, then
 * "<E>1<L><l><l>" for the summary: '<' cannot come from an escaped
 * value, so it separates the parts. */
static void
write_template(void)
{
	FILE	*f;
	size_t	 i, j;
	char	 up[32];

	CHECK(mkdtemp(root) != NULL);
	snprintf(tpl, sizeof(tpl), "%s/form.tpl", root);
	CHECK((f = fopen(tpl, "w")) != NULL);
	fputs("{{%AUTOESCAPE context=\"HTML\"}}", f);
	for (i = 0; i < NFIELDS; i++) {
		for (j = 0; fields[i].name[j] != '\0'; j++)
			up[j] = (char)(fields[i].name[j] - 'a' + 'A');
		up[j] = '\0';
		fprintf(f, "<f>{{%s}}<i>{{#%s_INVALID}}1{{/%s_INVALID}}"
		    "<e>{{%s_ERROR}}<c>{{#%s_CHECKED}}1{{/%s_CHECKED}}",
		    up, up, up, up, up, up);
	}
	fputs("<E>{{#FORM_ERRORS}}1{{/FORM_ERRORS}}"
	    "<L>{{#FORM_ERROR_LIST}}<l>{{FIELD}}{{/FORM_ERROR_LIST}}<z>", f);
	CHECK(fclose(f) == 0);
}

static void
remove_template(void)
{
	unlink(tpl);
	rmdir(root);
}

int	 LLVMFuzzerInitialize(int *, char ***);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	write_template();
	atexit(remove_template);
	CHECK(tmpl_init(root) == WEFT_OK);
	return 0;
}

/* The text of the part after marker in *p, up to the next '<'; moves *p
 * past it.  The marker must come next. */
static size_t
part(const char **p, const char *marker)
{
	size_t	 n;

	CHECK(strncmp(*p, marker, strlen(marker)) == 0);
	*p += strlen(marker);
	n = strcspn(*p, "<");
	*p += n;
	return n;
}

static void
check_page(const char *out, const struct http_kvlist *in, size_t bad)
{
	const char	*p = out, *v;
	size_t		 i, nbad = 0, n;
	int		 b;

	CHECK(out != NULL && strpbrk(out, "\"'") == NULL);
	for (i = 0; i < NFIELDS; i++) {
		v = http_kv_get(in, fields[i].name);
		b = expect_bad(&fields[i], v);
		nbad += (size_t)b;
		n = part(&p, "<f>");
		if (fields[i].kind == FORM_PASSWORD ||
		    fields[i].kind == FORM_BOOL)
			CHECK(n == 0);
		else
			/* Echoed when sent: escaping only lengthens it. */
			CHECK(v == NULL ? n == 0 : n >= strlen(v));
		CHECK(part(&p, "<i>") == (b ? 1 : 0));
		CHECK((part(&p, "<e>") > 0) == b);
		CHECK(part(&p, "<c>") ==
		    (fields[i].kind == FORM_BOOL && v != NULL ? 1 : 0));
	}
	CHECK(bad == nbad);
	CHECK(part(&p, "<E>") == (bad > 0 ? 1 : 0));
	part(&p, "<L>");
	for (i = 0; i < bad; i++)
		CHECK(part(&p, "<l>") > 0);
	CHECK(strcmp(p, "<z>") == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct http_limits	 lim = { 200, 16384 };
	struct http_kvlist		 in = { 0 };
	struct tmpl_dict		*page;
	struct buf			 out;
	size_t				 i, bad;

	if (size < 2)
		return 0;
	for (i = 0; i < NFIELDS; i++)
		fields[i].required = (((data[0] << 8) | data[1]) >> i) & 1;
	if (http_parse_urlencoded((const char *)data + 2, size - 2, &lim,
	    &in) != HTTP_PARSE_OK)
		return 0;
	CHECK((page = tmpl_dict_new()) != NULL);
	bad = form_check(fields, NFIELDS, &in, "en", page);
	CHECK(bad <= NFIELDS);
	buf_init(&out);
	CHECK(tmpl_render(page, "form.tpl", &out) == WEFT_OK);
	CHECK(!buf_failed(&out));
	check_page(out.p, &in, bad);
	buf_free(&out);
	tmpl_dict_free(page);
	http_kvlist_free(&in);
	return 0;
}
