#!/usr/bin/env bats
# The C unit tests of the generator and the distributions, and of render/.

load lib/common

@test "unit: rng and distributions" {
    run "$BIN/test-dist"
    [ "$status" -eq 0 ]
    assert_line --regexp '^[0-9]+ passed, 0 failed$'
}

@test "unit: messages, catalogues, the writer's code pages, ping's IPv6 forms" {
    run "$BIN/test-render"
    [ "$status" -eq 0 ]
    assert_line --regexp '^[0-9]+ passed, 0 failed$'
}
