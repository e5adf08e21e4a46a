# bad-input.bash - tests/bad-input.bats' helpers: making a defective profile
# p.ini from tests/profiles/bad/base.ini, running tracert, checking how it
# fails.  Builtins where a process did the same (awk, cat, grep, cut: a
# process each, for every case), and out of the test file so that bats does
# not trace their commands (lib/cases.bash).  Load after lib/common and
# lib/cases; each case's checks are lib/cases.bash's: they name the case.

BAD=$TEST_PROFILES/bad
BASE_INI=$BAD/base.ini
TARGET=10.0.1.2 # r2 in base.ini

# ---- making the defective profile p.ini from base.ini ----------------------

# base.ini as lines, read by the shell once a test.
mapfile -t BASE <"$BASE_INI"

# base: p.ini is base.ini itself.
base() { printf '%s\n' "${BASE[@]}" >p.ini; }

# empty: p.ini is empty.
empty() { : >p.ini; }

# edit_key SECTION KEY VALUE: sets KEY in [SECTION] (replaced, or added).
edit_key() { base_without "$1" "$2" "$2 = $3"; }

# drop_key SECTION KEY: removes KEY from [SECTION].
drop_key() { base_without "$1" "$2" ""; }

# base_without SECTION KEY LINE: p.ini is base.ini without KEY's lines in
# [SECTION], and with LINE (unless empty) right after the section's header.
base_without() {
    local sec="[$1]" key="$2 =" add=$3 line insec=0
    local -a lines=()
    for line in "${BASE[@]}"; do
        if [[ $line == \[* ]]; then
            insec=0
            [[ $line != "$sec" ]] || insec=1
        fi
        if [[ $insec == 1 && $line == "$key"* ]]; then
            continue
        fi
        lines+=("$line")
        if [[ $line == "$sec" && -n $add ]]; then
            lines+=("$add")
        fi
    done
    printf '%s\n' "${lines[@]}" >p.ini
}

# append TEXT: adds lines at the end.
append() { printf '%s\n' "${BASE[@]}" "$1" >p.ini; }

# prepend TEXT: adds lines before the first line.
prepend() { printf '%s\n' "$1" "${BASE[@]}" >p.ini; }

# edit SED-SCRIPT: any other change.
edit() { sed "$1" "$BASE_INI" >p.ini; }

# line_of REGEX: sets REPLY to the number of p.ini's first line that matches
# REGEX (bash's =~), as grep -n would give it; 0 if none.
line_of() {
    local line n=0
    REPLY=0
    while IFS= read -r line; do
        n=$((n + 1))
        if [[ $line =~ $1 ]]; then
            REPLY=$n
            return 0
        fi
    done <p.ini
}

# count_length N: sets REPLY to the number of p.ini's lines of N bytes.
count_length() {
    local line LC_ALL=C
    REPLY=0
    while IFS= read -r line; do
        [ "${#line}" != "$1" ] || REPLY=$((REPLY + 1))
    done <p.ini
}

# repeat N TEXT: sets REPLY to TEXT N times.
repeat() {
    printf -v REPLY '%*s' "$1" ''
    REPLY=${REPLY// /"$2"}
}

# ---- running and checking -------------------------------------------------

# tracert ARGS...: runs tracert on the default profile.
tracert() { trun "$BIN/tracert" --profile "$PROFILE" "$@"; }

# tracert_p ARGS...: runs tracert on p.ini (named relatively: the messages
# give the path as it was given).
tracert_p() { trun "$BIN/tracert" --profile p.ini --seed 1 "$@" "$TARGET"; }

# setup_fails CASE MESSAGE: exit 2, empty stdout, exactly "tracert: MESSAGE"
# on stderr.
setup_fails() { ends "$1" 2 "" "tracert: $2"; }

# profile_fails CASE MESSAGE: tracert refuses p.ini with
# "tracert: p.ini: MESSAGE".
profile_fails() {
    tracert_p
    setup_fails "$1" "p.ini: $2"
}

# pcase CASE MESSAGE EDIT...: EDIT makes p.ini, which tracert refuses with
# "tracert: p.ini: MESSAGE".
pcase() {
    "${@:3}"
    profile_fails "$1" "$2"
}

# windows_fails CASE STDOUT: exit 1, exactly STDOUT on stdout, nothing on
# stderr.
windows_fails() { ends "$1" 1 "$2" ""; }

# write_fails CASE REASON: exit 3, "tracert: cannot write standard output:
# REASON" on stderr.
write_fails() {
    is "$1" "exit status" 3 "$status"
    is "$1" stderr "tracert: cannot write standard output: $2" "$stderr"
}

closed_stdout() { "$BIN/tracert" --profile "$PROFILE" "$@" >&-; }
full_stdout() { "$BIN/tracert" --profile "$PROFILE" "$@" >/dev/full; }

# Windows' usage text as tracert prints it to a file (trailing blanks are
# dropped outside --crlf, like a console copy).
IFS= read -r -d '' USAGE <<'EOF' || true

Usage: tracert [-d] [-h maximum_hops] [-j host-list] [-w timeout]
               [-R] [-S srcaddr] [-4] [-6] target_name

Options:
    -d                 Do not resolve addresses to hostnames.
    -h maximum_hops    Maximum number of hops to search for target.
    -j host-list       Loose source route along host-list (IPv4-only).
    -w timeout         Wait timeout milliseconds for each reply.
    -R                 Trace round-trip path (IPv6-only).
    -S srcaddr         Source address to use (IPv6-only).
    -4                 Force using IPv4.
    -6                 Force using IPv6.
EOF
USAGE=${USAGE%$'\n'}

# invalid_option OPTION: sets REPLY to Windows' text for an invalid option.
invalid_option() { printf -v REPLY '%s is not a valid command option.\n%s' "$1" "$USAGE"; }

# The trace of base.ini's h1 to r2 with -d.
BASE_TRACE='
Tracing route to 10.0.1.2 over a maximum of 30 hops

  1    <1 ms    <1 ms    <1 ms  10.0.0.2
  2    <1 ms    <1 ms    <1 ms  10.0.1.2

Trace complete.'

# leak_free CASE EDIT...: EDIT makes p.ini, which tracert refuses under
# valgrind (exit 2, one line on stderr) with no error of valgrind's, a leak
# included (its exit status would be 97).
leak_free() {
    "${@:2}"
    trun valgrind -q --error-exitcode=97 --leak-check=full \
        "$BIN/tracert" --profile p.ini --seed 1 "$TARGET"
    is "$1" "exit status" 2 "$status"
    [[ -n $stderr && $stderr != *$'\n'* ]] || case_fail "$1" stderr "one line" "$stderr"
}
