#!/usr/bin/env bats
# zz-messages.bats - every message of every catalogue (common/render/lang/
# LANG.msg), and every Windows-version text of it, is printed by some test of
# the suite.  The tools log each catalogue entry they use when
# NETMIMIC_MSG_LOG names a file (tests/lib/common.bash sets it for the whole
# run); this file runs last (bats runs the files in name order, and
# tests/lib/suite.sh runs the zz- files after the others) and compares
# the log with the catalogues.  Run alone, or with part of the suite, it
# skips: the log would be partial.

load lib/common

CATALOGUES=$ROOT_DIR/common/render/lang

# No exception: the IPv6 forms are printed by dualstack.bats and
# locale-ipv6.bats.
EXCEPTIONS='^$'

# "LANG ID[@VER]" for every entry of every catalogue, sorted.
catalogue_entries() {
    awk '/^@lang / { lang = $2; next }
         /^[a-z0-9_.]+(@[a-z0-9]+)?[?]?([ \t]|$)/ { id = $1; sub(/[?]$/, "", id); print lang, id }' \
        "$CATALOGUES"/*.msg | sort -u
}

@test "every message of every catalogue is printed by some test" {
    local f missing
    for f in "$TESTS_DIR"/*.bats; do
        # (the zz- files run last, side by side: none prints a message)
        [[ $(basename "$f") == zz-* ]] && continue
        grep -qxF "$(basename "$f")" "$NETMIMIC_FILES_LOG" 2>/dev/null ||
            skip "$(basename "$f") did not run: run the whole suite (bats tests)"
    done
    catalogue_entries | grep -vE "$EXCEPTIONS" >"$BATS_TEST_TMPDIR/want"
    [ -s "$BATS_TEST_TMPDIR/want" ]
    sort -u "$NETMIMIC_MSG_LOG" >"$BATS_TEST_TMPDIR/printed"
    missing=$(comm -23 "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/printed")
    if [ -n "$missing" ]; then
        echo "never printed by a test ($(echo "$missing" | wc -l)):" >&2
        echo "$missing" >&2
        return 1
    fi
}
