#!/usr/bin/env bats
# compiled.bats - compiled profiles (netmimic compile, netmimic-profile(5)
# COMPILED PROFILES).  A compiled profile is the loaded model written out:
# every tool and netmimic command must print the same bytes from it as from
# the text it was compiled from, for every shipped profile, every test
# profile that loads and generated networks of each shape; the profiles
# compared use every profile key (checked below), so a field the writer or
# the reader forgot shows as a difference (the test profiles and generated
# networks: tests/compiled-profiles.bats).  Then bad compiled files: each
# refused with one line, exit 2.

load lib/common
load lib/compiled

bats_require_minimum_version 1.5.0

# ---- text and compiled give the same bytes --------------------------------------

@test "compiled: azure-interop.ini, every command the same" { same_compiled "$PROFILE" 1; }
@test "compiled: home.ini, every command the same" { same_compiled "$ROOT_DIR/profiles/home.ini" 1; }
@test "compiled: internet.ini, every command the same" { same_compiled "$ROOT_DIR/profiles/internet.ini" 1; }
@test "compiled: lab.ini, every command the same" { same_compiled "$ROOT_DIR/profiles/lab.ini" 1; }
@test "compiled: office.ini, every command the same" { same_compiled "$ROOT_DIR/profiles/office.ini" 1; }
@test "compiled: rare.ini (the rare keys), every command the same" {
    same_compiled "$TEST_PROFILES/compiled/rare.ini" 1
}

# The reader shares a distribution among the elements that have its very
# bytes only if its draws keep no state: each router's replay() must start
# over at its own first value (shared, the second router's would go on from
# the first's third: 527, 527, 528 ms).
@test "compiled: identical distributions: a replay or run each its own, the rest shared" {
    same_compiled "$TEST_PROFILES/compiled/shared.ini" 1
    compile_ok "$TEST_PROFILES/compiled/shared.ini" shared.nmp
    run "$PLAIN/tracert" --profile shared.nmp --seed 3 target.example
    [ "$status" -eq 0 ]
    assert_line --regexp '^  2 +[1-9][0-9] ms +[1-9][0-9] ms +5[0-9][0-9] ms  10\.0\.2\.2$'
    assert_line --regexp '^  3 +[1-9][0-9] ms +[1-9][0-9] ms +5[0-9][0-9] ms  10\.0\.3\.2$'
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

# The model's strings are used in place in the file's bytes for the whole
# run.  Mapped, the file took them with it when it was cut or rewritten in
# place under a running tool (cp over it while ping -t runs): SIGBUS, or
# other strings.  pathping --realtime prints names until its table, after
# the statistics' wait; the file is emptied once the first line is out.
# Each build is run directly (under the dual runner the sanitized one would
# start after the plain one, on the emptied file).
@test "compiled: the file emptied while a tool runs: the run goes on unharmed" {
    compile_ok "$ROOT_DIR/profiles/office.ini" office.nmp
    local args=(--seed 3 -q 1 -p 200 -h 6 10.20.0.10) builds=("$PLAIN") b i pid
    [[ $PLAIN == "$BIN" ]] || builds+=("$NETMIMIC_DUAL_B")
    "$PLAIN/pathping" --profile office.nmp "${args[@]}" >expected
    grep -q dc01.corp.example expected
    for b in "${builds[@]}"; do
        cp office.nmp run.nmp && rm -f out err
        "$b/pathping" --profile run.nmp --realtime "${args[@]}" >out 2>err 3>&- &
        pid=$!
        for ((i = 0; i < 500; i++)); do
            [[ -f out && $(<out) == *"Tracing route"* ]] && break
            sleep 0.02
        done
        : >run.nmp
        kill -0 "$pid" # still running: what follows read the emptied file
        status=0
        wait "$pid" || status=$?
        assert_equal "$status" 0
        assert_same_file out expected
        [ ! -s err ]
    done
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
# the text it was compiled from (1 + 8 + 8), the body's length (8).
VERSION=$(sed -n '1s/.*(\(.*\)).*/\1/p' "$ROOT_DIR/debian/changelog")
BODY=$((8 + 4 + 20 + 4 + ${#VERSION} + 17 + 8))

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
    [[ $(<t.out.err) == "tracert: other.nmp: compiled by another netmimic (format 3, build ffffffffffffffff, version "*"; this one: format 3, build "*"); compile it again" ]]
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
