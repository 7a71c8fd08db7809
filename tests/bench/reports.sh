# tests/bench/reports.sh: sourced by tests/bench/run.sh (its TARGETS,
# row_field and verdict).  The coordinators' reports and the talents
# directory (issue 17, docs/reports.md) as targets, each measured like the
# member list, and their verdict: p99 under the member list's at 32
# connections (the admin's session: site-wide figures).

TARGETS+=(
	"talents|member|/ads/talents?q=italian"
	"rep_hours|coord|/exchanges/reports/hours-month"
	"rep_ads|coord|/exchanges/reports/ads-category"
	"rep_active|coord|/exchanges/reports/most-active"
	"rep_noad|coord|/exchanges/reports/no-ad"
	"rep_idle|coord|/exchanges/reports/inactive?months=6"
)

# The verdict lines of scale $1.
reports_verdicts() {
	local s=$1 lp p99 t
	lp=$(row_field "$s" p99 list 32 || true)
	for t in rep_hours rep_ads rep_active rep_noad rep_idle talents; do
		p99=$(row_field "$s" p99 "$t" 32 || true)
		printf '  [%s] %s p99 < member list p99 at 32: %s (%s vs %s ms)\n' \
		    "$s" "$t" "$(verdict "$p99" '<' "$lp")" "$p99" "$lp"
	done
}
