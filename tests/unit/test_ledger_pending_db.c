/*
 * Proposals of the ledger (common/ledger_pending.c, ledger.h
 * "Proposals"; docs/authorization.md rule 10) against the real database:
 * a proposal moves nothing; confirming it moves exactly what recording
 * moves, once; the hard credit limit at confirmation; disputes,
 * cancellations and their refusals; one form key, one exchange or
 * proposal, whichever table; auto-confirmation by the setting, audited as
 * the system; the dashboard's counts.  Skipped unless WEFT_CONFIG names
 * the config of a running stack (tests/run.sh sets it).  Works on three
 * members of its own (c in community 2) and removes them, their rows and
 * their audit rows at the end, leaving the sum of all balances at 0.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "auth.h"
#include "config.h"
#include "db.h"
#include "ledger.h"
#include "log.h"
#include "settings.h"

static long long	 mem[3];	/* a, b, c */
static struct actor	 actor;		/* a */
static char		 was[3][32];	/* the settings this file changes */
static unsigned		 keyn;

static const char *const changed[3] = {
	"credit_limit_mode", "credit_limit_hundredths",
	"exchange_auto_confirm_days",
};

static void
need_db(void)
{
	if (mem[0] == 0)
		skip();
}

static const char *
next_key(char out[LEDGER_KEY_LEN + 1])
{
	snprintf(out, LEDGER_KEY_LEN + 1, "%032lx%032x",
	    (unsigned long)getpid() * 40503UL + (unsigned long)time(NULL),
	    0x70000000u + ++keyn);
	return out;
}

/* A setting by hand ('' deletes the row: the default), generation moved,
 * then the next "request". */
static void
setting_set(const char *name, const char *value)
{
	if (value[0] == '\0')
		assert_int_equal(db_exec("DELETE FROM settings WHERE name = ?",
		    "s", name), WEFT_OK);
	else
		assert_int_equal(db_exec("INSERT INTO settings (name, value)"
		    " VALUES (?, ?) ON DUPLICATE KEY UPDATE value ="
		    " VALUES(value)", "ss", name, value), WEFT_OK);
	assert_int_equal(db_exec("UPDATE cache_generations SET generation ="
	    " generation + 1 WHERE name = 'settings'", ""), WEFT_OK);
	settings_expect(0);
}

static int
group_setup(void **state)
{
	const char	*conf = getenv("WEFT_CONFIG");
	struct db_rows	*r;
	char		 u[33];
	int		 i;

	(void)state;
	if (conf == NULL || conf[0] == '\0')
		return 0;
	log_init("test_ledger_pending_db", LOGL_WARN);
	if (config_load(&config, conf) != WEFT_OK || db_connect() != WEFT_OK)
		return -1;
	for (i = 0; i < 3; i++) {
		snprintf(u, sizeof(u), "pendtest%ld%c", (long)getpid(),
		    'a' + i);
		if (db_exec("INSERT INTO members (username, email, name,"
		    " password_hash, status, about, community_id) VALUES"
		    " (?, 'pendtest@example.org', ?, 'x', 'approved', '',"
		    " NULLIF(?, 0))", "ssi", u, u,
		    (long long)(i == 2 ? 2 : 0)) != WEFT_OK)
			return -1;
		mem[i] = db_insert_id();
	}
	memset(&actor, 0, sizeof(actor));
	actor.member_id = actor.acting_id = mem[0];
	actor.status = MEMBER_APPROVED;
	snprintf(actor.addr, sizeof(actor.addr), "test");
	for (i = 0; i < 3; i++) {
		if (db_query(&r, "SELECT value FROM settings WHERE name = ?",
		    "s", changed[i]) != WEFT_OK)
			return -1;
		if (db_next(r))
			snprintf(was[i], sizeof(was[i]), "%s", db_str(r, 0));
		db_rows_free(r);
	}
	return 0;
}

static int
group_teardown(void **state)
{
	int	 i;

	(void)state;
	if (mem[0] == 0)
		return 0;
	for (i = 0; i < 3; i++)
		setting_set(changed[i], was[i]);
	db_exec("DELETE FROM audit_log WHERE (object_type = 'exchange' AND"
	    " object_id IN (SELECT id FROM exchanges WHERE provider_id IN"
	    " (?, ?, ?))) OR (object_type = 'exchange_proposal' AND object_id"
	    " IN (SELECT id FROM exchange_proposals WHERE provider_id IN"
	    " (?, ?, ?)))", "iiiiii", mem[0], mem[1], mem[2], mem[0], mem[1],
	    mem[2]);
	db_exec("DELETE FROM exchange_proposals WHERE provider_id IN"
	    " (?, ?, ?)", "iii", mem[0], mem[1], mem[2]);
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
count(const char *sql)
{
	long long	 n = -1;

	assert_int_equal(db_query_int(&n, sql, "iii", mem[0], mem[1], mem[2]),
	    WEFT_OK);
	return n;
}

#define EXCHANGES \
	"SELECT COUNT(*) FROM exchanges WHERE provider_id IN (?, ?, ?)"

static void
entry(struct ledger_entry *x, int giver, int taker, long long h,
    const char *key)
{
	static char	 d[11];
	time_t		 t = time(NULL);
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(d, sizeof(d), "%Y-%m-%d", &tm);
	memset(x, 0, sizeof(*x));
	x->provider = mem[giver];
	x->recipient = mem[taker];
	x->hundredths = h;
	x->service_date = d;
	x->description = "pending unit test";
	x->form_key = key;
}

/* A new proposal of h from giver to taker, recorded by the actor. */
static long long
propose(int giver, int taker, long long h)
{
	struct ledger_entry	 x;
	enum ledger_refusal	 why;
	char			 k[LEDGER_KEY_LEN + 1];
	long long		 id = 0;

	entry(&x, giver, taker, h, next_key(k));
	assert_int_equal(ledger_propose(&actor, &x, &id, &why), WEFT_OK);
	assert_int_equal(why, LEDGER_OK);
	assert_true(id > 0);
	return id;
}

static enum ledger_refusal
confirm(const struct actor *a, long long id, enum ledger_confirmer by,
    long long *xid)
{
	struct ledger_settings	 s;
	enum ledger_refusal	 why;

	assert_int_equal(ledger_settings_load(&s), WEFT_OK);
	assert_int_equal(ledger_confirm(a, &s, id, by, xid, &why), WEFT_OK);
	return why;
}

static void
test_propose_moves_nothing(void **state)
{
	struct ledger_proposal	 p;
	long long		 a0, b0, n0, id, sum = -1;

	(void)state;
	need_db();
	a0 = balance(0);
	b0 = balance(1);
	n0 = count(EXCHANGES);
	id = propose(0, 1, 150);
	assert_int_equal(balance(0), a0);
	assert_int_equal(balance(1), b0);
	assert_int_equal(count(EXCHANGES), n0);
	assert_int_equal(ledger_sum_all(&sum), WEFT_OK);
	assert_int_equal(sum, 0);
	assert_int_equal(ledger_proposal_load(id, &p), WEFT_OK);
	assert_int_equal(p.status, LEDGER_PENDING);
	assert_int_equal(p.x.provider.id, mem[0]);
	assert_int_equal(p.x.recipient.id, mem[1]);
	assert_int_equal(p.x.hundredths, 150);
	assert_int_equal(p.x.recorded_by, mem[0]);
	assert_int_equal(p.exchange_id, 0);
	assert_string_equal(p.x.description, "pending unit test");
	assert_int_equal(ledger_proposal_load(1LL << 52, &p),
	    WEFT_ERR_NOTFOUND);
}

/* One form key makes one row, whichever table: a proposal twice, an
 * exchange after a proposal, a proposal after an exchange. */
static void
test_one_key_one_row(void **state)
{
	struct ledger_settings	 s;
	struct ledger_entry	 x;
	struct ledger_key_use	 u;
	enum ledger_refusal	 why;
	char			 k[LEDGER_KEY_LEN + 1];
	long long		 id, id2, n0;

	(void)state;
	need_db();
	assert_int_equal(ledger_settings_load(&s), WEFT_OK);
	entry(&x, 0, 1, 100, next_key(k));
	assert_int_equal(ledger_propose(&actor, &x, &id, &why), WEFT_OK);
	assert_int_equal(why, LEDGER_OK);
	assert_int_equal(ledger_propose(&actor, &x, &id2, &why), WEFT_OK);
	assert_int_equal(why, LEDGER_REFUSE_DUPLICATE_KEY);
	n0 = count(EXCHANGES);
	assert_int_equal(ledger_record(&actor, &s, &x, 0, &id2, &why),
	    WEFT_OK);
	assert_int_equal(why, LEDGER_REFUSE_DUPLICATE_KEY);
	assert_int_equal(id2, 0);
	assert_int_equal(count(EXCHANGES), n0);
	assert_int_equal(ledger_key_use(k, &u), WEFT_OK);
	assert_int_equal(u.proposal, id);
	assert_int_equal(u.exchange, 0);
	/* The other way round. */
	entry(&x, 1, 0, 100, next_key(k));
	assert_int_equal(ledger_record(&actor, &s, &x, 0, &id, &why), WEFT_OK);
	assert_int_equal(why, LEDGER_OK);
	assert_int_equal(ledger_propose(&actor, &x, &id2, &why), WEFT_OK);
	assert_int_equal(why, LEDGER_REFUSE_DUPLICATE_KEY);
	assert_int_equal(ledger_key_use(k, &u), WEFT_OK);
	assert_int_equal(u.exchange, id);
	assert_int_equal(u.proposal, 0);
	x.hundredths = 0;
	assert_int_equal(ledger_propose(&actor, &x, &id2, &why),
	    WEFT_ERR_INVALID);
}

/* Confirming moves what recording moves, once; the exchange carries the
 * proposal's recorder and key, and names the proposal. */
static void
test_confirm_once(void **state)
{
	struct ledger_proposal	 p;
	struct ledger_exchange	 x;
	struct ledger_key_use	 u;
	struct ledger_entry	 e;
	struct actor		 b = actor;
	enum ledger_refusal	 why;
	char			 key[LEDGER_KEY_LEN + 1];
	long long		 id, xid = 0, xid2 = 0, a0, b0, n0, sum = -1;

	(void)state;
	need_db();
	b.member_id = b.acting_id = mem[1];
	a0 = balance(0);
	b0 = balance(1);
	n0 = count(EXCHANGES);
	entry(&e, 0, 1, 225, next_key(key));
	assert_int_equal(ledger_propose(&actor, &e, &id, &why), WEFT_OK);
	assert_int_equal(why, LEDGER_OK);
	assert_int_equal(confirm(&b, id, LEDGER_BY_RECIPIENT, &xid),
	    LEDGER_OK);
	assert_true(xid > 0);
	assert_int_equal(balance(0), a0 + 225);
	assert_int_equal(balance(1), b0 - 225);
	assert_int_equal(count(EXCHANGES), n0 + 1);
	assert_int_equal(ledger_exchange_load(xid, &x), WEFT_OK);
	assert_int_equal(x.provider.id, mem[0]);
	assert_int_equal(x.recipient.id, mem[1]);
	assert_int_equal(x.hundredths, 225);
	assert_int_equal(x.recorded_by, mem[0]);
	assert_int_equal(x.proposal_id, id);
	assert_string_not_equal(x.confirmed_by_name, "");
	assert_int_equal(ledger_proposal_load(id, &p), WEFT_OK);
	assert_int_equal(p.status, LEDGER_CONFIRMED);
	assert_int_equal(p.exchange_id, xid);
	assert_int_equal(p.settled_by, mem[1]);
	/* Its key names both: the form's replay finds the exchange. */
	assert_int_equal(ledger_key_use(key, &u), WEFT_OK);
	assert_int_equal(u.exchange, xid);
	assert_int_equal(u.proposal, id);
	/* Again: nothing moves, the answer names the first exchange. */
	assert_int_equal(confirm(&b, id, LEDGER_BY_RECIPIENT, &xid2),
	    LEDGER_REFUSE_CONFIRMED);
	assert_int_equal(xid2, xid);
	assert_int_equal(balance(1), b0 - 225);
	assert_int_equal(ledger_sum_all(&sum), WEFT_OK);
	assert_int_equal(sum, 0);
	/* A recipient's own confirmation is self-service: no audit row. */
	assert_int_equal(db_query_int(&n0, "SELECT COUNT(*) FROM audit_log"
	    " WHERE object_type = 'exchange' AND object_id = ?", "i", xid),
	    WEFT_OK);
	assert_int_equal(n0, 0);
}

/* The hard credit limit is judged when the hours move, at
 * confirmation: refused, the proposal stays pending, nothing moves. */
static void
test_confirm_hard_limit(void **state)
{
	char		 lim[32];
	long long	 id, xid, b0;

	(void)state;
	need_db();
	b0 = balance(1);
	id = propose(0, 1, 200);
	snprintf(lim, sizeof(lim), "%lld", b0 - 100);
	setting_set("credit_limit_hundredths", lim);
	setting_set("credit_limit_mode", "hard");
	assert_int_equal(confirm(&actor, id, LEDGER_BY_RECIPIENT, &xid),
	    LEDGER_REFUSE_CREDIT_LIMIT);
	assert_int_equal(xid, 0);
	assert_int_equal(balance(1), b0);
	assert_int_equal(count("SELECT COUNT(*) FROM exchange_proposals"
	    " WHERE provider_id IN (?, ?, ?) AND status = 'pending'") > 0, 1);
	setting_set("credit_limit_mode", "soft");
	assert_int_equal(confirm(&actor, id, LEDGER_BY_RECIPIENT, &xid),
	    LEDGER_OK);
	assert_int_equal(balance(1), b0 - 200);
	setting_set("credit_limit_mode", was[0]);
	setting_set("credit_limit_hundredths", was[1]);
}

/* Disputes and cancellations, each allowed case with its refusal. */
static void
test_dispute_cancel(void **state)
{
	struct ledger_proposal	 p;
	enum ledger_refusal	 why;
	long long		 d, c, xid, n, b0;

	(void)state;
	need_db();
	b0 = balance(1);
	d = propose(0, 1, 100);
	assert_int_equal(ledger_dispute(&actor, d, "I was not home", &why),
	    WEFT_OK);
	assert_int_equal(why, LEDGER_OK);
	assert_int_equal(ledger_proposal_load(d, &p), WEFT_OK);
	assert_int_equal(p.status, LEDGER_DISPUTED);
	assert_string_equal(p.x.reason, "I was not home");
	assert_string_not_equal(p.disputed_at, "");
	assert_int_equal(ledger_dispute(&actor, d, "again", &why), WEFT_OK);
	assert_int_equal(why, LEDGER_REFUSE_DISPUTED);
	/* A disputed one: the setting leaves it; a coordinator cancels. */
	assert_int_equal(confirm(NULL, d, LEDGER_BY_SETTING, &xid),
	    LEDGER_REFUSE_DISPUTED);
	assert_int_equal(ledger_cancel(&actor, d, &why), WEFT_OK);
	assert_int_equal(why, LEDGER_OK);
	assert_int_equal(ledger_cancel(&actor, d, &why), WEFT_OK);
	assert_int_equal(why, LEDGER_REFUSE_CANCELLED);
	assert_int_equal(confirm(&actor, d, LEDGER_BY_COORDINATOR, &xid),
	    LEDGER_REFUSE_CANCELLED);
	assert_int_equal(ledger_dispute(&actor, d, "", &why), WEFT_OK);
	assert_int_equal(why, LEDGER_REFUSE_CANCELLED);
	assert_int_equal(balance(1), b0);
	assert_int_equal(db_query_int(&n, "SELECT COUNT(*) FROM audit_log"
	    " WHERE action = 'exchange.cancel' AND object_type ="
	    " 'exchange_proposal' AND object_id = ? AND after_json LIKE"
	    " '%\"status\":\"cancelled\"%'", "i", d), WEFT_OK);
	assert_int_equal(n, 1);
	/* Confirmed: neither disputed nor cancelled any more. */
	c = propose(0, 1, 50);
	assert_int_equal(confirm(&actor, c, LEDGER_BY_RECIPIENT, &xid),
	    LEDGER_OK);
	assert_int_equal(ledger_dispute(&actor, c, "", &why), WEFT_OK);
	assert_int_equal(why, LEDGER_REFUSE_CONFIRMED);
	assert_int_equal(ledger_cancel(&actor, c, &why), WEFT_OK);
	assert_int_equal(why, LEDGER_REFUSE_CONFIRMED);
	assert_int_equal(balance(1), b0 - 50);
	assert_int_equal(ledger_dispute(&actor, 1LL << 52, "", &why),
	    WEFT_ERR_NOTFOUND);
}

/* A coordinator's confirmation for the recipient is audited, filed
 * under the community of a party (c is in community 2). */
static void
test_confirm_for_audited(void **state)
{
	long long	 id, xid, n;

	(void)state;
	need_db();
	id = propose(2, 1, 75);
	assert_int_equal(confirm(&actor, id, LEDGER_BY_COORDINATOR, &xid),
	    LEDGER_OK);
	assert_int_equal(db_query_int(&n, "SELECT COUNT(*) FROM audit_log"
	    " WHERE action = 'exchange.confirm_for' AND object_type ="
	    " 'exchange' AND object_id = ? AND community_id = 2 AND"
	    " actor_id = ?", "ii", xid, mem[0]), WEFT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ledger_confirm(NULL, NULL, id, LEDGER_BY_COORDINATOR,
	    &xid, NULL), WEFT_ERR_INVALID);
}

/* Auto-confirmation: only pending proposals that have waited the
 * setting's days, of the member asked about, audited as the system. */
static void
test_auto_confirm(void **state)
{
	struct ledger_proposal	 p;
	long long		 old, fresh, n, a0;
	int			 k = -1;

	(void)state;
	need_db();
	old = propose(1, 0, 125);
	fresh = propose(1, 0, 25);
	assert_int_equal(db_exec("UPDATE exchange_proposals SET created_at ="
	    " UTC_TIMESTAMP() - INTERVAL 3 DAY WHERE id = ?", "i", old),
	    WEFT_OK);
	a0 = balance(0);
	setting_set("exchange_auto_confirm_days", "0");
	assert_int_equal(ledger_auto_confirm(mem[0], &k), WEFT_OK);
	assert_int_equal(k, 0);
	setting_set("exchange_auto_confirm_days", "5");
	assert_int_equal(ledger_auto_confirm(mem[0], &k), WEFT_OK);
	assert_int_equal(k, 0);
	setting_set("exchange_auto_confirm_days", "2");
	assert_int_equal(ledger_auto_confirm(mem[2], &k), WEFT_OK);
	assert_int_equal(k, 0);		/* not c's */
	assert_int_equal(ledger_auto_confirm(mem[0], &k), WEFT_OK);
	assert_int_equal(k, 1);
	assert_int_equal(balance(0), a0 - 125);
	assert_int_equal(ledger_proposal_load(old, &p), WEFT_OK);
	assert_int_equal(p.status, LEDGER_CONFIRMED);
	assert_int_equal(p.settled_by, 0);
	assert_int_equal(ledger_proposal_load(fresh, &p), WEFT_OK);
	assert_int_equal(p.status, LEDGER_PENDING);
	assert_int_equal(db_query_int(&n, "SELECT COUNT(*) FROM audit_log a"
	    " JOIN exchange_proposals p ON p.exchange_id = a.object_id"
	    " WHERE a.action = 'exchange.auto_confirm' AND a.object_type ="
	    " 'exchange' AND a.actor_id IS NULL AND p.id = ?", "i", old),
	    WEFT_OK);
	assert_int_equal(n, 1);
	/* Once: the provider's page finds nothing more to do. */
	assert_int_equal(ledger_auto_confirm(mem[1], &k), WEFT_OK);
	assert_int_equal(k, 0);
	setting_set("exchange_auto_confirm_days", was[2]);
}

/* The dashboard counts open proposals in scope. */
static void
test_figures_count(void **state)
{
	struct ledger_scope	 s;
	struct ledger_figures	 f, g;
	enum ledger_refusal	 why;
	long long		 d;

	(void)state;
	need_db();
	memset(&s, 0, sizeof(s));
	s.site = 1;
	assert_int_equal(ledger_figures(&s, 90, &f), WEFT_OK);
	(void)propose(0, 1, 25);
	d = propose(1, 0, 25);
	assert_int_equal(ledger_dispute(&actor, d, "", &why), WEFT_OK);
	assert_int_equal(ledger_figures(&s, 90, &g), WEFT_OK);
	assert_int_equal(g.pending, f.pending + 1);
	assert_int_equal(g.disputed, f.disputed + 1);
	/* Community 2 sees only what has c as a party. */
	s.site = 0;
	s.n = 1;
	s.ids[0] = 2;
	snprintf(s.list, sizeof(s.list), "2");
	assert_int_equal(ledger_figures(&s, 90, &f), WEFT_OK);
	(void)propose(2, 1, 25);
	(void)propose(0, 1, 25);
	assert_int_equal(ledger_figures(&s, 90, &g), WEFT_OK);
	assert_int_equal(g.pending, f.pending + 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_propose_moves_nothing),
		cmocka_unit_test(test_one_key_one_row),
		cmocka_unit_test(test_confirm_once),
		cmocka_unit_test(test_confirm_hard_limit),
		cmocka_unit_test(test_dispute_cancel),
		cmocka_unit_test(test_confirm_for_audited),
		cmocka_unit_test(test_auto_confirm),
		cmocka_unit_test(test_figures_count),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
