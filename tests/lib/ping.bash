# ping.bash - ping.bats' helpers, done by the shell: a sed, cat or grep is
# a process, tens of milliseconds of CPU on the project's loaded 2-core
# machines, and the signal tests polled the output with a grep and a sleep
# every 20 ms for seconds.  Outside the test file, so that bats' trace of
# each command (lib/common.bash) skips their loops.  Load after lib/common.

# shellcheck disable=SC2034 # status, output, lines: bats' own, the test file reads them

# put FILE: stdin (a here-document) into FILE, without a cat.
put() {
    local text=''
    IFS= read -r -d '' text || true
    printf %s "$text" >"$1"
}

# nap: a 20 ms pause without a sleep process: a read that times out on a
# pipe nobody writes to (opened once a test: one fork for all the naps).
nap() {
    [ -n "${NAP_FD:-}" ] || exec {NAP_FD}<> <(:)
    read -r -t 0.02 -u "$NAP_FD" || true
}

# count_lines FILE REGEX: REPLY is the number of FILE's lines matching the
# extended REGEX; 0 while the file is not there (a background run's
# redirection not made yet).
count_lines() {
    local line
    REPLY=0
    [ -e "$1" ] || return 0
    while IFS= read -r line; do
        [[ ! $line =~ $2 ]] || REPLY=$((REPLY + 1))
    done <"$1"
}

# wait_lines FILE REGEX N: waits, at most 10 s, until FILE has N lines
# matching REGEX.
wait_lines() {
    local i
    for ((i = 0; i < 500; i++)); do
        count_lines "$1" "$2"
        [ "$REPLY" -ge "$3" ] && return 0
        nap
    done
    echo "timed out waiting for $3 lines matching '$2' in $1:" >&2
    cat "$1" >&2
    return 1
}

# finish_run: waits, at most 10 s, for the background ping to exit; its exit
# status goes to $status.
finish_run() {
    local i
    for ((i = 0; i < 500; i++)); do
        kill -0 "$PING_PID" 2>/dev/null || break
        nap
    done
    if kill -0 "$PING_PID" 2>/dev/null; then
        echo "ping did not exit after SIGINT" >&2
        return 1
    fi
    status=0
    wait "$PING_PID" || status=$?
    PING_PID=
}

# file_lines FILE: FILE_LINES is FILE's lines (no newlines).
file_lines() {
    mapfile -t FILE_LINES <"$1"
}

# out_lines FILE RANGE...: $output and $lines as bats' `run sed -n 'A,Bp'
# FILE` leaves them (lines without the empty ones, trailing newlines
# dropped), for RANGE "A" or "A,B" (1-based; B may be "$"), in order.
out_lines() {
    local file=$1 range a b i text=''
    shift
    file_lines "$file"
    for range in "$@"; do
        a=${range%,*} b=${range#*,}
        [ "$b" = '$' ] && b=${#FILE_LINES[@]}
        for ((i = a; i <= b && i <= ${#FILE_LINES[@]}; i++)); do
            text+=${FILE_LINES[i - 1]}$'\n'
        done
    done
    output=${text%$'\n'}
    while [[ $output == *$'\n' ]]; do output=${output%$'\n'}; done
    local line
    lines=()
    while IFS= read -r line; do
        [ -n "$line" ] && lines+=("$line")
    done <<<"$output"
    return 0
}

# ping_out ARGS...: bin/ping ARGS, as bats' `run` would give it: $status,
# $output (stdout and stderr) and $lines; without run's subshell.
ping_out() {
    status=0
    "$BIN/ping" "$@" >"$BATS_TEST_TMPDIR/run.out" 2>&1 || status=$?
    out_lines "$BATS_TEST_TMPDIR/run.out" '1,$'
}

# crlf_of FILE OUT: FILE with a CR before each LF (sed 's/$/\r/').
crlf_of() {
    file_lines "$1"
    printf '%s\r\n' "${FILE_LINES[@]}" >"$2"
}

# without_line FILE LINE OUT: FILE without its lines equal to LINE.
without_line() {
    local text='' line
    file_lines "$1"
    for line in "${FILE_LINES[@]}"; do
        [[ $line == "$2" ]] || text+=$line$'\n'
    done
    printf %s "$text" >"$3"
}

# head_of FILE N OUT: FILE's first N lines into OUT.
head_of() {
    file_lines "$1"
    printf '%s\n' "${FILE_LINES[@]:0:$2}" >"$3"
}

# read_all FILE: REPLY is FILE's bytes, read by the shell (no NUL in it).
read_all() {
    REPLY=''
    IFS= read -r -d '' REPLY <"$1" || true
}

# numbers_of TEXT: REPLY is TEXT's numbers, each followed by a blank
# (grep -oE '[0-9]+' | tr '\n' ' ').
numbers_of() {
    local text=$1
    REPLY=''
    while [[ $text =~ [0-9]+ ]]; do
        REPLY+="${BASH_REMATCH[0]} "
        text=${text#*"${BASH_REMATCH[0]}"}
    done
}

# redirected_018 FILE OUT: ping-018's console text FILE in the redirected
# form: a blank after each IPv6 reply line, CRLF.
redirected_018() {
    local line text=''
    file_lines "$1"
    for line in "${FILE_LINES[@]}"; do
        [[ $line =~ ^Reply\ from\ .*:\ time[=\<][0-9]*ms$ ]] && line+=' '
        text+=$line$'\r\n'
    done
    printf %s "$text" >"$2"
}
