#!/usr/bin/env bats
# docs.bats - the documentation is clean and tells the truth: the man pages
# pass mandoc's lint, every option tracert accepts is in the man page, the
# bash completion and the README, the completion offers what the profile
# holds, and the examples in the man pages and the README print what they
# show.

load lib/common
load lib/blocks

bats_require_minimum_version 1.5.0

MAN=$ROOT_DIR/man
COMPLETION=$ROOT_DIR/completions/tracert.bash
README=$ROOT_DIR/README.md

# netmimic's extension long options, as common/cli.c accepts them.
EXT_OPTIONS=(profile from seed down scenario crlf realtime)

# The option letters of tracert's usage text ("-d", "-h", ...), one a line.
usage_letters() {
    "$BIN/tracert" /? | grep -oE '(^|[[ ])-[[:alnum:]]' | sed 's/.*-//' | sort -u
}

# complete WORD...: runs the completion function on the command line
# "tracert WORD...", completing the last word; the candidates end up in
# $output, one a line, sorted.
complete_line() {
    run bash -c '
        source "$1" || exit 1
        shift
        COMP_WORDS=(tracert "$@")
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        COMP_LINE="${COMP_WORDS[*]}"
        COMP_POINT=${#COMP_LINE}
        _tracert tracert "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf "%s\n" "${COMPREPLY[@]}" | sort
    ' _ "$COMPLETION" "$@"
}

# ---- the man pages ---------------------------------------------------------

# mandoc looks for the pages that .Xr names in the current directory too, so
# the lint runs in man/, where the two pages name each other.
lint() {
    cd "$MAN" || return 1
    run mandoc -Tlint "$1"
    assert_output ""
    assert_equal "$status" 0
}

# has_item FILE MACRO ARG: FILE has a list item ".It MACRO ARG ...".
has_item() {
    awk -v m="$2" -v a="$3" '$1 == ".It" && $2 == m && $3 == a { found = 1 }
        END { exit !found }' "$1"
}

@test "mandoc -Tlint: tracert.1 is clean" { lint tracert.1; }
@test "mandoc -Tlint: netmimic-profile.5 is clean" { lint netmimic-profile.5; }

@test "every option of tracert's usage text has an entry in tracert.1" {
    local letters l
    letters=$(usage_letters)
    [ "$(echo "$letters" | wc -l)" -eq 8 ] # d h j w R S 4 6
    for l in $letters '?'; do
        has_item "$MAN/tracert.1" Fl "$l" || {
            echo "tracert.1 has no '.It Fl $l'" >&2
            return 1
        }
    done
}

@test "every extension option has an entry in tracert.1" {
    local o
    for o in "${EXT_OPTIONS[@]}"; do
        has_item "$MAN/tracert.1" Fl "-$o" || {
            echo "tracert.1 has no '.It Fl -$o'" >&2
            return 1
        }
    done
}

@test "the list of extension options above is the one common/cli.c accepts" {
    local accepted
    accepted=$(sed -n '/^static const char \*const \(valued\|flags\)\[\]/p' "$ROOT_DIR/common/cli.c" |
        grep -oE '"[a-z-]+"' | tr -d '"' | sort)
    assert_equal "$accepted" "$(printf '%s\n' "${EXT_OPTIONS[@]}" | sort)"
}

@test "the environment variables the code reads are in tracert.1 and the README" {
    local v
    for v in NETMIMIC_PROFILE NETMIMIC_FROM NETMIMIC_SEED NETMIMIC_CRLF; do
        has_item "$MAN/tracert.1" Ev "$v" || {
            echo "tracert.1 has no '.It Ev $v'" >&2
            return 1
        }
        grep -qF "$v" "$README" || {
            echo "README.md does not mention $v" >&2
            return 1
        }
    done
}

# ---- the completion ----------------------------------------------------------

@test "completion: the script loads in bash without a word and registers _tracert" {
    run bash -c 'source "$1" && complete -p tracert' _ "$COMPLETION"
    assert_equal "$status" 0
    assert_output "complete -F _tracert tracert"
}

@test "completion: every option of the usage text, as -x and as /x" {
    local letters l
    letters=$(usage_letters)
    complete_line -
    for l in $letters '?'; do
        assert_line -- "-$l"
    done
    complete_line /
    for l in $letters '?'; do
        assert_line -- "/$l"
    done
}

@test "completion: every extension option, and it is in the README" {
    local o
    complete_line --
    for o in "${EXT_OPTIONS[@]}"; do
        assert_line --regexp "^--$o=?\$"
        grep -qF -- "--$o" "$README" || {
            echo "README.md does not mention --$o" >&2
            return 1
        }
    done
}

@test "completion: --from offers the profile's hosts" {
    export NETMIMIC_PROFILE=$PROFILE
    complete_line --from ''
    assert_output "$(printf '%s\n' branch-vm hub-vm loc1-vm loc2-vm remote-vm spoke-vm)"
}

@test "completion: --scenario offers the profile's scenarios" {
    export NETMIMIC_PROFILE=$PROFILE
    complete_line --scenario ''
    assert_output "er1-primary-down"
}

@test "completion: --down offers the profile's links, filtered by the prefix typed" {
    export NETMIMIC_PROFILE=$PROFILE
    complete_line --down loc1-er
    assert_output "loc1-er1-primary"
}

@test "completion: --from=VALUE as one word keeps its '--from=' part" {
    export NETMIMIC_PROFILE=$PROFILE
    complete_line --from=sp
    assert_output "--from=spoke-vm"
}

@test "completion: --profile on the line wins over NETMIMIC_PROFILE" {
    export NETMIMIC_PROFILE=$PROFILE
    complete_line --profile "$TEST_PROFILES/bad/base.ini" --from ''
    assert_output "h1"
    complete_line "--profile=$TEST_PROFILES/bad/base.ini" --scenario ''
    assert_output "sc1"
}

# ---- the examples ------------------------------------------------------------

# Prints the lines of FILE between the comment lines '.\" NAME-begin' and
# '.\" NAME-end', without the .Bd and .Ed lines.
man_block() {
    awk -v begin=".\\\\\" $2-begin" -v end=".\\\\\" $2-end" '
        $0 == end { on = 0 }
        on && !/^\.(Bd|Ed)( |$)/ { print }
        $0 == begin { on = 1 }' "$1"
}

@test "netmimic-profile.5: the example profile gives the output shown" {
    cd "$BATS_TEST_TMPDIR" || return 1
    man_block "$MAN/netmimic-profile.5" example-profile >office.ini
    man_block "$MAN/netmimic-profile.5" example-output >shown
    [ -s office.ini ] && [ -s shown ]
    # each "$ tracert ARGS" line, then what it prints
    local line args=() n=0
    : >got
    while IFS= read -r line; do
        [[ $line == '$ tracert '* ]] || continue
        read -r -a args <<<"${line#'$ tracert '}"
        echo "$line" >>got
        "$BIN/tracert" "${args[@]}" >>got
        n=$((n + 1))
    done <shown
    [ "$n" -eq 2 ]
    assert_same_file got shown
}

# check_reproduction FILE BLOCK: FILE shows the command that reproduces the
# document's block BLOCK (its row in tests/seed/blocks.tsv); the command, with
# the seed FILE gives, prints the block.
check_reproduction() {
    local file=$1 name=$2 row _name tool from target opts seed shown
    row=$(grep "^$name	" "$BLOCKS_DIR/blocks.tsv")
    IFS=$'\t' read -r _name tool from target opts seed <<<"$row"
    [ "$opts" = - ] && opts=
    opts=${opts/=/ }
    shown=$(grep -oE -- "--from $from ${opts:+$opts }--seed [0-9]+ $target" "$file" | head -1)
    [ -n "$shown" ] || {
        echo "$file shows no 'tracert --from $from ${opts:+$opts }--seed N $target'" >&2
        return 1
    }
    [ "$shown" = "--from $from ${opts:+$opts }--seed $seed $target" ] || {
        echo "$file shows '$shown', but the seed in blocks.tsv is $seed: update $file" >&2
        return 1
    }
    block_expected "$name" >"$BATS_TEST_TMPDIR/want"
    # shellcheck disable=SC2086
    "$BIN/tracert" $shown >"$BATS_TEST_TMPDIR/got"
    assert_same_file "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
}

@test "tracert.1: the example reproducing a document block uses its recorded seed" {
    check_reproduction "$MAN/tracert.1" spoke-to-loc1
}

@test "tracert.1: the failover example uses its recorded seed" {
    check_reproduction "$MAN/tracert.1" loc1-to-hub-er1-down
}

@test "README: the example reproducing a document block uses its recorded seed" {
    check_reproduction "$README" spoke-to-loc1
}

# shown_after FILE CMD-REGEX END-REGEX: the lines FILE shows after the line
# matching CMD-REGEX, up to the line matching END-REGEX.
shown_after() {
    awk -v cmd="$2" -v end="$3" '
        on && $0 ~ end { exit }
        on { print }
        $0 ~ cmd { on = 1 }' "$1"
}

@test "tracert.1 and README: the outputs they show are the document's blocks" {
    cd "$BATS_TEST_TMPDIR" || return 1
    block_expected spoke-to-loc1 >want-loc1
    block_expected loc1-to-hub-er1-down >want-er1-down
    shown_after "$MAN/tracert.1" '^\$ tracert --from spoke-vm --seed' '^\.Ed' >man-loc1
    shown_after "$MAN/tracert.1" '^\$ tracert --from loc1-vm --scenario' '^\.Ed' >man-er1-down
    shown_after "$README" '^\$ bin/tracert --from spoke-vm --seed' '^```' >readme-loc1
    assert_same_file man-loc1 want-loc1
    assert_same_file man-er1-down want-er1-down
    assert_same_file readme-loc1 want-loc1
}
