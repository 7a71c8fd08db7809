/*
 * The unit tests of role.c write grants and scopes as text:
 * S("community:1") is a scope, G("admin@site member@community:1") a set
 * of grants (ids 1, 2, ... in order).  A spec that does not parse fails
 * the test.  Included by those test files only.
 */
#ifndef WEFT_TEST_ROLE_SPEC_H
#define WEFT_TEST_ROLE_SPEC_H

static struct scope
S(const char *spec)
{
	struct scope	 s;

	if (scope_parse(spec, &s) != 0)
		fail_msg("test scope %s", spec);
	return s;
}

/* "admin@site member@community:1" -> grants. */
static struct grants
G(const char *spec)
{
	struct grants	 gs;
	char		 buf[256], *tok, *at, *save;

	memset(&gs, 0, sizeof(gs));
	snprintf(buf, sizeof(buf), "%s", spec);
	for (tok = strtok_r(buf, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		at = strchr(tok, '@');
		assert_non_null(at);
		*at = '\0';
		assert_int_equal(role_parse(tok, &gs.g[gs.n].role), 0);
		gs.g[gs.n].scope = S(at + 1);
		gs.g[gs.n].id = (long long)gs.n + 1;
		gs.n++;
	}
	return gs;
}

#endif
