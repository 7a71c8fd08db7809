/*
 * Supervision (super.c) of a dummy daemon started through super_main(),
 * as a daemon's main() would: a worker that dies is replaced by the same
 * master; SIGTERM stops master and workers quickly, and within a second
 * even when a worker ignores SIGTERM (SIGKILL after the grace); a worker
 * that exits at once is restarted about once a second, not in a fork
 * loop.  The workers write what they did to shared memory.
 */
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "super.h"

#define SLOTS	64

enum mode {
	MODE_POLITE,	/* waits in super_wait() until stopping */
	MODE_STUBBORN,	/* the first worker ignores SIGTERM; others polite */
	MODE_QUICK,	/* returns 3 at once */
};

struct shared {
	int	 spawns;		/* workers started so far */
	int	 clean;			/* workers that left their loop */
	pid_t	 pids[SLOTS];		/* by start order, 0 until set */
	pid_t	 parents[SLOTS];
};

static struct shared	*sh;
static pid_t		 master;
static char		 logpath[] = "/tmp/weft-test-super.XXXXXX";

static long long
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
nap_ms(int ms)
{
	struct timespec	 ts = { ms / 1000, (long)(ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

/* The worker function of the dummy daemon. */
static int
dummy(void *arg)
{
	enum mode		 mode = *(const enum mode *)arg;
	struct sigaction	 sa;
	int			 i;

	i = __atomic_fetch_add(&sh->spawns, 1, __ATOMIC_SEQ_CST);
	if (mode == MODE_STUBBORN && i == 0) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = SIG_IGN;
		sigaction(SIGTERM, &sa, NULL);
	}
	if (i < SLOTS) {
		sh->parents[i] = getppid();
		__atomic_store_n(&sh->pids[i], getpid(), __ATOMIC_SEQ_CST);
	}
	if (mode == MODE_QUICK)
		return 3;
	if (mode == MODE_STUBBORN && i == 0)
		for (;;)
			pause();
	while (!super_stopping())
		super_wait(10000);
	__atomic_fetch_add(&sh->clean, 1, __ATOMIC_SEQ_CST);
	return 0;
}

/* Starts the dummy daemon as `dummy -n 2`, its log in logpath. */
static pid_t
start(enum mode mode)
{
	char	*argv[] = { "dummy", "-n", "2", NULL };
	pid_t	 pid;
	int	 fd;

	memset(sh, 0, sizeof(*sh));
	if ((pid = fork()) == 0) {
		/* A group of its own, for teardown() to end it whole. */
		if (setpgid(0, 0) == -1 ||
		    (fd = open(logpath, O_WRONLY | O_TRUNC)) == -1 ||
		    dup2(fd, STDERR_FILENO) == -1)
			_exit(99);
		_exit(super_main(3, argv, "dummy", dummy, &mode));
	}
	assert_true(pid > 0);
	return pid;
}

/* Waits up to 5 s for worker i (start order) to be running. */
static pid_t
worker(int i)
{
	pid_t	 pid;
	int	 tries;

	for (tries = 0; tries < 1000; tries++) {
		if ((pid = __atomic_load_n(&sh->pids[i], __ATOMIC_SEQ_CST)) > 0)
			return pid;
		nap_ms(5);
	}
	fail_msg("worker %d did not start", i);
	return -1;
}

static int
gone(pid_t pid)
{
	return kill(pid, 0) == -1 && errno == ESRCH;
}

/* SIGTERM to the master; returns the milliseconds until it has exited
 * (with 0, else the test fails, as it does after 3 s). */
static long long
stop(void)
{
	long long	 t0 = now_ms();
	pid_t		 r;
	int		 status;

	assert_int_equal(kill(master, SIGTERM), 0);
	while ((r = waitpid(master, &status, WNOHANG)) == 0 &&
	    now_ms() - t0 < 3000)
		nap_ms(2);
	assert_int_equal(r, master);
	master = 0;
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	return now_ms() - t0;
}

static int
logged(const char *s)
{
	char	 text[16384];
	size_t	 n;
	FILE	*f;

	assert_non_null(f = fopen(logpath, "r"));
	n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = '\0';
	return strstr(text, s) != NULL;
}

static void
test_killed_worker_is_replaced(void **state)
{
	pid_t	 victim, other, heir;

	(void)state;
	master = start(MODE_POLITE);
	victim = worker(0);
	other = worker(1);
	assert_int_equal(sh->parents[0], master);
	assert_int_equal(kill(victim, SIGKILL), 0);
	heir = worker(2);
	assert_int_equal(sh->parents[2], master);
	assert_true(gone(victim));
	assert_false(gone(other));
	assert_false(gone(heir));
	assert_int_equal(sh->spawns, 3);
	/* Polite workers stop at once: the grace is not waited out. */
	assert_true(stop() < SUPER_GRACE_MS / 2);
	assert_int_equal(sh->clean, 2);
	assert_true(gone(other) && gone(heir));
	assert_true(logged("started 2 workers"));
	assert_true(logged("died by signal 9"));
	assert_true(logged("stopped"));
	assert_false(logged("killed"));
}

static void
test_sigterm_ignored_then_sigkill(void **state)
{
	pid_t		 stubborn, polite;
	long long	 ms;

	(void)state;
	master = start(MODE_STUBBORN);
	stubborn = worker(0);
	polite = worker(1);
	ms = stop();
	assert_true(ms >= SUPER_GRACE_MS - 50);
	assert_true(ms < 1000);
	assert_true(gone(stubborn));
	assert_true(gone(polite));
	assert_int_equal(sh->clean, 1);
	assert_int_equal(sh->spawns, 2);
	assert_true(logged("killed"));
}

static void
test_quick_exit_is_not_a_fork_loop(void **state)
{
	int	 n;

	(void)state;
	master = start(MODE_QUICK);
	worker(1);
	nap_ms(2500);
	n = __atomic_load_n(&sh->spawns, __ATOMIC_SEQ_CST);
	/* Two at start, then one restart a second: 5 by now (6 at a
	 * second's edge); a fork loop would be thousands. */
	assert_in_range(n, 4, 6);
	assert_int_equal(waitpid(master, NULL, WNOHANG), 0);
	stop();
	assert_true(logged("exited with 3"));
}

static void
test_wait_sleeps_when_not_stopping(void **state)
{
	long long	 t0 = now_ms();

	(void)state;
	assert_int_equal(super_stopping(), 0);
	assert_int_equal(super_wait(60), 0);
	assert_true(now_ms() - t0 >= 55);
}

/* super_main()'s own exit status for a bad command line, in a child. */
static int
usage_status(int argc, char *argv[])
{
	enum mode	 mode = MODE_QUICK;
	pid_t		 pid;
	int		 status;

	if ((pid = fork()) == 0) {
		if (freopen("/dev/null", "w", stderr) == NULL)
			_exit(99);
		_exit(super_main(argc, argv, "dummy", dummy, &mode));
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static void
test_usage(void **state)
{
	char	*unknown[] = { "dummy", "-s", "x.sock", NULL };
	char	*extra[] = { "dummy", "-n", "1", "more", NULL };

	(void)state;
	memset(sh, 0, sizeof(*sh));
	assert_int_equal(usage_status(3, unknown), 2);
	assert_int_equal(usage_status(4, extra), 2);
	assert_int_equal(sh->spawns, 0);
}

/* A failed assertion must not leave the daemon behind: its process
 * group, the master and its workers, is killed. */
static int
teardown(void **state)
{
	(void)state;
	if (master > 0) {
		kill(-master, SIGKILL);
		waitpid(master, NULL, 0);
		master = 0;
	}
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_killed_worker_is_replaced,
		    teardown),
		cmocka_unit_test_teardown(test_sigterm_ignored_then_sigkill,
		    teardown),
		cmocka_unit_test_teardown(test_quick_exit_is_not_a_fork_loop,
		    teardown),
		cmocka_unit_test(test_wait_sleeps_when_not_stopping),
		cmocka_unit_test(test_usage),
	};
	int	 fd, rc;

	if ((sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0)) == MAP_FAILED ||
	    (fd = mkstemp(logpath)) == -1)
		return 1;
	close(fd);
	memset(sh, 0, sizeof(*sh));
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	unlink(logpath);
	return rc;
}
