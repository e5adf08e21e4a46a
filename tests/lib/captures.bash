# captures.bash - tests/locale.bats' table helpers: a case runs a tool over
# a capture's profile and compares what it printed with the capture, as
# the file's tests did one a test.  The capture is read and repaired by the
# shell (the cat, echo, sed and tr pipelines a test ran were most of its
# processes besides the tool's two runs), and the output is compared with
# it as a string, byte for byte (LC_ALL=C: the code pages' bytes are not
# UTF-8).  Here, not in the test file, so that bats' trace does not record
# the loops (lib/common.bash).  Load after lib/common, lib/cases and
# lib/locale.

NM_CASE=        # the case the checks below report
NM_GOT=         # what the last run printed on stdout

# slurp FILE: sets REPLY to FILE's bytes (none if it is missing or empty).
slurp() {
    REPLY=
    [ -s "$1" ] || return 0
    IFS= read -r -d '' REPLY <"$1" || true
}

# run_case CASE STATUS PROFILE TOOL ARGS...: runs TOOL with ARGS over
# PROFILE (tests/profiles/locale/PROFILE.ini, or a path, with --seed 1; '-'
# for none and no seed); it must exit STATUS and write nothing to stderr.
# Later checks report CASE.
run_case() {
    local profile=$3 tool=$4
    NM_CASE=$1
    if [ "$profile" = - ]; then
        tool_run "$tool" "$OUT" "${@:5}"
    else
        [[ $profile == */* ]] || profile=$LPROFILES/$profile.ini
        tool_run "$tool" "$OUT" --profile "$profile" --seed 1 "${@:5}"
    fi
    # shellcheck disable=SC2154 # tool_run's (lib/common.bash)
    is "$NM_CASE" "exit status" "$2" "$status"
    slurp "$OUT.err"
    is "$NM_CASE" stderr "" "$REPLY"
    slurp "$OUT"
    NM_GOT=$REPLY
}

# capture NAME FORM: sets REPLY to the capture NAME as the tool prints it,
# from its verbatim copy: FORM is exact; leading_blank (the source did not
# show the leading empty line); leading_blank_final_newline (... nor the
# final newline); final_newline (the source lost only the final newline).
capture() {
    slurp "$EXPECTED/$1.txt"
    case $2 in
    exact) ;;
    leading_blank) REPLY=$'\n'$REPLY ;;
    leading_blank_final_newline) REPLY=$'\n'$REPLY$'\n' ;;
    final_newline) REPLY+=$'\n' ;;
    *) echo "capture: no form '$2'" >&2; return 1 ;;
    esac
}

# drop_line N: REPLY without its line N (sed Nd); '$' the last line.
drop_line() {
    local -a lines
    mapfile -t lines <<<"${REPLY%$'\n'}"
    if [ "$1" = '$' ]; then
        unset 'lines[-1]'
    else
        unset "lines[$(($1 - 1))]"
    fi
    REPLY=
    [ ${#lines[@]} -eq 0 ] || printf -v REPLY '%s\n' "${lines[@]}"
}

# unblank [ONE]: REPLY with each line's trailing blanks dropped (sed
# 's/ *$//'); with ONE, one blank at most (sed 's/ $//').
unblank() {
    local -a lines
    local i
    mapfile -t lines <<<"${REPLY%$'\n'}"
    for i in "${!lines[@]}"; do
        if [ -n "${1:-}" ]; then
            lines[i]=${lines[i]% }
        else
            while [[ ${lines[i]} == *' ' ]]; do lines[i]=${lines[i]% }; done
        fi
    done
    printf -v REPLY '%s\n' "${lines[@]}"
}

# got_is: the output is REPLY, byte for byte; else the case fails, with a
# diff.
got_is() {
    local LC_ALL=C
    [[ $NM_GOT == "$REPLY" ]] || nm_case_diff "$OUT"
}

# got_starts: the capture REPLY was cut: the output starts with it (REPLY
# ends in a newline: its lines, whole).
got_starts() {
    local LC_ALL=C
    [[ $NM_GOT == "$REPLY"* ]] || nm_case_diff "$OUT"
}

# got_in_codepage CP: the output is REPLY (a console form) redirected, in
# code page CP: CRLF line ends, the text in the code page (best fit: U+2019
# is ').  REPLY is then that form.
got_in_codepage() {
    printf '%s' "${REPLY//$'\n'/$'\r\n'}" >"$WANT.utf8"
    iconv -f UTF-8 -t "$1//TRANSLIT" <"$WANT.utf8" >"$WANT"
    slurp "$WANT"
    got_is
}

# got_line N TEXT: line N of the output (-1 the last) is TEXT.
got_line() {
    local -a lines
    local LC_ALL=C
    mapfile -t lines <<<"${NM_GOT%$'\n'}"
    if [ "$1" -lt 0 ]; then
        is "$NM_CASE" "last line" "$2" "${lines[-1]-}"
    else
        is "$NM_CASE" "line $1" "$2" "${lines[$1 - 1]-}"
    fi
}

# got_has PATTERN: some line of the output matches the glob PATTERN whole
# (grep -q with ^ and $; quote the literal parts).
got_has() {
    local line LC_ALL=C
    while IFS= read -r line; do
        # shellcheck disable=SC2053 # PATTERN is a pattern
        [[ $line == $1 ]] && return 0
    done <<<"${NM_GOT%$'\n'}"
    case_fail "$NM_CASE" "no line matching" "$1" "$NM_GOT"
}

# got_count PATTERN N: N lines of the output match the glob PATTERN whole.
got_count() {
    local line n=0 LC_ALL=C
    while IFS= read -r line; do
        # shellcheck disable=SC2053 # PATTERN is a pattern
        if [[ $line == $1 ]]; then n=$((n + 1)); fi
    done <<<"${NM_GOT%$'\n'}"
    is "$NM_CASE" "lines matching $1" "$2" "$n"
}

# nm_case_diff FILE: the case failed: FILE (the output) differs from REPLY;
# the diff shows how.
nm_case_diff() {
    printf '%s' "$REPLY" >"$WANT"
    echo "-- case \"$NM_CASE\": the output differs (- wanted, + got):" >&2
    diff -u "$WANT" "$1" | cat -A | head -60 >&2
    CASES_FAILED+=("$NM_CASE")
}

# same_capture NAME FORM STATUS PROFILE TOOL ARGS...: the case NAME: the run
# (run_case) prints the capture NAME in FORM (capture), byte for byte.
same_capture() {
    run_case "$1" "$3" "${@:4}"
    capture "$1" "$2" && got_is
}

# cut_capture NAME FORM STATUS PROFILE TOOL ARGS...: the same for a capture
# that was cut: the output starts with it.
cut_capture() {
    run_case "$1" "$3" "${@:4}"
    capture "$1" "$2" && got_starts
}

# join_lines: REPLY's lines joined by spaces into one (sed ':a;N;s/\n/ /;ta').
join_lines() {
    REPLY=${REPLY%$'\n'}
    REPLY=${REPLY//$'\n'/ }$'\n'
}

# drop_cr: REPLY without its carriage returns (tr -d '\r').
drop_cr() { REPLY=${REPLY//$'\r'/}; }

# sub_line_start OLD NEW: REPLY with OLD at the start of a line made NEW
# (sed 's/^OLD/NEW/').
sub_line_start() {
    REPLY=$'\n'$REPLY
    REPLY=${REPLY//$'\n'"$1"/$'\n'"$2"}
    REPLY=${REPLY#$'\n'}
}

# unname NAME: REPLY with each line ending in "NAME [ADDRESS]" ending in
# ADDRESS instead (sed 's/NAME \[\(.*\)\]$/\1/').
unname() {
    local -a lines
    local i re="^(.*)$1 \\[(.*)\\]\$"
    mapfile -t lines <<<"${REPLY%$'\n'}"
    for i in "${!lines[@]}"; do
        if [[ ${lines[i]} =~ $re ]]; then lines[i]=${BASH_REMATCH[1]}${BASH_REMATCH[2]}; fi
    done
    printf -v REPLY '%s\n' "${lines[@]}"
}

# got_line_like N PATTERN: line N of the output matches the glob PATTERN.
got_line_like() {
    local -a lines
    local LC_ALL=C
    mapfile -t lines <<<"${NM_GOT%$'\n'}"
    # shellcheck disable=SC2053 # PATTERN is a pattern
    [[ ${lines[$1 - 1]-} == $2 ]] || case_fail "$NM_CASE" "line $1 (a pattern)" "$2" "${lines[$1 - 1]-}"
}

# got_is_shaped SED-ARGS...: the output is REPLY once both went through
# sed SED-ARGS (one sed for the two: -i edits each file apart).
got_is_shaped() {
    printf '%s' "$NM_GOT" >"$OUT.shape"
    printf '%s' "$REPLY" >"$WANT.shape"
    sed -i "$@" "$OUT.shape" "$WANT.shape"
    slurp "$OUT.shape"
    NM_GOT=$REPLY
    slurp "$WANT.shape"
    got_is
}

# without_lines PREFIX FILE OUTFILE: FILE without its lines that start with
# PREFIX (sed '/^PREFIX/d'), written to OUTFILE.
without_lines() {
    local line
    while IFS= read -r line; do
        if [[ $line != "$1"* ]]; then printf '%s\n' "$line"; fi
    done <"$2" >"$3"
}

# same_files GOT WANT: the files GOT/*.ini are those of WANT, the same
# names, byte for byte, as many.
same_files() {
    local f got_f=("$1"/*.ini) want_f=("$2"/*.ini) got
    for f in "${got_f[@]}"; do
        slurp "$f"
        got=$REPLY
        slurp "$2/${f##*/}"
        [[ $got == "$REPLY" ]] || {
            NM_CASE=${f##*/} NM_GOT=$got nm_case_diff "$f"
        }
    done
    is "the profiles" "how many" "${#want_f[@]}" "${#got_f[@]}"
}

# bad_option CASE MESSAGE TOOL ARGS...: TOOL refuses ARGS: exit 2, nothing
# on stdout, one line on stderr: MESSAGE if it is not empty.
bad_option() {
    local case=$1 msg=$2 tool=$3
    tool_run "$tool" "$OUT" "${@:4}"
    is "$case" "exit status" 2 "$status"
    slurp "$OUT"
    is "$case" stdout "" "$REPLY"
    slurp "$OUT.err"
    [[ $REPLY == *$'\n' && ${REPLY%$'\n'} != *$'\n'* ]] || case_fail "$case" "one line on stderr" "" "$REPLY"
    [ -z "$msg" ] || is "$case" stderr "$msg"$'\n' "$REPLY"
}
