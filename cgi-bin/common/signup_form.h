/*
 * The configurable part of the application form (docs/site.md, "Member
 * signup"): the profile fields the settings signup_phone ..
 * signup_terms ask for (hidden, optional or required), and the custom
 * questions signup_question_1 .. 5 (text or choice, optional or
 * required).  The public /signup (account) and the coordinators'
 * /members/new (members) both show them through this interface, as the
 * include SIGNUP_FIELDS (templates/signup_fields.tpl), read and check
 * them, and store them for a new member in the caller's transaction.
 *
 * An applicant must fill what is required.  A coordinator adding a
 * member may leave anything empty, is always offered phone, address and
 * the three lists (the profile's own fields), the date of birth, "how
 * did you hear about us" and the questions when the form asks them, and
 * never the terms (an applicant accepts them, nobody for them).
 */
#ifndef WEFT_SIGNUP_FORM_H
#define WEFT_SIGNUP_FORM_H

#include "buf.h"
#include "err.h"
#include "http.h"
#include "lists.h"
#include "settings.h"
#include "tmpl.h"

/* The fields, in the order of their settings (SETTING_SIGNUP_PHONE ..);
 * the three lists in enum list's order. */
enum signup_field {
	SIGNUP_PHONE,
	SIGNUP_ADDRESS,
	SIGNUP_NEIGHBOURHOOD,
	SIGNUP_COUNTY,
	SIGNUP_AFFILIATION,
	SIGNUP_BIRTH_DATE,
	SIGNUP_HEARD_ABOUT,
	SIGNUP_TERMS,
	SIGNUP__FIELDS
};

#define SIGNUP_QUESTIONS	5

/* How a field is asked (the settings' choices, in their order). */
enum signup_ask {
	SIGNUP_HIDDEN,
	SIGNUP_OPTIONAL,
	SIGNUP_REQUIRED
};

/* Whose form it is. */
enum signup_who {
	SIGNUP_APPLICANT,	/* /signup */
	SIGNUP_COORDINATOR	/* /members/new */
};

/* What was read, for signup_form_store() and signup_form_json(); the
 * strings point into the request's form, "" when not asked. */
struct signup_values {
	const char	*phone;
	const char	*address;
	long long	 lists[LISTS_MEMBER];	/* 0: none */
	char		 birth_date[16];	/* YYYY-MM-DD, "" for none */
	const char	*heard_about;
	int		 terms;			/* accepted */
	/* The questions asked and their answers ("" unanswered). */
	char		 question[SIGNUP_QUESTIONS][SETTINGS_VALUE_MAX];
	const char	*answer[SIGNUP_QUESTIONS];
};

/* How field f is asked of who. */
enum signup_ask	 signup_ask(enum signup_field, enum signup_who);

/*
 * The fields on page d (the include SIGNUP_FIELDS) in lang, for who.
 * in NULL: the empty form (GET).  Else in is read and checked into *v:
 * the input kept, a message beside each refused field and in d's
 * summary.  Returns how many are refused, -1 on a database error.
 */
int		 signup_form(struct tmpl_dict *d, const char *lang,
		    enum signup_who, const struct http_kvlist *in,
		    struct signup_values *v);

/* Stores v for the new member id (its columns, its answers), in the
 * caller's transaction. */
enum weft_err	 signup_form_store(long long id, const struct signup_values *);

/* ,"phone":...,"answers":[{...}]: v as members of an audit's JSON
 * object, after a member that is already written. */
void		 signup_form_json(struct buf *, const struct signup_values *);

#endif
