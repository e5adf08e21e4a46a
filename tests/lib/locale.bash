# locale.bash - what tests/locale.bats and tests/locale-ipv6.bats share:
# the captures' copies and profiles, and running a tool over one of them.
# Load it after lib/common.

EXPECTED=$TESTS_DIR/expected/locale
LPROFILES=$TEST_PROFILES/locale

setup() {
    OUT=$BATS_TEST_TMPDIR/out
    WANT=$BATS_TEST_TMPDIR/want
}

# on PROFILE TOOL ARGS...: runs TOOL over tests/profiles/locale/PROFILE.ini.
on() {
    local profile=$1 tool=$2
    shift 2
    tool_run "$tool" "$OUT" --profile "$LPROFILES/$profile.ini" --seed 1 "$@"
}
