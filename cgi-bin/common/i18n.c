/*
 * Phrase lookup.  The English catalogue is built in, as a static table
 * sorted by key (strcmp order) and searched with bsearch; the unit tests
 * check the order.  Every phrase of the product has a key here.
 *
 * Other languages: the translations area (issue "Translations") fills
 * them in from the phrases/translations tables and looks them up before
 * falling back to this catalogue.  Until then i18n_text() ignores lang
 * and answers in English.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "log.h"
#include "util.h"


/* Sorted by key in strcmp order: '.' and '_' sort before letters. */
static const struct i18n_phrase i18n_en[] = {
	{ "error.400", "The request could not be understood." },
	{ "error.403", "You do not have permission to do this." },
	{ "error.404", "There is no such page." },
	{ "error.405", "This page cannot be used that way." },
	{ "error.409", "Someone else changed this at the same moment. "
	    "Please look again and retry." },
	{ "error.413", "What you sent is too large." },
	{ "error.415", "This form was sent in a way weft does not accept. "
	    "Please send it again from the page." },
	{ "error.422", "Some fields need correcting: see the messages "
	    "below." },
	{ "error.429", "Too many requests. Please wait a moment and try "
	    "again." },
	{ "error.500", "Something went wrong on our side. It has been "
	    "logged; please try again later." },
	{ "error.503", "The service is busy or down for a moment. Please "
	    "try again in a few seconds." },
	{ "error.cookie", "Your browser sent a cookie of this site that was "
	    "damaged. It has been removed: please reload the page (you may "
	    "need to log in again)." },
	{ "error.csrf", "This form has expired. Please reload the page and "
	    "send it again." },
	{ "flash.application_sent", "Thank you: your application has been "
	    "sent. A coordinator will review it." },
	{ "flash.logged_out", "You have been logged out." },
	{ "flash.password_changed", "Your password has been changed." },
	{ "flash.saved", "Your changes have been saved." },
	{ "form.summary", "Please correct the following" },
	{ "form.summary.filters", "Please correct the filters" },
	{ "login.applying", "Your application is awaiting approval by a "
	    "coordinator. You can still edit it." },
	{ "login.disabled", "This account is disabled. Please contact a "
	    "coordinator." },
	{ "login.failed", "Wrong username or password." },
	{ "login.throttled", "Too many failed attempts. Please wait a few "
	    "minutes and try again." },
	{ "nav.ads", "Offers and requests" },
	{ "nav.ads_manage", "All ads" },
	{ "nav.audit", "Audit log" },
	{ "nav.communities", "Community Timebanks" },
	{ "nav.dashboard", "Dashboard" },
	{ "nav.exchanges", "My exchanges" },
	{ "nav.exchanges_list", "All exchanges" },
	{ "nav.group.content", "Content" },
	{ "nav.group.reports", "Dashboard and reports" },
	{ "nav.group.site", "Configure the site" },
	{ "nav.home", "Home" },
	{ "nav.login", "Log in" },
	{ "nav.logout", "Log out" },
	{ "nav.member_add", "Add a member" },
	{ "nav.members", "Members" },
	{ "nav.menu.add", "Add" },
	{ "nav.menu.manage", "Manage" },
	{ "nav.profile", "My profile" },
	{ "nav.roles", "Roles" },
	{ "nav.signup", "Apply to join" },
	{ "password.mismatch", "The two passwords are not the same." },
	{ "password.title", "Change your password" },
	{ "password.wrong_current", "This is not your current password." },
	{ "role.ok", "Allowed." },
	{ "role.refuse.admin_only", "Only an Admin Coordinator can give or "
	    "remove the Outreach, Payment and Translator roles." },
	{ "role.refuse.bad_scope", "A Translator is appointed for a "
	    "language; every other role for the whole timebank or for one "
	    "Community Timebank." },
	{ "role.refuse.cover", "This member holds roles you do not hold: "
	    "only a coordinator whose roles include all of theirs may change "
	    "their account." },
	{ "role.refuse.higher_role", "You can only give or remove a role "
	    "you hold yourself, or a lower one." },
	{ "role.refuse.last_admin", "This is the last enabled Admin "
	    "Coordinator of the whole timebank, and the timebank must always "
	    "have one. Appoint another Admin Coordinator first." },
	{ "role.refuse.no_perm", "You do not have the permission this "
	    "needs." },
	{ "role.refuse.not_subset", "This member holds roles you do not "
	    "hold: becoming them would raise your privileges." },
	{ "role.refuse.out_of_scope", "This is outside the part of the "
	    "timebank your roles cover." },
	{ "role.refuse.reach", "This member acts for a member outside what "
	    "you may reach (as their guardian angel or as the manager of an "
	    "organisation): through this account you would reach beyond your "
	    "own roles." },
	{ "role.refuse.self", "You cannot become yourself." },
	{ "role.refuse.site_admin", "Nobody can become an Admin Coordinator "
	    "of the whole timebank." },
	{ "role.refuse.status", "You cannot become a disabled member." },
	{ "roles.title", "Roles and permissions" },
	{ "signup.email_waiting", "An application with this e-mail address "
	    "is already waiting for a coordinator. If it is yours, log in to "
	    "see or change it." },
	{ "signup.throttled", "Too many applications have been sent from "
	    "your network recently. Please try again later, or ask a "
	    "coordinator to add you." },
	{ "signup.username_taken", "This username is taken. Please choose "
	    "another." },
	{ "valid.empty", "This field is required." },
	{ "valid.encoding", "This field contains characters that could not "
	    "be read." },
	{ "valid.format", "This is not in the expected format." },
	{ "valid.ok", "OK." },
	{ "valid.range", "This value is outside the allowed range." },
	{ "valid.too_long", "This is too long." },
	{ "valid.too_short", "This is too short." },
};

#define I18N_N	NELEM(i18n_en)

/*
 * Unknown keys already logged, so that a missing phrase on a busy page
 * logs once per worker rather than once per request.  Workers are single
 * threaded processes; the table is bounded, and once it is full further
 * unknown keys are no longer logged (the first ones say enough).
 */
#define I18N_SEEN_MAX	64
#define I18N_KEY_MAX	64
static char	 i18n_seen[I18N_SEEN_MAX][I18N_KEY_MAX];
static size_t	 i18n_nseen;

/* Phrase tables of the area program, registered at start-up. */
#define I18N_AREAS_MAX	24
static struct {
	const struct i18n_phrase	*p;
	size_t				 n;
} i18n_areas[I18N_AREAS_MAX];
static size_t	 i18n_nareas;

int
i18n_register(const struct i18n_phrase *p, size_t n)
{
	size_t	 i;

	if (i18n_nareas == I18N_AREAS_MAX)
		return -1;
	for (i = 1; i < n; i++)
		if (strcmp(p[i - 1].key, p[i].key) >= 0) {
			log_msg(LOGL_ERROR, "i18n: area phrases not sorted at "
			    "\"%s\"", p[i].key);
			return -1;
		}
	i18n_areas[i18n_nareas].p = p;
	i18n_areas[i18n_nareas++].n = n;
	return 0;
}

static int
i18n_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct i18n_phrase *)elem)->key);
}

static void
i18n_missing(const char *key)
{
	size_t	 i;

	for (i = 0; i < i18n_nseen; i++)
		if (strncmp(i18n_seen[i], key, I18N_KEY_MAX - 1) == 0)
			return;
	if (i18n_nseen == I18N_SEEN_MAX)
		return;
	snprintf(i18n_seen[i18n_nseen++], I18N_KEY_MAX, "%s", key);
	log_msg(LOGL_WARN, "i18n: no phrase for key \"%.*s\"",
	    I18N_KEY_MAX - 1, key);
}

/*
 * The phrase for key; lang is not used yet (see the top of the file).
 * Never NULL: an unknown key comes back as itself, so a page shows
 * "login.failed" rather than nothing, and the log says which is missing.
 */
const char *
i18n_text(const char *lang, const char *key)
{
	const struct i18n_phrase	*p;
	size_t				 i;

	(void)lang;
	if (key == NULL)
		return "";
	p = bsearch(key, i18n_en, I18N_N, sizeof(i18n_en[0]), i18n_cmp);
	if (p != NULL)
		return p->text;
	for (i = 0; i < i18n_nareas; i++) {
		p = bsearch(key, i18n_areas[i].p, i18n_areas[i].n,
		    sizeof(*p), i18n_cmp);
		if (p != NULL)
			return p->text;
	}
	i18n_missing(key);
	return key;
}

int
i18n_has(const char *key)
{
	size_t	 i;

	if (key == NULL)
		return 0;
	if (bsearch(key, i18n_en, I18N_N, sizeof(i18n_en[0]), i18n_cmp) != NULL)
		return 1;
	for (i = 0; i < i18n_nareas; i++)
		if (bsearch(key, i18n_areas[i].p, i18n_areas[i].n,
		    sizeof(i18n_areas[i].p[0]), i18n_cmp) != NULL)
			return 1;
	return 0;
}

const struct i18n_lang i18n_langs[] = {
	{ "en", "English" },
	{ "es", "Español" },
};
const size_t i18n_nlangs = NELEM(i18n_langs);

int
i18n_lang_offered(const char *tag)
{
	size_t	 i;

	for (i = 0; tag != NULL && i < i18n_nlangs; i++)
		if (strcmp(tag, i18n_langs[i].tag) == 0)
			return 1;
	return 0;
}

size_t
i18n_count(void)
{
	return I18N_N;
}

const char *
i18n_key(size_t i)
{
	return i < I18N_N ? i18n_en[i].key : NULL;
}
