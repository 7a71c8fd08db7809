/*
 * The configurable fields of the application form (signup_form.h): the
 * settings say what is asked, form_read() reads it, and the checks the
 * table cannot make (a required list, the terms, a question's choice)
 * are here.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "i18n.h"
#include "signup_form.h"
#include "util.h"

#define SIGNUP__ALL	(SIGNUP__FIELDS + SIGNUP_QUESTIONS)
/* The settings of question q (from 0): the question, its kind, its
 * choices, whether it is required. */
#define SIGNUP_Q(q, k)	((enum setting)(SETTING_SIGNUP_Q1 + 4 * (q) + (k)))
#define SIGNUP_ANSWER_MAX	1000

static const struct form_field signup_base[SIGNUP__ALL] = {
	[SIGNUP_PHONE] = { .name = "phone", .kind = FORM_TEXT, .max = 40 },
	[SIGNUP_ADDRESS] = { .name = "address", .kind = FORM_TEXT,
	    .max = 255 },
	[SIGNUP_NEIGHBOURHOOD] = { .name = "neighbourhood", .kind = FORM_ID,
	    .flags = FORM_QUIET },
	[SIGNUP_COUNTY] = { .name = "county", .kind = FORM_ID,
	    .flags = FORM_QUIET },
	[SIGNUP_AFFILIATION] = { .name = "affiliation", .kind = FORM_ID,
	    .flags = FORM_QUIET },
	[SIGNUP_BIRTH_DATE] = { .name = "birth_date", .kind = FORM_DATE },
	[SIGNUP_HEARD_ABOUT] = { .name = "heard_about", .kind = FORM_TEXT,
	    .max = 255 },
	[SIGNUP_TERMS] = { .name = "terms", .kind = FORM_BOOL },
	[SIGNUP__FIELDS + 0] = { .name = "question1", .kind = FORM_TEXT,
	    .max = SIGNUP_ANSWER_MAX },
	[SIGNUP__FIELDS + 1] = { .name = "question2", .kind = FORM_TEXT,
	    .max = SIGNUP_ANSWER_MAX },
	[SIGNUP__FIELDS + 2] = { .name = "question3", .kind = FORM_TEXT,
	    .max = SIGNUP_ANSWER_MAX },
	[SIGNUP__FIELDS + 3] = { .name = "question4", .kind = FORM_TEXT,
	    .max = SIGNUP_ANSWER_MAX },
	[SIGNUP__FIELDS + 4] = { .name = "question5", .kind = FORM_TEXT,
	    .max = SIGNUP_ANSWER_MAX },
};

/* The sections of the template, one per field. */
static const char *const signup_sections[SIGNUP__FIELDS] = {
	"PHONE_FIELD", "ADDRESS_FIELD", NULL, NULL, NULL, "BIRTH_DATE_FIELD",
	"HEARD_ABOUT_FIELD", "TERMS_FIELD",
};

enum signup_ask
signup_ask(enum signup_field f, enum signup_who who)
{
	enum signup_ask	 a;

	a = (enum signup_ask)settings_int((enum setting)(SETTING_SIGNUP_PHONE +
	    f));
	if (who == SIGNUP_APPLICANT)
		return a;
	if (f == SIGNUP_TERMS)
		return SIGNUP_HIDDEN;
	if (f <= SIGNUP_AFFILIATION || a != SIGNUP_HIDDEN)
		return SIGNUP_OPTIONAL;
	return SIGNUP_HIDDEN;
}

/* How question q is asked of who (hidden: it has no text). */
static enum signup_ask
signup_question_ask(size_t q, enum signup_who who)
{
	if (settings_str(SIGNUP_Q(q, 0))[0] == '\0')
		return SIGNUP_HIDDEN;
	if (who == SIGNUP_COORDINATOR ||
	    settings_int(SIGNUP_Q(q, 3)) == 0)
		return SIGNUP_OPTIONAL;
	return SIGNUP_REQUIRED;
}

static int
signup_is_choice(size_t q)
{
	return settings_int(SIGNUP_Q(q, 1)) == 1;
}

/* A message beside field and in the page's summary. */
static void
signup_error(struct tmpl_dict *d, struct tmpl_dict *p, const char *field,
    const char *msg)
{
	form_error(p, field, msg);
	form_error(d, field, msg);
}

/* The marks of a field's section: required or optional. */
static void
signup_marks(struct tmpl_dict *s, enum signup_ask a)
{
	tmpl_show(s, a == SIGNUP_REQUIRED ? "REQUIRED" : "OPTIONAL");
}

/* The list selects asked, the chosen ones selected. */
static enum weft_err
signup_lists(struct tmpl_dict *p, const char *lang, enum signup_who who,
    const long long *ids, const char *const *errs)
{
	struct tmpl_dict	*s;
	enum signup_ask		 a;
	enum weft_err		 e;
	size_t			 i;

	for (i = 0; i < LISTS_MEMBER; i++) {
		if ((a = signup_ask((enum signup_field)(SIGNUP_NEIGHBOURHOOD +
		    i), who)) == SIGNUP_HIDDEN)
			continue;
		s = tmpl_section(p, "LIST_FIELD");
		tmpl_set(s, "FIELD", lists_defs[i].field);
		tmpl_set(s, "LABEL", i18n_text(lang, lists_defs[i].item));
		signup_marks(s, a);
		if (errs != NULL && errs[i] != NULL) {
			tmpl_show(s, "INVALID");
			tmpl_set(s, "ERROR", errs[i]);
		}
		if ((e = lists_options(s, "OPTION", (enum list)i, lang, ids[i],
		    0)) != WEFT_OK)
			return e;
	}
	return WEFT_OK;
}

/* The questions asked: a text field, or a select of its choices with
 * value selected. */
static void
signup_questions(struct tmpl_dict *p, enum signup_who who,
    const struct form_value *v, const char *const *errs)
{
	char			 c[SETTINGS_VALUE_MAX], name[16];
	struct tmpl_dict	*s, *k;
	enum signup_ask		 a;
	size_t			 q, i;

	for (q = 0; q < SIGNUP_QUESTIONS; q++) {
		if ((a = signup_question_ask(q, who)) == SIGNUP_HIDDEN)
			continue;
		snprintf(name, sizeof(name), "question%zu", q + 1);
		s = tmpl_section(p, "QUESTION");
		tmpl_set(s, "FIELD", name);
		tmpl_set(s, "TEXT", settings_str(SIGNUP_Q(q, 0)));
		signup_marks(s, a);
		if (errs != NULL && errs[q] != NULL) {
			tmpl_show(s, "INVALID");
			tmpl_set(s, "ERROR", errs[q]);
		}
		if (!signup_is_choice(q)) {
			k = tmpl_section(s, "IS_TEXT");
			tmpl_set(k, "VALUE", v != NULL ? v[q].str : "");
			continue;
		}
		k = tmpl_section(s, "IS_CHOICE");
		for (i = 0; settings_choice(settings_str(SIGNUP_Q(q, 2)), i, c,
		    sizeof(c)) == 0; i++)
			form_option(k, "OPTION", c, c, v != NULL &&
			    strcmp(v[q].str, c) == 0);
	}
}

/* Is answer one of question q's choices? */
static int
signup_choice_ok(size_t q, const char *answer)
{
	char	 c[SETTINGS_VALUE_MAX];
	size_t	 i;

	for (i = 0; settings_choice(settings_str(SIGNUP_Q(q, 2)), i, c,
	    sizeof(c)) == 0; i++)
		if (strcmp(c, answer) == 0)
			return 1;
	return 0;
}

/* The lists read (v: the three of the table), checked; how many are
 * refused, -1 on a database error. */
static int
signup_read_lists(struct tmpl_dict *d, const char *lang, enum signup_who who,
    const struct form_value *v, struct signup_values *out, const char **errs)
{
	static const long long	 none[LISTS_MEMBER];
	int			 refused[LISTS_MEMBER], bad = 0;
	enum signup_ask		 a;
	size_t			 i;

	if (lists_member_values(v, none, out->lists, refused) < 0)
		return -1;
	for (i = 0; i < LISTS_MEMBER; i++) {
		errs[i] = NULL;
		a = signup_ask((enum signup_field)(SIGNUP_NEIGHBOURHOOD + i),
		    who);
		if (a == SIGNUP_HIDDEN) {
			out->lists[i] = 0;
			continue;
		}
		if (refused[i] || (a == SIGNUP_REQUIRED && out->lists[i] == 0)) {
			errs[i] = i18n_text(lang, refused[i] ?
			    valid_err_keys[VALID_RANGE] :
			    valid_err_keys[VALID_EMPTY]);
			form_error(d, lists_defs[i].field, errs[i]);
			bad++;
		}
	}
	return bad;
}

/* The checks the table cannot make, on fields asked; how many fail. */
static int
signup_checks(struct tmpl_dict *d, struct tmpl_dict *p, const char *lang,
    enum signup_who who, const struct form_value *v, struct signup_values *out,
    const char **qerr)
{
	char		 today[UTIL_DATE_LEN];
	enum signup_ask	 a;
	size_t		 q;
	int		 bad = 0;

	if (signup_ask(SIGNUP_TERMS, who) == SIGNUP_REQUIRED &&
	    !v[SIGNUP_TERMS].on) {
		signup_error(d, p, "terms", i18n_text(lang,
		    N_("signup.field.terms_required")));
		bad++;
	}
	if (out->birth_date[0] != '\0' && (util_today(today) != WEFT_OK ||
	    strcmp(out->birth_date, today) > 0 ||
	    strcmp(out->birth_date, "1900-01-01") < 0)) {
		signup_error(d, p, "birth_date", i18n_text(lang,
		    N_("signup.field.birth_date_range")));
		bad++;
	}
	for (q = 0; q < SIGNUP_QUESTIONS; q++) {
		a = signup_question_ask(q, who);
		qerr[q] = NULL;
		if (a != SIGNUP_HIDDEN && v[SIGNUP__FIELDS + q].err != VALID_OK) {
			/* form_read() refused it, form_show() said so. */
			qerr[q] = i18n_text(lang,
			    valid_err_keys[v[SIGNUP__FIELDS + q].err]);
			continue;
		}
		if (a == SIGNUP_HIDDEN || !signup_is_choice(q) ||
		    out->answer[q][0] == '\0' ||
		    signup_choice_ok(q, out->answer[q]))
			continue;
		qerr[q] = i18n_text(lang, valid_err_keys[VALID_RANGE]);
		signup_error(d, p, signup_base[SIGNUP__FIELDS + q].name,
		    qerr[q]);
		bad++;
	}
	return bad;
}

/* The values of the fields asked into out ("" or 0 for the others). */
static void
signup_values_of(enum signup_who who, const struct form_value *v,
    struct signup_values *out)
{
	size_t	 q;

#define ASKED(f)	(signup_ask((f), who) != SIGNUP_HIDDEN)
	out->phone = ASKED(SIGNUP_PHONE) ? v[SIGNUP_PHONE].str : "";
	out->address = ASKED(SIGNUP_ADDRESS) ? v[SIGNUP_ADDRESS].str : "";
	out->heard_about = ASKED(SIGNUP_HEARD_ABOUT) ?
	    v[SIGNUP_HEARD_ABOUT].str : "";
	out->terms = ASKED(SIGNUP_TERMS) && v[SIGNUP_TERMS].on;
	out->birth_date[0] = '\0';
	if (ASKED(SIGNUP_BIRTH_DATE) && v[SIGNUP_BIRTH_DATE].set)
		util_copy(out->birth_date, sizeof(out->birth_date),
		    v[SIGNUP_BIRTH_DATE].str);
#undef ASKED
	for (q = 0; q < SIGNUP_QUESTIONS; q++) {
		out->question[q][0] = '\0';
		out->answer[q] = "";
		if (signup_question_ask(q, who) == SIGNUP_HIDDEN)
			continue;
		util_copy(out->question[q], sizeof(out->question[q]),
		    settings_str(SIGNUP_Q(q, 0)));
		out->answer[q] = v[SIGNUP__FIELDS + q].str;
	}
}

int
signup_form(struct tmpl_dict *d, const char *lang, enum signup_who who,
    const struct http_kvlist *in, struct signup_values *out)
{
	struct form_field	 t[SIGNUP__ALL];
	struct form_value	 v[SIGNUP__ALL];
	const char		*qerr[SIGNUP_QUESTIONS], *lerr[LISTS_MEMBER];
	struct tmpl_dict	*p, *s;
	enum signup_ask		 a;
	size_t			 i;
	int			 bad = 0, nl, more;

	p = tmpl_include(d, "SIGNUP_FIELDS", "signup_fields.tpl");
	memcpy(t, signup_base, sizeof(t));
	for (i = 0; i < SIGNUP__ALL; i++) {
		a = i < SIGNUP__FIELDS ? signup_ask((enum signup_field)i, who) :
		    signup_question_ask(i - SIGNUP__FIELDS, who);
		if (a == SIGNUP_HIDDEN)
			t[i].flags |= FORM_QUIET;
		else if (a == SIGNUP_REQUIRED && t[i].kind != FORM_BOOL &&
		    t[i].kind != FORM_ID)
			t[i].required = 1;
		if (i < SIGNUP__FIELDS && signup_sections[i] != NULL &&
		    a != SIGNUP_HIDDEN) {
			s = tmpl_section(p, signup_sections[i]);
			signup_marks(s, a);
		}
	}
	if (in == NULL) {
		static const long long	 none[LISTS_MEMBER];

		signup_questions(p, who, NULL, NULL);
		return signup_lists(p, lang, who, none, NULL) != WEFT_OK ?
		    -1 : 0;
	}
	bad = (int)form_read(t, SIGNUP__ALL, in, lang, NULL, v);
	form_show(t, SIGNUP__ALL, v, lang, p);
	form_show(t, SIGNUP__ALL, v, lang, d);
	if (v[SIGNUP_TERMS].on)
		tmpl_show(p, "TERMS_CHECKED");
	signup_values_of(who, v, out);
	if ((nl = signup_read_lists(d, lang, who, &v[SIGNUP_NEIGHBOURHOOD],
	    out, lerr)) < 0)
		return -1;
	more = signup_checks(d, p, lang, who, v, out, qerr);
	signup_questions(p, who, &v[SIGNUP__FIELDS], qerr);
	if (signup_lists(p, lang, who, out->lists, lerr) != WEFT_OK)
		return -1;
	return bad + nl + more;
}

enum weft_err
signup_form_store(long long id, const struct signup_values *v)
{
	enum weft_err	 e;
	size_t		 q;

	if ((e = db_exec("UPDATE members SET phone = ?, address = ?,"
	    " neighbourhood_id = NULLIF(?, 0), county_id = NULLIF(?, 0),"
	    " affiliation_id = NULLIF(?, 0), birth_date = NULLIF(?, ''),"
	    " heard_about = ?, terms_accepted_at = IF(?, UTC_TIMESTAMP(),"
	    " NULL) WHERE id = ?", "ssiiissii", v->phone, v->address,
	    v->lists[0], v->lists[1], v->lists[2], v->birth_date,
	    v->heard_about, (long long)v->terms, id)) != WEFT_OK)
		return e;
	for (q = 0; q < SIGNUP_QUESTIONS && e == WEFT_OK; q++)
		if (v->question[q][0] != '\0' && v->answer[q][0] != '\0')
			e = db_exec("INSERT INTO member_answers (member_id,"
			    " slot, question, answer) VALUES (?, ?, ?, ?)",
			    "iiss", id, (long long)(q + 1), v->question[q],
			    v->answer[q]);
	return e;
}

void
signup_form_json(struct buf *b, const struct signup_values *v)
{
	size_t	 i, q;
	int	 n = 0;

	buf_puts(b, ",\"phone\":");
	buf_json_str(b, v->phone);
	buf_puts(b, ",\"address\":");
	buf_json_str(b, v->address);
	for (i = 0; i < LISTS_MEMBER; i++)
		buf_printf(b, ",\"%s\":%lld", lists_defs[i].field,
		    v->lists[i]);
	buf_puts(b, ",\"birth_date\":");
	buf_json_str(b, v->birth_date);
	buf_puts(b, ",\"heard_about\":");
	buf_json_str(b, v->heard_about);
	buf_printf(b, ",\"terms_accepted\":%s,\"answers\":[",
	    v->terms ? "true" : "false");
	for (q = 0; q < SIGNUP_QUESTIONS; q++) {
		if (v->question[q][0] == '\0' || v->answer[q][0] == '\0')
			continue;
		buf_printf(b, "%s{\"slot\":%zu,\"question\":", n++ ? "," : "",
		    q + 1);
		buf_json_str(b, v->question[q]);
		buf_puts(b, ",\"answer\":");
		buf_json_str(b, v->answer[q]);
		buf_puts(b, "}");
	}
	buf_puts(b, "]");
}
