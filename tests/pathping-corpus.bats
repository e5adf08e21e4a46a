#!/usr/bin/env bats
# pathping-corpus.bats - pathping's output reproduces real Windows captures
# byte for byte, where the capture allows.
#
# The references in tests/expected/pathping-corpus/ are copies of
# ../shared/corpus/pathping-NNN.txt minus their metadata line, repaired only
# where INDEX.md notes damage (see SOURCES there).  Two small networks answer:
# tests/profiles/pathping-corpus/radiant.ini (the Windows XP captures 004,
# 005, 007) and zyxel.ini (the Windows 7 captures 008, 009, 010); their
# comments say how every time and every loss is pinned, so the output does
# not depend on the seed.  Where a capture lacks phase 2, the part it has is
# compared; where Windows XP differs from the Windows 7 rules netmimic
# follows (004), the test names the lines and compares all the others.

load lib/common

EXPECTED=$TESTS_DIR/expected/pathping-corpus
PPROFILES=$TEST_PROFILES/pathping-corpus
CORPUS=$ROOT_DIR/../shared/corpus

pathping_run() { tool_run pathping "$@"; }

# ppath OUT PROFILE TARGET [ARGS...]: pathping TARGET over the corpus
# profile PROFILE (radiant or zyxel), seed 1.
ppath() {
    local out=$1 profile=$2 target=$3
    shift 3
    pathping_run "$out" --profile "$PPROFILES/$profile.ini" --seed 1 "$@" "$target"
}

# up_to_computing FILE: FILE's lines up to and including the "Computing
# statistics" line, which must be there.
up_to_computing() {
    grep -q '^Computing statistics for [0-9]* seconds\.\.\.$' "$1" || {
        echo "no 'Computing statistics' line in $1" >&2
        return 1
    }
    sed '/^Computing statistics for [0-9]* seconds\.\.\.$/q' "$1"
}

# phase1_only OUT NNN TARGET: the capture NNN holds phase 1 and the
# "Computing statistics" line only (the author omitted phase 2): that part of
# the output is the capture's, and the table follows it at once, as on
# Windows (no empty line after "Computing statistics").
phase1_only() {
    local out=$1 nnn=$2 target=$3 n
    ppath "$out" zyxel "$target"
    assert_exit 0 "$out"
    up_to_computing "$EXPECTED/pathping-$nnn.txt" >"$out.want"
    up_to_computing "$out" >"$out.got"
    assert_same_file "$out.got" "$out.want"
    n=$(wc -l <"$out.want")
    assert_equal "$(sed -n "$((n + 1))p" "$out")" "            Source to Here   This Node/Link"
    assert_equal "$(tail -n 1 "$out")" "Trace complete."
}

# ---- usage -------------------------------------------------------------------

@test "pathping-001: --help is not a valid command option, then the usage (both forms), exit 1" {
    pathping_run "$BATS_TEST_TMPDIR/out" --crlf --help
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    sed 's/$/\r/' "$EXPECTED/pathping-001.txt" >"$BATS_TEST_TMPDIR/want"
    # the redirected form keeps the blanks the capture shows
    assert_equal "$(sed -n 3p "$BATS_TEST_TMPDIR/want")" \
        "Usage: pathping [-g host-list] [-h maximum_hops] [-i address] [-n] "$'\r'
    assert_equal "$(sed -n 10p "$BATS_TEST_TMPDIR/want")" \
        "    -i address       Use the specified source address. "$'\r'
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"

    # the console form: LF, trailing blanks removed
    pathping_run "$BATS_TEST_TMPDIR/out" --help
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    sed 's/ *$//' "$EXPECTED/pathping-001.txt" >"$BATS_TEST_TMPDIR/want"
    assert_equal "$(head -n 1 "$BATS_TEST_TMPDIR/want")" "--help is not a valid command option."
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "pathping-002: /? prints the usage (both forms), exit 0" {
    pathping_run "$BATS_TEST_TMPDIR/out" --crlf /?
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    sed 's/$/\r/' "$EXPECTED/pathping-002.txt" >"$BATS_TEST_TMPDIR/want"
    assert_equal "$(sed -n 3p "$BATS_TEST_TMPDIR/want")" \
        "                [-p period] [-q num_queries] [-w timeout] "$'\r'
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"

    local opt
    for opt in /? -?; do
        pathping_run "$BATS_TEST_TMPDIR/out" "$opt"
        assert_exit 0 "$BATS_TEST_TMPDIR/out"
        sed 's/ *$//' "$EXPECTED/pathping-002.txt" >"$BATS_TEST_TMPDIR/want"
        assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
    done
}

# ---- runs --------------------------------------------------------------------

@test "pathping-007: 6 hops, three routers with 100% node loss and 0% link loss, hop 6 at 35ms" {
    ppath "$BATS_TEST_TMPDIR/out" radiant uxprd1.radiant.com.tw
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # the line the author annotated, as repaired (SOURCES)
    assert_equal "$(sed -n 2p "$EXPECTED/pathping-007.txt")" \
        "Tracing route to uxprd1.radiant.com.tw [192.168.0.211]"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/pathping-007.txt"
}

@test "pathping-005: Windows XP, 1 hop on the host's own LAN" {
    ppath "$BATS_TEST_TMPDIR/out" radiant GP66001088.radiant.com.tw
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # the line the author annotated, as repaired (SOURCES): hop 0 is the
    # host's first name (not its reverse name, lower-case in the profile)
    assert_equal "$(sed -n 4p "$EXPECTED/pathping-005.txt")" \
        "  0  GP66000350.radiant.com.tw [10.8.14.55]"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/pathping-005.txt"
}

@test "pathping-004: Windows XP, silent hop 2; all lines but XP's seconds and its silent-hop row" {
    ppath "$BATS_TEST_TMPDIR/out" radiant GZ-N-07
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    local cap=$EXPECTED/pathping-004.txt
    # What XP printed and netmimic deliberately does not (SOURCES):
    # line 7: XP counts the silent hop 2 in the seconds (2 x 25 s); Windows 7
    # and later, and netmimic, count the answering hop only (1 x 25 s).
    assert_equal "$(sed -n 7p "$cap")" "Computing statistics for 50 seconds..."
    assert_equal "$(sed -n 7p "$BATS_TEST_TMPDIR/out")" "Computing statistics for 25 seconds..."
    # lines 13-14: XP carries the silent hop into the table with no address
    # ("[0.0.0.0]", named after the local host); netmimic's table has only
    # the hops that answered in phase 1.
    assert_equal "$(sed -n 13p "$cap")" "                              100/ 100 =100%   |"
    assert_equal "$(sed -n 14p "$cap")" \
        "  2  ---     100/ 100 =100%     0/ 100 =  0%  GP66000350.radiant.com.tw [0.0.0.0]"
    # Every other line is the capture's, in the capture's order: phase 1 with
    # its silent hop and no empty line before "Computing statistics", the
    # table up to hop 1, then the end.
    sed -e '7s/ 50 seconds/ 25 seconds/' -e '13,14d' "$cap" >"$BATS_TEST_TMPDIR/want"
    assert_equal "$(wc -l <"$BATS_TEST_TMPDIR/want")" 14
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "pathping-009: Windows 7, 8 hops, 200 s (phase 1, as captured)" {
    phase1_only "$BATS_TEST_TMPDIR/out" 009 www.mtco.com
}

@test "pathping-010: Windows 7, silent hop 12 after 11 answering hops, 275 s (phase 1, as captured)" {
    phase1_only "$BATS_TEST_TMPDIR/out" 010 cat.com
    # the silent hop goes straight into "Computing statistics", and the
    # seconds count the 11 answering hops only (12 x 25 would be 300)
    assert_equal "$(sed -n 16,17p "$BATS_TEST_TMPDIR/out")" \
        " 12     *        *        *
Computing statistics for 275 seconds..."
    # phase 2 measures the answering hops: the table ends at hop 11
    assert_equal "$(grep -cE '^ +[0-9]+ +[0-9]+ms ' "$BATS_TEST_TMPDIR/out")" 11
}

@test "pathping-008: Windows 7, 13 hops, 325 s (phase 1, as captured)" {
    phase1_only "$BATS_TEST_TMPDIR/out" 008 www.gooogle.com
}

@test "the corpus profiles pin every time and loss: other seeds give the same bytes" {
    local profile target seed
    while read -r profile target; do
        ppath "$BATS_TEST_TMPDIR/ref" "$profile" "$target"
        assert_equal "$(tail -n 1 "$BATS_TEST_TMPDIR/ref")" "Trace complete."
        for seed in 2 77 18446744073709551615; do
            pathping_run "$BATS_TEST_TMPDIR/out" --profile "$PPROFILES/$profile.ini" \
                --seed "$seed" "$target"
            assert_exit 0 "$BATS_TEST_TMPDIR/out"
            assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/ref"
        done
    done <<'EOF'
radiant uxprd1.radiant.com.tw
radiant GP66001088.radiant.com.tw
radiant GZ-N-07
zyxel www.mtco.com
zyxel cat.com
zyxel www.gooogle.com
EOF
}

# ---- the references themselves ------------------------------------------------

@test "the expected copies are the captures minus line 1, repaired only as SOURCES says" {
    [ -d "$CORPUS" ] || skip "no ../shared/corpus beside the repository"
    local nnn
    copy() { tail -n +2 "$CORPUS/pathping-$1.txt"; }
    for nnn in 004 010; do
        copy "$nnn" >"$BATS_TEST_TMPDIR/c"
        assert_same_file "$EXPECTED/pathping-$nnn.txt" "$BATS_TEST_TMPDIR/c"
    done
    for nnn in 001 002 005 007 008 009; do
        copy "$nnn" >"$BATS_TEST_TMPDIR/c"
        assert_same_file "$EXPECTED/pathping-$nnn.orig.txt" "$BATS_TEST_TMPDIR/c"
    done
    # 001, 002: the markdown fence's LF removed
    for nnn in 001 002; do
        assert_equal "$(tail -c 2 "$EXPECTED/pathping-$nnn.orig.txt" | od -An -c | tr -d ' ')" '\n\n'
        head -c -1 "$EXPECTED/pathping-$nnn.orig.txt" >"$BATS_TEST_TMPDIR/r"
        assert_same_file "$EXPECTED/pathping-$nnn.txt" "$BATS_TEST_TMPDIR/r"
    done
    # 005, 007: the author's tabs and comment cut from one line
    sed '4s/\t.*$//' "$EXPECTED/pathping-005.orig.txt" >"$BATS_TEST_TMPDIR/r"
    assert_same_file "$EXPECTED/pathping-005.txt" "$BATS_TEST_TMPDIR/r"
    sed '2s/\t.*$//' "$EXPECTED/pathping-007.orig.txt" >"$BATS_TEST_TMPDIR/r"
    assert_same_file "$EXPECTED/pathping-007.txt" "$BATS_TEST_TMPDIR/r"
    # 008, 009: doubled blank lines squeezed
    for nnn in 008 009; do
        cat -s "$EXPECTED/pathping-$nnn.orig.txt" >"$BATS_TEST_TMPDIR/r"
        assert_same_file "$EXPECTED/pathping-$nnn.txt" "$BATS_TEST_TMPDIR/r"
    done
}
