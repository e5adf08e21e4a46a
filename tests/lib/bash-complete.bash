# bash-complete.bash - completes command lines in bash, for
# tests/completion.bats (through tests/lib/completion.bash):
#   bash bash-complete.bash DIR ITEM...
# Each ITEM is a line "COMMAND WORD..." (split at spaces; the last WORD is
# the one completed, '' when the line ends in a space), completed in turn
# in this one bash: what is registered for COMMAND (complete -F), loaded
# on first use from DIR/COMMAND.bash or DIR/COMMAND as bash-completion
# loads it, is called as bash calls it on Tab, with COMP_WORDS, COMP_CWORD,
# COMP_LINE and COMP_POINT set.  An ITEM starting with '!' is a command
# run here before the next line (PATH=..., export VAR=...).  For each
# line: COMPREPLY, one a line, then "<end/>".  Exits 1 if a COMMAND has no
# completion.
dir=$1
shift
for item in "$@"; do
    if [[ $item == '!'* ]]; then
        eval "${item#!}"
        continue
    fi
    read -ra words <<<"$item"
    [[ $item == *' ' ]] && words+=('')
    if ! complete -p "${words[0]}" >/dev/null 2>&1; then
        for file in "$dir/${words[0]}.bash" "$dir/${words[0]}"; do
            if [ -f "$file" ]; then
                # shellcheck source=/dev/null
                source "$file" || exit 1
                break
            fi
        done
    fi
    [[ $(complete -p "${words[0]}" 2>/dev/null) =~ -F\ ([^ ]+) ]] || exit 1
    COMP_WORDS=("${words[@]}")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE=$item
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    "${BASH_REMATCH[1]}" "${words[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    [ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "${COMPREPLY[@]}"
    echo '<end/>'
done
