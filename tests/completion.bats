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

@test "bash, zsh, fish: netmimic compile offers its option, and files as OUTPUT" {
    cd "$BATS_TEST_TMPDIR"
    : >net-one.nmp
    bash_complete "$ROOT_DIR/completions/netmimic.bash" netmimic compile net-
    assert_output net-one.nmp
    bash_complete "$ROOT_DIR/completions/netmimic.bash" netmimic compile --p
    assert_output --profile=
    if command -v zsh >/dev/null; then
        zsh_complete netmimic compile net-
        assert_output net-one.nmp
    fi
    if command -v fish >/dev/null; then
        fish_complete 'netmimic compile net-'
        assert_output net-one.nmp
    fi
}

@test "bash: a stale NETMIMIC_FROM does not hide the hosts" {
    NETMIMIC_FROM=no-such-host bash_complete "$ROOT_DIR/completions/ping.bash" ping --from loc
    assert_output "$(printf '%s\n' loc1-vm loc2-vm)"
}

# ---- zsh and fish ----------------------------------------------------------------

# need_shell NAME: skips, saying why, where the shell is not installed
# (make test's deps-test installs both).
need_shell() {
    command -v "$1" >/dev/null || skip "$1 is not installed (make deps-test installs it)"
}

# zsh_complete COMMAND WORD...: "COMMAND WORD..." typed into an interactive
# zsh with completions/ on fpath, then Tab (tests/lib/zsh-complete.zsh: the
# real line editor and completion system run _netmimic); the matches in
# $output, sorted, and the line as Tab left it in $BATS_TEST_TMPDIR/buffer.
# compinit's dump is the file's, made once; 60 s at most a line (a loaded
# machine: the first compinit takes seconds).
zsh_complete() {
    PATH=${TOOLS_PATH:-$BIN}:/usr/bin:/bin ZSH_COMPDUMP=$BATS_FILE_TMPDIR/zcompdump \
        ZSH_COMPLETE_BUFFER=$BATS_TEST_TMPDIR/buffer run bash -c \
        'set -o pipefail; timeout 60 zsh -f "$0" "$@" | LC_ALL=C sort' \
        "$TESTS_DIR/lib/zsh-complete.zsh" "$ROOT_DIR/completions" "$@"
    [ "$status" = 0 ] || { echo "zsh-complete.zsh exited $status: $output" >&2; return 1; }
}

# zsh_line_is LINE: the line as the last zsh_complete's Tab left it (a
# single match inserted, with the space after it or not).
zsh_line_is() {
    assert_equal "$(cat "$BATS_TEST_TMPDIR/buffer")" "$1"
}

# fish_complete LINE: what fish offers for LINE (complete -C), the values
# without their descriptions; sorted.  fish loads COMMAND.fish from
# FISH_DIR (default completions/) as it does from its completion path.
fish_complete() {
    PATH=${TOOLS_PATH:-$BIN}:/usr/bin:/bin HOME=$BATS_TEST_TMPDIR XDG_CONFIG_HOME=$BATS_TEST_TMPDIR \
        run bash -c 'fish --no-config -c "set -p fish_complete_path \$argv[1]; complete -C \$argv[2]" \
        "$0" "$1" | cut -f1 | LC_ALL=C sort' "${FISH_DIR:-$ROOT_DIR/completions}" "$1"
}

# The usage letters of TOOL ("-d", ...) and '-?', one a line, sorted.
usage_options() {
    { "$BIN/$1" /? | grep -oE '(^|[[ ])-[[:alnum:]]' | sed 's/.*-/-/'; echo '-?'; } |
        LC_ALL=C sort -u
}

# The catalogues built in, one a line, sorted.
catalogue_langs() {
    sed -n 's/^@lang //p' "$ROOT_DIR"/common/render/lang/*.msg | LC_ALL=C sort
}

# The extension options, read off cli.c's getopt_long table (so that an
# option added there and not to a completion fails here): NAME, or NAME=
# for those that take a value.
ext_long() {
    grep -oE '\{"[a-z-]+", (required|no)_argument' "$ROOT_DIR/common/cli/cli.c" |
        sed -E 's/^\{"([a-z-]+)", required_argument$/--\1=/; s/^\{"([a-z-]+)", no_argument$/--\1/' |
        LC_ALL=C sort
}

@test "zsh: compinit registers _netmimic for the three tools and netmimic" {
    need_shell zsh
    run zsh -f -c 'fpath=($1 $fpath); autoload -Uz compinit; compinit -u -D
        print -r -- $_comps[tracert] $_comps[ping] $_comps[pathping] $_comps[netmimic]' _ \
        "$ROOT_DIR/completions"
    assert_output "_netmimic _netmimic _netmimic _netmimic"
}

@test "zsh: every Windows option as -x and as /x, and every long option" {
    need_shell zsh
    local tool
    for tool in tracert ping pathping; do
        zsh_complete "$tool" -
        # the Windows options and the long ones, all starting with -
        assert_equal "$(grep -v -- '^--' <<<"$output")" "$(usage_options "$tool")"
        zsh_complete "$tool" /
        assert_output "$(usage_options "$tool" | sed 's|^-|/|' | LC_ALL=C sort)"
        zsh_complete "$tool" --
        assert_output "$(ext_long)"
    done
}

@test "zsh: --from, --scenario, --down, --lang and the targets from the profile in effect" {
    need_shell zsh
    zsh_complete tracert --from ''
    assert_output "$(printf '%s\n' branch-vm hub-vm loc1-vm loc2-vm remote-vm spoke-vm)"
    zsh_complete ping --from=loc
    assert_output "$(printf '%s\n' --from=loc1-vm --from=loc2-vm)"
    zsh_complete pathping --scenario er
    assert_output er1-primary-down
    zsh_line_is "pathping --scenario er1-primary-down "
    zsh_complete tracert --down loc1-er
    assert_output loc1-er1-primary
    zsh_line_is "tracert --down loc1-er1-primary "
    zsh_complete ping --lang ''
    assert_output "$(catalogue_langs)"
    zsh_complete tracert --windows=''
    assert_output "$(printf '%s\n' --windows=10 --windows=11 --windows=7 --windows=xp)"
    # targets: names and addresses; a valued option gets nothing, as -x or /x
    zsh_complete tracert 10.2.30.1
    assert_output "$(printf '%s\n' 10.2.30.10 10.2.30.125)"
    zsh_complete ping -k hub
    assert_output hub-vm
    zsh_complete ping /n ''
    assert_output ""
    zsh_line_is "ping /n "
    zsh_complete pathping -n sp
    assert_output spoke-vm
    # --profile on the line wins
    zsh_complete tracert --profile "$ROOT_DIR/profiles/home.ini" DESK
    assert_output DESKTOP-7Q2M4KD
    NETMIMIC_PROFILE=$TEST_PROFILES/bad/base.ini zsh_complete tracert --scenario ''
    assert_output sc1
}

@test "zsh: netmimic's commands, options, devices and kinds" {
    need_shell zsh
    zsh_complete netmimic ''
    assert_output "$(printf '%s\n' --help --profile= check compile explain graph hosts links \
        routes scenarios words |
        LC_ALL=C sort)"
    zsh_complete netmimic routes hub-vn
    assert_output hub-vnet
    zsh_complete netmimic explain --from sp
    assert_output spoke-vm
    zsh_complete netmimic graph --scenario=er
    assert_output --scenario=er1-primary-down
    zsh_line_is "netmimic graph --scenario=er1-primary-down "
    zsh_complete netmimic words t
    assert_output targets
}

@test "fish: every Windows option as -x and as /x, and every long option" {
    need_shell fish
    local tool
    for tool in tracert ping pathping; do
        fish_complete "$tool -"
        assert_equal "$(grep -v -- '^--' <<<"$output")" "$(usage_options "$tool")"
        fish_complete "$tool /"
        assert_output "$(usage_options "$tool" | sed 's|^-|/|' | LC_ALL=C sort)"
        fish_complete "$tool --"
        assert_output "$(ext_long | sed 's/=$//')"
    done
}

@test "fish: --from, --scenario, --down, --lang and the targets from the profile in effect" {
    need_shell fish
    fish_complete 'tracert --from '
    assert_output "$(printf '%s\n' branch-vm hub-vm loc1-vm loc2-vm remote-vm spoke-vm)"
    fish_complete 'ping --from=loc'
    assert_output "$(printf '%s\n' --from=loc1-vm --from=loc2-vm)"
    fish_complete 'pathping --scenario er'
    assert_output er1-primary-down
    fish_complete 'tracert --down loc1-er'
    assert_output loc1-er1-primary
    fish_complete 'ping --lang '
    assert_output "$(catalogue_langs)"
    fish_complete 'tracert 10.2.30.1'
    assert_output "$(printf '%s\n' 10.2.30.10 10.2.30.125)"
    fish_complete 'ping -k hub'
    assert_output hub-vm
    fish_complete 'ping -n '
    assert_output ""
    fish_complete 'ping /n '
    assert_output ""
    fish_complete 'pathping -n sp'
    assert_output spoke-vm
    fish_complete "tracert --profile $ROOT_DIR/profiles/home.ini DESK"
    assert_output DESKTOP-7Q2M4KD
    NETMIMIC_PROFILE=$TEST_PROFILES/bad/base.ini fish_complete 'tracert --scenario '
    assert_output sc1
}

@test "fish: netmimic's commands, options, devices and kinds" {
    need_shell fish
    fish_complete 'netmimic '
    assert_output "$(printf '%s\n' check compile explain graph hosts links routes scenarios \
        words)"
    fish_complete 'netmimic routes hub-vn'
    assert_output hub-vnet
    fish_complete 'netmimic explain --from sp'
    assert_output spoke-vm
    fish_complete 'netmimic graph --scenario=er'
    assert_output --scenario=er1-primary-down
    fish_complete 'netmimic words t'
    assert_output targets
}

@test "fish: a file installed as netmimic-ping completes netmimic-ping, through links" {
    need_shell fish
    mkdir "$BATS_TEST_TMPDIR/links" "$BATS_TEST_TMPDIR/fish"
    ln -s "$BIN/ping" "$BATS_TEST_TMPDIR/links/netmimic-ping"
    cp "$ROOT_DIR/completions/ping.fish" "$BATS_TEST_TMPDIR/fish/netmimic-ping.fish"
    cp "$ROOT_DIR/completions/netmimic-common.fish" "$BATS_TEST_TMPDIR/fish"
    TOOLS_PATH=$BATS_TEST_TMPDIR/links FISH_DIR=$BATS_TEST_TMPDIR/fish \
        fish_complete 'netmimic-ping --from sp'
    assert_output spoke-vm
    TOOLS_PATH=$BATS_TEST_TMPDIR/links FISH_DIR=$BATS_TEST_TMPDIR/fish \
        fish_complete 'netmimic-ping /'
    assert_line /t
}
