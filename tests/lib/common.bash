# common.bash - loaded by every bats file: where the binaries and profiles are,
# and the assertion libraries from Debian's bats-support and bats-assert.
#
# This file runs once for every test (bats sources the test file anew for
# each), so it starts no process: a fork costs tens of milliseconds of CPU
# on the project's loaded 2-core machines, and `$(...)`, dirname and the
# assertion libraries' own load.bash (one `$(dirname)` per file) added about
# a third of a second to each test.

# nm_abs_dir DIR: sets REPLY to DIR made absolute, as `cd DIR && pwd` would
# print it, without a subshell.
nm_abs_dir() {
    local here=$PWD
    CDPATH='' cd -- "$1" || return 1
    REPLY=$PWD
    CDPATH='' cd -- "$here" || return 1
}

# nm_load_lib DIR: sources the files that DIR/load.bash sources (the
# `source "$(dirname "${BASH_SOURCE[0]}")/src/X.bash"` lines of bats-support
# and bats-assert), without its subshells; bats' own load if the form is
# not recognized.
nm_load_lib() {
    local line found=0
    while IFS= read -r line; do
        if [[ $line =~ ^source\ \"\$\(dirname\ \"\$\{BASH_SOURCE\[0\]\}\"\)/(src/[A-Za-z0-9_.-]+)\"$ ]]; then
            source "$1/${BASH_REMATCH[1]}" || return 1
            found=1
        fi
    done <"$1/load.bash"
    [ "$found" = 1 ] || load "$1/load"
}

if [[ ${BASH_SOURCE[0]} == */* ]]; then
    nm_abs_dir "${BASH_SOURCE[0]%/*}/.." && TESTS_DIR=$REPLY
else
    nm_abs_dir .. && TESTS_DIR=$REPLY
fi
nm_abs_dir "$TESTS_DIR/.." && ROOT_DIR=$REPLY
BIN=${NETMIMIC_BIN:-$ROOT_DIR/bin}
PROFILE=$ROOT_DIR/profiles/azure-interop.ini
TEST_PROFILES=$TESTS_DIR/profiles

nm_load_lib /usr/lib/bats/bats-support
nm_load_lib /usr/lib/bats/bats-assert

# bats 1.8 runs every test under a DEBUG trap (bats_debug_trap) that records
# a stack trace before each simple command, helpers' commands included:
# about a millisecond a command on these machines, most of the suite's time
# in tests that loop.  bats_setup_tracing (run just before each test) is
# wrapped so that the trap records only the commands of the test file
# itself: a failure still names the test's line, and the call of a helper
# that failed, which is what the report needs.  Without that bats function
# (another bats) nothing changes.
if declare -F bats_setup_tracing >/dev/null && ! declare -F nm_bats_setup_tracing >/dev/null; then
    eval "nm_$(declare -f bats_setup_tracing)"
    bats_setup_tracing() {
        nm_bats_setup_tracing "$@"
        # shellcheck disable=SC2016 # expanded when the trap runs
        trap '[[ ${BASH_SOURCE[0]} != "$BATS_TEST_SOURCE" ]] || bats_debug_trap "$BASH_SOURCE"' DEBUG
    }
fi

# The environment must not leak into the tests.
unset NETMIMIC_PROFILE NETMIMIC_FROM NETMIMIC_SEED NETMIMIC_CRLF NETMIMIC_LANG NETMIMIC_SHOW_SEED \
    NETMIMIC_WINDOWS NETMIMIC_TIMING NETMIMIC_TWINS

# Every catalogue message the tools print is logged (render/msg.c), and every
# test file that ran is noted, for tests/zz-messages.bats: each message of
# each catalogue must be printed by some test of the suite.  The logs are
# the bats run's, or the suite's when tests/lib/suite.sh runs each file as
# a bats run of its own (NETMIMIC_SUITE_LOGS).
NETMIMIC_SUITE_LOGS=${NETMIMIC_SUITE_LOGS:-${BATS_RUN_TMPDIR:-}}
if [ -n "$NETMIMIC_SUITE_LOGS" ]; then
    export NETMIMIC_MSG_LOG=$NETMIMIC_SUITE_LOGS/netmimic-messages.log
    # tests/lib/dual.c's differences (and FILE.runs, its sanitizer runs),
    # for tests/zz-dual.bats
    export NETMIMIC_DUAL_LOG=$NETMIMIC_SUITE_LOGS/netmimic-dual.log
    NETMIMIC_FILES_LOG=$NETMIMIC_SUITE_LOGS/netmimic-files.log
    echo "${BATS_TEST_FILENAME##*/}" >>"$NETMIMIC_FILES_LOG"
fi

# PLAIN: the directory of the plain build's programs, for runs whose
# sanitizer coverage is had elsewhere (a reference side, a repeat of a path
# the sanitized build already ran).  Under the dual runner (make test) its
# A side, run directly: no runner process, no sanitized run; elsewhere BIN
# itself (make test-san runs everything sanitized, make test-valgrind
# everything under valgrind).  A builtin test, no fork.
if [[ -n ${NETMIMIC_DUAL_A:-} && $BIN/netmimic -ef $BIN/netmimic-dual ]]; then
    PLAIN=$NETMIMIC_DUAL_A
else
    PLAIN=$BIN
fi

# under_valgrind: true when BIN holds tests/valgrind-bin.sh's wrappers (make
# test-valgrind), scripts where the tools are ELF files.  Read without a fork.
under_valgrind() {
    local first=
    read -r -n 2 first <"$BIN/tracert" 2>/dev/null
    [[ $first == '#!' ]]
}

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
tool_run() { tool_run_in "$BIN" "$@"; }

# tool_run_in DIR TOOL OUT ARGS...: tool_run with DIR's TOOL ($PLAIN's, say).
tool_run_in() {
    local dir=$1 tool=$2 out=$3
    shift 3
    status=0
    "$dir/$tool" "$@" >"$out" 2>"$out.err" || status=$?
}

# assert_exit WANT OUT: the exit status was WANT and nothing went to stderr
# (Windows writes everything, errors and usage included, to stdout).  The
# file is read by the shell, not by a cat: the suite calls this thousands
# of times.
assert_exit() {
    local err=
    assert_equal "$status" "$1"
    if [ -s "$2.err" ]; then
        IFS= read -r -d '' err <"$2.err" || true
        assert_equal "$err" ""
    fi
}

# want: stdin is the expected output, kept in $BATS_TEST_TMPDIR/want; same:
# the output ($OUT, default $BATS_TEST_TMPDIR/out) is it, byte for byte.
want() { cat >"$BATS_TEST_TMPDIR/want"; }
same() { assert_same_file "${OUT:-$BATS_TEST_TMPDIR/out}" "$BATS_TEST_TMPDIR/want"; }

# trace_skeleton FILE: a tracert output with each hop line cut to its
# address text (columns 33 on: the drawn times dropped), the rest whole.
trace_skeleton() {
    awk '/^  *[0-9]+  / { print substr($0, 33); next } { print }' "$1"
}
