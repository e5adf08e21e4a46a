#!/usr/bin/env bats
# The C unit tests of the generator, the distributions and the hash table.

load lib/common

@test "unit: rng and distributions" {
    run "$BIN/test-dist"
    [ "$status" -eq 0 ]
    assert_line --regexp '^[0-9]+ passed, 0 failed$'
}

@test "unit: the string hash table" {
    run "$BIN/test-strmap"
    [ "$status" -eq 0 ]
    assert_line --regexp '^[0-9]+ passed, 0 failed$'
}
