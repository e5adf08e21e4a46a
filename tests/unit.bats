#!/usr/bin/env bats
# The C unit tests of the generator and the distributions.

load lib/common

@test "unit: rng and distributions" {
    run "$BIN/test-dist"
    [ "$status" -eq 0 ]
    assert_line --regexp '^[0-9]+ passed, 0 failed$'
}

@test "unit: addresses of both families, parsing and formatting" {
    run "$BIN/test-addr"
    [ "$status" -eq 0 ]
    assert_line --regexp '^[0-9]+ passed, 0 failed$'
}
