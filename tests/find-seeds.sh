#!/usr/bin/env bash
# find-seeds.sh - searches, for every block of tests/seed/blocks.tsv (the
# seed document's traces and pings, and the hand-derived pings), the first
# seed below 100000 that reproduces it byte for byte, and writes the
# seeds into tests/seed/blocks.tsv.  Run it on purpose after changing the
# model or the profile's distributions; if a block has no seed, the
# distributions are wrong: fix them, not the test.
#   usage: tests/find-seeds.sh [BIN_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../bin}
source "$here/lib/blocks.bash"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$tmp/blocks.tsv
grep '^#' "$BLOCKS_DIR/blocks.tsv" >"$out"
status=0
search() {
    local name=$1 tool=$2 from=$3 target=$4 opts=$5 seed mode=
    [ "$tool" = ping ] && mode=--ping
    block_expected "$name" >"$tmp/want"
    # shellcheck disable=SC2086
    if seed=$("$bin/netmimic-seedsearch" $mode --from "$from" $opts --expect "$tmp/want" "$target"); then
        echo "$name: $seed" >&2
    else
        seed=NONE status=1
        echo "$name: no seed" >&2
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$tool" "$from" "$target" "${opts:--}" "$seed" >>"$out"
}
each_block search
cp "$out" "$BLOCKS_DIR/blocks.tsv"
exit $status
