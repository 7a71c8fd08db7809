/*
 * Supervision of a program's workers, FastCGI or not (docs/operation.md):
 * a master forks N copies of one worker function and restarts a copy that
 * ends (at most one restart a second, so that a crash loop cannot become a
 * fork loop); on SIGTERM or SIGINT it stops them all within a second
 * (SIGTERM, SUPER_GRACE_MS of grace, then SIGKILL).  Before its function
 * runs, a worker started as root drops to run_user and caps glibc's mmap
 * threshold.  The function polls super_stopping(), or waits in
 * super_wait(), and returns its exit status once stopping.
 *
 * A daemon's main() is one call (app_main() is the FastCGI one):
 *
 *	static int
 *	loop(void *arg)
 *	{
 *		while (!super_stopping())
 *			if (claim_one() == 0)
 *				super_wait(1000);
 *		return 0;
 *	}
 *
 *	int
 *	main(int argc, char *argv[])
 *	{
 *		return super_main(argc, argv, "mailer", loop, NULL);
 *	}
 */
#ifndef WEFT_SUPER_H
#define WEFT_SUPER_H

#define SUPER_WORKERS_MAX	256
/* How long stopping workers get before SIGKILL: the whole stop, reaping
 * included, stays under a second. */
#define SUPER_GRACE_MS		800

/* One worker: runs until super_stopping(), returns its exit status. */
typedef int	(*super_fn)(void *arg);

struct super {
	super_fn	 run;
	void		*arg;		/* passed to run, in every worker */
	int		 workers;	/* 1 .. SUPER_WORKERS_MAX */
	/* NULL, or called from the SIGTERM/SIGINT handler of master and
	 * workers (async-signal-safe only): a blocking library call that
	 * retries EINTR learns here that it must give up. */
	void		(*on_stop)(void);
};

/*
 * A daemon's whole main(): parses -c config and -n workers, loads the
 * config, starts logging as name, and supervises run(arg) in as many
 * workers (-n, else the config's workers).  Returns the exit status:
 * 0 after a stop, 1 when it cannot start, 2 on bad usage.
 */
int	 super_main(int argc, char *argv[], const char *name, super_fn run,
	    void *arg);

/* Loads the config at path (NULL: defaults and environment only) into
 * `config`, starts logging as name at the config's level, and returns
 * the worker count: workers if positive, else config.workers, at most
 * SUPER_WORKERS_MAX.  -1 (logged) when the config cannot be loaded. */
int	 super_config(const char *name, const char *path, int workers);

/* Installs the SIGTERM/SIGINT handler (without SA_RESTART, so a blocked
 * call returns EINTR) that sets super_stopping() and calls on_stop, and
 * ignores SIGPIPE.  super_run() calls it; calling it earlier as well
 * makes a stop during start-up clean.  0, or -1 on failure. */
int	 super_signals(void (*on_stop)(void));

/* The master: starts s->workers workers, keeps them, stops them on
 * SIGTERM or SIGINT; returns 0 after a stop, 1 when the first workers
 * cannot be started (those already started are stopped). */
int	 super_run(const struct super *s);

/* True once this process has received SIGTERM or SIGINT. */
int	 super_stopping(void);

/* Sleeps up to ms milliseconds, returning early (without the race of a
 * signal between the test and the sleep) when stopping; returns
 * super_stopping(). */
int	 super_wait(int ms);

#endif
