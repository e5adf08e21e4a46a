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

# ---- the test file's runs (EXPECTED and PPROFILES are its) ----------------

ping_run() { tool_run ping "$@"; }

# pingp OUT PROFILE ARGS...: ping over tests/profiles/ping/PROFILE.ini.
pingp() {
    local out=$1 profile=$2
    shift 2
    ping_run "$out" --profile "$PPROFILES/$profile.ini" --seed 1 "$@"
}

# pingp_plain OUT PROFILE ARGS...: pingp on the plain build alone (PLAIN),
# for an exact repeat of a run the sanitized build made in this file.
pingp_plain() {
    local out=$1 profile=$2
    shift 2
    tool_run_in "$PLAIN" ping "$out" --profile "$PPROFILES/$profile.ini" --seed 1 "$@"
}

# The expected copy of a capture without cmd.exe's "^C" echo, which is the
# shell's and not ping's output.
without_shell_echo() {
    without_line "$EXPECTED/$1" '^C' "$2"
}

# start_forever OUT PROFILE ARGS...: starts "ping -t --realtime" in the
# background (PING_PID).  fd 3 is bats' own: the background job must not
# hold it.
start_forever() {
    local out=$1 profile=$2
    shift 2
    "$BIN/ping" --profile "$PPROFILES/$profile.ini" --seed 1 --realtime -t "$@" \
        >"$out" 2>"$out.err" 3>&- &
    PING_PID=$!
}

# interrupted OUT N PROFILE ARGS...: "ping -t", stopped by SIGINT once N
# "Reply from" lines are out.
interrupted() {
    local out=$1 n=$2 profile=$3
    shift 3
    start_forever "$out" "$profile" "$@"
    wait_lines "$out" '^Reply from ' "$n"
    kill -INT "$PING_PID"
    finish_run
}

# The usage as ping-004 shows it after its "Bad option" line.
usage_text() {
    read_all "$EXPECTED/ping-004.txt"
    printf %s "${REPLY#*$'\n'}"
}

# bad_value OPTION VALUE LO HI: the one-line range message, no usage, exit 1.
bad_value() {
    ping_run "$BATS_TEST_TMPDIR/out" "$1" "$2" 10.1.3.2
    assert_exit 1 "$BATS_TEST_TMPDIR/out"
    echo "Bad value for option -${1#?}, valid range is from $3 to $4." >"$BATS_TEST_TMPDIR/want"
    assert_same_file "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

# check_timestamps FILE FIRST_LINE BASE: the 4 timestamp lines from line
# FIRST_LINE have the layout "    Timestamp: A : N ->" then 15-space
# continuation lines, the chain's first four recorded addresses, and times
# BASE+2, BASE+2, BASE+4, BASE+4 (the way out is recorded at RTT/4 = 2 ms,
# the rest at RTT/2 = 4 ms); BASE is set from the first line when empty.
check_timestamps() {
    local file=$1 first=$2 i line
    local -a lines
    file_lines "$file"
    lines=("${FILE_LINES[@]:first - 1:4}")
    [[ ${lines[0]} =~ ^'    Timestamp: 10.0.12.1 : '([0-9]+)' ->'$ ]]
    [ -n "$TS_BASE" ] || TS_BASE=$((BASH_REMATCH[1] - 2))
    local -a addrs=(10.0.12.1 10.0.34.3 10.0.34.4 10.0.23.3) offs=(2 2 4 4)
    for i in 0 1 2 3; do
        line="Timestamp: ${addrs[i]} : $((TS_BASE + offs[i]))"
        [ "$i" -eq 0 ] && line="    $line" || line="               ${line#Timestamp: }"
        [ "$i" -lt 3 ] && line="$line ->"
        assert_equal "${lines[i]}" "$line"
    done
}
