# tests/bench/outbox.sh: sourced by tests/bench/run.sh (its sql, say,
# measure, row_field, verdict, TARGETS, CONNS, N, BASE and SCALE_NAME).
# Target "outbox" (issue 13): the member pages measured again once the
# outbox holds BENCH_OUTBOX rows (default 1M), as a timebank's does after
# years of broadcasts, and compared with the same pages measured before on
# the empty outbox.  No member page reads the outbox (docs/mail.md), so the
# figures should not move; this is the check that they do not.
#
# The rows are what years of mail leave: sent broadcasts and notices, one
# member each, spread over every bench member, a few deferred and failed;
# the mailer's claim (state, due_at) sees none of them due.  They are
# deleted after the measurements.

OUTBOX_N=${BENCH_OUTBOX:-1000000}
# The pages measured again, by their names in TARGETS.
OUTBOX_PAGES="list profile statement record"

outbox_bench() {
	local conns t name kind path t0 t1 rows
	((OUTBOX_N > 0)) || return 0
	conns=${CONNS##* }
	say "outbox: filling it with $OUTBOX_N rows"
	t0=$(date +%s.%N)
	sql -e "INSERT INTO outbox (kind, member_id, to_addr, to_name, subject, body,
	    message_id, state, attempts, due_at, created_at, sent_at)
	    SELECT IF(seq % 10 = 0, 'approval', 'broadcast'), $BASE + 1 + seq % $N,
	    CONCAT('old', seq, '@example.org'), CONCAT('Member ', seq),
	    'An old message', REPEAT('A line of an old message.\n', 20),
	    CONCAT('<old', seq, '@bench.invalid>'),
	    CASE WHEN seq % 1000 = 0 THEN 'failed' WHEN seq % 997 = 0 THEN 'skipped'
		ELSE 'sent' END, 1,
	    UTC_TIMESTAMP() - INTERVAL (seq % 1500) DAY,
	    UTC_TIMESTAMP() - INTERVAL (seq % 1500) DAY,
	    UTC_TIMESTAMP() - INTERVAL (seq % 1500) DAY
	    FROM seq_1_to_$OUTBOX_N" || die "could not fill the outbox"
	t1=$(date +%s.%N)
	rows=$(sql -N -B -e "SELECT COUNT(*) FROM outbox")
	say "outbox: $rows rows ($(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s)"
	outbox_settle
	for t in "${TARGETS[@]}"; do
		IFS='|' read -r name kind path <<<"$t"
		[[ " $OUTBOX_PAGES " == *" $name "* ]] || continue
		row_field "$SCALE_NAME" p50 "$name" "$conns" >/dev/null || continue
		measure "$name+ob" "$kind" "$path" "$conns"
	done
	OUTBOX_ROWS+=("$SCALE_NAME|$rows|$conns")
	sql -e "DELETE FROM outbox WHERE message_id LIKE '<old%@bench.invalid>'" || true
}

# The pages of years of mail were written long ago: the fill's half a
# gigabyte of dirty pages flushed before measuring, as a timebank's are,
# instead of the checkpoint writing them under the measurements (seen: the
# statement page 24% slower at 10k right after the fill, with the db's
# CPU per request up by a fifth).  At most three minutes.
outbox_settle() {
	local pct io max dirty i
	pct=$(sql -N -B -e "SELECT @@GLOBAL.innodb_max_dirty_pages_pct")
	io=$(sql -N -B -e "SELECT @@GLOBAL.innodb_io_capacity")
	max=$(sql -N -B -e "SELECT @@GLOBAL.innodb_io_capacity_max")
	# The default io capacity (200 pages a second) left 26,514 dirty pages
	# after three minutes: the disk can take far more.
	sql -e "SET GLOBAL innodb_io_capacity_max = 40000,
	    innodb_io_capacity = 20000, innodb_max_dirty_pages_pct = 0" ||
	    return 0
	for ((i = 0; i < 180; i++)); do
		dirty=$(sql -N -B -e "SELECT VARIABLE_VALUE FROM
		    information_schema.GLOBAL_STATUS
		    WHERE VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_DIRTY'")
		((dirty < 1000)) && break
		sleep 1
	done
	sql -e "SET GLOBAL innodb_max_dirty_pages_pct = $pct,
	    innodb_io_capacity = $io, innodb_io_capacity_max = $max" || true
	say "outbox: settled in ${i} s ($dirty dirty pages left)"
}

# The verdict lines of scale $1: each page's p50 with the full outbox
# within 20% (or 1 ms) of its p50 on the empty one.
outbox_report() {
	local s=$1 v rows conns name a b
	v=$(printf '%s\n' "${OUTBOX_ROWS[@]}" | awk -F'|' -v s="$s" '$1 == s')
	[[ -n $v ]] || return 0
	IFS='|' read -r _ rows conns <<<"$v"
	for name in $OUTBOX_PAGES; do
		a=$(row_field "$s" p50 "$name" "$conns" || true)
		b=$(row_field "$s" p50 "$name+ob" "$conns" || true)
		[[ -n $a && -n $b ]] || continue
		printf '  [%s] %s p50 unchanged with a %s-row outbox at %s: %s (%s ms empty, %s ms full)\n' \
		    "$s" "$name" "$rows" "$conns" \
		    "$(verdict "$b" '<' "$(awk -v a="$a" 'BEGIN { m = a * 1.2; if (m < a + 1) m = a + 1; print m }')")" \
		    "$a" "$b"
	done
}
