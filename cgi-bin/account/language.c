/*
 * POST /language: a visitor's choice of language, from the switcher of
 * the public pages (app_lang_switch()).  Kept in a cookie for a year;
 * a member's language is their profile's, so the switcher is for
 * visitors only.  Back to the page the form came from (a local path).
 */
#include "account.h"
#include "form.h"

enum { G_LANG, G_NEXT, G__MAX };
static const struct form_field language_fields[G__MAX] = {
	[G_LANG] = { "lang", FORM_LANG, 1, 0, 0 },
	[G_NEXT] = { "next", FORM_TEXT, 0, 0, 512, .flags = FORM_QUIET },
};

#define LANGUAGE_COOKIE_S	(365L * 24 * 3600)

int
account_language(struct request *req)
{
	struct form_value	 v[G__MAX];

	if (form_read(language_fields, G__MAX, &req->form, app_lang(req),
	    NULL, v) > 0 || !i18n_lang_offered(v[G_LANG].str))
		return 400;
	http_cookie(&req->resp, APP_LANG_COOKIE, v[G_LANG].str,
	    LANGUAGE_COOKIE_S, account_cookie_flags());
	/* http_redirect() sends anything but a local path to "/". */
	return app_redirect(req, v[G_NEXT].set ? v[G_NEXT].str : "/", NULL);
}
