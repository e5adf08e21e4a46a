#!/usr/bin/env bats
# ping.bats - ping reproduces real Windows captures byte for byte, and
# follows Windows' rules for messages, statistics, exit statuses and signals.
#
# Each tests/profiles/ping/*.ini is a small network whose comments say how it
# pins every displayed value: links have latency 0, so an echo's RTT is
# exactly the reply_delay of the device that answers, and replay() fixes the
# successive values (one above the -w timeout makes that echo "Request timed
# out.").  The references in tests/expected/ping-corpus/ are copies of
# ../shared/corpus/ping-NNN.txt minus their metadata line; SOURCES there
# lists the repairs.  Where a capture is cut, the test compares the lines it
# has, then the rest against ../shared/docs/windows-output.md section 2.3.
#
# Ctrl+C and Ctrl+Break: SIGINT and SIGQUIT.  Those tests run
# "ping -t --realtime" (echoes one second apart), wait (bounded) until the
# output file has the wanted lines, send the signal during the pause that
# follows, and compare the whole file.  Nothing asserts on elapsed time.

load lib/common
load lib/ping

bats_require_minimum_version 1.5.0

EXPECTED=$TESTS_DIR/expected/ping-corpus
# shellcheck disable=SC2034 # read by lib/ping.bash
PPROFILES=$TEST_PROFILES/ping

# the signal tests' background ping (lib/ping.bash's start_forever)
teardown() {
    if [ -n "${PING_PID:-}" ]; then
        kill -KILL "$PING_PID" 2>/dev/null || true
        wait "$PING_PID" 2>/dev/null || true
    fi
}

# ---- real captures ---------------------------------------------------------

@test "ping-001: a router on the PC's subnet, four time<1ms replies, TTL=255" {
    pingp "$BATS_TEST_TMPDIR/out" ping-001 10.100.12.254
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/ping-001.txt"
}

@test "ping-002: four timeouts, 100% loss, no round-trip lines, exit 1" {
    pingp "$BATS_TEST_TMPDIR/out" ping-001 10.100.12.255
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/ping-002.txt"
}

@test "ping-003: --help is a bad option, then the usage (ending in one empty line)" {
    ping_run "$BATS_TEST_TMPDIR/out" --help
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/ping-003.txt"
    # the repair is exactly one LF less than the capture (see SOURCES)
    { read_all "$EXPECTED/ping-003.txt"; printf '%s\n' "$REPLY"; } >"$BATS_TEST_TMPDIR/capture"
    assert_same_file "$BATS_TEST_TMPDIR/capture" "$EXPECTED/ping-003.orig.txt"
}

@test "ping-004: -help is a bad option, then the usage" {
    ping_run "$BATS_TEST_TMPDIR/out" -help
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/ping-004.txt"
    { read_all "$EXPECTED/ping-004.txt"; printf '%s\n' "$REPLY"; } >"$BATS_TEST_TMPDIR/capture"
    assert_same_file "$BATS_TEST_TMPDIR/capture" "$EXPECTED/ping-004.orig.txt"
}

@test "ping-005: two replies, then Ctrl+C: statistics and Control-C" {
    interrupted "$BATS_TEST_TMPDIR/out" 2 ping-005 192.168.0.4
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    without_shell_echo ping-005.txt "$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "ping-006: -a shows the reverse name Doug-PC in the header, Ctrl+C" {
    interrupted "$BATS_TEST_TMPDIR/out" 2 ping-006 -a 192.168.0.4
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    without_shell_echo ping-006.txt "$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "ping-006 without -a: the header shows the typed address only" {
    pingp "$BATS_TEST_TMPDIR/out" ping-006 -n 1 192.168.0.4
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    out_lines "$BATS_TEST_TMPDIR/out" '2'
    assert_output "Pinging 192.168.0.4 with 32 bytes of data:"
}

@test "ping-009: one Destination host unreachable reply, Ctrl+C, exit 0" {
    interrupted "$BATS_TEST_TMPDIR/out" 1 ping-009-010 192.168.1.3
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    without_shell_echo ping-009.txt "$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "ping-010: three replies, Ctrl+C" {
    interrupted "$BATS_TEST_TMPDIR/out" 3 ping-009-010 192.168.1.11
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/ping-010.txt"
}

@test "ping-011: -S with an address the PC does not have: transmit failed, exit 1" {
    pingp "$BATS_TEST_TMPDIR/out" ping-011-012 -S 10.156.144.79 -l 64 -n 1 1.1.1.1
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/ping-011.txt"
}

@test "ping-012: -S own address, -i 10: the tenth router's TTL expired, no round-trip lines" {
    pingp "$BATS_TEST_TMPDIR/out" ping-011-012 -S 10.156.134.79 -i 10 -l 64 -n 1 1.1.1.1
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/ping-012.txt"
}

@test "ping-012's chain: -i 9 expires one router earlier, -i 11 reaches 1.1.1.1 (TTL=245)" {
    pingp "$BATS_TEST_TMPDIR/out" ping-011-012 -i 9 -n 1 1.1.1.1
    out_lines "$BATS_TEST_TMPDIR/out" '3'
    assert_output "Reply from 172.31.0.9: TTL expired in transit."
    pingp "$BATS_TEST_TMPDIR/out" ping-011-012 -i 11 -n 1 1.1.1.1
    out_lines "$BATS_TEST_TMPDIR/out" '3'
    assert_output "Reply from 1.1.1.1: bytes=32 time=7ms TTL=245"
}

@test "ping-013: -f -l 1472 fits a 1500-byte path: replies with TTL=251 (lines captured, then the statistics)" {
    pingp "$BATS_TEST_TMPDIR/out" ping-013-014 172.16.32.1 -f -l 1472
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # The author cut the statistics: compare the lines captured...
    file_lines "$EXPECTED/ping-013.txt"
    head_of "$BATS_TEST_TMPDIR/out" "${#FILE_LINES[@]}" "$BATS_TEST_TMPDIR/got"
    assert_same_file "$BATS_TEST_TMPDIR/got" "$EXPECTED/ping-013.txt"
    # ...then the whole run: 3 4 4 3 ms -> min 3, max 4, average 14/4 = 3.
    {
        read_all "$EXPECTED/ping-013.txt"; printf %s "$REPLY"
        printf '\nPing statistics for 172.16.32.1:\n'
        printf '    Packets: Sent = 4, Received = 4, Lost = 0 (0%% loss),\n'
        printf 'Approximate round trip times in milli-seconds:\n'
        printf '    Minimum = 3ms, Maximum = 4ms, Average = 3ms\n'
    } >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "ping-014: -f -l 1473 is too big for the PC's own link: four local DF lines (lines captured, then the statistics)" {
    pingp "$BATS_TEST_TMPDIR/out" ping-013-014 172.16.32.1 -f -l 1473
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    file_lines "$EXPECTED/ping-014.txt"
    head_of "$BATS_TEST_TMPDIR/out" "${#FILE_LINES[@]}" "$BATS_TEST_TMPDIR/got"
    assert_same_file "$BATS_TEST_TMPDIR/got" "$EXPECTED/ping-014.txt"
    # Nothing was received: every echo is lost, no round-trip lines.
    {
        read_all "$EXPECTED/ping-014.txt"; printf %s "$REPLY"
        printf '\nPing statistics for 172.16.32.1:\n'
        printf '    Packets: Sent = 4, Received = 0, Lost = 4 (100%% loss),\n'
    } >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "ping-014's path without -f: 1473 bytes go through" {
    pingp "$BATS_TEST_TMPDIR/out" ping-013-014 172.16.32.1 -l 1473 -n 1
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    out_lines "$BATS_TEST_TMPDIR/out" '3'
    assert_output "Reply from 172.16.32.1: bytes=1473 time=3ms TTL=251"
}

@test "ping-019: three replies from a Linux host (TTL=64), Ctrl+C in PowerShell" {
    interrupted "$BATS_TEST_TMPDIR/out" 3 ping-019 192.168.140.18
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/ping-019.txt"
}

@test "ping-021: four Destination host unreachable replies count as received, exit 0" {
    pingp "$BATS_TEST_TMPDIR/out" ping-021 192.168.1.72
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/ping-021.txt"
    # the repair: only the indent of "Packets:" differs from the capture
    read_all "$EXPECTED/ping-021.txt"
    printf %s "${REPLY/$'\n'    Packets: /$'\n'Packets: }" >"$BATS_TEST_TMPDIR/capture"
    assert_same_file "$BATS_TEST_TMPDIR/capture" "$EXPECTED/ping-021.orig.txt"
}

@test "ping-025: a name, timeouts around one TTL expired reply, 75% loss, no round-trip lines" {
    pingp "$BATS_TEST_TMPDIR/out" ping-025 -i 2 www.google.pl
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/ping-025.txt"
}

@test "ping-018: IPv6 replies without bytes=/TTL=, one timeout among 19 echoes (English statistics)" {
    pingp "$BATS_TEST_TMPDIR/out" ping-018 -n 19 bing.com
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/ping-018.txt"
    # The repair (SOURCES): the wrapper's "Active code page: 437" line is
    # dropped; the lines up to the empty line before the statistics are the
    # capture's ...
    local i ours numbers
    file_lines "$EXPECTED/ping-018.txt"
    ours=("${FILE_LINES[@]}")
    file_lines "$EXPECTED/ping-018.orig.txt"
    assert_equal "${FILE_LINES[0]}" "Active code page: 437"
    for ((i = 0; i < 22; i++)); do
        assert_equal "${FILE_LINES[i + 1]}" "${ours[i]}"
    done
    # ... and the English statistics (windows-output.md sections 2.3 and 4)
    # carry the numbers of the capture's Chinese ones, line for line.
    for i in 1 2 3 4; do
        numbers_of "${ours[21 + i]}"
        numbers=$REPLY
        numbers_of "${FILE_LINES[22 + i]}"
        assert_equal "$numbers" "$REPLY"
    done
    assert_equal "${#FILE_LINES[@]}" 27
}

@test "ping-018 in redirected form: IPv6 reply lines end in one blank, the others do not" {
    pingp "$BATS_TEST_TMPDIR/out" ping-018 -n 19 bing.com --crlf
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    redirected_018 "$EXPECTED/ping-018.txt" "$BATS_TEST_TMPDIR/want"
    file_lines "$BATS_TEST_TMPDIR/want"
    assert_equal "${FILE_LINES[2]}" "Reply from 2620:1ec:33:1::10: time=41ms "$'\r'
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

# ---- usage and messages ----------------------------------------------------

@test "ping alone prints the usage, exit 1" {
    ping_run "$BATS_TEST_TMPDIR/out"
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    usage_text >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "ping /? and -? print the usage, exit 0" {
    usage_text >"$BATS_TEST_TMPDIR/want"
    ping_run "$BATS_TEST_TMPDIR/out" '/?'
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    ping_run "$BATS_TEST_TMPDIR/out" '-?'
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "unknown options: 'Bad option X.' as typed, then the usage, exit 1" {
    local opt
    for opt in -x /x -N -tt; do
        ping_run "$BATS_TEST_TMPDIR/out" "$opt" 10.1.3.2
        assert_exit 1 "$BATS_TEST_TMPDIR/out"
        { echo "Bad option $opt."; usage_text; } >"$BATS_TEST_TMPDIR/want"
        assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    done
}

@test "-n 0: Bad value for option -n, valid range is from 1 to 4294967295." {
    bad_value -n 0 1 4294967295
    bad_value -n 4294967296 1 4294967295
    bad_value -n abc 1 4294967295
    bad_value /n 0 1 4294967295
}

@test "ranges of -l (0..65500), -i (1..255), -v (0..255)" {
    bad_value -l 65501 0 65500
    bad_value -i 0 1 255
    bad_value -i 256 1 255
    bad_value -v 256 0 255
}

@test "ranges of -r (1..9), -s (1..4), -w (1..4294967295)" {
    bad_value -r 0 1 9
    bad_value -r 10 1 9
    bad_value -s 0 1 4
    bad_value -s 5 1 4
    bad_value -w 0 1 4294967295
    bad_value -w 4294967296 1 4294967295
}

@test "the limits of the ranges are accepted" {
    local args
    for args in "-n 1" "-l 0" "-l 65500" "-i 1" "-i 255" "-v 0" "-v 255" "-r 1" "-r 9" \
        "-s 1" "-s 4" "-w 1" "-w 4294967295"; do
        # shellcheck disable=SC2086
        pingp "$BATS_TEST_TMPDIR/out" stats -n 1 $args 10.1.4.2
        assert_exit 0 "$BATS_TEST_TMPDIR/out"
        out_lines "$BATS_TEST_TMPDIR/out" '2'
        assert_output --regexp '^Pinging 10\.1\.4\.2 with [0-9]+ bytes of data:$'
    done
}

@test "an option without its value: Value must be supplied for option -n." {
    ping_run "$BATS_TEST_TMPDIR/out" 10.1.3.2 -n
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    echo "Value must be supplied for option -n." >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    ping_run "$BATS_TEST_TMPDIR/out" -w
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    echo "Value must be supplied for option -w." >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "options but no target: IP address must be specified., exit 1" {
    ping_run "$BATS_TEST_TMPDIR/out" -n 2 -t
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    echo "IP address must be specified." >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "unknown host: one line, no leading empty line, exit 1" {
    pingp "$BATS_TEST_TMPDIR/out" stats no-such-host
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    echo "Ping request could not find host no-such-host. Please check the name and try again." \
        >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "-6: no IPv6 in the model, so even a known name or an address is not found" {
    local target
    for target in steady 10.1.3.2; do
        pingp "$BATS_TEST_TMPDIR/out" stats -6 "$target"
        assert_exit 1 "$BATS_TEST_TMPDIR/out"
        echo "Ping request could not find host $target. Please check the name and try again." \
            >"$BATS_TEST_TMPDIR/want"
        assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    done
    # -4 changes nothing
    pingp "$BATS_TEST_TMPDIR/out" stats -4 -n 1 steady
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
}

# ---- statistics --------------------------------------------------------------

@test "2 of 3 lost: (66% loss), truncated; round-trip lines from the one reply" {
    pingp "$BATS_TEST_TMPDIR/out" stats -n 3 10.1.1.2
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    put "$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.1.1.2 with 32 bytes of data:
Request timed out.
Reply from 10.1.1.2: bytes=32 time=5ms TTL=127
Request timed out.

Ping statistics for 10.1.1.2:
    Packets: Sent = 3, Received = 1, Lost = 2 (66% loss),
Approximate round trip times in milli-seconds:
    Minimum = 5ms, Maximum = 5ms, Average = 5ms
EOF
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "1 of 3 lost: (33% loss); a name target shows name [address] in the header only" {
    pingp "$BATS_TEST_TMPDIR/out" stats -n 3 flaky
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    put "$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging flaky [10.1.2.2] with 32 bytes of data:
Reply from 10.1.2.2: bytes=32 time=3ms TTL=127
Request timed out.
Reply from 10.1.2.2: bytes=32 time=4ms TTL=127

Ping statistics for 10.1.2.2:
    Packets: Sent = 3, Received = 2, Lost = 1 (33% loss),
Approximate round trip times in milli-seconds:
    Minimum = 3ms, Maximum = 4ms, Average = 3ms
EOF
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "average: truncated mean of the displayed times (1, 2, 2 -> 1ms)" {
    pingp "$BATS_TEST_TMPDIR/out" stats -n 3 10.1.3.2
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    put "$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.1.3.2 with 32 bytes of data:
Reply from 10.1.3.2: bytes=32 time=1ms TTL=127
Reply from 10.1.3.2: bytes=32 time=2ms TTL=127
Reply from 10.1.3.2: bytes=32 time=2ms TTL=127

Ping statistics for 10.1.3.2:
    Packets: Sent = 3, Received = 3, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 1ms, Maximum = 2ms, Average = 1ms
EOF
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "time<1ms counts as 0 in the minimum and the average" {
    pingp "$BATS_TEST_TMPDIR/out" stats -n 2 10.1.4.2
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    put "$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.1.4.2 with 32 bytes of data:
Reply from 10.1.4.2: bytes=32 time<1ms TTL=127
Reply from 10.1.4.2: bytes=32 time=3ms TTL=127

Ping statistics for 10.1.4.2:
    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 0ms, Maximum = 3ms, Average = 1ms
EOF
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "-w raises the timeout: the echoes that timed out come back, with 4-digit times" {
    pingp "$BATS_TEST_TMPDIR/out" stats -n 3 -w 6000 10.1.1.2
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    put "$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.1.1.2 with 32 bytes of data:
Reply from 10.1.1.2: bytes=32 time=5000ms TTL=127
Reply from 10.1.1.2: bytes=32 time=5ms TTL=127
Reply from 10.1.1.2: bytes=32 time=4100ms TTL=127

Ping statistics for 10.1.1.2:
    Packets: Sent = 3, Received = 3, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 5ms, Maximum = 5000ms, Average = 3035ms
EOF
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "only TTL expired replies: counted as received, no round-trip lines" {
    pingp "$BATS_TEST_TMPDIR/out" stats -n 2 -i 1 10.1.3.2
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    put "$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.1.3.2 with 32 bytes of data:
Reply from 10.0.0.1: TTL expired in transit.
Reply from 10.0.0.1: TTL expired in transit.

Ping statistics for 10.1.3.2:
    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),
EOF
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "only unreachable replies from a router: counted as received, no round-trip lines, exit 0" {
    pingp "$BATS_TEST_TMPDIR/out" stats -n 2 10.9.9.9
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    put "$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.9.9.9 with 32 bytes of data:
Reply from 10.0.0.1: Destination host unreachable.
Reply from 10.0.0.1: Destination host unreachable.

Ping statistics for 10.9.9.9:
    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),
EOF
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

# ---- exit statuses -------------------------------------------------------------

@test "exit status: 0 with any echo reply, even among timeouts" {
    # the sanitized build ran it in "2 of 3 lost"
    pingp_plain "$BATS_TEST_TMPDIR/out" stats -n 3 10.1.1.2
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    pingp "$BATS_TEST_TMPDIR/out" stats -n 1 10.1.5.2
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
}

@test "exit status: 0 with only Destination host unreachable replies" {
    pingp "$BATS_TEST_TMPDIR/out" ping-021 -n 1 192.168.1.72
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    pingp "$BATS_TEST_TMPDIR/out" stats -n 1 10.9.9.9
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
}

@test "exit status: 1 when every echo timed out" {
    pingp "$BATS_TEST_TMPDIR/out" stats -n 2 silent
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    count_lines "$BATS_TEST_TMPDIR/out" '^Request timed out\.$'
    assert_equal "$REPLY" 2
    file_lines "$BATS_TEST_TMPDIR/out"
    assert_equal "${FILE_LINES[-1]}" "    Packets: Sent = 2, Received = 0, Lost = 2 (100% loss),"
}

@test "exit status: 1 for an unknown host, a bad option, a bad value, no target" {
    local args
    # no-such-host: the sanitized build ran it in "unknown host"
    pingp_plain "$BATS_TEST_TMPDIR/out" stats no-such-host
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    for args in "-x 10.1.3.2" "-n 0 10.1.3.2" "-n" "-t"; do
        # shellcheck disable=SC2086
        pingp "$BATS_TEST_TMPDIR/out" stats $args
        assert_exit 1 "$BATS_TEST_TMPDIR/out"
    done
}

# ---- signals -------------------------------------------------------------------

@test "-t and SIGINT: the statistics, then Control-C, then exit" {
    interrupted "$BATS_TEST_TMPDIR/out" 3 stats 10.1.3.2
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    put "$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.1.3.2 with 32 bytes of data:
Reply from 10.1.3.2: bytes=32 time=1ms TTL=127
Reply from 10.1.3.2: bytes=32 time=2ms TTL=127
Reply from 10.1.3.2: bytes=32 time=2ms TTL=127

Ping statistics for 10.1.3.2:
    Packets: Sent = 3, Received = 3, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 1ms, Maximum = 2ms, Average = 1ms
Control-C
EOF
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "-t, SIGQUIT (Ctrl+Break): statistics and Control-Break, pinging goes on; then SIGINT" {
    local out=$BATS_TEST_TMPDIR/out
    start_forever "$out" stats 10.1.3.2
    wait_lines "$out" '^Reply from ' 2
    kill -QUIT "$PING_PID"
    wait_lines "$out" '^Control-Break$' 1
    # the next echo goes out at once after the break
    wait_lines "$out" '^Reply from ' 3
    kill -0 "$PING_PID" # still running
    kill -INT "$PING_PID"
    finish_run
    assert_exit 0 "$out"
    assert_same_file "$out" "$TESTS_DIR/expected/ping/stats-steady-break-2-then-c-3.txt"
}

@test "-t and SIGINT when every echo timed out: 100% loss, Control-C, exit 1" {
    local out=$BATS_TEST_TMPDIR/out
    start_forever "$out" stats -w 200 10.1.6.2
    wait_lines "$out" '^Request timed out\.$' 2
    kill -INT "$PING_PID"
    finish_run
    assert_exit 1 "$out"
    # how many echoes went out before the signal is not pinned: check the
    # shape, and that the counts agree with the lines
    local n
    count_lines "$out" '^Request timed out\.$'
    n=$REPLY
    {
        printf '\nPinging 10.1.6.2 with 32 bytes of data:\n'
        for ((i = 0; i < n; i++)); do echo "Request timed out."; done
        printf '\nPing statistics for 10.1.6.2:\n'
        printf '    Packets: Sent = %d, Received = 0, Lost = %d (100%% loss),\n' "$n" "$n"
        echo "Control-C"
    } >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$out" "$BATS_TEST_TMPDIR/want"
}

# ---- the redirected form ---------------------------------------------------------

@test "--crlf: a whole run in the redirected form is the console form with CRLF" {
    pingp "$BATS_TEST_TMPDIR/out" ping-001 --crlf 10.100.12.254
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    crlf_of "$EXPECTED/ping-001.txt" "$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    # NETMIMIC_CRLF=1 gives the same bytes
    NETMIMIC_CRLF=1 pingp "$BATS_TEST_TMPDIR/out2" ping-001 10.100.12.254
    assert_same_file "$BATS_TEST_TMPDIR/out2" "$BATS_TEST_TMPDIR/want"
}

@test "--crlf: the error replies and the usage too" {
    pingp "$BATS_TEST_TMPDIR/out" ping-021 --crlf 192.168.1.72
    crlf_of "$EXPECTED/ping-021.txt" "$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    ping_run "$BATS_TEST_TMPDIR/out" --crlf -help
    crlf_of "$EXPECTED/ping-004.txt" "$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

# ---- -r, -s, -l, -i, -f on tests/profiles/ping/chain.ini -----------------------
# The profile's comments derive the recorded addresses: out r1 10.0.12.1,
# r3 10.0.34.3 (r2 does not decrement: skipped), the target 10.0.34.4, back
# r3 10.0.23.3, r1 10.0.1.1.

@test "-r 9: every recorded hop, 11-space continuation lines joined by ' ->'" {
    pingp "$BATS_TEST_TMPDIR/out" chain -n 1 -r 9 10.0.34.4
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    put "$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.0.34.4 with 32 bytes of data:
Reply from 10.0.34.4: bytes=32 time=8ms TTL=126
    Route: 10.0.12.1 ->
           10.0.34.3 ->
           10.0.34.4 ->
           10.0.23.3 ->
           10.0.1.1

Ping statistics for 10.0.34.4:
    Packets: Sent = 1, Received = 1, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 8ms, Maximum = 8ms, Average = 8ms
EOF
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "-r 2: the first two hops only, after every reply" {
    pingp "$BATS_TEST_TMPDIR/out" chain -n 2 -r 2 10.0.34.4
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    put "$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.0.34.4 with 32 bytes of data:
Reply from 10.0.34.4: bytes=32 time=8ms TTL=126
    Route: 10.0.12.1 ->
           10.0.34.3
Reply from 10.0.34.4: bytes=32 time=8ms TTL=126
    Route: 10.0.12.1 ->
           10.0.34.3

Ping statistics for 10.0.34.4:
    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 8ms, Maximum = 8ms, Average = 8ms
EOF
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "-r on another branch: r3 records the interface towards far" {
    pingp "$BATS_TEST_TMPDIR/out" chain -n 1 -r 9 far
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    out_lines "$BATS_TEST_TMPDIR/out" '3,9'
    assert_output "Reply from 10.0.35.5: bytes=32 time=6ms TTL=126
    Route: 10.0.12.1 ->
           10.0.35.3 ->
           10.0.35.5 ->
           10.0.23.3 ->
           10.0.1.1"
    assert_equal "${#lines[@]}" 6
}

@test "-r: no route lines under an error reply" {
    pingp "$BATS_TEST_TMPDIR/out" chain -n 1 -i 2 -r 9 10.0.34.4
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    put "$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.0.34.4 with 32 bytes of data:
Reply from 10.0.23.3: TTL expired in transit.

Ping statistics for 10.0.34.4:
    Packets: Sent = 1, Received = 1, Lost = 0 (0% loss),
EOF
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "-r: a destination with record_on_arrival fills a slot on arrival and one on reply" {
    # de-ping-008's network: pc - r1 - target, the target a Linux host
    ping_out --profile "$TEST_PROFILES/locale-model/de-ping-008.ini" --seed 1 -n 1 \
        -r 9 134.108.190.10
    [ "$status" -eq 0 ]
    assert_line --index 1 "Reply from 134.108.190.10: bytes=32 time=3ms TTL=63"
    assert_line --index 2 "    Route: 134.108.190.14 ->"
    assert_line --index 3 "           134.108.190.10 ->"
    assert_line --index 4 "           134.108.190.10 ->"
    assert_line --index 5 "           134.108.11.254"
    assert_line --index 6 "Ping statistics for 134.108.190.10:"
    # the slots run out as the count says: the arrival takes the second
    ping_out --profile "$TEST_PROFILES/locale-model/de-ping-008.ini" --seed 1 -n 1 \
        -r 2 134.108.190.10
    assert_line --index 2 "    Route: 134.108.190.14 ->"
    assert_line --index 3 "           134.108.190.10"
    assert_line --index 4 "Ping statistics for 134.108.190.10:"
}

@test "-s 4: four timestamps, 15-space continuation lines, times of day in ms" {
    pingp "$BATS_TEST_TMPDIR/out" chain -n 2 -s 4 10.0.34.4
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # the layout, whatever the time of day
    out_lines "$BATS_TEST_TMPDIR/out" '4,7'
    assert_line --index 0 --regexp '^    Timestamp: 10\.0\.12\.1 : [0-9]+ ->$'
    assert_line --index 1 --regexp '^               10\.0\.34\.3 : [0-9]+ ->$'
    assert_line --index 2 --regexp '^               10\.0\.34\.4 : [0-9]+ ->$'
    assert_line --index 3 --regexp '^               10\.0\.23\.3 : [0-9]+$'
    # the times: one base of the day (below 86400000 ms), the second echo
    # one second later
    TS_BASE=
    check_timestamps "$BATS_TEST_TMPDIR/out" 4
    [ "$TS_BASE" -lt $((86400000 - 1004)) ]
    out_lines "$BATS_TEST_TMPDIR/out" '8'
    assert_output "Reply from 10.0.34.4: bytes=32 time=8ms TTL=126"
    TS_BASE=$((TS_BASE + 1000))
    check_timestamps "$BATS_TEST_TMPDIR/out" 9
    out_lines "$BATS_TEST_TMPDIR/out" '1,3' '13,$'
    assert_output "
Pinging 10.0.34.4 with 32 bytes of data:
Reply from 10.0.34.4: bytes=32 time=8ms TTL=126

Ping statistics for 10.0.34.4:
    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 8ms, Maximum = 8ms, Average = 8ms"
}

@test "-s with the same seed gives the same bytes; -r and -s together: Route then Timestamp" {
    pingp "$BATS_TEST_TMPDIR/a" chain -n 1 -s 2 -r 9 10.0.34.4
    # a's run again: the plain build's alone is enough
    pingp_plain "$BATS_TEST_TMPDIR/b" chain -n 1 -s 2 -r 9 10.0.34.4
    assert_same_file "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
    out_lines "$BATS_TEST_TMPDIR/a" '4,10'
    assert_line --index 0 "    Route: 10.0.12.1 ->"
    assert_line --index 4 "           10.0.1.1"
    assert_line --index 5 --regexp '^    Timestamp: 10\.0\.12\.1 : [0-9]+ ->$'
    assert_line --index 6 --regexp '^               10\.0\.34\.3 : [0-9]+$'
    assert_equal "${#lines[@]}" 7
}

@test "-s: the profile's time_of_day starts the run, each device stamps from its clock_offset" {
    # de-ping-010's network: the run starts at 14:02:59.031 (50579031 ms),
    # r1's clock is 1.5 ms ahead, the target (record_on_arrival) stamps
    # twice; RTT 1.2 ms: r1 at RTT/4, the rest at RTT/2; whatever the seed
    local p=$TEST_PROFILES/locale-model/de-ping-010.ini seed
    for seed in 1 2; do
        ping_out --profile "$p" --seed "$seed" -n 2 -s 4 134.108.190.10
        [ "$status" -eq 0 ]
        assert_line --index 1 "Reply from 134.108.190.10: bytes=32 time=1ms TTL=63"
        assert_line --index 2 "    Timestamp: 134.108.190.14 : 50579032 ->"
        assert_line --index 3 "               134.108.190.10 : 50579031 ->"
        assert_line --index 4 "               134.108.190.10 : 50579031 ->"
        assert_line --index 5 "               134.108.11.254 : 50579033"
        # the second echo, a second later
        assert_line --index 7 "    Timestamp: 134.108.190.14 : 50580032 ->"
        assert_line --index 10 "               134.108.11.254 : 50580033"
    done
}

@test "-s: a clock behind the network's wraps to the end of the day before" {
    sed -e 's/^time_of_day = .*/time_of_day = 00:00:00/' -e 's/^clock_offset = .*/clock_offset = -2/' \
        "$TEST_PROFILES/locale-model/de-ping-010.ini" >"$BATS_TEST_TMPDIR/p.ini"
    ping_out --profile "$BATS_TEST_TMPDIR/p.ini" -n 1 -s 4 134.108.190.10
    [ "$status" -eq 0 ]
    assert_line --index 2 "    Timestamp: 134.108.190.14 : 86399998 ->"
    assert_line --index 3 "               134.108.190.10 : 0 ->"
    assert_line --index 5 "               134.108.11.254 : 86399998"
}

@test "-l sets the size in the header and in bytes=" {
    pingp "$BATS_TEST_TMPDIR/out" chain -n 1 -l 0 10.0.34.4
    out_lines "$BATS_TEST_TMPDIR/out" '2,3'
    assert_output "Pinging 10.0.34.4 with 0 bytes of data:
Reply from 10.0.34.4: bytes=0 time=8ms TTL=126"
    pingp "$BATS_TEST_TMPDIR/out" chain -n 1 -l 65500 10.0.34.4
    out_lines "$BATS_TEST_TMPDIR/out" '2,3'
    assert_output "Pinging 10.0.34.4 with 65500 bytes of data:
Reply from 10.0.34.4: bytes=65500 time=8ms TTL=126"
}

@test "-i: TTL expires at the -i-th decrementing router; reply TTL is the initial TTL less the routers back" {
    pingp "$BATS_TEST_TMPDIR/out" chain -n 1 -i 1 t
    out_lines "$BATS_TEST_TMPDIR/out" '3'
    assert_output "Reply from 10.0.1.1: TTL expired in transit."
    # r2 does not decrement: TTL 2 runs out at r3
    pingp "$BATS_TEST_TMPDIR/out" chain -n 1 -i 2 t
    out_lines "$BATS_TEST_TMPDIR/out" '3'
    assert_output "Reply from 10.0.23.3: TTL expired in transit."
    # -i only limits the echo: the reply's TTL is 128 less r3 and r1
    local ttl
    for ttl in 3 255; do
        pingp "$BATS_TEST_TMPDIR/out" chain -n 1 -i "$ttl" t
        out_lines "$BATS_TEST_TMPDIR/out" '3'
        assert_output "Reply from 10.0.34.4: bytes=32 time=8ms TTL=126"
    done
}

@test "-f: a router on the way refuses a packet too big for its next link" {
    pingp "$BATS_TEST_TMPDIR/out" chain -n 1 -f -l 1373 far
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    put "$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging far [10.0.35.5] with 1373 bytes of data:
Reply from 10.0.23.3: Packet needs to be fragmented but DF set.

Ping statistics for 10.0.35.5:
    Packets: Sent = 1, Received = 1, Lost = 0 (0% loss),
EOF
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    # 1372 + 28 = 1400 fits the 1400-byte link
    pingp "$BATS_TEST_TMPDIR/out" chain -n 1 -f -l 1372 far
    out_lines "$BATS_TEST_TMPDIR/out" '3'
    assert_output "Reply from 10.0.35.5: bytes=1372 time=6ms TTL=126"
}

@test "-s: an echo that waited long delays the next one's timestamps" {
    # the first reply takes 5000 ms, so the second echo leaves 5000 ms after
    # the first (not 1000): its time is 5000 - 5000/4 + 5/4 ms later
    ping_out --profile "$TEST_PROFILES/ping/stats.ini" --seed 1 -n 2 -s 1 -w 6000 lossy
    [ "$status" -eq 0 ]
    local line t=()
    for line in "${lines[@]}"; do
        [[ $line =~ ^'    Timestamp: 10.1.1.1 : '([0-9]*)$ ]] && t+=("${BASH_REMATCH[1]}")
    done
    [ $((t[1] - t[0])) -eq 3751 ]
}

@test "-t: stops when nobody reads the output any more" {
    run --separate-stderr timeout 10 sh -c "'$BIN/ping' -t --seed 1 10.11.30.4 | head -3 >/dev/null; echo \"\${PIPESTATUS:-}\""
    [ "$status" -eq 0 ]   # not killed by timeout: ping ended by itself
    assert_equal "$stderr" "ping: cannot write standard output: Broken pipe"
}

@test "-k: the target too must be next to the last host of a strict route" {
    # hub-vm reaches the VNet (10.10.30.1) directly, but from there the branch
    # is behind the VPN gateway, whose instance refuses the strict route
    ping_out --seed 1 -n 1 -k 10.10.30.1 10.11.30.68
    assert_line 'Reply from 10.10.30.142: Bad route specified.'
}
