# completion.bash - for tests/completion.bats: command lines completed by
# the real bash, zsh and fish, several lines in one shell process.
#
# A test queues lines with what each must offer (comp_want), and commands
# to run between them (comp_do), then comp_check SHELL starts SHELL once
# for them all (tests/lib/bash-complete.bash, zsh-complete.zsh -b,
# fish-complete.fish), as a user would press Tab on one line after another
# in one shell: a shell and its completion system cost far more to start
# than a completion (zsh: an interactive shell on a pseudo-terminal and
# compinit), and starting one a line was most of the file's time.  The
# matches and the wanted values are compared as sorted lists (LC_ALL=C),
# whole: nothing more, nothing less.
#
# Functions here rather than in the .bats file: bats' DEBUG trap records
# only the test file's own commands (tests/lib/common.bash), and the sort
# below loops.

# The tools the shells run (their completions ask the netmimic beside the
# tool): $PLAIN (tests/lib/common.bash), the plain build under the dual
# runner, BIN itself elsewhere (make test-san: the sanitized build).
# `netmimic words`, all the completions ask for, runs under both builds in
# completion.bats' own tests of it, each kind and the refused profile; run
# from the shells it is the same code each time, and there the sanitized
# runs (an ASan start each) were a third of the file's CPU and two fifths
# of its page faults.
COMP_BIN=$PLAIN

nm_q_items=()  # "!COMMAND" or a line, as the shell runner takes them
nm_q_want=()   # each line's wanted matches, sorted, one a line
nm_q_after=()  # each line's wanted zsh line after Tab, or '' for no check

# nm_sort NAME: sorts the array NAME in place, as LC_ALL=C sort would
# (an insertion sort: the lists are short, and sort(1) is a process).
nm_sort() {
    local -n nm_arr=$1
    local LC_ALL=C i j v
    for ((i = 1; i < ${#nm_arr[@]}; i++)); do
        v=${nm_arr[i]}
        for ((j = i - 1; j >= 0; j--)); do
            [[ ${nm_arr[j]} > "$v" ]] || break
            nm_arr[j + 1]=${nm_arr[j]}
        done
        nm_arr[j + 1]=$v
    done
}

# nm_join NAME [SEP]: REPLY is the elements of the array NAME joined by SEP
# (default a newline).
nm_join() {
    local -n nm_jarr=$1
    local IFS=${2-$'\n'}
    REPLY=${nm_jarr[*]}
}

# comp_want LINE MATCH...: the next comp_check's shell, given LINE (the last
# word is the one completed: a line ending in a space completes a new
# word), must offer exactly the MATCHes, in any order; no MATCH: nothing.
comp_want() {
    local line=$1
    shift
    # shellcheck disable=SC2034 # sorted and joined through its name
    local -a want=("$@")
    nm_sort want
    nm_join want
    nm_q_items+=("$line")
    nm_q_want+=("$REPLY")
    nm_q_after+=('')
}

# comp_want_line AFTER: (zsh) the line the last comp_want queued must read
# AFTER once Tab is pressed (a single match inserted, a space after it or not).
comp_want_line() {
    nm_q_after[-1]=$1
}

# comp_do COMMAND: the shell runs COMMAND (its own syntax) before the lines
# queued after it, e.g. to export a variable.
comp_do() {
    nm_q_items+=("!$1")
    nm_q_want+=('')
    nm_q_after+=('')
}

# nm_run_shell SHELL OUT: runs SHELL's runner over the queued items, its
# output to OUT, its errors to OUT.err; PATH holds only the tools'
# directory (TOOLS_PATH, default COMP_BIN) and the system's.  BASH_DIR, FISH_DIR:
# where bash and fish find COMMAND's completion file (default completions/).
# Each run is bounded: 120 s, for a loaded machine.
nm_run_shell() {
    local shell=$1 out=$2
    local -x PATH=${TOOLS_PATH:-$COMP_BIN}:/usr/bin:/bin
    case $shell in
    bash)
        timeout 120 bash "$TESTS_DIR/lib/bash-complete.bash" "${BASH_DIR:-$ROOT_DIR/completions}" \
            "${nm_q_items[@]}" >"$out" 2>"$out.err"
        ;;
    zsh)
        ZSH_COMPDUMP=$BATS_FILE_TMPDIR/zcompdump timeout 120 zsh -f "$TESTS_DIR/lib/zsh-complete.zsh" \
            -b "$ROOT_DIR/completions" "${nm_q_items[@]}" >"$out" 2>"$out.err"
        ;;
    fish)
        HOME=$BATS_TEST_TMPDIR XDG_CONFIG_HOME=$BATS_TEST_TMPDIR timeout 120 fish --no-config \
            "$TESTS_DIR/lib/fish-complete.fish" "${FISH_DIR:-$ROOT_DIR/completions}" \
            "${nm_q_items[@]}" >"$out" 2>"$out.err"
        ;;
    *)
        echo "comp_check: no shell '$shell'" >&2
        return 2
        ;;
    esac
}

# comp_check SHELL: SHELL (bash, zsh or fish), started once, completes the
# lines queued since the last comp_check, in their order, and runs the
# commands queued between them.  Fails, showing every line whose matches
# (or zsh line) differ, if any does, if the shell fails or writes to its
# standard error (which a user's terminal would show), or if it answers
# for fewer lines.  Empties the queue.
comp_check() {
    local shell=$1 out=$BATS_TEST_TMPDIR/complete.$1 rc=0 bad=0 i=0 l after=
    local -a got=() lines=()
    nm_run_shell "$shell" "$out" || rc=$?
    mapfile -t lines <"$out"
    if [ "$rc" != 0 ] || [ -s "$out.err" ]; then
        echo "$shell exited $rc; its errors:" >&2
        cat "$out.err" >&2
        bad=1
    fi
    for l in "${lines[@]}"; do
        case $l in
        '<line>'*'</line>')
            after=${l#'<line>'}
            after=${after%'</line>'}
            ;;
        '<end/>')
            # the end of a line's answer: that of the next line queued
            while [[ ${nm_q_items[i]-} == '!'* ]]; do i=$((i + 1)); done
            nm_check_answer "$shell" "$i" "$after" "${got[@]}" || bad=1
            got=()
            after=
            i=$((i + 1))
            ;;
        *) got+=("$l") ;;
        esac
    done
    while [[ ${nm_q_items[i]-} == '!'* ]]; do i=$((i + 1)); done
    if [ "$i" != ${#nm_q_items[@]} ]; then
        echo "$shell answered $i of the ${#nm_q_items[@]} items queued" >&2
        bad=1
    fi
    nm_q_items=()
    nm_q_want=()
    nm_q_after=()
    [ "$bad" = 0 ]
}

# nm_check_answer SHELL I AFTER MATCH...: the answer to queued item I, the
# MATCHes offered and the line AFTER Tab, is what comp_want wants; else
# says how it differs.
nm_check_answer() {
    local shell=$1 i=$2 after=$3
    shift 3
    # shellcheck disable=SC2034 # sorted and joined through its name
    local -a got=("$@")
    nm_sort got
    nm_join got
    if [ "$REPLY" = "${nm_q_want[i]-}" ] && [[ -z ${nm_q_after[i]-} || $after == "${nm_q_after[i]}" ]]; then
        return 0
    fi
    nm_join got ' '
    printf "%s: '%s'\n  offered: %s\n  wanted:  %s\n" "$shell" "${nm_q_items[i]-}" "$REPLY" \
        "${nm_q_want[i]//$'\n'/ }" >&2
    [ -z "${nm_q_after[i]-}" ] ||
        printf "  line after Tab: '%s'\n  wanted:         '%s'\n" "$after" "${nm_q_after[i]}" >&2
    return 1
}
