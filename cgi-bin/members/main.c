/*
 * The members program: its route table.  Every route names what it needs
 * (ROLES.md rule 1); the handlers check the object's scope (rule 2).
 * Order matters where a fixed path and a pattern overlap: "/members/new"
 * comes before "/members/:id".
 */
#include "members.h"
#include "util.h"

static const struct route members_routes[] = {
	{ HTTP_GET, "/members", ACCESS_PERM, PERM_MEMBER_LIST, members_list },
	{ HTTP_GET, "/members/export.csv", ACCESS_PERM, PERM_MEMBER_LIST,
	    members_export },
	{ HTTP_GET, "/members/dashboard", ACCESS_PERM, PERM_DASHBOARD_VIEW,
	    members_dashboard },
	{ HTTP_GET, "/members/roles", ACCESS_COORDINATOR, 0, members_roles },
	{ HTTP_GET, "/members/new", ACCESS_PERM, PERM_MEMBER_ADD,
	    members_new_form },
	{ HTTP_POST, "/members/new", ACCESS_PERM, PERM_MEMBER_ADD,
	    members_new },
	{ HTTP_GET, "/members/communities", ACCESS_PERM, PERM_MEMBER_COMMUNITY,
	    members_communities },
	{ HTTP_POST, "/members/communities", ACCESS_PERM,
	    PERM_MEMBER_COMMUNITY, members_community_add },
	{ HTTP_GET, "/members/audit", ACCESS_PERM, PERM_AUDIT_VIEW,
	    members_audit },
	{ HTTP_POST, "/members/bulk", ACCESS_PERM, PERM_MEMBER_BULK,
	    members_bulk_preview },
	{ HTTP_POST, "/members/bulk/apply", ACCESS_PERM, PERM_MEMBER_BULK,
	    members_bulk_apply },
	/* Whoever is acting may come back: the acting member's grants may
	 * not include member.become. */
	{ HTTP_POST, "/members/become/return", ACCESS_LOGIN, 0,
	    members_become_return },
	{ HTTP_GET, "/members/:id", ACCESS_PERM, PERM_MEMBER_LIST,
	    members_show },
	{ HTTP_GET, "/members/:id/edit", ACCESS_PERM, PERM_MEMBER_EDIT,
	    members_edit_form },
	{ HTTP_POST, "/members/:id/edit", ACCESS_PERM, PERM_MEMBER_EDIT,
	    members_edit },
	{ HTTP_POST, "/members/:id/password", ACCESS_PERM, PERM_MEMBER_EDIT,
	    members_password },
	{ HTTP_POST, "/members/:id/approve", ACCESS_PERM, PERM_MEMBER_APPROVE,
	    members_approve },
	{ HTTP_POST, "/members/:id/unapprove", ACCESS_PERM,
	    PERM_MEMBER_UNAPPROVE, members_unapprove },
	{ HTTP_POST, "/members/:id/disable", ACCESS_PERM, PERM_MEMBER_DISABLE,
	    members_disable },
	{ HTTP_POST, "/members/:id/enable", ACCESS_PERM, PERM_MEMBER_DISABLE,
	    members_enable },
	{ HTTP_POST, "/members/:id/optout", ACCESS_PERM, PERM_MEMBER_OPTOUT,
	    members_optout },
	{ HTTP_POST, "/members/:id/community", ACCESS_PERM,
	    PERM_MEMBER_COMMUNITY, members_set_community },
	{ HTTP_GET, "/members/:id/notes", ACCESS_PERM, PERM_MEMBER_NOTES,
	    members_notes },
	{ HTTP_POST, "/members/:id/notes", ACCESS_PERM, PERM_MEMBER_NOTES,
	    members_note_add },
	{ HTTP_POST, "/members/:id/notes/:note", ACCESS_PERM, PERM_MEMBER_NOTES,
	    members_note_edit },
	{ HTTP_POST, "/members/:id/angels", ACCESS_PERM, PERM_MEMBER_ANGELS,
	    members_angel_add },
	{ HTTP_POST, "/members/:id/angels/:angel/remove", ACCESS_PERM,
	    PERM_MEMBER_ANGELS, members_angel_remove },
	{ HTTP_POST, "/members/:id/angel-mode", ACCESS_PERM, PERM_MEMBER_ANGELS,
	    members_angel_mode },
	{ HTTP_POST, "/members/:id/managers", ACCESS_PERM, PERM_MEMBER_ORGS,
	    members_manager_add },
	{ HTTP_POST, "/members/:id/managers/:manager/remove", ACCESS_PERM,
	    PERM_MEMBER_ORGS, members_manager_remove },
	{ HTTP_POST, "/members/:id/become", ACCESS_PERM, PERM_MEMBER_BECOME,
	    members_become },
	{ HTTP_GET, "/members/:id/roles", ACCESS_PERM, PERM_ROLE_ASSIGN,
	    members_grants },
	{ HTTP_POST, "/members/:id/roles", ACCESS_PERM, PERM_ROLE_ASSIGN,
	    members_grant_add },
	{ HTTP_POST, "/members/:id/roles/:grant/remove", ACCESS_PERM,
	    PERM_ROLE_ASSIGN, members_grant_remove },
};

int
main(int argc, char *argv[])
{
	static const struct program prog = {
		"members", members_routes,
		NELEM(members_routes),
	};

	static const struct {
		const struct i18n_phrase	*p;
		const size_t			*n;
	} phrases[] = {
		{ members_list_phrases, &members_list_nphrases },
		{ members_dashboard_phrases, &members_dashboard_nphrases },
		{ members_profile_phrases, &members_profile_nphrases },
		{ members_status_phrases, &members_status_nphrases },
		{ members_notes_phrases, &members_notes_nphrases },
		{ members_angels_phrases, &members_angels_nphrases },
		{ members_communities_phrases, &members_communities_nphrases },
		{ members_become_phrases, &members_become_nphrases },
		{ members_grants_phrases, &members_grants_nphrases },
		{ members_audit_log_phrases, &members_audit_log_nphrases },
		{ members_bulk_phrases, &members_bulk_nphrases },
	};
	size_t	 i;

	for (i = 0; i < NELEM(phrases); i++)
		if (i18n_register(phrases[i].p, *phrases[i].n) == -1)
			return 1;
	return app_main(argc, argv, &prog);
}
