#!/usr/bin/env bash
# The hosting tests, as `make test-hosting` runs them:
#
#	tests/hosting/run.sh BUILDDIR [FILE...]
#
# Each tests/hosting/*.test.mjs starts the stacks it needs (tools/weft-stack
# in directories of its own) and stops them, so this runner starts none;
# they take minutes, which is why they are not part of `make test`
# (tests/hosting/README.md).  Ends with one line "N passed, N failed".
set -u -o pipefail
[ $# -ge 1 ] || { echo "usage: tests/hosting/run.sh BUILDDIR [FILE...]" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$1
shift
case $BIN in /*) ;; *) BIN=$ROOT/$BIN ;; esac
[ -d "$BIN" ] || { echo "run.sh: no build directory $BIN (make build-test)" >&2; exit 2; }
files=("$@")
[ ${#files[@]} -gt 0 ] || files=($(cd "$ROOT/tests" && ls hosting/*.test.mjs))
out=$(mktemp /tmp/weft-hosting-out.XXXXXX)
(cd "$ROOT/tests" && WEFT_BIN=$BIN timeout --kill-after=10 1800 node --test \
    --test-reporter=tap --test-concurrency=1 --test-timeout=900000 "${files[@]}") >"$out" 2>&1
rc=$?
p=$(grep -E '^# pass [0-9]+' "$out" | tail -n 1 | awk '{print $3}')
f=$(grep -E '^# fail [0-9]+' "$out" | tail -n 1 | awk '{print $3}')
c=$(grep -E '^# cancelled [0-9]+' "$out" | tail -n 1 | awk '{print $3}')
f=$(( ${f:-0} + ${c:-0} ))
# Each test's result, and the figures it prints (its "# ..." lines).
grep -E '^ *# |^not ok|^ok' "$out" |
    grep -vE '# (Subtest|tests|suites|pass|fail|cancelled|skipped|todo|duration_ms)\b' |
    sed 's/^ */  /'
mkdir -p "$ROOT/var" && cp "$out" "$ROOT/var/hosting-tests.tap"
if [ -z "$p" ] || { [ "$rc" != 0 ] && [ "$f" = 0 ]; }; then
	tail -n 60 "$out"
	f=$((f + 1))
elif [ "$f" != 0 ]; then
	grep -E -A30 '^ *not ok' "$out" | head -n 200
fi
rm -f "$out"
echo "${p:-0} passed, $f failed"
[ "$f" = 0 ]
