# Helpers for the CLI tests (sourced). Each test script runs checks with
# `check NAME COMMAND...` and ends with `finish`, which prints "N passed, M failed".
set -u
: "${UNSPIN:?set UNSPIN to the binary}" "${SRC:?set SRC to the source dir}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
check() {
    local name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
# expect_status CODE COMMAND...: the command exits with CODE.
expect_status() {
    local want=$1; shift
    "$@" >/dev/null 2>"$TMP/stderr"; local got=$?
    [ "$got" = "$want" ] || { echo "  exit $got, expected $want: $*"; cat "$TMP/stderr"; return 1; }
}
finish() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
