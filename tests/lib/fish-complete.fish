# fish-complete.fish - completes command lines in fish, for
# tests/completion.bats (through tests/lib/completion.bash):
#   fish --no-config fish-complete.fish DIR ITEM...
# Each ITEM is a line, completed in turn in this one fish as on Tab
# (complete -C), with DIR first on fish_complete_path: fish loads
# COMMAND.fish from there on first use.  An ITEM starting with '!' is a
# command run here before the next line (set -gx VAR ...).  For each line:
# the values offered, without their descriptions, one a line, then "<end/>".
set -p fish_complete_path $argv[1]
for item in $argv[2..]
    if string match -q -- '!*' $item
        eval (string sub -s 2 -- $item)
        continue
    end
    complete -C $item | string replace -r -- '\t.*' ''
    echo '<end/>'
end
