#!/usr/bin/env bats
# format.bats - tracert's output reproduces real Windows captures byte for byte.
#
# Each tests/profiles/corpus/tracert-NNN.ini is a small network that pins
# every displayed time with replay() distributions (see the comments in the
# profiles), so the output does not depend on the seed.  The references in
# tests/expected/corpus/ are copies of ../shared/corpus/tracert-NNN.txt minus
# their metadata line, repaired where INDEX.md notes damage (see SOURCES
# there).  Where a capture is truncated, the test completes it only with what
# ../shared/docs/windows-output.md gives for every trace (the leading empty
# line, the empty line and "Trace complete." at the end), and says so.
# Where a capture is elided (tracert-017), the test deletes the missing hops'
# lines from the output, after checking which they are, and compares the rest.

load lib/common

EXPECTED=$TESTS_DIR/expected/corpus
CPROFILES=$TEST_PROFILES/corpus

tracert_run() { tool_run tracert "$@"; }

# trace OUT NNN TARGET [ARGS...]: traces TARGET over corpus profile NNN.
trace() {
    local out=$1 nnn=$2 target=$3
    shift 3
    tracert_run "$out" --profile "$CPROFILES/tracert-$nnn.ini" --seed 1 "$@" "$target"
}

# The redirected form, by the rules of windows-output.md section 0 and 1.4,
# from the console form on stdin: a hop line that ends in an address gets one
# trailing blank ("Request timed out." and "reports:" lines do not), and
# every line ends in CRLF.
redirected_form() {
    sed -E -e '/^[ 0-9]{2}[0-9]  /{/Request timed out\.$|  reports: /!s/$/ /}' -e 's/$/\r/'
}

# The hop line of a hop where no probe was answered.
timed_out_hop() {
    printf '%3u     *        *        *     Request timed out.\n' "$1"
}

# ---- traces ---------------------------------------------------------------

@test "tracert-003: typed address with a reverse name, first probe lost, named hops" {
    trace "$BATS_TEST_TMPDIR/out" 003 1.1.1.1
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/tracert-003.txt"
}

@test "tracert-004: typed name, 3-digit times, timeout hops (all lines but hop 1's REDACTED one)" {
    trace "$BATS_TEST_TMPDIR/out" 004 session-gemi.readsecure3.review
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # The capture has no final newline (INDEX.md): add it.  Line 5 is hop 1,
    # whose name and address the author replaced by REDACTED: left out here.
    { sed 5d "$EXPECTED/tracert-004.txt"; echo; } >"$BATS_TEST_TMPDIR/want"
    sed 5d "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/got"
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
    # Hop 1: the capture's line up to "REDACTED [", then the profile's
    # made-up address.
    local want1 got1
    want1=$(sed -n 5p "$EXPECTED/tracert-004.txt")
    got1=$(sed -n 5p "$BATS_TEST_TMPDIR/out")
    assert_equal "${want1%%\[*}" "  1     2 ms     1 ms     3 ms  REDACTED "
    assert_equal "$got1" "${want1%%\[*}[10.0.0.138]"
}

@test "tracert-010: a router reports Destination host unreachable (one-line header)" {
    trace "$BATS_TEST_TMPDIR/out" 010 10.254.247.70
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/tracert-010.txt"
}

@test "tracert-011: typed address without a name, one-line header, trace complete" {
    trace "$BATS_TEST_TMPDIR/out" 011 10.254.247.10
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/tracert-011.txt"
}

@test "tracert-013: partial '*       26 ms     *' hop and five timeout hops (the lines captured)" {
    trace "$BATS_TEST_TMPDIR/out" 013 baidu.com
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # The capture starts at the header and stops after hop 15 (the target):
    # what it lacks is the leading empty line and the final two lines.
    local n
    n=$(wc -l <"$EXPECTED/tracert-013.txt")
    sed -n "2,$((n + 1))p" "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/got"
    assert_same_file "$BATS_TEST_TMPDIR/got" "$EXPECTED/tracert-013.txt"
    { echo; cat "$EXPECTED/tracert-013.txt"; printf '\nTrace complete.\n'; } \
        >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "tracert-015: Windows XP, typed short name, 2 hops" {
    trace "$BATS_TEST_TMPDIR/out" 015 GZ-N-07
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/tracert-015.txt"
}

@test "tracert-002: one-line header; the 8 hops captured, then timeouts up to the default 30" {
    trace "$BATS_TEST_TMPDIR/out" 002 22.110.0.1
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # The capture starts at the header and stops at hop 8.
    local n
    n=$(wc -l <"$EXPECTED/tracert-002.txt")
    sed -n "2,$((n + 1))p" "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/got"
    assert_same_file "$BATS_TEST_TMPDIR/got" "$EXPECTED/tracert-002.txt"
    # Nothing answers beyond hop 8: 30 hops by default, then the end.
    {
        echo
        cat "$EXPECTED/tracert-002.txt"
        for hop in $(seq 9 30); do timed_out_hop "$hop"; done
        printf '\nTrace complete.\n'
    } >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "tracert-009: IPv6 trace of a name, timeout hop, '*       21 ms     *', named final hop" {
    trace "$BATS_TEST_TMPDIR/out" 009 google.com
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/tracert-009.txt"
}

@test "tracert-009 in redirected form: the IPv6 hop lines too end in one blank" {
    trace "$BATS_TEST_TMPDIR/out" 009 google.com --crlf
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    redirected_form <"$EXPECTED/tracert-009.txt" >"$BATS_TEST_TMPDIR/want"
    assert_equal "$(sed -n 13p "$BATS_TEST_TMPDIR/want")" \
        "  9    17 ms    19 ms    17 ms  maa05s21-in-x0e.1e100.net [2404:6800:4007:81c::200e] "$'\r'
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "tracert-017: IPv6, -h 12, redirected form (CRLF, trailing blanks), the hops captured" {
    trace "$BATS_TEST_TMPDIR/out" 017 google.com -h 12 --crlf
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    # The capture elides hops 3, 4, 6, 7, 8 (INDEX.md) and the target's hop
    # after hop 9 (see the profile's comment).  The profile's path is
    # complete: 10 hops, the target at hop 10.  Delete the lines of the
    # elided hops from the output, after checking that the output has hops
    # 1 to 10 in order, and compare the rest byte for byte.
    assert_equal "$(grep -oE '^ {1,2}[0-9]+  ' "$BATS_TEST_TMPDIR/out" | tr -d ' ' | tr '\n' ' ')" \
        "1 2 3 4 5 6 7 8 9 10 "
    sed -E '/^ {1,2}(3|4|6|7|8|10)  /d' "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/got"
    assert_same_file "$BATS_TEST_TMPDIR/got" "$EXPECTED/tracert-017.txt"
    # The capture is the redirected form of its console form.
    tr -d '\r' <"$EXPECTED/tracert-017.txt" | sed 's/ $//' | redirected_form >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$EXPECTED/tracert-017.txt" "$BATS_TEST_TMPDIR/want"
}

@test "-h 8 stops at hop 8 with Trace complete. and shows 8 in the header" {
    trace "$BATS_TEST_TMPDIR/out" 002 22.110.0.1 -h 8
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    { echo; sed '1s/ 30 hops$/ 8 hops/' "$EXPECTED/tracert-002.txt"; printf '\nTrace complete.\n'; } \
        >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "-d on a typed address: one-line header and bare addresses (tracert-003 without names)" {
    trace "$BATS_TEST_TMPDIR/out" 003 1.1.1.1 -d
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    sed -E -e '2{N;s/.*/Tracing route to 1.1.1.1 over a maximum of 30 hops/}' \
        -e 's/  [^ ]+ \[([0-9.]+)\]$/  \1/' "$EXPECTED/tracert-003.txt" >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "-d on a typed name: the header keeps the name, hops lose theirs (tracert-015)" {
    trace "$BATS_TEST_TMPDIR/out" 015 GZ-N-07 -d
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    sed 's/gz-n-07\.radiant\.com\.tw \[10\.8\.16\.120\]$/10.8.16.120/' \
        "$EXPECTED/tracert-015.txt" >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "the corpus profiles pin every time: other seeds give the same bytes" {
    local nnn target seed
    while read -r nnn target; do
        trace "$BATS_TEST_TMPDIR/ref" "$nnn" "$target"
        assert_equal "$(tail -n 1 "$BATS_TEST_TMPDIR/ref")" "Trace complete."
        for seed in 2 77 18446744073709551615; do
            tracert_run "$BATS_TEST_TMPDIR/out" --profile "$CPROFILES/tracert-$nnn.ini" \
                --seed "$seed" "$target"
            assert_exit 0 "$BATS_TEST_TMPDIR/out"
            assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/ref"
        done
    done <<'EOF'
002 22.110.0.1
003 1.1.1.1
004 session-gemi.readsecure3.review
010 10.254.247.70
011 10.254.247.10
013 baidu.com
015 GZ-N-07
009 google.com
017 google.com
EOF
}

# ---- redirected form (--crlf) ------------------------------------------------

@test "--crlf: tracert-015 in redirected form (CRLF, a blank after each hop address)" {
    trace "$BATS_TEST_TMPDIR/out" 015 GZ-N-07 --crlf
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    redirected_form <"$EXPECTED/tracert-015.txt" >"$BATS_TEST_TMPDIR/want"
    # The rule, spelled out for the two hop lines.
    assert_equal "$(sed -n 5p "$BATS_TEST_TMPDIR/want")" \
        "  1    <1 ms    <1 ms     2 ms  10.8.14.254 "$'\r'
    assert_equal "$(sed -n 6p "$BATS_TEST_TMPDIR/want")" \
        "  2    <1 ms    <1 ms    <1 ms  gz-n-07.radiant.com.tw [10.8.16.120] "$'\r'
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "--crlf: tracert-013 in redirected form (no blank after Request timed out.)" {
    trace "$BATS_TEST_TMPDIR/out" 013 baidu.com --crlf
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    { echo; cat "$EXPECTED/tracert-013.txt"; printf '\nTrace complete.\n'; } |
        redirected_form >"$BATS_TEST_TMPDIR/want"
    assert_equal "$(sed -n 13p "$BATS_TEST_TMPDIR/want")" \
        "  9     *       26 ms     *     220.181.0.198 "$'\r'
    assert_equal "$(sed -n 11p "$BATS_TEST_TMPDIR/want")" \
        "  7     *        *        *     Request timed out."$'\r'
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

# ---- usage and command-line errors ---------------------------------------------

@test "tracert-007: /? in redirected form is the captured usage, trailing blank included" {
    tracert_run "$BATS_TEST_TMPDIR/out" --crlf /?
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    sed 's/$/\r/' "$EXPECTED/tracert-007.txt" >"$BATS_TEST_TMPDIR/want"
    assert_equal "$(sed -n 2p "$BATS_TEST_TMPDIR/want")" \
        "Usage: tracert [-d] [-h maximum_hops] [-j host-list] [-w timeout] "$'\r'
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "tracert-016: tracert with no arguments prints the usage (console form), exit 1" {
    tracert_run "$BATS_TEST_TMPDIR/out"
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/tracert-016.txt"
}

@test "tracert /? and -? print the usage (console form), exit 0" {
    local opt
    for opt in /? -?; do
        tracert_run "$BATS_TEST_TMPDIR/out" "$opt"
        assert_exit 0 "$BATS_TEST_TMPDIR/out"
        assert_same_file "$BATS_TEST_TMPDIR/out" "$EXPECTED/tracert-016.txt"
    done
}

@test "tracert-006: --help is not a valid command option, then the usage (both forms), exit 1" {
    tracert_run "$BATS_TEST_TMPDIR/out" --crlf --help
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    sed 's/$/\r/' "$EXPECTED/tracert-006.txt" >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"

    tracert_run "$BATS_TEST_TMPDIR/out" --help
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    sed 's/ *$//' "$EXPECTED/tracert-006.txt" >"$BATS_TEST_TMPDIR/want"
    assert_equal "$(head -n 1 "$BATS_TEST_TMPDIR/want")" "--help is not a valid command option."
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "tracert -d without a target: A target name or address must be specified. + usage, exit 1" {
    tracert_run "$BATS_TEST_TMPDIR/out" -d
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    { echo 'A target name or address must be specified.'; cat "$EXPECTED/tracert-016.txt"; } \
        >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}
