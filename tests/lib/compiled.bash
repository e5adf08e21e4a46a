# compiled.bash - loaded by tests/compiled.bats and tests/compiled-profiles.bats:
# compiling a profile and running the same commands against the text and the
# compiled form.
#
# What runs under the sanitizers (make test's dual runner, tests/lib/dual.c),
# and why that is enough: compile_ok's compile (the text loader and the
# writer, on every profile compared) and, on the compiled side, the first
# command of the plan (the reader, on every compiled file).  The reader runs
# once per process, whole and before anything else (profile_load:
# compiled_load reads every array into the model and derives the rest,
# whatever the command and its options; the strings stay where they are,
# in the bytes read, until network_free unmaps them), so every later
# command on the same file runs the reader's same code on the same bytes,
# then the same run code as the text profile, which the rest of the suite
# runs under the sanitizers.  Those commands run on the plain build only
# (PLAIN, lib/common.bash), as does the whole text side: the reference.
# The damaged files of tests/compiled.bats, each a different path through
# the reader, all run under the sanitizers.

GEN=$ROOT_DIR/tools/netmimic-genprofile

# The text side reads the text: a shipped profile would otherwise be read
# from its compiled twin (common/profile/twin.h) and compared with itself.
export NETMIMIC_TWINS=0

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
}

# compile_ok TEXT OUT: netmimic compile exits 0, silent, and OUT is there.
compile_ok() {
    status=0
    "$BIN/netmimic" --profile "$1" compile "$2" >compile.out 2>compile.err || status=$?
    [ "$status" = 0 ] || { echo "compile of $1:" >&2; cat compile.err >&2; return 1; }
    [ ! -s compile.out ] && [ ! -s compile.err ] && [ -f "$2" ]
}

# append_as_text FILE OUT: FILE appended to OUT, the compiled profile's path
# ($PROFILE_RUN) made the text profile's ($TEXT).  Builtins only: this runs
# twice per command compared.
append_as_text() {
    local lines
    mapfile lines <"$1"
    if [ "$PROFILE_RUN" = "$TEXT" ]; then
        printf '%s' "${lines[@]}" >>"$2"
    else
        printf '%s' "${lines[@]//"$PROFILE_RUN"/"$TEXT"}" >>"$2"
    fi
}

# both SIDE_FILE PROFILE [SANITIZE_FIRST]: runs the commands of $RUNS (one a
# line, words split; TOOL first) against PROFILE, every output, status and
# message appended to SIDE_FILE; a --json record is appended too, its
# profile path and the messages' made those of the text profile ($TEXT).
# The commands run on the plain build, the first under the dual runner
# (both builds) with SANITIZE_FIRST 1: see the top of this file.
both() {
    local out=$1 line tool bin=$BIN
    local PROFILE_RUN=$2
    [ "${3:-0}" = 1 ] || bin=$PLAIN
    : >"$out"
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        # shellcheck disable=SC2086
        set -- $line
        tool=$1
        shift
        status=0
        "$bin/$tool" --profile "$PROFILE_RUN" "$@" >>"$out" 2>run.err ||
            status=$?
        bin=$PLAIN
        echo "== $line: exit $status" >>"$out"
        append_as_text run.err "$out"
        if [ -f rec.json ]; then
            append_as_text rec.json "$out"
            rm -f rec.json
        fi
    done <<<"$RUNS"
}

# words KIND: the text profile's words of KIND (netmimic words), one an
# element of WORDS.
words() {
    "$PLAIN/netmimic" --profile "$TEXT" words "$1" >words.out
    mapfile -t WORDS <words.out
}

# plan FULL: the commands compared for $TEXT in $RUNS: the tools toward the
# last host, its listing and a device's routes; with FULL 1 also the other
# listings, check, explain, a scenario, --down, -6, --json and more
# devices' routes.  (The short plan is for the many small profiles of the
# captures.)  The profile's hosts and words are asked once each, and read
# with builtins.
plan() {
    local full=$1 host addr name first last scen link devices i
    "$PLAIN/netmimic" --profile "$TEXT" hosts >hosts.out
    mapfile -t WORDS <hosts.out
    host=${WORDS[-1]}
    # the address: the second word, the first of its list
    read -r _ addr _ <<<"$host"
    addr=${addr%%,*}
    name=
    [[ $host =~ \ names=([^ ,]*) ]] && name=${BASH_REMATCH[1]}
    name=${name:-$addr}
    words devices
    devices=("${WORDS[@]}")
    first=${devices[0]}
    last=${devices[-1]}
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
    words scenarios
    scen=${WORDS[0]:-}
    words links
    link=${WORDS[0]:-}
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
    # the 3rd, 10th, 17th and 24th devices, those there are
    for i in 2 9 16 23; do
        [ "$i" -lt "${#devices[@]}" ] || break
        RUNS+="
netmimic routes ${devices[i]}"
    done
}

# same_compiled TEXT FULL: TEXT compiled, then the commands of plan give
# the same bytes from both.
same_compiled() {
    TEXT=$1
    compile_ok "$TEXT" compiled.nmp || return 1
    plan "$2"
    both text.txt "$TEXT"
    both compiled.txt "$BATS_TEST_TMPDIR/compiled.nmp" 1
    assert_same_file compiled.txt text.txt || { echo "profile: $TEXT" >&2; return 1; }
    # the comparison saw the tools run (exit 0, or 1 for what Windows calls
    # a failure), not refuse their setup
    grep -qE '^== (tracert|ping|pathping) .*: exit [01]$' text.txt
}

# PROFILES: the profiles under tests/profiles/DIR... (every one must load:
# the bad ones are under tests/profiles/bad/, for tests/bad-input.bats;
# same_compiled names one that does not compile).
test_profiles() {
    local dir
    PROFILES=()
    for dir; do
        PROFILES+=("$TEST_PROFILES/$dir"/*.ini)
    done
}
