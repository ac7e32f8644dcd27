# tests/lib/cli_assert.sh — the assertions shared by the command-line tests (tests/cli_*.sh), which
# source it after setting bin=PATH/TO/bmdsim. Not a test itself (CTest registers tests/cli_*.sh
# only). Each assertion counts one pass (ok) or one failure (bad, with a line on stderr); a script
# ends with `echo "NAME: $pass passed, $fail failed"` and `[ "$fail" -eq 0 ]`.
pass=0; fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# json_field JSON KEY -> the first number (or string) stored under KEY
json_field() { printf '%s' "$1" | grep -o "\"$2\":[^,}]*" | head -1 | cut -d: -f2 | tr -d '"'; }
# near VALUE EXPECTED TOL -> true when |VALUE - EXPECTED| <= TOL (an empty VALUE is never near)
near() { awk -v v="$1" -v e="$2" -v t="$3" 'BEGIN { d = v - e; if (d < 0) d = -d; exit !(v != "" && d <= t) }'; }
check() { # check NAME VALUE EXPECTED TOL SOURCE
    if near "$2" "$3" "$4"; then ok; else bad "$1: got '$2', expected $3 +/- $4 ($5)"; fi
}
check_text() { # check_text NAME VALUE EXPECTED
    if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', expected '$3'"; fi
}
contains() { # contains NAME TEXT NEEDLE
    case "$2" in *"$3"*) ok ;; *) bad "$1: output lacks '$3'" ;; esac
}
holds() { # holds NAME AWK-CONDITION (on a, b, c) VALUES...
    local name=$1 cond=$2; shift 2
    if awk -v a="${1:-}" -v b="${2:-}" -v c="${3:-}" "BEGIN { exit !($cond) }"; then ok; else bad "$name: $cond fails for $*"; fi
}
# expect_status NAME STATUS WORD-IN-MESSAGE ARGS... -> bmdsim ARGS exits STATUS (cli/cli.h: 2
# usage or input, 3 no solution) with one stderr line containing WORD
expect_status() {
    local name=$1 want=$2 word=$3; shift 3
    local err rc
    err=$("$bin" "$@" 2>&1 >/dev/null); rc=$?
    if [ $rc -ne "$want" ]; then bad "$name: exit $rc, expected $want ($*)"; return; fi
    if [ "$(printf '%s\n' "$err" | wc -l)" -ne 1 ]; then bad "$name: stderr is not one line: $err"; return; fi
    case "$err" in *"$word"*) ok ;; *) bad "$name: message does not name '$word': $err" ;; esac
}
# expect_no_solution NAME WORD-IN-MESSAGE ARGS... -> exit 3 (valid input, no solution)
expect_no_solution() { local name=$1 word=$2; shift 2; expect_status "$name" 3 "$word" "$@"; }
# expect_usage_error NAME WORD-IN-MESSAGE ARGS... -> bmdsim ARGS exits 2 with one stderr line
# containing WORD
expect_usage_error() {
    local name=$1 word=$2; shift 2
    local err rc
    err=$("$bin" "$@" 2>&1 >/dev/null); rc=$?
    if [ $rc -ne 2 ]; then bad "$name: exit $rc, expected 2 ($*)"; return; fi
    if [ "$(printf '%s\n' "$err" | wc -l)" -ne 1 ]; then bad "$name: stderr is not one line: $err"; return; fi
    case "$err" in *"$word"*) ok ;; *) bad "$name: message does not name '$word': $err" ;; esac
}
