# common.bash - loaded by every bats file: where the binaries and profiles are,
# and the assertion libraries from Debian's bats-support and bats-assert.

TESTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT_DIR=$(cd "$TESTS_DIR/.." && pwd)
BIN=${NETMIMIC_BIN:-$ROOT_DIR/bin}
PROFILE=$ROOT_DIR/profiles/azure-interop.ini
TEST_PROFILES=$TESTS_DIR/profiles

load /usr/lib/bats/bats-support/load
load /usr/lib/bats/bats-assert/load

# The environment must not leak into the tests.
unset NETMIMIC_PROFILE NETMIMIC_FROM NETMIMIC_SEED NETMIMIC_CRLF NETMIMIC_LANG NETMIMIC_SHOW_SEED \
    NETMIMIC_WINDOWS NETMIMIC_TIMING

# Every catalogue message the tools print is logged (render/msg.c), and every
# test file that ran is noted, for tests/zz-messages.bats: each message of
# each catalogue must be printed by some test of the suite.
if [ -n "${BATS_RUN_TMPDIR:-}" ]; then
    export NETMIMIC_MSG_LOG=$BATS_RUN_TMPDIR/netmimic-messages.log
    basename "$BATS_TEST_FILENAME" >>"$BATS_RUN_TMPDIR/netmimic-files.log"
fi

# Compares FILE_GOT with FILE_WANT byte for byte, showing a diff on failure.
assert_same_file() {
    if ! cmp -s "$1" "$2"; then
        diff -u "$2" "$1" | cat -A | head -60 >&2
        return 1
    fi
}

# tool_run TOOL OUT ARGS...: runs bin/TOOL with ARGS; stdout goes to OUT,
# stderr to OUT.err, the exit status to $status.  (Not bats' `run`: $output
# loses trailing newlines, and the tests compare whole files.)
tool_run() {
    local tool=$1 out=$2
    shift 2
    status=0
    "$BIN/$tool" "$@" >"$out" 2>"$out.err" || status=$?
}

# assert_exit WANT OUT: the exit status was WANT and nothing went to stderr
# (Windows writes everything, errors and usage included, to stdout).
assert_exit() {
    assert_equal "$status" "$1"
    assert_equal "$(cat "$2.err")" ""
}
