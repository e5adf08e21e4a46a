#!/usr/bin/env bats
# Same seed, same bytes; different seeds, different latencies; no seed,
# runs differ; the path itself never depends on the seed.

load lib/common

trace() { "$BIN/tracert" "$@"; }

@test "determinism: the same seed gives the same bytes" {
    for target in 10.17.30.4 10.1.31.10 10.11.30.68; do
        trace --seed 42 "$target" >"$BATS_TEST_TMPDIR/a"
        trace --seed 42 "$target" >"$BATS_TEST_TMPDIR/b"
        NETMIMIC_SEED=42 trace "$target" >"$BATS_TEST_TMPDIR/c"
        assert_same_file "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
        assert_same_file "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/c"
    done
}

@test "determinism: --seed wins over NETMIMIC_SEED" {
    trace --seed 5 10.17.30.4 >"$BATS_TEST_TMPDIR/a"
    NETMIMIC_SEED=6 trace --seed 5 10.17.30.4 >"$BATS_TEST_TMPDIR/b"
    assert_same_file "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
}

@test "determinism: different seeds give different latencies, not different paths" {
    for s in 1 2 3 4 5 6 7 8 9 10; do
        trace --seed "$s" 10.17.30.4 >"$BATS_TEST_TMPDIR/out.$s"
    done
    run sh -c "cat '$BATS_TEST_TMPDIR'/out.* | grep '10.17.30.4$' | sort -u | wc -l"
    [ "$output" -ge 5 ]
    for s in 2 3 4 5 6 7 8 9 10; do
        diff <(sed -E 's/ +(<1|[0-9]+) ms/ NN ms/g' "$BATS_TEST_TMPDIR/out.1") \
             <(sed -E 's/ +(<1|[0-9]+) ms/ NN ms/g' "$BATS_TEST_TMPDIR/out.$s")
    done
}

@test "determinism: without a seed, runs differ" {
    for i in 1 2 3 4 5 6; do
        trace 10.17.30.4 >"$BATS_TEST_TMPDIR/run.$i"
    done
    run sh -c "cat '$BATS_TEST_TMPDIR'/run.* | grep '10.17.30.4$' | sort -u | wc -l"
    [ "$output" -ge 2 ]
}

@test "determinism: a run's probes are numbered, so -h does not change earlier hops" {
    trace --seed 9 10.17.30.4 | sed -n 4p >"$BATS_TEST_TMPDIR/a"
    trace --seed 9 -h 1 10.17.30.4 | sed -n 4p >"$BATS_TEST_TMPDIR/b"
    assert_same_file "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
}
