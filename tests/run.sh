#!/usr/bin/env bash
# weft's whole test suite, as `make test` runs it:
#
#	tests/run.sh BUILDDIR [--unit-only]
#
# BUILDDIR holds the sanitizer build (programs, weft-passwd, weft-docs,
# tests/test_*).  Layers, in order: the docs (generated parts up to date,
# man pages render, no citation of files outside the repo); pure unit
# tests; then, on a private stack started on a free port in a temporary
# directory, the unit tests that need the database, the end-to-end tests over HTTP (node --test), the browser tests
# (playwright-core + Debian's chromium), a short fuzz run, and a scan of the
# stack's logs for sanitizer reports and crashed workers.  One summary line
# "N passed, N failed" at the end; the exit status is non-zero on any failure.
set -u -o pipefail

usage() {
	echo "usage: tests/run.sh BUILDDIR [--unit-only]" >&2
	exit 2
}

[ $# -ge 1 ] || usage
BUILDDIR=$1
UNIT_ONLY=0
shift
for a in "$@"; do
	case $a in
	--unit-only) UNIT_ONLY=1 ;;
	*) usage ;;
	esac
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
case $BUILDDIR in
/*) ;;
*) BUILDDIR=$ROOT/$BUILDDIR ;;
esac
if [ ! -d "$BUILDDIR" ]; then
	echo "run.sh: no build directory $BUILDDIR (run 'make build-test')" >&2
	exit 2
fi

# Time limits, in seconds, so that a hung layer cannot hang CI.
T_UNIT=${WEFT_T_UNIT:-120}
T_STACK=${WEFT_T_STACK:-180}
# The e2e and browser limits are generous: CI machines run the layers at
# well under half this machine's speed, and a killed layer loses its counts.
T_E2E=${WEFT_T_E2E:-1800}
T_BROWSER=${WEFT_T_BROWSER:-600}
FUZZ_SECONDS=${WEFT_TEST_FUZZ_SECONDS:-20}

# The sanitizers' options are left to weft-stack, which sends the
# programs' reports to VARDIR/log (scanned at the end); unit tests and the
# fuzz driver report on their own output.

WORK=$(mktemp -d /tmp/weft-test-out.XXXXXX) || exit 2
VARDIR=
STACK_UP=0
LAYERS=()
declare -A PASS FAIL NOTE
FAILED_ANY=0

layer() {	# layer NAME: register a row of the summary table
	LAYERS+=("$1")
	PASS[$1]=0
	FAIL[$1]=0
	NOTE[$1]=
}

note() {
	NOTE[$1]=$2
}

bad() {		# bad LAYER MESSAGE: one failure, said out loud
	FAIL[$1]=$((FAIL[$1] + 1))
	echo "FAIL [$1] $2"
}

stop_stack() {
	if [ "$STACK_UP" = 1 ]; then
		timeout 60 tools/weft-stack stop "$VARDIR" >"$WORK/stop.out" 2>&1 ||
		    { echo "run.sh: weft-stack stop failed:"; cat "$WORK/stop.out"; }
		STACK_UP=0
	fi
}

keep_logs() {
	rm -rf var/test-logs
	mkdir -p var/test-logs
	[ -n "$VARDIR" ] && [ -d "$VARDIR/log" ] && cp -R "$VARDIR/log" var/test-logs/stack
	cp -R "$WORK"/. var/test-logs/ 2>/dev/null
	echo "logs kept in var/test-logs/"
}

cleanup() {
	stop_stack
	# An interrupted run keeps its logs too; a finished one has already
	# decided, before its summary line (which must be the last line).
	[ "${SUMMARY_DONE:-0}" = 1 ] || keep_logs
	[ -n "$VARDIR" ] && rm -rf "$VARDIR"
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- lint: the size limits ------------------------------------------------

# The checker's own cases first (TAP-like "ok"/"not ok" lines), then the
# tree: one pass, or one failure per file or function over its limit.
echo "== lint (sizes)"
layer lint
out=$WORK/lint-selftest.out
tests/lint/test_sizes.sh >"$out" 2>&1
PASS[lint]=$((PASS[lint] + $(grep -cE '^ok [0-9]' "$out")))
nok=$(grep -cE '^not ok [0-9]' "$out")
FAIL[lint]=$((FAIL[lint] + nok))
[ "$nok" -gt 0 ] && { echo "FAIL [lint] tests/lint/test_sizes.sh:"; grep -E '^not ok' "$out" | sed 's/^/    /'; }
out=$WORK/lint-sizes.out
if tests/lint/sizes.sh >"$out" 2>&1; then
	PASS[lint]=$((PASS[lint] + 1))
else
	while IFS= read -r line; do
		bad lint "$line"
	done < <(grep -vE '^sizes: ' "$out")
	[ "${FAIL[lint]}" = 0 ] && bad lint "tests/lint/sizes.sh failed: $(tail -n 1 "$out")"
fi
echo "  $(tail -n 1 "$out")"

# ---- unit tests (cmocka, TAP) -------------------------------------------

# run_unit LAYER BINARY [ENV...]: counts TAP "ok" / "not ok" lines; a
# binary that dies or exits non-zero without a "not ok" is one failure.
run_unit() {
	local layer=$1 bin=$2 name out rc ok nok
	shift 2
	name=$(basename "$bin")
	out=$WORK/unit-$name.tap
	env CMOCKA_MESSAGE_OUTPUT=TAP "$@" timeout "$T_UNIT" "$bin" >"$out" 2>&1
	rc=$?
	ok=$(grep -cE '^ok [0-9]' "$out")
	nok=$(grep -cE '^not ok [0-9]' "$out")
	PASS[$layer]=$((PASS[$layer] + ok))
	FAIL[$layer]=$((FAIL[$layer] + nok))
	if [ "$nok" -gt 0 ]; then
		echo "FAIL [$layer] $name:"
		grep -E -A4 '^not ok [0-9]' "$out" | sed 's/^/    /'
	fi
	if [ "$rc" != 0 ] && [ "$nok" = 0 ]; then
		bad "$layer" "$name exited with status $rc:"
		tail -n 30 "$out" | sed 's/^/    /'
	fi
	echo "  $name: $ok passed, $nok failed"
}

# ---- docs: in step with the code, self-contained, rendering --------------

# Each generated part of docs/ must be what its table prints now (one
# check per file, tools/docs.sh); each man page must render without a
# warning; and no file may send a reader to the specifications kept
# outside the repository (the design, roles and style files of
# ../shared): the repo's own docs/ are cited instead.  The matrix test
# reads the roles file on purpose, to compare the spec with the code.
echo "== docs"
layer docs
# The drift check must see a changed cell of the matrix first.
drift=$WORK/docs-drift.md
sed 's/^\(| `member\.unapprove` [^|]*| \)Y /\1— /' docs/authorization.md >"$drift"
if cmp -s docs/authorization.md "$drift" ||
    tools/docs.sh "$BUILDDIR" --check "$drift" >/dev/null 2>&1; then
	bad docs "tools/docs.sh --check did not see a changed cell of the matrix"
else
	PASS[docs]=$((PASS[docs] + 1))
fi
for f in docs/*; do
	[ -f "$f" ] && grep -qE '^(<!-- |\.\\" )generated by: ' "$f" || continue
	if out=$(tools/docs.sh "$BUILDDIR" --check "$f" 2>&1); then
		PASS[docs]=$((PASS[docs] + 1))
	else
		bad docs "$f:"
		printf '%s\n' "$out" | sed 's/^/    /'
	fi
done
if command -v groff >/dev/null; then
	for f in docs/*.[1-9]; do
		[ -f "$f" ] || continue
		out=$(groff -mandoc -Tutf8 -ww -z "$f" 2>&1)
		if [ -z "$out" ]; then
			PASS[docs]=$((PASS[docs] + 1))
		else
			bad docs "$f does not render cleanly:"
			printf '%s\n' "$out" | head -n 20 | sed 's/^/    /'
		fi
	done
else
	note docs "man pages not rendered: no groff"
fi
# The citation check must see a planted citation, then find none.
planted=$WORK/cites-planted.txt
printf 'see %s rule 1\n' "ROLES"'.md' >"$planted"
if tests/lint/citations.sh "$planted" >/dev/null 2>&1; then
	bad docs "tests/lint/citations.sh missed a citation in $planted"
else
	PASS[docs]=$((PASS[docs] + 1))
fi
if out=$(tests/lint/citations.sh 2>&1); then
	PASS[docs]=$((PASS[docs] + 1))
else
	bad docs "$(printf '%s\n' "$out" | tail -n 1):"
	printf '%s\n' "$out" | head -n 40 | sed 's/^/    /'
fi

# A unit test needs the database when its source mentions WEFT_CONFIG.
PURE=()
DBTESTS=()
for src in tests/unit/test_*.c; do
	[ -e "$src" ] || continue
	t=$(basename "$src" .c)
	if grep -q WEFT_CONFIG "$src"; then
		DBTESTS+=("$t")
	else
		PURE+=("$t")
	fi
done

echo "== unit tests (${#PURE[@]} programs)"
layer unit
for t in "${PURE[@]}"; do
	if [ ! -x "$BUILDDIR/tests/$t" ]; then
		bad unit "$t: not built ($BUILDDIR/tests/$t)"
		continue
	fi
	run_unit unit "$BUILDDIR/tests/$t"
done
[ ${#PURE[@]} = 0 ] && note unit "no unit tests found"

# ---- the stack ------------------------------------------------------------

start_stack() {
	local port
	layer stack
	if [ ! -x tools/weft-stack ]; then
		bad stack "tools/weft-stack is missing"
		return 1
	fi
	port=$(tools/weft-stack free-port) || { bad stack "free-port failed"; return 1; }
	VARDIR=$(mktemp -d /tmp/weft-test.XXXXXX) || { bad stack "mktemp"; return 1; }
	echo "== stack: $VARDIR on port $port"
	STACK_UP=1
	if ! timeout "$T_STACK" tools/weft-stack start "$VARDIR" --port "$port" \
	    --bin "$BUILDDIR" --demo >"$WORK/stack-start.out" 2>&1; then
		bad stack "weft-stack start failed:"
		tail -n 40 "$WORK/stack-start.out" | sed 's/^/    /'
		return 1
	fi
	WEFT_URL=$(cat "$VARDIR/url" 2>/dev/null || echo "http://127.0.0.1:$port")
	WEFT_URL=${WEFT_URL%/}
	WEFT_DEMO_PASSWORD=$(head -n 1 "$VARDIR/demo-password" 2>/dev/null)
	if [ -z "$WEFT_DEMO_PASSWORD" ]; then
		bad stack "no demo password in $VARDIR/demo-password"
		return 1
	fi
	export WEFT_URL WEFT_DEMO_PASSWORD WEFT_VAR=$VARDIR WEFT_BIN=$BUILDDIR
	if ! timeout 20 node -e 'fetch(process.argv[1]).then((r) =>
	    process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))' \
	    "$WEFT_URL/healthz"; then
		bad stack "GET $WEFT_URL/healthz does not answer 200"
		return 1
	fi
	PASS[stack]=1
	echo "  up: $WEFT_URL"
	return 0
}

# node_layer LAYER TIMEOUT FILE...: one `node --test` run, TAP reporter;
# counts the closing "# pass N" / "# fail N" (and cancelled tests as
# failures).  A run that dies without its counts is one failure.
# TEST_TIMEOUT: the limit of each test and each file, in ms (120000).
NODE_RUN=0
node_layer() {
	local layer=$1 limit=$2 out rc p f c
	shift 2
	NODE_RUN=$((NODE_RUN + 1))
	out=$WORK/$layer-$NODE_RUN.tap
	(cd tests && timeout --kill-after=10 "$limit" node --test \
	    --test-reporter=tap --test-concurrency=1 --test-timeout="${TEST_TIMEOUT:-120000}" \
	    "$@") >"$out" 2>&1
	rc=$?
	p=$(grep -E '^# pass [0-9]+' "$out" | tail -n 1 | awk '{print $3}')
	f=$(grep -E '^# fail [0-9]+' "$out" | tail -n 1 | awk '{print $3}')
	c=$(grep -E '^# cancelled [0-9]+' "$out" | tail -n 1 | awk '{print $3}')
	PASS[$layer]=$((PASS[$layer] + ${p:-0}))
	FAIL[$layer]=$((FAIL[$layer] + ${f:-0} + ${c:-0}))
	if [ -z "$p" ] || [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
		bad "$layer" "node --test $* ended with status $rc without its counts:"
		tail -n 40 "$out" | sed 's/^/    /'
	elif [ "${f:-0}" != 0 ] || [ "${c:-0}" != 0 ] || [ "$rc" != 0 ]; then
		echo "FAIL [$layer] in $*:"
		# Each failing test with its YAML block (the assertion), but
		# not the file-level "subtests failed" entries.
		awk '
		    /^ *not ok / { blk = $0 "\n"; on = 1; n = 0; next }
		    on && n++ < 30 && $0 !~ /^ *(duration_ms|stack: \|-|TestContext|process\.|async |Test\.|new Promise|[a-zA-Z.<> ]*\(file:)/ { blk = blk $0 "\n" }
		    on && /^ *\.\.\.$/ {
			on = 0
			if (blk !~ /subtestsFailed/) printf "%s", blk
		    }' "$out" | head -n 600 | sed 's/^/    /'
		[ "${f:-0}" = 0 ] && [ "${c:-0}" = 0 ] && bad "$layer" "node exited $rc"
	fi
	echo "  $*: ${p:-?} passed, $(( ${f:-0} + ${c:-0} )) failed"
}

if [ "$UNIT_ONLY" = 0 ] && start_stack; then
	# ---- unit tests that need the database --------------------------
	echo "== unit tests with the database (${#DBTESTS[@]} programs)"
	layer unit-db
	for t in "${DBTESTS[@]}"; do
		if [ ! -x "$BUILDDIR/tests/$t" ]; then
			bad unit-db "$t: not built"
			continue
		fi
		run_unit unit-db "$BUILDDIR/tests/$t" WEFT_CONFIG="$VARDIR/weft.conf"
	done

	# ---- end-to-end --------------------------------------------------
	# Files named *.serial.test.mjs change the whole stack (stop the
	# database, throttle an address): each runs alone, after the rest.
	echo "== end-to-end (node --test)"
	layer e2e
	E2E=()
	SERIAL=()
	for f in tests/e2e/*.test.mjs; do
		[ -e "$f" ] || continue
		case $f in
		*.serial.test.mjs) SERIAL+=("${f#tests/}") ;;
		*) E2E+=("${f#tests/}") ;;
		esac
	done
	if [ ${#E2E[@]} = 0 ] && [ ${#SERIAL[@]} = 0 ]; then
		bad e2e "no tests/e2e/*.test.mjs"
	fi
	[ ${#E2E[@]} -gt 0 ] && node_layer e2e "$T_E2E" "${E2E[@]}"
	for f in "${SERIAL[@]}"; do
		node_layer e2e "$T_E2E" "$f"
	done

	# ---- browser -------------------------------------------------------
	echo "== browser (playwright-core + chromium)"
	layer browser
	B=()
	for f in tests/browser/*.test.mjs; do
		[ -e "$f" ] && B+=("${f#tests/}")
	done
	if [ ! -d tests/node_modules/playwright-core ] || [ ! -d tests/node_modules/axe-core ] || [ ! -d tests/node_modules/html-validate ]; then
		bad browser "tests/node_modules is not installed (make deps)"
	elif [ ! -x /usr/bin/chromium ]; then
		bad browser "/usr/bin/chromium is missing (make deps)"
	elif [ ${#B[@]} = 0 ]; then
		bad browser "no tests/browser/*.test.mjs"
	else
		mkdir -p tests/screenshots
		# One run per file, each with its own limit: a slow file
		# cannot take the other files' counts with it.
		for f in "${B[@]}"; do
			TEST_TIMEOUT=$((T_BROWSER * 1000 - 30000)) \
			    node_layer browser "$T_BROWSER" "$f"
		done
	fi
fi

# ---- fuzz (libFuzzer) -------------------------------------------------------

# Every driver tests/fuzz/fuzz_NAME.c runs from a copy of its seeds,
# tests/fuzz/corpus/NAME/, for an equal share of FUZZ_SECONDS (2 s at
# least); a driver that crashes is one failure, its report and input kept.
if [ "$UNIT_ONLY" = 0 ]; then
	echo "== fuzz"
	layer fuzz
	FUZZERS=()
	for f in tests/fuzz/fuzz_*.c; do
		[ -e "$f" ] && FUZZERS+=("$(basename "$f" .c)")
	done
	if ! command -v clang >/dev/null; then
		note fuzz "skipped: no clang"
	elif [ ${#FUZZERS[@]} = 0 ]; then
		bad fuzz "no tests/fuzz/fuzz_*.c"
	elif ! timeout 600 make -s TST="${BUILDDIR#"$ROOT"/}" fuzz-build >"$WORK/fuzz-build.out" 2>&1; then
		bad fuzz "make fuzz-build failed:"
		tail -n 30 "$WORK/fuzz-build.out" | sed 's/^/    /'
	else
		share=$((FUZZ_SECONDS / ${#FUZZERS[@]}))
		[ "$share" -ge 2 ] || share=2
		runs=
		for d in "${FUZZERS[@]}"; do
			fuzzbin=$BUILDDIR/$d
			name=${d#fuzz_}
			out=$WORK/$d.out
			mkdir -p "$WORK/$d-corpus" "$WORK/$d-artifacts"
			cp -R "tests/fuzz/corpus/$name/." "$WORK/$d-corpus/" 2>/dev/null
			timeout --kill-after=10 $((share + 60)) "$fuzzbin" \
			    -max_total_time="$share" -max_len=8192 \
			    -artifact_prefix="$WORK/$d-artifacts/" \
			    "$WORK/$d-corpus" >"$out" 2>&1
			rc=$?
			if [ "$rc" = 0 ]; then
				PASS[fuzz]=$((PASS[fuzz] + 1))
				runs="$runs $name $(grep -Eo 'Done [0-9]+ runs' "$out" | tail -n 1 | awk '{print $2}'),"
			else
				bad fuzz "$d found a crash (status $rc):"
				grep -E 'invariant failed|ERROR|SUMMARY|runtime error|Test unit written|#0 |#1 |#2 ' \
				    "$out" | head -n 30 | sed 's/^/    /'
			fi
		done
		note fuzz "runs in ${share} s each:${runs%,}"
	fi
fi

# ---- the stack's logs -----------------------------------------------------

if [ "$STACK_UP" = 1 ]; then
	# Stop first, so that leak reports written at exit are in the logs.
	stop_stack
	echo "== logs"
	layer logs
	hits=$WORK/log-hits.txt
	: >"$hits"
	if [ -d "$VARDIR/log" ]; then
		# One line per problem.  Sanitizer reports (weft-stack sends
		# them to log/asan.* and log/ubsan.*, or they land in a
		# program's log): the "ERROR: ...Sanitizer" line that opens
		# each report, and each UBSan "runtime error:".  The master's
		# word that a worker died by a signal.  Phrases missing from
		# the catalogue (the page then shows the bare key), once per
		# key.  Database errors during the outage test are expected.
		grep -rnE 'ERROR: (Address|Leak|Memory|Thread)Sanitizer|runtime error:' \
		    "$VARDIR/log" >>"$hits"
		grep -rnwiE 'error' "$VARDIR/log" |
		    grep -iE 'died|killed|signal|crash|core dump' |
		    grep -vE 'Sanitizer|runtime error:' >>"$hits"
		grep -rhoE 'i18n: no phrase for key "[^"]*"' "$VARDIR/log" |
		    sort -u | sed 's/^/missing phrase: /' >>"$hits"
	fi
	n=$(wc -l <"$hits")
	if [ "$n" -gt 0 ]; then
		FAIL[logs]=$n
		echo "FAIL [logs] $n problem(s) in the stack's logs (crashes, sanitizer reports, missing phrases):"
		sed "s|$VARDIR/||" "$hits" | head -n 60 | sed 's/^/    /'
		# The whole of each sanitizer report, for the first few.
		for f in $(grep -rlE 'Sanitizer|runtime error:' "$VARDIR/log" | head -n 3); do
			echo "    --- ${f#"$VARDIR"/} ---"
			grep -E -A12 'ERROR: [A-Za-z]+Sanitizer|runtime error:' "$f" | head -n 40 | sed 's/^/    /'
		done
	else
		PASS[logs]=1
	fi
fi

# ---- summary --------------------------------------------------------------

TP=0
TF=0
echo
printf '%-10s %7s %7s  %s\n' layer passed failed note
for l in "${LAYERS[@]}"; do
	printf '%-10s %7d %7d  %s\n' "$l" "${PASS[$l]}" "${FAIL[$l]}" "${NOTE[$l]}"
	TP=$((TP + PASS[$l]))
	TF=$((TF + FAIL[$l]))
done
[ "$TF" -gt 0 ] && FAILED_ANY=1
[ "$TP" = 0 ] && [ "$TF" = 0 ] && { TF=1; FAILED_ANY=1; echo "no test ran"; }
[ "$FAILED_ANY" != 0 ] && keep_logs
SUMMARY_DONE=1
echo "$TP passed, $TF failed"
[ "$TF" = 0 ]
