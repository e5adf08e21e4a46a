# compiled.bash - loaded by tests/compiled.bats and tests/compiled-profiles.bats:
# compiling a profile and running the same commands against the text and the
# compiled form.

GEN=$ROOT_DIR/tools/netmimic-genprofile

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
}

# compile_ok TEXT OUT: netmimic compile exits 0, silent, and OUT is there.
compile_ok() {
    status=0
    "$BIN/netmimic" --profile "$1" compile "$2" >compile.out 2>compile.err || status=$?
    [ "$status" = 0 ] || { cat compile.err >&2; return 1; }
    [ ! -s compile.out ] && [ ! -s compile.err ] && [ -f "$2" ]
}

# both SIDE_FILE PROFILE [REFERENCE]: runs the commands of $RUNS (one a
# line, words split; TOOL first) against PROFILE, every output, status and
# message appended to SIDE_FILE; a --json record is appended too, its
# profile path and the messages' made those of the text profile ($TEXT).
# REFERENCE 1: make test's dual runner runs only the plain build (the text
# side is what the compiled one is compared with; the rest of the suite
# runs text profiles under the sanitizers).
both() {
    local out=$1 profile=$2 line tool
    local -x NETMIMIC_DUAL_ONLY_A=${3:-0}
    : >"$out"
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        # shellcheck disable=SC2086
        set -- $line
        tool=$1
        shift
        status=0
        if [ "$tool" = netmimic ]; then
            "$BIN/netmimic" --profile "$profile" "$@" >>"$out" 2>run.err || status=$?
        else
            "$BIN/$tool" --profile "$profile" "$@" >>"$out" 2>run.err || status=$?
        fi
        { echo "== $line: exit $status"; sed "s|$profile|$TEXT|g" run.err; } >>"$out"
        if [ -f rec.json ]; then
            sed "s|$profile|$TEXT|g" rec.json >>"$out"
            rm -f rec.json
        fi
    done <<<"$RUNS"
}

# words KIND: the profile's words of KIND (netmimic words), one a line.
words() { "$BIN/netmimic" --profile "$TEXT" words "$1"; }

# plan FULL: the commands compared for $TEXT in $RUNS: the tools toward the
# last host, its listing and a device's routes; with FULL 1 also the other
# listings, check, explain, a scenario, --down, -6, --json and more
# devices' routes.  (The short plan is for the many small profiles of the
# captures: the suite runs this file under ASan too, a tenth of a second
# a run.)
plan() {
    local full=$1 hosts host addr name dev first last scen link
    local -x NETMIMIC_DUAL_ONLY_A=1 # words of the text profile: its runs are the reference's
    hosts=$("$BIN/netmimic" --profile "$TEXT" hosts)
    host=$(tail -n 1 <<<"$hosts")
    addr=$(awk '{ print $2 }' <<<"$host")
    addr=${addr%%,*}
    name=$(sed -n 's/.* names=\([^ ,]*\).*/\1/p' <<<"$host")
    name=${name:-$addr}
    first=$(words devices | head -n 1)
    last=$(words devices | tail -n 1)
    RUNS="netmimic hosts
netmimic routes $last
tracert --seed 12 -h 12 $name
ping --seed 13 -n 3 $addr
pathping --seed 14 -q 2 -h 6 -n $addr"
    [ "$full" = 1 ] || return 0
    RUNS+="
netmimic links
netmimic scenarios
netmimic check
netmimic words targets
netmimic explain $addr
tracert --seed 11 -d -h 12 $addr"
    scen=$(words scenarios | head -n 1)
    link=$(words links | head -n 1)
    RUNS+="
netmimic routes $first
netmimic explain -6 $name
tracert --seed 15 -6 -h 12 $name
ping --seed 16 -6 -n 2 $name
ping --seed 17 -n 2 --json rec.json $name
tracert --seed 18 -h 6 --json rec.json -d $addr
pathping --seed 19 -q 2 -h 4 --json rec.json $addr
tracert --seed 20 -d -h 12 --down $link $addr
netmimic routes --down $link $last $addr"
    if [ -n "$scen" ]; then
        RUNS+="
tracert --seed 21 -d -h 12 --scenario $scen $addr
netmimic links --scenario $scen
netmimic check --scenario $scen"
    fi
    for dev in $(words devices | awk 'NR % 7 == 3' | head -n 4); do
        RUNS+="
netmimic routes $dev"
    done
}

# same_compiled TEXT FULL: TEXT compiled, then the commands of plan give
# the same bytes from both.
same_compiled() {
    TEXT=$1
    compile_ok "$TEXT" compiled.nmp
    plan "$2"
    both text.txt "$TEXT" 1
    both compiled.txt "$BATS_TEST_TMPDIR/compiled.nmp"
    assert_same_file compiled.txt text.txt || { echo "profile: $TEXT" >&2; return 1; }
    # the comparison saw the tools run (exit 0, or 1 for what Windows calls
    # a failure), not refuse their setup
    grep -qE '^== (tracert|ping|pathping) .*: exit [01]$' text.txt
}

# The profiles under tests/profiles/DIR that load (bad ones are skipped:
# tests/bad-input.bats has them).
loading_profiles() {
    local f
    local -x NETMIMIC_DUAL_ONLY_A=1
    for f in "$TEST_PROFILES/$1"/*.ini; do
        "$BIN/netmimic" --profile "$f" words profile >/dev/null 2>&1 && echo "$f"
    done
}
