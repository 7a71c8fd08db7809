#!/usr/bin/env bash
# tests/lint/sizes.sh [FILE...]: the size limits of weft's code.
#
#   - no source file over MAX_FILE (800) lines;
#   - no C function whose body is over MAX_FUNC (60) lines.
#
# A function is found the way KNF writes it: its name at the start of a
# line ("name(" after the line with the return type), its body from a
# "{" alone at the start of a line to the next "}" at the start of a
# line; the body's lines are those between the two braces.  Without
# arguments, every source file git tracks (or would track) in the
# checkout; with arguments, those files.  Prints one line per violation,
# "file:line: ...", and exits 1 when there is any, 2 on a usage error.
set -u -o pipefail

MAX_FILE=${MAX_FILE:-800}
MAX_FUNC=${MAX_FUNC:-60}

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2

# Source files: C and C++, shell, JavaScript, Lua and Python, and scripts
# without an extension that start with "#!".
is_source() {
	case ${1##*/} in
	*.c | *.h | *.cc | *.sh | *.mjs | *.js | *.lua | *.py) return 0 ;;
	*.*) return 1 ;;
	esac
	head -c 2 "$1" 2>/dev/null | grep -q '^#!'
}

if [ $# -gt 0 ]; then
	FILES=("$@")
else
	mapfile -t FILES < <(git ls-files --cached --others --exclude-standard |
	    grep -v -e '^tests/node_modules/' -e '/node_modules/')
fi

bad=0
n=0
for f in "${FILES[@]}"; do
	[ -f "$f" ] || { [ $# -gt 0 ] && { echo "$f: no such file" >&2; exit 2; }; continue; }
	is_source "$f" || continue
	n=$((n + 1))
	lines=$(wc -l <"$f")
	if [ "$lines" -gt "$MAX_FILE" ]; then
		echo "$f: $lines lines (limit $MAX_FILE): split it by concern"
		bad=$((bad + 1))
	fi
	case $f in
	*.c | *.h | *.cc) ;;
	*) continue ;;
	esac
	out=$(awk -v file="$f" -v max="$MAX_FUNC" '
	    /^[A-Za-z_][A-Za-z0-9_:~]*\(/ {
		name = $0
		sub(/\(.*/, "", name)
	    }
	    /^\{/ { start = NR; fname = name == "" ? "?" : name }
	    /^\}/ && start {
		len = NR - start - 1
		if (len > max)
			printf "%s:%d: %s() is %d lines (limit %d): split it\n",
			    file, start, fname, len, max
		start = 0
		name = ""
	    }' "$f")
	if [ -n "$out" ]; then
		echo "$out"
		bad=$((bad + $(printf '%s\n' "$out" | wc -l)))
	fi
done
if [ "$bad" -gt 0 ]; then
	echo "sizes: $bad violation(s) in $n files"
	exit 1
fi
echo "sizes: $n files within limits (files <= $MAX_FILE lines, functions <= $MAX_FUNC)"
