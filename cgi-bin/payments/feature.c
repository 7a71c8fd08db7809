/*
 * The payment switch (site.config at site scope: docs/authorization.md
 * "Decisions"): payments_enabled off or on.  Turning it on first shows
 * who would be mailed at once (the renewal reminders due now) and asks
 * to confirm; turning it off is at once (no mail).  The page stays
 * reachable while the feature is off (its route has no feature flag).
 */
#include <string.h>

#include "db.h"
#include "form.h"
#include "ledger.h"
#include "payments.h"
#include "settings.h"
#include "sub_reminders.h"

#define PAY_PREVIEW_MAX	100	/* members named on the preview */

static const char *const pay_states[] = { "off", "on" };

enum { F_STATE, F_CONFIRM, F__MAX };
static const struct form_field pay_feature_fields[F__MAX] = {
	[F_STATE] = { "state", FORM_CHOICE, 1, 0, 0, FORM_CHOICES(pay_states) },
	[F_CONFIRM] = { "confirm", FORM_BOOL, 0, 0, 0 },
};

static int
pay_feature_site(const struct request *req)
{
	static const struct scope site = { SCOPE_SITE, 0, "" };

	return role_allows(&req->actor.grants, PERM_SITE_CONFIG, &site);
}

/* The page: the state, and the preview when confirming. */
static int
pay_feature_page(struct request *req, int preview)
{
	struct tmpl_dict	*d, *x;
	struct db_rows		*r;
	size_t			 n = 0;
	enum weft_err		 e;

	if ((d = app_page(req, "payments/feature.tpl",
	    app_text(req, N_("payments.feature.title")))) == NULL)
		return 500;
	tmpl_show(d, app_feature_on(APP_FEATURE_PAYMENTS) ? "ON" : "OFF");
	tmpl_set(d, "CURRENCY", money_site_currency());
	if (!preview)
		return app_render(req, 200);
	x = tmpl_section(d, "PREVIEW");
	if ((e = sub_reminders_due(1, NULL, PAY_PREVIEW_MAX + 1, &r)) != WEFT_OK)
		return app_status_of(e);
	while (db_next(r) && n++ < PAY_PREVIEW_MAX)
		tmpl_set(tmpl_section(x, "RECIPIENT"), "NAME", db_str(r, 3));
	if (db_nrows(r) > PAY_PREVIEW_MAX)
		tmpl_show(x, "MORE");
	if (n == 0)
		tmpl_show(x, "NOBODY");
	tmpl_set_int(x, "COUNT", (long long)(n > PAY_PREVIEW_MAX ?
	    PAY_PREVIEW_MAX : n));
	db_rows_free(r);
	return app_render(req, 200);
}

/* GET /payments/feature */
int
pay_feature(struct request *req)
{
	if (!pay_feature_site(req))
		return 403;
	return pay_feature_page(req, 0);
}

/* POST /payments/feature: state off (at once), or on (the preview
 * first, then with confirm). */
int
pay_feature_save(struct request *req)
{
	struct form_value	 v[F__MAX];
	enum valid_err		 why;
	enum weft_err		 e;

	if (!pay_feature_site(req))
		return 403;
	if (form_read(pay_feature_fields, F__MAX, &req->form, app_lang(req),
	    NULL, v) > 0)
		return 422;
	if (v[F_STATE].choice == 1 && !v[F_CONFIRM].on &&
	    !app_feature_on(APP_FEATURE_PAYMENTS))
		return pay_feature_page(req, 1);
	/* Switched on, the reminders previewed go at once: the scheduled
	 * job is due at the mailer's next look. */
	if ((e = db_begin()) != WEFT_OK ||
	    (e = settings_set(&req->actor, SETTING_PAYMENTS_ENABLED,
	    pay_states[v[F_STATE].choice], &why)) != WEFT_OK ||
	    (v[F_STATE].choice == 1 && (e = sub_reminders_soon()) !=
	    WEFT_OK) || (e = db_commit()) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, "/payments/feature", v[F_STATE].choice == 1 ?
	    N_("payments.feature.flash.on") : N_("payments.feature.flash.off"));
}
