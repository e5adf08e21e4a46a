# docs.bash - tests/docs.bats' helpers: the documents read by the shell
# (the awk, grep and sed a check ran on a man page or the README were most
# of the file's processes), and command lines completed several in one
# bash.  Here, not in the test file, so that bats' trace does not record
# their loops (lib/common.bash).  Load after lib/common, lib/cases and
# lib/completion (nm_sort, nm_join).

# slurp FILE: sets REPLY to FILE's bytes (none if it is missing or empty).
slurp() {
    REPLY=
    [ -s "$1" ] || return 0
    IFS= read -r -d '' REPLY <"$1" || true
}

# has_item FILE MACRO ARG: FILE has a list item ".It MACRO ARG ..." (its
# first three words).  Each FILE is read once a test, by mapfile, into
# NM_ITEMS (a read a line was most of the check's time: 1,370 lines in
# ping.1).
declare -gA NM_ITEMS=() NM_ITEMS_READ=()
has_item() {
    local line _a b c rest
    local -a lines
    if [ -z "${NM_ITEMS_READ[$1]-}" ]; then
        mapfile -t lines <"$1"
        for line in "${lines[@]}"; do
            [[ $line == .It[$' \t']* ]] || continue
            read -r _a b c rest <<<"$line"
            NM_ITEMS["$1 $b $c"]=1
        done
        NM_ITEMS_READ[$1]=1
    fi
    [ -n "${NM_ITEMS["$1 $2 $3"]-}" ]
}

# usage_letters TOOL: sets LETTERS to the option letters of TOOL's usage
# text ("-d", "-h", ...: grep -oE '(^|[[ ])-[[:alnum:]]'), sorted, from
# the text setup_file saved (USAGE_DIR/TOOL).
usage_letters() {
    local text line re='(^|[[ ])-([[:alnum:]])(.*)$'
    local -A seen=()
    slurp "$USAGE_DIR/$1"
    text=$REPLY
    LETTERS=()
    while IFS= read -r line; do
        while [[ $line =~ $re ]]; do
            seen[${BASH_REMATCH[2]}]=1
            # (not a line start: ^ matches no more)
            line=$'\001'${BASH_REMATCH[3]}
        done
    done <<<"$text"
    # shellcheck disable=SC2034 # the caller's
    LETTERS=("${!seen[@]}")
    nm_sort LETTERS
}

# ---- completion, a batch of lines in one bash ------------------------------

nm_c_items=()   # the lines (or "!COMMAND"), as lib/bash-complete.bash takes them
nm_c_checks=()  # for each line: "is", "has" or "has_re", and the words
nm_c_words=()

# comp_is LINE WORD...: LINE (completing its last word; a final space: a new
# one) must offer exactly the WORDs.  comp_has: at least the WORDs.
# comp_has_re: for each REGEX, a candidate matching it.  comp_do COMMAND:
# the shell runs COMMAND before the next lines.  comp_run runs them all.
comp_is() { nm_comp_q is "$@"; }
comp_has() { nm_comp_q has "$@"; }
comp_has_re() { nm_comp_q has_re "$@"; }
comp_do() { nm_c_items+=("!$1"); }
nm_comp_q() {
    local kind=$1 line=$2
    shift 2
    nm_c_items+=("$line")
    nm_c_checks+=("$kind")
    local IFS=$'\n'
    nm_c_words+=("$*")
}

# comp_run: one bash, with the tools' directory BIN first on PATH (the
# completions ask the netmimic beside the tool: under the dual runner both
# builds, as each completion's own bash did), completes the lines queued;
# each line's candidates are checked, a case each.
comp_run() {
    local out=$BATS_TEST_TMPDIR/complete rc=0 l i=0 w
    local -a got=() want=() lines=()
    PATH=$BIN:$PATH bash "$TESTS_DIR/lib/bash-complete.bash" "$ROOT_DIR/completions" \
        "${nm_c_items[@]}" >"$out" 2>"$out.err" || rc=$?
    slurp "$out.err"
    is "bash" "exit status, errors" "0 " "$rc $REPLY"
    mapfile -t lines <"$out"
    local -a items=()
    for l in "${nm_c_items[@]}"; do [[ $l == '!'* ]] || items+=("$l"); done
    for l in "${lines[@]}"; do
        if [ "$l" != '<end/>' ]; then
            got+=("$l")
            continue
        fi
        nm_sort got
        mapfile -t want <<<"${nm_c_words[i]}"
        [ -n "${nm_c_words[i]}" ] || want=()
        nm_comp_check "${items[i]}" "${nm_c_checks[i]}"
        got=()
        i=$((i + 1))
    done
    is "bash" "lines answered" "${#items[@]}" "$i"
    nm_c_items=() nm_c_checks=() nm_c_words=()
}

# nm_comp_check LINE KIND: got (sorted) is what KIND wants of want.
nm_comp_check() {
    local w g ok
    case $2 in
    is)
        nm_sort want
        nm_join want
        w=$REPLY
        nm_join got
        is "'$1'" candidates "$w" "$REPLY"
        ;;
    has | has_re)
        for w in "${want[@]}"; do
            ok=
            for g in "${got[@]}"; do
                if [ "$2" = has ]; then [ "$g" = "$w" ] && ok=1; else [[ $g =~ $w ]] && ok=1; fi
                [ -z "$ok" ] || break
            done
            [ -n "$ok" ] || { nm_join got ' '; case_fail "'$1'" "a candidate ($2)" "$w" "$REPLY"; }
        done
        ;;
    esac
}

# ---- the sources -----------------------------------------------------------

# count_lines FILE REGEX...: COUNTS holds, for each ERE REGEX, how many
# lines of FILE match it (grep -c).
count_lines() {
    local file=$1 line i
    shift
    local -a res=("$@")
    COUNTS=()
    for i in "${!res[@]}"; do COUNTS[i]=0; done
    while IFS= read -r line; do
        for i in "${!res[@]}"; do
            if [[ $line =~ ${res[i]} ]]; then COUNTS[i]=$((COUNTS[i] + 1)); fi
        done
    done <"$file"
}

# makefile_tools: REPLY is the Makefile's "TOOLS := ..." value
# (sed -n 's/^TOOLS *:= *//p').
makefile_tools() {
    local line re='^TOOLS *:= *(.*)$'
    REPLY=
    while IFS= read -r line; do
        if [[ $line =~ $re ]]; then REPLY=${BASH_REMATCH[1]}; fi
    done <"$ROOT_DIR/Makefile"
}

# cli_ext_options: ACCEPTED holds the long options of common/cli/cli.c's
# ext_options[] (its {"NAME" entries, up to the "};").
cli_ext_options() {
    local line on='' re='\{"([a-z-]+)"(.*)$'
    ACCEPTED=()
    while IFS= read -r line; do
        if [[ $line == 'static const struct option ext_options[]'* ]]; then on=1; fi
        if [ -n "$on" ]; then
            while [[ $line =~ $re ]]; do
                ACCEPTED+=("${BASH_REMATCH[1]}")
                line=${BASH_REMATCH[2]}
            done
            if [[ $line == *'};'* ]]; then on=; fi
        fi
    done <"$ROOT_DIR/common/cli/cli.c"
}

# help_options FILE: OPTIONS holds the options of a --help text, sorted,
# once each (grep -oE -- '(^|[[ |])-(-[a-z-]+|[46])', its -x or --xx).
help_options() {
    local line re='(^|[[ |])(-(-[a-z-]+|[46]))(.*)$'
    local -A seen=()
    while IFS= read -r line; do
        while [[ $line =~ $re ]]; do
            seen[${BASH_REMATCH[2]}]=1
            line=$'\001'${BASH_REMATCH[4]}
        done
    done <"$1"
    # shellcheck disable=SC2034 # the caller's
    OPTIONS=("${!seen[@]}")
    nm_sort OPTIONS
}

# man_has_fl ARG: netmimic.1 has "Fl ARG" followed by a blank or the line's
# end (grep -E 'Fl ARG( |$)').
man_has_fl() {
    [ -n "${NM_NETMIMIC_1+set}" ] || { slurp "$MAN/netmimic.1"; NM_NETMIMIC_1=$REPLY; }
    [[ $NM_NETMIMIC_1 == *"Fl $1 "* || $NM_NETMIMIC_1 == *"Fl $1"$'\n'* ]]
}

# netmimic_commands: COMMANDS holds the commands netmimic's --help lists
# (its lines "  COMMAND [--profile ...").
netmimic_commands() {
    local line re='^  ([a-z]*) \[--profile'
    COMMANDS=()
    while IFS= read -r line; do
        if [[ $line =~ $re ]]; then COMMANDS+=("${BASH_REMATCH[1]}"); fi
    done <"$USAGE_DIR/netmimic"
}

# catalogue_langs: LANGS holds the languages of the catalogues
# common/render/lang/*.msg (their "@lang NAME" lines).
catalogue_langs() {
    local f line
    LANGS=()
    for f in "$ROOT_DIR"/common/render/lang/*.msg; do
        while IFS= read -r line; do
            if [[ $line == '@lang '* ]]; then LANGS+=("${line#@lang }"); fi
        done <"$f"
    done
}

# ---- the examples ----------------------------------------------------------

# check_reproduction FILE BLOCK: FILE shows the command that reproduces the
# document's block BLOCK (its row in tests/seed/blocks.tsv); the command, with
# the seed FILE gives, prints the block; else the case "FILE: BLOCK" fails.
check_reproduction() {
    local file=$1 name=$2 case="${1##*/}: $2" _name tool from target opts seed shown='' line re
    while IFS=$'\t' read -r _name tool from target opts seed; do
        [ "$_name" = "$name" ] && break
    done <"$BLOCKS_DIR/blocks.tsv"
    is "$case" "row of blocks.tsv" "$name" "$_name"
    [ "$opts" = - ] && opts=
    opts=${opts/=/ }
    # grep -oE's first match, the ERE as it was
    re="$tool --from $from ${opts:+$opts }--seed [0-9]+ $target"
    while IFS= read -r line; do
        if [[ $line =~ $re ]]; then
            shown=${BASH_REMATCH[0]}
            break
        fi
    done <"$file"
    if [ -z "$shown" ]; then
        case_fail "$case" "the command shown" "$tool --from $from ${opts:+$opts }--seed N $target" "none"
        return 0
    fi
    # a different seed: update FILE
    is "$case" "the command shown (its seed is blocks.tsv's)" \
        "$tool --from $from ${opts:+$opts }--seed $seed $target" "$shown"
    block_expected "$name" >"$BATS_TEST_TMPDIR/want"
    # shellcheck disable=SC2086
    "$BIN/$tool" ${shown#"$tool "} >"$BATS_TEST_TMPDIR/got" || true
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want" ||
        case_fail "$case" "the output (diff above)" "" ""
}

# unconfirmed_listed PAGE: prints the lines PAGE lists between its comment
# lines '.\" unconfirmed: written by ...' and '.\" end of unconfirmed ...',
# without the first two of them and the last two (sed -n
# '/START/,/END/p' | sed -e '1,2d' -e '$d' | sed '$d').
unconfirmed_listed() {
    local -a lines
    local i start=-1 end=-1
    mapfile -t lines <"$1"
    for i in "${!lines[@]}"; do
        if [ "$start" -lt 0 ]; then
            if [[ ${lines[i]} == '.\" unconfirmed: written by'* ]]; then start=$i; fi
        elif [[ ${lines[i]} == '.\" end of unconfirmed'* ]]; then
            end=$i
            break
        fi
    done
    [ "$start" -ge 0 ] && [ "$end" -gt "$((start + 3))" ] || return 0
    printf '%s\n' "${lines[@]:start + 2:end - start - 3}"
}
