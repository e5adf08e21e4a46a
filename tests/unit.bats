#!/usr/bin/env bats
# The C unit tests of the generator, the distributions, the hash table,
# the addresses, the route computation and render/.

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

@test "unit: routes on demand equal the former full computation, on every profile of the tree" {
    local profiles
    mapfile -t profiles < <(find "$ROOT_DIR/profiles" "$TEST_PROFILES" -name '*.ini' \
        ! -path '*/bad/*' ! -name oscillation.ini | sort)
    run "$BIN/test-routing" "${profiles[@]}"
    [ "$status" -eq 0 ]
    assert_line --regexp '^[0-9]+ passed, 0 failed$'
    refute_line --partial 'skip:'
}

@test "unit: the string hash table" {
    run "$BIN/test-strmap"
    [ "$status" -eq 0 ]
    assert_line --regexp '^[0-9]+ passed, 0 failed$'
}

@test "unit: routes on demand equal the former full computation on generated networks of every shape" {
    local shape
    for shape in hub-and-spoke ring random-mesh tiered-internet; do
        "$ROOT_DIR/tools/netmimic-genprofile" --shape "$shape" --sites 40 --seed 3 \
            --out "$BATS_TEST_TMPDIR/$shape.ini"
    done
    run "$BIN/test-routing" "$BATS_TEST_TMPDIR"/*.ini
    [ "$status" -eq 0 ]
    assert_line --regexp '^[0-9]+ passed, 0 failed$'
    refute_line --partial 'skip:'
}

@test "unit: routes on demand equal the full computation on a ring whose paths outgrow the chain walk" {
    # 80 routers: paths of up to 40 devices, past exchange.c's CHAIN_WALK_MAX
    # of 32, so the loop check takes the level-ancestor jumps (a jump that
    # found a device not on the path would refuse routes and fail here)
    "$ROOT_DIR/tools/netmimic-genprofile" --shape ring --sites 80 --seed 3 \
        --out "$BATS_TEST_TMPDIR/ring.ini"
    run "$BIN/test-routing" "$BATS_TEST_TMPDIR/ring.ini"
    [ "$status" -eq 0 ]
    assert_line --regexp '^[0-9]+ passed, 0 failed$'
    refute_line --partial 'skip:'
}

@test "unit: messages, catalogues, the writer's code pages, ping's IPv6 forms" {
    run "$BIN/test-render"
    [ "$status" -eq 0 ]
    assert_line --regexp '^[0-9]+ passed, 0 failed$'
}
