#!/usr/bin/env bats
# pathping: phase 1 against the document's traces, phase 2's statistics,
# loss at a node versus loss on a link, the seconds line, errors.

load lib/common
load lib/blocks

bats_require_minimum_version 1.5.0

# The hops of the document's trace block NAME up to (not including) the
# first hop that timed out, as "hop address" lines.
hops_until_silent() {
    awk '/^ +[0-9]+  / { if ($0 ~ /Request timed out/) exit; print $1, $NF }' \
        "$BLOCKS_DIR/$1.txt"
}

# From the hub to each site, with the seed that reproduces the document's
# tracert to it (the same run conditions): phase 1 shows the same hops and
# stops where the document's trace has its first silent hop, and each hop's
# average is within the document's values for it.
check_site() {
    local block=$1 target=$2 seed want_hops
    seed=$(grep "^$block	" "$BLOCKS_DIR/blocks.tsv" | cut -f6)
    run "$BIN/pathping" --seed "$seed" "$target"
    [ "$status" -eq 0 ]
    printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/out"
    hops_until_silent "$block" >"$BATS_TEST_TMPDIR/want"
    # phase 1: the lines between hop 0 and "Computing statistics"
    awk '/^  0  / { on = 1; next } /^Computing/ { exit } on && NF' "$BATS_TEST_TMPDIR/out" |
        awk '{ print $1, $NF }' | grep -v '\*$' >"$BATS_TEST_TMPDIR/got" || true
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
    want_hops=$(wc -l <"$BATS_TEST_TMPDIR/want")
    grep -qx "Computing statistics for $((want_hops * 25)) seconds..." "$BATS_TEST_TMPDIR/out"
    # a silent hop in the document: phase 1 ends with the '*' line, right
    # before "Computing statistics"
    if grep -q 'Request timed out' "$BLOCKS_DIR/$block.txt"; then
        grep -B1 '^Computing' "$BATS_TEST_TMPDIR/out" | head -1 |
            grep -qE "^ +$((want_hops + 1))     \*        \*        \*$"
    fi
    # phase 2: each hop's average RTT within the document's values
    local hop lo hi avg
    while read -r hop _; do
        read -r lo hi < <(grep -E "^ +$hop  " "$BLOCKS_DIR/$block.txt" |
            grep -oE '(<1|[0-9]+) ms' | sed 's/<1/0/; s/ ms//' | sort -n | sed -n '1p;$p' | xargs)
        avg=$(grep -E "^ +$hop +[0-9]+ms " "$BATS_TEST_TMPDIR/out" | awk '{ print $2 + 0 }')
        [ -n "$avg" ] && [ "$avg" -ge "$lo" ] && [ "$avg" -le "$hi" ] || {
            echo "hop $hop: average $avg not within $lo..$hi" >&2
            return 1
        }
    done <"$BATS_TEST_TMPDIR/want"
}

@test "pathping from the hub: spoke" { check_site hub-to-spoke 10.11.30.4; }
@test "pathping from the hub: branch" { check_site hub-to-branch 10.11.30.68; }
@test "pathping from the hub: location 1" { check_site hub-to-loc1 10.2.30.10; }
@test "pathping from the hub: location 2" { check_site hub-to-loc2 10.1.31.10; }
@test "pathping from the hub: remote VNet" { check_site hub-to-remote 10.17.30.4; }

# The expected table was written by hand from the profile (see its
# comments): a link losing 10% each way shows about 19 of 100 lost from r2
# on, on the link row into r2; r3 answers one probe a second of the four a
# second pathping sends, so most of its loss is its own (node column).
# tests/find-seeds.sh's method found the seed: 50.
@test "a lossy link and a rate-limiting router: loss on the link row and in the node column" {
    "$BIN/pathping" --profile "$TEST_PROFILES/pathping/lossy-link.ini" --seed 50 \
        server.example.com >"$BATS_TEST_TMPDIR/got"
    assert_same_file "$BATS_TEST_TMPDIR/got" "$TESTS_DIR/expected/pathping/lossy-link.txt"
}

@test "the seconds line: answering hops x -q x -p / 1000, truncated" {
    run "$BIN/pathping" --profile "$TEST_PROFILES/pathping/lossy-link.ini" --seed 50 \
        -q 7 -p 333 server.example.com
    assert_line 'Computing statistics for 9 seconds...'   # 4 x 7 x 333 = 9324 ms
    assert_line --regexp '^  1    1ms     0/   7 =  0%     0/   7 =  0%  10\.0\.1\.1$'
    run "$BIN/pathping" --seed 1 -q 10 -p 100 10.2.30.10
    assert_line 'Computing statistics for 1 seconds...'   # 1 answering hop x 10 x 100
}

@test "-n: no names; -h: the hop limit" {
    run "$BIN/pathping" --profile "$TEST_PROFILES/pathping/lossy-link.ini" --seed 50 -n -h 2 \
        server.example.com
    assert_line --index 0 'Tracing route to server.example.com [10.0.34.2]'
    assert_line --index 1 'over a maximum of 2 hops:'
    assert_line --index 2 '  0  10.0.1.10'
    assert_line --index 4 '  2  10.0.12.2'
    assert_line --index 5 'Computing statistics for 50 seconds...'
    assert_line --index 8 '  0                                           10.0.1.10'
}

@test "a foreign -i source: nothing is sent" {
    run "$BIN/pathping" --seed 1 -i 10.9.9.9 -q 5 10.11.30.4
    assert_line --index 2 '  1     *        *        *'
    assert_line --index 3 'Computing statistics for 0 seconds...'
    run "$BIN/pathping" --seed 1 -i 10.10.30.4 -q 5 10.11.30.4
    assert_line --index 2 '  1  10.11.30.4'
}

@test "usage and errors" {
    run "$BIN/pathping" /?
    [ "$status" -eq 0 ]
    assert_line --index 0 'Usage: pathping [-g host-list] [-h maximum_hops] [-i address] [-n]'
    run "$BIN/pathping" -x 10.2.30.10
    [ "$status" -eq 1 ]
    assert_line --index 0 '-x is not a valid command option.'
    run "$BIN/pathping" -q 0 10.2.30.10
    assert_output 'Bad value for option -q, valid range is from 1 to 4294967295.'
    [ "$status" -eq 1 ]
    run "$BIN/pathping" nosuch.host
    assert_output 'Unable to resolve target system name nosuch.host.'
    [ "$status" -eq 1 ]
}

@test "the redirected form: CRLF, and the blanks Windows writes" {
    "$BIN/pathping" --seed 1 -q 3 -n 10.2.30.10 >"$BATS_TEST_TMPDIR/console"
    "$BIN/pathping" --crlf --seed 1 -q 3 -n 10.2.30.10 >"$BATS_TEST_TMPDIR/crlf"
    # the silent hop's fields keep their blanks; every line ends in CR LF
    sed 's/^\(  2     \*        \*        \*\)$/\1     /; s/$/\r/' "$BATS_TEST_TMPDIR/console" \
        >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/crlf" "$BATS_TEST_TMPDIR/want"
}

# Through a pipe, phase 1 is seen while phase 2 runs, as on Windows: the
# lines up to "Computing statistics..." are flushed before phase 2, which
# here (2^32-1 queries, without --realtime) would compute for hours.  head
# gets them through a FIFO and ends; the run is then stopped.  Without the
# flush, head waits until its timeout.
@test "phase 1 is written out before phase 2 runs" {
    local pipe=$BATS_TEST_TMPDIR/pipe
    mkfifo "$pipe"
    "$BIN/pathping" --seed 1 -q 4294967295 -p 1 10.11.30.4 >"$pipe" 2>/dev/null 3>&- &
    local pid=$!
    run timeout 60 head -n 6 "$pipe"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    assert_equal "$status" 0
    # 1 answering hop x 4294967295 queries x 1 ms = 4294967.295 s, truncated
    assert_equal "$output" "
Tracing route to 10.11.30.4 over a maximum of 30 hops
  0  hub-vm [10.10.30.4]
  1  10.11.30.4

Computing statistics for 4294967 seconds..."
}
