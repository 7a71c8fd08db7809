/*
 * Queuing mail (outbox_queue) against the real database.  Skipped unless
 * WEFT_CONFIG names the config of a running stack (tests/run.sh sets it).
 * Every row is written inside a transaction that is rolled back, so the
 * stack's mailer never sees one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config.h"
#include "db.h"
#include "log.h"
#include "outbox.h"

static int	 connected;

static int
group_setup(void **state)
{
	const char	*conf = getenv("WEFT_CONFIG");

	(void)state;
	if (conf == NULL || conf[0] == '\0')
		return 0;
	log_init("test_outbox_db", LOGL_ERROR);
	if (config_load(&config, conf) != WEFT_OK || db_connect() != WEFT_OK)
		return -1;
	snprintf(config.mail_from, sizeof(config.mail_from),
	    "Timebank <tb@mail.example.org>");
	connected = 1;
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	if (connected)
		db_close();
	return 0;
}

static void
need_db(void)
{
	if (!connected)
		skip();
}

/* The state, reason and Message-ID of row id. */
static void
row_of(long long id, char *state, char *reason, char *msgid)
{
	struct db_rows	*r;

	assert_int_equal(db_query(&r, "SELECT state, reason, message_id"
	    " FROM outbox WHERE id = ?", "i", id), WEFT_OK);
	assert_true(db_next(r));
	strcpy(state, db_str(r, 0));
	strcpy(reason, db_str(r, 1));
	strcpy(msgid, db_str(r, 2));
	db_rows_free(r);
}

static void
test_queue(void **unused)
{
	struct outbox_msg	 m = { .kind = "test.queue",
	    .to_addr = "ana@example.org", .to_name = "Ana Ñúñez",
	    .lang = "es", .subject = "Hola", .body = "Línea\n" };
	char			 st[16], why[64], id1[256], id2[256];
	long long		 a, b;

	(void)unused;
	need_db();
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(outbox_queue(&m, &a), WEFT_OK);
	assert_int_equal(outbox_queue(&m, &b), WEFT_OK);
	assert_true(a > 0 && b > a);
	row_of(a, st, why, id1);
	assert_string_equal(st, "queued");
	assert_string_equal(why, "");
	row_of(b, st, why, id2);
	/* One Message-ID each, fixed now, in the From's domain. */
	assert_int_equal(strlen(id1), 1 + 32 + 1 + strlen("mail.example.org") +
	    1);
	assert_non_null(strstr(id1, "@mail.example.org>"));
	assert_string_not_equal(id1, id2);
	db_rollback();
}

static void
test_skipped(void **unused)
{
	static const struct {
		const char		*addr;
		enum outbox_skip	 skip;
		const char		*reason;
	} cases[] = {
		{ "", OUTBOX_SKIP_NONE, "no_address" },
		{ NULL, OUTBOX_SKIP_NONE, "no_address" },
		{ "not an address", OUTBOX_SKIP_NONE, "invalid_address" },
		{ "ok@example.org", OUTBOX_SKIP_OPTED_OUT, "opted_out" },
		{ "ok@example.org", OUTBOX_SKIP_DISABLED, "disabled" },
	};
	struct outbox_msg	 m = { .kind = "test.skip", .subject = "s",
	    .body = "b" };
	char			 st[16], why[64], msgid[256];
	long long		 id;
	size_t			 i;

	(void)unused;
	need_db();
	assert_int_equal(db_begin(), WEFT_OK);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		m.to_addr = cases[i].addr;
		m.skip = cases[i].skip;
		assert_int_equal(outbox_queue(&m, &id), WEFT_OK);
		row_of(id, st, why, msgid);
		assert_string_equal(st, "skipped");
		assert_string_equal(why, cases[i].reason);
	}
	db_rollback();
}

static void
test_refused(void **unused)
{
	char			 subject[OUTBOX_SUBJECT_MAX + 2];
	struct outbox_msg	 m = { .kind = "test.refused",
	    .to_addr = "ok@example.org", .body = "b" };

	(void)unused;
	need_db();
	memset(subject, 'x', sizeof(subject) - 1);
	subject[sizeof(subject) - 1] = '\0';
	m.subject = subject;
	assert_int_equal(outbox_queue(&m, NULL), WEFT_ERR_INVALID);
	/* Exactly the column's length in characters fits. */
	subject[OUTBOX_SUBJECT_MAX] = '\0';
	m.kind = NULL;
	assert_int_equal(outbox_queue(&m, NULL), WEFT_ERR_INVALID);
	assert_int_equal(db_begin(), WEFT_OK);
	m.kind = "test.refused";
	assert_int_equal(outbox_queue(&m, NULL), WEFT_OK);
	db_rollback();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_queue),
		cmocka_unit_test(test_skipped),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
