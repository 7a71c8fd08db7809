/*
 * The audience of a broadcast on its pages: the compose form's choices
 * (the member list's filters: status, community, role, language,
 * organisation, joined between two dates) and the words that describe a
 * broadcast's audience.  The SQL of the audience is BC_AUDIENCE
 * (broadcasts.h); opted-out and disabled members are never in it.
 */
#include <stdio.h>
#include <string.h>

#include "broadcasts.h"
#include "i18n.h"
#include "util.h"

static const char *const bc_status_labels[2] = {
	N_("broadcasts.audience.status.approved"),
	N_("broadcasts.audience.status.applying"),
};
static const char *const bc_org_labels[2] = {
	N_("broadcasts.audience.org.orgs"),
	N_("broadcasts.audience.org.people"),
};

enum weft_err
bc_audience_fill(struct request *req, struct tmpl_dict *d,
    const struct bc *b, enum perm perm)
{
	const struct i18n_lang	*langs;
	size_t			 i, n;

	for (i = 0; i < NELEM(bc_status_keys); i++)
		form_option(d, "STATUS_OPTION", bc_status_keys[i],
		    app_text(req, bc_status_labels[i]),
		    strcmp(b->f_status, bc_status_keys[i]) == 0);
	for (i = 0; i < ROLE__MAX; i++)
		form_option(d, "ROLE_OPTION", role_keys[i],
		    app_text(req, role_title_keys[i]),
		    strcmp(b->f_role, role_keys[i]) == 0);
	for (i = 0; i < NELEM(bc_org_keys); i++)
		form_option(d, "ORG_OPTION", bc_org_keys[i],
		    app_text(req, bc_org_labels[i]), b->f_org == (int)i + 1);
	langs = i18n_languages(&n);
	for (i = 0; i < n; i++)
		form_option(d, "FLANG_OPTION", langs[i].tag, langs[i].name,
		    strcmp(b->f_lang, langs[i].tag) == 0);
	tmpl_set(d, "JOINED_FROM", b->f_joined_from);
	tmpl_set(d, "JOINED_TO", b->f_joined_to);
	return bc_community_options(req, d, perm, b->community);
}

/* One term of the audience: "label: value". */
static void
bc_term(struct request *req, struct tmpl_dict *d, const char *label,
    const char *value)
{
	struct tmpl_dict	*s = tmpl_section(d, "AUDIENCE_TERM");

	tmpl_set(s, "LABEL", app_text(req, label));
	tmpl_set(s, "VALUE", value);
}

enum weft_err
bc_audience_terms(struct request *req, struct tmpl_dict *d,
    const struct bc *b)
{
	char		 name[128];
	int		 k;
	enum weft_err	 e;

	if ((e = bc_community_name(b->community, name, sizeof(name))) !=
	    WEFT_OK)
		return e;
	bc_term(req, d, N_("broadcasts.audience.community"), b->community ?
	    name : app_text(req, N_("broadcasts.audience.whole")));
	if (b->kind == BC_KIND_COORDINATORS) {
		k = util_lookup(role_keys, ROLE__MAX, b->f_role);
		bc_term(req, d, N_("broadcasts.audience.role"), k < 0 ?
		    app_text(req, N_("broadcasts.audience.every_role")) :
		    app_text(req, role_title_keys[k]));
		return WEFT_OK;
	}
	k = util_lookup(bc_status_keys, NELEM(bc_status_keys), b->f_status);
	if (k >= 0)
		bc_term(req, d, N_("broadcasts.audience.status"),
		    app_text(req, bc_status_labels[k]));
	k = util_lookup(role_keys, ROLE__MAX, b->f_role);
	if (k >= 0)
		bc_term(req, d, N_("broadcasts.audience.role"),
		    app_text(req, role_title_keys[k]));
	if (b->f_lang[0] != '\0')
		bc_term(req, d, N_("broadcasts.audience.lang"),
		    i18n_lang(b->f_lang)->name);
	if (b->f_org > 0)
		bc_term(req, d, N_("broadcasts.audience.org"),
		    app_text(req, bc_org_labels[b->f_org - 1]));
	if (b->f_joined_from[0] != '\0')
		bc_term(req, d, N_("broadcasts.audience.joined_from"),
		    b->f_joined_from);
	if (b->f_joined_to[0] != '\0')
		bc_term(req, d, N_("broadcasts.audience.joined_to"),
		    b->f_joined_to);
	return WEFT_OK;
}
