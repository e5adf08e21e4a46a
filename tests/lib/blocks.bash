# blocks.bash - the runs the tests compare byte for byte: the seed
# document's blocks and the hand-derived pings.  Sourced by the bats files
# and by tests/find-seeds.sh.

# Loaded by a bats file, once a test: lib/common.bash's nm_abs_dir finds the
# directories without the four processes of the $(cd ... && pwd) forms.
if declare -F nm_abs_dir >/dev/null; then
    [ -n "${BLOCKS_DIR:-}" ] || { nm_abs_dir "$TESTS_DIR/seed" && BLOCKS_DIR=$REPLY; }
    nm_abs_dir "$BLOCKS_DIR/../expected/ping" && PINGS_DIR=$REPLY
else
    BLOCKS_DIR=${BLOCKS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../seed" && pwd)}
    PINGS_DIR=$(cd "$BLOCKS_DIR/../expected/ping" && pwd)
fi

# Prints the expected output of block NAME.  The files in tests/seed/ are the
# document's blocks verbatim (prompt line and 4-space indent removed); two
# corrections are made here, on purpose:
# * the location-2-to-spoke trace lost the empty line after its header in
#   the article (every other block and every real capture has it): restored;
# * the article's pings elide the middle replies with "..." and show an empty
#   line after the "Pinging" header, which Windows (Vista and later) does not
#   print: "..." stands for the two missing lines of the four, and the empty
#   line is dropped.
block_expected() {
    local name=$1
    if [ -f "$PINGS_DIR/$name.txt" ]; then
        cat "$PINGS_DIR/$name.txt"
    elif [ "$name" = loc2-to-spoke ]; then
        sed '2a\
' "$BLOCKS_DIR/$name.txt"
    elif grep -q '^Pinging ' "$BLOCKS_DIR/$name.txt"; then
        sed '3{/^$/d}' "$BLOCKS_DIR/$name.txt" |
            sed 's/^\.\.\.$/Request timed out.\nRequest timed out./'
    else
        cat "$BLOCKS_DIR/$name.txt"
    fi
}

# Calls FUNC with block, tool, from, target, options (possibly empty) and
# seed for every row of blocks.tsv.
each_block() {
    local func=$1 name tool from target opts seed
    while IFS=$'\t' read -r name tool from target opts seed; do
        case $name in '#'* | '') continue ;; esac
        [ "$opts" = - ] && opts=
        "$func" "$name" "$tool" "$from" "$target" "$opts" "$seed"
    done <"$BLOCKS_DIR/blocks.tsv"
}
