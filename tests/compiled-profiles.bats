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
    local f
    test_profiles model inspect ipv6 neighbour json
    for f in "${PROFILES[@]}"; do
        same_compiled "$f" 1
    done
    [ "${#PROFILES[@]}" -ge 14 ]
}

@test "compiled: tests/profiles corpus, ping, pathping, pathping-corpus: the same" {
    local f
    test_profiles corpus ping pathping pathping-corpus
    for f in "${PROFILES[@]}"; do
        same_compiled "$f" 0
    done
    [ "${#PROFILES[@]}" -ge 20 ]
}

# Every third of the localized captures' profiles (chains much alike; the
# keys they use are checked below with all of them).
@test "compiled: tests/profiles locale, locale-model: the same" {
    local i n=0
    test_profiles locale locale-model
    for ((i = 0; i < ${#PROFILES[@]}; i += 3)); do
        same_compiled "${PROFILES[i]}" 0
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
    local keys k missing= line
    local -A used=()
    keys=$(grep -oE 'strcmp\((key|what), "[a-z_]+"\)' "$ROOT_DIR/common/profile/profile_keys.c" |
           sed -E 's/.*"([a-z_]+)".*/\1/' | sort -u)
    [ "$(wc -w <<<"$keys")" -ge 45 ]
    # every key set in the profiles, read in one pass; KEY counts as used
    # where KEY, a_KEY or b_KEY is set
    while IFS= read -r line; do
        used[${line//[[:space:]=]/}]=1
    done < <(grep -hoE '^[[:space:]]*[a-z_]+[[:space:]]*=' "$ROOT_DIR"/profiles/*.ini \
                 $(find "$TEST_PROFILES" -name '*.ini' -not -path '*/bad/*'))
    for k in $keys; do
        [[ -n ${used[$k]:-} || -n ${used[a_$k]:-} || -n ${used[b_$k]:-} ]] || missing+=" $k"
    done
    assert_equal "$missing" ""
}
