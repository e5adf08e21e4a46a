#!/usr/bin/env bats
# locale-unconfirmed.bats - the texts no capture gives (usage texts, option
# errors, Control-C and Control-Break, error replies, -S, -r, -s, pathping),
# which every catalogue has, marked unconfirmed (?), from the best source
# there is (see each catalogue's last section).  There is no reference to
# compare their wording with, so each is checked against its own catalogue
# entry, read here from common/render/lang/LANG.msg by awk and filled by
# sed, not taken from the program: the tool picks the right message for the
# situation, in the language asked for (en-US's only where the language has
# none), fills its arguments, and the usage texts list the same options in
# the same order as the English ones and encode into the code page.

load lib/common

CATALOGUES=$ROOT_DIR/common/render/lang
LPROFILES=$TEST_PROFILES/locale
CHAIN=$TEST_PROFILES/ipv6/chain.ini
LANGS="de-DE fr-FR es-ES pt-BR ru-RU zh-CN ja-JP ko-KR"

setup() {
    OUT=$BATS_TEST_TMPDIR/out
}

teardown() {
    if [ -n "${PING_PID:-}" ]; then
        kill -KILL "$PING_PID" 2>/dev/null || true
        wait "$PING_PID" 2>/dev/null || true
    fi
}

# Each catalogue's entries, read once for the file: ENTRIES/LANG/ID holds
# the default text of ID in LANG, a line per line, unescaped (\" \\
# \u00a0); no file when LANG has no such entry.
setup_file() {
    local lang
    export ENTRIES=$BATS_FILE_TMPDIR/entries
    for lang in en-US $LANGS; do
        mkdir -p "$ENTRIES/$lang"
        awk -v dir="$ENTRIES/$lang" '
            function body(s) {
                sub(/^[ \t]*"/, "", s); sub(/"[ \t]*$/, "", s)
                gsub(/\\"/, "\001", s); gsub(/\\\\/, "\002", s); gsub(/\\u00a0/, "\302\240", s)
                gsub(/\001/, "\"", s); gsub(/\002/, "\\", s)
                return s
            }
            /^[a-z0-9_.]+(@[a-z0-9]+)?[?]?([ \t]|$)/ {
                if (out != "") close(out)
                head = $1; sub(/[?]$/, "", head); out = dir "/" head
                rest = $0; sub(/^[^ \t]+[ \t]*/, "", rest)
                if (rest != "") print body(rest) >>out
                next
            }
            out != "" && /^[ \t]+"/ { print body($0) >>out }
        ' "$CATALOGUES/$lang.msg"
    done
}

# entry LANG ID: the default text of ID in LANG's catalogue; nothing when
# LANG has no such entry.  (Read by the shell: no process.)
entry() {
    local f=$ENTRIES/$1/$2 body=
    [ -s "$f" ] || return 0
    IFS= read -r -d '' body <"$f" || true
    printf '%s' "$body"
}

# text LANG ID ARGS...: ID's text in LANG, else in en-US (what the tools
# do), with {1}... replaced by ARGS.  Written out, not captured: a text may
# end in empty lines.
text() {
    local f=$ENTRIES/$1/$2 body= i=1 arg
    [ -s "$f" ] || f=$ENTRIES/en-US/$2
    [ -s "$f" ] || { echo "no entry $2" >&2; return 1; }
    IFS= read -r -d '' body <"$f" || true
    shift 2
    for arg in "$@"; do
        body=${body//"{$i}"/"$arg"}
        i=$((i + 1))
    done
    printf '%s' "$body"
}

# lines_are FROM TO WANT TOOL ARGS...: lines FROM to TO of TOOL's output are
# WANT (several lines joined by newlines).
lines_are() {
    local from=$1 to=$2 want=$3 tool=$4
    shift 4
    local -a range
    local got
    tool_run "$tool" "$OUT" --seed 1 "$@"
    [ ! -s "$OUT.err" ] || assert_equal "$(cat "$OUT.err")" ""
    # the lines as $(sed -n FROM,TOp) gives them, read by the shell
    mapfile -t -s $((from - 1)) -n $((to - from + 1)) range <"$OUT"
    printf -v got '%s\n' "${range[@]}"
    while [[ $got == *$'\n' ]]; do got=${got%$'\n'}; done
    assert_equal "$got" "$want"
}

line_is() { lines_are "$1" "$1" "${@:2}"; }

# The texts must really be there: a language that lost its entry would
# check against en-US and pass.
@test "every language has its own unconfirmed usage texts, option errors and Control-C" {
    local lang id
    for lang in $LANGS; do
        for id in ping.usage tracert.usage pathping.usage invalid_option missing_value \
            family_only bad_route control_c control_break ping.no_target tracert.no_target; do
            [ -n "$(entry "$lang" "$id")" ] || { echo "$lang has no $id" >&2; return 1; }
            [ "$lang $id" = "zh-CN ping.usage" ] || # zh-CN-ping-005
                grep -qE "^$id[?]([ \\t]|\$)" "$CATALOGUES/$lang.msg" ||
                { echo "$lang: $id is not marked unconfirmed" >&2; return 1; }
        done
    done
    assert_equal "$(entry de-DE control_c)" "STRG+C"
    assert_equal "$(text zh-CN family_only j 4)" "仅 IPv4 支持选项 -j。"
}

# The option letters of a usage text, in order ("-t -a -n ...").
letters() { grep -oE '^    -[a-zA-Z0-9]' | tr -d ' ' | tr '\n' ' '; }

@test "the usage texts (/?) in every language: the catalogue's, the English options in order, exit 0" {
    local lang tool
    for tool in ping tracert pathping; do
        tool_run "$tool" "$OUT.en" /?
        for lang in $LANGS; do
            tool_run "$tool" "$OUT" --lang "$lang" /?
            assert_exit 0 "$OUT"
            # the console form: no trailing blanks (the redirected form keeps them)
            text "$lang" "$tool.usage" | sed "s/ *$//" >"$OUT.want"
            assert_same_file "$OUT" "$OUT.want"
            assert_equal "$(letters <"$OUT")" "$(letters <"$OUT.en")"
            assert_equal "$(head -n 1 "$OUT")" ""
            grep -q "$tool \[-" "$OUT"
            ! cmp -s "$OUT" "$OUT.en"
        done
    done
}

@test "the usage texts redirected: CRLF and the OEM code page, every character in it" {
    local lang tool cp
    for lang in $LANGS; do
        cp=$(awk '/^@codepage / { print $2 }' "$CATALOGUES/$lang.msg")
        for tool in ping tracert pathping; do
            tool_run "$tool" "$OUT" --lang "$lang" --crlf /?
            assert_exit 0 "$OUT"
            # //TRANSLIT only for French's U+2019, which CP850 lacks (best fit ').
            text "$lang" "$tool.usage" | sed 's/$/\r/; s/’/'"'"'/g' | iconv -f UTF-8 -t "$cp" \
                >"$OUT.want"
            assert_same_file "$OUT" "$OUT.want"
        done
    done
}

@test "a bad option: the error, then the usage, in every language" {
    local lang
    for lang in $LANGS; do
        tool_run ping "$OUT" --lang "$lang" -Z example.com
        assert_exit 1 "$OUT"
        { text "$lang" ping.bad_option -Z; text "$lang" ping.usage; } >"$OUT.want"
        assert_same_file "$OUT" "$OUT.want"
        tool_run tracert "$OUT" --lang "$lang" -Z example.com
        assert_exit 1 "$OUT"
        { text "$lang" invalid_option -Z; text "$lang" tracert.usage; } | sed "s/ *$//" >"$OUT.want"
        assert_same_file "$OUT" "$OUT.want"
        tool_run pathping "$OUT" --lang "$lang" -Z example.com
        assert_exit 1 "$OUT"
        { text "$lang" invalid_option -Z; text "$lang" pathping.usage; } | sed "s/ *$//" \
            >"$OUT.want"
        assert_same_file "$OUT" "$OUT.want"
    done
}

@test "option values and targets: bad value, missing value, no target, an IPv4-only option" {
    local lang p=$LPROFILES/de-ping-002.ini
    for lang in $LANGS; do
        line_is 1 "$(text "$lang" bad_value n 1 4294967295)" ping --lang "$lang" --profile "$p" \
            -n 0 example.com
        line_is 1 "$(text "$lang" missing_value n)" ping --lang "$lang" --profile "$p" \
            example.com -n
        line_is 1 "$(text "$lang" ping.no_target)" ping --lang "$lang" --profile "$p" -n 1
        line_is 1 "$(text "$lang" tracert.no_target)" tracert --lang "$lang" --profile "$p" -d
        line_is 1 "$(text "$lang" family_only j 4)" tracert --lang "$lang" --profile "$CHAIN" \
            -j r1.example.net srv.example.net
        line_is 1 "$(text "$lang" family_only g 4)" pathping --lang "$lang" --profile "$CHAIN" \
            -g r1.example.net srv.example.net
        line_is 1 "$(text "$lang" unresolved_system nowhere.example)" tracert --lang "$lang" \
            --profile "$p" nowhere.example
        line_is 1 "$(text "$lang" ping.unresolved nowhere.example)" ping --lang "$lang" \
            --profile "$p" nowhere.example
    done
}

@test "error replies and failures in every language" {
    local lang
    for lang in $LANGS; do
        line_is 3 "$(text "$lang" ping.error_reply 10.27.146.29 "$(text "$lang" host_unreach)")" \
            ping --lang "$lang" --profile "$LPROFILES/es-ping-006.ini" -n 1 10.27.146.3
        line_is 3 "$(text "$lang" ping.error_reply 10.1.1.1 "$(text "$lang" net_unreach)")" \
            ping --lang "$lang" --profile "$LPROFILES/net-unreach.ini" -n 1 10.9.9.9
        line_is 3 "$(text "$lang" ping.error_reply 134.108.11.254 "$(text "$lang" ttl_expired)")" \
            ping --lang "$lang" --profile "$LPROFILES/de-ping-009.ini" -n 1 -i 1 134.108.190.10
        # the default profile: the VPN gateway refuses the strict route
        line_is 3 "$(text "$lang" ping.error_reply 10.10.30.142 "$(text "$lang" bad_route)")" \
            ping --lang "$lang" -n 1 -k 10.10.30.1 10.11.30.68
        line_is 3 "$(text "$lang" frag_needed)" ping --lang "$lang" \
            --profile "$LPROFILES/ko-ping-005.ini" -n 1 -f -l 2000 google.com
        line_is 3 "$(text "$lang" transmit_failed)" ping --lang "$lang" \
            --profile "$LPROFILES/de-ping-002.ini" -n 1 -S 10.9.9.9 example.com
        line_is 3 "$(text "$lang" general_failure)" ping --lang "$lang" --profile "$CHAIN" -n 1 ::
        line_is 5 "  2  $(text "$lang" tracert.reports 10.27.146.29 "$(text "$lang" host_unreach)")" \
            tracert --lang "$lang" --profile "$LPROFILES/es-ping-006.ini" 10.27.146.3
    done
}

@test "-S headers, -r and -s lines in every language" {
    local lang p=$LPROFILES/de-ping-002.ini lab=$LPROFILES/de-ping-009.ini arrow t
    for lang in $LANGS; do
        line_is 2 "$(text "$lang" ping.header.named.from "example.com [159.69.238.82]" 10.9.9.9 32)" \
            ping --lang "$lang" --profile "$p" -n 1 -S 10.9.9.9 example.com
        line_is 2 "$(text "$lang" ping.header.addr.from 159.69.238.82 192.168.0.100 32)" \
            ping --lang "$lang" --profile "$p" -n 1 -S 192.168.0.100 159.69.238.82
        arrow=$(text "$lang" ping.route.arrow)
        lines_are 4 6 "$(text "$lang" ping.route.first 134.108.190.14 "$arrow"
                         text "$lang" ping.route.next 134.108.190.10 "$arrow"
                         text "$lang" ping.route.next 134.108.11.254 "")" \
            ping --lang "$lang" --profile "$lab" -n 1 -r 4 134.108.190.10
        # the times are the seed's time of day: taken from the output
        tool_run ping "$OUT" --lang "$lang" --profile "$lab" --seed 1 -n 1 -s 4 134.108.190.10
        t=($(sed -n 4,6p "$OUT" | grep -oE ' [0-9]{5,8}( |$)'))
        [ "${#t[@]}" -eq 3 ]
        assert_equal "$(sed -n 4,6p "$OUT")" \
            "$(text "$lang" ping.timestamp.first 134.108.190.14 "${t[0]}" "$arrow"
               text "$lang" ping.timestamp.next 134.108.190.10 "${t[1]}" "$arrow"
               text "$lang" ping.timestamp.next 134.108.11.254 "${t[2]}" "")"
    done
}

@test "pathping in every language: headers, computing line, table title" {
    local lang p=$LPROFILES/zh-CN-pathping-002.ini
    for lang in $LANGS; do
        lines_are 2 3 "$(text "$lang" pathping.header.named "qq.com [111.161.64.40]" 30)" \
            pathping --lang "$lang" --profile "$p" -q 1 -p 1 qq.com
        assert_equal "$(sed -n 10p "$OUT")" "$(text "$lang" pathping.computing 0)"
        assert_equal "$(sed -n 11,12p "$OUT")" "$(text "$lang" pathping.title)"
        line_is 2 "$(text "$lang" pathping.header.addr 111.161.64.40 30)" pathping \
            --lang "$lang" --profile "$p" -n -q 1 -p 1 111.161.64.40
        line_is 2 "$(text "$lang" tracert.header.addr 10.0.3.6 30)" tracert --lang "$lang" \
            --profile "$LPROFILES/ja-tracert-001.ini" -d 10.0.3.6
    done
}

# wait_for FILE TEXT: waits, at most 10 s, until a line of FILE is TEXT.
wait_for() {
    local i
    for ((i = 0; i < 500; i++)); do
        grep -qxF -- "$2" "$1" && return 0
        sleep 0.02
    done
    echo "timed out waiting for '$2' in $1:" >&2
    cat "$1" >&2
    return 1
}

@test "ping -t: Ctrl+Break and Ctrl+C print the language's Control-Break and Control-C" {
    local lang i
    for lang in $LANGS; do
        "$BIN/ping" --lang "$lang" --profile "$LPROFILES/de-ping-002.ini" --seed 1 --realtime \
            -t 159.69.238.82 >"$OUT" 2>"$OUT.err" 3>&- &
        PING_PID=$!
        wait_for "$OUT" "$(text "$lang" ping.reply 159.69.238.82 32 19 62)"
        kill -QUIT "$PING_PID"
        wait_for "$OUT" "$(text "$lang" control_break)"
        kill -INT "$PING_PID"
        for ((i = 0; i < 500; i++)); do
            kill -0 "$PING_PID" 2>/dev/null || break
            sleep 0.02
        done
        status=0
        wait "$PING_PID" || status=$?
        PING_PID=
        assert_exit 0 "$OUT"
        assert_equal "$(tail -n 1 "$OUT")" "$(text "$lang" control_c)"
    done
}
