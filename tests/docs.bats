#!/usr/bin/env bats
# docs.bats - the documentation is clean and tells the truth: the man pages
# pass mandoc's lint, every option each tool (tracert, ping, pathping)
# accepts is in its man page, its bash completion and the README, the
# completions offer what the profile holds, and the examples in the man
# pages and the README print what they show.

load lib/common
load lib/blocks
load lib/cases
load lib/completion
load lib/docs

bats_require_minimum_version 1.5.0

MAN=$ROOT_DIR/man
COMPLETIONS=$ROOT_DIR/completions
README=$ROOT_DIR/README.md

# The tools, each with a man page TOOL.1 and a completion TOOL.bash.
TOOLS=(tracert ping pathping)

# netmimic's extension long options, as common/cli/cli.c accepts them.
EXT_OPTIONS=(profile from seed down scenario json crlf realtime lang encoding windows interrupt-after break-after)

# Each tool's usage text, and netmimic's --help, run once for the file (a
# check reads it, lib/docs.bash); the checks read the documents by the
# shell and complete their lines several in one bash, a case each: a case
# that fails names itself, and cases_ok fails its test.
setup_file() {
    export USAGE_DIR=$BATS_FILE_TMPDIR/usage
    mkdir -p "$USAGE_DIR"
    local tool
    for tool in "${TOOLS[@]}"; do
        "$BIN/$tool" '/?' >"$USAGE_DIR/$tool"
    done
    "$BIN/netmimic" --help >"$USAGE_DIR/netmimic"
}

teardown() { cases_ok; }

# How many option letters TOOL's usage text has, '?' aside: a usage text
# that lost some would otherwise pass the checks below.
usage_count() {
    case $1 in
    tracert) echo 8 ;;   # d h j w R S 4 6
    ping) echo 18 ;;     # t a n l f i v r s j k w R S c p 4 6
    pathping) echo 9 ;;  # g h i n p q w 4 6
    esac
}

# ---- the man pages ---------------------------------------------------------

# mandoc looks for the pages that .Xr names in the current directory too, so
# the lint runs in man/, where the two pages name each other; one mandoc for
# all the pages (it names the page of each message).
@test "mandoc -Tlint: every man page is clean" {
    cd "$MAN" || return 1
    run mandoc -Tlint tracert.1 ping.1 pathping.1 netmimic-profile.5 netmimic-json.5 netmimic.1
    assert_output ""
    assert_equal "$status" 0
}

# check_usage_items TOOL: every option letter of TOOL's usage text, and '?',
# has a list item in TOOL.1.
check_usage_items() {
    local tool=$1 l
    usage_letters "$tool"
    is "$tool" "how many letters" "$(usage_count "$tool")" "${#LETTERS[@]}"
    for l in "${LETTERS[@]}" '?'; do
        has_item "$MAN/$tool.1" Fl "$l" || case_fail "$tool.1" "'.It Fl $l'" present missing
    done
}

@test "every option of each tool's usage text has an entry in its man page" {
    check_usage_items tracert
    check_usage_items ping
    check_usage_items pathping
}

@test "every extension option has an entry in each tool's man page" {
    local tool o
    for tool in "${TOOLS[@]}"; do
        for o in "${EXT_OPTIONS[@]}"; do
            has_item "$MAN/$tool.1" Fl "-$o" || {
                echo "$tool.1 has no '.It Fl -$o'" >&2
                return 1
            }
        done
    done
}

@test "every tool has a man page, a completion, and a place in the README" {
    local tool
    for tool in "${TOOLS[@]}"; do
        [ -s "$MAN/$tool.1" ] && [ -s "$COMPLETIONS/$tool.bash" ] || {
            echo "$tool lacks man/$tool.1 or completions/$tool.bash" >&2
            return 1
        }
        slurp "$README"
        [[ $REPLY == *"man/$tool.1"* ]] || {
            echo "README.md does not point to man/$tool.1" >&2
            return 1
        }
    done
    # and the Makefile builds and installs exactly these, and netmimic
    makefile_tools
    assert_equal "$REPLY" "${TOOLS[*]} netmimic"
}

@test "the list of extension options above is the one common/cli/cli.c accepts" {
    local -a listed=("${EXT_OPTIONS[@]}")
    cli_ext_options
    nm_sort ACCEPTED
    nm_join ACCEPTED
    local accepted=$REPLY
    nm_sort listed
    nm_join listed
    assert_equal "$accepted" "$REPLY"
}

@test "the environment variables the code reads are in every man page and the README" {
    local v tool
    for v in NETMIMIC_PROFILE NETMIMIC_FROM NETMIMIC_SEED NETMIMIC_JSON NETMIMIC_CRLF \
        NETMIMIC_LANG NETMIMIC_WINDOWS NETMIMIC_SHOW_SEED NETMIMIC_TWINS; do
        for tool in "${TOOLS[@]}"; do
            has_item "$MAN/$tool.1" Ev "$v" || {
                echo "$tool.1 has no '.It Ev $v'" >&2
                return 1
            }
        done
        slurp "$README"
        [[ $REPLY == *"$v"* ]] || {
            echo "README.md does not mention $v" >&2
            return 1
        }
    done
}

# ---- the completion ----------------------------------------------------------

# TOOL's completion loads alone, in a bash that has loaded no other
# (bash-completion loads one file per command), without printing a word, and
# registers FUNCTION for TOOL: a subshell of one bash a file, that bash
# having loaded nothing.  The tools' functions are _netmimic_TOOL:
# bash-completion's own ping completion is _ping.
@test "completion: each file loads alone and registers its function" {
    run bash -c 'for t in tracert ping pathping netmimic; do
            (source "$1/$t.bash" && complete -p "$t") || echo "$t: failed"
        done' _ "$COMPLETIONS"
    assert_equal "$status" 0
    assert_output "complete -F _netmimic_tracert tracert
complete -F _netmimic_ping ping
complete -F _netmimic_pathping pathping
complete -F _netmimic netmimic"
}

@test "completion: the three files share one set of helpers" {
    local tool
    for tool in "${TOOLS[@]}"; do
        # each sources netmimic-common.bash and defines only its own function
        count_lines "$COMPLETIONS/$tool.bash" '^\. "\$\{BASH_SOURCE\[0\]%/\*\}/netmimic-common.bash"' '^_[a-z_]*\(\) \{'
        assert_equal "${COUNTS[*]}" "1 1"
    done
    run bash -c 'source "$1" && declare -F _netmimic_complete' _ "$COMPLETIONS/netmimic-common.bash"
    assert_output _netmimic_complete
}

# check_usage_completion TOOL: every option of TOOL's usage text, as -x and
# as /x, is offered.
check_usage_completion() {
    local tool=$1
    usage_letters "$tool"
    comp_has "$tool -" "${LETTERS[@]/#/-}" -?
    comp_has "$tool /" "${LETTERS[@]/#//}" /?
}

@test "completion: every option of each tool's usage text, as -x and as /x" {
    check_usage_completion tracert
    check_usage_completion ping
    check_usage_completion pathping
    comp_run
}

@test "completion: every extension option, for every tool, and it is in the README" {
    local tool o
    for tool in "${TOOLS[@]}"; do
        comp_has_re "$tool --" "${EXT_OPTIONS[@]/*/^--&=?\$}"
    done
    comp_run
    slurp "$README"
    for o in "${EXT_OPTIONS[@]}"; do
        [[ $REPLY == *"--$o"* ]] || {
            echo "README.md does not mention --$o" >&2
            return 1
        }
    done
}

@test "completion: --from offers the profile's hosts, for every tool" {
    local tool
    export NETMIMIC_PROFILE=$PROFILE
    for tool in "${TOOLS[@]}"; do
        comp_is "$tool --from " branch-vm hub-vm loc1-vm loc2-vm remote-vm spoke-vm
    done
    comp_run
}

@test "completion: --scenario offers the profile's scenarios, for every tool" {
    local tool
    export NETMIMIC_PROFILE=$PROFILE
    for tool in "${TOOLS[@]}"; do
        comp_is "$tool --scenario " er1-primary-down
        comp_is "$tool --scenario=er" --scenario=er1-primary-down
    done
    comp_run
}

@test "completion: an option's value gets nothing, a flag leaves the target to complete" {
    export NETMIMIC_PROFILE=$PROFILE
    # ping -n takes a count; pathping -n is a flag, followed by the target
    comp_is "ping -n "
    comp_is "ping /S "
    comp_is "pathping -n sp" spoke-vm
    comp_is "pathping /q "
    # host lists and targets: the devices' names
    comp_is "ping -k hub" hub-vm
    comp_is "pathping -g 10.11.30.4 loc" loc1-vm loc2-vm localhost
    comp_run
}

@test "completion: --down offers the profile's links, filtered by the prefix typed" {
    local tool
    export NETMIMIC_PROFILE=$PROFILE
    for tool in "${TOOLS[@]}"; do
        comp_is "$tool --down loc1-er" loc1-er1-primary
    done
    comp_run
}

@test "completion: --from=VALUE as one word keeps its '--from=' part" {
    export NETMIMIC_PROFILE=$PROFILE
    comp_is "tracert --from=sp" --from=spoke-vm
    comp_run
}

@test "completion: --profile on the line wins over NETMIMIC_PROFILE" {
    local tool
    export NETMIMIC_PROFILE=$PROFILE
    for tool in "${TOOLS[@]}"; do
        comp_is "$tool --profile $TEST_PROFILES/bad/base.ini --from " h1
        comp_is "$tool --profile=$TEST_PROFILES/bad/base.ini --scenario " sc1
    done
    comp_run
}

@test "completion: --profile offers files and directories" {
    cd "$BATS_TEST_TMPDIR" || return 1
    mkdir parts
    : >plain.ini
    comp_is "tracert --profile p" parts plain.ini
    comp_run
}

@test "completion: a directory profile's parts give the names, in every part" {
    cd "$BATS_TEST_TMPDIR" || return 1
    mkdir parts
    # base.ini in two parts: h1 and r1 (last) in the first, the rest in the
    # second; between them a part of comments only
    sed -n '1,/^\[device r2\]/p' "$TEST_PROFILES/bad/base.ini" | sed '$d' >parts/a.ini
    printf '; nothing but a comment\n' >parts/b.ini
    sed -n '/^\[device r2\]/,$p' "$TEST_PROFILES/bad/base.ini" >parts/c.ini
    comp_is "tracert --profile parts --from " h1
    comp_is "tracert --profile=parts --scenario " sc1
    comp_is "tracert --profile parts --down " l1 l2
    comp_run
}

# ---- the examples ------------------------------------------------------------

# Prints the lines of FILE between the comment lines '.\" NAME-begin' and
# '.\" NAME-end', without the .Bd and .Ed lines.
man_block() {
    awk -v begin=".\\\\\" $2-begin" -v end=".\\\\\" $2-end" '
        $0 == end { on = 0 }
        on && !/^\.(Bd|Ed)( |$)/ { print }
        $0 == begin { on = 1 }' "$1"
}

@test "netmimic-profile.5: the example profile gives the output shown" {
    cd "$BATS_TEST_TMPDIR" || return 1
    man_block "$MAN/netmimic-profile.5" example-profile >office.ini
    man_block "$MAN/netmimic-profile.5" example-output >shown
    [ -s office.ini ] && [ -s shown ]
    # each "$ tracert ARGS" line, then what it prints
    local line args=() n=0
    : >got
    while IFS= read -r line; do
        [[ $line == '$ tracert '* ]] || continue
        read -r -a args <<<"${line#'$ tracert '}"
        echo "$line" >>got
        "$BIN/tracert" "${args[@]}" >>got
        n=$((n + 1))
    done <shown
    [ "$n" -eq 2 ]
    assert_same_file got shown
}

# check_reproduction FILE BLOCK: FILE shows the command that reproduces the
# document's block BLOCK (its row in tests/seed/blocks.tsv); the command, with
# the seed FILE gives, prints the block (lib/docs.bash).

@test "the examples reproducing a document block use its recorded seeds" {
    check_reproduction "$MAN/tracert.1" spoke-to-loc1
    # the failover example
    check_reproduction "$MAN/tracert.1" loc1-to-hub-er1-down
    check_reproduction "$README" spoke-to-loc1
    # the ping between sites
    check_reproduction "$MAN/ping.1" loc2-ping-hub
    check_reproduction "$README" loc2-ping-hub
    # the document's ping row the README shows
    check_reproduction "$README" branch-ping-loc2
}

# shown_after FILE CMD-REGEX END-REGEX: the lines FILE shows after the line
# matching CMD-REGEX, up to the line matching END-REGEX.
shown_after() {
    awk -v cmd="$2" -v end="$3" '
        on && $0 ~ end { exit }
        on { print }
        $0 ~ cmd { on = 1 }' "$1"
}

@test "tracert.1 and README: the outputs they show are the document's blocks" {
    cd "$BATS_TEST_TMPDIR" || return 1
    block_expected spoke-to-loc1 >want-loc1
    block_expected loc1-to-hub-er1-down >want-er1-down
    shown_after "$MAN/tracert.1" '^\$ tracert --from spoke-vm --seed' '^\.Ed' >man-loc1
    shown_after "$MAN/tracert.1" '^\$ tracert --from loc1-vm --scenario' '^\.Ed' >man-er1-down
    shown_after "$README" '^\$ bin/tracert --from spoke-vm --seed' '^```' >readme-loc1
    assert_same_file man-loc1 want-loc1
    assert_same_file man-er1-down want-er1-down
    assert_same_file readme-loc1 want-loc1
}

# check_marked FILE COUNT: FILE has COUNT literal blocks marked as checked,
# each right after a line '.\" checked' (a man page) or '<!-- checked -->'
# (the README), or the same with a seed, '.\" checked SEED'.  A block's
# first line is '$ COMMAND', where COMMAND is a tool (or bin/TOOL) with its
# arguments, possibly after VAR=VALUE assignments; run from the source tree,
# with NETMIMIC_SEED=SEED when the mark gives a seed, COMMAND prints the rest
# of the block, byte for byte.
check_marked() {
    local file=$1 count=$2 dir=$BATS_TEST_TMPDIR/marked-${1##*/} i words envs tool
    mkdir -p "$dir"
    awk -v dir="$dir" '
        function start(seed) { n++; pending = 1; printf "%s", seed > (dir "/" n ".seed") }
        /^\.\\" checked( [0-9]+)?$/ { start($3); next }
        /^<!-- checked( [0-9]+)? -->$/ { start($3 == "-->" ? "" : $3); next }
        pending && (/^\.Bd / || /^```/) { pending = 0; on = 1; first = 1; next }
        on && (/^\.Ed$/ || /^```$/) { on = 0; next }
        on && first { sub(/^\$ /, ""); print > (dir "/" n ".cmd"); first = 0; next }
        on { print > (dir "/" n ".want") }
        END { print n + 0 > (dir "/count") }' "$file"
    slurp "$dir/count"
    is "${file##*/}" "checked blocks" "$count" "${REPLY%$'\n'}"
    for ((i = 1; i <= count; i++)); do
        read -r -a words <"$dir/$i.cmd"
        envs=()
        while [[ ${words[0]} == [A-Z_]*=* ]]; do
            envs+=("${words[0]}")
            words=("${words[@]:1}")
        done
        tool=${words[0]#bin/}
        slurp "$dir/$i.seed"
        [ -z "$REPLY" ] || envs+=("NETMIMIC_SEED=$REPLY")
        # a subshell exports them, for the tool alone (no env process)
        (cd "$ROOT_DIR" && for e in "${envs[@]}"; do export "${e?}"; done &&
            exec "$BIN/$tool" "${words[@]:1}") >"$dir/$i.got" || true
        assert_same_file "$dir/$i.got" "$dir/$i.want" ||
            case_fail "${file##*/}" "the block of '${words[*]}' (diff above)" "" ""
    done
}

@test "ping.1, pathping.1, README: the examples marked as checked print what they show" {
    check_marked "$MAN/ping.1" 4
    check_marked "$MAN/pathping.1" 2
    check_marked "$README" 3
}

@test "ping.1: the article's 100% loss is the document's block" {
    cd "$BATS_TEST_TMPDIR" || return 1
    block_expected branch-ping-loc2 >want
    shown_after "$MAN/ping.1" '^\$ NETMIMIC_FROM=branch-vm ping 10\.1\.31\.10$' '^\.Ed' >shown
    assert_same_file shown want
    run env NETMIMIC_FROM=branch-vm "$BIN/ping" 10.1.31.10
    assert_equal "$status" 1
}

@test "pathping.1: the lossy-link example is the suite's expected table" {
    cd "$BATS_TEST_TMPDIR" || return 1
    shown_after "$MAN/pathping.1" '^\$ pathping --profile tests/profiles/pathping/lossy-link\.ini' \
        '^\.Ed' >shown
    assert_same_file shown "$TESTS_DIR/expected/pathping/lossy-link.txt"
}

@test "completion: the target offers localhost and the names of a dual-stack profile" {
    export NETMIMIC_PROFILE=$ROOT_DIR/profiles/home.ini
    comp_is "tracert local" localhost
    comp_is "ping dns" dns.google
    comp_is "pathping -6 www" www.example.com
    comp_run
}

# ---- languages ---------------------------------------------------------------

@test "completion: --lang offers every catalogue, --encoding and --windows their values" {
    catalogue_langs
    comp_is "ping --lang " "${LANGS[@]}"
    comp_is "tracert --encoding=" --encoding=oem --encoding=utf-8
    comp_is "pathping --windows " 10 11 7 xp
    comp_run
}

@test "each man page lists the unconfirmed catalogue texts its tool prints" {
    local tool
    for tool in "${TOOLS[@]}"; do
        unconfirmed_listed "$MAN/$tool.1" >"$BATS_TEST_TMPDIR/$tool.listed"
        sh "$ROOT_DIR/common/render/lang/unconfirmed.sh" "$tool" >"$BATS_TEST_TMPDIR/$tool.want"
        [ -s "$BATS_TEST_TMPDIR/$tool.want" ]
        assert_same_file "$BATS_TEST_TMPDIR/$tool.listed" "$BATS_TEST_TMPDIR/$tool.want"
    done
}

# ---- netmimic ----------------------------------------------------------------

@test "netmimic: every command of its --help is in netmimic.1, the completion and the README" {
    local c
    netmimic_commands
    slurp "$README"
    for c in "${COMMANDS[@]}"; do
        has_item "$MAN/netmimic.1" Cm "$c" || case_fail "netmimic.1" "'.It Cm $c'" present missing
        [[ $REPLY == *"netmimic $c"* ]] || case_fail README.md "'netmimic $c'" present missing
    done
    assert_equal "${#COMMANDS[@]}" 9
    [[ $REPLY == *"man/netmimic.1"* ]]
    comp_do "export NETMIMIC_PROFILE=$PROFILE"
    comp_has "netmimic " "${COMMANDS[@]}"
    comp_run
}

@test "netmimic: every option of each command's --help is in netmimic.1 and completed" {
    local c o
    netmimic_commands
    for c in "${COMMANDS[@]}"; do
        "$BIN/netmimic" "$c" --help >"$BATS_TEST_TMPDIR/help"
        help_options "$BATS_TEST_TMPDIR/help"
        for o in "${OPTIONS[@]}"; do
            man_has_fl "${o#-}" || case_fail "netmimic.1" "'Fl ${o#-}'" present missing
            comp_has_re "netmimic $c ${o%%[a-z]*}" "^$o=?\$"
        done
    done
    comp_run
}

@test "completion: netmimic completes devices for routes and hosts for --from" {
    export NETMIMIC_PROFILE=$PROFILE
    comp_is "netmimic routes hub-vn" hub-vnet
    comp_is "netmimic explain --from spoke" spoke-vm
    comp_is "netmimic graph --scenario=er" --scenario=er1-primary-down
    comp_run
}
