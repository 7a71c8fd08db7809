/*
 * libFuzzer driver for the form table (form.c): the bytes after the first
 * two are a urlencoded body, read by form_read() into typed values by a
 * table holding every field kind (and a quiet field, a refusal phrase and
 * a message function); the first two bytes say which fields are
 * required.  The page dictionary is rendered through ctemplate (the real
 * shim) with a template that shows, per field, the echoed value, the
 * invalid flag, the message and the checked flag, and the summary.
 * Checked: each verdict and typed value is the validators' own; the count
 * of refused fields is the count of flagged ones and of the summary's
 * entries; a quiet field and a password are never echoed; every echoed
 * value is HTML-escaped; reading without a page gives the same values.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "form.h"
#include "fuzz.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

enum {
	F_NAME, F_BIO, F_EMAIL, F_USERNAME, F_PASSWORD, F_PIN, F_COUNT,
	F_COMMUNITY, F_HOURS, F_WHEN, F_LANG, F_SORT, F_STATUS, F_AGREE,
	F_BEFORE, F__MAX
};

#define WHY	"why-hours"

static void
why_hours(const struct form_field *f, const char *in, enum valid_err e,
    const char *lang, char *msg, size_t len)
{
	(void)f, (void)in, (void)e, (void)lang;
	snprintf(msg, len, "%s", WHY);
}

static const char *const sorts[] = { "name", "date", "hours" };
static const char *const statuses[] = { "applying", "approved" };

static struct form_field fields[F__MAX] = {
	[F_NAME] = { .name = "name", .kind = FORM_TEXT, .min = 1, .max = 40 },
	[F_BIO] = { .name = "bio", .kind = FORM_MULTILINE, .max = 500 },
	[F_EMAIL] = { .name = "email", .kind = FORM_EMAIL },
	[F_USERNAME] = { .name = "username", .kind = FORM_USERNAME },
	[F_PASSWORD] = { .name = "password", .kind = FORM_PASSWORD },
	[F_PIN] = { .name = "pin", .kind = FORM_PASSWORD, .min = 4, .max = 8 },
	[F_COUNT] = { .name = "count", .kind = FORM_INT, .min = -10,
	    .max = 1000 },
	[F_COMMUNITY] = { .name = "community", .kind = FORM_ID },
	[F_HOURS] = { .name = "hours", .kind = FORM_HOURS, .max = 2400,
	    .why = why_hours },
	[F_WHEN] = { .name = "when", .kind = FORM_DATE },
	[F_LANG] = { .name = "lang", .kind = FORM_LANG },
	[F_SORT] = { .name = "sort", .kind = FORM_CHOICE, FORM_CHOICES(sorts),
	    .refusal = "error.400" },
	[F_STATUS] = { .name = "status", .kind = FORM_CHOICE, .min = 1,
	    .max = 8, FORM_CHOICES(statuses) },
	[F_AGREE] = { .name = "agree", .kind = FORM_BOOL },
	[F_BEFORE] = { .name = "before", .kind = FORM_ID, .flags = FORM_QUIET },
};

static char	 root[] = "/tmp/weft-fuzz-form.XXXXXX";

/*
 * What form_read() must make of value s of field f: the verdict, and the
 * typed value into *v (its kind's member); *by_kind when the kind's own
 * check refused a text that was fine.
 */
static enum valid_err
expect(const struct form_field *f, const char *s, struct form_value *v,
    int *by_kind)
{
	enum valid_err	 e;
	size_t		 i;

	*by_kind = 0;
	if (s == NULL || s[0] == '\0')
		return f->kind != FORM_BOOL && f->required ? VALID_EMPTY :
		    VALID_OK;
	switch (f->kind) {
	case FORM_TEXT:
	case FORM_MULTILINE:
		return valid_text(s, (size_t)f->min, (size_t)f->max,
		    f->kind == FORM_MULTILINE);
	case FORM_EMAIL:
		return valid_email(s);
	case FORM_USERNAME:
		return valid_username(s);
	case FORM_PASSWORD:
		return f->min == 0 ? valid_password(s) :
		    valid_text(s, (size_t)f->min, (size_t)f->max, 0);
	case FORM_INT:
		return valid_int(s, f->min, f->max, &v->n);
	case FORM_ID:
		return valid_id(s, &v->id);
	case FORM_HOURS:
		if ((e = valid_text(s, 1, FORM_HOURS_LEN, 0)) != VALID_OK)
			return e;
		e = valid_hours(s, '.', f->max > 0 ? f->max : LLONG_MAX,
		    &v->hours);
		*by_kind = e != VALID_OK;
		return e;
	case FORM_DATE:
		return valid_date(s, &v->date.y, &v->date.m, &v->date.d);
	case FORM_LANG:
		return valid_lang(s);
	case FORM_CHOICE:
		if (f->max > 0 && (e = valid_text(s, (size_t)f->min,
		    (size_t)f->max, 0)) != VALID_OK)
			return e;
		for (i = 0; i < f->nchoices; i++)
			if (strcmp(s, f->choices[i]) == 0) {
				v->choice = i;
				return VALID_OK;
			}
		*by_kind = 1;
		return VALID_RANGE;
	case FORM_BOOL:
		return VALID_OK;
	default:
		CHECK(0);
		return VALID_OK;
	}
}

/* One value as read against what it must be. */
static void
check_value(const struct form_field *f, const char *s,
    const struct form_value *got, enum valid_err e, int by_kind,
    const struct form_value *want)
{
	CHECK(got->sent == (s != NULL));
	CHECK(strcmp(got->str, s != NULL ? s : "") == 0);
	CHECK(got->err == e);
	if (f->kind == FORM_BOOL) {
		CHECK(got->on == got->sent && got->set == got->sent);
		return;
	}
	CHECK(got->set == (e == VALID_OK && s != NULL && s[0] != '\0'));
	CHECK(got->by_kind == (by_kind && !got->set));
	if (!got->set)
		return;
	if (f->kind == FORM_INT)
		CHECK(got->n == want->n);
	if (f->kind == FORM_ID)
		CHECK(got->id == want->id);
	if (f->kind == FORM_HOURS)
		CHECK(got->hours == want->hours);
	if (f->kind == FORM_DATE)
		CHECK(got->date.y == want->date.y &&
		    got->date.m == want->date.m && got->date.d == want->date.d);
	if (f->kind == FORM_CHOICE)
		CHECK(got->choice == want->choice);
}

static void
write_file(const char *name, const char *text)
{
	char	 path[sizeof(root) + 32];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", root, name);
	CHECK((f = fopen(path, "w")) != NULL);
	CHECK(fputs(text, f) >= 0);
	CHECK(fclose(f) == 0);
}

/*
 * "<f>VALUE<i>1<e>MESSAGE<c>1" per field, in table order, then "<E>1"
 * and the summary, its own small form_errors.tpl: "<l>FIELD<m>MESSAGE"
 * per entry.  '<' cannot come from an escaped value, so it separates
 * the parts.
 */
static void
write_templates(void)
{
	char	 tpl[8192], up[32];
	size_t	 i, j, n;

	CHECK(mkdtemp(root) != NULL);
	n = (size_t)snprintf(tpl, sizeof(tpl), "%s",
	    "{{%AUTOESCAPE context=\"HTML\"}}");
	for (i = 0; i < F__MAX; i++) {
		for (j = 0; fields[i].name[j] != '\0'; j++)
			up[j] = (char)(fields[i].name[j] - 'a' + 'A');
		up[j] = '\0';
		n += (size_t)snprintf(tpl + n, sizeof(tpl) - n,
		    "<f>{{%s}}<i>{{#%s_INVALID}}1{{/%s_INVALID}}"
		    "<e>{{%s_ERROR}}<c>{{#%s_CHECKED}}1{{/%s_CHECKED}}",
		    up, up, up, up, up, up);
		CHECK(n < sizeof(tpl));
	}
	n += (size_t)snprintf(tpl + n, sizeof(tpl) - n, "%s",
	    "<E>{{#FORM_ERRORS}}1{{>FORM_ERROR_SUMMARY}}{{/FORM_ERRORS}}<z>");
	CHECK(n < sizeof(tpl));
	write_file("form.tpl", tpl);
	write_file("form_errors.tpl", "{{%AUTOESCAPE context=\"HTML\"}}"
	    "{{#FORM_ERROR_LIST}}<l>{{FIELD}}<m>{{MESSAGE}}"
	    "{{/FORM_ERROR_LIST}}");
}

static void
remove_templates(void)
{
	char	 path[sizeof(root) + 32];

	snprintf(path, sizeof(path), "%s/form.tpl", root);
	unlink(path);
	snprintf(path, sizeof(path), "%s/form_errors.tpl", root);
	unlink(path);
	rmdir(root);
}

int	 LLVMFuzzerInitialize(int *, char ***);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	write_templates();
	atexit(remove_templates);
	CHECK(tmpl_init(root) == WEFT_OK);
	CHECK(form_table_ok(fields, F__MAX));
	return 0;
}

/* The text after marker at *p, up to the next '<'; moves *p past it.
 * The marker must come next. */
static const char *
part(const char **p, const char *marker, size_t *len)
{
	const char	*s;

	CHECK(strncmp(*p, marker, strlen(marker)) == 0);
	s = *p += strlen(marker);
	*len = strcspn(s, "<");
	*p += *len;
	return s;
}

/* The rendered page against the values read, refused of them. */
static void
check_page(const char *out, const struct form_value *v, size_t refused)
{
	const struct form_field	*f;
	const char		*p = out, *msg;
	size_t			 i, n, entries;
	int			 shown;

	CHECK(out != NULL && strpbrk(out, "\"'") == NULL);
	for (i = 0; i < F__MAX; i++) {
		f = &fields[i];
		shown = !(f->flags & FORM_QUIET) && v[i].err != VALID_OK;
		part(&p, "<f>", &n);
		if (f->kind == FORM_PASSWORD || f->kind == FORM_BOOL ||
		    (f->flags & FORM_QUIET) || !v[i].sent)
			CHECK(n == 0);
		else	/* escaping only lengthens it */
			CHECK(n >= strlen(v[i].str));
		CHECK(*part(&p, "<i>", &n) == '1' ? n == 1 && shown : !shown);
		msg = part(&p, "<e>", &n);
		CHECK((n > 0) == shown);
		if (shown && v[i].by_kind && f->why != NULL)
			CHECK(n == strlen(WHY) && strncmp(msg, WHY, n) == 0);
		if (shown && v[i].by_kind && f->refusal != NULL)
			CHECK(n == strlen(i18n_text("en", f->refusal)) &&
			    strncmp(msg, i18n_text("en", f->refusal), n) == 0);
		part(&p, "<c>", &n);
		CHECK(n == (f->kind == FORM_BOOL && v[i].on ? 1 : 0));
	}
	part(&p, "<E>", &n);
	CHECK(n == (refused > 0 ? 1 : 0));
	for (entries = 0; strncmp(p, "<l>", 3) == 0; entries++) {
		CHECK(part(&p, "<l>", &n) != NULL && n > 0);
		CHECK(part(&p, "<m>", &n) != NULL && n > 0);
	}
	CHECK(entries == refused);
	CHECK(strcmp(p, "<z>") == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct http_limits	 lim = { 200, 16384 };
	struct form_value		 v[F__MAX], bare[F__MAX], want;
	struct http_kvlist		 in = { 0 };
	struct tmpl_dict		*page;
	struct buf			 out;
	const char			*s;
	size_t				 i, bad, refused = 0, shown = 0;
	size_t				 twice = 0;
	enum valid_err			 e;
	int				 by_kind;

	if (size < 2)
		return 0;
	for (i = 0; i < F__MAX; i++)
		fields[i].required = (((data[0] << 8) | data[1]) >> i) & 1;
	if (http_parse_urlencoded((const char *)data + 2, size - 2, &lim,
	    &in) != HTTP_PARSE_OK)
		return 0;
	CHECK((page = tmpl_dict_new()) != NULL);
	form_duplicates_clear();
	bad = form_read(fields, F__MAX, &in, "en", page, v);
	for (i = 0; i < F__MAX; i++) {
		s = http_kv_get(&in, fields[i].name);
		memset(&want, 0, sizeof(want));
		by_kind = 0;
		/* A field sent twice is refused as such, quiet or not. */
		if (fields[i].kind != FORM_BOOL &&
		    http_kv_count(&in, fields[i].name) > 1)
			e = VALID_TWICE;
		else
			e = expect(&fields[i], s, &want, &by_kind);
		check_value(&fields[i], s, &v[i], e, by_kind, &want);
		if (e != VALID_OK && !(fields[i].flags & FORM_QUIET))
			shown++;
		twice += e == VALID_TWICE;
		if (e == VALID_TWICE || (e != VALID_OK &&
		    !(fields[i].flags & FORM_QUIET)))
			refused++;
	}
	CHECK(bad == refused);
	CHECK(form_duplicates_seen() == (twice > 0));
	/* Without a page: the same values. */
	CHECK(form_read(fields, F__MAX, &in, "en", NULL, bare) == bad);
	CHECK(memcmp(bare, v, sizeof(v)) == 0);
	buf_init(&out);
	CHECK(tmpl_render(page, "form.tpl", &out) == WEFT_OK);
	CHECK(!buf_failed(&out));
	check_page(out.p, v, shown);
	buf_free(&out);
	tmpl_dict_free(page);
	http_kvlist_free(&in);
	return 0;
}
