#!/usr/bin/env bats
# completion.bats - what the shell completions offer, and `netmimic words`,
# which they ask for the profile's names: the word lists against the
# profile's own listings, and the completions of bash, zsh and fish run in
# the real shells.

load lib/common

bats_require_minimum_version 1.5.0

# ---- netmimic words ----------------------------------------------------------

# The first field of each line of `netmimic LISTING`.
first_fields() {
    "$BIN/netmimic" "$@" | cut -d' ' -f1
}

@test "netmimic words: hosts, links and scenarios are the listings' names, in their order" {
    run "$BIN/netmimic" words hosts
    assert_success
    # the six hosts of the seed document, in the profile's order
    assert_output "$(printf '%s\n' hub-vm spoke-vm branch-vm loc1-vm remote-vm loc2-vm)"
    assert_output "$(first_fields hosts)"
    run "$BIN/netmimic" words links
    assert_output "$(first_fields links)"
    [ "${#lines[@]}" -gt 10 ]
    run "$BIN/netmimic" words scenarios
    assert_output er1-primary-down
}

@test "netmimic words: devices are every [device] section, hosts among them" {
    run "$BIN/netmimic" words devices
    assert_success
    assert_output "$(sed -n 's/^\[device \([^]]*\)\].*/\1/p' "$PROFILE")"
    assert_line hub-vnet
    assert_line hub-vm
}

@test "netmimic words: targets are every device's names and addresses, then localhost" {
    run "$BIN/netmimic" --profile "$ROOT_DIR/profiles/home.ini" words targets
    assert_success
    # a name, an IPv4 and an IPv6 address of the host, names of other devices
    assert_line DESKTOP-7Q2M4KD
    assert_line 192.168.1.23
    assert_line 2001:db8:4a1:10:5d2e:9a41:7c3b:e0f4
    assert_line www.example.com
    assert_line example.com
    assert_line 8.8.8.8
    assert_equal "${lines[-1]}" localhost
    # each of them is a target tracert accepts
    local t
    for t in DESKTOP-7Q2M4KD 2001:db8:4a1:10:5d2e:9a41:7c3b:e0f4 example.com localhost; do
        "$BIN/tracert" --profile "$ROOT_DIR/profiles/home.ini" -h 1 "$t" >/dev/null
    done
}

@test "netmimic words profile: the profile the tools would read" {
    run "$BIN/netmimic" words profile
    assert_output "$PROFILE"
    NETMIMIC_PROFILE=$TEST_PROFILES/bad/base.ini run "$BIN/netmimic" words profile
    assert_output "$TEST_PROFILES/bad/base.ini"
    run "$BIN/netmimic" words --profile "$ROOT_DIR/profiles/home.ini" profile
    assert_output "$ROOT_DIR/profiles/home.ini"
}

@test "netmimic words: an unknown kind is one line on stderr, exit 2" {
    run --separate-stderr "$BIN/netmimic" words names
    assert_equal "$status" 2
    assert_output ""
    assert_equal "$stderr" "netmimic: words: unknown kind 'names' (see netmimic words --help)"
    run --separate-stderr "$BIN/netmimic" words
    assert_equal "$status" 2
    assert_equal "$stderr" "netmimic: words: missing operand (see netmimic words --help)"
}
