#!/bin/sh
# valgrind-bin.sh - the suite's programs under valgrind (make test-valgrind).
#
#   tests/valgrind-bin.sh make BIN WRAPDIR LOGDIR
#       WRAPDIR gets one script per program of BIN that runs it under
#       valgrind; the bats files run them through NETMIMIC_BIN=WRAPDIR.
#   tests/valgrind-bin.sh check LOGDIR
#       fails, printing them, if any run left a report in LOGDIR.
#
# Two ways a memory error or a leak is caught: the run exits with
# VALGRIND_STATUS (97 unless set; the tools' own statuses are 0 to 3, so a
# test that checks a status sees theirs unless valgrind found something),
# and valgrind writes its report into LOGDIR, one file per process, which
# 'check' reads at the end (for the tests that do not check the status).
# tests/valgrind.supp hides what is not netmimic's (each entry says why).
set -eu

make_wrappers() {
    supp=$(cd "$(dirname "$0")" && pwd)/valgrind.supp
    # by its path: a test may run a tool with a PATH of its own (netmimic
    # graph --svg with no dot in it)
    valgrind=$(command -v valgrind) || { echo "$0: valgrind is not installed" >&2; exit 2; }
    bin=$(cd "$1" && pwd)
    mkdir -p "$2" "$3"
    wrap=$(cd "$2" && pwd)
    log=$(cd "$3" && pwd)
    rm -f "$wrap"/* "$log"/*
    for prog in "$bin"/*; do
        [ -f "$prog" ] && [ -x "$prog" ] || continue
        # The report goes to a descriptor opened here, not --log-file:
        # valgrind would open that file as descriptor 1 when the test runs
        # the tool with stdout closed.
        cat >"$wrap/${prog##*/}" <<EOF
#!/bin/sh
exec "$valgrind" -q --error-exitcode=${VALGRIND_STATUS:-97} --leak-check=full \\
    --errors-for-leak-kinds=definite,possible --vgdb=no --log-fd=9 \\
    --suppressions="$supp" "$prog" "\$@" 9>>"$log/${prog##*/}.\$\$.log"
EOF
        chmod +x "$wrap/${prog##*/}"
    done
}

check_logs() {
    found=0
    for f in "$1"/*.log; do
        [ -s "$f" ] || continue
        found=1
        echo "== $f" >&2
        cat "$f" >&2
    done
    runs=$(find "$1" -name '*.log' | wc -l)
    if [ "$found" = 1 ]; then
        echo "valgrind: reports above ($runs runs)" >&2
        return 1
    fi
    echo "valgrind: $runs runs, no report"
}

case ${1:-} in
make) make_wrappers "$2" "$3" "$4" ;;
check) check_logs "$2" ;;
*) echo "usage: $0 make BIN WRAPDIR LOGDIR | check LOGDIR" >&2; exit 2 ;;
esac
