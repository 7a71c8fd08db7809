/*
 * The permission matrix page, read from the same table the route guards
 * use (role.c), so the published matrix cannot drift from what is
 * enforced.
 */
#include "members.h"

int
members_matrix(struct request *req)
{
	struct tmpl_dict	*d, *row, *cell, *s;
	const char		*note;
	size_t			 i;
	enum weft_err		 e;
	int			 p, r;

	if ((d = app_page(req, "members/roles.tpl",
	    app_text(req, N_("roles.title")))) == NULL)
		return 500;
	for (r = 0; r < ROLE__MAX; r++) {
		s = tmpl_section(d, "ROLE");
		tmpl_set(s, "KEY", role_keys[r]);
		tmpl_set(s, "TITLE", app_text(req, role_title_keys[r]));
	}
	for (p = 0; p < PERM__MAX; p++) {
		row = tmpl_section(d, "PERM");
		tmpl_set(row, "KEY", perm_keys[p]);
		tmpl_set(row, "DESCRIPTION", app_text(req,
		    perm_description_keys[p]));
		for (r = 0; r < ROLE__MAX; r++) {
			cell = tmpl_section(row, "CELL");
			tmpl_set(cell, "ROLE", role_keys[r]);
			tmpl_set(cell, "PERM", perm_keys[p]);
			tmpl_show(cell, role_has_perm((enum role)r,
			    (enum perm)p) ? "YES" : "NO");
			if ((note = role_cell_note((enum perm)p,
			    (enum role)r)) != NULL) {
				s = tmpl_section(cell, "NOTE");
				tmpl_set(s, "N", note);
			}
		}
	}
	for (i = 0; i < req->actor.grants.n; i++) {
		s = tmpl_section(d, "MY_GRANT");
		tmpl_set(s, "ROLE", app_text(req,
		    role_title_keys[req->actor.grants.g[i].role]));
		/* In words, as on a member's roles (issue 18). */
		if ((e = members_scope_words(s,
		    &req->actor.grants.g[i].scope)) != WEFT_OK)
			return app_status_of(e);
	}
	return app_render(req, 200);
}
