#!/usr/bin/env bats
# runstat.bats - the benchmark's stopwatch (tests/runstat.c): one line
# "WALL_US MAXRSS_KB STATUS" per command.  The figures themselves are never
# compared with a bound; only the form and the status are checked.

load lib/common

bats_require_minimum_version 1.5.0

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
}

@test "runstat: the exit status, the command's own output untouched" {
    run --separate-stderr "$BIN/netmimic-runstat" -o stat.txt sh -c 'echo out; echo err >&2; exit 3'
    assert_equal "$status" 0
    assert_equal "$output" "out"
    assert_equal "$stderr" "err"
    grep -Eqx '[0-9]+ [1-9][0-9]* 3' stat.txt
}

@test "runstat: a signal, a command that cannot start, and the line on stderr without -o" {
    run --separate-stderr "$BIN/netmimic-runstat" sh -c 'kill -TERM $$'
    [[ $stderr =~ ^[0-9]+\ [0-9]+\ signal\ 15$ ]]
    run --separate-stderr "$BIN/netmimic-runstat" ./no-such-command
    assert_equal "${stderr%%$'\n'*}" "netmimic-runstat: ./no-such-command: No such file or directory"
    [[ ${stderr##*$'\n'} =~ ^[0-9]+\ [0-9]+\ 127$ ]]
}

@test "runstat: -t kills a command that runs longer and says timeout" {
    run --separate-stderr "$BIN/netmimic-runstat" -t 1 -o stat.txt sleep 30
    assert_equal "$status" 0
    grep -Eqx '[0-9]+ [0-9]+ timeout' stat.txt
}

@test "runstat: peak memory is the command's: a shell holding 50 MB uses more than true" {
    "$BIN/netmimic-runstat" -o true.txt /bin/true
    # shellcheck disable=SC2016 # expanded by the inner bash
    "$BIN/netmimic-runstat" -o big.txt bash -c 'x=$(head -c 50000000 /dev/zero | tr "\0" a); echo "${#x}"' >/dev/null
    read -r _ true_kb _ <true.txt
    read -r _ big_kb _ <big.txt
    [ "$big_kb" -gt $((true_kb + 40000)) ]
}

@test "runstat: no command is a usage error" {
    run --separate-stderr "$BIN/netmimic-runstat" -t 1
    assert_equal "$status" 2
    assert_equal "$stderr" "usage: netmimic-runstat [-t SECONDS] [-o FILE] COMMAND [ARG...]"
}
