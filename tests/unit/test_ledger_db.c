/*
 * The ledger (common/ledger.c) against the real database.  Skipped
 * unless WEFT_CONFIG names the config of a running stack (tests/run.sh
 * sets it).  Works on three members of its own; at the end their
 * exchanges, balances and audit rows go again (reversals first), which
 * leaves the sum of all balances at 0 and the demo data as it was.  The
 * pure helpers (hours, form keys) are tested without the database.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "auth.h"
#include "config.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "i18n_conv.h"
#include "ledger.h"
#include "log.h"
#include "settings.h"
#include "tmpl.h"

static long long	 mem[3];	/* a, b, c */
static struct actor	 actor;
static char		 mode_was[16], limit_was[32];
static unsigned		 keyn;

static void
need_db(void)
{
	if (mem[0] == 0)
		skip();
}

/* A fresh form key for this run: pid and a counter, hex. */
static const char *
next_key(char out[LEDGER_KEY_LEN + 1])
{
	snprintf(out, LEDGER_KEY_LEN + 1, "%032lx%032x",
	    (unsigned long)getpid() * 2654435761UL + (unsigned long)time(NULL),
	    ++keyn);
	return out;
}

static void
today(char out[11])
{
	time_t		 t = time(NULL);
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static void
setting_get(const char *name, char *out, size_t len)
{
	struct db_rows	*r = NULL;

	out[0] = '\0';
	if (db_query(&r, "SELECT value FROM settings WHERE name = ?", "s",
	    name) == WEFT_OK && db_next(r))
		snprintf(out, len, "%s", db_str(r, 0));
	db_rows_free(r);
}

/* A setting changed by hand, with the generation moved, and then the
 * next "request": the worker's copy (settings.h) is checked once per
 * request, and these tests load no session that would start one. */
static void
setting_set(const char *name, const char *value)
{
	assert_int_equal(db_exec("UPDATE settings SET value = ? WHERE name = ?",
	    "ss", value, name), WEFT_OK);
	assert_int_equal(db_exec("UPDATE cache_generations SET generation ="
	    " generation + 1 WHERE name = 'settings'", ""), WEFT_OK);
	settings_expect(0);
}

static int
group_setup(void **state)
{
	const char	*conf = getenv("WEFT_CONFIG");
	char		 u[33];
	int		 i;

	(void)state;
	if (conf == NULL || conf[0] == '\0')
		return 0;
	log_init("test_ledger_db", LOGL_WARN);
	if (config_load(&config, conf) != WEFT_OK || db_connect() != WEFT_OK)
		return -1;
	/* The English catalogue, as a program reads it at start-up: the
	 * panel's template is made of phrases. */
	if (i18n_load("templates/phrases") != WEFT_OK)
		return -1;
	for (i = 0; i < 3; i++) {
		snprintf(u, sizeof(u), "ledgertest%ld%c", (long)getpid(),
		    'a' + i);
		if (db_exec("INSERT INTO members (username, email, name,"
		    " password_hash, status, about, community_id) VALUES"
		    " (?, 'ledgertest@example.org', ?, 'x', 'approved', '',"
		    " NULLIF(?, 0))", "ssi", u, u,
		    (long long)(i == 2 ? 2 : 0)) != WEFT_OK)
			return -1;
		mem[i] = db_insert_id();
	}
	memset(&actor, 0, sizeof(actor));
	actor.member_id = actor.acting_id = mem[0];
	actor.status = MEMBER_APPROVED;
	snprintf(actor.addr, sizeof(actor.addr), "test");
	setting_get("credit_limit_mode", mode_was, sizeof(mode_was));
	setting_get("credit_limit_hundredths", limit_was, sizeof(limit_was));
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	if (mem[0] == 0)
		return 0;
	if (mode_was[0] != '\0')
		db_exec("UPDATE settings SET value = ? WHERE name ="
		    " 'credit_limit_mode'", "s", mode_was);
	if (limit_was[0] != '\0')
		db_exec("UPDATE settings SET value = ? WHERE name ="
		    " 'credit_limit_hundredths'", "s", limit_was);
	db_exec("UPDATE cache_generations SET generation = generation + 1"
	    " WHERE name = 'settings'", "");
	db_exec("DELETE FROM audit_log WHERE object_type = 'exchange' AND"
	    " object_id IN (SELECT id FROM exchanges WHERE provider_id IN"
	    " (?, ?, ?))", "iii", mem[0], mem[1], mem[2]);
	db_exec("DELETE FROM exchanges WHERE reverses_id IS NOT NULL AND"
	    " provider_id IN (?, ?, ?)", "iii", mem[0], mem[1], mem[2]);
	db_exec("DELETE FROM exchanges WHERE provider_id IN (?, ?, ?)", "iii",
	    mem[0], mem[1], mem[2]);
	db_exec("DELETE FROM balances WHERE member_id IN (?, ?, ?)", "iii",
	    mem[0], mem[1], mem[2]);
	db_exec("DELETE FROM members WHERE id IN (?, ?, ?)", "iii", mem[0],
	    mem[1], mem[2]);
	db_close();
	return 0;
}

static long long
balance(int i)
{
	long long	 h = -1;

	assert_int_equal(ledger_balance(mem[i], &h), WEFT_OK);
	return h;
}

static long long
count_mine(void)
{
	long long	 n = -1;

	assert_int_equal(db_query_int(&n, "SELECT COUNT(*) FROM exchanges"
	    " WHERE provider_id IN (?, ?, ?)", "iii", mem[0], mem[1], mem[2]),
	    WEFT_OK);
	return n;
}

/* Records h from giver (index) to taker; returns the refusal.  Reads
 * the settings and the parties first, as the form does. */
static enum ledger_refusal
record(int giver, int taker, long long h, const char *key, long long *id,
    int audit)
{
	struct ledger_settings	 s;
	struct ledger_party	 p, r;
	struct ledger_entry	 x;
	enum ledger_refusal	 why;
	char			 d[11];

	today(d);
	assert_int_equal(ledger_settings_load(&s), WEFT_OK);
	assert_int_equal(ledger_party_load(mem[giver], &p), WEFT_OK);
	assert_int_equal(ledger_party_load(mem[taker], &r), WEFT_OK);
	memset(&x, 0, sizeof(x));
	x.provider = mem[giver];
	x.recipient = mem[taker];
	x.hundredths = h;
	x.service_date = d;
	x.description = "unit test";
	x.form_key = key;
	x.community = ledger_audit_community(&p, &r);
	assert_int_equal(ledger_record(&actor, &s, &x, audit, id, &why),
	    WEFT_OK);
	return why;
}

static void
test_hours_format(void **state)
{
	char	 h[LEDGER_HOURS_LEN];

	(void)state;
	ledger_format_hours(125, 0, h);
	assert_string_equal(h, "1.25");
	ledger_format_hours(-50, 0, h);
	assert_string_equal(h, "-0.50");
	ledger_format_hours(0, 1, h);
	assert_string_equal(h, "0.00");
	ledger_format_hours(2400, 1, h);
	assert_string_equal(h, "+24.00");
	ledger_format_hours(-9223372036854775807LL - 1, 0, h);
	assert_string_equal(h, "-92233720368547758.08");
}

static void
test_key_ok(void **state)
{
	char	 k[LEDGER_KEY_LEN + 1];

	(void)state;
	memset(k, 'a', LEDGER_KEY_LEN);
	k[LEDGER_KEY_LEN] = '\0';
	assert_true(ledger_key_ok(k));
	k[5] = 'A';
	assert_false(ledger_key_ok(k));
	k[5] = '0';
	k[LEDGER_KEY_LEN - 1] = '\0';
	assert_false(ledger_key_ok(k));
	assert_false(ledger_key_ok(""));
	assert_false(ledger_key_ok(NULL));
	assert_false(ledger_key_ok("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaa"));	/* 66 characters */
}

static void
test_record_moves_hours(void **state)
{
	char		 k[LEDGER_KEY_LEN + 1];
	long long	 id = 0, sum = -1, a0, b0;

	(void)state;
	need_db();
	a0 = balance(0);
	b0 = balance(1);
	assert_int_equal(record(0, 1, 150, next_key(k), &id, 0), LEDGER_OK);
	assert_true(id > 0);
	assert_int_equal(balance(0), a0 + 150);
	assert_int_equal(balance(1), b0 - 150);
	assert_int_equal(ledger_sum_all(&sum), WEFT_OK);
	assert_int_equal(sum, 0);
}

static void
test_same_key_once(void **state)
{
	char		 k[LEDGER_KEY_LEN + 1];
	long long	 id1 = 0, id2 = 0, n, a0;

	(void)state;
	need_db();
	next_key(k);
	assert_int_equal(record(1, 0, 100, k, &id1, 0), LEDGER_OK);
	n = count_mine();
	a0 = balance(0);
	assert_int_equal(record(1, 0, 100, k, &id2, 0),
	    LEDGER_REFUSE_DUPLICATE_KEY);
	assert_int_equal(id2, id1);
	assert_int_equal(count_mine(), n);
	assert_int_equal(balance(0), a0);
}

static void
test_bad_entries(void **state)
{
	struct ledger_settings	 s;
	struct ledger_entry	 x;
	enum ledger_refusal	 why;
	long long		 id;
	char			 k[LEDGER_KEY_LEN + 1];

	(void)state;
	need_db();
	memset(&x, 0, sizeof(x));
	x.provider = x.recipient = mem[0];
	x.hundredths = 100;
	x.service_date = "2020-01-01";
	x.description = "same member";
	x.form_key = next_key(k);
	assert_int_equal(ledger_settings_load(&s), WEFT_OK);
	assert_int_equal(ledger_record(&actor, &s, &x, 0, &id, &why),
	    WEFT_ERR_INVALID);
	x.recipient = mem[1];
	x.hundredths = 0;
	assert_int_equal(ledger_record(&actor, &s, &x, 0, &id, &why),
	    WEFT_ERR_INVALID);
	x.hundredths = 100;
	x.form_key = "not a key";
	assert_int_equal(ledger_record(&actor, &s, &x, 0, &id, &why),
	    WEFT_ERR_INVALID);
}

static void
test_hard_limit(void **state)
{
	char		 k[LEDGER_KEY_LEN + 1], lim[32];
	long long	 id, n, b0;

	(void)state;
	need_db();
	b0 = balance(1);
	snprintf(lim, sizeof(lim), "%lld", b0 - 100);
	setting_set("credit_limit_hundredths", lim);
	setting_set("credit_limit_mode", "hard");
	n = count_mine();
	/* Exactly to the limit is allowed; one quarter more is not. */
	assert_int_equal(record(0, 1, 125, next_key(k), &id, 0),
	    LEDGER_REFUSE_CREDIT_LIMIT);
	assert_int_equal(count_mine(), n);
	assert_int_equal(balance(1), b0);
	assert_int_equal(record(0, 1, 100, next_key(k), &id, 0), LEDGER_OK);
	assert_int_equal(balance(1), b0 - 100);
	/* Soft: recorded all the same. */
	setting_set("credit_limit_mode", "soft");
	assert_int_equal(record(0, 1, 25, next_key(k), &id, 0), LEDGER_OK);
	assert_int_equal(balance(1), b0 - 125);
	setting_set("credit_limit_mode", mode_was);
	setting_set("credit_limit_hundredths", limit_was);
}

/* A balance that would overflow is refused like a credit limit, soft
 * mode or not, and nothing moves. */
static void
test_overflow_refused(void **state)
{
	char		 k[LEDGER_KEY_LEN + 1];
	long long	 id, a0, b0, n;

	(void)state;
	need_db();
	a0 = balance(0);
	b0 = balance(1);
	n = count_mine();
	assert_int_equal(db_exec("UPDATE balances SET hundredths = ?"
	    " WHERE member_id = ?", "ii", 9223372036854775807LL - 50,
	    mem[0]), WEFT_OK);
	assert_int_equal(record(0, 1, 100, next_key(k), &id, 0),
	    LEDGER_REFUSE_CREDIT_LIMIT);
	assert_int_equal(balance(1), b0);
	assert_int_equal(count_mine(), n);
	assert_int_equal(db_exec("UPDATE balances SET hundredths = ?"
	    " WHERE member_id = ?", "ii", a0, mem[0]), WEFT_OK);
	assert_int_equal(record(0, 1, 100, next_key(k), &id, 0), LEDGER_OK);
	assert_int_equal(balance(0), a0 + 100);
}

/* The posted form's one round trip: the settings, and the exchange of
 * its key once there is one. */
static void
test_settings_key(void **state)
{
	struct ledger_settings	 s, t;
	struct ledger_key_use	 u;
	char			 k[LEDGER_KEY_LEN + 1];
	long long		 id;

	(void)state;
	need_db();
	next_key(k);
	assert_int_equal(ledger_settings_load(&s), WEFT_OK);
	assert_int_equal(ledger_settings_key(k, &t, &u), WEFT_OK);
	assert_int_equal(u.exchange, 0);
	assert_int_equal(u.proposal, 0);
	assert_memory_equal(&s, &t, sizeof(s));
	assert_int_equal(record(0, 1, 25, k, &id, 0), LEDGER_OK);
	assert_int_equal(ledger_settings_key(k, &t, &u), WEFT_OK);
	assert_int_equal(u.exchange, id);
	assert_int_equal(u.proposal, 0);
	assert_memory_equal(&s, &t, sizeof(s));
}

/* Both parties of a form in one query; unknown, missing and malformed
 * names are all zero. */
static void
test_parties_find(void **state)
{
	struct ledger_party	 p, out[2];
	const char		*names[2];

	(void)state;
	need_db();
	assert_int_equal(ledger_party_load(mem[2], &p), WEFT_OK);
	names[0] = "no-such-member-zz";
	names[1] = p.username;
	assert_int_equal(ledger_parties_find(names, out), WEFT_OK);
	assert_int_equal(out[0].id, 0);
	assert_int_equal(out[1].id, mem[2]);
	assert_int_equal(out[1].community, 2);
	assert_int_equal(out[1].status, MEMBER_APPROVED);
	names[0] = p.username;
	names[1] = "Robert'); DROP";
	assert_int_equal(ledger_parties_find(names, out), WEFT_OK);
	assert_int_equal(out[0].id, mem[2]);
	assert_int_equal(out[1].id, 0);
	names[0] = NULL;
	names[1] = NULL;
	assert_int_equal(ledger_parties_find(names, out), WEFT_OK);
	assert_int_equal(out[0].id + out[1].id, 0);
}

static void
test_reverse(void **state)
{
	char			 k[LEDGER_KEY_LEN + 1];
	struct ledger_exchange	 x;
	enum ledger_refusal	 why;
	long long		 id, rid = 0, rid2 = 0, a0, c0, sum, n;

	(void)state;
	need_db();
	assert_int_equal(record(2, 0, 300, next_key(k), &id, 1), LEDGER_OK);
	a0 = balance(0);
	c0 = balance(2);
	assert_int_equal(ledger_reverse(&actor, id, "unit test reversal", &rid,
	    &why), WEFT_OK);
	assert_int_equal(why, LEDGER_OK);
	assert_true(rid > id);
	assert_int_equal(balance(0), a0 + 300);
	assert_int_equal(balance(2), c0 - 300);
	assert_int_equal(ledger_exchange_load(rid, &x), WEFT_OK);
	assert_int_equal(x.reverses_id, id);
	assert_int_equal(x.provider.id, mem[0]);
	assert_int_equal(x.recipient.id, mem[2]);
	assert_string_equal(x.reason, "unit test reversal");
	assert_int_equal(ledger_exchange_load(id, &x), WEFT_OK);
	assert_int_equal(x.reversed_by, rid);
	/* Twice: refused, and names the reversal; a reversal: refused. */
	assert_int_equal(ledger_reverse(&actor, id, "again", &rid2, &why),
	    WEFT_OK);
	assert_int_equal(why, LEDGER_REFUSE_REVERSED);
	assert_int_equal(rid2, rid);
	assert_int_equal(ledger_reverse(&actor, rid, "undo", &rid2, &why),
	    WEFT_OK);
	assert_int_equal(why, LEDGER_REFUSE_IS_REVERSAL);
	assert_int_equal(ledger_reverse(&actor, 1LL << 52, "none", &rid2,
	    &why), WEFT_ERR_NOTFOUND);
	assert_int_equal(ledger_sum_all(&sum), WEFT_OK);
	assert_int_equal(sum, 0);
	/* Both writes were coordinator writes here: audited. */
	assert_int_equal(db_query_int(&n, "SELECT COUNT(*) FROM audit_log"
	    " WHERE object_type = 'exchange' AND object_id IN (?, ?)"
	    " AND community_id = 2", "ii", id, rid), WEFT_OK);
	assert_int_equal(n, 2);
}

static void
test_figures(void **state)
{
	static const struct grants none;
	char				 k[LEDGER_KEY_LEN + 1];
	struct ledger_scope		 s;
	struct ledger_figures		 f, g;
	struct ledger_member_balance	 u[5];
	struct actor			 c;
	long long			 id;
	size_t				 n;

	(void)state;
	need_db();
	memset(&c, 0, sizeof(c));
	c.grants = none;
	c.grants.n = 2;
	c.grants.g[0].role = ROLE_MEMBER;
	c.grants.g[0].scope.kind = SCOPE_COMMUNITY;
	c.grants.g[0].scope.community = 2;
	c.grants.g[1].role = ROLE_SUPPORT;
	c.grants.g[1].scope.kind = SCOPE_COMMUNITY;
	c.grants.g[1].scope.community = 1;
	ledger_scope_of(&c, PERM_DASHBOARD_VIEW, &s);
	assert_false(s.site);
	assert_int_equal(s.n, 1);	/* support has no dashboard.view */
	assert_string_equal(s.list, "2");
	ledger_scope_of(&c, PERM_EXCHANGE_LIST, &s);
	assert_string_equal(s.list, "2,1");
	c.grants.g[0].scope.kind = SCOPE_SITE;
	ledger_scope_of(&c, PERM_DASHBOARD_VIEW, &s);
	assert_true(s.site);

	assert_int_equal(ledger_figures(&s, 90, &f), WEFT_OK);
	assert_int_equal(record(0, 2, 200, next_key(k), &id, 0), LEDGER_OK);
	assert_int_equal(ledger_figures(&s, 90, &g), WEFT_OK);
	assert_int_equal(g.month_hundredths[LEDGER_MONTHS - 1] -
	    f.month_hundredths[LEDGER_MONTHS - 1], 200);
	assert_true(g.active_traders >= 2);
	assert_int_equal(strlen(g.month[0]), 7);
	/* The members below the limit, lowest first. */
	setting_set("credit_limit_hundredths", "0");
	assert_int_equal(ledger_under_limit(&s, u, 5, &n), WEFT_OK);
	assert_true(n >= 1 && n <= 5);
	assert_true(u[0].hundredths < 0);
	if (n > 1)
		assert_true(u[0].hundredths <= u[1].hundredths);
	setting_set("credit_limit_hundredths", limit_was);
}

/* The dashboard panel renders: the chart's bars, the figures, and the
 * members below the limit with links to their statements.  Rendered from
 * a scratch templates root that includes the real panel template. */
static void
test_dashboard_panel(void **state)
{
	struct tmpl_dict	*d;
	struct actor		 c;
	struct buf		 out;
	char			 root[] = "/tmp/ledger-tpl-XXXXXX", path[600];
	char			 link[600], want[64], k[LEDGER_KEY_LEN + 1];
	long long		 id;
	FILE			*f;

	(void)state;
	need_db();
	/* Far below everyone, so that the panel's short list has them. */
	assert_int_equal(record(0, 1, 100000000, next_key(k), &id, 0),
	    LEDGER_OK);
	assert_non_null(mkdtemp(root));
	snprintf(path, sizeof(path), "%s/exchanges", root);
	snprintf(link, sizeof(link), "%s/exchanges", config.templates_dir);
	assert_int_equal(symlink(link, path), 0);
	/* The panel's chart is common/chart.c's, from the root's chart.tpl. */
	snprintf(path, sizeof(path), "%s/chart.tpl", root);
	snprintf(link, sizeof(link), "%s/chart.tpl", config.templates_dir);
	assert_int_equal(symlink(link, path), 0);
	snprintf(path, sizeof(path), "%s/panel.tpl", root);
	assert_non_null(f = fopen(path, "w"));
	fputs("{{%AUTOESCAPE context=\"HTML\"}}{{>LEDGER_PANEL}}\n", f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(tmpl_init(root), WEFT_OK);

	memset(&c, 0, sizeof(c));
	c.grants.n = 1;
	c.grants.g[0].role = ROLE_ADMIN;
	c.grants.g[0].scope.kind = SCOPE_SITE;
	setting_set("credit_limit_hundredths", "0");
	assert_non_null(d = tmpl_dict_new());
	assert_int_equal(ledger_dashboard_panel(d, &c, PERM_DASHBOARD_VIEW, 90),
	    WEFT_OK);
	setting_set("credit_limit_hundredths", limit_was);
	buf_init(&out);
	assert_int_equal(tmpl_render(d, "panel.tpl", &out), WEFT_OK);
	assert_non_null(strstr(out.p, "<svg"));
	assert_non_null(strstr(out.p, "<rect x="));
	assert_non_null(strstr(out.p, "Active traders"));
	/* mem[1] is below a limit of 0: listed, linked. */
	snprintf(want, sizeof(want), "/exchanges/members/%lld\"", mem[1]);
	assert_non_null(strstr(out.p, want));
	buf_free(&out);
	tmpl_dict_free(d);
	snprintf(path, sizeof(path), "%s/panel.tpl", root);
	unlink(path);
	snprintf(path, sizeof(path), "%s/exchanges", root);
	unlink(path);
	snprintf(path, sizeof(path), "%s/chart.tpl", root);
	unlink(path);
	rmdir(root);
}

/* Reads hours field h from body in lang: its verdict, *hours the value. */
static enum valid_err
hours_in(const char *body, const char *lang, long long *hours)
{
	static const struct http_limits lim = { 64, 8192 };
	static const struct form_field f = { "h", FORM_HOURS, 1, 0, 2400,
	    .flags = 0 };
	struct http_kvlist	 kv;
	struct form_value	 v;

	memset(&kv, 0, sizeof(kv));
	assert_int_equal(http_parse_urlencoded(body, strlen(body), &lim, &kv),
	    HTTP_PARSE_OK);
	(void)form_read(&f, 1, &kv, lang, NULL, &v);
	http_kvlist_free(&kv);
	*hours = v.set ? v.hours : -1;
	return v.err;
}

/* Spanish through its row of the languages table (sql/014: decimal
 * comma, day-month-year): hours written "1,50" and read back from "1,5"
 * (and "1.5"), dates shown 07/03/2025; English as it always was. */
static void
test_language_conventions(void **state)
{
	char		 h[I18N_HOURS_LEN], dt[I18N_DATE_LEN];
	long long	 v;

	(void)state;
	need_db();
	assert_int_equal(i18n_decimal("es"), ',');
	i18n_hours("es", 150, 0, h);
	assert_string_equal(h, "1,50");
	i18n_hours("es", -2000, 0, h);
	assert_string_equal(h, "-20,00");
	i18n_hours("en", 150, 0, h);
	assert_string_equal(h, "1.50");
	i18n_date("es", "2025-03-07", dt, sizeof(dt));
	assert_string_equal(dt, "07/03/2025");
	i18n_date("es", "2025-03-07 09:05:01", dt, sizeof(dt));
	assert_string_equal(dt, "07/03/2025 09:05:01");
	i18n_date("en", "2025-03-07", dt, sizeof(dt));
	assert_string_equal(dt, "2025-03-07");
	/* An unknown language is English. */
	i18n_hours("xx", 150, 0, h);
	assert_string_equal(h, "1.50");

	assert_int_equal(hours_in("h=1%2C5", "es", &v), VALID_OK);
	assert_int_equal(v, 150);
	assert_int_equal(hours_in("h=1.5", "es", &v), VALID_OK);
	assert_int_equal(v, 150);
	assert_int_equal(hours_in("h=0%2C3", "es", &v), VALID_FORMAT);
	assert_int_equal(hours_in("h=1%2C5", "en", &v), VALID_FORMAT);
	assert_int_equal(v, -1);
	assert_int_equal(hours_in("h=1.5", "en", &v), VALID_OK);
	assert_int_equal(v, 150);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hours_format),
		cmocka_unit_test(test_key_ok),
		cmocka_unit_test(test_record_moves_hours),
		cmocka_unit_test(test_same_key_once),
		cmocka_unit_test(test_bad_entries),
		cmocka_unit_test(test_hard_limit),
		cmocka_unit_test(test_overflow_refused),
		cmocka_unit_test(test_settings_key),
		cmocka_unit_test(test_parties_find),
		cmocka_unit_test(test_reverse),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_dashboard_panel),
		cmocka_unit_test(test_language_conventions),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
