#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "util.h"

static const char *const log_level_names[LOGL__MAX] = {
	"debug", "info", "warn", "error",
};

static char		 log_program[32] = "weft";
static enum log_level	 log_min = LOGL_INFO;
static char		 log_addr[64];
static long long	 log_member;

void
log_init(const char *program, enum log_level min)
{
	snprintf(log_program, sizeof(log_program), "%s", program);
	log_min = min;
}

void
log_context(const char *addr, long long member_id)
{
	util_copy(log_addr, sizeof(log_addr), addr);
	log_member = member_id;
}

/*
 * Writes one line: "2026-11-23T12:00:00Z account[123] info 127.0.0.1 m=4:
 * message".  Control characters in the message are escaped as \xNN so a
 * value from a request cannot forge a log line.
 */
void
log_msg(enum log_level level, const char *fmt, ...)
{
	char		 msg[1024], line[1400], ts[32];
	size_t		 i, o;
	va_list		 ap;
	time_t		 now;
	struct tm	 tm;
	int		 n;

	if ((unsigned)level >= LOGL__MAX || level < log_min)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	now = time(NULL);
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(ts, sizeof(ts), "-");
	n = snprintf(line, sizeof(line), "%s %s[%ld] %s %s m=%lld: ", ts,
	    log_program, (long)getpid(), log_level_names[level],
	    log_addr[0] ? log_addr : "-", log_member);
	if (n < 0)
		return;
	o = (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1;
	for (i = 0; msg[i] != '\0' && o + 5 < sizeof(line); i++) {
		unsigned char c = (unsigned char)msg[i];
		if (c < 0x20 || c == 0x7f) {
			o += (size_t)snprintf(line + o, sizeof(line) - o,
			    "\\x%02x", c);
		} else
			line[o++] = (char)c;
	}
	line[o++] = '\n';
	/* One write(2) per line keeps lines whole when workers share stderr. */
	if (write(STDERR_FILENO, line, o) < 0)
		return;
}
