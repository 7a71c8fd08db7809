# tests/bench/mailer.sh: sourced by tests/bench/run.sh (its sql, say,
# VAR and SCALE_NAME).  BENCH_MAIL messages (0: the target is skipped).
#
# MAIL_N outbox rows queued at once (as a broadcast's one statement would),
# mail_per_minute out of the way, and the time from the first claim to
# the last row sent by the stack's weft-mailer into its SMTP sink (mail/).
# Appends "scale|msgs|seconds|msgs_per_s" to MAIL_ROWS.

MAIL_N=${BENCH_MAIL:-20000}

mailer_bench() {
	local t0 t1 left i secs
	((MAIL_N > 0)) || return 0
	say "mailer: $MAIL_N messages to the stack's SMTP sink"
	sql -e "INSERT INTO settings (name, value) VALUES ('mail_per_minute', '1000000')
	    ON DUPLICATE KEY UPDATE value = '1000000';
	    UPDATE cache_generations SET generation = generation + 1 WHERE name = 'settings';"
	t0=$(date +%s.%N)
	sql -e "INSERT INTO outbox (kind, to_addr, to_name, subject, body, message_id)
	    SELECT 'bench', CONCAT('bench', seq, '@example.org'), CONCAT('Bench ', seq),
	    'Bench message', REPEAT('A line of a bench message.\n', 40),
	    CONCAT('<bench', seq, '@bench.invalid>') FROM seq_1_to_$MAIL_N"
	for ((i = 0; i < 6000; i++)); do
		left=$(sql -N -B -e "SELECT COUNT(*) FROM outbox WHERE kind = 'bench'
		    AND state IN ('queued', 'sending', 'deferred')")
		((left == 0)) && break
		sleep 0.1
	done
	t1=$(date +%s.%N)
	((left == 0)) || say "mailer: $left messages still unsent after 10 minutes"
	secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
	MAIL_ROWS+=("$SCALE_NAME|$((MAIL_N - left))|$secs|$(awk -v n="$((MAIL_N - left))" \
	    -v s="$secs" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')")
	sql -e "DELETE FROM outbox WHERE kind = 'bench'"
	find "$VAR/mail" -name '*.eml' -delete 2>/dev/null || true
}


# The target's line of the report for scale $1 (verdict: run.sh's).
mailer_report() {
	local v f c rr
	v=$(printf '%s\n' "${MAIL_ROWS[@]}" | awk -F'|' -v s="$1" '$1 == s')
	[[ -n $v ]] || return 0
	IFS='|' read -r _ f c rr <<<"$v"
	printf '  [%s] mailer >= 200 messages/s to the local SMTP sink: %s (%s messages in %s s: %s/s)\n' \
	    "$1" "$(verdict "$rr" '>=' 200)" "$f" "$c" "$rr"
}
