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

# ---- bash ----------------------------------------------------------------------

# bash_complete FILE COMMAND WORD...: sources the completion FILE in a bash
# with only the tools' directory and the system's on PATH, runs what it
# registered for COMMAND on the line "COMMAND WORD...", completing the last
# word; the candidates end up in $output, one a line, sorted.
bash_complete() {
    local file=$1
    shift
    PATH=${TOOLS_PATH:-$BIN}:/usr/bin:/bin run bash -c '
        source "$1" || exit 1
        shift
        fn=$(complete -p "$1" | sed -n "s/.*-F \([^ ]*\) .*/\1/p")
        [ -n "$fn" ] || exit 1
        COMP_WORDS=("$@")
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        COMP_LINE="${COMP_WORDS[*]}"
        COMP_POINT=${#COMP_LINE}
        "$fn" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf "%s\n" "${COMPREPLY[@]}" | sort
    ' _ "$file" "$@"
}

@test "bash: the target offers the devices' names and addresses" {
    # loc1-vm's eth0 and loc1-lan's tunnel (azure-interop.ini)
    bash_complete "$ROOT_DIR/completions/tracert.bash" tracert 10.2.30.1
    assert_output "$(printf '%s\n' 10.2.30.10 10.2.30.125)"
    bash_complete "$ROOT_DIR/completions/ping.bash" ping --profile "$ROOT_DIR/profiles/home.ini" 2001:db8:4a1:10:5
    assert_output 2001:db8:4a1:10:5d2e:9a41:7c3b:e0f4
    bash_complete "$ROOT_DIR/completions/netmimic.bash" netmimic explain one.
    assert_output ""
    bash_complete "$ROOT_DIR/completions/netmimic.bash" netmimic --profile "$ROOT_DIR/profiles/home.ini" explain one.
    assert_output one.one.one.one
}

@test "bash: the names come from the netmimic beside the tool, through links" {
    # the Debian layout: netmimic-tracert on PATH, a link to .../bin/tracert,
    # beside which netmimic is; the build tree's profile is then found
    mkdir "$BATS_TEST_TMPDIR/links"
    ln -s "$BIN/tracert" "$BATS_TEST_TMPDIR/links/netmimic-tracert"
    cp "$ROOT_DIR/completions/tracert.bash" "$ROOT_DIR/completions/netmimic-common.bash" \
        "$BATS_TEST_TMPDIR"
    mv "$BATS_TEST_TMPDIR/tracert.bash" "$BATS_TEST_TMPDIR/netmimic-tracert"
    TOOLS_PATH=$BATS_TEST_TMPDIR/links \
        bash_complete "$BATS_TEST_TMPDIR/netmimic-tracert" netmimic-tracert --from sp
    assert_output spoke-vm
    # installed as netmimic-tracert, the file completes that name only
    run bash -c 'source "$1"; complete -p netmimic-tracert; complete -p tracert 2>/dev/null' _ \
        "$BATS_TEST_TMPDIR/netmimic-tracert"
    assert_output "complete -F _netmimic_tracert netmimic-tracert"
}

@test "bash: a profile the tools refuse offers no names, and no tool offers none" {
    printf '[device h1]\nkind = host\nbogus = 1\n' >"$BATS_TEST_TMPDIR/bad.ini"
    bash_complete "$ROOT_DIR/completions/tracert.bash" tracert --profile "$BATS_TEST_TMPDIR/bad.ini" --from ''
    assert_success
    assert_output ""
    # no netmimic to ask: nothing, and no error
    TOOLS_PATH=$BATS_TEST_TMPDIR \
        bash_complete "$ROOT_DIR/completions/tracert.bash" tracert --from ''
    assert_success
    assert_output ""
}

@test "bash: a stale NETMIMIC_FROM does not hide the hosts" {
    NETMIMIC_FROM=no-such-host bash_complete "$ROOT_DIR/completions/ping.bash" ping --from loc
    assert_output "$(printf '%s\n' loc1-vm loc2-vm)"
}
