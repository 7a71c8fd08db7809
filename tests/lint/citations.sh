#!/usr/bin/env bash
#
# citations.sh: fails when a file of the repository sends its reader to
# the specifications that are not in it (the design, roles and style files
# kept beside the repository in ../shared).  weft cites its own docs:
# docs/authorization.md, docs/architecture.md, docs/style.md and the rest.
#
#	tests/lint/citations.sh [FILE...]
#
# Without FILEs it reads cgi-bin/, templates/, sql/, nginx/, tests/,
# tools/, docs/, the Makefile and the README.  tests/e2e/matrix.test.mjs
# may name the roles file: it reads it on purpose, when it is there, to
# compare the spec with the code.  Prints each citing line; exit status 1
# when there is one.
set -u -o pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
if [ $# = 0 ]; then
	set -- cgi-bin templates sql nginx tests tools docs Makefile README.md
fi
# The names are spelt as a pattern so that this file does not cite them.
hits=$(grep -rnIE '\b(DESIGN|ROLES|STYLE)\.md\b' "$@" 2>/dev/null |
    grep -vE '^tests/(node_modules|screenshots)/|^tests/e2e/matrix\.test\.mjs:')
if [ -n "$hits" ]; then
	printf '%s\n' "$hits"
	echo "citations: $(printf '%s\n' "$hits" | wc -l) line(s) cite files outside the repository; cite docs/ instead"
	exit 1
fi
echo "citations: none outside the repository"
