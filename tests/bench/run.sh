#!/usr/bin/env bash
#
# tests/bench/run.sh: `make bench` (issue 5).  weft's pages measured
# against the machine's own limits, side by side in one run:
#
#   1. a private stack (tools/weft-stack, release build, demo timebank)
#      in a temporary directory on a free port, with the bench dataset
#      loaded at SCALE members (tests/bench/gen.sql.in);
#   2. the same nginx also serves a static file of the member list page's
#      size and a bare libfcgi responder (tests/bench/bare.c) returning
#      the page's very bytes: the box's and FastCGI's upper bounds;
#   3. wrk, for BENCH_DURATION seconds at each of BENCH_CONNS connections:
#      nginx static, bare FastCGI, /healthz, the member list (coordinator,
#      50 rows, status filter), a member profile, the ads directory, a
#      member's statement, recording an exchange (POST, CSRF, a fresh key
#      each), log-in (argon2), queuing a broadcast to all (broadcast.sh);
#   4. requests/s, p50, p99, the ratios to static and bare, the statuses nginx logged,
#      workers' RSS before and after each pass, the ledger check after each recording
#      run; a table in var/bench/results.txt, the same rows in var/bench/results.csv;
#   5. SCALES="1k 10k 100k 1M" does it all once per scale and prints how
#      each page's p50 grows with the number of members.
#
# Settings (environment; `make bench` passes them through):
#   SCALE=10k  SCALES="$SCALE"          1k 10k 100k 1M, or a number
#   BENCH_DURATION=10                   seconds per measurement
#   BENCH_WARMUP=2                      seconds of warm-up per target
#   BENCH_CONNS="8 32"                  one pass per connection count
#   BENCH_THREADS=2                     wrk threads
#   BENCH_WORKERS=2                     workers per program (and bare)
#   BENCH_DB_POOL=auto                  InnoDB buffer pool during the
#                                       bench: auto is 2G up to 100k
#                                       members and 6G above (1M members
#                                       and 10M exchanges are 3.7 GB of
#                                       data and indexes); "" keeps the
#                                       stack's 64M
#   BENCH_XPM=10                        exchanges per member (rows; each
#                                       member is a party to ~2 x XPM)
#   BENCH_ONLY=""                       only these targets (names below)
#   BENCH_BIN=var/build  BENCH_BARE=$BENCH_BIN/bench-bare
#   BENCH_OUT=var/bench                 results and raw wrk output
#   BENCH_KEEP=0                        1: leave the stack running
#   BENCH_DIGEST=1                      0: skip the slow query log digest
#                                       (statements per request and their
#                                       time, after the measurements)
#   BENCH_GEN_TIMEOUT=1800              seconds allowed to each step of
#                                       the dataset generation
#   BENCH_MAIL=20000                    mailer target's messages; 0: none
#   BENCH_OUTBOX=1000000                outbox target's rows (outbox.sh); 0: none
#
# Nothing outside the temporary directory and BENCH_OUT is written; the
# stack, the bare responder and nginx are stopped on exit, also after an
# error or Ctrl-C.  `make test` never runs this.

set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd -P)
BENCH=$REPO/tests/bench
STACK=$REPO/tools/weft-stack
# The programs whose workers are measured and restarted: the manifest's.
mapfile -t PROGRAMS < <("$REPO/tools/weft-programs" names)
((${#PROGRAMS[@]})) || { echo "bench: cgi-bin/programs is not usable" >&2; exit 1; }

SCALES=${SCALES:-${SCALE:-10k}}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-2}
CONNS=${BENCH_CONNS:-8 32}
THREADS=${BENCH_THREADS:-2}
WORKERS=${BENCH_WORKERS:-2}
DB_POOL=${BENCH_DB_POOL-auto}
XPM=${BENCH_XPM:-10}
ONLY=${BENCH_ONLY:-}
BIN=${BENCH_BIN:-$REPO/var/build}
BARE=${BENCH_BARE:-$BIN/bench-bare}
OUT=${BENCH_OUT:-$REPO/var/bench}
KEEP=${BENCH_KEEP:-0}
DIGEST=${BENCH_DIGEST:-1}
GEN_TIMEOUT=${BENCH_GEN_TIMEOUT:-1800}
BASE=1000		# bench member k has id BASE + k (the demo's are below)
POOL=32			# members logged in to record exchanges
CHUNK=500000		# exchanges per INSERT statement

# The targets, in the table's order: name, kind, path.  Kinds: static, bare,
# public (no cookie), coord (the admin's session), coord_es (its Spanish twin:
# the catalogue must cost nothing, docs/translations.md "Caching"), member (a
# bench member's session), record, login.  payments_due: docs/payments.md.
TARGETS=(
	"static|static|/bench/static.html"
	"bare|bare|/bench/bare"
	"healthz|public|/healthz"
	"list|coord|/members?status=approved"
	"list_es|coord_es|/members?status=approved"
	"profile|coord|/members/{id}"
	"ads|member|/ads"
	"statement|coord|/exchanges/members/{id}"
	"payments_due|coord|/payments?status=open"
	"record|record|/exchanges/new"
	"login|login|/login"
)

VAR=''
BARE_PID=''
PORT=''
URL=''

say() {
	printf 'bench: %s\n' "$*" >&2
}

die() {
	printf 'bench: error: %s\n' "$*" >&2
	exit 1
}

# ---- the stack --------------------------------------------------------

# Stops what this scale started; safe to call twice.
cleanup() {
	if [[ -n $BARE_PID ]] && kill -0 "$BARE_PID" 2>/dev/null; then
		kill -TERM "$BARE_PID" 2>/dev/null || true
		wait "$BARE_PID" 2>/dev/null || true
	fi
	BARE_PID=''
	if [[ -n $VAR && -d $VAR ]]; then
		if ((KEEP)); then
			say "stack left running: $URL ($STACK stop $VAR)"
		else
			"$STACK" stop "$VAR" >/dev/null 2>&1 || true
			rm -rf -- "$VAR"
		fi
	fi
	VAR=''
}

sql() {
	mariadb --defaults-file="$VAR/mariadb.cnf" -uroot weft "$@"
}

# Runs stdin through the SQL client within GEN_TIMEOUT seconds.
sql_timed() {
	timeout "$GEN_TIMEOUT" mariadb --defaults-file="$VAR/mariadb.cnf" \
	    -uroot weft "$@" || die "SQL step failed or took over ${GEN_TIMEOUT}s"
}

stack_start() {
	local size=()
	VAR=$(mktemp -d /tmp/weft-bench.XXXXXX)
	PORT=$("$STACK" free-port)
	POOL_NOW=$DB_POOL
	if [[ $DB_POOL == auto ]]; then
		POOL_NOW=2G
		((N <= 100000)) || POOL_NOW=6G
	fi
	# Sized for the data, as a server would be: the stack's 64M is for a
	# laptop's demo.  The redo log too: the generator's big inserts would
	# otherwise wait on checkpoints.  Given at start: a pool grown later
	# (SET GLOBAL) keeps the page hash of its first size and makes every
	# page lookup slower, the more so the more pages it holds.
	[[ -n $POOL_NOW ]] && size=(--db-pool "$POOL_NOW" --db-redo 1G)
	say "starting a stack in $VAR on port $PORT (release build $BIN)"
	"$STACK" start "$VAR" --port "$PORT" --bin "$BIN" --demo \
	    --workers "$WORKERS" "${size[@]}" >"$VAR/start.log" 2>&1 ||
	    { cat "$VAR/start.log" >&2; die "the stack did not start"; }
	URL=http://127.0.0.1:$PORT
}

# ---- the dataset ------------------------------------------------------

members_of() {
	case $1 in
	*[kK]) echo $((${1%?} * 1000)) ;;
	*[mM]) echo $((${1%?} * 1000000)) ;;
	*) echo "$1" ;;
	esac
}

# The lines of gen.sql.in between the markers of part $1, with the
# placeholders filled; the preamble (session settings) first.
gen_part() {
	sed -n '1,/^-- ---- members/p' "$BENCH/gen.sql.in" | grep -v '^--'
	sed -n "/^-- @BEGIN $1@/,/^-- @END $1@/p" "$BENCH/gen.sql.in" |
	    sed -e "s/@N@/$N/g" -e "s/@ADS@/$((N / 5))/g" -e "s/@TALENTS@/$((N * 3 / 10))/g" \
		-e "s/@BASE@/$BASE/g" -e "s/@NGRANTS@/$NGRANTS/g" \
		-e "s/@XFROM@/$XFROM/g" -e "s/@XTO@/$XTO/g"
}

generate() {
	local t0 t1 t2 t3 nx
	NGRANTS=$((N / 2000 > 12 ? N / 2000 : 12))
	nx=$((N * XPM))
	XFROM=1 XTO=1
	say "generating $N members, $((N / 5)) ads, $nx exchanges"
	t0=$(date +%s.%N)
	gen_part members | sql_timed
	t1=$(date +%s.%N)
	for ((XFROM = 1; XFROM <= nx; XFROM += CHUNK)); do
		XTO=$((XFROM + CHUNK - 1))
		((XTO <= nx)) || XTO=$nx
		gen_part exchanges | sql_timed
	done
	t2=$(date +%s.%N)
	gen_part balances | sql_timed >/dev/null
	t3=$(date +%s.%N)
	GEN_TIMES=$(awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN {
	    printf "members+grants+ads %.1f s, exchanges %.1f s, balances %.1f s, total %.1f s",
		b - a, c - b, d - c, d - a }')
	say "generated: $GEN_TIMES"
	read -r DS_MEMBERS DS_EXCHANGES DS_ADS DS_GRANTS < <(sql -N -B -e "
	    SELECT (SELECT COUNT(*) FROM members), (SELECT COUNT(*) FROM exchanges),
		(SELECT COUNT(*) FROM ads), (SELECT COUNT(*) FROM grants)")
}

# ---- sessions -----------------------------------------------------------

# Logs in $1 through the real form; prints "cookie<TAB>csrf", where cookie
# is "NAME=TOKEN" of the session and csrf the session's form token.
login() {
	local user=$1 hdr body csrf vis cookie
	hdr=$VAR/bench/h.$$ body=$VAR/bench/b.$$
	curl -sS -D "$hdr" -o "$body" "$URL/login" || return 1
	vis=$(grep -io '^set-cookie: [^=]*csrf=[0-9a-f]*' "$hdr" | sed -n 1p |
	    sed 's/^[^:]*: //')
	csrf=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$body" | sed -n 1p |
	    sed 's/.*value="//; s/"$//')
	[[ -n $vis && -n $csrf ]] || return 1
	curl -sS -D "$hdr" -o /dev/null -H "Cookie: $vis" \
	    --data-urlencode "username=$user" \
	    --data-urlencode "password=$PASSWORD" \
	    --data-urlencode "csrf=$csrf" "$URL/login" || return 1
	cookie=$(grep -i '^set-cookie: ' "$hdr" | sed 's/^[^:]*: //; s/;.*//' |
	    grep -v -e '^[^=]*csrf=' -e '^weft-flash=' | sed -n 1p | tr -d '\r')
	[[ -n $cookie ]] || return 1
	# The session's own token, from any page with a form.
	curl -sS -o "$body" -H "Cookie: $cookie" "$URL/exchanges/new" || return 1
	csrf=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$body" | sed -n 1p |
	    sed 's/.*value="//; s/"$//')
	[[ -n $csrf ]] || return 1
	rm -f "$hdr" "$body"
	printf '%s\t%s\n' "$cookie" "$csrf"
}

sessions() {
	local u line
	PASSWORD=$(<"$VAR/demo-password")
	# The visitor CSRF cookie's name (it depends on cookie_secure).
	CSRF_COOKIE=$(curl -sS -o /dev/null -D - "$URL/login" |
	    sed -n 's/^[Ss]et-[Cc]ookie: \([^=]*csrf\)=.*/\1/p' | sed -n 1p)
	[[ -n $CSRF_COOKIE ]] || die "no CSRF cookie from /login"
	line=$(login admin) || die "could not log in as admin"
	COORD_COOKIE=${line%%$'\t'*}
	# The admin's Spanish twin: the same grant, another language.
	sql -e "INSERT IGNORE INTO members (username, email, name, password_hash,
	    status, lang, about, approved_at) SELECT 'bench_es',
	    'bench_es@example.org', name, password_hash, 'approved', 'es', '',
	    UTC_TIMESTAMP() FROM members WHERE username = 'admin';
	    INSERT INTO grants (member_id, role, scope_kind)
	    SELECT m.id, 'admin', 'site' FROM members m WHERE m.username = 'bench_es'
	    AND NOT EXISTS (SELECT 1 FROM grants g WHERE g.member_id = m.id)" ||
	    die "could not make the Spanish admin"
	line=$(login bench_es) || die "could not log in as bench_es"
	ES_COOKIE=${line%%$'\t'*}
	# Approved bench members: the recording pool, the recipients, the
	# log-in pool.
	sql -N -B -e "SELECT username FROM members WHERE id > $BASE
	    AND status = 'approved' ORDER BY CRC32(id) LIMIT 1000" \
	    >"$VAR/bench/recipients.txt"
	head -n 100 "$VAR/bench/recipients.txt" >"$VAR/bench/users.txt"
	: >"$VAR/bench/sessions.txt"
	for u in $(head -n "$POOL" "$VAR/bench/recipients.txt"); do
		line=$(login "$u") || die "could not log in as $u"
		printf '%s\t%s\n' "$line" "$u" >>"$VAR/bench/sessions.txt"
	done
	MEMBER_COOKIE=$(head -n1 "$VAR/bench/sessions.txt" | cut -f1)
}

# ---- the upper bounds: a static file and a bare responder ---------------

# The member list page as the coordinator gets it: its body is the static
# file, its headers and body the bare responder's answer.
baselines() {
	local b=$VAR/bench conf=$VAR/nginx/nginx.conf i code
	curl -sS -D "$b/page.hdr" -o "$b/page.body" -H "Cookie: $COORD_COOKIE" \
	    "$URL/members?status=approved" || die "could not fetch the member list"
	grep -q '^HTTP/1.1 200' "$b/page.hdr" || die "the member list is not 200"
	PAGE_BYTES=$(stat -c %s "$b/page.body")
	mkdir -p "$b/www/bench"
	cp "$b/page.body" "$b/www/bench/static.html"
	{
		tr -d '\r' <"$b/page.hdr" | sed '1d' | grep -v -i \
		    -e '^server:' -e '^date:' -e '^connection:' -e '^keep-alive:' \
		    -e '^content-length:' -e '^transfer-encoding:' -e '^set-cookie:' |
		    grep -v '^$'
		printf '\n'
		cat "$b/page.body"
	} >"$b/bare.response"
	"$BARE" -s "$VAR/run/bench-bare.sock" -f "$b/bare.response" \
	    -n "$WORKERS" </dev/null >>"$VAR/log/bench-bare.log" 2>&1 &
	BARE_PID=$!
	for ((i = 0; i < 50; i++)); do
		[[ -S $VAR/run/bench-bare.sock ]] && break
		sleep 0.1
	done
	[[ -S $VAR/run/bench-bare.sock ]] || die "bench-bare did not start"
	# The stack's own nginx.conf (generated in VAR by weft-stack) with
	# two more locations, reloaded: the same nginx serves all.
	awk -v b="$b" -v run="$VAR/run" '
	    { print }
	    /server_name _;/ {
		print "\t\tlocation = /bench/static.html {"
		print "\t\t\troot " b "/www;"
		print "\t\t\tdefault_type \"text/html; charset=utf-8\";"
		print "\t\t}"
		print "\t\tlocation = /bench/bare {"
		print "\t\t\tfastcgi_pass unix:" run "/bench-bare.sock;"
		print "\t\t}"
	    }' "$conf" >"$conf.bench"
	mv "$conf.bench" "$conf"
	nginx -p "$VAR/nginx" -c "$conf" -e "$VAR/log/nginx-error.log" \
	    -s reload || die "nginx did not reload"
	for ((i = 0; i < 50; i++)); do
		code=$(curl -s -o /dev/null -w '%{http_code}' "$URL/bench/bare")
		[[ $code == 200 ]] && break
		sleep 0.1
	done
	[[ $code == 200 ]] || die "/bench/bare answers $code"
	cmp -s "$b/page.body" <(curl -s "$URL/bench/bare") ||
	    die "the bare responder's body differs from the page"
	cmp -s "$b/page.body" <(curl -s "$URL/bench/static.html") ||
	    die "the static file differs from the page"
}

# ---- measuring ----------------------------------------------------------

# "prog pid rss_kb" for every worker of the programs and of bench-bare.
rss_snapshot() {
	local prog master
	for prog in "${PROGRAMS[@]}"; do
		master=$(cat "$VAR/run/$prog.pid" 2>/dev/null) || continue
		ps -o pid=,rss= --ppid "$master" | awk -v p="$prog" '{ print p, $1, $2 }'
	done
	[[ -n $BARE_PID ]] && ps -o pid=,rss= --ppid "$BARE_PID" |
	    awk '{ print "bench-bare", $1, $2 }'
	return 0
}

# CPU time (clock ticks, user + system) used so far by the programs'
# and bench-bare's workers, MariaDB and nginx's workers: "app db nginx".
# Differences over a run, divided by its requests, say where a request's
# time goes.
cpu_snapshot() {
	local p masters=() pids=() app=0 db=0 ngx=0 pid
	for p in "${PROGRAMS[@]}"; do
		masters+=("$(cat "$VAR/run/$p.pid" 2>/dev/null || true)")
	done
	[[ -n $BARE_PID ]] && masters+=("$BARE_PID")
	for p in "${masters[@]}"; do
		[[ -n $p ]] && pids+=($(ps -o pid= --ppid "$p" || true))
	done
	for pid in "${pids[@]}"; do
		app=$((app + $(cpu_ticks "$pid")))
	done
	pid=$(cat "$VAR/run/mariadb.pid" 2>/dev/null || true)
	[[ -n $pid ]] && db=$(cpu_ticks "$pid")
	pid=$(cat "$VAR/nginx/nginx.pid" 2>/dev/null || true)
	if [[ -n $pid ]]; then
		for p in $(ps -o pid= --ppid "$pid" || true); do
			ngx=$((ngx + $(cpu_ticks "$p")))
		done
	fi
	echo "$app $db $ngx"
}

cpu_ticks() {
	local stat
	{ read -r stat <"/proc/$1/stat"; } 2>/dev/null || { echo 0; return; }
	stat=${stat##*) }
	awk '{ print $12 + $13 }' <<<"$stat"
}

# Waits (at most 30 s) until the workers have been idle for half a
# second: after wrk stops, requests it gave up on may still wait in the
# programs' socket backlogs, and their work must not be counted in the
# next measurement or RSS snapshot.
settle() {
	local i prev now
	prev=$(cpu_snapshot)
	for ((i = 0; i < 60; i++)); do
		sleep 0.5
		now=$(cpu_snapshot)
		[[ ${now%% *} == "${prev%% *}" ]] && return 0
		prev=$now
	done
	say "the workers did not go idle within 30 s"
}

# The environment and script of target kind $1 for path $2.
target_env() {
	local kind=$1 path=$2
	ENVS=(BENCH_LUA="$BENCH/wrk" BENCH_PATH="$path"
	    BENCH_ID_LO=$((BASE + 1)) BENCH_ID_HI=$((BASE + N)))
	SCRIPT=$BENCH/wrk/get.lua
	case $kind in
	coord) ENVS+=(BENCH_COOKIE="$COORD_COOKIE") ;;
	coord_es) ENVS+=(BENCH_COOKIE="$ES_COOKIE") ;;
	member) ENVS+=(BENCH_COOKIE="$MEMBER_COOKIE") ;;
	record)
		SCRIPT=$BENCH/wrk/record.lua
		ENVS+=(BENCH_SESSIONS="$VAR/bench/sessions.txt"
		    BENCH_RECIPIENTS="$VAR/bench/recipients.txt"
		    BENCH_DATE="$(date -u +%F)"
		    BENCH_NONCE="$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')")
		;;
	login)
		SCRIPT=$BENCH/wrk/login.lua
		ENVS+=(BENCH_USERS="$VAR/bench/users.txt"
		    BENCH_PASSWORD="$PASSWORD" BENCH_CSRF_COOKIE="$CSRF_COOKIE")
		;;
	esac
}

wrk_run() {
	local conns=$1 secs=$2 out=$3
	env "${ENVS[@]}" timeout $((secs + 30)) wrk -t "$THREADS" -c "$conns" \
	    -d "${secs}s" --timeout 5s --latency -s "$SCRIPT" "$URL" >"$out" 2>&1 ||
	    die "wrk failed (see $out)"
}

# The statuses nginx logged after line $1 of its access log: "200:n ...".
statuses_since() {
	tail -n +"$(($1 + 1))" "$VAR/log/nginx-access.log" |
	    awk '{ n[$9]++ } END { for (s in n) printf "%s:%d ", s, n[s] }' |
	    tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ *$//'
}

# Measures target name at conns connections; appends a row to ROWS:
# "scale|name|conns|rps|p50_ms|p99_ms|statuses|bad".
measure() {
	local name=$1 kind=$2 path=$3 conns=$4 raw line lines0 st bad
	local rps p50 p99 x0 n303 n499 cpu0 cpu1 cpu nreq
	target_env "$kind" "$path"
	raw=$OUT/raw/$SCALE_NAME-$name-c$conns.txt
	if ((WARMUP > 0)) && [[ $kind != login && $kind != record ]]; then
		wrk_run "$conns" "$WARMUP" "$raw.warmup"
	fi
	settle
	if [[ $kind == record ]]; then
		x0=$(sql -N -B -e "SELECT COALESCE(MAX(id), 0) FROM exchanges")
	fi
	lines0=$(wc -l <"$VAR/log/nginx-access.log")
	cpu0=$(cpu_snapshot)
	wrk_run "$conns" "$DURATION" "$raw"
	settle
	cpu1=$(cpu_snapshot)
	st=$(statuses_since "$lines0")
	line=$(grep '^BENCH ' "$raw") || die "no summary in $raw"
	nreq=$(sed 's/.* requests=\([0-9]*\).*/\1/' <<<"$line")
	# Microseconds of CPU per request (clock ticks are 1/CLK_TCK s).
	cpu=$(awk -v a="$cpu0" -v b="$cpu1" -v n="$nreq" -v hz="$(getconf CLK_TCK)" 'BEGIN {
	    split(a, x, " "); split(b, y, " ")
	    if (n == 0) { print "-|-|-"; exit }
	    for (i = 1; i <= 3; i++) printf "%s%.0f", (i > 1 ? "|" : ""), (y[i] - x[i]) * 1e6 / hz / n
	    print "" }')
	rps=$(sed 's/.* rps=\([0-9.]*\).*/\1/' <<<"$line")
	p50=$(sed 's/.* p50_us=\([0-9]*\).*/\1/' <<<"$line" | awk '{ printf "%.2f", $1 / 1000 }')
	p99=$(sed 's/.* p99_us=\([0-9]*\).*/\1/' <<<"$line" | awk '{ printf "%.2f", $1 / 1000 }')
	# What a right answer is: 303 for the POSTs, 200 for the rest.
	bad=$(tr ' ' '\n' <<<"$st" | awk -F: -v k="$kind" '$1 != "" {
	    ok = (k == "record" || k == "login") ? "303" : "200"
	    if ($1 != ok && $1 != "499") b += $2 } END { print b + 0 }')
	ROWS+=("$SCALE_NAME|$name|$conns|$rps|$p50|$p99|$st|$bad|$cpu")
	printf '  %-10s c=%-3s %9s req/s  p50 %7s ms  p99 %7s ms  cpu us/req app|db|nginx %s  [%s]\n' \
	    "$name" "$conns" "$rps" "$p50" "$p99" "$cpu" "$st" >&2
	if [[ $kind == record ]]; then
		n303=$(tr ' ' '\n' <<<"$st" | awk -F: '$1 == "303" { print $2 }')
		n499=$(tr ' ' '\n' <<<"$st" | awk -F: '$1 == "499" { print $2 }')
		ledger_check "$conns" "$x0" "${n303:-0}" "${n499:-0}"
	fi
}

# The ledger after a recording run: the sum of all balances is 0, the
# balance of every member the run touched is what all of their exchanges
# say (two index lookups each), and the exchanges added are those
# answered 303, plus at most the requests cut off when wrk stopped (nginx
# logs those as 499; the program may have committed them).  The rest of
# the ledger was made exact by the generator and is not re-read: at 1M
# members that would be 10M rows per check.
ledger_check() {
	local conns=$1 x0=$2 n303=$3 n499=$4 sum wrong added verdict
	read -r sum added wrong < <(sql -N -B -e "
	    SELECT (SELECT COALESCE(SUM(hundredths), 0) FROM balances),
	    (SELECT COUNT(*) FROM exchanges WHERE id > $x0),
	    (SELECT COUNT(*) FROM (
		SELECT provider_id AS id FROM exchanges WHERE id > $x0
		UNION SELECT recipient_id FROM exchanges WHERE id > $x0) t
	    LEFT JOIN balances b ON b.member_id = t.id
	    WHERE COALESCE(b.hundredths, 0) <>
		(SELECT COALESCE(SUM(hundredths), 0) FROM exchanges
		    WHERE provider_id = t.id) -
		(SELECT COALESCE(SUM(hundredths), 0) FROM exchanges
		    WHERE recipient_id = t.id))")
	if ((sum == 0 && wrong == 0 && added >= n303 && added <= n303 + n499)); then
		verdict=exact
	else
		verdict=WRONG
	fi
	LEDGER+=("$SCALE_NAME|$conns|$sum|$wrong|$added|$n303|$n499|$verdict")
	say "ledger after recording at c=$conns: SUM(balances) $sum, balances not matching the exchanges $wrong, exchanges added $added, 303 answers $n303, cut off $n499: $verdict"
}

# Restarts the programs' workers (their masters fork new ones), so that
# they reconnect and pick up MariaDB's global settings.
workers_restart() {
	local p pid old=()
	for p in "${PROGRAMS[@]}"; do
		old+=($(ps -o pid= --ppid "$(cat "$VAR/run/$p.pid")" || true))
	done
	for pid in "${old[@]}"; do
		kill -TERM "$pid" 2>/dev/null || true
	done
	# A master waits a second before forking again when workers die
	# within the same second.
	sleep 2.5
}

# The slow query log of one request path, for the digest: every statement
# logged (long_query_time = 0) while wrk sends requests one at a time for
# two seconds; prints, per statement (its first words), how many times it
# ran per request and its mean time.  Run after the measurements, since
# logging every statement slows everything down.
digest() {
	local name kind path t lines0 n log=$VAR/log/slow-digest.log
	sql -e "SET GLOBAL slow_query_log_file = '$log',
	    long_query_time = 0, slow_query_log = 1" || return 0
	workers_restart
	for t in "${TARGETS[@]}"; do
		IFS='|' read -r name kind path <<<"$t"
		[[ $kind == static || $kind == bare || $kind == public ]] && continue
		wanted "$name" || continue
		: >"$log"
		sql -e "FLUSH SLOW LOGS" >/dev/null 2>&1 || true
		target_env "$kind" "$path"
		lines0=$(wc -l <"$VAR/log/nginx-access.log")
		env "${ENVS[@]}" timeout 30 wrk -t1 -c1 -d2s -s "$SCRIPT" "$URL" \
		    >/dev/null 2>&1 || true
		sleep 0.2
		n=$(($(wc -l <"$VAR/log/nginx-access.log") - lines0))
		((n > 0)) || continue
		printf '  %s (%d requests, one at a time):\n' "$name" "$n"
		LC_ALL=C awk -v n="$n" '
		    /^# Query_time:/ { qt = $3; want = 1; next }
		    /^FLUSH SLOW LOGS/ { want = 0; next }
		    /^#/ || /^SET timestamp/ || /^use / { next }
		    want { k = $0; gsub(/\047[^\047]*\047/, "?", k); gsub(/[0-9]+/, "N", k)
			k = substr(k, 1, 56); s[k] += qt; c[k]++; want = 0 }
		    END { for (k in s) printf "    %5.2f x %7.1f us  %s\n",
			c[k] / n, 1e6 * s[k] / c[k], k }' "$log" |
		    sort -k3 -rn
	done
	sql -e "SET GLOBAL slow_query_log = 0, long_query_time = 10" || true
	workers_restart
}

wanted() {
	[[ -z $ONLY ]] && return 0
	[[ " $ONLY " == *" $1 "* ]]
}

. "$BENCH/mailer.sh"; . "$BENCH/broadcast.sh"; . "$BENCH/reports.sh"; . "$BENCH/outbox.sh"	# their targets
# ---- one scale ------------------------------------------------------------

bench_scale() {
	local t name kind path conns snap=0
	SCALE_NAME=$1
	N=$(members_of "$1")
	[[ $N =~ ^[0-9]+$ ]] && ((N >= 100)) || die "bad scale: $1"
	stack_start
	mkdir -p "$VAR/bench"
	generate
	sessions
	baselines
	say "member list page: $PAGE_BYTES bytes; $DURATION s per run"
	rss_snapshot | sed "s/^/$SCALE_NAME start /" >>"$RSS_FILE"
	for conns in $CONNS; do
		for t in "${TARGETS[@]}"; do
			IFS='|' read -r name kind path <<<"$t"
			wanted "$name" || continue
			measure "$name" "$kind" "$path" "$conns"
		done
		snap=$((snap + 1))
		rss_snapshot | sed "s/^/$SCALE_NAME after-c$conns /" >>"$RSS_FILE"
	done
	wanted broadcast && broadcast_queue; wanted mailer && mailer_bench; wanted outbox && outbox_bench
	if ((DIGEST)); then
		say "slow query log digest (statements per request, mean time)"
		digest >"$OUT/raw/$SCALE_NAME-digest.txt"
		DIGESTS+=("$SCALE_NAME")
	fi
	SCALE_INFO+=("$SCALE_NAME|$DS_MEMBERS|$DS_EXCHANGES|$DS_ADS|$DS_GRANTS|$PAGE_BYTES|$GEN_TIMES|${POOL_NOW:-64M}")
	cleanup
}

# ---- the report -----------------------------------------------------------

# Field $2 of the row of scale $1, target $3, conns $4.
row_field() {
	local r s n c rps p50 p99 st bad ca cd cn
	for r in "${ROWS[@]}"; do
		IFS='|' read -r s n c rps p50 p99 st bad ca cd cn <<<"$r"
		if [[ $s == "$1" && $n == "$3" && $c == "$4" ]]; then
			# A figure of wrong answers (a 500 is quick) is no figure.
			case $2 in
			rps | p50 | p99) ((bad > 0)) && echo "wrong:$bad" || echo "${!2}" ;;
			bad) echo "$bad" ;;
			esac
			return 0
		fi
	done
	return 1
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "-" }'
}

machine() {
	local model mem
	model=$(lscpu | sed -n 's/^Model name: *//p' | sed -n 1p)
	mem=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
	printf '%s CPUs (%s), %s RAM, %s, %s' "$(nproc)" "${model:-unknown}" \
	    "$mem" "$(. /etc/os-release && echo "$PRETTY_NAME")" \
	    "$(uname -r)"
}

report() {
	local r s n c rps p50 p99 st bad sr br info sn m x a g bytes gt pool
	local conns name last first f
	{
		printf 'weft bench, %s, commit %s%s\n' "$(date -u '+%F %H:%M UTC')" \
		    "$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')" \
		    "$(git -C "$REPO" diff --quiet 2>/dev/null || echo ' (with local changes)')"
		printf 'machine: %s\n' "$(machine)"
		printf 'load average before: %s; after: %s\n' "$LOAD0" \
		    "$(cut -d' ' -f1-3 /proc/loadavg)"
		printf 'wrk %s threads, %s s per run (%s s warm-up), %s workers per program and for bare\n' \
		    "$THREADS" "$DURATION" "$WARMUP" "$WORKERS"
		for info in "${SCALE_INFO[@]}"; do
			IFS='|' read -r sn m x a g bytes gt pool <<<"$info"
			printf 'scale %s: %s members, %s exchanges, %s ads, %s grants; member list page %s bytes; InnoDB buffer pool %s; generated in %s\n' \
			    "$sn" "$m" "$x" "$a" "$g" "$bytes" "$pool" "$gt"
		done
		printf '\n%-6s %-10s %5s %10s %8s %8s %8s %6s %17s  %s\n' scale target \
		    conns 'req/s' 'p50 ms' 'p99 ms' '%static' '%bare' \
		    'CPU us/req a/d/n' 'statuses (nginx log)'
		for r in "${ROWS[@]}"; do
			IFS='|' read -r s n c rps p50 p99 st bad ca cd cn <<<"$r"
			sr=$(ratio "$rps" "$(row_field "$s" rps static "$c" || echo 0)")
			br=$(ratio "$rps" "$(row_field "$s" rps bare "$c" || echo 0)")
			printf '%-6s %-10s %5s %10s %8s %8s %8s %6s %17s  %s\n' "$s" "$n" \
			    "$c" "$rps" "$p50" "$p99" "$sr" "$br" "$ca/$cd/$cn" "$st"
		done
		printf '(CPU us/req: CPU time per request of the app workers / mariadbd / nginx workers; wrk uses the rest)\n'
		printf '\nledger after each recording run:\n'
		for r in "${LEDGER[@]}"; do
			IFS='|' read -r s c sum wrong added n303 n499 f <<<"$r"
			printf '  %s c=%s: SUM(balances) = %s, balances off = %s, exchanges added = %s, 303 answers = %s, cut off (499) = %s: %s\n' \
			    "$s" "$c" "$sum" "$wrong" "$added" "$n303" "$n499" "$f"
		done
		broadcast_report; printf '\nworker RSS (kB): start, then after each pass\n'
		awk '{ k = $1 " " $3 " " $4; if (!(k in seen)) { seen[k] = 1; order[++n] = k }
		    v[k] = v[k] " " $2 "=" $5 }
		    END { for (i = 1; i <= n; i++) print "  " order[i] ":" v[order[i]] }' "$RSS_FILE"
		targets_report
		for s in "${DIGESTS[@]}"; do
			printf '\nslow query log digest at %s: per request, statements x mean time\n' "$s"
			cat "$OUT/raw/$s-digest.txt"
		done
		if ((${#SCALE_LIST[@]} > 1)); then
			growth_report
		fi
	} >"$OUT/results.txt"
	{
		echo "scale,target,conns,requests_per_s,p50_ms,p99_ms,ratio_static,ratio_bare,cpu_us_app,cpu_us_db,cpu_us_nginx,bad_responses,statuses"
		for r in "${ROWS[@]}"; do
			IFS='|' read -r s n c rps p50 p99 st bad ca cd cn <<<"$r"
			sr=$(awk -v a="$rps" -v b="$(row_field "$s" rps static "$c" || echo 0)" \
			    'BEGIN { if (b > 0) printf "%.3f", a / b }')
			br=$(awk -v a="$rps" -v b="$(row_field "$s" rps bare "$c" || echo 0)" \
			    'BEGIN { if (b > 0) printf "%.3f", a / b }')
			echo "$s,$n,$c,$rps,$p50,$p99,$sr,$br,$ca,$cd,$cn,$bad,\"$st\""
		done
	} >"$OUT/results.csv"
	cat "$OUT/results.txt"
	say "written: $OUT/results.txt, $OUT/results.csv (raw wrk output in $OUT/raw/)"
}

# The issue's targets, read off this run's rows.
verdict() {
	awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN {
	    if (a == "" || b == "") { print "n/a"; exit }
	    if (a ~ /^wrong:/) { print "MISSED (" substr(a, 7) " wrong answers)"; exit }
	    ok = (op == ">=") ? (a + 0 >= b + 0) : (a + 0 < b + 0)
	    print ok ? "met" : "MISSED" }'
}

targets_report() {
	local s c lr br hr rr er p99 v worst f
	printf '\ntargets (issue 5):\n'
	for s in "${SCALE_LIST[@]}"; do
		c=32
		lr=$(row_field "$s" rps list 32 || true)
		br=$(row_field "$s" rps bare 32 || true)
		hr=$(row_field "$s" rps healthz 32 || true)
		printf '  [%s] member list >= 50%% of bare at 32: %s (%s vs %s req/s: %s)\n' \
		    "$s" "$(verdict "$lr" '>=' "$(awk -v b="$br" 'BEGIN { print b / 2 }')")" \
		    "$lr" "$br" "$(ratio "$lr" "$br")"
		p99=$(row_field "$s" p99 list 32 || true)
		printf '  [%s] member list p99 < 20 ms at 32: %s (%s ms)\n' "$s" \
		    "$(verdict "$p99" '<' 20)" "$p99"
		p99=$(row_field "$s" p99 list 8 || true)
		printf '  [%s] member list p99 < 5 ms at 8: %s (%s ms)\n' "$s" \
		    "$(verdict "$p99" '<' 5)" "$p99"
		er=$(row_field "$s" rps list_es 32 || true)
		printf '  [%s] member list in Spanish >= 95%% of English at 32: %s (%s vs %s req/s: %s)\n' \
		    "$s" "$(verdict "$er" '>=' "$(awk -v b="$lr" 'BEGIN { print b * 0.95 }')")" \
		    "$er" "$lr" "$(ratio "$er" "$lr")"
		for c in $CONNS; do
			hr=$(row_field "$s" rps healthz "$c" || true)
			br=$(row_field "$s" rps bare "$c" || true)
			printf '  [%s] /healthz >= 80%% of bare at %s: %s (%s)\n' "$s" "$c" \
			    "$(verdict "$hr" '>=' "$(awk -v b="$br" 'BEGIN { print b * 0.8 }')")" \
			    "$(ratio "$hr" "$br")"
			rr=$(row_field "$s" rps record "$c" || true)
			v=$(printf '%s\n' "${LEDGER[@]}" | awk -F'|' -v s="$s" -v c="$c" \
			    '$1 == s && $2 == c { print $8 }')
			printf '  [%s] recording >= 2000/s at %s, ledger exact: %s (%s req/s, ledger %s)\n' \
			    "$s" "$c" "$(verdict "$rr" '>=' 2000)" "$rr" "${v:-n/a}"
		done
		worst=$(awk -v s="$s" '$1 == s && $3 != "bench-bare" { if ($5 > m) m = $5 } END { print m + 0 }' "$RSS_FILE")
		printf '  [%s] worker RSS <= 16 MB after the run: %s (largest %s kB)\n' "$s" \
		    "$(verdict "$worst" '<' 16385)" "$worst"
		f=$(awk -v s="$s" -v c1="after-c${CONNS%% *}" -v c2="after-c${CONNS##* }" '
		    $1 == s && $3 != "bench-bare" && $2 == c1 { a[$4] = $5 }
		    $1 == s && $3 != "bench-bare" && $2 == c2 && ($4 in a) {
			d = $5 - a[$4]; if (d > m) m = d }
		    END { print m + 0 }' "$RSS_FILE")
		printf '  [%s] no RSS growth between the two passes: %s (largest growth %s kB)\n' \
		    "$s" "$(verdict "$f" '<' 257)" "$f"
		mailer_report "$s"; reports_verdicts "$s"; outbox_report "$s"
	done
}

growth_report() {
	local t name kind path c s ref p last
	ref=${SCALE_LIST[0]}
	for s in "${SCALE_LIST[@]}"; do
		[[ $s == 10k ]] && ref=10k
	done
	last=${SCALE_LIST[${#SCALE_LIST[@]} - 1]}
	printf '\np50 (ms) by scale; growth = p50 at %s / p50 at %s (goal <= 1.5):\n' "$last" "$ref"
	printf '  %-10s %5s' target conns
	for s in "${SCALE_LIST[@]}"; do printf ' %8s' "$s"; done
	printf ' %8s\n' growth
	for c in $CONNS; do
		for t in "${TARGETS[@]}"; do
			IFS='|' read -r name kind path <<<"$t"
			row_field "$ref" p50 "$name" "$c" >/dev/null || continue
			printf '  %-10s %5s' "$name" "$c"
			for s in "${SCALE_LIST[@]}"; do
				printf ' %8s' "$(row_field "$s" p50 "$name" "$c" || echo -)"
			done
			awk -v a="$(row_field "$last" p50 "$name" "$c" || echo 0)" \
			    -v b="$(row_field "$ref" p50 "$name" "$c" || echo 0)" \
			    'BEGIN { if (b > 0) printf " %7.2fx %s\n", a / b, (a / b <= 1.5 ? "" : "MISSED"); else print "" }'
		done
	done
}

# ---- main -------------------------------------------------------------------

main() {
	local s
	command -v wrk >/dev/null || die "wrk is not installed (make deps)"
	command -v curl >/dev/null || die "curl is not installed"
	[[ -x $BIN/account ]] || die "no release build in $BIN (make build)"
	[[ -x $BARE ]] || die "no $BARE (make bench builds it)"
	mkdir -p "$OUT/raw"
	RSS_FILE=$OUT/rss.txt
	: >"$RSS_FILE"
	ROWS=() LEDGER=() SCALE_INFO=() SCALE_LIST=() DIGESTS=() MAIL_ROWS=() BCAST=() OUTBOX_ROWS=()
	LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
	trap cleanup EXIT
	trap 'exit 130' INT TERM
	for s in $SCALES; do
		SCALE_LIST+=("$s")
		bench_scale "$s"
	done
	report
}

main "$@"
