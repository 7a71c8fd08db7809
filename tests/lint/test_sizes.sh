#!/usr/bin/env bash
# tests/lint/test_sizes.sh: sizes.sh itself, on files made here: a
# function and a file at the limit pass, one line more fails, and a
# brace that is not at the start of a line does not end a body.  Prints
# "ok N - what" / "not ok N - what" lines; exits 1 on any failure.
set -u -o pipefail

SIZES=$(cd "$(dirname "$0")" && pwd)/sizes.sh
T=$(mktemp -d /tmp/weft-sizes.XXXXXX) || exit 2
trap 'rm -rf "$T"' EXIT
n=0
failed=0

check() {	# check WHAT WANT_STATUS WANT_OUTPUT_REGEX FILE...
	local what=$1 want=$2 re=$3 out rc
	shift 3
	n=$((n + 1))
	out=$("$SIZES" "$@" 2>&1)
	rc=$?
	if [ "$rc" = "$want" ] && printf '%s\n' "$out" | grep -qE -- "$re"; then
		echo "ok $n - $what"
	else
		echo "not ok $n - $what (status $rc, want $want): $out"
		failed=1
	fi
}

# func NAME BODY_LINES: a KNF function with that many lines in its body.
func() {
	printf 'static int\n%s(int x)\n{\n' "$1"
	for ((i = 0; i < $2; i++)); do
		printf '\tx += %d;\n' "$i"
	done
	printf '}\n\n'
}

func at_limit 60 >"$T/ok.c"
check "a 60-line function passes" 0 "within limits" "$T/ok.c"

func too_long 61 >"$T/long.c"
check "a 61-line function fails, named" 1 \
    "long.c:3: too_long\(\) is 61 lines \(limit 60\)" "$T/long.c"

{
	func first 40
	printf 'static int\nnested(int x)\n{\n\tif (x) {\n\t\tx++;\n\t}\n'
	for ((i = 0; i < 70; i++)); do printf '\tx--;\n'; done
	printf '}\n'
} >"$T/nested.c"
check "an inner brace does not end the body" 1 "nested\(\) is 73 lines" \
    "$T/nested.c"

for ((i = 0; i < 800; i++)); do echo "echo $i"; done >"$T/full.sh"
check "an 800-line script passes" 0 "within limits" "$T/full.sh"
echo "echo 800" >>"$T/full.sh"
check "an 801-line script fails" 1 "full.sh: 801 lines \(limit 800\)" \
    "$T/full.sh"

printf '#!/bin/sh\n' >"$T/tool"
for ((i = 0; i < 801; i++)); do echo ":"; done >>"$T/tool"
check "a script without an extension counts by its #!" 1 \
    "tool: 802 lines" "$T/tool"

for ((i = 0; i < 900; i++)); do echo "text"; done >"$T/notes.md"
check "prose does not count" 0 "0 files within limits" "$T/notes.md"

exit $failed
