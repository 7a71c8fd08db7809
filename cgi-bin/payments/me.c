/*
 * A member's own view (docs/authorization.md "Members": own subscription
 * and payments): their subscription and its status, their charges and
 * payments.  Nothing to change here: the coordinators record payments.
 */
#include "db.h"
#include "payments.h"

/* GET /payments/me */
int
pay_me(struct request *req)
{
	struct pay_member	 m;
	struct tmpl_dict	*d;
	enum weft_err		 e;

	if ((e = pay_member_load(req->actor.acting_id, &m)) != WEFT_OK)
		return app_status_of(e);
	if ((d = app_page(req, "payments/me.tpl",
	    app_text(req, N_("payments.me.title")))) == NULL)
		return 500;
	return pay_member_render(req, &m, d, NULL, 200);
}
