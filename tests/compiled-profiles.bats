#!/usr/bin/env bats
# compiled-profiles.bats - the test profiles of tests/profiles/ and generated
# networks of every shape: compiled, they give the same bytes as their text
# (see tests/compiled.bats; apart so that make test's two lanes share the
# work), and the profiles compared use every profile key.

load lib/common
load lib/compiled

bats_require_minimum_version 1.5.0

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
