#!/usr/bin/env bats
# compiled.bats - compiled profiles (netmimic compile, netmimic-profile(5)
# COMPILED PROFILES).  A compiled profile is the loaded model written out:
# every tool and netmimic command must print the same bytes from it as from
# the text it was compiled from, for every shipped profile, every test
# profile that loads and generated networks of each shape; the profiles
# compared use every profile key (checked below), so a field the writer or
# the reader forgot shows as a difference.  Then bad compiled files: each
# refused with one line, exit 2.

load lib/common

bats_require_minimum_version 1.5.0

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

# both SIDE_FILE PROFILE: runs the commands of $RUNS (one a line, words
# split; TOOL first) against PROFILE, every output, status and message
# appended to SIDE_FILE; a --json record is appended too, its profile path
# and the messages' made those of the text profile ($TEXT).
both() {
    local out=$1 profile=$2 line tool
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
    both text.txt "$TEXT"
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
    for f in "$TEST_PROFILES/$1"/*.ini; do
        "$BIN/netmimic" --profile "$f" words profile >/dev/null 2>&1 && echo "$f"
    done
}

# ---- text and compiled give the same bytes --------------------------------------

@test "compiled: azure-interop.ini, every command the same" { same_compiled "$PROFILE" 1; }
@test "compiled: home.ini, every command the same" { same_compiled "$ROOT_DIR/profiles/home.ini" 1; }
@test "compiled: internet.ini, every command the same" { same_compiled "$ROOT_DIR/profiles/internet.ini" 1; }
@test "compiled: lab.ini, every command the same" { same_compiled "$ROOT_DIR/profiles/lab.ini" 1; }
@test "compiled: office.ini, every command the same" { same_compiled "$ROOT_DIR/profiles/office.ini" 1; }
@test "compiled: rare.ini (the rare keys), every command the same" {
    same_compiled "$TEST_PROFILES/compiled/rare.ini" 1
}

# The model's test profiles, whole plan; the many small captures' profiles,
# the short one.
@test "compiled: tests/profiles model, inspect, ipv6, neighbour, json: the same" {
    local f n=0
    for f in $(loading_profiles model; loading_profiles inspect; loading_profiles ipv6;
               loading_profiles neighbour; loading_profiles json); do
        same_compiled "$f" 1
        n=$((n + 1))
    done
    [ "$n" -ge 14 ]
}

@test "compiled: tests/profiles corpus, ping, pathping, pathping-corpus: the same" {
    local f n=0
    for f in $(loading_profiles corpus; loading_profiles ping; loading_profiles pathping;
               loading_profiles pathping-corpus); do
        same_compiled "$f" 0
        n=$((n + 1))
    done
    [ "$n" -ge 20 ]
}

# Every third of the localized captures' profiles (chains much alike; the
# keys they use are checked below with all of them).
@test "compiled: tests/profiles locale, locale-model: the same" {
    local f n=0
    for f in $( (loading_profiles locale; loading_profiles locale-model) | awk 'NR % 3 == 1'); do
        same_compiled "$f" 0
        n=$((n + 1))
    done
    [ "$n" -ge 20 ]
}

@test "compiled: generated networks of every shape, in parts: the same" {
    local shape
    for shape in hub-and-spoke ring random-mesh tiered-internet; do
        "$GEN" --shape "$shape" --sites 12 --seed 5 --per-file 4 --out "gen-$shape"
        same_compiled "$BATS_TEST_TMPDIR/gen-$shape" 1
    done
}

# What proves no field is missing: the profiles compared above use every
# key the loader reads (common/profile/profile_keys.c).
@test "compiled: the profiles compared use every profile key" {
    local keys k missing=
    keys=$(grep -oE 'strcmp\((key|what), "[a-z_]+"\)' "$ROOT_DIR/common/profile/profile_keys.c" |
           sed -E 's/.*"([a-z_]+)".*/\1/' | sort -u)
    [ "$(wc -w <<<"$keys")" -ge 45 ]
    for k in $keys; do
        grep -qE "^[[:space:]]*([ab]_)?$k[[:space:]]*=" "$ROOT_DIR"/profiles/*.ini \
            $(find "$TEST_PROFILES" -name '*.ini' -not -path '*/bad/*') || missing+=" $k"
    done
    assert_equal "$missing" ""
}

# ---- where a profile goes, a compiled one goes -------------------------------------

@test "compiled: NETMIMIC_PROFILE and the file's name: known by its magic bytes" {
    compile_ok "$PROFILE" az.ini
    "$BIN/tracert" --seed 3 -d 10.11.30.4 >text.txt
    NETMIMIC_PROFILE=$PWD/az.ini "$BIN/tracert" --seed 3 -d 10.11.30.4 >env.txt
    assert_same_file env.txt text.txt
    run "$BIN/netmimic" --profile az.ini words profile
    assert_output az.ini
}

@test "compiled: compile reads a compiled profile too, and writes the same bytes" {
    compile_ok "$PROFILE" one.nmp
    compile_ok one.nmp two.nmp
    cmp one.nmp two.nmp
}

@test "compiled: compile replaces OUTPUT whole, nothing left beside it" {
    echo old >out.nmp
    compile_ok "$PROFILE" out.nmp
    run ls -A
    assert_output "$(printf 'compile.err\ncompile.out\nout.nmp')"
}

@test "compiled: a bad text profile fails compile exactly as it fails the tools" {
    printf '[network]\ndefault_host = nobody\n' >bad.ini
    tool_run tracert tracert.out --profile bad.ini 10.0.0.1
    assert_equal "$status" 2
    status=0
    "$BIN/netmimic" --profile bad.ini compile out.nmp 2>compile.err || status=$?
    assert_equal "$status" 2
    assert_equal "$(<compile.err)" "$(sed 's/^tracert:/netmimic:/' tracert.out.err)"
    [ ! -e out.nmp ]
    run ls -A
    refute_output --partial tmp
}

@test "compiled: compile --help, and a missing OUTPUT" {
    run "$BIN/netmimic" compile --help
    assert_success
    assert_line --index 0 "Usage: netmimic compile [--profile FILE] OUTPUT"
    run "$BIN/netmimic" compile
    assert_equal "$status" 2
    assert_output "netmimic: compile: missing operand (see netmimic compile --help)"
}

# ---- bad compiled files ---------------------------------------------------------------

# Where the body of a compiled file starts: the magic (8 bytes), the
# format (4), the build identity (4 + 16), the version (4 + its length),
# the body's length (8).
VERSION=$(sed -n '1s/.*(\(.*\)).*/\1/p' "$ROOT_DIR/debian/changelog")
BODY=$((8 + 4 + 20 + 4 + ${#VERSION} + 8))

# refused FILE MESSAGE: tracert and netmimic refuse FILE with "PROG: MESSAGE",
# exit 2, nothing on stdout.
refused() {
    tool_run tracert t.out --profile "$1" 10.0.0.1
    assert_equal "$status" 2
    [ ! -s t.out ]
    assert_equal "$(<t.out.err)" "tracert: $2"
    tool_run netmimic n.out --profile "$1" hosts
    assert_equal "$status" 2
    assert_equal "$(<n.out.err)" "netmimic: $2"
}

@test "compiled: truncated at several points: damaged, never a crash" {
    compile_ok "$PROFILE" good.nmp
    local size n
    size=$(stat -c %s good.nmp)
    for n in 4 8 20 40 60 200 1000 $((size / 2)) $((size - 9)) $((size - 1)); do
        head -c "$n" good.nmp >cut.nmp
        tool_run tracert t.out --profile cut.nmp 10.0.0.1
        assert_equal "$status" 2
        [[ $(<t.out.err) == "tracert: cut.nmp: damaged compiled profile ("*")" ]]
    done
    head -c 1000 good.nmp >cut.nmp
    refused cut.nmp "cut.nmp: damaged compiled profile (truncated: shorter than its body's length at byte $BODY)"
}

@test "compiled: one byte flipped in the body: the checksum finds it" {
    compile_ok "$PROFILE" good.nmp
    local at
    for at in 100 5000 $(($(stat -c %s good.nmp) - 20)); do
        cp good.nmp flip.nmp
        printf '\x5a' | dd of=flip.nmp bs=1 seek="$at" conv=notrunc status=none
        cmp -s good.nmp flip.nmp && printf '\x5b' | dd of=flip.nmp bs=1 seek="$at" conv=notrunc status=none
        refused flip.nmp "flip.nmp: damaged compiled profile (checksum mismatch at byte $BODY)"
    done
}

@test "compiled: another build's or format's file: compile it again" {
    compile_ok "$PROFILE" good.nmp
    # the build identity is the 16 bytes after the format and its length
    cp good.nmp other.nmp
    printf 'ffffffffffffffff' | dd of=other.nmp bs=1 seek=16 conv=notrunc status=none
    tool_run tracert t.out --profile other.nmp 10.0.0.1
    assert_equal "$status" 2
    [[ $(<t.out.err) == "tracert: other.nmp: compiled by another netmimic (format 1, build ffffffffffffffff, version "*"; this one: format 1, build "*"); compile it again" ]]
    cp good.nmp format.nmp
    printf '\x09' | dd of=format.nmp bs=1 seek=8 conv=notrunc status=none
    tool_run tracert t.out --profile format.nmp 10.0.0.1
    assert_equal "$status" 2
    [[ $(<t.out.err) == "tracert: format.nmp: compiled by another netmimic (format 9, "*"); compile it again" ]]
}

@test "compiled: an empty file is an empty text profile; binary bytes are no profile" {
    : >empty.nmp
    tool_run tracert t.out --profile empty.nmp 10.0.0.1
    assert_equal "$status" 2
    assert_equal "$(<t.out.err)" "tracert: empty.nmp: [network]: missing section"
    printf 'PK\003\004\000\000binary' >zip.nmp
    refused zip.nmp "zip.nmp: not a profile (neither INI text nor a compiled profile)"
}

@test "compiled: compile to a directory, or where it cannot write: one line, exit 2" {
    mkdir out.d
    run "$BIN/netmimic" compile out.d
    assert_equal "$status" 2
    assert_output "netmimic: out.d: cannot write compiled profile: is a directory"
    run "$BIN/netmimic" compile no-such-dir/out.nmp
    assert_equal "$status" 2
    assert_output "netmimic: no-such-dir/out.nmp: cannot write compiled profile: No such file or directory"
    if [ "$(id -u)" != 0 ]; then
        mkdir ro && chmod 555 ro
        run "$BIN/netmimic" compile ro/out.nmp
        assert_equal "$status" 2
        assert_output "netmimic: ro/out.nmp: cannot write compiled profile: Permission denied"
    fi
    # a device is not replaced by the rename
    run "$BIN/netmimic" compile /dev/null
    assert_equal "$status" 2
    assert_output "netmimic: /dev/null: cannot write compiled profile: not a regular file"
    [ -c /dev/null ]
    run ls -A
    assert_output out.d
}

@test "compiled: a crafted file with a good checksum: an index out of range is damaged" {
    # test-compiled rewrites one field of a compiled profile and fixes the
    # checksum: the reader's range checks must refuse it, not crash
    [ -x "$BIN/test-compiled" ] || skip "bin/test-compiled not built (make test-tree)"
    compile_ok "$PROFILE" good.nmp
    run "$BIN/test-compiled" good.nmp 61
    assert_success
}
