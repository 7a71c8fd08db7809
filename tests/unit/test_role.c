/*
 * role.c against docs/authorization.md.  The permission table is checked
 * cell by cell against the markdown table itself, copied below verbatim
 * and parsed here, so that a typo in role.c's table fails
 * (docs/authorization.md is printed from that table: this copy is the one
 * kept by hand).  Then each rule, every allowed case next to its refused twin.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "i18n.h"
#include "role.h"
#include "role_spec.h"
#include "util.h"

/* docs/authorization.md "Permissions", copied line for line. */
static const char *const roles_md_matrix[] = {
	"| permission | admin | member | support | outreach | payment |"
	    " translator |",
	"|---|---|---|---|---|---|---|",
	"| `dashboard.view` — coordinators' dashboard and reports"
	    " (members, offers, requests, exchanges) | Y | Y | — | — | — | —"
	    " |",
	"| `member.list` — member list with all filters | Y | Y | Y | Y"
	    " | Y¹ | — |",
	"| `member.contact` — see private contact info (phone, address,"
	    " email) | Y | Y | Y | — | — | — |",
	"| `member.activity` — see every member's exchanges and balance"
	    " | Y | Y | Y | Y² | — | — |",
	"| `member.edit` — edit profiles, incl. \"Change Password\","
	    " view Profile Status | Y | Y | — | — | — | — |",
	"| `member.add` — add a new member | Y | Y | — | — | — | — |",
	"| `member.approve` — approve an applying member | Y | Y | — | —"
	    " | — | — |",
	"| `member.unapprove` — set an approved member back to applying"
	    " | Y | — | — | — | — | — |",
	"| `member.disable` — disable / enable an account | Y | Y | — |"
	    " — | — | — |",
	"| `member.notes` — read and write coordinator notes | Y | Y | Y"
	    " | — | — | — |",
	"| `member.angels` — assign / remove guardian angels; Guardian"
	    " Angel Mode | Y | Y | Y³ | — | — | — |",
	"| `member.orgs` — assign / remove Managers of Organisations | Y"
	    " | Y | — | — | — | — |",
	"| `member.community` — put a member or a service ad in a"
	    " Community Timebank | Y | Y | — | — | — | — |",
	"| `member.become` — \"Become another member\" | Y | Y | — | — |"
	    " — | — |",
	"| `member.optout` — a member's broadcast opt-out setting | Y |"
	    " Y | Y | — | — | — |",
	"| `member.bulk` — bulk actions on many accounts | Y | — | — | —"
	    " | — | — |",
	"| `role.assign` — assign / remove coordinator roles | Y | — | —"
	    " | — | — | — |",
	"| `ad.list` — offers and requests list with all filters | Y | Y"
	    " | Y | Y | — | — |",
	"| `ad.post_for` — post an offer or request for another member |"
	    " Y | Y | Y | — | — | — |",
	"| `ad.edit` — edit another member's offer or request | Y | Y |"
	    " Y | — | — | — |",
	"| `ad.delete` — delete another member's offer or request | Y |"
	    " Y | — | — | — | — |",
	"| `exchange.list` — recorded exchanges list with all filters |"
	    " Y | Y | Y | Y | — | — |",
	"| `exchange.record_for` — record an exchange for other members"
	    " | Y | Y | Y | — | — | — |",
	"| `exchange.edit` — edit or delete (reverse) a recorded"
	    " exchange | Y | Y | — | — | — | — |",
	"| `broadcast.send` — create, edit, send and resend broadcast"
	    " mailings | Y | Y | Y | Y | — | — |",
	"| `broadcast.coordinators` — write to all coordinators"
	    " (coordinators' mailing list) | Y | Y | — | — | — | — |",
	"| `alert.manage` — create, edit, delete alerts | Y | Y | Y | Y"
	    " | — | — |",
	"| `event.manage` — create, edit, delete events | Y | Y | Y | Y"
	    " | — | — |",
	"| `content.manage` — pages (not special ones), news, links | Y"
	    " | — | — | Y | — | — |",
	"| `page.list` — list regular and special pages | Y | Y | Y | Y"
	    " | — | — |",
	"| `payment.manage` — subscriptions: (de)activate, renewal date,"
	    " type, preference; generate next charge, delete current charge;"
	    " view and record payments | Y | — | — | — | Y | — |",
	"| `translation.edit` — translate phrases of a language | Y | —"
	    " | — | — | — | Y⁴ |",
	"| `site.config` — site-wide configuration, special pages,"
	    " member signup form, lists (neighbourhoods, counties,"
	    " affiliations, ad categories), payment feature on/off,"
	    " languages | Y | — | — | — | — | — |",
	/* The last row, rule 6 of docs/authorization.md: "Admins can read and
	 * filter the audit log". */
	"| `audit.view` — read and filter the audit log (rule 6) | Y | —"
	    " | — | — | — | — |",
};

/* docs/authorization.md "Who is who", the role and key columns. */
static const char *const roles_md_who[] = {
	"| Admin Coordinator | `admin` |",
	"| Member Coordinator | `member` |",
	"| Member Support Coordinator | `support` |",
	"| Outreach Coordinator | `outreach` |",
	"| Payment Coordinator | `payment` |",
	"| Translator | `translator` |",
};

/* Splits a markdown row into trimmed cells (without the outer pipes). */
static size_t
md_cells(const char *line, char cells[][512], size_t max)
{
	const char	*p, *q;
	size_t		 n = 0, len;

	assert_true(line[0] == '|');
	p = line + 1;
	while (*p != '\0' && n < max) {
		if ((q = strchr(p, '|')) == NULL)
			break;
		while (p < q && *p == ' ')
			p++;
		len = (size_t)(q - p);
		while (len > 0 && p[len - 1] == ' ')
			len--;
		assert_true(len < 512);
		memcpy(cells[n], p, len);
		cells[n][len] = '\0';
		n++;
		p = q + 1;
	}
	return n;
}

/* A cell of the table: '-' no, 'Y' yes, '1'..'4' yes with footnote. */
static char
md_cell_value(const char *cell)
{
	if (strcmp(cell, "Y") == 0)
		return 'Y';
	if (strcmp(cell, "\u2014") == 0)	/* em dash */
		return '-';
	if (strcmp(cell, "Y\u00b9") == 0)
		return '1';
	if (strcmp(cell, "Y\u00b2") == 0)
		return '2';
	if (strcmp(cell, "Y\u00b3") == 0)
		return '3';
	if (strcmp(cell, "Y\u2074") == 0)
		return '4';
	fail_msg("unreadable cell \"%s\"", cell);
	return 0;
}

/*
 * The markdown matrix joined back into lines (the copy above splits long
 * lines into C string pieces), then parsed: header, separator, rows.
 */
static void
test_matrix_cell_by_cell(void **state)
{
	char		 cells[8][512], key[64], note[2];
	const char	*desc, *tick;
	enum role	 col[ROLE__MAX];
	enum perm	 p;
	size_t		 i, n, c, rows = 0;
	char		 want;

	n = md_cells(roles_md_matrix[0], cells, 8);
	assert_int_equal(n, 1 + ROLE__MAX);
	assert_string_equal(cells[0], "permission");
	for (c = 0; c < ROLE__MAX; c++) {
		assert_int_equal(role_parse(cells[c + 1], &col[c]), 0);
		assert_int_equal(col[c], c);	/* enum order == table order */
	}
	assert_string_equal(roles_md_matrix[1], "|---|---|---|---|---|---|---|");
	for (i = 2; i < NELEM(roles_md_matrix); i++, rows++) {
		n = md_cells(roles_md_matrix[i], cells, 8);
		assert_int_equal(n, 1 + ROLE__MAX);
		/* "`key` — description" */
		assert_true(cells[0][0] == '`');
		tick = strchr(cells[0] + 1, '`');
		assert_non_null(tick);
		assert_true((size_t)(tick - cells[0] - 1) < sizeof(key));
		memcpy(key, cells[0] + 1, (size_t)(tick - cells[0] - 1));
		key[tick - cells[0] - 1] = '\0';
		assert_int_equal(strncmp(tick, "` \u2014 ", 6), 0);
		desc = tick + 6;
		if (perm_parse(key, &p) != 0)
			fail_msg("spec permission %s not in role.c", key);
		assert_int_equal(p, rows);	/* enum order == spec order */
		assert_string_equal(perm_keys[p], key);
		assert_string_equal(i18n_text("en", perm_description_keys[p]),
		    desc);
		for (c = 0; c < ROLE__MAX; c++) {
			want = md_cell_value(cells[c + 1]);
			if (role_has_perm(col[c], p) != (want != '-'))
				fail_msg("%s x %s: the spec says %s", key,
				    role_keys[col[c]], cells[c + 1]);
			if (want >= '1' && want <= '4') {
				note[0] = want;
				note[1] = '\0';
				assert_non_null(role_cell_note(p, col[c]));
				assert_string_equal(role_cell_note(p, col[c]),
				    note);
			} else
				assert_null(role_cell_note(p, col[c]));
		}
	}
	assert_int_equal(rows, PERM__MAX);
	/* Outside the table: nothing. */
	assert_false(role_has_perm(ROLE__MAX, PERM_MEMBER_LIST));
	assert_false(role_has_perm(ROLE_ADMIN, PERM__MAX));
	assert_false(role_has_perm((enum role)-1, PERM_MEMBER_LIST));
	assert_null(role_cell_note(PERM__MAX, ROLE_PAYMENT));
}

static void
test_role_titles(void **state)
{
	char		 cells[4][512];
	enum role	 r;
	size_t		 i;

	for (i = 0; i < NELEM(roles_md_who); i++) {
		assert_int_equal(md_cells(roles_md_who[i], cells, 4), 2);
		cells[1][strlen(cells[1]) - 1] = '\0';	/* `key` */
		assert_int_equal(role_parse(cells[1] + 1, &r), 0);
		assert_int_equal(r, i);
		assert_string_equal(i18n_text("en", role_title_keys[r]),
		    cells[0]);
	}
	assert_int_equal(i, ROLE__MAX);
}

/* ---- parsing and formatting -------------------------------------- */

static void
test_role_perm_parse(void **state)
{
	static const char *const bad[] = {
		"", "Admin", "ADMIN", " admin", "admin ", "admin\n", "adm",
		"adminx", "admin;", "coordinator", "member.list", "0",
	};
	static const char *const badp[] = {
		"", "member", "Member.List", "member.list ", " member.list",
		"member.list\n", "member.", ".list", "member..list",
		"member.list.x", "memberlist", "member_list", "role.assign%00",
	};
	enum role	 r;
	enum perm	 p;
	size_t		 i;

	for (i = 0; i < ROLE__MAX; i++) {
		assert_int_equal(role_parse(role_keys[i], &r), 0);
		assert_int_equal(r, i);
	}
	for (i = 0; i < PERM__MAX; i++) {
		assert_int_equal(perm_parse(perm_keys[i], &p), 0);
		assert_int_equal(p, i);
	}
	for (i = 0; i < NELEM(bad); i++)
		assert_int_equal(role_parse(bad[i], &r), -1);
	for (i = 0; i < NELEM(badp); i++)
		assert_int_equal(perm_parse(badp[i], &p), -1);
	assert_int_equal(role_parse(NULL, &r), -1);
	assert_int_equal(perm_parse(NULL, &p), -1);
}

static void
test_scope_round_trip(void **state)
{
	static const char *const good[] = {
		"site", "community:1", "community:42",
		"community:9007199254740992", "language:es", "language:pt-BR",
		"language:zh-Hant", "language:es-419",
	};
	struct scope	 s;
	char		 out[64];
	size_t		 i;

	for (i = 0; i < NELEM(good); i++) {
		assert_int_equal(scope_parse(good[i], &s), 0);
		scope_format(&s, out, sizeof(out));
		assert_string_equal(out, good[i]);
	}
	assert_int_equal(scope_parse("community:12", &s), 0);
	assert_int_equal(s.kind, SCOPE_COMMUNITY);
	assert_int_equal(s.community, 12);
	assert_int_equal(scope_parse("language:pt-BR", &s), 0);
	assert_int_equal(s.kind, SCOPE_LANGUAGE);
	assert_string_equal(s.lang, "pt-BR");
}

static void
test_scope_parse_hostile(void **state)
{
	static const char *const bad[] = {
		"", "Site", "SITE", "site ", " site", "site\n", "sites",
		"site:1", "community", "community:", "community:0",
		"community:-1", "community:+1", "community:01", "community: 1",
		"community:1 ", "community:1x", "community:0x10",
		"community:1e3", "community:1.0", "community:1:2",
		"community:9007199254740993", "community:99999999999999999999",
		"Community:1", "language", "language:", "language:e",
		"language:english", "language:es-", "language:-es",
		"language:es_ES", "language:es\n", "language:es;drop",
		"language:x-klingon", "language:abcdefgh-abcdefgh",
		"language:es-ES-valencia1", "languages:es", "language:\xc3\xa9s",
		"community:\xef\xbc\x91", "%73ite", "site\t",
	};
	struct scope	 s;
	size_t		 i;

	for (i = 0; i < NELEM(bad); i++) {
		memset(&s, 0xa5, sizeof(s));
		if (scope_parse(bad[i], &s) != -1)
			fail_msg("scope \"%s\" parsed", bad[i]);
		/* A refused parse leaves no scope behind: not even a
		 * caller ignoring the result gets site out of it. */
		assert_int_equal(s.kind, SCOPE__MAX);
		assert_int_equal(s.community, 0);
		assert_int_equal(s.lang[0], '\0');
	}
	assert_int_equal(scope_parse(NULL, &s), -1);
}

static void
test_scope_format_edges(void **state)
{
	struct scope	 s = { .kind = SCOPE_COMMUNITY, .community = 12345 };
	char		 out[8];

	scope_format(&s, out, sizeof(out));
	assert_string_equal(out, "communi");	/* truncated, terminated */
	out[0] = 'x';
	scope_format(&s, out, 0);
	assert_int_equal(out[0], 'x');		/* len 0: untouched */
	s.kind = SCOPE__MAX;
	scope_format(&s, out, sizeof(out));
	assert_string_equal(out, "");
	scope_format(NULL, out, sizeof(out));
	assert_string_equal(out, "");
}

/* ---- scope coverage ---------------------------------------------- */

static int
covers(const char *outer, const char *inner)
{
	struct scope	 o = S(outer), i = S(inner);

	return scope_covers(&o, &i);
}

static void
test_scope_covers(void **state)
{
	struct scope	 bad = { .kind = SCOPE_COMMUNITY, .community = 0 };
	struct scope	 site = S("site");

	assert_true(covers("site", "site"));
	assert_true(covers("site", "community:1"));
	assert_true(covers("site", "language:es"));
	assert_true(covers("community:1", "community:1"));
	assert_false(covers("community:1", "community:2"));
	assert_false(covers("community:1", "site"));
	assert_false(covers("community:1", "language:es"));
	assert_true(covers("language:es", "language:es"));
	assert_true(covers("language:es", "language:ES"));
	assert_false(covers("language:es", "language:pt"));
	assert_false(covers("language:pt", "language:pt-BR"));
	assert_false(covers("language:es", "site"));
	assert_false(covers("language:es", "community:1"));
	/* Not scopes at all: nothing covers them, they cover nothing. */
	assert_false(scope_covers(&site, &bad));
	assert_false(scope_covers(&bad, &bad));
	assert_false(scope_covers(&site, NULL));
	assert_false(scope_covers(NULL, &site));
}

/* ---- grants and role_allows -------------------------------------- */

static int
allows(const char *grants, enum perm p, const char *target)
{
	struct grants	 gs = G(grants);
	struct scope	 t = S(target);

	return role_allows(&gs, p, &t);
}

static void
test_allows_site_and_community(void **state)
{
	/* A site grant reaches every community and site objects. */
	assert_true(allows("member@site", PERM_MEMBER_EDIT, "site"));
	assert_true(allows("member@site", PERM_MEMBER_EDIT, "community:2"));
	assert_false(allows("member@site", PERM_MEMBER_UNAPPROVE, "site"));
	/* A community grant reaches its community only (rule 2). */
	assert_true(allows("member@community:1", PERM_MEMBER_EDIT,
	    "community:1"));
	assert_false(allows("member@community:1", PERM_MEMBER_EDIT,
	    "community:2"));
	assert_false(allows("member@community:1", PERM_MEMBER_EDIT, "site"));
	assert_false(allows("member@community:1", PERM_MEMBER_UNAPPROVE,
	    "community:1"));
	/* Several grants: each in its own scope. */
	assert_true(allows("support@site member@community:1",
	    PERM_MEMBER_EDIT, "community:1"));
	assert_false(allows("support@site member@community:1",
	    PERM_MEMBER_EDIT, "community:2"));
	assert_true(allows("support@site member@community:1",
	    PERM_MEMBER_NOTES, "community:2"));
	/* No grants: deny by default. */
	assert_false(allows("", PERM_MEMBER_LIST, "site"));
	assert_false(role_allows(NULL, PERM_MEMBER_LIST, NULL));
}

static void
test_allows_somewhere_and_holds(void **state)
{
	struct grants	 gs = G("member@community:1 translator@language:es");
	struct grants	 none = G("");

	assert_true(role_allows_somewhere(&gs, PERM_MEMBER_EDIT));
	assert_false(role_allows_somewhere(&gs, PERM_MEMBER_UNAPPROVE));
	assert_true(role_allows_somewhere(&gs, PERM_TRANSLATION_EDIT));
	assert_false(role_allows_somewhere(&gs, PERM_SITE_CONFIG));
	/* Pages, news and links are site-wide: content.manage is carried
	 * by site grants only; page.list in any scope. */
	assert_false(allows("outreach@community:1", PERM_CONTENT_MANAGE,
	    "community:1"));
	assert_true(allows("outreach@site", PERM_CONTENT_MANAGE, "site"));
	assert_true(allows("outreach@community:1", PERM_PAGE_LIST,
	    "community:1"));
	assert_false(role_allows_somewhere(&none, PERM_MEMBER_LIST));
	assert_false(role_allows_somewhere(NULL, PERM_MEMBER_LIST));
	assert_true(role_holds(&gs, ROLE_MEMBER));
	assert_true(role_holds(&gs, ROLE_TRANSLATOR));
	assert_false(role_holds(&gs, ROLE_ADMIN));
	assert_false(role_holds(&none, ROLE_MEMBER));
}

static void
test_allows_translator_language(void **state)
{
	/* Footnote 4: only in the language of the grant. */
	assert_true(allows("translator@language:es", PERM_TRANSLATION_EDIT,
	    "language:es"));
	assert_false(allows("translator@language:es", PERM_TRANSLATION_EDIT,
	    "language:pt-BR"));
	assert_false(allows("translator@language:es", PERM_TRANSLATION_EDIT,
	    "site"));
	assert_false(allows("translator@language:es", PERM_TRANSLATION_EDIT,
	    "community:1"));
	assert_false(allows("translator@language:es", PERM_MEMBER_LIST,
	    "language:es"));
	/* A site admin translates every language; a community admin none. */
	assert_true(allows("admin@site", PERM_TRANSLATION_EDIT,
	    "language:es"));
	assert_true(allows("admin@site", PERM_TRANSLATION_EDIT,
	    "language:pt-BR"));
	assert_false(allows("admin@community:1", PERM_TRANSLATION_EDIT,
	    "language:es"));
	assert_false(allows("payment@site", PERM_TRANSLATION_EDIT,
	    "language:es"));
	/* A translator grant stored at site (rule 3 never writes one)
	 * carries nothing; nor does an admin grant for a language. */
	assert_false(allows("translator@site", PERM_TRANSLATION_EDIT,
	    "language:es"));
	assert_false(allows("translator@site", PERM_TRANSLATION_EDIT,
	    "site"));
	assert_false(allows("admin@language:es", PERM_TRANSLATION_EDIT,
	    "language:es"));
}

/* ---- rule 3: granting -------------------------------------------- */

static enum role_refusal
may_grant(const char *granter, enum role r, const char *scope)
{
	struct grants	 gs = G(granter);
	struct scope	 s = S(scope);

	return role_may_grant(&gs, r, &s);
}

static void
test_grant_needs_role_assign(void **state)
{
	int	 r;

	assert_int_equal(may_grant("admin@site", ROLE_SUPPORT, "site"),
	    ROLE_OK);
	assert_int_equal(may_grant("support@site", ROLE_SUPPORT, "site"),
	    ROLE_REFUSE_NO_PERM);
	assert_int_equal(may_grant("", ROLE_SUPPORT, "site"),
	    ROLE_REFUSE_NO_PERM);
	assert_int_equal(may_grant("translator@language:es",
	    ROLE_TRANSLATOR, "language:es"), ROLE_REFUSE_NO_PERM);
	/* Every non-admin role, even at site, cannot grant. */
	for (r = 1; r < ROLE__MAX; r++) {
		char	 spec[64];

		snprintf(spec, sizeof(spec), "%s@%s", role_keys[r],
		    r == ROLE_TRANSLATOR ? "language:es" : "site");
		assert_int_equal(may_grant(spec, ROLE_SUPPORT, "community:1"),
		    ROLE_REFUSE_NO_PERM);
	}
}

static void
test_grant_inside_own_scope(void **state)
{
	assert_int_equal(may_grant("admin@community:1", ROLE_MEMBER,
	    "community:1"), ROLE_OK);
	assert_int_equal(may_grant("admin@community:1", ROLE_MEMBER,
	    "community:2"), ROLE_REFUSE_OUT_OF_SCOPE);
	assert_int_equal(may_grant("admin@community:1", ROLE_MEMBER, "site"),
	    ROLE_REFUSE_OUT_OF_SCOPE);
	assert_int_equal(may_grant("admin@site", ROLE_MEMBER, "community:2"),
	    ROLE_OK);
	/* role.assign must come from the grant covering the scope: a site
	 * support grant does not lend it to a community admin. */
	assert_int_equal(may_grant("admin@community:1 support@site",
	    ROLE_SUPPORT, "site"), ROLE_REFUSE_OUT_OF_SCOPE);
	assert_int_equal(may_grant("admin@community:1 support@site",
	    ROLE_SUPPORT, "community:1"), ROLE_OK);
}

static void
test_grant_admin_by_covering_admin(void **state)
{
	assert_int_equal(may_grant("admin@site", ROLE_ADMIN, "site"),
	    ROLE_OK);
	assert_int_equal(may_grant("admin@site", ROLE_ADMIN, "community:1"),
	    ROLE_OK);
	assert_int_equal(may_grant("admin@community:1", ROLE_ADMIN,
	    "community:1"), ROLE_OK);
	assert_int_equal(may_grant("admin@community:1", ROLE_ADMIN, "site"),
	    ROLE_REFUSE_OUT_OF_SCOPE);
	assert_int_equal(may_grant("admin@community:1", ROLE_ADMIN,
	    "community:2"), ROLE_REFUSE_OUT_OF_SCOPE);
	assert_int_equal(may_grant("member@site", ROLE_ADMIN, "community:1"),
	    ROLE_REFUSE_NO_PERM);
}

static void
test_grant_role_order(void **state)
{
	/* admin > member > support: an admin gives each lower role. */
	assert_int_equal(may_grant("admin@site", ROLE_MEMBER, "site"),
	    ROLE_OK);
	assert_int_equal(may_grant("admin@site", ROLE_SUPPORT, "site"),
	    ROLE_OK);
	assert_int_equal(may_grant("admin@community:1", ROLE_SUPPORT,
	    "community:1"), ROLE_OK);
	/* The twin: a member coordinator holds no role.assign, so even a
	 * lower role (support) is refused; docs/authorization.md gives
	 * role.assign to admins only, which makes HIGHER_ROLE
	 * unreachable for now. */
	assert_int_equal(may_grant("member@site", ROLE_SUPPORT, "site"),
	    ROLE_REFUSE_NO_PERM);
	assert_int_equal(may_grant("member@site", ROLE_MEMBER, "site"),
	    ROLE_REFUSE_NO_PERM);
}

static void
test_grant_admin_only_roles(void **state)
{
	assert_int_equal(may_grant("admin@site", ROLE_OUTREACH, "site"),
	    ROLE_OK);
	assert_int_equal(may_grant("admin@site", ROLE_PAYMENT, "community:1"),
	    ROLE_OK);
	assert_int_equal(may_grant("admin@community:1", ROLE_OUTREACH,
	    "community:1"), ROLE_OK);
	assert_int_equal(may_grant("member@site", ROLE_OUTREACH, "site"),
	    ROLE_REFUSE_NO_PERM);
	assert_int_equal(may_grant("member@site", ROLE_PAYMENT, "site"),
	    ROLE_REFUSE_NO_PERM);
	assert_int_equal(may_grant("admin@community:1", ROLE_PAYMENT,
	    "community:2"), ROLE_REFUSE_OUT_OF_SCOPE);
}

static void
test_grant_translator_scope(void **state)
{
	struct grants	 admin = G("admin@site");
	struct scope	 s;

	assert_int_equal(may_grant("admin@site", ROLE_TRANSLATOR,
	    "language:es"), ROLE_OK);
	assert_int_equal(may_grant("admin@site", ROLE_TRANSLATOR, "site"),
	    ROLE_REFUSE_BAD_SCOPE);
	assert_int_equal(may_grant("admin@site", ROLE_TRANSLATOR,
	    "community:1"), ROLE_REFUSE_BAD_SCOPE);
	/* Only a site admin covers a language. */
	assert_int_equal(may_grant("admin@community:1", ROLE_TRANSLATOR,
	    "language:es"), ROLE_REFUSE_OUT_OF_SCOPE);
	/* Every other role: site or community, never a language. */
	assert_int_equal(may_grant("admin@site", ROLE_MEMBER, "language:es"),
	    ROLE_REFUSE_BAD_SCOPE);
	assert_int_equal(may_grant("admin@site", ROLE_ADMIN, "language:es"),
	    ROLE_REFUSE_BAD_SCOPE);
	/* Scopes that are not scopes, and roles that are not roles. */
	memset(&s, 0, sizeof(s));
	s.kind = SCOPE_COMMUNITY;
	assert_int_equal(role_may_grant(&admin, ROLE_MEMBER, &s),
	    ROLE_REFUSE_BAD_SCOPE);
	s.kind = SCOPE_LANGUAGE;
	memcpy(s.lang, "e!", 3);
	assert_int_equal(role_may_grant(&admin, ROLE_TRANSLATOR, &s),
	    ROLE_REFUSE_BAD_SCOPE);
	s.kind = SCOPE__MAX;
	assert_int_equal(role_may_grant(&admin, ROLE_MEMBER, &s),
	    ROLE_REFUSE_BAD_SCOPE);
	s = S("site");
	assert_int_equal(role_may_grant(&admin, ROLE__MAX, &s),
	    ROLE_REFUSE_BAD_SCOPE);
	assert_int_equal(role_may_grant(&admin, ROLE_MEMBER, NULL),
	    ROLE_REFUSE_BAD_SCOPE);
}

/* ---- refusal texts ----------------------------------------------- */

static void
test_refusal_texts(void **state)
{
	const char	*t;
	int		 i;

	for (i = 0; i < ROLE_REFUSE__MAX; i++) {
		t = role_refusal_text((enum role_refusal)i);
		assert_non_null(t);
		/* In the catalogue: the sentence, not the key. */
		if (strcmp(t, role_refusal_keys[i]) == 0)
			fail_msg("no phrase for %s", role_refusal_keys[i]);
		assert_true(strlen(t) > 3);
	}
	assert_non_null(role_refusal_text(ROLE_REFUSE__MAX));
	assert_non_null(role_refusal_text((enum role_refusal)-1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matrix_cell_by_cell),
		cmocka_unit_test(test_role_titles),
		cmocka_unit_test(test_role_perm_parse),
		cmocka_unit_test(test_scope_round_trip),
		cmocka_unit_test(test_scope_parse_hostile),
		cmocka_unit_test(test_scope_format_edges),
		cmocka_unit_test(test_scope_covers),
		cmocka_unit_test(test_allows_site_and_community),
		cmocka_unit_test(test_allows_somewhere_and_holds),
		cmocka_unit_test(test_allows_translator_language),
		cmocka_unit_test(test_grant_needs_role_assign),
		cmocka_unit_test(test_grant_inside_own_scope),
		cmocka_unit_test(test_grant_admin_by_covering_admin),
		cmocka_unit_test(test_grant_role_order),
		cmocka_unit_test(test_grant_admin_only_roles),
		cmocka_unit_test(test_grant_translator_scope),
		cmocka_unit_test(test_refusal_texts),
	};

	/* The English catalogue, as a program reads it at start-up. */
	if (i18n_load("templates/phrases") != WEFT_OK)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
