#!/usr/bin/env bats
# lab.bats - the shipped teaching lab profiles/lab.ini: who reaches what,
# through which routers, before and after each failure scenario.
#
# The expected hop lists were read off the profile: r1 prefers r2 (local
# preference 200 on session r1-r2), r3 is the backup; r4 originates the
# default route it has from its static route to the ISP.  The times: without
# a router's late answer (spikes(0.03, ...) in reply_delay) the longest
# round trip in the lab is 4 links each way at most 0.1 ms plus a reply of
# at most 0.15 ms, under 1 ms, so every time is "<1 ms"; the seeds below
# (7 for the traces, 3 for the pings) draw no late answer in these runs,
# which makes the whole output exact, as in the captures the profile names
# (tracert-011, tracert-010, tracert-015, ping-001).

load lib/common

LAB_INI=$ROOT_DIR/profiles/lab.ini

lab() { local tool=$1 out=$2; shift 2; tool_run "$tool" "$out" --profile "$LAB_INI" "$@"; }

# want, same and trace_skeleton: tests/lib/common.bash.

@test "lab: tracert server from pc1: its canonical name, r1, r2 (preferred), r4; every time <1 ms" {
    lab tracert "$BATS_TEST_TMPDIR/out" --seed 7 server
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    want <<'WANT'

Tracing route to server.lab.example [192.168.40.10]
over a maximum of 30 hops:

  1    <1 ms    <1 ms    <1 ms  g0-0.r1.lab.example [192.168.10.1]
  2    <1 ms    <1 ms    <1 ms  g0-1.r2.lab.example [10.0.12.2]
  3    <1 ms    <1 ms    <1 ms  g0-1.r4.lab.example [10.0.24.2]
  4    <1 ms    <1 ms    <1 ms  server.lab.example [192.168.40.10]

Trace complete.
WANT
    same
}

@test "lab: tracert -d 192.168.40.10: the one-line header of an address, no names (as tracert-011)" {
    lab tracert "$BATS_TEST_TMPDIR/out" --seed 7 -d 192.168.40.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    want <<'WANT'

Tracing route to 192.168.40.10 over a maximum of 30 hops

  1    <1 ms    <1 ms    <1 ms  192.168.10.1
  2    <1 ms    <1 ms    <1 ms  10.0.12.2
  3    <1 ms    <1 ms    <1 ms  10.0.24.2
  4    <1 ms    <1 ms    <1 ms  192.168.40.10

Trace complete.
WANT
    same
}

@test "lab: an absent host of the server LAN: r4 reports Destination host unreachable (as tracert-010)" {
    lab tracert "$BATS_TEST_TMPDIR/out" --seed 7 -d 192.168.40.70
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    want <<'WANT'

Tracing route to 192.168.40.70 over a maximum of 30 hops

  1    <1 ms    <1 ms    <1 ms  192.168.10.1
  2    <1 ms    <1 ms    <1 ms  10.0.12.2
  3    <1 ms    <1 ms    <1 ms  10.0.24.2
  4  10.0.24.2  reports: Destination host unreachable.

Trace complete.
WANT
    same
}

@test "lab: scenario r1-r2-down: r1 takes the backup through r3" {
    lab tracert "$BATS_TEST_TMPDIR/out" --seed 7 --scenario r1-r2-down -d server.lab.example
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    trace_skeleton "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/got"
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to server.lab.example [192.168.40.10]
over a maximum of 30 hops:

192.168.10.1
10.0.13.2
10.0.34.2
192.168.40.10

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
}

@test "lab: scenario r2-r4-down: r2's way round through r1 is not offered back to r1, so r1 goes through r3" {
    lab tracert "$BATS_TEST_TMPDIR/out" --seed 7 --scenario r2-r4-down -d 192.168.40.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    trace_skeleton "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/got"
    printf '%s\n' '' 'Tracing route to 192.168.40.10 over a maximum of 30 hops' '' \
        192.168.10.1 10.0.13.2 10.0.34.2 192.168.40.10 '' 'Trace complete.' >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
}

@test "lab: the web server behind the ISP: r4's static default, originated to the others; the serial line's milliseconds" {
    lab tracert "$BATS_TEST_TMPDIR/out" --seed 7 www.isp.example
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    trace_skeleton "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/got"
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to www.isp.example [203.0.113.80]
over a maximum of 30 hops:

g0-0.r1.lab.example [192.168.10.1]
g0-1.r2.lab.example [10.0.12.2]
g0-1.r4.lab.example [10.0.24.2]
isp-gw.isp.example [198.51.100.1]
www.isp.example [203.0.113.80]

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
    # the uplink is normal(2.5, 0.2) each way: hops 4 and 5 take 4 to 7 ms
    run awk '$1 == 4 || $1 == 5 { for (i = 2; i <= 6; i += 2) if ($i < 4 || $i > 7) bad++ } END { print bad + 0 }' "$BATS_TEST_TMPDIR/out"
    assert_output 0
}

@test "lab: scenario uplink-down: no default route is left, r1 answers Destination net unreachable" {
    lab tracert "$BATS_TEST_TMPDIR/out" --seed 7 --scenario uplink-down -d 203.0.113.80
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    want <<'WANT'

Tracing route to 203.0.113.80 over a maximum of 30 hops

  1    <1 ms    <1 ms    <1 ms  192.168.10.1
  2  192.168.10.1  reports: Destination net unreachable.

Trace complete.
WANT
    same
}

@test "lab: ping the default gateway: TTL=255 from a router, time<1ms (as ping-001)" {
    lab ping "$BATS_TEST_TMPDIR/out" --seed 3 192.168.10.1
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    want <<'WANT'

Pinging 192.168.10.1 with 32 bytes of data:
Reply from 192.168.10.1: bytes=32 time<1ms TTL=255
Reply from 192.168.10.1: bytes=32 time<1ms TTL=255
Reply from 192.168.10.1: bytes=32 time<1ms TTL=255
Reply from 192.168.10.1: bytes=32 time<1ms TTL=255

Ping statistics for 192.168.10.1:
    Packets: Sent = 4, Received = 4, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 0ms, Maximum = 0ms, Average = 0ms
WANT
    same
}

@test "lab: ping -a the server's address shows its name; TTL 128 less three routers" {
    lab ping "$BATS_TEST_TMPDIR/out" --seed 3 -a -n 2 192.168.40.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_equal "$(sed -n 2p "$BATS_TEST_TMPDIR/out")" \
        "Pinging server.lab.example [192.168.40.10] with 32 bytes of data:"
    run grep -c '^Reply from 192.168.40.10: bytes=32 time<1ms TTL=125$' "$BATS_TEST_TMPDIR/out"
    assert_output 2
}

@test "lab: pc2 from pc1 on the LAN: no router between, TTL=128; from pc2 with --from" {
    lab ping "$BATS_TEST_TMPDIR/out" --seed 3 -n 1 pc2
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    grep -qx 'Reply from 192.168.10.11: bytes=32 time<1ms TTL=128' "$BATS_TEST_TMPDIR/out"
    lab ping "$BATS_TEST_TMPDIR/out" --seed 3 --from pc2 -n 1 pc1
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    grep -qx 'Reply from 192.168.10.10: bytes=32 time<1ms TTL=128' "$BATS_TEST_TMPDIR/out"
}

@test "lab: the web server answers with TTL 64 less four routers" {
    lab ping "$BATS_TEST_TMPDIR/out" --seed 3 -n 2 www.isp.example
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    run grep -Ec '^Reply from 203\.0\.113\.80: bytes=32 time=[4-7]ms TTL=60$' "$BATS_TEST_TMPDIR/out"
    assert_output 2
}
