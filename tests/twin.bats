#!/usr/bin/env bats
# twin.bats - a text profile is read from its compiled twin (make all's
# BIN/twins/NAME.nmp for each shipped profile NAME.ini; common/profile/twin.h)
# while the twin's header records this build and the text's exact bytes;
# else from the text.  Which one was read shows only in NETMIMIC_TIMING=1's
# line ("load X ms (twin PATH)"): the output, the messages and the JSON
# record (its profile is the text's path) are the text's bytes, which
# NETMIMIC_TWINS=0 reads.  Damaged, cut, another build's or another text's
# twins are tried in a build tree of the test's own (a copy of the tools
# beside a profiles/ directory: the tree's BIN/twins are shared by the
# suite's lanes), where each must be passed over silently.

load lib/common

bats_require_minimum_version 1.5.0

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
}

# loaded_from TOOL ARGS...: TOOL ARGS with NETMIMIC_TIMING=1 (stdout in
# out.txt, stderr in out.txt.err, the status in $status); TWIN is the twin
# its timing line names, empty if the text was read.
loaded_from() {
    NETMIMIC_TIMING=1 tool_run "$1" out.txt "${@:2}"
    TWIN=
    local line
    IFS= read -r line <out.txt.err || true
    [[ $line =~ ^[a-z]+:\ timing:\ load\ [0-9.]+\ ms\ \(twin\ ([^\)]*)\), ]] &&
        TWIN=${BASH_REMATCH[1]}
    return 0
}

# same_as_text TOOL ARGS...: TOOL ARGS read from a twin (TWIN_READ) print
# what they print from the text (NETMIMIC_TWINS=0), stdout, status and the
# --json record, byte for byte.
same_as_text() {
    loaded_from "$1" "${@:2}" --json rec.json
    [ -n "$TWIN" ]
    TWIN_READ=$TWIN
    local twin_status=$status
    mv out.txt twin.txt
    mv rec.json twin.json
    NETMIMIC_TWINS=0 loaded_from "$1" "${@:2}" --json rec.json
    assert_equal "$TWIN" ""
    assert_equal "$twin_status" "$status"
    assert_same_file twin.txt out.txt
    assert_same_file twin.json rec.json
}

# differ A B: files A and B are not the same bytes; lacks WORD FILE: FILE
# does not hold WORD.  (A test's "! command" fails nothing in bats.)
differ() { ! cmp -s "$1" "$2"; }
lacks() { ! grep -q "$1" "$2"; }

# A host of PROFILE to run toward: the last of `netmimic hosts`, its first
# address.
last_address() {
    local line
    line=$("$BIN/netmimic" --profile "$1" hosts | tail -1)
    read -r _ ADDR _ <<<"$line"
    ADDR=${ADDR%%,*}
}

@test "twin: every shipped profile is read from its twin, with the text's bytes" {
    local p name
    for p in "$ROOT_DIR"/profiles/*.ini; do
        name=${p##*/}
        last_address "$p"
        same_as_text tracert --profile "$p" --seed 5 -h 8 "$ADDR"
        [[ $TWIN_READ == /*/twins/${name%.ini}.nmp ]]
        same_as_text ping --profile "$p" --seed 6 -n 2 "$ADDR"
        same_as_text pathping --profile "$p" --seed 7 -q 2 -h 4 -n "$ADDR"
    done
}

@test "twin: the default profile, found without --profile, too; and netmimic's commands" {
    same_as_text tracert --seed 1 10.17.30.4
    [[ $TWIN_READ == /*/twins/azure-interop.nmp ]]
    local cmd
    for cmd in hosts "routes hub-vm" check "explain 10.17.30.4" "words profile"; do
        # shellcheck disable=SC2086 # the command's words
        "$BIN/netmimic" $cmd >twin.txt 2>&1 || echo "exit $?" >>twin.txt
        # shellcheck disable=SC2086
        NETMIMIC_TWINS=0 "$BIN/netmimic" $cmd >text.txt 2>&1 || echo "exit $?" >>text.txt
        assert_same_file twin.txt text.txt
    done
}

@test "twin: the bytes decide, not the place: a copy is read from the twin, a changed byte from the text" {
    cp "$PROFILE" azure-interop.ini
    same_as_text tracert --profile azure-interop.ini --seed 1 10.17.30.4
    cp twin.txt unchanged.txt
    # one byte changed, the size kept: hop 3's latency, 30 ms more
    sed 's/uniform(31\.7, 33\.1)/uniform(51.7, 53.1)/' "$PROFILE" >azure-interop.ini
    [ "$(stat -c %s azure-interop.ini)" = "$(stat -c %s "$PROFILE")" ]
    differ azure-interop.ini "$PROFILE"
    loaded_from tracert --profile azure-interop.ini --seed 1 10.17.30.4
    assert_equal "$status" 0
    assert_equal "$TWIN" ""
    mv out.txt changed.txt
    NETMIMIC_TWINS=0 tool_run tracert text.txt --profile azure-interop.ini --seed 1 10.17.30.4
    assert_same_file changed.txt text.txt
    differ changed.txt unchanged.txt
    # a line more, a comment: the text again, with the same trace
    { cat "$PROFILE"; echo '# a comment'; } >azure-interop.ini
    loaded_from tracert --profile azure-interop.ini --seed 1 10.17.30.4
    assert_equal "$TWIN" ""
    assert_same_file out.txt unchanged.txt
}

@test "twin: NETMIMIC_TWINS=0 reads the text, any other value the twin" {
    NETMIMIC_TWINS=0 loaded_from tracert --seed 1 -h 1 10.17.30.4
    assert_equal "$TWIN" ""
    local v
    for v in 1 "" no; do
        NETMIMIC_TWINS=$v loaded_from tracert --seed 1 -h 1 10.17.30.4
        [ -n "$TWIN" ]
    done
}

@test "twin: a bad profile under a shipped profile's name fails from its text" {
    printf '[network]\ndefault_host = nobody\n' >azure-interop.ini
    tool_run tracert twin.txt --profile azure-interop.ini 10.0.0.1
    assert_equal "$status" 2
    NETMIMIC_TWINS=0 tool_run tracert text.txt --profile azure-interop.ini 10.0.0.1
    assert_equal "$status" 2
    assert_same_file twin.txt.err text.txt.err
    [[ $(<twin.txt.err) == "tracert: azure-interop.ini: "* ]]
}

@test "twin: netmimic compile of a profile read from its twin writes the build's twin, byte for byte" {
    loaded_from tracert --seed 1 -h 1 10.17.30.4
    [ -n "$TWIN" ]
    "$BIN/netmimic" --profile "$PROFILE" compile from-twin.nmp
    NETMIMIC_TWINS=0 "$BIN/netmimic" --profile "$PROFILE" compile from-text.nmp
    cmp from-twin.nmp "$TWIN"
    cmp from-text.nmp "$TWIN"
}

# The build directories whose tools are tried in a tree of their own: the
# plain build's (the one whose twin BIN's tracert names) and, under the dual
# runner, the sanitizer build's.
tree_bins() {
    loaded_from tracert --seed 1 -h 1 10.17.30.4
    local twins=${TWIN%/*}
    BINS=("${twins%/*}")
    if [[ -n ${NETMIMIC_DUAL_B:-} && ${BINS[0]} != "$NETMIMIC_DUAL_B" ]]; then
        BINS+=("$NETMIMIC_DUAL_B")
    fi
}

@test "twin: a damaged, cut, another build's or another text's twin: the text, silently" {
    tree_bins
    NETMIMIC_TWINS=0 tool_run tracert text.txt --seed 1 10.17.30.4
    local bin size kind
    for bin in "${BINS[@]}"; do
        rm -rf tree
        mkdir -p tree/bin/twins tree/profiles
        cp "$bin/tracert" tree/bin/
        cp "$PROFILE" tree/profiles/
        cp "$bin/twins/azure-interop.nmp" good.nmp
        size=$(stat -c %s good.nmp)
        for kind in good flipped cut build other-text; do
            cp good.nmp tree/bin/twins/azure-interop.nmp
            case $kind in
            flipped) printf '\xa5' | dd of=tree/bin/twins/azure-interop.nmp bs=1 \
                seek=$((size - 20)) conv=notrunc status=none ;;
            cut) head -c $((size - 1)) good.nmp >tree/bin/twins/azure-interop.nmp ;;
            # the build identity: the 16 bytes after the magic, the format and its length
            build) printf 'ffffffffffffffff' | dd of=tree/bin/twins/azure-interop.nmp bs=1 \
                seek=16 conv=notrunc status=none ;;
            other-text) cp "$bin/twins/home.nmp" tree/bin/twins/azure-interop.nmp ;;
            esac
            cmp -s good.nmp tree/bin/twins/azure-interop.nmp && [ $kind != good ] && return 1
            status=0
            NETMIMIC_TIMING=1 tree/bin/tracert --seed 1 10.17.30.4 >out.txt 2>out.txt.err ||
                status=$?
            assert_equal "$status" 0
            assert_same_file out.txt text.txt
            assert_equal "$(wc -l <out.txt.err)" 1
            if [ $kind = good ]; then
                grep -q "(twin $PWD/tree/bin/twins/azure-interop.nmp)" out.txt.err
            else
                lacks twin out.txt.err
            fi
        done
    done
}

# The twin is read, not mapped: emptied while a tool runs on it (as a
# reinstall or a rebuild of the tree could), the run goes on with what it
# read.  With a mapping of the file, the model's strings went with it:
# pathping's statistics died of SIGBUS printing their first name.  The
# profile's text is emptied too: neither is read again.  (The tree holds
# the default profile too: that is what makes it a build tree.)
@test "twin: the twin and its text emptied while a tool runs: the run goes on unharmed" {
    tree_bins
    local office=$ROOT_DIR/profiles/office.ini args=(--seed 3 -q 1 -p 200 -h 6 10.20.0.10) bin i pid
    NETMIMIC_TWINS=0 "$PLAIN/pathping" --profile "$office" "${args[@]}" >expected
    grep -q dc01.corp.example expected
    for bin in "${BINS[@]}"; do
        rm -rf tree out err
        mkdir -p tree/bin/twins tree/profiles
        cp "$bin/pathping" tree/bin/
        cp "$PROFILE" "$office" tree/profiles/
        cp "$bin/twins/office.nmp" tree/bin/twins/
        NETMIMIC_TIMING=1 tree/bin/pathping --profile tree/profiles/office.ini --realtime \
            "${args[@]}" >out 2>err 3>&- &
        pid=$!
        for ((i = 0; i < 500; i++)); do
            [[ -f out && $(<out) == *"Tracing route"* ]] && break
            sleep 0.02
        done
        : >tree/bin/twins/office.nmp
        : >tree/profiles/office.ini
        kill -0 "$pid" # still running: what follows read the emptied files
        status=0
        wait "$pid" || status=$?
        assert_equal "$status" 0
        assert_same_file out expected
        grep -q "(twin $PWD/tree/bin/twins/office.nmp)" err
    done
}
