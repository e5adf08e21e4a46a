# cases.bash - table tests: one bats test runs many cases (an input and what
# it must get), each a line of the test.  A case that fails says which it is
# and what differed, the later cases still run, and cases_ok fails the test
# if any case failed (call it in the file's teardown: no test forgets it).  A table costs one bats test (the
# test's own processes and setup, most of a small case's cost) instead of
# one a case; each case's runs are the same.
#
# The helpers live here, not in the test file: bats' trace of each command
# (lib/common.bash) runs only for the test file's own commands, so their
# loops cost no trace.  Load after lib/common.

CASES_FAILED=()

# case_fail CASE WHAT WANT GOT: notes CASE as failed, with what differed.
case_fail() {
    printf -- '-- case "%s": %s differs\n-- expected:\n%s\n-- actual:\n%s\n--\n' "$1" "$2" "$3" "$4" >&2
    CASES_FAILED+=("$1")
}

# is CASE WHAT WANT GOT: GOT is WANT, else CASE fails.
is() {
    [[ $4 == "$3" ]] || case_fail "$@"
}

# cases_ok: every case of the test passed; else the test fails, naming them.
cases_ok() {
    [ "${#CASES_FAILED[@]}" -eq 0 ] && return 0
    printf 'failed case: %s\n' "${CASES_FAILED[@]}" >&2
    return 1
}

# trun COMMAND...: runs COMMAND, its stdout in $output and its stderr in
# $stderr (trailing newlines dropped, as bats' run --separate-stderr gives
# them), its exit status in $status; read by the shell: run's mktemp and
# subshell are a process and a fork a run.
trun() {
    status=0
    "$@" >run.out 2>run.err || status=$?
    output='' stderr=''
    IFS= read -r -d '' output <run.out || true
    IFS= read -r -d '' stderr <run.err || true
    while [[ $output == *$'\n' ]]; do output=${output%$'\n'}; done
    while [[ $stderr == *$'\n' ]]; do stderr=${stderr%$'\n'}; done
}

# ends CASE STATUS STDOUT STDERR: the last trun's exit status, stdout and
# stderr are these.
ends() {
    is "$1" "exit status" "$2" "$status"
    is "$1" stdout "$3" "$output"
    is "$1" stderr "$4" "$stderr"
}
