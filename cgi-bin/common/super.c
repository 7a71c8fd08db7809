/*
 * The pre-forking master (docs/operation.md: programs, signals).  The
 * master keeps SIGTERM, SIGINT and SIGCHLD blocked except inside one
 * ppoll(), so a signal that arrives between its checks is taken at the
 * next wait instead of being lost before a blocking call.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <grp.h>
#include <malloc.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "log.h"
#include "super.h"

#define SUPER_MMAP_MIN		(128 * 1024)	/* glibc's default threshold */
#define SUPER_RESTART_MS	1000	/* between two restarts, at least */
#define SUPER_POLL_MS		10	/* while waiting for stopped workers */

static volatile sig_atomic_t	 super_stop;
static void			(*volatile super_hook)(void);

struct super_master {
	const struct super	*s;
	sigset_t		 mask;	/* the mask to run workers with */
	pid_t			 pids[SUPER_WORKERS_MAX];	/* 0: empty */
	long long		 next_restart;	/* ms, monotonic */
};

static void
super_on_term(int sig)
{
	(void)sig;
	super_stop = 1;
	if (super_hook != NULL)
		super_hook();
}

/* Only there to make the master's ppoll() return when a worker ends. */
static void
super_on_child(int sig)
{
	(void)sig;
}

static long long
super_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int
super_handle(int sig, void (*handler)(int))
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

int
super_signals(void (*on_stop)(void))
{
	super_hook = on_stop;
	if (super_handle(SIGTERM, super_on_term) == -1 ||
	    super_handle(SIGINT, super_on_term) == -1 ||
	    super_handle(SIGPIPE, SIG_IGN) == -1)
		return -1;
	return 0;
}

int
super_stopping(void)
{
	return super_stop;
}

int
super_wait(int ms)
{
	sigset_t	 block, old;
	struct timespec	 ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (long)(ms % 1000) * 1000000;
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	if (sigprocmask(SIG_BLOCK, &block, &old) == -1)
		return super_stop;
	/* ppoll() unblocks them atomically with going to sleep. */
	if (!super_stop)
		(void)ppoll(NULL, 0, &ts, &old);
	(void)sigprocmask(SIG_SETMASK, &old, NULL);
	return super_stop;
}

/* docs/operation.md: when started as root with run_user set, workers give
 * up root before they do any work. */
static int
super_drop_privileges(void)
{
	struct passwd	*pw;

	if (geteuid() != 0 || config.run_user[0] == '\0')
		return 0;
	if ((pw = getpwnam(config.run_user)) == NULL) {
		log_msg(LOGL_ERROR, "run_user %s: no such user",
		    config.run_user);
		return -1;
	}
	if (setgroups(1, &pw->pw_gid) == -1 || setgid(pw->pw_gid) == -1 ||
	    setuid(pw->pw_uid) == -1) {
		log_msg(LOGL_ERROR, "dropping to %s: %s", config.run_user,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* In the child: the master's signal set-up undone, then the work. */
static int
super_worker(const struct super_master *m)
{
	if (super_handle(SIGCHLD, SIG_DFL) == -1 ||
	    sigprocmask(SIG_SETMASK, &m->mask, NULL) == -1 ||
	    super_drop_privileges() == -1)
		return 1;
	/*
	 * A worker's memory must not keep the high-water mark of one big
	 * request (worker RSS at most 16 MB, docs/performance.md).  glibc
	 * raises its mmap threshold to the largest block freed so far, so
	 * after one argon2id hash (argon2_m_kib, 19 MiB) every later one is
	 * carved from the heap and its pages stay with the worker for good;
	 * a fixed threshold keeps such blocks mapped apart and gives them
	 * back when freed.  (A GLIBC_TUNABLES mmap_threshold chosen by the
	 * admin is overridden: that one trades memory for hashing speed.)
	 */
	if (mallopt(M_MMAP_THRESHOLD, SUPER_MMAP_MIN) != 1)
		log_msg(LOGL_WARN, "mallopt(M_MMAP_THRESHOLD) failed");
	return m->s->run(m->s->arg);
}

static pid_t
super_spawn(const struct super_master *m)
{
	pid_t	 pid = fork();

	if (pid == 0)
		_exit(super_worker(m));
	if (pid == -1)
		log_msg(LOGL_ERROR, "fork: %s", strerror(errno));
	return pid;
}

/* Stops the workers in pids: SIGTERM, SUPER_GRACE_MS for them to return,
 * then SIGKILL for those still there. */
static void
super_stop_workers(pid_t *pids, int n)
{
	struct timespec	 ts = { 0, SUPER_POLL_MS * 1000 * 1000 };
	long long	 deadline = super_ms() + SUPER_GRACE_MS;
	pid_t		 r;
	int		 i, alive;

	for (i = 0; i < n; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	for (;;) {
		for (i = 0, alive = 0; i < n; i++) {
			if (pids[i] <= 0)
				continue;
			r = waitpid(pids[i], NULL, WNOHANG);
			if (r == pids[i] || (r == -1 && errno == ECHILD))
				pids[i] = 0;
			else
				alive++;
		}
		if (alive == 0 || super_ms() >= deadline)
			break;
		nanosleep(&ts, NULL);
	}
	for (i = 0; i < n; i++)
		if (pids[i] > 0) {
			log_msg(LOGL_WARN, "worker %ld still running after "
			    "%d ms: killed", (long)pids[i], SUPER_GRACE_MS);
			kill(pids[i], SIGKILL);
			waitpid(pids[i], NULL, 0);
			pids[i] = 0;
		}
}

/* Empties the slots of the workers that have ended.  One that died by a
 * signal is logged as an error (the test runner looks for these). */
static void
super_reap(struct super_master *m)
{
	pid_t	 pid;
	int	 i, status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (i = 0; i < m->s->workers && m->pids[i] != pid; i++)
			continue;
		if (i == m->s->workers)
			continue;
		if (WIFSIGNALED(status))
			log_msg(LOGL_ERROR, "worker %ld died by signal %d",
			    (long)pid, WTERMSIG(status));
		else
			log_msg(LOGL_WARN, "worker %ld exited with %d",
			    (long)pid, WEXITSTATUS(status));
		m->pids[i] = 0;
	}
}

/*
 * Fills the empty slots, one restart per SUPER_RESTART_MS at most: crash
 * loops must not become fork loops.  A slot left empty by a failed fork
 * is retried the same way.  Returns the milliseconds until the next
 * restart is due, or -1 when no slot is empty.
 */
static long long
super_respawn(struct super_master *m)
{
	long long	 now;
	int		 i;

	for (i = 0; i < m->s->workers; i++) {
		if (m->pids[i] > 0)
			continue;
		if ((now = super_ms()) < m->next_restart)
			return m->next_restart - now;
		m->pids[i] = super_spawn(m);
		m->next_restart = now + SUPER_RESTART_MS;
	}
	for (i = 0; i < m->s->workers; i++)
		if (m->pids[i] <= 0)
			return SUPER_RESTART_MS;
	return -1;
}

/* Restarts workers that end, until SIGTERM or SIGINT. */
static void
super_keep(struct super_master *m)
{
	struct timespec	 ts;
	long long	 wait;

	while (!super_stop) {
		super_reap(m);
		if (super_stop || (wait = super_respawn(m)) == 0)
			continue;
		ts.tv_sec = wait / 1000;
		ts.tv_nsec = (long)(wait % 1000) * 1000000;
		if (ppoll(NULL, 0, wait > 0 ? &ts : NULL, &m->mask) == -1 &&
		    errno != EINTR) {
			log_msg(LOGL_ERROR, "ppoll: %s", strerror(errno));
			break;
		}
	}
}

int
super_run(const struct super *s)
{
	struct super_master	 m;
	sigset_t		 block;
	int			 i, rc = 0;

	memset(&m, 0, sizeof(m));
	m.s = s;
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGCHLD);
	if (s->workers < 1 || s->workers > SUPER_WORKERS_MAX ||
	    super_signals(s->on_stop) == -1 ||
	    super_handle(SIGCHLD, super_on_child) == -1 ||
	    sigprocmask(SIG_BLOCK, &block, &m.mask) == -1)
		return 1;
	for (i = 0; i < s->workers; i++)
		if ((m.pids[i] = super_spawn(&m)) == -1) {
			/* Those already started must not outlive us. */
			super_stop_workers(m.pids, i);
			rc = 1;
			goto out;
		}
	log_msg(LOGL_INFO, "started %d workers", s->workers);
	super_keep(&m);
	super_stop_workers(m.pids, s->workers);
	log_msg(LOGL_INFO, "stopped");
out:
	(void)sigprocmask(SIG_SETMASK, &m.mask, NULL);
	(void)super_handle(SIGCHLD, SIG_DFL);
	return rc;
}

int
super_config(const char *name, const char *path, int workers)
{
	log_init(name, LOGL_INFO);
	if (config_load(&config, path) != WEFT_OK)
		return -1;
	log_init(name, (enum log_level)config.log_level);
	if (workers <= 0)
		workers = config.workers;
	if (workers > SUPER_WORKERS_MAX)
		workers = SUPER_WORKERS_MAX;
	return workers;
}

int
super_main(int argc, char *argv[], const char *name, super_fn run,
    void *arg)
{
	struct super	 s = { run, arg, 0, NULL };
	const char	*conf = NULL;
	int		 c, n = 0;

	while ((c = getopt(argc, argv, "c:n:")) != -1) {
		switch (c) {
		case 'c':
			conf = optarg;
			break;
		case 'n':
			n = atoi(optarg);
			break;
		default:
			goto usage;
		}
	}
	if (optind != argc)
		goto usage;
	if ((s.workers = super_config(name, conf, n)) < 0)
		return 1;
	return super_run(&s);
usage:
	fprintf(stderr, "usage: %s [-c config] [-n workers]\n", name);
	return 2;
}
