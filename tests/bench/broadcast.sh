# tests/bench/broadcast.sh: sourced by tests/bench/run.sh (it uses run.sh's
# sql, settle, say, die, URL, COORD_COOKIE, SCALE_NAME and
# appends to BCAST).  Target "broadcast": one POST /broadcasts/:id/send as
# the admin to a broadcast to every approved member, timed, and the outbox
# rows it wrote counted (docs/broadcasts.md: one INSERT ... SELECT), then
# removed.

# Queues a broadcast to every approved member (the whole timebank) with
# one POST, as the admin, and times it: the send is one INSERT ... SELECT
# (docs/broadcasts.md).  Its outbox rows are counted, then deleted, so
# that nothing after it reads a larger outbox.
broadcast_queue() {
	local id t0 t1 st rows want secs csrf
	# The admin's form token, from a page with a form.
	csrf=$(curl -sS -H "Cookie: $COORD_COOKIE" "$URL/broadcasts/new" |
	    grep -o 'name="csrf" value="[0-9a-f]*"' | sed -n 1p |
	    sed 's/.*value="//; s/"$//')
	[[ -n $csrf ]] || die "no form token for the broadcast"
	id=$(sql -N -B -e "INSERT INTO broadcasts (kind, lang, f_status, created_by)
	    SELECT 'members', 'en', 'approved', id FROM members WHERE username = 'admin';
	    SET @b = LAST_INSERT_ID();
	    INSERT INTO broadcast_texts (broadcast_id, lang, subject, body, body_text)
	    VALUES (@b, 'en', 'Bench {first_name}', 'Hello {name}', 'Hello {name}');
	    SELECT @b") || die "could not make the bench broadcast"
	want=$(sql -N -B -e "SELECT COUNT(*) FROM members WHERE status = 'approved' AND optout = 0")
	settle
	t0=$(date +%s.%N)
	st=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 600 \
	    -H "Cookie: $COORD_COOKIE" --data-urlencode "csrf=$csrf" \
	    --data-urlencode "when=now" "$URL/broadcasts/$id/send") ||
	    die "the broadcast's POST failed"
	t1=$(date +%s.%N)
	rows=$(sql -N -B -e "SELECT COUNT(*) FROM outbox WHERE broadcast_id = $id")
	secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
	BCAST+=("$SCALE_NAME|$st|$rows|$want|$secs")
	say "broadcast to $want members: answered $st, $rows outbox rows in $secs s"
	sql -e "DELETE FROM outbox WHERE broadcast_id = $id;
	    DELETE FROM broadcasts WHERE id = $id" || true
}


# The report's lines (results.txt).
broadcast_report() {
	local r s st n c f
	printf '\nqueuing a broadcast to every approved member (one POST):\n'
	for r in "${BCAST[@]}"; do
		IFS='|' read -r s st n c f <<<"$r"
		printf '  %s: answered %s, %s outbox rows (audience %s) in %s s\n' \
		    "$s" "$st" "$n" "$c" "$f"
	done
}
