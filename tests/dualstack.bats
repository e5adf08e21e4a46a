#!/usr/bin/env bats
# dualstack.bats - IPv6, the loopback and the host's own names.
#
# tests/profiles/ipv6/chain.ini has constant latencies that binary floating
# point holds exactly and no reply delays, so every time below was worked
# out by hand from its comment (hop 1 0.5 ms "<1", hop 2 2.5 ms "2", hop 3
# 12.5 ms "12", the servers 13.5 ms "13"), whatever the seed.  The line
# forms are those of ../shared/docs/windows-output.md section 4 (IPv6) and
# sections 1 to 3 (the rest); tests/expected/ipv6/ and loopback/ were
# written from them, not from the program's output.  The loopback files
# have HOSTNAME (and OWNADDR) where the profile's host name goes.

load lib/common

EXPECTED6=$TESTS_DIR/expected/ipv6
EXPECTED_LO=$TESTS_DIR/expected/loopback
CHAIN=$TEST_PROFILES/ipv6/chain.ini
HOME_PROFILE=$ROOT_DIR/profiles/home.ini

chain() { local tool=$1 out=$2; shift 2; tool_run "$tool" "$out" --profile "$CHAIN" --seed 1 "$@"; }

# The loopback file NAME with the host's name (and address) filled in.
loopback_expected() {
    sed -e "s/HOSTNAME/$2/g" -e "s/OWNADDR/${3:-}/g" "$EXPECTED_LO/$1" >"$BATS_TEST_TMPDIR/want"
}

# ---- IPv6 through the model --------------------------------------------------

@test "tracert: a name with an IPv6 address is traced over IPv6 (the PC has IPv6)" {
    chain tracert "$BATS_TEST_TMPDIR/out" srv.example.net
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/tracert-srv.txt"
}

@test "tracert -6 -d: the one-line header and bare addresses" {
    chain tracert "$BATS_TEST_TMPDIR/out" -6 -d 2001:db8:2::80
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/tracert-srv-d.txt"
}

@test "tracert over IPv6, redirected form: a trailing blank after each hop address" {
    chain tracert "$BATS_TEST_TMPDIR/out" --crlf srv.example.net
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/tracert-srv.crlf"
}

@test "tracert -R: the trace goes on past the target back to the source" {
    chain tracert "$BATS_TEST_TMPDIR/out" -R srv.example.net
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/tracert-srv-R.txt"
}

@test "tracert -S: an IPv6 source address of the host works" {
    chain tracert "$BATS_TEST_TMPDIR/out" -S 2001:db8:1::10 srv.example.net
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/tracert-srv.txt"
}

@test "tracert -j over IPv6 is refused" {
    chain tracert "$BATS_TEST_TMPDIR/out" -j r1.example.net srv.example.net
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    printf 'Option -j is only supported for IPv4.\n' >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "ping over IPv6: no bytes= and no TTL= in the replies" {
    chain ping "$BATS_TEST_TMPDIR/out" srv.example.net
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/ping-srv6.txt"
}

@test "ping over IPv6, redirected form: one trailing blank after each reply" {
    chain ping "$BATS_TEST_TMPDIR/out" --crlf -n 2 srv.example.net
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/ping-srv6-n2.crlf"
}

@test "ping -4: the same name over IPv4, TTL 128 less three routers" {
    chain ping "$BATS_TEST_TMPDIR/out" -4 srv.example.net
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/ping-srv4.txt"
}

@test "ping over IPv6: an absent neighbour is a bare line and counts as lost (exit 1)" {
    chain ping "$BATS_TEST_TMPDIR/out" 2001:db8:1::77
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/ping-neighbor6.txt"
}

@test "ping over IPv4: an absent neighbour is a reply from the host itself, received (exit 0)" {
    chain ping "$BATS_TEST_TMPDIR/out" 10.0.0.77
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/ping-neighbor4.txt"
}

@test "ping -i over IPv6: TTL expired at the router that takes it to 0" {
    chain ping "$BATS_TEST_TMPDIR/out" -n 2 -i 2 srv.example.net
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/ping-ttl6.txt"
}

@test "ping over IPv6: a router's Destination net unreachable" {
    chain ping "$BATS_TEST_TMPDIR/out" -n 1 2001:db8:3::1
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/ping-net6.txt"
}

@test "ping -S with an IPv6 source of the host" {
    chain ping "$BATS_TEST_TMPDIR/out" -n 1 -S 2001:db8:1::10 srv.example.net
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/ping-source6.txt"
}

@test "ping -S with an IPv6 address that is not the host's: transmit failed" {
    chain ping "$BATS_TEST_TMPDIR/out" -n 2 -S 2001:db8:1::99 srv.example.net
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/ping-foreign-source6.txt"
}

@test "ping :: and 127.0.0.0: General failure., counted as lost" {
    chain ping "$BATS_TEST_TMPDIR/out" -n 2 ::
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/ping-unspecified6.txt"
    chain ping "$BATS_TEST_TMPDIR/out" -n 1 127.0.0.0
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/ping-loopback-net.txt"
}

@test "ping: the IPv4-only options are refused over IPv6" {
    for opt in "-f" "-r 2" "-s 2" "-j r1.example.net" "-k r1.example.net"; do
        # shellcheck disable=SC2086
        chain ping "$BATS_TEST_TMPDIR/out" $opt srv.example.net
        assert_exit 1 "$BATS_TEST_TMPDIR/out"
        printf 'Option %s is only supported for IPv4.\n' "${opt%% *}" >"$BATS_TEST_TMPDIR/want"
        assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    done
}

@test "ping -R over IPv6: via the target and back, replies shown from the target" {
    chain ping "$BATS_TEST_TMPDIR/out" -R srv.example.net
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/ping-srv6.txt"
}

@test "pathping over IPv6: both phases, hop 0 with the source address used" {
    chain pathping "$BATS_TEST_TMPDIR/out" -q 2 srv.example.net
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/pathping-srv6.txt"
}

@test "pathping -g over IPv6 is refused" {
    chain pathping "$BATS_TEST_TMPDIR/out" -g r1.example.net srv.example.net
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    printf 'Option -g is only supported for IPv4.\n' >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

# ---- which family ------------------------------------------------------------

@test "-4 with an IPv6 literal, -6 with an IPv4 literal: Windows' could-not-find texts" {
    chain ping "$BATS_TEST_TMPDIR/out" -4 ::1
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    printf 'Ping request could not find host ::1. Please check the name and try again.\n' >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    chain tracert "$BATS_TEST_TMPDIR/out" -6 192.0.2.80
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    printf 'Unable to resolve target system name 192.0.2.80.\n' >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "a name with only one family: the other one does not resolve" {
    chain ping "$BATS_TEST_TMPDIR/out" -4 v6only.example.net
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    printf 'Ping request could not find host v6only.example.net. Please check the name and try again.\n' >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    chain pathping "$BATS_TEST_TMPDIR/out" -6 v4only.example.net
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    printf 'Unable to resolve target system name v4only.example.net.\n' >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    chain ping "$BATS_TEST_TMPDIR/out" -n 1 v6only.example.net
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
}

@test "a host without IPv6 connectivity uses a name's IPv4 address" {
    # srv is the source here: it has IPv6 too, so block its IPv6 by asking
    # from a host that has none: v4only.
    tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$CHAIN" --from v4only -d -h 1 srv.example.net
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    grep -qx 'Tracing route to srv.example.net \[192.0.2.80\]' "$BATS_TEST_TMPDIR/out"
}

@test "Windows' short IPv4 forms and bracketed IPv6 literals are accepted" {
    chain ping "$BATS_TEST_TMPDIR/out" -n 1 127.1
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED_LO/ping-127.1.txt"
    chain tracert "$BATS_TEST_TMPDIR/out" -d '[2001:db8:2::80]'
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/tracert-srv-d.txt"
}

@test "malformed IPv6 text on the command line is an unresolvable name" {
    for bad in 2001:db8::2::80 2001:db8:2::8000a 1:2:3:4:5:6:7:8:9 '[::1'; do
        chain ping "$BATS_TEST_TMPDIR/out" "$bad"
        assert_exit 1 "$BATS_TEST_TMPDIR/out"
        printf 'Ping request could not find host %s. Please check the name and try again.\n' "$bad" >"$BATS_TEST_TMPDIR/want"
        assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    done
}

# ---- the loopback and the host's own names, on every shipped profile --------

# profile host-name own-address
shipped_hosts() {
    printf '%s %s %s\n' azure-interop.ini hub-vm 10.10.30.4 home.ini DESKTOP-7Q2M4KD 2001:db8:4a1:10:5d2e:9a41:7c3b:e0f4
}

@test "ping localhost answers from ::1 under the host's own name (every shipped profile)" {
    while read -r p name addr; do
        tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$ROOT_DIR/profiles/$p" localhost
        assert_exit 0 "$BATS_TEST_TMPDIR/out"
        loopback_expected ping-localhost.txt "$name"
        assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
        tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$ROOT_DIR/profiles/$p" -4 LocalHost
        assert_exit 0 "$BATS_TEST_TMPDIR/out"
        loopback_expected ping-localhost-4.txt "$name"
        assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    done < <(shipped_hosts)
}

@test "any 127.x.y.z answers from itself; tracert and pathping to the loopback (every shipped profile)" {
    while read -r p name addr; do
        tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$ROOT_DIR/profiles/$p" -n 2 127.1.2.3
        assert_exit 0 "$BATS_TEST_TMPDIR/out"
        assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED_LO/ping-127.1.2.3.txt"
        tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$ROOT_DIR/profiles/$p" localhost
        assert_exit 0 "$BATS_TEST_TMPDIR/out"
        loopback_expected tracert-localhost.txt "$name"
        assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
        tool_run tracert "$BATS_TEST_TMPDIR/out" --profile "$ROOT_DIR/profiles/$p" -d ::1
        assert_exit 0 "$BATS_TEST_TMPDIR/out"
        assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED_LO/tracert-loopback-d.txt"
        tool_run pathping "$BATS_TEST_TMPDIR/out" --profile "$ROOT_DIR/profiles/$p" -q 4 -4 localhost
        assert_exit 0 "$BATS_TEST_TMPDIR/out"
        loopback_expected pathping-localhost-4.txt "$name"
        assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    done < <(shipped_hosts)
}

@test "the host's own name answers from the host itself, time<1ms (every shipped profile)" {
    while read -r p name addr; do
        tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$ROOT_DIR/profiles/$p" -n 1 "$name"
        assert_exit 0 "$BATS_TEST_TMPDIR/out"
        loopback_expected ping-own-name.txt "$name" "$addr"
        if [[ $addr == *:* ]]; then # over IPv6: the reply line has no bytes= and TTL=
            sed -i 's/: bytes=32 time<1ms TTL=128$/: time<1ms/' "$BATS_TEST_TMPDIR/want"
        fi
        assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    done < <(shipped_hosts)
}

# ---- link-local addresses and zones --------------------------------------------

@test "a name that resolves to a link-local address: the zone in the header, the replies and the statistics" {
    # the printer: 0.25 ms each way and a 0.5 ms reply delay, 1 ms
    chain ping "$BATS_TEST_TMPDIR/out" -n 2 printer.local
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/ping-linklocal-name.txt"
}

@test "a link-local literal without a zone is printed without one; typed with one, with it" {
    chain ping "$BATS_TEST_TMPDIR/out" -n 2 fe80::5
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED6/ping-linklocal-literal.txt"
    chain ping "$BATS_TEST_TMPDIR/out" -n 2 fe80::5%1
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    sed 's/printer.local \[fe80::5%1\]/fe80::5%1/' "$EXPECTED6/ping-linklocal-name.txt" >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}
