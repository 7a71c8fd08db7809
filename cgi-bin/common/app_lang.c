/*
 * Which language a page is in (docs/translations.md, "Languages"): a
 * member's is their profile's; a visitor's is the one they chose with the
 * public pages' switcher (a cookie), else the best of their browser's
 * Accept-Language among the languages offered, else the timebank's
 * default language (the site setting default_language), else English.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "http.h"
#include "i18n.h"
#include "settings.h"
#include "util.h"

const char *
app_lang(const struct request *req)
{
	return req->actor.lang[0] != '\0' ? req->actor.lang : "en";
}

/*
 * The offered language of one Accept-Language range (s, n bytes: "es",
 * "es-MX", "*" is none), into out: the tag itself, else its primary
 * subtag ("es" for "es-MX").  0 when neither is offered.
 */
static int
app_lang_range(const char *s, size_t n, char out[I18N_TAG_MAX])
{
	size_t	 k;

	if (n == 0 || n >= I18N_TAG_MAX || memchr(s, '*', n) != NULL)
		return 0;
	memcpy(out, s, n);
	out[n] = '\0';
	for (k = 0; k < n; k++)		/* tags compare without case */
		if (out[k] >= 'A' && out[k] <= 'Z' && k < 2)
			out[k] = (char)(out[k] - 'A' + 'a');
	if (i18n_lang_offered(out))
		return 1;
	if ((k = strcspn(out, "-_")) < n) {
		out[k] = '\0';
		return i18n_lang_offered(out);
	}
	return 0;
}

/* The best offered language of an Accept-Language value, or 0. */
static int
app_lang_accept(const char *accept, char out[I18N_TAG_MAX])
{
	char		 tag[I18N_TAG_MAX];
	const char	*s = accept, *q;
	size_t		 n, len;
	double		 w, best = 0;

	while (s != NULL && *s != '\0') {
		while (*s == ' ' || *s == ',')
			s++;
		len = strcspn(s, ",");
		n = strcspn(s, ";, ");
		w = 1;
		if ((q = strstr(s, ";q=")) != NULL && (size_t)(q - s) < len)
			w = strtod(q + 3, NULL);
		/* English needs no lookup: the source is always offered. */
		if (w > best && ((n == 2 && strncmp(s, "en", 2) == 0) ||
		    (n > 2 && strncmp(s, "en-", 3) == 0))) {
			util_copy(out, I18N_TAG_MAX, "en");
			best = w;
		} else if (w > best && app_lang_range(s, n, tag)) {
			util_copy(out, I18N_TAG_MAX, tag);
			best = w;
		}
		s += len;
	}
	return best > 0;
}

void
app_lang_choose(struct request *req, const char *accept)
{
	const char	*chosen = http_kv_get(&req->cookies, APP_LANG_COOKIE);
	char		 tag[I18N_TAG_MAX];

	if (chosen != NULL && strlen(chosen) < I18N_TAG_MAX &&
	    i18n_lang_offered(chosen)) {
		util_copy(req->actor.lang, sizeof(req->actor.lang), chosen);
		return;
	}
	if (accept != NULL && accept[0] != '\0' &&
	    app_lang_accept(accept, tag)) {
		util_copy(req->actor.lang, sizeof(req->actor.lang), tag);
		return;
	}
	/* The timebank's default language (a site setting), if offered. */
	chosen = settings_str(SETTING_DEFAULT_LANGUAGE);
	if (strcmp(chosen, "en") != 0 && i18n_lang_offered(chosen))
		util_copy(req->actor.lang, sizeof(req->actor.lang), chosen);
}

void
app_lang_switch(struct request *req, struct tmpl_dict *d)
{
	const struct i18n_lang	*l;
	struct tmpl_dict	*s, *o;
	size_t			 i, n, offered = 0;

	/* A page answered before the visitor's token was set up (a 404, a
	 * 400 for a damaged request) offers no switcher: its form would
	 * fail the CSRF check (make security found one).  The page's link
	 * home has it. */
	if (req->actor.member_id != 0 || req->actor.csrf[0] == '\0')
		return;
	l = i18n_languages(&n);
	for (i = 0; i < n; i++)
		offered += l[i].enabled;
	if (offered < 2)
		return;
	s = tmpl_section(d, "LANG_SWITCH");
	tmpl_set(s, "CSRF", req->actor.csrf);
	tmpl_set(s, "NEXT", req->path);
	for (i = 0; i < n; i++) {
		if (!l[i].enabled)
			continue;
		o = tmpl_section(s, "LANG_OPTION");
		tmpl_set(o, "VALUE", l[i].tag);
		tmpl_set(o, "LABEL", l[i].name);
		if (strcmp(l[i].tag, app_lang(req)) == 0)
			tmpl_show(o, "SELECTED");
	}
}
