# catalogue.bash - tests/locale-unconfirmed.bats' helpers: the catalogues'
# entries as the tests read them (not from the program), and the runs
# compared with them.  Builtins where a process or a subshell did the same
# (sed, grep, tr, head, cmp, $(...): one each per check, 259 checks), and
# out of the test file so that bats does not trace their loops.  Load after
# lib/common.

CATALOGUES=$ROOT_DIR/common/render/lang

# read_catalogues LANG...: for setup_file.  ENTRIES/LANG/ID holds the default
# text of ID in LANG, a line per line, unescaped (\" \\ \u00a0), no file
# when LANG has no such entry; ENTRIES/LANG/ID? is there when the entry is
# marked unconfirmed; ENTRIES/LANG/@codepage holds the code page's name.
read_catalogues() {
    local lang
    for lang; do
        mkdir -p "$ENTRIES/$lang"
        awk -v dir="$ENTRIES/$lang" '
            function body(s) {
                sub(/^[ \t]*"/, "", s); sub(/"[ \t]*$/, "", s)
                gsub(/\\"/, "\001", s); gsub(/\\\\/, "\002", s); gsub(/\\u00a0/, "\302\240", s)
                gsub(/\001/, "\"", s); gsub(/\002/, "\\", s)
                return s
            }
            /^@codepage / { printf "%s", $2 >(dir "/@codepage") }
            /^[a-z0-9_.]+(@[a-z0-9]+)?[?]?([ \t]|$)/ {
                if (out != "") close(out)
                head = $1
                if (sub(/[?]$/, "", head)) printf "" >(dir "/" head "?")
                out = dir "/" head
                rest = $0; sub(/^[^ \t]+[ \t]*/, "", rest)
                if (rest != "") print body(rest) >>out
                next
            }
            out != "" && /^[ \t]+"/ { print body($0) >>out }
        ' "$CATALOGUES/$lang.msg"
    done
}

# slurp FILE: sets REPLY to FILE's bytes (none if it is missing or empty).
slurp() {
    REPLY=
    [ -s "$1" ] || return 0
    IFS= read -r -d '' REPLY <"$1" || true
}

# entry LANG ID: sets REPLY to the default text of ID in LANG's catalogue;
# empty when LANG has no such entry.
entry() { slurp "$ENTRIES/$1/$2"; }

# text_raw LANG ID ARGS...: sets REPLY to ID's text in LANG, else in en-US
# (what the tools do), with {1}... replaced by ARGS; each line ends in a
# newline, as printed.
text_raw() {
    local f=$ENTRIES/$1/$2 i=1 arg
    [ -s "$f" ] || f=$ENTRIES/en-US/$2
    [ -s "$f" ] || { echo "no entry $2" >&2; return 1; }
    slurp "$f"
    shift 2
    for arg in "$@"; do
        REPLY=${REPLY//"{$i}"/"$arg"}
        i=$((i + 1))
    done
}

# text LANG ID ARGS...: text_raw without the final newlines (as $(...)
# gives a text: what a line or lines of the output are compared with).
text() {
    text_raw "$@" || return 1
    chomp
}

# chomp: REPLY without its final newlines.
chomp() { while [[ $REPLY == *$'\n' ]]; do REPLY=${REPLY%$'\n'}; done; }

# unblank TEXT: sets REPLY to TEXT with each line's trailing blanks dropped
# (the console form, as sed 's/ *$//' gives it).
unblank() {
    local rest=$1 line out=
    while [[ $rest == *$'\n'* ]]; do
        line=${rest%%$'\n'*}
        rest=${rest#*$'\n'}
        out+=${line%"${line##*[! ]}"}$'\n'
    done
    REPLY=$out${rest%"${rest##*[! ]}"}
}

# letters TEXT: sets REPLY to the option letters of a usage text, in order
# ("-t -a -n ...": each line's that starts with four blanks and -X).
letters() {
    local line out=
    while IFS= read -r line; do
        [[ $line =~ ^\ \ \ \ (-[a-zA-Z0-9]) ]] && out+="${BASH_REMATCH[1]} "
    done <<<"$1"
    REPLY=$out
}

# same_text CASE GOT WANT: GOT is WANT byte for byte; else the difference
# is shown (as assert_same_file would) and the test fails.
same_text() {
    [[ $2 == "$3" ]] && return 0
    printf '%s' "$2" >"$BATS_TEST_TMPDIR/got"
    printf '%s' "$3" >"$BATS_TEST_TMPDIR/want"
    echo "$1:" >&2
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
}

# ---- which build runs -------------------------------------------------------

# Every run of a language's block is the same code as the other languages'
# (the catalogue is data: the message picked, filled and written the same
# way), so each run of a block goes through the dual runner (both builds)
# in one language and runs on the plain build alone ($PLAIN) in the others,
# a different run of the block in each language: every run of the block is
# sanitized in some language, and every language in some run of each block.
# make test-san and make test-valgrind run all of them on their build.
#
# block LANG-INDEX RUNS: a new language's block of RUNS runs; the one that
# is sanitized is LANG-INDEX modulo RUNS.
block() {
    BLOCK_RUN=0
    BLOCK_SANITIZED=$(($1 % $2))
}

# bin_if SANITIZED: sets REPLY to the directory of the build to run: BIN
# (both builds, under the dual runner) if SANITIZED is 1, else PLAIN.
bin_if() {
    REPLY=$PLAIN
    [ "$1" != 1 ] || REPLY=$BIN
}

# next_bin: sets REPLY to the directory of the block's next run's build.
next_bin() {
    bin_if $((BLOCK_RUN == BLOCK_SANITIZED))
    BLOCK_RUN=$((BLOCK_RUN + 1))
}

# run_tool OUT TOOL ARGS...: the block's next run, tool_run's way.
run_tool() {
    local out=$1
    shift
    next_bin
    tool_run_in "$REPLY" "$1" "$out" "${@:2}"
}

# lines_are FROM TO WANT TOOL ARGS...: lines FROM to TO of TOOL's output
# (the block's next run, --seed 1) are WANT (several lines joined by
# newlines), and nothing went to stderr.
lines_are() {
    local from=$1 to=$2 want=$3 tool=$4
    shift 4
    local -a range
    local got
    run_tool "$OUT" "$tool" --seed 1 "$@"
    slurp "$OUT.err"
    assert_equal "$REPLY" ""
    # the lines as $(sed -n FROM,TOp) gives them, read by the shell
    mapfile -t -s $((from - 1)) -n $((to - from + 1)) range <"$OUT"
    printf -v got '%s\n' "${range[@]}"
    while [[ $got == *$'\n' ]]; do got=${got%$'\n'}; done
    assert_equal "$got" "$want"
}

line_is() { lines_are "$1" "$1" "${@:2}"; }

# out_lines FROM TO: sets REPLY to lines FROM to TO of $OUT, joined by
# newlines (what $(sed -n FROM,TOp) gave).
out_lines() {
    local -a range
    mapfile -t -s $(($1 - 1)) -n $(($2 - $1 + 1)) range <"$OUT"
    printf -v REPLY '%s\n' "${range[@]}"
    chomp
}

# last_line FILE: sets REPLY to FILE's last line (what tail -n 1 gives,
# without its newline).
last_line() {
    local -a all
    mapfile -t all <"$1"
    REPLY=${all[-1]:-}
}

# has_line FILE TEXT: a line of FILE is TEXT (grep -qxF, by the shell).
has_line() {
    local line
    while IFS= read -r line; do
        [[ $line != "$2" ]] || return 0
    done <"$1"
    return 1
}

# wait_for FILE TEXT: waits, at most 10 s, until a line of FILE is TEXT.
wait_for() {
    local i
    for ((i = 0; i < 500; i++)); do
        has_line "$1" "$2" && return 0
        sleep 0.02
    done
    echo "timed out waiting for '$2' in $1:" >&2
    cat "$1" >&2
    return 1
}
