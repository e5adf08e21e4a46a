#!/usr/bin/env bats
# locale-unconfirmed.bats - the texts no capture gives (usage texts, option
# errors, Control-C and Control-Break, error replies, -S, -r, -s, pathping),
# which every catalogue has, marked unconfirmed (?), from the best source
# there is (see each catalogue's last section).  There is no reference to
# compare their wording with, so each is checked against its own catalogue
# entry, read here from common/render/lang/LANG.msg by awk and filled by
# the shell, not taken from the program: the tool picks the right message
# for the situation, in the language asked for (en-US's only where the
# language has none), fills its arguments, and the usage texts list the
# same options in the same order as the English ones and encode into the
# code page.
#
# Under make test each run of a language's block (a test's runs for one
# language) is sanitized in one language, a different one each, and runs
# on the plain build in the others (lib/catalogue.bash, "which build
# runs"): the languages' runs of a block are the same code on other
# catalogue data; 59 sanitized runs where every run of every language made
# 259, each run still sanitized in some language and each language in some
# run of each test.

load lib/common
load lib/catalogue

LPROFILES=$TEST_PROFILES/locale
CHAIN=$TEST_PROFILES/ipv6/chain.ini
LANGS=(de-DE fr-FR es-ES pt-BR ru-RU zh-CN ja-JP ko-KR)

setup() {
    OUT=$BATS_TEST_TMPDIR/out
}

teardown() {
    if [ -n "${PING_PID:-}" ]; then
        kill -KILL "$PING_PID" 2>/dev/null || true
        wait "$PING_PID" 2>/dev/null || true
    fi
}

# Each catalogue's entries, read once for the file (lib/catalogue.bash).
setup_file() {
    export ENTRIES=$BATS_FILE_TMPDIR/entries
    read_catalogues en-US "${LANGS[@]}"
}

# The texts must really be there: a language that lost its entry would
# check against en-US and pass.
@test "every language has its own unconfirmed usage texts, option errors and Control-C" {
    local lang id
    for lang in "${LANGS[@]}"; do
        for id in ping.usage tracert.usage pathping.usage invalid_option missing_value \
            family_only bad_route control_c control_break ping.no_target tracert.no_target; do
            [ -s "$ENTRIES/$lang/$id" ] || { echo "$lang has no $id" >&2; return 1; }
            [ "$lang $id" = "zh-CN ping.usage" ] || # zh-CN-ping-005
                [ -e "$ENTRIES/$lang/$id?" ] ||
                { echo "$lang: $id is not marked unconfirmed" >&2; return 1; }
        done
    done
    entry de-DE control_c
    assert_equal "$REPLY" "STRG+C"$'\n'
    text zh-CN family_only j 4
    assert_equal "$REPLY" "仅 IPv4 支持选项 -j。"
}

@test "the usage texts (/?) in every language: the catalogue's, the English options in order, exit 0" {
    local i t tool got en en_letters tools=(ping tracert pathping)
    for t in 0 1 2; do
        tool=${tools[t]}
        tool_run "$tool" "$OUT.en" /?
        slurp "$OUT.en"
        en=$REPLY
        letters "$en"
        en_letters=$REPLY
        for i in "${!LANGS[@]}"; do
            # a language's three tools are a block (lib/catalogue.bash)
            bin_if $((t == i % 3))
            tool_run_in "$REPLY" "$tool" "$OUT" --lang "${LANGS[i]}" /?
            assert_exit 0 "$OUT"
            slurp "$OUT"
            got=$REPLY
            # the console form: no trailing blanks (the redirected form keeps them)
            text_raw "${LANGS[i]}" "$tool.usage"
            unblank "$REPLY"
            same_text "${LANGS[i]} $tool /?" "$got" "$REPLY"
            letters "$got"
            assert_equal "$REPLY" "$en_letters"
            assert_equal "${got%%$'\n'*}" ""
            [[ $got == *"$tool [-"* ]]
            [[ $got != "$en" ]]
        done
    done
}

@test "the usage texts redirected: CRLF and the OEM code page, every character in it" {
    local i t tool got want cp tools=(ping tracert pathping)
    for i in "${!LANGS[@]}"; do
        slurp "$ENTRIES/${LANGS[i]}/@codepage"
        cp=$REPLY
        # the three tools' outputs against the three texts, each followed
        # by a line of '=': one iconv for the language
        got= want=
        for t in 0 1 2; do
            tool=${tools[t]}
            bin_if $((t == i % 3))
            tool_run_in "$REPLY" "$tool" "$OUT" --lang "${LANGS[i]}" --crlf /?
            assert_exit 0 "$OUT"
            slurp "$OUT"
            got+=$REPLY$'=====\r\n'
            text_raw "${LANGS[i]}" "$tool.usage"
            # //TRANSLIT only for French's U+2019, which CP850 lacks (best fit ').
            REPLY=${REPLY//’/\'}
            want+=${REPLY//$'\n'/$'\r\n'}$'=====\r\n'
        done
        printf '%s' "$want" | iconv -f UTF-8 -t "$cp" >"$OUT.want"
        printf '%s' "$got" >"$OUT.got"
        assert_same_file "$OUT.got" "$OUT.want"
    done
}

@test "a bad option: the error, then the usage, in every language" {
    local i lang want
    for i in "${!LANGS[@]}"; do
        lang=${LANGS[i]}
        block "$i" 3
        run_tool "$OUT" ping --lang "$lang" -Z example.com
        assert_exit 1 "$OUT"
        text_raw "$lang" ping.bad_option -Z
        want=$REPLY
        text_raw "$lang" ping.usage
        want+=$REPLY
        slurp "$OUT"
        same_text "$lang ping -Z" "$REPLY" "$want"
        run_tool "$OUT" tracert --lang "$lang" -Z example.com
        assert_exit 1 "$OUT"
        text_raw "$lang" invalid_option -Z
        want=$REPLY
        text_raw "$lang" tracert.usage
        unblank "$want$REPLY"
        want=$REPLY
        slurp "$OUT"
        same_text "$lang tracert -Z" "$REPLY" "$want"
        run_tool "$OUT" pathping --lang "$lang" -Z example.com
        assert_exit 1 "$OUT"
        text_raw "$lang" invalid_option -Z
        want=$REPLY
        text_raw "$lang" pathping.usage
        unblank "$want$REPLY"
        want=$REPLY
        slurp "$OUT"
        same_text "$lang pathping -Z" "$REPLY" "$want"
    done
}

@test "option values and targets: bad value, missing value, no target, an IPv4-only option" {
    local i lang p=$LPROFILES/de-ping-002.ini
    for i in "${!LANGS[@]}"; do
        lang=${LANGS[i]}
        block "$i" 8
        text "$lang" bad_value n 1 4294967295
        line_is 1 "$REPLY" ping --lang "$lang" --profile "$p" -n 0 example.com
        text "$lang" missing_value n
        line_is 1 "$REPLY" ping --lang "$lang" --profile "$p" example.com -n
        text "$lang" ping.no_target
        line_is 1 "$REPLY" ping --lang "$lang" --profile "$p" -n 1
        text "$lang" tracert.no_target
        line_is 1 "$REPLY" tracert --lang "$lang" --profile "$p" -d
        text "$lang" family_only j 4
        line_is 1 "$REPLY" tracert --lang "$lang" --profile "$CHAIN" -j r1.example.net srv.example.net
        text "$lang" family_only g 4
        line_is 1 "$REPLY" pathping --lang "$lang" --profile "$CHAIN" -g r1.example.net srv.example.net
        text "$lang" unresolved_system nowhere.example
        line_is 1 "$REPLY" tracert --lang "$lang" --profile "$p" nowhere.example
        text "$lang" ping.unresolved nowhere.example
        line_is 1 "$REPLY" ping --lang "$lang" --profile "$p" nowhere.example
    done
}

# error_reply LANG FROM ERROR: sets REPLY to ping's error reply line in LANG.
error_reply() {
    text "$1" "$3"
    text "$1" ping.error_reply "$2" "$REPLY"
}

@test "error replies and failures in every language" {
    local i lang
    for i in "${!LANGS[@]}"; do
        lang=${LANGS[i]}
        block "$i" 8
        error_reply "$lang" 10.27.146.29 host_unreach
        line_is 3 "$REPLY" ping --lang "$lang" --profile "$LPROFILES/es-ping-006.ini" -n 1 10.27.146.3
        error_reply "$lang" 10.1.1.1 net_unreach
        line_is 3 "$REPLY" ping --lang "$lang" --profile "$LPROFILES/net-unreach.ini" -n 1 10.9.9.9
        error_reply "$lang" 134.108.11.254 ttl_expired
        line_is 3 "$REPLY" ping --lang "$lang" --profile "$LPROFILES/de-ping-009.ini" -n 1 -i 1 134.108.190.10
        # the default profile: the VPN gateway refuses the strict route
        error_reply "$lang" 10.10.30.142 bad_route
        line_is 3 "$REPLY" ping --lang "$lang" -n 1 -k 10.10.30.1 10.11.30.68
        text "$lang" frag_needed
        line_is 3 "$REPLY" ping --lang "$lang" --profile "$LPROFILES/ko-ping-005.ini" -n 1 -f -l 2000 google.com
        text "$lang" transmit_failed
        line_is 3 "$REPLY" ping --lang "$lang" --profile "$LPROFILES/de-ping-002.ini" -n 1 -S 10.9.9.9 example.com
        text "$lang" general_failure
        line_is 3 "$REPLY" ping --lang "$lang" --profile "$CHAIN" -n 1 ::
        text "$lang" host_unreach
        text "$lang" tracert.reports 10.27.146.29 "$REPLY"
        line_is 5 "  2  $REPLY" tracert --lang "$lang" --profile "$LPROFILES/es-ping-006.ini" 10.27.146.3
    done
}

@test "-S headers, -r and -s lines in every language" {
    local i lang p=$LPROFILES/de-ping-002.ini lab=$LPROFILES/de-ping-009.ini arrow want got line
    local -a t
    for i in "${!LANGS[@]}"; do
        lang=${LANGS[i]}
        block "$i" 4
        text "$lang" ping.header.named.from "example.com [159.69.238.82]" 10.9.9.9 32
        line_is 2 "$REPLY" ping --lang "$lang" --profile "$p" -n 1 -S 10.9.9.9 example.com
        text "$lang" ping.header.addr.from 159.69.238.82 192.168.0.100 32
        line_is 2 "$REPLY" ping --lang "$lang" --profile "$p" -n 1 -S 192.168.0.100 159.69.238.82
        text "$lang" ping.route.arrow
        arrow=$REPLY
        text_raw "$lang" ping.route.first 134.108.190.14 "$arrow"
        want=$REPLY
        text_raw "$lang" ping.route.next 134.108.190.10 "$arrow"
        want+=$REPLY
        text "$lang" ping.route.next 134.108.11.254 ""
        lines_are 4 6 "$want$REPLY" ping --lang "$lang" --profile "$lab" -n 1 -r 4 134.108.190.10
        # the times are the seed's time of day: taken from the output
        run_tool "$OUT" ping --lang "$lang" --profile "$lab" --seed 1 -n 1 -s 4 134.108.190.10
        out_lines 4 6
        got=$REPLY
        t=()
        while IFS= read -r line; do
            [[ $line =~ \ ([0-9]{5,8})( |$) ]] && t+=("${BASH_REMATCH[1]}")
        done <<<"$got"
        [ "${#t[@]}" -eq 3 ]
        text_raw "$lang" ping.timestamp.first 134.108.190.14 "${t[0]}" "$arrow"
        want=$REPLY
        text_raw "$lang" ping.timestamp.next 134.108.190.10 "${t[1]}" "$arrow"
        want+=$REPLY
        text "$lang" ping.timestamp.next 134.108.11.254 "${t[2]}" ""
        assert_equal "$got" "$want$REPLY"
    done
}

@test "pathping in every language: headers, computing line, table title" {
    local i lang p=$LPROFILES/zh-CN-pathping-002.ini
    for i in "${!LANGS[@]}"; do
        lang=${LANGS[i]}
        block "$i" 3
        text "$lang" pathping.header.named "qq.com [111.161.64.40]" 30
        lines_are 2 3 "$REPLY" pathping --lang "$lang" --profile "$p" -q 1 -p 1 qq.com
        out_lines 10 10
        local computing=$REPLY
        text "$lang" pathping.computing 0
        assert_equal "$computing" "$REPLY"
        out_lines 11 12
        local title=$REPLY
        text "$lang" pathping.title
        assert_equal "$title" "$REPLY"
        text "$lang" pathping.header.addr 111.161.64.40 30
        line_is 2 "$REPLY" pathping --lang "$lang" --profile "$p" -n -q 1 -p 1 111.161.64.40
        text "$lang" tracert.header.addr 10.0.3.6 30
        line_is 2 "$REPLY" tracert --lang "$lang" --profile "$LPROFILES/ja-tracert-001.ini" -d 10.0.3.6
    done
}

@test "ping -t: Ctrl+Break and Ctrl+C print the language's Control-Break and Control-C" {
    local lang i
    # the plain build: a signal forwarded by the dual runner ends its run
    # before the sanitized build's (tests/lib/dual.c)
    for lang in "${LANGS[@]}"; do
        "$PLAIN/ping" --lang "$lang" --profile "$LPROFILES/de-ping-002.ini" --seed 1 --realtime \
            -t 159.69.238.82 >"$OUT" 2>"$OUT.err" 3>&- &
        PING_PID=$!
        text "$lang" ping.reply 159.69.238.82 32 19 62
        wait_for "$OUT" "$REPLY"
        kill -QUIT "$PING_PID"
        text "$lang" control_break
        wait_for "$OUT" "$REPLY"
        kill -INT "$PING_PID"
        for ((i = 0; i < 500; i++)); do
            kill -0 "$PING_PID" 2>/dev/null || break
            sleep 0.02
        done
        status=0
        wait "$PING_PID" || status=$?
        PING_PID=
        assert_exit 0 "$OUT"
        last_line "$OUT"
        local last=$REPLY
        text "$lang" control_c
        assert_equal "$last" "$REPLY"
    done
}
