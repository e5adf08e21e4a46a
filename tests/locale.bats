#!/usr/bin/env bats
# locale.bats - localized Windows (--lang): the captures of
# ../shared/corpus-locale rated ok or minor are reproduced byte for byte.
#
# tests/expected/locale/NAME.txt is ../shared/corpus-locale/NAME.txt minus its
# "# source:" line (tail -n +2), verbatim; the repairs of documented damage
# (a leading empty line the source did not show, a final newline, a cut) are
# made here, by the helpers below, and listed in tests/expected/locale/SOURCES.
# tests/profiles/locale/NAME.ini (written by make-profiles.sh from
# captures.spec) pins every value shown: chains of routers, links of latency
# 0, replay() reply delays.  The console form is compared for every capture;
# the redirected form, in the console's OEM code page, for some: the Russian
# ru-ping-001/002 are byte-exact CP866 references, the others are the
# capture turned into the code page by iconv.

load lib/common
load lib/locale

# The capture as the tool prints it, from its verbatim copy NAME.txt:
exact() { cat "$EXPECTED/$1.txt"; }
# the source did not show the leading empty line;
leading_blank() { echo; cat "$EXPECTED/$1.txt"; }
# ... nor the final newline.
leading_blank_final_newline() { echo; cat "$EXPECTED/$1.txt"; echo; }
# the source lost only the final newline.
final_newline() { cat "$EXPECTED/$1.txt"; echo; }

# same_as FILTER NAME: the output is the capture, through FILTER.
same_as() {
    "$1" "$2" >"$WANT"
    assert_same_file "$OUT" "$WANT"
}

# starts_as FILTER NAME: the capture was cut; the output starts with it.
starts_as() {
    local n
    "$1" "$2" >"$WANT"
    n=$(wc -l <"$WANT")
    head -n "$n" "$OUT" >"$OUT.head"
    assert_same_file "$OUT.head" "$WANT"
}

# The redirected form of a console-form file on stdin, in code page CP:
# CRLF line ends and the text in the code page (best fit: U+2019 is ').
in_codepage() {
    sed 's/$/\r/' | iconv -f UTF-8 -t "$1//TRANSLIT"
}

# ---- German -----------------------------------------------------------------

@test "de-ping-002: a named target, the packets line on two lines" {
    on de-ping-002 ping --lang de-DE -4 example.com
    assert_exit 0 "$OUT"
    same_as exact de-ping-002
}

@test "de-ping-002, redirected: CRLF and CP850 (ü is 0x81)" {
    on de-ping-002 ping --lang de-DE --crlf -4 example.com
    assert_exit 0 "$OUT"
    exact de-ping-002 | in_codepage CP850 >"$WANT"
    assert_same_file "$OUT" "$WANT"
    grep -q $'ausgef\x81hrt f\x81r' "$OUT"
}

@test "de-ping-003: www.google.at, average truncated" {
    on de-ping-003 ping --lang de-DE www.google.at
    assert_exit 0 "$OUT"
    same_as exact de-ping-003
}

@test "de-ping-004: Zeit<1ms" {
    on de-ping-004 ping --lang de-DE 192.168.100.2
    assert_exit 0 "$OUT"
    same_as leading_blank de-ping-004
}

@test "de-ping-005: average 9 of 15, 7, 7, 7" {
    on de-ping-005 ping --lang de-DE 192.168.23.133
    assert_exit 0 "$OUT"
    same_as leading_blank de-ping-005
}

@test "de-ping-008: -r: the route's layout, 11 blanks under 'Route: ' (the model records the destination once)" {
    on de-ping-009 ping --lang de-DE -n 1 -r 4 134.108.190.10
    assert_exit 0 "$OUT"
    # Windows records the destination twice (arriving and leaving).
    leading_blank de-ping-008 | sed '5d' >"$WANT"
    assert_same_file "$OUT" "$WANT"
}

@test "de-ping-010: -s: the timestamps' layout, 15 blanks under 'Zeitstempel: '" {
    on de-ping-009 ping --lang de-DE -n 1 -s 4 134.108.190.10
    assert_exit 0 "$OUT"
    # The times are the run's (the capture's go back in time, from the clocks
    # of different hosts); the destination is recorded once, as for -r.
    sed -E -e 's/ : [0-9]+( ->)?$/ : T\1/' -e 's/Zeit=[0-9]+ms/Zeit=Nms/' \
        -e 's/(Minimum|Maximum|Mittelwert) = [0-9]+ms/\1 = Nms/g' "$OUT" >"$OUT.shape"
    leading_blank de-ping-010 | sed -E -e '5d' -e 's/ : [0-9]+( ->)?$/ : T\1/' \
        -e 's/Zeit=[0-9]+ms/Zeit=Nms/' -e 's/(Minimum|Maximum|Mittelwert) = [0-9]+ms/\1 = Nms/g' >"$WANT"
    assert_same_file "$OUT.shape" "$WANT"
}

@test "de-ping-009: TTL expired in transit, counted as received, no round-trip lines" {
    on de-ping-009 ping --lang de-DE -n 1 -i 1 134.108.190.10
    assert_exit 0 "$OUT"
    same_as leading_blank de-ping-009
}

# When no echo left the PC, German ends the packets line without its comma
# (de-DE.msg, ping.stats.packets.unsent); after replies it has one.
@test "de-ping-007 (same lab as 011): -f -l 2000, refused on the PC: (100% Verlust) without a comma" {
    on de-ping-011 ping --lang de-DE -n 1 -l 2000 -f 192.168.31.16
    assert_exit 1 "$OUT"
    same_as exact de-ping-007
    on de-ping-011 ping --lang de-DE -n 1 192.168.31.16
    assert_equal "$(sed -n 7p "$OUT")" "    (0% Verlust),"
}

# The captures that need a model feature besides the chains of
# make-profiles.sh: their profiles are written by hand, in
# tests/profiles/locale-model/.
MPROFILES=$TEST_PROFILES/locale-model

@test "de-ping-008: -r, a Linux target records its address on arrival and on reply" {
    tool_run ping "$OUT" --profile "$MPROFILES/de-ping-008.ini" --seed 1 --lang de-DE -n 1 \
        -r 9 134.108.190.10
    assert_exit 0 "$OUT"
    same_as leading_blank de-ping-008
}

@test "de-ping-010: -s, the run's time of day and each device's clock" {
    tool_run ping "$OUT" --profile "$MPROFILES/de-ping-010.ini" --seed 1 --lang de-DE -n 1 \
        -s 4 134.108.190.10
    assert_exit 0 "$OUT"
    same_as leading_blank de-ping-010
}

@test "ru-tracert-003: -d, a destination NAT shows the target at hops 19 and 20" {
    tool_run tracert "$OUT" --profile "$MPROFILES/ru-tracert-003.ini" --seed 1 --lang ru-RU \
        -d 185.73.194.82
    assert_exit 0 "$OUT"
    same_as exact ru-tracert-003
}

@test "de-ping-011: -n 2 (the source's extra empty line at the end is not ping's)" {
    on de-ping-011 ping --lang de-DE -n 2 192.168.31.16
    assert_exit 0 "$OUT"
    leading_blank de-ping-011 | sed '$d' >"$WANT"
    assert_same_file "$OUT" "$WANT"
}

@test "de-ping-014: cut after the fourth reply" {
    on de-ping-014 ping --lang de-DE -4 smtp.1und1.de
    assert_exit 0 "$OUT"
    starts_as exact de-ping-014
}

@test "de-tracert-001: 25 hops, lost probes, a timeout hop, names" {
    on de-tracert-001 tracert --lang de-DE www.anu.edu.au
    assert_exit 0 "$OUT"
    same_as leading_blank de-tracert-001
}

@test "de-tracert-003: the hop lines' trailing blanks in the redirected form" {
    on de-tracert-003 tracert --lang de-DE google.com
    assert_exit 0 "$OUT"
    leading_blank de-tracert-003 | sed 's/ *$//' >"$WANT"
    assert_same_file "$OUT" "$WANT"
    on de-tracert-003 tracert --lang de-DE --crlf --encoding utf-8 google.com
    tr -d '\r' <"$OUT" >"$OUT.lf"
    leading_blank de-tracert-003 >"$WANT"
    assert_same_file "$OUT.lf" "$WANT"
}

# ---- French -----------------------------------------------------------------

@test "fr-ping-001: plain spaces before the colons (Windows 11, 2023)" {
    on fr-ping-001 ping --lang fr-FR 1.1.1.1
    assert_exit 0 "$OUT"
    same_as exact fr-ping-001
}

@test "fr-ping-002: temps=3 ms with a space" {
    on fr-ping-002 ping --lang fr-FR 10.10.10.33
    assert_exit 0 "$OUT"
    same_as exact fr-ping-002
}

@test "fr-ping-003: --windows 11: no-break spaces before three colons, not the fourth" {
    on fr-ping-003 ping --lang fr-FR --windows 11 b2.hello.vous
    assert_exit 0 "$OUT"
    same_as exact fr-ping-003
    [ "$(grep -c $'\u00a0:' "$OUT")" = 6 ]
}

@test "fr-ping-003, redirected: CP850, the no-break space is 0xFF, U+2019 is '" {
    on fr-ping-003 ping --lang fr-FR --windows 11 --crlf b2.hello.vous
    assert_exit 0 "$OUT"
    exact fr-ping-003 | in_codepage CP850 >"$WANT"
    assert_same_file "$OUT" "$WANT"
    grep -q $'^Envoi d\x27une requ\x88te \x27ping\x27 sur b2.hello.vous \\[1.1.1.1\\] avec 32 octets de donn\x82es\xff:\r$' "$OUT"
}

@test "fr-ping-004: average 11" {
    on fr-ping-004 ping --lang fr-FR 172.20.10.13
    assert_exit 0 "$OUT"
    same_as exact fr-ping-004
}

@test "fr-ping-005: two timeouts, two host unreachable, received 2" {
    on fr-ping-005 ping --lang fr-FR 172.20.10.14
    assert_exit 0 "$OUT"
    same_as exact fr-ping-005
}

@test "fr-ping-007: four timeouts, exit 1" {
    on timeouts ping --lang fr-FR 10.33.79.254
    assert_exit 1 "$OUT"
    same_as exact fr-ping-007
}

@test "fr-ping-008: unknown host, one line" {
    on fr-ping-001 ping --lang fr-FR -4 -n 1 www.bfmtv.com
    assert_exit 1 "$OUT"
    same_as exact fr-ping-008
}

@test "fr-tracert-002: an address: one line ending in a period; 30 timeout hops" {
    on fr-tracert-002 tracert --lang fr-FR 10.10.10.34
    assert_exit 0 "$OUT"
    same_as exact fr-tracert-002
}

@test "fr-tracert-003: --windows 11: a no-break space in 'sauts :' (cut after hop 8)" {
    on fr-tracert-003 tracert --lang fr-FR --windows 11 -d www.ynov.com
    assert_exit 0 "$OUT"
    starts_as exact fr-tracert-003
}

# ---- Spanish ----------------------------------------------------------------

@test "es-ping-002: a named target" {
    on es-ping-002 ping --lang es-ES clarin.com
    assert_exit 0 "$OUT"
    same_as leading_blank es-ping-002
}

@test "es-ping-003: tiempo<1m" {
    on es-ping-003 ping --lang es-ES miguel-dev.local
    assert_exit 0 "$OUT"
    same_as leading_blank es-ping-003
}

@test "es-ping-004: --windows xp: an empty line after the header, no comma" {
    on timeouts ping --lang es-ES --windows xp 192.168.0.1
    assert_exit 1 "$OUT"
    same_as leading_blank es-ping-004
}

@test "es-ping-006: four host unreachable, counted as received" {
    on es-ping-006 ping --lang es-ES 10.27.146.3
    assert_exit 0 "$OUT"
    same_as exact es-ping-006
}

@test "es-ping-007: four timeouts" {
    on timeouts ping --lang es-ES 10.27.146.5
    assert_exit 1 "$OUT"
    same_as exact es-ping-007
}

@test "es-ping-008: average 91" {
    on es-ping-008 ping --lang es-ES 10.27.146.2
    assert_exit 0 "$OUT"
    same_as exact es-ping-008
}

@test "es-ping-009: TTL expired (a quote: no leading empty line, cut after the fourth reply, one trailing blank of its own)" {
    on es-ping-009 ping --lang es-ES -i 1 proxy.mdp.edu.ar
    assert_exit 0 "$OUT"
    leading_blank es-ping-009 | sed "s/ \$//" >"$WANT"
    head -n "$(wc -l <"$WANT")" "$OUT" >"$OUT.head"
    assert_same_file "$OUT.head" "$WANT"
}

@test "es-tracert-001: timeout hops, a named last hop" {
    on es-tracert-001 tracert --lang es-ES tokioschool.com
    assert_exit 0 "$OUT"
    same_as exact es-tracert-001
}

@test "es-tracert-002: the hop lines' trailing blanks in the redirected form, CP850" {
    on es-tracert-002 tracert --lang es-ES www.google.com
    assert_exit 0 "$OUT"
    exact es-tracert-002 | sed 's/ *$//' >"$WANT"
    assert_same_file "$OUT" "$WANT"
    on es-tracert-002 tracert --lang es-ES --crlf www.google.com
    exact es-tracert-002 | in_codepage CP850 >"$WANT"
    assert_same_file "$OUT" "$WANT"
}

# ---- Portuguese (Brazil) ----------------------------------------------------

@test "pt-BR-ping-001: the packets line wrapped, 13 blanks before 'perda)'" {
    on pt-BR-ping-001 ping --lang pt-BR 10.140.129.1
    assert_exit 0 "$OUT"
    same_as exact pt-BR-ping-001
}

@test "pt-BR-ping-002: 8.8.8.8" {
    on pt-BR-ping-002 ping --lang pt-BR 8.8.8.8
    assert_exit 0 "$OUT"
    same_as exact pt-BR-ping-002
}

@test "pt-BR-ping-004: unknown host, one line (the source's break after 'tente' is the console's)" {
    on pt-BR-ping-001 ping --lang pt-BR teste.monitoramento.lan
    assert_exit 1 "$OUT"
    exact pt-BR-ping-004 | sed -e ':a' -e 'N;s/\n/ /;ta' >"$WANT"
    assert_same_file "$OUT" "$WANT"
}

@test "pt-BR-ping-008: 127.0.0.1, tempo<1ms" {
    on pt-BR-ping-008 ping --lang pt-BR -n 4 127.0.0.1
    assert_exit 0 "$OUT"
    same_as leading_blank_final_newline pt-BR-ping-008
}

@test "pt-BR-ping-009: four timeouts, the wrap inside '(100% de' / 'perda),'" {
    on timeouts ping --lang pt-BR 8.8.8.8
    assert_exit 1 "$OUT"
    same_as leading_blank_final_newline pt-BR-ping-009
}

@test "pt-BR-tracert-002: -d -h 15: the one-line header without a colon" {
    on pt-BR-tracert-002 tracert --lang pt-BR -d -h 15 10.113.96.148
    assert_exit 0 "$OUT"
    same_as leading_blank_final_newline pt-BR-tracert-002
}

# ---- Russian ----------------------------------------------------------------

@test "ru-ping-001: console form (the capture's CRLF made LF)" {
    on ru-ping-001 ping --lang ru-RU yandex.ru
    assert_exit 0 "$OUT"
    exact ru-ping-001 | tr -d '\r' >"$WANT"
    assert_same_file "$OUT" "$WANT"
}

@test "ru-ping-001: redirected form: the 511 CP866 bytes ping.exe wrote" {
    on ru-ping-001 ping --lang ru-RU --crlf yandex.ru
    assert_exit 0 "$OUT"
    assert_same_file "$OUT" "$EXPECTED/ru-ping-001.cp866.txt"
}

@test "ru-ping-002: redirected form: the 529 CP866 bytes ping.exe wrote" {
    on ru-ping-002 ping --lang ru-RU --crlf youtube.com
    assert_exit 0 "$OUT"
    assert_same_file "$OUT" "$EXPECTED/ru-ping-002.cp866.txt"
    on ru-ping-002 ping --lang ru-RU youtube.com
    exact ru-ping-002 | tr -d '\r' >"$WANT"
    assert_same_file "$OUT" "$WANT"
}

@test "ru-ping-003: an address: 'по с' in the header" {
    on ru-ping-003 ping --lang ru-RU 8.8.8.8
    assert_exit 0 "$OUT"
    same_as leading_blank_final_newline ru-ping-003
}

@test "ru-ping-005: время<1мс, 0мсек and 0 мсек" {
    on ru-ping-005 ping --lang ru-RU 10.10.10.1
    assert_exit 0 "$OUT"
    same_as exact ru-ping-005
}

@test "ru-ping-007: -n 2, two timeouts, no comma after (100% потерь)" {
    on timeouts ping --lang ru-RU -n 2 128.1.0.1
    assert_exit 1 "$OUT"
    same_as final_newline ru-ping-007
}

@test "ru-ping-008: the TTL-expired line" {
    on ru-ping-008 ping --lang ru-RU -n 1 -i 1 172.26.160.200
    assert_exit 0 "$OUT"
    sed -n 3p "$OUT" >"$OUT.line"
    assert_same_file "$OUT.line" "$EXPECTED/ru-ping-008.txt"
}

@test "ru-tracert-002: lost probes, 1519 ms (cut after hop 24)" {
    on ru-tracert-002 tracert --lang ru-RU dns.google
    assert_exit 0 "$OUT"
    starts_as exact ru-tracert-002
}

# ---- Chinese (Simplified) ---------------------------------------------------

@test "zh-CN-ping-001: a name from the hosts file, 时间<1ms" {
    on zh-CN-ping-001 ping --lang zh-CN cent01
    assert_exit 0 "$OUT"
    same_as exact zh-CN-ping-001
}

@test "zh-CN-ping-002: github.com, 290 ms" {
    on zh-CN-ping-002 ping --lang zh-CN github.com
    assert_exit 0 "$OUT"
    same_as exact zh-CN-ping-002
}

@test "zh-CN-ping-003: average 8 (33/4), and the redirected form in CP936" {
    on zh-CN-ping-003 ping --lang zh-CN www.baidu.com
    assert_exit 0 "$OUT"
    same_as exact zh-CN-ping-003
    on zh-CN-ping-003 ping --lang zh-CN --crlf www.baidu.com
    exact zh-CN-ping-003 | in_codepage CP936 >"$WANT"
    assert_same_file "$OUT" "$WANT"
    grep -q $'^\r$' "$OUT"
    grep -q $'^\xd5\xfd\xd4\xda Ping www.baidu.com' "$OUT"
}

@test "zh-CN-ping-004: www.python.org" {
    on zh-CN-ping-004 ping --lang zh-CN www.python.org
    assert_exit 0 "$OUT"
    same_as exact zh-CN-ping-004
}

@test "zh-CN-ping-005: the usage text (Windows 10/11), with its empty first and last lines" {
    tool_run ping "$OUT" --lang zh-CN /?
    assert_exit 0 "$OUT"
    { leading_blank zh-CN-ping-005; echo; } >"$WANT"
    assert_same_file "$OUT" "$WANT"
}

@test "zh-CN-ping-006: www.baidu.com, average 27" {
    on zh-CN-ping-006 ping --lang zh-CN www.baidu.com
    assert_exit 0 "$OUT"
    same_as leading_blank zh-CN-ping-006
}

@test "zh-CN-ping-007: four 请求超时。" {
    on timeouts ping --lang zh-CN 192.168.1.1
    assert_exit 1 "$OUT"
    same_as leading_blank zh-CN-ping-007
}

@test "zh-CN-ping-008: a named target that does not answer" {
    on zh-CN-ping-008 ping --lang zh-CN encrypted.google.com
    assert_exit 1 "$OUT"
    same_as exact zh-CN-ping-008
}

@test "zh-CN-ping-009: average 224 (897/4)" {
    on zh-CN-ping-009 ping --lang zh-CN www.github.com.noatnu.studyDoc
    assert_exit 0 "$OUT"
    same_as exact zh-CN-ping-009
}

@test "zh-CN-tracert-001: the two-line header, names, a timeout hop" {
    on zh-CN-tracert-001 tracert --lang zh-CN www.baidu.com
    assert_exit 0 "$OUT"
    same_as exact zh-CN-tracert-001
}

@test "zh-CN-tracert-002: '<1 毫秒' is one character short: what follows starts early" {
    on zh-CN-tracert-002 tracert --lang zh-CN -d www.baidu.com
    assert_exit 0 "$OUT"
    same_as exact zh-CN-tracert-002
}

@test "zh-CN-pathping-002: phase 1 up to the silent hop, then 100 seconds" {
    on zh-CN-pathping-002 pathping --lang zh-CN -q 100 qq.com
    assert_exit 0 "$OUT"
    starts_as exact zh-CN-pathping-002
}

@test "zh-CN-pathping-001: a lost try before hop 5 answers, hop 6 answers only once" {
    on zh-CN-pathping-001 pathping --lang zh-CN www.baidu.com
    assert_exit 0 "$OUT"
    same_as exact zh-CN-pathping-001
}

@test "zh-CN-pathping-001's network in English: the lost try is tracert's 9-column field" {
    on zh-CN-pathping-001 pathping -n www.baidu.com
    assert_exit 0 "$OUT"
    assert_equal "$(sed -n 9p "$OUT")" "  5     *     221.183.47.205"
    assert_equal "$(sed -n 11p "$OUT")" "  7     *        *        *"
    assert_equal "$(sed -n 12p "$OUT")" "Computing statistics for 150 seconds..."
    assert_equal "$(tail -n 1 "$OUT")" "Trace complete."
}

# ---- Japanese ---------------------------------------------------------------

@test "ja-ping-001: 時間 =1ms and 時間 <1ms" {
    on ja-ping-001 ping --lang ja-JP 192.168.1.12
    assert_exit 0 "$OUT"
    same_as exact ja-ping-001
}

@test "ja-ping-002: 10.0.2.6" {
    on ja-ping-002 ping --lang ja-JP 10.0.2.6
    assert_exit 0 "$OUT"
    same_as exact ja-ping-002
}

@test "ja-ping-003: four timeouts" {
    on timeouts ping --lang ja-JP 10.0.2.5
    assert_exit 1 "$OUT"
    same_as exact ja-ping-003
}

@test "ja-ping-004: average 104, and the redirected form in CP932" {
    on ja-ping-004 ping --lang ja-JP 10.0.1.1
    assert_exit 0 "$OUT"
    same_as exact ja-ping-004
    on ja-ping-004 ping --lang ja-JP --crlf 10.0.1.1
    exact ja-ping-004 | in_codepage CP932 >"$WANT"
    assert_same_file "$OUT" "$WANT"
}

@test "ja-ping-005: 127.0.0.1" {
    on pt-BR-ping-008 ping --lang ja-JP 127.0.0.1
    assert_exit 0 "$OUT"
    same_as exact ja-ping-005
}

@test "ja-ping-008: a named target: no space before に" {
    on ja-ping-008 ping --lang ja-JP google.com
    assert_exit 0 "$OUT"
    same_as leading_blank ja-ping-008
}

@test "ja-tracert-001: a named target" {
    on ja-tracert-001 tracert --lang ja-JP apache-svr
    assert_exit 0 "$OUT"
    same_as exact ja-tracert-001
}

@test "ja-tracert-003: the one-line header joined by 。; the name found at hop 4 only" {
    # the target's first reverse lookup fails (reverse_first_lookup = fail)
    on ja-tracert-003 tracert --lang ja-JP 172.16.40.1
    assert_exit 0 "$OUT"
    same_as exact ja-tracert-003
    # with -d, no lookup: no name at hop 4 either
    on ja-tracert-003 tracert --lang ja-JP -d 172.16.40.1
    exact ja-tracert-003 | sed 's/LAPTOP-B \[\(.*\)\]$/\1/' >"$WANT"
    assert_same_file "$OUT" "$WANT"
    # ping -a: its one lookup is the first
    on ja-tracert-003 ping -a -n 1 172.16.40.1
    assert_equal "$(sed -n 2p "$OUT")" "Pinging 172.16.40.1 with 32 bytes of data:"
    # pathping: the header's lookup fails, phase 1's finds the name
    on ja-tracert-003 pathping -q 2 172.16.40.1
    assert_equal "$(sed -n 2p "$OUT")" "Tracing route to 172.16.40.1 over a maximum of 30 hops"
    assert_equal "$(sed -n 7p "$OUT")" "  4  LAPTOP-B [172.16.40.1]"
    # without the key the header has the name
    sed '/^reverse_first_lookup/d' "$LPROFILES/ja-tracert-003.ini" >"$BATS_TEST_TMPDIR/ok.ini"
    tool_run tracert "$OUT" --profile "$BATS_TEST_TMPDIR/ok.ini" --seed 1 -h 1 172.16.40.1
    assert_equal "$(sed -n 2p "$OUT")" "Tracing route to LAPTOP-B [172.16.40.1]"
}

# ---- Korean -----------------------------------------------------------------

@test "ko-ping-001: no space before 바이트, and the redirected form in CP949" {
    on ko-ping-001 ping --lang ko-KR 192.168.0.33
    assert_exit 0 "$OUT"
    same_as exact ko-ping-001
    on ko-ping-001 ping --lang ko-KR --crlf 192.168.0.33
    exact ko-ping-001 | in_codepage CP949 >"$WANT"
    assert_same_file "$OUT" "$WANT"
}

@test "ko-ping-002: average 29" {
    on ko-ping-002 ping --lang ko-KR 8.8.8.8
    assert_exit 0 "$OUT"
    same_as exact ko-ping-002
}

@test "ko-ping-003: a named target, four timeouts" {
    on ko-ping-003 ping --lang ko-KR registry.local
    assert_exit 1 "$OUT"
    same_as leading_blank ko-ping-003
}

@test "ko-ping-005: -f -l 1473 (the source lost the indent of the packets line)" {
    on ko-ping-005 ping --lang ko-KR -f -l 1473 google.com
    assert_exit 1 "$OUT"
    exact ko-ping-005 | sed 's/^패킷: /    패킷: /' >"$WANT"
    assert_same_file "$OUT" "$WANT"
}

@test "ko-tracert-001: the two-line header, (으)로" {
    on ko-tracert-001 tracert --lang ko-KR daum.net
    assert_exit 0 "$OUT"
    same_as exact ko-tracert-001
}

@test "ko-tracert-002: dns.google" {
    on ko-tracert-002 tracert --lang ko-KR dns.google
    assert_exit 0 "$OUT"
    same_as exact ko-tracert-002
}

# ---- Windows versions (English) ---------------------------------------------

@test "ping-023: --windows 7: 'Bad option', two empty lines, the Windows 7 usage" {
    tool_run ping "$OUT" --windows 7 -d
    assert_exit 1 "$OUT"
    # The Go raw string began with a newline of its own: not ping's.
    sed 1d "$EXPECTED/ping-023.txt" >"$WANT"
    assert_same_file "$OUT" "$WANT"
}

@test "--windows xp: an empty line after 'Pinging ...' (windows-output.md, ping-016)" {
    on fr-ping-001 ping --windows xp -n 1 1.1.1.1
    assert_exit 0 "$OUT"
    assert_equal "$(sed -n 2p "$OUT")" "Pinging 1.1.1.1 with 32 bytes of data:"
    assert_equal "$(sed -n 3p "$OUT")" ""
    assert_equal "$(sed -n 4p "$OUT")" "Reply from 1.1.1.1: bytes=32 time=91ms TTL=55"
    on fr-ping-001 ping --windows 10 -n 1 1.1.1.1
    cp "$OUT" "$WANT"
    on fr-ping-001 ping -n 1 1.1.1.1
    assert_same_file "$OUT" "$WANT"
}

# ---- the profiles, the options ----------------------------------------------

@test "the profiles are what make-profiles.sh writes from captures.spec" {
    mkdir "$BATS_TEST_TMPDIR/gen"
    sh "$LPROFILES/make-profiles.sh" "$BATS_TEST_TMPDIR/gen"
    local f
    for f in "$BATS_TEST_TMPDIR"/gen/*.ini; do
        assert_same_file "$f" "$LPROFILES/$(basename "$f")"
    done
    [ "$(ls "$BATS_TEST_TMPDIR"/gen/*.ini | wc -l)" = "$(ls "$LPROFILES"/*.ini | wc -l)" ]
}

@test "NETMIMIC_LANG and NETMIMIC_WINDOWS; the command line wins; empty is ignored" {
    NETMIMIC_LANG=fr-FR NETMIMIC_WINDOWS=11 on fr-ping-003 ping b2.hello.vous
    assert_exit 0 "$OUT"
    same_as exact fr-ping-003
    NETMIMIC_LANG=de-DE on fr-ping-003 ping --lang fr-FR --windows=11 b2.hello.vous
    same_as exact fr-ping-003
    NETMIMIC_LANG= tool_run ping "$OUT" -?
    assert_exit 0 "$OUT"
    head -n 2 "$OUT" | tail -n 1 | grep -q '^Usage: ping '
}

@test "--lang=en-US is the default: the same bytes as without it" {
    on fr-ping-001 ping 1.1.1.1
    cp "$OUT" "$WANT"
    on fr-ping-001 ping --lang=en-US 1.1.1.1
    assert_same_file "$OUT" "$WANT"
    grep -q '^Reply from 1.1.1.1: bytes=32 time=91ms TTL=55$' "$OUT"
}

@test "usage and option errors are in the language too (the writer opens before parsing)" {
    tool_run ping "$OUT" --lang zh-CN -d 2>/dev/null
    assert_exit 1 "$OUT"
    head -n 1 "$OUT" | grep -qx '选项 -d 不正确。'
    sed -n 3p "$OUT" | grep -q '^用法: ping '
}

@test "--encoding oem writes the console form in the code page; utf-8 the redirected form in UTF-8" {
    on ru-ping-001 ping --lang ru-RU --encoding oem yandex.ru
    assert_exit 0 "$OUT"
    tr -d '\r' <"$EXPECTED/ru-ping-001.cp866.txt" >"$WANT"
    assert_same_file "$OUT" "$WANT"
    on ru-ping-001 ping --lang ru-RU --crlf --encoding=utf-8 yandex.ru
    assert_same_file "$OUT" "$EXPECTED/ru-ping-001.txt"
}

@test "bad --lang, --encoding, --windows: one line on stderr, nothing on stdout, exit 2" {
    local args
    for args in "--lang de" "--lang=DE-de" "--encoding cp850" "--windows 8" "--windows=XP" \
        "--lang"; do
        # shellcheck disable=SC2086
        tool_run ping "$OUT" $args 10.0.0.1
        assert_equal "$status" 2
        [ ! -s "$OUT" ]
        [ "$(wc -l <"$OUT.err")" = 1 ]
    done
    tool_run tracert "$OUT" --lang xx-XX 10.0.0.1
    assert_equal "$(cat "$OUT.err")" \
        "tracert: --lang: no language 'xx-XX' (en-US de-DE es-ES fr-FR ja-JP ko-KR pt-BR ru-RU zh-CN)"
    tool_run pathping "$OUT" --encoding latin1 10.0.0.1
    assert_equal "$(cat "$OUT.err")" "pathping: --encoding: 'latin1' is not utf-8 or oem"
    NETMIMIC_WINDOWS=vista tool_run ping "$OUT" 10.0.0.1
    # the variable that gave the value is named (issue 12)
    assert_equal "$(cat "$OUT.err")" "ping: NETMIMIC_WINDOWS: 'vista' is not 11, 10, 7 or xp"
}
