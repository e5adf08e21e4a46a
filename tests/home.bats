#!/usr/bin/env bats
# home.bats - the shipped dual-stack profile profiles/home.ini: who reaches
# what, over which family, through which hops.  Its latencies are drawn, so
# these tests compare the lines that do not depend on the draws whole (the
# header, the address column of every hop, the footer) and check the
# drawn times only against the ranges the profile's links allow.  The
# expected hop lists were read off the profile's interfaces and routes.

load lib/common

HOME_INI=$ROOT_DIR/profiles/home.ini

home() { local tool=$1 out=$2; shift 2; tool_run "$tool" "$out" --profile "$HOME_INI" --seed 7 "$@"; }

@test "home: tracert dns.google goes over IPv6, with the ISP's reverse names" {
    home tracert "$BATS_TEST_TMPDIR/out" dns.google
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    trace_skeleton "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/got"
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to dns.google [2001:4860:4860::8888]
over a maximum of 30 hops:

router.home [2001:db8:4a1:10::1]
bng1-cust.fra1.isp.example.net [2001:db8:ff00:1::1]
cr1.fra1.isp.example.net [2001:db8:ff00:2::1]
2001:db8:ff00:8::1
dns.google [2001:4860:4860::8888]

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
}

@test "home: tracert -4 -d one.one.one.one: the IPv4 path, no names" {
    home tracert "$BATS_TEST_TMPDIR/out" -4 -d one.one.one.one
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    trace_skeleton "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/got"
    cat >"$BATS_TEST_TMPDIR/want" <<'WANT'

Tracing route to one.one.one.one [1.1.1.1]
over a maximum of 30 hops:

192.168.1.1
203.0.113.46
198.51.100.0
198.51.100.11
1.1.1.1

Trace complete.
WANT
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
}

@test "home: ping -a 8.8.8.8 shows dns.google; TTL 128 less four routers; times in the links' range" {
    home ping "$BATS_TEST_TMPDIR/out" -a -n 3 8.8.8.8
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_equal "$(sed -n 2p "$BATS_TEST_TMPDIR/out")" "Pinging dns.google [8.8.8.8] with 32 bytes of data:"
    # Wi-Fi 0.8..2.5 (+ spikes) + DSL 6 + ... one way: 17 to about 60 ms
    run awk '/^Reply from 8\.8\.8\.8: bytes=32 time=[0-9]+ms TTL=124$/ {
                 t = $5; sub(/^time=/, "", t); sub(/ms$/, "", t); if (t + 0 >= 17 && t + 0 <= 60) n++
             } END { print n + 0 }' "$BATS_TEST_TMPDIR/out"
    assert_output 3
}

@test "home: ping www.example.com over IPv6 crosses the ocean (about 100 ms), and -4 gives TTL=60" {
    home ping "$BATS_TEST_TMPDIR/out" -n 2 www.example.com
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    run awk '/^Reply from 2606:2800:21f:cb07:6820:80da:af6b:8b2c: time=(9[0-9]|1[01][0-9])ms$/ { n++ } END { print n }' "$BATS_TEST_TMPDIR/out"
    assert_output 2
    home ping "$BATS_TEST_TMPDIR/out" -4 -n 1 example.com
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    grep -Eq '^Reply from 93\.184\.215\.14: bytes=32 time=[0-9]+ms TTL=60$' "$BATS_TEST_TMPDIR/out"
}

@test "home: the two machines of the LAN reach each other in one hop, by name" {
    home tracert "$BATS_TEST_TMPDIR/out" -4 laptop
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    trace_skeleton "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/got"
    printf '\nTracing route to laptop [192.168.1.42]\nover a maximum of 30 hops:\n\nlaptop.home [192.168.1.42]\n\nTrace complete.\n' >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
    tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$HOME_INI" --from laptop -n 1 DESKTOP-7Q2M4KD
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    grep -Eq '^Reply from 2001:db8:4a1:10:5d2e:9a41:7c3b:e0f4: time=[0-9]+ms$' "$BATS_TEST_TMPDIR/out"
}

@test "home: an absent LAN neighbour: the PC's own Destination host unreachable" {
    home ping "$BATS_TEST_TMPDIR/out" -n 1 192.168.1.99
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_equal "$(sed -n 3p "$BATS_TEST_TMPDIR/out")" "Reply from 192.168.1.23: Destination host unreachable."
}

@test "home: with the DSL line down, nothing past the home router answers" {
    home tracert "$BATS_TEST_TMPDIR/out" --scenario access-down -h 3 -d dns.google
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    trace_skeleton "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/got"
    printf '\nTracing route to dns.google [2001:4860:4860::8888]\nover a maximum of 3 hops:\n\n2001:db8:4a1:10::1\nRequest timed out.\nRequest timed out.\n\nTrace complete.\n' >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
}

# The shape of a ping: the name and address of the header and the reply
# lines, and every time, taken out; cmd.exe's "^C" echo left out (it is
# the shell's, see interrupt.bats).
ping_shape() {
    sed -E '/^\^C$/d; s/^Pinging [^ ]+ \[[^]]+\]/Pinging NAME [ADDR]/;
            s/(Reply from |statistics for )[0-9.]+/\1ADDR/;
            s/time[<=][0-9]+ms/time=Tms/; s/= [0-9]+ms/= Tms/g' "$1"
}

@test "home: ping -a laptop's address, Ctrl+C after two replies: the shape of ping-006 (a LAN PC by its name, TTL=128)" {
    home ping "$BATS_TEST_TMPDIR/out" -4 -a --interrupt-after 2 192.168.1.42
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_equal "$(sed -n 2p "$BATS_TEST_TMPDIR/out")" "Pinging laptop.home [192.168.1.42] with 32 bytes of data:"
    ping_shape "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/got"
    ping_shape "$TESTS_DIR/expected/ping-corpus/ping-006.txt" >"$BATS_TEST_TMPDIR/real"
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/real"
}

@test "home: tracert -6 dns.google has the form of tracert-009: a named IPv6 target, IPv6 hops, the target named last" {
    home tracert "$BATS_TEST_TMPDIR/out" -6 dns.google
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # each line's form: the header, hop lines by what they show, the footer
    form() {
        awk '/^Tracing route to [^ ]+ \[[0-9a-f:]+\]$/ { print "header: name [IPv6]"; next }
             /^  *[0-9]+  .*\[[0-9a-f:]+\]$/ { last = "hop: name [IPv6]"; n++; next }
             /^  *[0-9]+  .*  [0-9a-f:]+$/ { n++; next }
             /^  *[0-9]+  .*Request timed out\.$/ { n++; next }
             /^  *[0-9]+  / { print "other hop: " $0; next }
             { print }
             END { print "last " last; print (n >= 5 ? "5 hops or more" : n " hops") }' "$1"
    }
    form "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/got"
    form "$TESTS_DIR/expected/corpus/tracert-009.txt" >"$BATS_TEST_TMPDIR/real"
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/real"
}
