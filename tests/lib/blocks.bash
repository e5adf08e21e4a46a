# blocks.bash - the seed document's trace blocks as the tests use them.
# Sourced by the bats files and by tests/find-seeds.sh.

BLOCKS_DIR=${BLOCKS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../seed" && pwd)}

# Prints the expected output of block NAME.  The files in tests/seed/ are the
# document's blocks verbatim (prompt line and 4-space indent removed).  One
# correction is made here, on purpose: the location-2-to-spoke block lost
# the empty line after its header in the article (every other block and
# every real capture has it), so it is restored.
block_expected() {
    local name=$1
    if [ "$name" = loc2-to-spoke ]; then
        sed '2a\
' "$BLOCKS_DIR/$name.txt"
    else
        cat "$BLOCKS_DIR/$name.txt"
    fi
}

# Calls FUNC with block, from, target, options (possibly empty) and seed for
# every row of blocks.tsv.
each_block() {
    local func=$1 name from target opts seed
    while IFS=$'\t' read -r name from target opts seed; do
        case $name in '#'* | '') continue ;; esac
        [ "$opts" = - ] && opts=
        "$func" "$name" "$from" "$target" "$opts" "$seed"
    done <"$BLOCKS_DIR/blocks.tsv"
}
