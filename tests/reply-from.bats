#!/usr/bin/env bats
# reply-from.bats - the device key reply_from: which address a router's own
# replies come from (tests/profiles/model/reply-from.ini).  The expected
# outputs are worked out by hand from the profile's constant latencies (see
# its picture) and the Windows formats of windows-output.md.

load lib/common

RF=$TEST_PROFILES/model/reply-from.ini

rf() { local tool=$1 out=$2; shift 2; tool_run "$tool" "$out" --profile "$RF" --seed 1 "$@"; }

@test "reply_from: ingress, a named loopback with its reverse name, toward-source, a fixed address" {
    rf tracert "$BATS_TEST_TMPDIR/out" 10.0.9.9
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # hop 1 r1, ingress 10.0.0.1: 1 ms each way = 2 ms
    # hop 2 r2, lo0 10.255.0.2 (Loopback0...): 1+2 out, 2+1 back = 6 ms
    # hop 3 r3, toward the source is link y (10.0.4.2): 1+2+3 out, 4+2+1 back = 13 ms
    # hop 4 r4, 10.0.9.1: 11 out, 5+7 back = 23 ms
    # hop 5 srv: 12 out, 1+12 back = 25 ms
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to 10.0.9.9 over a maximum of 30 hops

  1     2 ms     2 ms     2 ms  10.0.0.1
  2     6 ms     6 ms     6 ms  Loopback0.GW3.BOS4.ALTER.NET [10.255.0.2]
  3    13 ms    13 ms    13 ms  10.0.4.2
  4    23 ms    23 ms    23 ms  10.0.9.1
  5    25 ms    25 ms    25 ms  10.0.9.9

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "reply_from: ping -i 3 gets TTL expired from r3's interface toward the source" {
    rf ping "$BATS_TEST_TMPDIR/out" -n 1 -i 3 10.0.9.9
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    printf '%s\n' '' 'Pinging 10.0.9.9 with 32 bytes of data:' \
        'Reply from 10.0.4.2: TTL expired in transit.' '' \
        'Ping statistics for 10.0.9.9:' \
        '    Packets: Sent = 1, Received = 1, Lost = 0 (0% loss),' >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "reply_from: an echo to r4's link address comes back from its fixed address" {
    rf ping "$BATS_TEST_TMPDIR/out" -n 1 10.0.3.2
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # 1+2+3+5 = 11 ms out; back r3 takes link y: 5+4+2+1 = 12 ms;
    # TTL 255 less r3, r2, r1 on the way back
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Pinging 10.0.3.2 with 32 bytes of data:
Reply from 10.0.9.1: bytes=32 time=23ms TTL=252

Ping statistics for 10.0.3.2:
    Packets: Sent = 1, Received = 1, Lost = 0 (0% loss),
Approximate round trip times in milli-seconds:
    Minimum = 23ms, Maximum = 23ms, Average = 23ms
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "reply_from: a fixed address the PC's network has no route to times out" {
    sed 's/^reply_from = 10.0.9.1$/reply_from = 192.0.2.4/' "$RF" >"$BATS_TEST_TMPDIR/p.ini"
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" --seed 1 -d -h 4 10.0.9.9
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to 10.0.9.9 over a maximum of 4 hops

  1     2 ms     2 ms     2 ms  10.0.0.1
  2     6 ms     6 ms     6 ms  10.255.0.2
  3    13 ms    13 ms    13 ms  10.0.4.2
  4     *        *        *     Request timed out.

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "reply_from: without the key every router answers from its ingress interface" {
    sed '/^reply_from/d' "$RF" >"$BATS_TEST_TMPDIR/p.ini"
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" --seed 1 -d 10.0.9.9
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to 10.0.9.9 over a maximum of 30 hops

  1     2 ms     2 ms     2 ms  10.0.0.1
  2     6 ms     6 ms     6 ms  10.0.1.2
  3    13 ms    13 ms    13 ms  10.0.2.2
  4    23 ms    23 ms    23 ms  10.0.3.2
  5    25 ms    25 ms    25 ms  10.0.9.9

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "reply_from: bad values name the file, section and key" {
    sed 's/^reply_from = lo0$/reply_from = lo9/' "$RF" >"$BATS_TEST_TMPDIR/p.ini"
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" 10.0.9.9
    assert_equal "$status" 2
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" \
        "tracert: $BATS_TEST_TMPDIR/p.ini: [device r2] reply_from: 'lo9' is not ingress, toward-source, an interface of 'r2' or an address"
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out")" ""
    sed 's/^reply_from = 10.0.9.1$/reply_from = 10.0.9.1 10.0.9.2/' "$RF" >"$BATS_TEST_TMPDIR/p.ini"
    tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$BATS_TEST_TMPDIR/p.ini" 10.0.9.9
    assert_equal "$status" 2
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" \
        "ping: $BATS_TEST_TMPDIR/p.ini: [device r4] reply_from: two addresses of one family: one IPv4 and one IPv6 at most"
}
