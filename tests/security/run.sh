#!/usr/bin/env bash
# `make security` (issue 15): an attacker's tools against a private stack.
#
#	tests/security/run.sh BUILDDIR [--short]
#
# Starts a stack from BUILDDIR (the sanitizer build) with the demo timebank
# in a temporary directory on a free port, then, for a visitor, a member
# (alice) and a site admin (admin), each with its own session:
#
#   1. Debian's sqlmap crawls the site from / and tests every query
#      parameter and every form it finds (--forms, with the session's own
#      CSRF token as the page gave it), MySQL payloads, level 1 / risk 1,
#      --batch;
#   2. Debian's wapiti crawls the same way and attacks with its modules
#      for SQL (error and blind), command execution, file paths, XSS
#      (reflected and stored), open redirects, CRLF, CSP, the HTTP
#      headers, HTTP methods, and forms without a CSRF token; its
#      "anomalies" (an answer 500, a time-out) count as findings too.
#
# Pages that would end the scanner's own session or rights are left out
# of both crawls: log-out, "become", password changes, disabling,
# un-approving, removing a grant.  Modules that need the internet or a
# downloaded database (ssrf, xxe, nikto, wapp) and brute force are not run;
# cookieflags is not run because the test stack speaks plain HTTP with
# cookie_secure = 0 (tests/e2e/headers.test.mjs checks the cookie
# attributes of both settings).
#
# Then the stack is stopped and its logs are read: a sanitizer report, a
# crashed worker or a 500 logged by nginx is a finding as well.  The
# reports stay in var/security/ (sqlmap's folders, wapiti's JSON).  Prints
# one line per finding and "N findings"; the exit status is 1 when N > 0.
# A finding reviewed and found not to be a bug is a line of
# tests/security/accepted.txt, with the reason: printed, not counted.
#
# --short: the member only, crawl depth 1, at most WEFT_SECURITY_SHORT
# (120) seconds of wapiti: a smoke run.  Time limits: WEFT_SECURITY_SECONDS
# (900) for each wapiti scan and each sqlmap run, WEFT_SECURITY_ATTACK (90)
# for each wapiti module (wapiti's own limit of the whole scan is not kept
# by 3.0.4: a first admin scan ran past it).
set -u -o pipefail

[ $# -ge 1 ] || { echo "usage: tests/security/run.sh BUILDDIR [--short]" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
BUILDDIR=$1
case $BUILDDIR in /*) ;; *) BUILDDIR=$ROOT/$BUILDDIR ;; esac
SHORT=0
[ "${2:-}" = --short ] && SHORT=1
LIMIT=${WEFT_SECURITY_SECONDS:-900}
ATTACK=${WEFT_SECURITY_ATTACK:-90}	# wapiti: seconds per module
DEPTH=3
ROLES="visitor:- member:alice admin:admin"
if [ "$SHORT" = 1 ]; then
	LIMIT=${WEFT_SECURITY_SHORT:-120}
	DEPTH=1
	ROLES="member:alice"
fi
for tool in sqlmap wapiti node; do
	command -v "$tool" >/dev/null || { echo "security: $tool is missing (make security-deps)" >&2; exit 2; }
done

OUT=$ROOT/var/security
rm -rf "$OUT"
mkdir -p "$OUT" || exit 2
FINDINGS=$OUT/findings.txt
: >"$FINDINGS"
VARDIR=$(mktemp -d /tmp/weft-security.XXXXXX) || exit 2
START=$(date +%s)

stop() {
	timeout 60 tools/weft-stack stop "$VARDIR" >/dev/null 2>&1
}
trap stop EXIT

port=$(tools/weft-stack free-port) || exit 2
echo "security: stack in $VARDIR on port $port"
if ! timeout 180 tools/weft-stack start "$VARDIR" --port "$port" --bin "$BUILDDIR" \
    --demo >"$OUT/stack-start.out" 2>&1; then
	echo "security: weft-stack start failed:"; tail -n 30 "$OUT/stack-start.out"
	exit 2
fi
WEFT_URL=$(cat "$VARDIR/url"); WEFT_URL=${WEFT_URL%/}
WEFT_DEMO_PASSWORD=$(head -n 1 "$VARDIR/demo-password")
export WEFT_URL WEFT_DEMO_PASSWORD WEFT_VAR=$VARDIR WEFT_BIN=$BUILDDIR

# What neither crawler may follow (a regular expression on the URL).
EXCLUDE='logout|become|password|disable|unapprove|/remove'

# Every session first: the visitor's scan posts the log-in form with
# hostile values until the throttle answers 429 for the address.
declare -A COOKIE
for pair in $ROLES; do
	role=${pair%%:*}
	# A visitor's cookies too: its CSRF token, so its forms are tested.
	COOKIE[$role]=$(cd tests && node security/session.mjs "${pair#*:}") ||
	    { echo "security: cannot open a session as $role"; exit 2; }
done

for pair in $ROLES; do
	role=${pair%%:*}
	cookie=${COOKIE[$role]}
	t0=$(date +%s)
	echo "== sqlmap as $role"
	args=(-u "$WEFT_URL/" --crawl="$DEPTH" --forms --batch --dbms=MySQL
	    --level=1 --risk=1 --skip=csrf,form_key
	    --crawl-exclude="$EXCLUDE" --output-dir="$OUT/sqlmap-$role"
	    --timeout=15 --retries=1 --disable-coloring -v 1)
	[ -n "$cookie" ] && args+=(--cookie="$cookie")
	timeout "$LIMIT" sqlmap "${args[@]}" >"$OUT/sqlmap-$role.log" 2>&1
	rc=$?
	[ $rc = 124 ] && echo "timeout	sqlmap as $role ran past $LIMIT s" >>"$FINDINGS"
	# Each injection point sqlmap confirms ("Parameter: x (POST)" under
	# "identified the following injection point"), and its CSV of results.
	grep -E "^Parameter: " "$OUT/sqlmap-$role.log" |
	    sed "s/^/sqlmap $role	/" >>"$FINDINGS"
	for csv in "$OUT/sqlmap-$role"/results-*.csv; do
		[ -f "$csv" ] || continue
		tail -n +2 "$csv" | grep -v '^\s*$' | sed "s/^/sqlmap $role	/" >>"$FINDINGS"
	done
	tested=$(grep -cE "testing (URL|form)|testing if (GET|POST) parameter" "$OUT/sqlmap-$role.log")
	echo "   $tested targets and parameters tested in $(($(date +%s) - t0)) s"

	t0=$(date +%s)
	echo "== wapiti as $role"
	wargs=(-u "$WEFT_URL/" --scope folder -d "$DEPTH" --flush-session --no-bugreport
	    -m "sql,blindsql,exec,file,xss,permanentxss,redirect,crlf,csp,http_headers,methods,csrf"
	    --max-scan-time "$LIMIT" --max-attack-time "$ATTACK" -t 15 -f json -o "$OUT/wapiti-$role.json"
	    --store-session "$OUT/wapiti-session-$role" --skip csrf)
	for x in logout become password disable unapprove remove; do
		wargs+=(-x "$WEFT_URL/*$x*")
	done
	[ -n "$cookie" ] && wargs+=(-H "Cookie: $cookie")
	timeout $((LIMIT + 300)) /usr/bin/python3 tests/security/wapiti.py "${wargs[@]}" >"$OUT/wapiti-$role.log" 2>&1
	rc=$?
	if [ -f "$OUT/wapiti-$role.json" ]; then
		node tests/security/wapiti-findings.mjs "$OUT/wapiti-$role.json" |
		    sed "s/^/wapiti $role	/" >>"$FINDINGS"
	else
		echo "wapiti $role	no report (status $rc): see $OUT/wapiti-$role.log" >>"$FINDINGS"
	fi
	echo "   done in $(($(date +%s) - t0)) s (status $rc)"
done

# The stack's side: what the attacks did to it.
stop
trap - EXIT
grep -rnE 'ERROR: (Address|Leak|Memory|Thread)Sanitizer|runtime error:' "$VARDIR/log" |
    sed 's/^/stack	/' >>"$FINDINGS"
grep -rnwiE 'error' "$VARDIR/log" | grep -iE 'died|killed|signal|crash|core dump' |
    grep -vE 'Sanitizer|runtime error:' | sed 's/^/stack	/' >>"$FINDINGS"
awk '$9 ~ /^5[0-9][0-9]$/ { print "stack\tnginx logged " $9 " for " $6 " " $7 }' \
    "$VARDIR/log/nginx-access.log" | sed 's/"//g' | sort | uniq -c |
    sed 's/^ *//' >>"$FINDINGS"
cp "$VARDIR/log/nginx-access.log" "$OUT/" 2>/dev/null
requests=$(wc -l <"$VARDIR/log/nginx-access.log")

# The reviewed exceptions (tests/security/accepted.txt) are set apart.
awk -F'\t' -v acc="$OUT/accepted.txt" -v rest="$OUT/counted.txt" '
    FNR == NR { if ($0 !~ /^#/ && NF >= 3) ok[$1 FS $2 FS $3] = 1; next }
    { split($1, w, " "); k = w[1] FS $2 FS $NF
      print > ((k in ok) ? acc : rest) }' \
    tests/security/accepted.txt "$FINDINGS"
touch "$OUT/accepted.txt" "$OUT/counted.txt"
n=$(wc -l <"$OUT/counted.txt")
echo
echo "security: $requests requests in $(($(date +%s) - START)) s; reports in var/security/"
if [ -s "$OUT/accepted.txt" ]; then
	echo "accepted (tests/security/accepted.txt says why):"
	sort -u "$OUT/accepted.txt" | sed 's/^/  /'
fi
if [ "$n" -gt 0 ]; then
	echo "findings:"
	sed 's/^/  /' "$OUT/counted.txt" | head -n 80
fi
echo "$n findings"
[ "$n" = 0 ]
