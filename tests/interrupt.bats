#!/usr/bin/env bats
# interrupt.bats - --interrupt-after N and --break-after N press Ctrl+C and
# Ctrl+Break after the Nth result, with no signal and no --realtime, and
# give the bytes a real key gives at that moment; NETMIMIC_SHOW_SEED shows
# the seed of a run, and --seed with it replays the run byte for byte.
#
# The references: the real captures that end with Ctrl+C
# (tests/expected/ping-corpus/ping-005, -006, -009, -010, -019, copies of
# ../shared/corpus/, without cmd.exe's "^C" echo, which is the shell's), and
# for what no capture shows, outputs written here by hand from the Windows
# formats of ../shared/docs/windows-output.md (sections 1.4, 2.3, 3.2) and
# the profiles' pinned values (tests/profiles/ping/stats.ini says how each
# value is pinned).  ping catches both keys (statistics and Control-C /
# Control-Break, section 2.3); tracert and pathping catch none, so a key
# ends them where they stand (exit status 130, as a shell reports a program
# Ctrl+C ended).

load lib/common

bats_require_minimum_version 1.5.0

EXPECTED=$TESTS_DIR/expected/ping-corpus
PPROFILES=$TEST_PROFILES/ping

# on TOOL PROFILE ARGS...: TOOL over tests/profiles/ping/PROFILE.ini, seed 1;
# stdout in $OUT, stderr in $OUT.err, the exit status in $status.
on() {
    local tool=$1 profile=$2
    shift 2
    OUT=$BATS_TEST_TMPDIR/out
    tool_run "$tool" "$OUT" --profile "$PPROFILES/$profile.ini" --seed 1 "$@"
}

# The copy of a capture without cmd.exe's "^C" echo.
capture() {
    sed '/^\^C$/d' "$EXPECTED/$1.txt" >"$BATS_TEST_TMPDIR/want"
}

# ---- ping: the captures that end with Ctrl+C ---------------------------------

@test "ping-005: 'ping 192.168.0.4' (no -t), Ctrl+C after two replies" {
    on ping ping-005 --interrupt-after 2 192.168.0.4
    assert_exit 0 "$OUT"
    capture ping-005
    same
}

@test "ping-005 with -t: the same bytes" {
    on ping ping-005 -t --interrupt-after=2 192.168.0.4
    assert_exit 0 "$OUT"
    capture ping-005
    same
}

@test "ping-006: -a, Ctrl+C after two replies" {
    on ping ping-006 -a --interrupt-after 2 192.168.0.4
    assert_exit 0 "$OUT"
    capture ping-006
    same
}

@test "ping-009: Ctrl+C after one Destination host unreachable reply: Sent = 1, no round-trip lines, exit 0" {
    on ping ping-009-010 --interrupt-after 1 192.168.1.3
    assert_exit 0 "$OUT"
    capture ping-009
    same
}

@test "ping-010: Ctrl+C after three replies" {
    on ping ping-009-010 -t --interrupt-after 3 192.168.1.11
    assert_exit 0 "$OUT"
    capture ping-010
    same
}

@test "ping-019: Ctrl+C after three replies of a Linux host" {
    on ping ping-019 --interrupt-after 3 192.168.140.18
    assert_exit 0 "$OUT"
    capture ping-019
    same
}

@test "ping-005 in the redirected form: every line CRLF, Control-C too" {
    on ping ping-005 --crlf --interrupt-after 2 192.168.0.4
    assert_exit 0 "$OUT"
    capture ping-005
    sed -i 's/$/\r/' "$BATS_TEST_TMPDIR/want"
    same
}

# ---- ping: Ctrl+C with no capture --------------------------------------------

@test "-t, Ctrl+C after five echoes that all timed out: 100% loss, exit 1" {
    on ping stats -t -w 200 --interrupt-after 5 10.1.6.2
    assert_exit 1 "$OUT"
    {
        printf '\nPinging 10.1.6.2 with 32 bytes of data:\n'
        for i in 1 2 3 4 5; do echo "Request timed out."; done
        printf '\nPing statistics for 10.1.6.2:\n'
        printf '    Packets: Sent = 5, Received = 0, Lost = 5 (100%% loss),\n'
        echo "Control-C"
    } >"$BATS_TEST_TMPDIR/want"
    same
}

@test "Ctrl+C after 2 of 3 lost: 66% loss (truncated), the round trip of the one reply" {
    on ping stats --interrupt-after 3 -n 10 10.1.1.2
    assert_exit 0 "$OUT"
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.1.1.2 with 32 bytes of data:
Request timed out.
Reply from 10.1.1.2: bytes=32 time=5ms TTL=127
Request timed out.

Ping statistics for 10.1.1.2:
    Packets: Sent = 3, Received = 1, Lost = 2 (66% loss),
Approximate round trip times in milli-seconds:
    Minimum = 5ms, Maximum = 5ms, Average = 5ms
Control-C
EOF
    same
}

@test "a key after the last echo of -n finds the run over: the plain run's bytes" {
    on ping stats -n 2 10.1.3.2
    cp "$OUT" "$BATS_TEST_TMPDIR/want"
    grep -q 'Sent = 2, Received = 2' "$BATS_TEST_TMPDIR/want"
    on ping stats -n 2 --interrupt-after 2 --break-after 2 10.1.3.2
    assert_exit 0 "$OUT"
    same
    on ping stats -n 2 --interrupt-after 7 10.1.3.2
    same
}

# ---- ping: Ctrl+Break ---------------------------------------------------------

@test "-t, Ctrl+Break after two replies, Ctrl+C after three (as with SIGQUIT, SIGINT)" {
    on ping stats -t --break-after 2 --interrupt-after 3 10.1.3.2
    assert_exit 0 "$OUT"
    # the same bytes as the keys pressed as signals (ping.bats)
    assert_same_file "$OUT" "$TESTS_DIR/expected/ping/stats-steady-break-2-then-c-3.txt"
}

@test "-n 3, Ctrl+Break after the first: the run goes on to its own end, no Control-C" {
    on ping stats -n 3 --break-after 1 10.1.3.2
    assert_exit 0 "$OUT"
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Pinging 10.1.3.2 with 32 bytes of data:
Reply from 10.1.3.2: bytes=32 time=1ms TTL=127

Ping statistics for 10.1.3.2:
    Packets: Sent = 1, Received = 1, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 1ms, Maximum = 1ms, Average = 1ms
Control-Break
Reply from 10.1.3.2: bytes=32 time=2ms TTL=127
Reply from 10.1.3.2: bytes=32 time=2ms TTL=127

Ping statistics for 10.1.3.2:
    Packets: Sent = 3, Received = 3, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 1ms, Maximum = 2ms, Average = 1ms
EOF
    same
}

@test "Ctrl+Break twice after one echo, then Ctrl+C at the same point: two statistics, then the third" {
    on ping stats -t --break-after 1 --break-after 1 --interrupt-after 1 10.1.5.2
    assert_exit 0 "$OUT"
    {
        printf '\nPinging 10.1.5.2 with 32 bytes of data:\n'
        echo "Reply from 10.1.5.2: bytes=32 time=10ms TTL=63"
        for key in Control-Break Control-Break Control-C; do
            printf '\nPing statistics for 10.1.5.2:\n'
            printf '    Packets: Sent = 1, Received = 1, Lost = 0 (0%% loss),\n'
            printf 'Approximate round trip times in milli-seconds:\n'
            printf '    Minimum = 10ms, Maximum = 10ms, Average = 10ms\n'
            echo "$key"
        done
    } >"$BATS_TEST_TMPDIR/want"
    same
}

@test "German: the statistics in German, then the catalogue's Control-C (unconfirmed: STRG+C)" {
    on ping ping-005 --lang de-DE --interrupt-after 2 192.168.0.4
    assert_exit 0 "$OUT"
    # ../shared/corpus-locale/INDEX.md, German message table
    cat >"$BATS_TEST_TMPDIR/want" <<'EOF'

Ping wird ausgeführt für 192.168.0.4 mit 32 Bytes Daten:
Antwort von 192.168.0.4: Bytes=32 Zeit=29ms TTL=128
Antwort von 192.168.0.4: Bytes=32 Zeit=12ms TTL=128

Ping-Statistik für 192.168.0.4:
    Pakete: Gesendet = 2, Empfangen = 2, Verloren = 0
    (0% Verlust),
Ca. Zeitangaben in Millisek.:
    Minimum = 12ms, Maximum = 29ms, Mittelwert = 20ms
STRG+C
EOF
    same
}

@test "--json: the record of a run stopped by --interrupt-after says interrupted" {
    on ping ping-005 --json "$BATS_TEST_TMPDIR/r.json" --interrupt-after 2 192.168.0.4
    assert_exit 0 "$OUT"
    run jq -c '[.interrupted, .packets_transmitted, (.responses | length)]' \
        "$BATS_TEST_TMPDIR/r.json"
    assert_output '[true,2,2]'
}

# ---- tracert and pathping: no handler, the key ends them --------------------------

@test "tracert: Ctrl+C after the 4th probe ends the trace mid-line, exit 130" {
    on tracert stats --interrupt-after 4 10.1.3.2
    assert_exit 130 "$OUT"
    # hop 1 (r answers at once: <1 ms), then hop 2's first field, and the
    # line stays cut: no address, no line end, no "Trace complete."
    printf '\nTracing route to 10.1.3.2 over a maximum of 30 hops\n\n%s\n%s' \
        '  1    <1 ms    <1 ms    <1 ms  10.0.0.1' \
        '  2     1 ms' >"$BATS_TEST_TMPDIR/want"
    same
}

@test "tracert --crlf: the cut line keeps the blanks Windows wrote after the field" {
    on tracert stats --crlf --break-after 4 10.1.3.2
    assert_exit 130 "$OUT"
    printf '\r\nTracing route to 10.1.3.2 over a maximum of 30 hops\r\n\r\n%s\r\n%s' \
        '  1    <1 ms    <1 ms    <1 ms  10.0.0.1 ' \
        '  2     1 ms  ' >"$BATS_TEST_TMPDIR/want"
    same
}

@test "tracert: a key after the 3rd probe of a hop comes before its address" {
    on tracert stats --interrupt-after 3 10.1.3.2
    assert_exit 130 "$OUT"
    printf '\nTracing route to 10.1.3.2 over a maximum of 30 hops\n\n%s' \
        '  1    <1 ms    <1 ms    <1 ms' >"$BATS_TEST_TMPDIR/want"
    same
}

@test "tracert: a key after the trace's end changes nothing" {
    on tracert stats 10.1.3.2
    cp "$OUT" "$BATS_TEST_TMPDIR/want"
    on tracert stats --interrupt-after 7 10.1.3.2
    assert_exit 0 "$OUT"
    same
}

@test "pathping: Ctrl+C in phase 1 leaves the hops printed so far, exit 130" {
    on pathping stats -n -q 5 --interrupt-after 1 10.1.3.2
    assert_exit 130 "$OUT"
    printf '\nTracing route to 10.1.3.2 over a maximum of 30 hops\n%s\n%s\n' \
        '  0  10.0.0.2' '  1  10.0.0.1' >"$BATS_TEST_TMPDIR/want"
    same
}

@test "pathping: Ctrl+C in phase 2: 'Computing statistics' and no table" {
    on pathping stats -n -q 5 --interrupt-after 3 10.1.3.2
    assert_exit 130 "$OUT"
    # 2 hops x 5 queries x 250 ms = 2.5 s, truncated
    printf '\nTracing route to 10.1.3.2 over a maximum of 30 hops\n%s\n%s\n%s\n\n%s\n' \
        '  0  10.0.0.2' '  1  10.0.0.1' '  2  10.1.3.2' \
        'Computing statistics for 2 seconds...' >"$BATS_TEST_TMPDIR/want"
    same
}

@test "pathping: a silent hop's line is out after its third try, not before" {
    on pathping stats -n -q 5 --interrupt-after 3 10.1.6.2
    assert_exit 130 "$OUT"
    printf '\nTracing route to 10.1.6.2 over a maximum of 30 hops\n%s\n%s\n' \
        '  0  10.0.0.2' '  1  10.0.0.1' >"$BATS_TEST_TMPDIR/want"
    same
    on pathping stats -n -q 5 --interrupt-after 4 10.1.6.2
    assert_exit 130 "$OUT"
    printf '\nTracing route to 10.1.6.2 over a maximum of 30 hops\n%s\n%s\n%s\n' \
        '  0  10.0.0.2' '  1  10.0.0.1' '  2     *        *        *' >"$BATS_TEST_TMPDIR/want"
    same
}

@test "pathping: after the last query the run completes: the whole table, exit 0" {
    on pathping stats -n -q 5 10.1.3.2
    cp "$OUT" "$BATS_TEST_TMPDIR/want"
    grep -q '^Trace complete\.$' "$BATS_TEST_TMPDIR/want"
    on pathping stats -n -q 5 --interrupt-after 12 10.1.3.2
    assert_exit 0 "$OUT"
    same
}

# ---- bad values -------------------------------------------------------------------

@test "--interrupt-after and --break-after take a whole number from 1: else exit 2, one line" {
    local v
    for v in 0 -1 x 1.5 4294967296; do
        on ping stats --interrupt-after "$v" 10.1.3.2
        assert_equal "$status" 2
        assert_equal "$(cat "$OUT")" ""
        assert_equal "$(cat "$OUT.err")" \
            "ping: --interrupt-after: '$v' is not a whole number from 1 to 4294967295"
        on tracert stats "--break-after=$v" 10.1.3.2
        assert_equal "$status" 2
        assert_equal "$(cat "$OUT.err")" \
            "tracert: --break-after: '$v' is not a whole number from 1 to 4294967295"
    done
    on pathping stats 10.1.3.2 --interrupt-after
    assert_equal "$status" 2
    assert_equal "$(cat "$OUT.err")" "pathping: option --interrupt-after needs a value"
}

# ---- NETMIMIC_SHOW_SEED ------------------------------------------------------------

# shown TOOL ARGS...: runs TOOL on the default profile with
# NETMIMIC_SHOW_SEED=1 and no seed; the seed it showed goes to $SEED.
shown() {
    local tool=$1
    shift
    OUT=$BATS_TEST_TMPDIR/first
    status=0
    NETMIMIC_SHOW_SEED=1 "$BIN/$tool" "$@" >"$OUT" 2>"$OUT.err" || status=$?
    run cat "$OUT.err"
    assert_output --regexp '^netmimic: seed [0-9]+$'
    SEED=${output#netmimic: seed }
}

# replayed TOOL ARGS...: the same command with --seed $SEED gives the same
# bytes, and nothing on stderr without NETMIMIC_SHOW_SEED.
replayed() {
    local tool=$1
    shift
    tool_run "$tool" "$BATS_TEST_TMPDIR/again" --seed "$SEED" "$@"
    assert_equal "$(cat "$BATS_TEST_TMPDIR/again.err")" ""
    assert_same_file "$BATS_TEST_TMPDIR/again" "$BATS_TEST_TMPDIR/first"
}

@test "NETMIMIC_SHOW_SEED=1: tracert shows its fresh seed, and --seed replays it byte for byte" {
    shown tracert --from spoke-vm 10.2.30.10
    assert_equal "$status" 0
    replayed tracert --from spoke-vm 10.2.30.10
}

@test "NETMIMIC_SHOW_SEED=1: ping -n 20 to a lossy path, replayed" {
    shown ping --from loc2-vm -n 20 10.10.30.4
    replayed ping --from loc2-vm -n 20 10.10.30.4
}

@test "NETMIMIC_SHOW_SEED=1: pathping, replayed" {
    shown pathping -q 20 10.17.30.4
    replayed pathping -q 20 10.17.30.4
}

@test "NETMIMIC_SHOW_SEED=1: ping -s, whose time of day then comes from the seed, replayed" {
    shown ping --from loc1-vm -s 4 -n 2 10.10.30.4
    grep -q 'Timestamp:' "$BATS_TEST_TMPDIR/first"
    replayed ping --from loc1-vm -s 4 -n 2 10.10.30.4
}

@test "NETMIMIC_SHOW_SEED=1 with --seed: shows the seed given; other values show nothing" {
    NETMIMIC_SHOW_SEED=1 tool_run ping "$BATS_TEST_TMPDIR/out" --seed 18446744073709551615 -n 1 10.2.30.10
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" "netmimic: seed 18446744073709551615"
    tool_run ping "$BATS_TEST_TMPDIR/plain" --seed 18446744073709551615 -n 1 10.2.30.10
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/plain"
    local v
    for v in 0 yes 2 ""; do
        NETMIMIC_SHOW_SEED=$v tool_run ping "$BATS_TEST_TMPDIR/out" --seed 3 -n 1 10.2.30.10
        assert_exit 0 "$BATS_TEST_TMPDIR/out"
    done
}

@test "NETMIMIC_SHOW_SEED=1: a setup error shows no seed, only its message" {
    NETMIMIC_SHOW_SEED=1 tool_run ping "$BATS_TEST_TMPDIR/out" --from nobody 10.2.30.10
    assert_equal "$status" 2
    run cat "$BATS_TEST_TMPDIR/out.err"
    refute_output --partial "seed"
}
