#!/usr/bin/env bats
# completion.bats - what the shell completions offer, and `netmimic words`,
# which they ask for the profile's names: the word lists against the
# profile's own listings, and the completions of bash, zsh and fish run in
# the real shells.

load lib/common
load lib/completion

bats_require_minimum_version 1.5.0

# The usage letters of TOOL ("-d", ...) and '-?', one a line, sorted.
usage_options() {
    { "$BIN/$1" /? | grep -oE '(^|[[ ])-[[:alnum:]]' | sed 's/.*-/-/'; echo '-?'; } |
        LC_ALL=C sort -u
}

# The catalogues built in, one a line.
catalogue_langs() {
    sed -n 's/^@lang //p' "$ROOT_DIR"/common/render/lang/*.msg
}

# The extension options, read off cli.c's getopt_long table (so that an
# option added there and not to a completion fails here): NAME, or NAME=
# for those that take a value.
ext_long() {
    grep -oE '\{"[a-z-]+", (required|no)_argument' "$ROOT_DIR/common/cli/cli.c" |
        sed -E 's/^\{"([a-z-]+)", required_argument$/--\1=/; s/^\{"([a-z-]+)", no_argument$/--\1/'
}

# What the completions must offer, derived from the tools, the catalogues
# and cli.c, not from the completions: computed once for the file (a test
# reads them with want_list), as is zsh's compinit dump, made by a real
# compinit in an interactive zsh (tests/lib/zsh-complete.zsh with no line).
setup_file() {
    local tool
    for tool in tracert ping pathping; do
        usage_options "$tool" >"$BATS_FILE_TMPDIR/want.usage-$tool"
    done
    catalogue_langs >"$BATS_FILE_TMPDIR/want.langs"
    ext_long >"$BATS_FILE_TMPDIR/want.long"
    # (not fatal here: without a dump the first zsh test's run makes one,
    # and fails itself if zsh does not get through)
    if command -v zsh >/dev/null; then
        PATH=$COMP_BIN:/usr/bin:/bin ZSH_COMPDUMP=$BATS_FILE_TMPDIR/zcompdump \
            timeout 120 zsh -f "$TESTS_DIR/lib/zsh-complete.zsh" -b "$ROOT_DIR/completions" || true
    fi
}

# want_list NAME WHAT: the array NAME is the list setup_file computed (usage-TOOL,
# langs, long), read without a process.
want_list() {
    mapfile -t "$1" <"$BATS_FILE_TMPDIR/want.$2"
}

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

# (comp_want, comp_do and comp_check: tests/lib/completion.bash.  bash
# sources COMMAND's file from completions/, or BASH_DIR, on its first line.)

@test "bash: the target offers the devices' names and addresses" {
    # loc1-vm's eth0 and loc1-lan's tunnel (azure-interop.ini)
    comp_want 'tracert 10.2.30.1' 10.2.30.10 10.2.30.125
    comp_want "ping --profile $ROOT_DIR/profiles/home.ini 2001:db8:4a1:10:5" \
        2001:db8:4a1:10:5d2e:9a41:7c3b:e0f4
    comp_want 'netmimic explain one.'
    comp_want "netmimic --profile $ROOT_DIR/profiles/home.ini explain one." one.one.one.one
    comp_check bash
}

@test "bash: the names come from the netmimic beside the tool, through links" {
    # the Debian layout: netmimic-tracert on PATH, a link to .../bin/tracert,
    # beside which netmimic is; the build tree's profile is then found
    mkdir "$BATS_TEST_TMPDIR/links"
    ln -s "$COMP_BIN/tracert" "$BATS_TEST_TMPDIR/links/netmimic-tracert"
    cp "$ROOT_DIR/completions/tracert.bash" "$ROOT_DIR/completions/netmimic-common.bash" \
        "$BATS_TEST_TMPDIR"
    mv "$BATS_TEST_TMPDIR/tracert.bash" "$BATS_TEST_TMPDIR/netmimic-tracert"
    comp_want 'netmimic-tracert --from sp' spoke-vm
    TOOLS_PATH=$BATS_TEST_TMPDIR/links BASH_DIR=$BATS_TEST_TMPDIR comp_check bash
    # installed as netmimic-tracert, the file completes that name only
    run bash -c 'source "$1"; complete -p netmimic-tracert; complete -p tracert 2>/dev/null' _ \
        "$BATS_TEST_TMPDIR/netmimic-tracert"
    assert_output "complete -F _netmimic_tracert netmimic-tracert"
}

@test "bash: a profile the tools refuse offers no names, and no tool offers none" {
    printf '[device h1]\nkind = host\nbogus = 1\n' >"$BATS_TEST_TMPDIR/bad.ini"
    # what the completion asks: nothing on stdout, the profile's error, exit 2
    run --separate-stderr "$BIN/netmimic" --profile "$BATS_TEST_TMPDIR/bad.ini" words hosts
    assert_equal "$status" 2
    assert_output ""
    assert_equal "${stderr%% (*}" "netmimic: $BATS_TEST_TMPDIR/bad.ini: [device h1] bogus: unknown key"
    comp_want "tracert --profile $BATS_TEST_TMPDIR/bad.ini --from "
    # no netmimic to ask: nothing, and no error (comp_check fails on one)
    comp_do "PATH=$BATS_TEST_TMPDIR:/usr/bin:/bin"
    comp_want 'tracert --from '
    comp_check bash
}

@test "bash, zsh, fish: netmimic compile offers its option, and files as OUTPUT" {
    cd "$BATS_TEST_TMPDIR"
    : >net-one.nmp
    comp_want 'netmimic compile net-' net-one.nmp
    comp_want 'netmimic compile --p' --profile=
    comp_check bash
    if command -v zsh >/dev/null; then
        comp_want 'netmimic compile net-' net-one.nmp
        comp_check zsh
    fi
    if command -v fish >/dev/null; then
        comp_want 'netmimic compile net-' net-one.nmp
        comp_check fish
    fi
}

@test "bash: a stale NETMIMIC_FROM does not hide the hosts" {
    comp_want 'ping --from loc' loc1-vm loc2-vm
    NETMIMIC_FROM=no-such-host comp_check bash
}

# ---- zsh and fish ----------------------------------------------------------------

# need_shell NAME: skips, saying why, where the shell is not installed
# (make test's deps-test installs both).
need_shell() {
    command -v "$1" >/dev/null || skip "$1 is not installed (make deps-test installs it)"
}

# (zsh: the line typed into an interactive zsh, then Tab; the real line
# editor and completion system run _netmimic.  fish: complete -C, fish
# loading COMMAND.fish from completions/, or FISH_DIR.)

@test "zsh: compinit registers _netmimic for the three tools and netmimic" {
    need_shell zsh
    # what the real compinit of setup_file found, read back from its dump
    run zsh -f -c 'fpath=($1 $fpath); autoload -Uz compinit; compinit -u -C -d $2
        print -r -- $_comps[tracert] $_comps[ping] $_comps[pathping] $_comps[netmimic]' _ \
        "$ROOT_DIR/completions" "$BATS_FILE_TMPDIR/zcompdump"
    assert_output "_netmimic _netmimic _netmimic _netmimic"
}

@test "zsh: every Windows option as -x and as /x, and every long option" {
    need_shell zsh
    local tool
    local -a usage long
    want_list long long
    for tool in tracert ping pathping; do
        want_list usage "usage-$tool"
        # the Windows options and the long ones, all starting with -
        comp_want "$tool -" "${usage[@]}" "${long[@]}"
        comp_want "$tool /" "${usage[@]/#-//}"
        comp_want "$tool --" "${long[@]}"
    done
    comp_check zsh
}

@test "zsh: --from, --scenario, --down, --lang and the targets from the profile in effect" {
    need_shell zsh
    local -a langs
    want_list langs langs
    comp_want 'tracert --from ' branch-vm hub-vm loc1-vm loc2-vm remote-vm spoke-vm
    comp_want 'ping --from=loc' --from=loc1-vm --from=loc2-vm
    comp_want 'pathping --scenario er' er1-primary-down
    comp_want_line 'pathping --scenario er1-primary-down '
    comp_want 'tracert --down loc1-er' loc1-er1-primary
    comp_want_line 'tracert --down loc1-er1-primary '
    comp_want 'ping --lang ' "${langs[@]}"
    comp_want 'tracert --windows=' --windows=10 --windows=11 --windows=7 --windows=xp
    # targets: names and addresses; a valued option gets nothing, as -x or /x
    comp_want 'tracert 10.2.30.1' 10.2.30.10 10.2.30.125
    comp_want 'ping -k hub' hub-vm
    comp_want 'ping /n '
    comp_want_line 'ping /n '
    comp_want 'pathping -n sp' spoke-vm
    # --profile on the line wins
    comp_want "tracert --profile $ROOT_DIR/profiles/home.ini DESK" DESKTOP-7Q2M4KD
    comp_do "export NETMIMIC_PROFILE=$TEST_PROFILES/bad/base.ini"
    comp_want 'tracert --scenario ' sc1
    comp_check zsh
}

@test "zsh: netmimic's commands, options, devices and kinds" {
    need_shell zsh
    comp_want 'netmimic ' --help --profile= check compile explain graph hosts links routes \
        scenarios words
    comp_want 'netmimic routes hub-vn' hub-vnet
    comp_want 'netmimic explain --from sp' spoke-vm
    comp_want 'netmimic graph --scenario=er' --scenario=er1-primary-down
    comp_want_line 'netmimic graph --scenario=er1-primary-down '
    comp_want 'netmimic words t' targets
    comp_check zsh
}

@test "fish: every Windows option as -x and as /x, and every long option" {
    need_shell fish
    local tool
    local -a usage long
    want_list long long
    for tool in tracert ping pathping; do
        want_list usage "usage-$tool"
        comp_want "$tool -" "${usage[@]}" "${long[@]%=}"
        comp_want "$tool /" "${usage[@]/#-//}"
        comp_want "$tool --" "${long[@]%=}"
    done
    comp_check fish
}

@test "fish: --from, --scenario, --down, --lang and the targets from the profile in effect" {
    need_shell fish
    local -a langs
    want_list langs langs
    comp_want 'tracert --from ' branch-vm hub-vm loc1-vm loc2-vm remote-vm spoke-vm
    comp_want 'ping --from=loc' --from=loc1-vm --from=loc2-vm
    comp_want 'pathping --scenario er' er1-primary-down
    comp_want 'tracert --down loc1-er' loc1-er1-primary
    comp_want 'ping --lang ' "${langs[@]}"
    comp_want 'tracert 10.2.30.1' 10.2.30.10 10.2.30.125
    comp_want 'ping -k hub' hub-vm
    comp_want 'ping -n '
    comp_want 'ping /n '
    comp_want 'pathping -n sp' spoke-vm
    comp_want "tracert --profile $ROOT_DIR/profiles/home.ini DESK" DESKTOP-7Q2M4KD
    comp_do "set -gx NETMIMIC_PROFILE $TEST_PROFILES/bad/base.ini"
    comp_want 'tracert --scenario ' sc1
    comp_check fish
}

@test "fish: netmimic's commands, options, devices and kinds" {
    need_shell fish
    comp_want 'netmimic ' check compile explain graph hosts links routes scenarios words
    comp_want 'netmimic routes hub-vn' hub-vnet
    comp_want 'netmimic explain --from sp' spoke-vm
    comp_want 'netmimic graph --scenario=er' --scenario=er1-primary-down
    comp_want 'netmimic words t' targets
    comp_check fish
}

@test "fish: a file installed as netmimic-ping completes netmimic-ping, through links" {
    need_shell fish
    local -a usage
    want_list usage usage-ping
    mkdir "$BATS_TEST_TMPDIR/links" "$BATS_TEST_TMPDIR/fish"
    ln -s "$COMP_BIN/ping" "$BATS_TEST_TMPDIR/links/netmimic-ping"
    cp "$ROOT_DIR/completions/ping.fish" "$BATS_TEST_TMPDIR/fish/netmimic-ping.fish"
    cp "$ROOT_DIR/completions/netmimic-common.fish" "$BATS_TEST_TMPDIR/fish"
    comp_want 'netmimic-ping --from sp' spoke-vm
    comp_want 'netmimic-ping /' "${usage[@]/#-//}"
    TOOLS_PATH=$BATS_TEST_TMPDIR/links FISH_DIR=$BATS_TEST_TMPDIR/fish comp_check fish
}
