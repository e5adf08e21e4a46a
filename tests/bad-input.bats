#!/usr/bin/env bats
# bad-input.bats - every kind of bad input, with the exact message it gets.
#
# netmimic's own setup errors (bad profile, bad extension option): exit 2,
# nothing on stdout, one line on stderr; a profile error names the file, the
# section and the key.  Windows-level errors (bad Windows option, unknown
# name): exit 1, the Windows text on stdout, nothing on stderr.  Write errors
# on stdout: exit 3 and one line on stderr.
#
# The profile cases are a table: each test makes one defect in a copy of
# tests/profiles/bad/base.ini (a tiny valid profile) and states the message.

load lib/common

bats_require_minimum_version 1.5.0

BAD=$TEST_PROFILES/bad
TARGET=10.0.1.2 # r2 in base.ini

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    cp "$BAD/base.ini" p.ini
}

# ---- making the defective profile p.ini from base.ini ----------------------

# edit_key SECTION KEY VALUE: sets KEY in [SECTION] (replaced, or added).
edit_key() {
    awk -v sec="[$1]" -v key="$2" -v line="$2 = $3" '
        /^\[/ { insec = ($0 == sec) }
        insec && index($0, key " =") == 1 { next }
        { print }
        $0 == sec { print line }' "$BAD/base.ini" >p.ini
}

# drop_key SECTION KEY: removes KEY from [SECTION].
drop_key() {
    awk -v sec="[$1]" -v key="$2" '
        /^\[/ { insec = ($0 == sec) }
        insec && index($0, key " =") == 1 { next }
        { print }' "$BAD/base.ini" >p.ini
}

# append TEXT: adds lines at the end.
append() {
    { cat "$BAD/base.ini"; printf '%s\n' "$1"; } >p.ini
}

# prepend TEXT: adds lines before the first line.
prepend() {
    { printf '%s\n' "$1"; cat "$BAD/base.ini"; } >p.ini
}

# edit SED-SCRIPT: any other change.
edit() {
    sed "$1" "$BAD/base.ini" >p.ini
}

# ---- running and checking -------------------------------------------------

# tracert ARGS...: runs tracert on the default profile.
tracert() {
    run --separate-stderr "$BIN/tracert" --profile "$PROFILE" "$@"
}

# tracert_p ARGS...: runs tracert on p.ini (named relatively: the messages
# give the path as it was given).
tracert_p() {
    run --separate-stderr "$BIN/tracert" --profile p.ini --seed 1 "$@" "$TARGET"
}

# setup_fails MESSAGE: exit 2, empty stdout, exactly "tracert: MESSAGE" on
# stderr.
setup_fails() {
    assert_equal "$stderr" "tracert: $1"
    assert_equal "$output" ""
    assert_equal "$status" 2
}

# profile_fails MESSAGE: runs tracert on p.ini, which must be refused with
# "tracert: p.ini: MESSAGE".
profile_fails() {
    tracert_p
    setup_fails "p.ini: $1"
}

# windows_fails STDOUT: exit 1, exactly STDOUT on stdout, nothing on stderr.
windows_fails() {
    assert_equal "$output" "$1"
    assert_equal "$stderr" ""
    assert_equal "$status" 1
}

# Windows' usage text as tracert prints it to a file (trailing blanks are
# dropped outside --crlf, like a console copy).
USAGE=$(cat <<'EOF'

Usage: tracert [-d] [-h maximum_hops] [-j host-list] [-w timeout]
               [-R] [-S srcaddr] [-4] [-6] target_name

Options:
    -d                 Do not resolve addresses to hostnames.
    -h maximum_hops    Maximum number of hops to search for target.
    -j host-list       Loose source route along host-list (IPv4-only).
    -w timeout         Wait timeout milliseconds for each reply.
    -R                 Trace round-trip path (IPv6-only).
    -S srcaddr         Source address to use (IPv6-only).
    -4                 Force using IPv4.
    -6                 Force using IPv6.
EOF
)

invalid_option() {
    printf '%s is not a valid command option.\n%s' "$1" "$USAGE"
}

# ---- the base itself ------------------------------------------------------

@test "base: the unmodified base profile is valid" {
    tracert_p -d
    assert_equal "$stderr" ""
    assert_equal "$status" 0
    assert_equal "$output" "$(cat <<'EOF'

Tracing route to 10.0.1.2 over a maximum of 30 hops

  1    <1 ms    <1 ms    <1 ms  10.0.0.2
  2    <1 ms    <1 ms    <1 ms  10.0.1.2

Trace complete.
EOF
)"
}

# ---- profile: the file and its INI syntax ----------------------------------

@test "file: the profile does not exist" {
    run --separate-stderr "$BIN/tracert" --profile "$BAD/nosuch.ini" --seed 1 "$TARGET"
    setup_fails "$BAD/nosuch.ini: cannot read profile: No such file or directory"
}

@test "file: empty" { : >p.ini; profile_fails "[network]: missing section"; }

@test "syntax: a line that is neither key = value nor a section" {
    edit '/^\[network\]/a this is not a key'
    profile_fails "line $(grep -n '^this is not a key' p.ini | cut -d: -f1): syntax error: 'this is not a key'"
}

@test "syntax: a section header without ']'" {
    edit '/^\[network\]/i [device r3'
    profile_fails "line $(grep -n '^\[device r3$' p.ini | cut -d: -f1): syntax error: '[device r3'"
}

# iniparser 4.1 reads a line into 1024 bytes with fgets: 1022 and the
# newline fit, 1023 do not; the loader says so before iniparser does.
@test "syntax: a line of 1022 bytes loads whole, a comment or a value" {
    local value
    value=$(printf 'x%.0s' {1..1008})
    edit "1i # $(printf 'x%.0s' {1..1020})
/^\[scenario sc1\]/a description = $value"
    [ "$(grep -c -x '.\{1022\}' p.ini)" = 2 ]
    run --separate-stderr "$BIN/netmimic" --profile p.ini scenarios
    assert_equal "$stderr" ""
    assert_equal "$status" 0
    assert_equal "$output" "sc1 down=l2: $value"
}

@test "syntax: a line of 1023 bytes: too long for iniparser, said as such" {
    prepend "# $(printf 'x%.0s' {1..1021})"
    [ "$(head -1 p.ini | tr -d '\n' | wc -c)" = 1023 ]
    profile_fails "line 1: line longer than 1022 bytes"
    edit "/^\[scenario sc1\]/a description = $(printf 'x%.0s' {1..1009})"
    profile_fails "line $(grep -n '^description' p.ini | cut -d: -f1): line longer than 1022 bytes"
    prepend "description = $(printf 'x%.0s' {1..1100})"
    profile_fails "line 1: line longer than 1022 bytes"
}

# ---- profile: sections ------------------------------------------------------

@test "section: unknown type" {
    append '[router x]'
    profile_fails "[router x]: unknown section type 'router' (network, site, device, link, session or scenario)"
}

@test "section: [network] with a name" { append '[network x]'; profile_fails "[network x]: [network] takes no name"; }
@test "section: device without a name" { append '[device]'; profile_fails "[device]: missing or invalid name after 'device' (letters, digits, '.', '-', '_'; at most 63)"; }
@test "section: device with an invalid name" { append '[device r!]'; profile_fails "[device r!]: missing or invalid name after 'device' (letters, digits, '.', '-', '_'; at most 63)"; }

@test "section: name with ':'" {
    append $'[device a:b]\ninterfaces = x 10.9.9.9/32'
    tracert_p
    setup_fails "p.ini: [device a:b]: section name must not contain ':'"
}

@test "section: name with ':' whose prefix is an existing device" {
    append '[device h1:site]'
    tracert_p
    setup_fails "p.ini: [device h1:site]: section name must not contain ':'"
}

@test "section: defined twice" {
    append $'[device r1]\nasn = 65009'
    tracert_p
    setup_fails "p.ini: [device r1]: defined twice (lines 19 and 41)"
}

@test "section: key before any section" { prepend 'stray = 1'; profile_fails "[] stray: key outside any section"; }

@test "section: [network] missing" {
    edit '/^\[network\]/,/^$/d'
    profile_fails "[network]: missing section"
}

@test "section: [network] header missing, its key is outside any section" {
    edit '/^\[network\]/d'
    profile_fails "[] default_host: key outside any section"
}

# ---- profile: unknown keys, one per section type ---------------------------

@test "unknown key in [network]" { edit_key network bogus 1; profile_fails "[network] bogus: unknown key (name, description, default_host, ecmp_seed, time_of_day)"; }
@test "unknown key in [site]" { edit_key 'site s1' bogus 1; profile_fails "[site s1] bogus: unknown key (name, description, prefixes)"; }
@test "unknown key in [device]" { edit_key 'device r1' bogus 1; profile_fails "[device r1] bogus: unknown key (kind, names, site, interfaces, routes, answers, reply_delay, reply_loss, reply_limit, flow_setup, flow_table, initial_ttl, no_route, neighbor_miss, neighbor_resolve, neighbor_timeout, neighbor_cached, decrement, asn, networks, reply_from, nat_inside, nat_outside, nat_forward, record_on_arrival, clock_offset, reverse_first_lookup, description)"; }
@test "unknown key in [link]" { edit_key 'link l1' bogus 1; profile_fails "[link l1] bogus: unknown key (a, b, latency, loss, state, mtu, routers, routers_ttl, router_addresses, router_names, description)"; }
@test "unknown key in [session]" { edit_key 'session s2' bogus 1; profile_fails "[session s2] bogus: unknown key (link, description, and for each side a_ and b_: local_pref, prepend, export, export_prefixes, import_prefixes)"; }
@test "unknown key in [session]: an a_ key that does not exist" { edit_key 'session s2' a_bogus 1; profile_fails "[session s2] a_bogus: unknown key (link, description, and for each side a_ and b_: local_pref, prepend, export, export_prefixes, import_prefixes)"; }
@test "unknown key in [scenario]" { edit_key 'scenario sc1' bogus 1; profile_fails "[scenario sc1] bogus: unknown key (down, description)"; }

# ---- profile: bad values ----------------------------------------------------

@test "value: network ecmp_seed -1" { edit_key network ecmp_seed -1; profile_fails "[network] ecmp_seed: '-1' is not a whole number from 0 to 18446744073709551615"; }
@test "value: network time_of_day out of range or malformed" {
    local v
    for v in 24:00:00 14:60:00 14:02:60 14:02:59.0315 4:02:59 14:02:59. 14:02:59x 14:2:059 +4:02:59 noon; do
        edit_key network time_of_day "$v"
        profile_fails "[network] time_of_day: '$v' is not a time of day HH:MM:SS or HH:MM:SS.mmm (00:00:00 to 23:59:59.999)"
    done
}
@test "value: device clock_offset not a number of ms within a day" {
    local v
    for v in fast 86400000.5 -86400001 0x10; do
        edit_key 'device r1' clock_offset "$v"
        profile_fails "[device r1] clock_offset: '$v' is not a number of milliseconds from -86400000 to 86400000"
    done
}
@test "value: device record_on_arrival not yes/no" { edit_key 'device r1' record_on_arrival twice; profile_fails "[device r1] record_on_arrival: 'twice' is not yes or no"; }
@test "value: site prefixes not a prefix" { edit_key 'site s1' prefixes 10.0.0.0; profile_fails "[site s1] prefixes: '10.0.0.0' is not a prefix like 10.1.0.0/16"; }
@test "value: site prefixes length 33" { edit_key 'site s1' prefixes 10.0.0.0/33; profile_fails "[site s1] prefixes: '10.0.0.0/33' is not a prefix like 10.1.0.0/16"; }

@test "value: device kind" { edit_key 'device h1' kind server; profile_fails "[device h1] kind: 'server' is not host or router"; }
@test "value: device answers" { edit_key 'device h1' answers maybe; profile_fails "[device h1] answers: 'maybe' is not yes or no"; }
@test "value: device reverse_first_lookup" { edit_key 'device h1' reverse_first_lookup maybe; profile_fails "[device h1] reverse_first_lookup: 'maybe' is not ok or fail"; }
@test "value: device reply_loss 1.5" { edit_key 'device h1' reply_loss 1.5; profile_fails "[device h1] reply_loss: '1.5' is not a probability from 0 to 1"; }
@test "value: device reply_loss -0.1" { edit_key 'device h1' reply_loss -0.1; profile_fails "[device h1] reply_loss: '-0.1' is not a probability from 0 to 1"; }
@test "value: device reply_loss nan" { edit_key 'device h1' reply_loss nan; profile_fails "[device h1] reply_loss: 'nan' is not a probability from 0 to 1"; }
@test "value: device reply_limit without a slash" { edit_key 'device h1' reply_limit 5; profile_fails "[device h1] reply_limit: '5' is not COUNT/MILLISECONDS, like 1/1000 (COUNT 1 to 1000000, MILLISECONDS 1 to 86400000)"; }
@test "value: device reply_limit 0/1000" { edit_key 'device h1' reply_limit 0/1000; profile_fails "[device h1] reply_limit: '0/1000' is not COUNT/MILLISECONDS, like 1/1000 (COUNT 1 to 1000000, MILLISECONDS 1 to 86400000)"; }
@test "value: device initial_ttl 0" { edit_key 'device h1' initial_ttl 0; profile_fails "[device h1] initial_ttl: '0' is not a whole number from 1 to 255"; }
@test "value: device initial_ttl 256" { edit_key 'device h1' initial_ttl 256; profile_fails "[device h1] initial_ttl: '256' is not a whole number from 1 to 255"; }
@test "value: device no_route" { edit_key 'device h1' no_route reject; profile_fails "[device h1] no_route: 'reject' is not drop, host-unreachable or net-unreachable"; }
@test "value: device asn 0" { edit_key 'device r1' asn 0; profile_fails "[device r1] asn: '0' is not a whole number from 1 to 4294967295"; }
@test "value: device asn abc" { edit_key 'device r1' asn abc; profile_fails "[device r1] asn: 'abc' is not a whole number from 1 to 4294967295"; }
@test "value: device asn 2^32" { edit_key 'device r1' asn 4294967296; profile_fails "[device r1] asn: '4294967296' is not a whole number from 1 to 4294967295"; }
@test "value: device names invalid" { edit_key 'device h1' names 'h1 bad!name'; profile_fails "[device h1] names: 'bad!name' is not a valid host name"; }
@test "value: device reply_delay bad distribution" { edit_key 'device h1' reply_delay 'uniform(2, 1)'; profile_fails "[device h1] reply_delay: uniform(2, 1): low bound above high bound"; }

@test "value: interfaces empty" { edit_key 'device r1' interfaces ''; profile_fails "[device r1] interfaces: no interface given"; }
@test "value: interfaces without an address" { edit_key 'device r1' interfaces lan; profile_fails "[device r1] interfaces: 'lan' is not 'NAME ADDRESS/LENGTH [REVERSE-NAME]'"; }
@test "value: interfaces with too many fields" { edit_key 'device r1' interfaces 'lan 10.0.0.2/24 x y'; profile_fails "[device r1] interfaces: 'lan 10.0.0.2/24 x y' is not 'NAME ADDRESS/LENGTH [REVERSE-NAME]'"; }
@test "value: interfaces address without a length" { edit_key 'device r1' interfaces 'lan 10.0.0.2'; profile_fails "[device r1] interfaces: '10.0.0.2' is not an address with a length like 10.1.0.4/24"; }
@test "value: interfaces length 33" { edit_key 'device r1' interfaces 'lan 10.0.0.2/33'; profile_fails "[device r1] interfaces: '10.0.0.2/33' is not an address with a length like 10.1.0.4/24"; }
@test "value: interfaces invalid name" { edit_key 'device r1' interfaces 'l@n 10.0.0.2/24'; profile_fails "[device r1] interfaces: 'l@n' is not a valid interface name"; }
@test "value: interfaces bad index" { edit_key 'device r1' interfaces 'lan%0 10.0.0.2/24'; profile_fails "[device r1] interfaces: 'lan%0' is not an interface index (NAME%N, N from 1 to 4294967295)"; }
@test "value: interfaces invalid reverse name" { edit_key 'device r1' interfaces 'lan 10.0.0.2/24 bad!name'; profile_fails "[device r1] interfaces: 'bad!name' is not a valid reverse name"; }
@test "value: interfaces same name twice" { edit_key 'device r1' interfaces 'lan 10.0.0.2/24, lan 10.0.1.1/30'; profile_fails "[device r1] interfaces: interface 'lan' is named twice"; }

@test "value: networks with host bits" { edit_key 'device r1' networks 10.0.0.1/24; profile_fails "[device r1] networks: '10.0.0.1/24' is not a prefix like 10.1.0.0/16"; }
@test "value: networks not a prefix" { edit_key 'device r1' networks '10.0.0.0/24 banana'; profile_fails "[device r1] networks: 'banana' is not a prefix like 10.1.0.0/16"; }

@test "value: routes without 'via'" { edit_key 'device h1' routes '0.0.0.0/0 10.0.0.2'; profile_fails "[device h1] routes: '0.0.0.0/0 10.0.0.2' is not 'PREFIX via ADDRESS'"; }
@test "value: routes with a bad next hop" { edit_key 'device h1' routes '0.0.0.0/0 via 10.0.0.256'; profile_fails "[device h1] routes: '0.0.0.0/0 via 10.0.0.256' is not 'PREFIX via ADDRESS'"; }
@test "value: routes with a bad prefix" { edit_key 'device h1' routes '0.0.0.0 via 10.0.0.2'; profile_fails "[device h1] routes: '0.0.0.0 via 10.0.0.2' is not 'PREFIX via ADDRESS'"; }

@test "value: link state" { edit_key 'link l1' state broken; profile_fails "[link l1] state: 'broken' is not up or down"; }
@test "value: link loss 1.5" { edit_key 'link l1' loss 1.5; profile_fails "[link l1] loss: '1.5' is not a probability from 0 to 1"; }
@test "value: link mtu 67" { edit_key 'link l1' mtu 67; profile_fails "[link l1] mtu: '67' is not a whole number from 68 to 65535"; }
@test "value: link mtu 65536" { edit_key 'link l1' mtu 65536; profile_fails "[link l1] mtu: '65536' is not a whole number from 68 to 65535"; }
@test "value: link mtu abc" { edit_key 'link l1' mtu abc; profile_fails "[link l1] mtu: 'abc' is not a whole number from 68 to 65535"; }
@test "value: link latency gauss(1)" { edit_key 'link l1' latency 'gauss(1)'; profile_fails "[link l1] latency: unknown distribution 'gauss'"; }
@test "value: link latency normal(1" { edit_key 'link l1' latency 'normal(1'; profile_fails "[link l1] latency: expected ',' after 'normal(1'"; }
@test "value: link latency negative deviation" { edit_key 'link l1' latency 'normal(1, -2)'; profile_fails "[link l1] latency: normal standard deviation -2 is negative"; }
@test "value: link latency trailing text" { edit_key 'link l1' latency 'normal(1, 2) junk'; profile_fails "[link l1] latency: trailing text 'junk'"; }
@test "value: link latency empty" { edit_key 'link l1' latency ''; profile_fails "[link l1] latency: empty value"; }

@test "value: session a_local_pref not a number" { edit_key 'session s2' a_local_pref high; profile_fails "[session s2] a_local_pref: 'high' is not a whole number from 0 to 4294967295"; }
@test "value: session b_prepend 17" { edit_key 'session s2' b_prepend 17; profile_fails "[session s2] b_prepend: '17' is not a whole number from 0 to 16"; }
@test "value: session b_export_prefixes" { edit_key 'session s2' b_export_prefixes 10.0.0.0/8x; profile_fails "[session s2] b_export_prefixes: '10.0.0.0/8x' is not a prefix like 10.1.0.0/16"; }

# ---- profile: references ----------------------------------------------------

@test "ref: link end names a missing device" { edit_key 'link l1' a nodev.eth0; profile_fails "[link l1] a: no [device nodev]"; }
@test "ref: link end names a missing interface" { edit_key 'link l1' a h1.eth9; profile_fails "[link l1] a: device 'h1' has no interface 'eth9'"; }
@test "ref: link end without a dot" { edit_key 'link l1' b r1lan; profile_fails "[link l1] b: 'r1lan' is not DEVICE.INTERFACE"; }
@test "ref: link end missing" { drop_key 'link l1' b; profile_fails "[link l1] b: missing: every link names its two ends as DEVICE.INTERFACE"; }
@test "ref: link joins a device to itself" { edit_key 'link l1' b h1.eth0; profile_fails "[link l1] b: a link joins two different devices"; }
@test "ref: session link missing" { drop_key 'session s2' link; profile_fails "[session s2] link: missing: a session runs over a link"; }
@test "ref: a session without link runs over the link of its own name" {
    # not bad input: the boundary of the case above (base.ini's session s2
    # renamed l2, its link key dropped: the route r2 learns is the same)
    edit 's/^\[session s2\]$/[session l2]/; /^link = l2$/d'
    run --separate-stderr "$BIN/netmimic" routes --profile p.ini r2
    assert_equal "$status" 0
    assert_equal "${lines[1]}" "B 10.0.0.0/24        learned, local_pref 100, as_path_len 1 via 10.0.1.1 (r1, link l2, session l2)"
}
@test "ref: session link names a missing link" { edit_key 'session s2' link nosuch; profile_fails "[session s2] link: no [link nosuch]"; }
@test "ref: session end device without asn" { drop_key 'device r2' asn; profile_fails "[session s2] link: device 'r2' has no asn"; }
@test "ref: session export names an unknown session" { edit_key 'session s2' a_export 'local nosuch'; profile_fails "[session s2] a_export: 'nosuch' is not local, connected, learned, none or a session"; }
@test "ref: scenario down names a missing link" { edit_key 'scenario sc1' down 'l2 nosuch'; profile_fails "[scenario sc1] down: no [link nosuch]"; }
@test "ref: scenario down missing" { drop_key 'scenario sc1' down; profile_fails "[scenario sc1] down: missing: a scenario names the links it takes down"; }
@test "ref: decrement names a missing link" { edit_key 'device r1' decrement 'l1 nosuch'; profile_fails "[device r1] decrement: no [link nosuch]"; }
@test "ref: default_host missing" { drop_key network default_host; profile_fails "[network] default_host: missing"; }
@test "ref: default_host names a missing device" { edit_key network default_host nosuch; profile_fails "[network] default_host: no [device nosuch]"; }
@test "ref: default_host is not a host" { edit_key network default_host r1; profile_fails "[network] default_host: 'r1' is not a host"; }
@test "ref: site names a missing site" { edit_key 'device h1' site nosuch; profile_fails "[device h1] site: no [site nosuch]"; }

@test "ref: static route next hop not on any link (device with reply_delay)" {
    edit '/^\[device h1\]/a reply_delay = 0
s|^routes = 0.0.0.0/0 via 10.0.0.2$|routes = 0.0.0.0/0 via 10.0.0.9|'
    profile_fails "[device h1] routes: next hop 10.0.0.9 is not at the far end of any link of 'h1'"
}

@test "ref: static route next hop not on any link (device without reply_delay)" {
    edit_key 'device h1' routes '0.0.0.0/0 via 10.0.0.9'
    tracert_p
    setup_fails "p.ini: [device h1] routes: next hop 10.0.0.9 is not at the far end of any link of 'h1'"
}

# ---- profile: whole-network checks -----------------------------------------

@test "net: the same address on two devices" { edit_key 'device r2' interfaces 'lan 10.0.1.2/30, lo 10.0.0.1/32'; profile_fails "[device r2] interfaces: address 10.0.0.1 is already on 'h1.eth0'"; }
@test "net: a transit segment's router answering from an interface's address" {
    edit '/^\[link l2\]/a routers = 3\nrouter_addresses = 10.0.0.0/24'
    profile_fails "[link l2] router_addresses: router 1's address 10.0.0.1 is already on 'h1.eth0'"
    # IPv6, router 2; the IPv4 pool is clear
    edit 's|^interfaces = lan 10.0.1.2/30$|interfaces = lan 10.0.1.2/30 2001:db8::2/64|
/^\[link l2\]/a routers = 3\nrouter_addresses = 192.0.2.0/24 2001:db8::/64'
    profile_fails "[link l2] router_addresses: router 2's address 2001:db8::2 is already on 'r2.lan'"
}

@test "net: a pool address no router answers from may be an interface's" {
    # routers 1 to 3 answer from 2001:db8::1 to ::3; r2 has ::9
    edit 's|^interfaces = lan 10.0.1.2/30$|interfaces = lan 10.0.1.2/30 2001:db8::9/64|
/^\[link l2\]/a routers = 3\nrouter_addresses = 192.0.2.0/24 2001:db8::/64'
    grep -qxF 'interfaces = lan 10.0.1.2/30 2001:db8::9/64' p.ini
    tracert_p -d
    assert_equal "$stderr" ""
    assert_equal "$status" 0
}

@test "net: a device with no interfaces" { append $'[device r3]\ndescription = spare'; profile_fails "[device r3] interfaces: missing: a device needs at least one interface"; }

# ---- extension options: exit 2, stderr -------------------------------------

@test "option: --seed abc" { tracert --seed abc 10.11.30.4; setup_fails "--seed: 'abc' is not a whole number from 0 to 18446744073709551615"; }
@test "option: --seed -1" { tracert --seed -1 10.11.30.4; setup_fails "--seed: '-1' is not a whole number from 0 to 18446744073709551615"; }
@test "option: --seed 2^64" { tracert --seed 18446744073709551616 10.11.30.4; setup_fails "--seed: '18446744073709551616' is not a whole number from 0 to 18446744073709551615"; }
@test "option: --seed= (empty)" { tracert --seed= 10.11.30.4; setup_fails "--seed: '' is not a whole number from 0 to 18446744073709551615"; }
@test "option: --from an unknown host" { tracert --seed 1 --from nosuchhost 10.11.30.4; setup_fails "--from: no host 'nosuchhost' in $PROFILE"; }
@test "option: --from a router" { tracert --seed 1 --from msee1 10.11.30.4; setup_fails "--from: no host 'msee1' in $PROFILE"; }
@test "option: --scenario unknown" { tracert --seed 1 --scenario nosuch 10.11.30.4; setup_fails "--scenario: no scenario 'nosuch' in $PROFILE"; }
@test "option: --down unknown link" { tracert --seed 1 --down nosuchlink 10.11.30.4; setup_fails "--down: no link 'nosuchlink' in $PROFILE"; }

@test "option: --profile as the last argument" {
    run --separate-stderr "$BIN/tracert" 10.11.30.4 --profile
    setup_fails "option --profile needs a value"
}

@test "option: --seed as the last argument" { tracert 10.11.30.4 --seed; setup_fails "option --seed needs a value"; }

# ---- Windows-level errors: exit 1, stdout ----------------------------------

@test "windows: -h 0" { tracert -h 0 10.11.30.4; windows_fails "Bad value for option -h, valid range is from 1 to 255."; }
@test "windows: -h 256" { tracert -h 256 10.11.30.4; windows_fails "Bad value for option -h, valid range is from 1 to 255."; }
@test "windows: -h abc" { tracert -h abc 10.11.30.4; windows_fails "Bad value for option -h, valid range is from 1 to 255."; }
@test "windows: -w 0" { tracert -w 0 10.11.30.4; windows_fails "Bad value for option -w, valid range is from 1 to 4294967295."; }
@test "windows: -h without a value" { tracert 10.11.30.4 -h; windows_fails "Value must be supplied for option -h."; }
@test "windows: -x" { tracert -x 10.11.30.4; windows_fails "$(invalid_option -x)"; }
@test "windows: /x" { tracert /x 10.11.30.4; windows_fails "$(invalid_option /x)"; }
@test "windows: --bogus is an invalid Windows option" { tracert --bogus 10.11.30.4; windows_fails "$(invalid_option --bogus)"; }
@test "windows: a second target" { tracert 10.11.30.4 extra; windows_fails "$(invalid_option extra)"; }
@test "windows: no target" { tracert -d; windows_fails $'A target name or address must be specified.\n'"$USAGE"; }
@test "windows: unresolvable name" { tracert --seed 1 nosuch.host; windows_fails "Unable to resolve target system name nosuch.host."; }

# ---- write errors: exit 3, one line on stderr ------------------------------

closed_stdout() { "$BIN/tracert" --profile "$PROFILE" "$@" >&-; }
full_stdout() { "$BIN/tracert" --profile "$PROFILE" "$@" >/dev/full; }

@test "write: trace to a closed stdout" {
    run --separate-stderr closed_stdout --seed 1 10.11.30.4
    assert_equal "$stderr" "tracert: cannot write standard output: Bad file descriptor"
    assert_equal "$status" 3
}

@test "write: trace to /dev/full" {
    run --separate-stderr full_stdout --seed 1 10.11.30.4
    assert_equal "$stderr" "tracert: cannot write standard output: No space left on device"
    assert_equal "$status" 3
}

@test "write: trace to /dev/full with --realtime" {
    run --separate-stderr full_stdout --seed 1 --realtime -h 1 10.11.30.4
    assert_equal "$stderr" "tracert: cannot write standard output: No space left on device"
    assert_equal "$status" 3
}

@test "write: 'Unable to resolve' to /dev/full" {
    run --separate-stderr full_stdout --seed 1 nosuch.host
    assert_equal "$stderr" "tracert: cannot write standard output: No space left on device"
    assert_equal "$status" 3
}

@test "write: setup error with a closed stdout still exits 2" {
    run --separate-stderr closed_stdout --seed abc 10.11.30.4
    setup_fails "--seed: 'abc' is not a whole number from 0 to 18446744073709551615"
}

@test "write: invalid-option text to /dev/full" {
    run --separate-stderr full_stdout -x 10.11.30.4
    assert_equal "$stderr" "tracert: cannot write standard output: No space left on device"
    assert_equal "$status" 3
}

@test "write: usage to a closed stdout" {
    run --separate-stderr closed_stdout /?
    assert_equal "$stderr" "tracert: cannot write standard output: Bad file descriptor"
    assert_equal "$status" 3
}

# ---- what iniparser alone would hide ----------------------------------------

@test "key given twice in one section" {
    edit '/^\[device r1\]/a asn = 65009'
    tracert_p
    assert_equal "$status" 2
    assert_equal "$output" ""
    [[ "$stderr" =~ ^"tracert: p.ini: [device r1] asn: given twice (lines "[0-9]+" and "[0-9]+")"$ ]]
}

@test "names are matched without case (iniparser lower-cases section names only)" {
    sed 's/^\[device h1\]/[device H1]/; s/= h1\./= H1./; s/default_host = h1/default_host = H1/' \
        "$BAD/base.ini" >p.ini
    run --separate-stderr "$BIN/tracert" --profile p.ini --from H1 -h 1 10.0.0.1
    assert_equal "$stderr" ""
    assert_equal "$status" 0
}

@test "a name longer than 63 characters" {
    local long
    long=$(printf 'd%.0s' {1..70})
    append "[device $long]"
    profile_fails "[device $long]: missing or invalid name after 'device' (letters, digits, '.', '-', '_'; at most 63)"
}

@test "a directory without *.ini file as the profile" {
    mkdir empty
    : >empty/p.ini.orig
    run --separate-stderr "$BIN/tracert" --profile empty 10.0.0.1
    setup_fails "empty: cannot read profile: no *.ini file in the directory"
}

@test "only netmimic options: the usage alone, as for a bare tracert" {
    run --separate-stderr "$BIN/tracert" --seed 1
    assert_equal "$status" 1
    assert_equal "${lines[0]}" "Usage: tracert [-d] [-h maximum_hops] [-j host-list] [-w timeout]"
}

@test "ref: an export list names a session of other devices" {
    # r3, l3 and s3: a second session, between r2 and r3, that r1 is not in
    edit_key 'session s2' a_export 's3'
    printf '%s\n' '[device r3]' 'interfaces = lan 10.0.2.2/30' 'asn = 65003' \
        '[link l3]' 'a = r2.lan' 'b = r3.lan' '[session s3]' 'link = l3' >>p.ini
    profile_fails "[session s2] a_export: session 's3' does not involve device 'r1'"
}

@test "value: an interface name with '.' (links name DEVICE.INTERFACE)" {
    edit_key 'device r2' interfaces 'lan.0 10.0.1.2/30'
    profile_fails "[device r2] interfaces: 'lan.0' is not a valid interface name (no '.': links name DEVICE.INTERFACE)"
}

# ---- IPv6 values in a profile ---------------------------------------------------

@test "value: interfaces with malformed IPv6" { edit_key 'device r1' interfaces 'lan 2001:db8::zz/64'; profile_fails "[device r1] interfaces: '2001:db8::zz/64' is not an IPv6 address with a length like 2001:db8::4/64"; }
@test "value: interfaces with two '::'" { edit_key 'device r1' interfaces 'lan 10.0.0.2/24 2001:db8::1::2/64'; profile_fails "[device r1] interfaces: '2001:db8::1::2/64' is not an IPv6 address with a length like 2001:db8::4/64"; }
@test "value: interfaces IPv6 length 129" { edit_key 'device r1' interfaces 'lan 10.0.0.2/24 2001:db8::1/129'; profile_fails "[device r1] interfaces: '2001:db8::1/129' is not an IPv6 address with a length like 2001:db8::4/64"; }
@test "value: interfaces with two reverse names in a row" { edit_key 'device r1' interfaces 'lan 10.0.0.2/24 a.example 2001:db8::1/64 b.example c.example'; profile_fails "[device r1] interfaces: 'lan 10.0.0.2/24 a.example 2001:db8::1/64 b.example c.example' is not 'NAME ADDRESS/LENGTH [REVERSE-NAME]'"; }
@test "value: networks IPv6 with host bits" { edit_key 'device r1' networks 2001:db8::1/32; profile_fails "[device r1] networks: '2001:db8::1/32' is not an IPv6 prefix like 2001:db8::/32"; }
@test "value: routes IPv6 prefix via an IPv4 next hop" { edit_key 'device h1' routes '::/0 via 10.0.0.2'; profile_fails "[device h1] routes: '::/0 via 10.0.0.2': the next hop is not of the prefix's family"; }
@test "value: routes with a malformed IPv6 next hop" { edit_key 'device h1' routes '::/0 via fe80:::2'; profile_fails "[device h1] routes: '::/0 via fe80:::2' is not 'PREFIX via ADDRESS'"; }
@test "ref: an IPv6 next hop not on any link" { edit_key 'device h1' routes '::/0 via fe80::9'; profile_fails "[device h1] routes: next hop fe80::9 is not at the far end of any link of 'h1'"; }
@test "net: the same IPv6 address on two devices, written two ways" {
    sed -e 's|^interfaces = eth0 10.0.0.1/24$|interfaces = eth0 10.0.0.1/24 2001:db8::a/64|' \
        -e 's|^interfaces = lan 10.0.1.2/30$|interfaces = lan 10.0.1.2/30 2001:DB8:0::000A/64|' "$BAD/base.ini" >p.ini
    profile_fails "[device r2] interfaces: address 2001:db8::a is already on 'h1.eth0'"
}

# ---- hostile input (issue 12) ----------------------------------------------

@test "file: a FIFO as the profile is refused, not waited on" {
    mkfifo fifo.ini
    run --separate-stderr timeout 20 "$BIN/tracert" --profile fifo.ini --seed 1 "$TARGET"
    setup_fails "fifo.ini: cannot read profile: not a regular file"
}

@test "file: a FIFO among the parts of a profile directory is refused" {
    mkdir net
    cp p.ini net/a.ini
    mkfifo net/b.ini
    run --separate-stderr timeout 20 "$BIN/tracert" --profile net --seed 1 "$TARGET"
    setup_fails "net/b.ini: cannot read profile: not a regular file"
}

@test "file: a directory of regular parts is still a profile" {
    mkdir net
    cp p.ini net/a.ini
    run --separate-stderr timeout 20 "$BIN/tracert" --profile net --seed 1 -d "$TARGET"
    assert_equal "$stderr" ""
    assert_equal "$status" 0
    assert_equal "${lines[-1]}" "Trace complete."
}

@test "option: --profile= (empty) says what is wrong" {
    run --separate-stderr "$BIN/tracert" --profile= 10.0.0.1
    setup_fails "--profile: empty value (give a profile file or directory)"
}

@test "syntax: the line number of a bad line that contains '('" {
    edit '/^\[network\]/a this (is) not a key'
    profile_fails "line $(grep -n '^this (is) not a key' p.ini | cut -d: -f1): syntax error: 'this (is) not a key'"
}

@test "syntax: the line number when the path has a '(' too" {
    edit '/^\[link l1\]/a oops (2)'
    cp p.ini 'p (1).ini'
    run --separate-stderr "$BIN/tracert" --profile 'p (1).ini' --seed 1 "$TARGET"
    setup_fails "p (1).ini: line $(grep -n '^oops' p.ini | cut -d: -f1): syntax error: 'oops (2)'"
}

@test "syntax: a UTF-8 byte order mark gets a hint" {
    { printf '\357\273\277'; cat "$BAD/base.ini"; } >p.ini
    profile_fails "line 1: the file starts with a UTF-8 byte order mark (save it as UTF-8 without BOM)"
}

@test "syntax: control bytes of the profile are escaped in the message" {
    edit_key 'device h1' kind $'ho\x01st\x1b[31m'
    profile_fails "[device h1] kind: 'ho\\x01st\\x1b[31m' is not host or router"
}

@test "section: a header padded past 255 characters keeps its name" {
    edit "s/^\[device r2\]$/[device $(printf ' %.0s' {1..300})r2]/"
    tracert_p -d
    assert_equal "$stderr" ""
    assert_equal "$status" 0
    assert_equal "${lines[2]}" "  2    <1 ms    <1 ms    <1 ms  10.0.1.2"
}

@test "value: device reply_limit with trailing junk past 32 characters" {
    edit_key 'device h1' reply_limit "1/1$(printf ' %.0s' {1..40})junk"
    profile_fails "[device h1] reply_limit: '1/1$(printf ' %.0s' {1..40})junk' is not COUNT/MILLISECONDS, like 1/1000 (COUNT 1 to 1000000, MILLISECONDS 1 to 86400000)"
}

@test "value: device reply_limit with a long run of leading zeros is a number" {
    edit_key 'device h1' reply_limit "1 / $(printf '0%.0s' {1..40})1000"
    tracert_p -d
    assert_equal "$stderr" ""
    assert_equal "$status" 0
}

@test "value: a message quotes a value longer than 512 characters whole" {
    local long
    long=$(printf 'x%.0s' {1..900})
    edit_key 'device h1' kind "$long"
    profile_fails "[device h1] kind: '$long' is not host or router"
}

@test "ref: a link end with a device name longer than 128 characters" {
    local long
    long=$(printf 'd%.0s' {1..200})
    edit_key 'link l1' a "$long.eth0"
    profile_fails "[link l1] a: no [device $long]"
}

# An error exits at once: what the loader allocated on the way must still be
# reachable (valgrind's "definitely lost" is an error).  The valgrind run of
# the whole file is make test-valgrind; these are the cases that leaked.
leak_free() {
    if ! command -v valgrind >/dev/null; then skip "valgrind is not installed"; fi
    if head -c 2 "$BIN/tracert" | grep -q '#!'; then skip "the tools already run under valgrind"; fi
    # (the sanitizers' run time is linked in: their symbols, not ldd, tell)
    if grep -qa __asan_init "$BIN/tracert"; then skip "an ASan build does not run under valgrind"; fi
    if ! ldd "$BIN/tracert" >/dev/null 2>&1; then
        skip "valgrind cannot follow a static build's malloc: make test-valgrind builds one of its own"
    fi
    run --separate-stderr valgrind -q --error-exitcode=97 --leak-check=full \
        "$BIN/tracert" --profile p.ini --seed 1 "$TARGET"
    assert_equal "$status" 2
    assert_equal "${#stderr_lines[@]}" 1
}

@test "leak: a bad route" { edit_key 'device h1' routes '0.0.0.0/0 10.0.0.2'; leak_free; }
@test "leak: a bad prefix" { edit_key 'site s1' prefixes '10.0.0.0/24 banana'; leak_free; }
@test "leak: a bad interface address" { edit_key 'device r1' interfaces 'lan 10.0.0.2/24, wan 10.0.1.1'; leak_free; }
@test "leak: a bad decrement list" { edit_key 'device r1' decrement 'l1 nosuch'; leak_free; }
@test "leak: a bad reply_from address" { edit_key 'device r1' reply_from '10.0.0.2 banana'; leak_free; }

# ---- the environment: a message names the variable that gave the value ----

@test "env: NETMIMIC_SEED" { NETMIMIC_SEED=abc tracert 10.11.30.4; setup_fails "NETMIMIC_SEED: 'abc' is not a whole number from 0 to 18446744073709551615"; }
@test "env: NETMIMIC_FROM" { NETMIMIC_FROM=nosuchhost tracert --seed 1 10.11.30.4; setup_fails "NETMIMIC_FROM: no host 'nosuchhost' in $PROFILE"; }
@test "env: NETMIMIC_LANG" { NETMIMIC_LANG=xx-XX tracert --seed 1 10.11.30.4; setup_fails "NETMIMIC_LANG: no language 'xx-XX' (en-US de-DE es-ES fr-FR ja-JP ko-KR pt-BR ru-RU zh-CN)"; }
@test "env: NETMIMIC_WINDOWS" { NETMIMIC_WINDOWS=8 tracert --seed 1 10.11.30.4; setup_fails "NETMIMIC_WINDOWS: '8' is not 11, 10, 7 or xp"; }
@test "env: NETMIMIC_JSON" { NETMIMIC_JSON=nodir/x.json tracert --seed 1 10.11.30.4; setup_fails "NETMIMIC_JSON: cannot write 'nodir/x.json': No such file or directory"; }
@test "env: the option given as well is the one named" { NETMIMIC_SEED=1 tracert --seed abc 10.11.30.4; setup_fails "--seed: 'abc' is not a whole number from 0 to 18446744073709551615"; }

@test "env: netmimic names NETMIMIC_FROM too" {
    NETMIMIC_FROM=nosuchhost run --separate-stderr "$BIN/netmimic" --profile "$PROFILE" hosts
    assert_equal "$stderr" "netmimic: NETMIMIC_FROM: no host 'nosuchhost' in $PROFILE"
    assert_equal "$status" 2
}

# ---- output lines of any length ----------------------------------------------

# A name of N characters that does not resolve: the whole of Windows' line,
# the name and its final '.', as for a short name.
long_unresolved() {
    local name
    name=$(printf 'a%.0s' $(seq "$1")).example
    tracert --seed 1 "$name"
    windows_fails "Unable to resolve target system name $name."
}

@test "output: a line of 1100 characters is not cut" { long_unresolved 1100; }
@test "output: a line of 20000 characters is not cut" { long_unresolved 20000; }

@test "output: a long line in a code page is not cut either" {
    local name short
    name=$(printf 'Ж%.0s' {1..700}).example
    short=$("$BIN/tracert" --profile "$PROFILE" --seed 1 --lang ru-RU --crlf x.example | iconv -f cp866 -t utf-8)
    run --separate-stderr sh -c '"$1" --profile "$2" --seed 1 --lang ru-RU --crlf "$3" | iconv -f cp866 -t utf-8' \
        sh "$BIN/tracert" "$PROFILE" "$name"
    assert_equal "$stderr" ""
    assert_equal "$output" "${short/x.example/$name}"
}
