#!/usr/bin/env bats
# locale.bats - localized Windows (--lang): the captures of
# ../shared/corpus-locale rated ok or minor are reproduced byte for byte.
#
# tests/expected/locale/NAME.txt is ../shared/corpus-locale/NAME.txt minus its
# "# source:" line (tail -n +2), verbatim; the repairs of documented damage
# (a leading empty line the source did not show, a final newline, a cut) are
# made here, by lib/captures.bash's helpers, and listed in tests/expected/locale/SOURCES.
# tests/profiles/locale/NAME.ini (written by make-profiles.sh from
# captures.spec) pins every value shown: chains of routers, links of latency
# 0, replay() reply delays.  The console form is compared for every capture;
# the redirected form, in the console's OEM code page, for some: the Russian
# ru-ping-001/002 are byte-exact CP866 references, the others are the
# capture turned into the code page by iconv.

load lib/common
load lib/locale
load lib/cases
load lib/captures

# A test is a table: each case a run (or a few) compared with its capture,
# a comment saying what it shows (lib/captures.bash; the captures' forms:
# exact, leading_blank, ...).  A case that fails names itself and the
# later ones still run; cases_ok fails the test then.
teardown() { cases_ok; }

# The captures that need a model feature besides the chains of
# make-profiles.sh: their profiles are written by hand, in
# tests/profiles/locale-model/.
MPROFILES=$TEST_PROFILES/locale-model

# ---- German -----------------------------------------------------------------

@test "German: the captures, a case each" {
    # de-ping-002: a named target, the packets line on two lines
    same_capture de-ping-002 exact 0 de-ping-002 ping --lang de-DE -4 example.com
    # de-ping-002, redirected: CRLF and CP850 (ü is 0x81)
    run_case "de-ping-002 redirected" 0 de-ping-002 ping --lang de-DE --crlf -4 example.com
    capture de-ping-002 exact && got_in_codepage CP850
    got_has $'*ausgef\x81hrt f\x81r*'
    # de-ping-003: www.google.at, average truncated
    same_capture de-ping-003 exact 0 de-ping-003 ping --lang de-DE www.google.at
    # de-ping-004: Zeit<1ms
    same_capture de-ping-004 leading_blank 0 de-ping-004 ping --lang de-DE 192.168.100.2
    # de-ping-005: average 9 of 15, 7, 7, 7
    same_capture de-ping-005 leading_blank 0 de-ping-005 ping --lang de-DE 192.168.23.133
    # de-ping-008: -r: the route's layout, 11 blanks under 'Route: ' (the model records the destination once)
    run_case "de-ping-008 layout" 0 de-ping-009 ping --lang de-DE -n 1 -r 4 134.108.190.10
    # Windows records the destination twice (arriving and leaving).
    capture de-ping-008 leading_blank && drop_line 5 && got_is
    # de-ping-010: -s: the timestamps' layout, 15 blanks under 'Zeitstempel: '
    run_case "de-ping-010 layout" 0 de-ping-009 ping --lang de-DE -n 1 -s 4 134.108.190.10
    # The times are the run's (the capture's go back in time, from the clocks
    # of different hosts); the destination is recorded once, as for -r.
    capture de-ping-010 leading_blank && drop_line 5 &&
        got_is_shaped -E -e 's/ : [0-9]+( ->)?$/ : T\1/' -e 's/Zeit=[0-9]+ms/Zeit=Nms/' \
            -e 's/(Minimum|Maximum|Mittelwert) = [0-9]+ms/\1 = Nms/g'
    # de-ping-009: TTL expired in transit, counted as received, no round-trip lines
    same_capture de-ping-009 leading_blank 0 de-ping-009 ping --lang de-DE -n 1 -i 1 134.108.190.10
    # When no echo left the PC, German ends the packets line without its comma
    # (de-DE.msg, ping.stats.packets.unsent); after replies it has one.
    # de-ping-007 (same lab as 011): -f -l 2000, refused on the PC: (100% Verlust) without a comma
    same_capture de-ping-007 exact 1 de-ping-011 ping --lang de-DE -n 1 -l 2000 -f 192.168.31.16
    run_case "de-ping-011 -n 1" 0 de-ping-011 ping --lang de-DE -n 1 192.168.31.16
    got_line 7 "    (0% Verlust),"
    # de-ping-008: -r, a Linux target records its address on arrival and on reply
    same_capture de-ping-008 leading_blank 0 "$MPROFILES/de-ping-008.ini" ping --lang de-DE -n 1 \
        -r 9 134.108.190.10
    # de-ping-010: -s, the run's time of day and each device's clock
    same_capture de-ping-010 leading_blank 0 "$MPROFILES/de-ping-010.ini" ping --lang de-DE -n 1 \
        -s 4 134.108.190.10
    # ru-tracert-003: -d, a destination NAT shows the target at hops 19 and 20
    same_capture ru-tracert-003 exact 0 "$MPROFILES/ru-tracert-003.ini" tracert --lang ru-RU \
        -d 185.73.194.82
    # de-ping-011: -n 2 (the source's extra empty line at the end is not ping's)
    run_case de-ping-011 0 de-ping-011 ping --lang de-DE -n 2 192.168.31.16
    capture de-ping-011 leading_blank && drop_line '$' && got_is
    # de-ping-014: cut after the fourth reply
    cut_capture de-ping-014 exact 0 de-ping-014 ping --lang de-DE -4 smtp.1und1.de
    # de-tracert-001: 25 hops, lost probes, a timeout hop, names
    same_capture de-tracert-001 leading_blank 0 de-tracert-001 tracert --lang de-DE www.anu.edu.au
    # de-tracert-003: the hop lines' trailing blanks in the redirected form
    run_case de-tracert-003 0 de-tracert-003 tracert --lang de-DE google.com
    capture de-tracert-003 leading_blank && unblank && got_is
    run_case "de-tracert-003 redirected" 0 de-tracert-003 tracert --lang de-DE --crlf --encoding utf-8 google.com
    NM_GOT=${NM_GOT//$'\r'/}
    capture de-tracert-003 leading_blank && got_is
}

# ---- French -----------------------------------------------------------------

@test "French: the captures, a case each" {
    # fr-ping-001: plain spaces before the colons (Windows 11, 2023)
    same_capture fr-ping-001 exact 0 fr-ping-001 ping --lang fr-FR 1.1.1.1
    # fr-ping-002: temps=3 ms with a space
    same_capture fr-ping-002 exact 0 fr-ping-002 ping --lang fr-FR 10.10.10.33
    # fr-ping-003: --windows 11: no-break spaces before three colons, not the fourth
    same_capture fr-ping-003 exact 0 fr-ping-003 ping --lang fr-FR --windows 11 b2.hello.vous
    got_count $'*\xc2\xa0:*' 6
    # fr-ping-003, redirected: CP850, the no-break space is 0xFF, U+2019 is '
    run_case "fr-ping-003 redirected" 0 fr-ping-003 ping --lang fr-FR --windows 11 --crlf b2.hello.vous
    capture fr-ping-003 exact && got_in_codepage CP850
    got_has $'Envoi d\x27une requ\x88te \x27ping\x27 sur b2.hello.vous \\[1.1.1.1\\] avec 32 octets de donn\x82es\xff:\r'
    # fr-ping-004: average 11
    same_capture fr-ping-004 exact 0 fr-ping-004 ping --lang fr-FR 172.20.10.13
    # fr-ping-005: two timeouts, two host unreachable, received 2
    same_capture fr-ping-005 exact 0 fr-ping-005 ping --lang fr-FR 172.20.10.14
    # fr-ping-007: four timeouts, exit 1
    same_capture fr-ping-007 exact 1 timeouts ping --lang fr-FR 10.33.79.254
    # fr-ping-008: unknown host, one line
    same_capture fr-ping-008 exact 1 fr-ping-001 ping --lang fr-FR -4 -n 1 www.bfmtv.com
    # fr-tracert-002: an address: one line ending in a period; 30 timeout hops
    same_capture fr-tracert-002 exact 0 fr-tracert-002 tracert --lang fr-FR 10.10.10.34
    # fr-tracert-003: --windows 11: a no-break space in 'sauts :' (cut after hop 8)
    cut_capture fr-tracert-003 exact 0 fr-tracert-003 tracert --lang fr-FR --windows 11 -d www.ynov.com
}

# ---- Spanish ----------------------------------------------------------------

@test "Spanish: the captures, a case each" {
    # es-ping-002: a named target
    same_capture es-ping-002 leading_blank 0 es-ping-002 ping --lang es-ES clarin.com
    # es-ping-003: tiempo<1m
    same_capture es-ping-003 leading_blank 0 es-ping-003 ping --lang es-ES miguel-dev.local
    # es-ping-004: --windows xp: an empty line after the header, no comma
    same_capture es-ping-004 leading_blank 1 timeouts ping --lang es-ES --windows xp 192.168.0.1
    # es-ping-006: four host unreachable, counted as received
    same_capture es-ping-006 exact 0 es-ping-006 ping --lang es-ES 10.27.146.3
    # es-ping-007: four timeouts
    same_capture es-ping-007 exact 1 timeouts ping --lang es-ES 10.27.146.5
    # es-ping-008: average 91
    same_capture es-ping-008 exact 0 es-ping-008 ping --lang es-ES 10.27.146.2
    # es-ping-009: TTL expired (a quote: no leading empty line, cut after the fourth reply, one trailing blank of its own)
    run_case es-ping-009 0 es-ping-009 ping --lang es-ES -i 1 proxy.mdp.edu.ar
    capture es-ping-009 leading_blank && unblank one && got_starts
    # es-tracert-001: timeout hops, a named last hop
    same_capture es-tracert-001 exact 0 es-tracert-001 tracert --lang es-ES tokioschool.com
    # es-tracert-002: the hop lines' trailing blanks in the redirected form, CP850
    run_case es-tracert-002 0 es-tracert-002 tracert --lang es-ES www.google.com
    capture es-tracert-002 exact && unblank && got_is
    run_case "es-tracert-002 redirected" 0 es-tracert-002 tracert --lang es-ES --crlf www.google.com
    capture es-tracert-002 exact && got_in_codepage CP850
}

# ---- Portuguese (Brazil) ----------------------------------------------------

@test "Portuguese (Brazil): the captures, a case each" {
    # pt-BR-ping-001: the packets line wrapped, 13 blanks before 'perda)'
    same_capture pt-BR-ping-001 exact 0 pt-BR-ping-001 ping --lang pt-BR 10.140.129.1
    # pt-BR-ping-002: 8.8.8.8
    same_capture pt-BR-ping-002 exact 0 pt-BR-ping-002 ping --lang pt-BR 8.8.8.8
    # pt-BR-ping-004: unknown host, one line (the source's break after 'tente' is the console's)
    run_case pt-BR-ping-004 1 pt-BR-ping-001 ping --lang pt-BR teste.monitoramento.lan
    capture pt-BR-ping-004 exact && join_lines && got_is
    # pt-BR-ping-008: 127.0.0.1, tempo<1ms
    same_capture pt-BR-ping-008 leading_blank_final_newline 0 pt-BR-ping-008 ping --lang pt-BR -n 4 127.0.0.1
    # pt-BR-ping-009: four timeouts, the wrap inside '(100% de' / 'perda),'
    same_capture pt-BR-ping-009 leading_blank_final_newline 1 timeouts ping --lang pt-BR 8.8.8.8
    # pt-BR-tracert-002: -d -h 15: the one-line header without a colon
    same_capture pt-BR-tracert-002 leading_blank_final_newline 0 pt-BR-tracert-002 tracert --lang pt-BR -d -h 15 10.113.96.148
}

# ---- Russian ----------------------------------------------------------------

@test "Russian: the captures, a case each" {
    # ru-ping-001: console form (the capture's CRLF made LF)
    run_case ru-ping-001 0 ru-ping-001 ping --lang ru-RU yandex.ru
    capture ru-ping-001 exact && drop_cr && got_is
    # ru-ping-001: redirected form: the 511 CP866 bytes ping.exe wrote
    run_case "ru-ping-001 redirected" 0 ru-ping-001 ping --lang ru-RU --crlf yandex.ru
    slurp "$EXPECTED/ru-ping-001.cp866.txt" && got_is
    # ru-ping-002: redirected form: the 529 CP866 bytes ping.exe wrote
    run_case "ru-ping-002 redirected" 0 ru-ping-002 ping --lang ru-RU --crlf youtube.com
    slurp "$EXPECTED/ru-ping-002.cp866.txt" && got_is
    run_case ru-ping-002 0 ru-ping-002 ping --lang ru-RU youtube.com
    capture ru-ping-002 exact && drop_cr && got_is
    # ru-ping-003: an address: 'по с' in the header
    same_capture ru-ping-003 leading_blank_final_newline 0 ru-ping-003 ping --lang ru-RU 8.8.8.8
    # ru-ping-005: время<1мс, 0мсек and 0 мсек
    same_capture ru-ping-005 exact 0 ru-ping-005 ping --lang ru-RU 10.10.10.1
    # ru-ping-007: -n 2, two timeouts, no comma after (100% потерь)
    same_capture ru-ping-007 final_newline 1 timeouts ping --lang ru-RU -n 2 128.1.0.1
    # ru-ping-008: the TTL-expired line
    run_case ru-ping-008 0 ru-ping-008 ping --lang ru-RU -n 1 -i 1 172.26.160.200
    capture ru-ping-008 exact && got_line 3 "${REPLY%$'\n'}"
    # ru-tracert-002: lost probes, 1519 ms (cut after hop 24)
    cut_capture ru-tracert-002 exact 0 ru-tracert-002 tracert --lang ru-RU dns.google
}

# ---- Chinese (Simplified) ---------------------------------------------------

@test "Chinese (Simplified): the captures, a case each" {
    # zh-CN-ping-001: a name from the hosts file, 时间<1ms
    same_capture zh-CN-ping-001 exact 0 zh-CN-ping-001 ping --lang zh-CN cent01
    # zh-CN-ping-002: github.com, 290 ms
    same_capture zh-CN-ping-002 exact 0 zh-CN-ping-002 ping --lang zh-CN github.com
    # zh-CN-ping-003: average 8 (33/4), and the redirected form in CP936
    same_capture zh-CN-ping-003 exact 0 zh-CN-ping-003 ping --lang zh-CN www.baidu.com
    run_case "zh-CN-ping-003 redirected" 0 zh-CN-ping-003 ping --lang zh-CN --crlf www.baidu.com
    capture zh-CN-ping-003 exact && got_in_codepage CP936
    got_has $'\r'
    got_has $'\xd5\xfd\xd4\xda Ping www.baidu.com*'
    # zh-CN-ping-004: www.python.org
    same_capture zh-CN-ping-004 exact 0 zh-CN-ping-004 ping --lang zh-CN www.python.org
    # zh-CN-ping-005: the usage text (Windows 10/11), with its empty first and last lines
    same_capture zh-CN-ping-005 leading_blank_final_newline 0 - ping --lang zh-CN '/?'
    # zh-CN-ping-006: www.baidu.com, average 27
    same_capture zh-CN-ping-006 leading_blank 0 zh-CN-ping-006 ping --lang zh-CN www.baidu.com
    # zh-CN-ping-007: four 请求超时。
    same_capture zh-CN-ping-007 leading_blank 1 timeouts ping --lang zh-CN 192.168.1.1
    # zh-CN-ping-008: a named target that does not answer
    same_capture zh-CN-ping-008 exact 1 zh-CN-ping-008 ping --lang zh-CN encrypted.google.com
    # zh-CN-ping-009: average 224 (897/4)
    same_capture zh-CN-ping-009 exact 0 zh-CN-ping-009 ping --lang zh-CN www.github.com.noatnu.studyDoc
    # zh-CN-tracert-001: the two-line header, names, a timeout hop
    same_capture zh-CN-tracert-001 exact 0 zh-CN-tracert-001 tracert --lang zh-CN www.baidu.com
    # zh-CN-tracert-002: '<1 毫秒' is one character short: what follows starts early
    same_capture zh-CN-tracert-002 exact 0 zh-CN-tracert-002 tracert --lang zh-CN -d www.baidu.com
    # zh-CN-pathping-002: phase 1 up to the silent hop, then 100 seconds
    cut_capture zh-CN-pathping-002 exact 0 zh-CN-pathping-002 pathping --lang zh-CN -q 100 qq.com
    # zh-CN-pathping-001: a lost try before hop 5 answers, hop 6 answers only once
    same_capture zh-CN-pathping-001 exact 0 zh-CN-pathping-001 pathping --lang zh-CN www.baidu.com
    # zh-CN-pathping-001's network in English: the lost try is tracert's 9-column field
    run_case "zh-CN-pathping-001 in English" 0 zh-CN-pathping-001 pathping -n www.baidu.com
    got_line 9 "  5     *     221.183.47.205"
    got_line 11 "  7     *        *        *"
    got_line 12 "Computing statistics for 150 seconds..."
    got_line -1 "Trace complete."
}

# ---- Japanese ---------------------------------------------------------------

@test "Japanese: the captures, a case each" {
    # ja-ping-001: 時間 =1ms and 時間 <1ms
    same_capture ja-ping-001 exact 0 ja-ping-001 ping --lang ja-JP 192.168.1.12
    # ja-ping-002: 10.0.2.6
    same_capture ja-ping-002 exact 0 ja-ping-002 ping --lang ja-JP 10.0.2.6
    # ja-ping-003: four timeouts
    same_capture ja-ping-003 exact 1 timeouts ping --lang ja-JP 10.0.2.5
    # ja-ping-004: average 104, and the redirected form in CP932
    same_capture ja-ping-004 exact 0 ja-ping-004 ping --lang ja-JP 10.0.1.1
    run_case "ja-ping-004 redirected" 0 ja-ping-004 ping --lang ja-JP --crlf 10.0.1.1
    capture ja-ping-004 exact && got_in_codepage CP932
    # ja-ping-005: 127.0.0.1
    same_capture ja-ping-005 exact 0 pt-BR-ping-008 ping --lang ja-JP 127.0.0.1
    # ja-ping-008: a named target: no space before に
    same_capture ja-ping-008 leading_blank 0 ja-ping-008 ping --lang ja-JP google.com
    # ja-tracert-001: a named target
    same_capture ja-tracert-001 exact 0 ja-tracert-001 tracert --lang ja-JP apache-svr
    # ja-tracert-003: the one-line header joined by 。; the name found at hop 4 only
    # the target's first reverse lookup fails (reverse_first_lookup = fail)
    same_capture ja-tracert-003 exact 0 ja-tracert-003 tracert --lang ja-JP 172.16.40.1
    # with -d, no lookup: no name at hop 4 either
    run_case "ja-tracert-003 -d" 0 ja-tracert-003 tracert --lang ja-JP -d 172.16.40.1
    capture ja-tracert-003 exact && unname LAPTOP-B && got_is
    # ping -a: its one lookup is the first
    run_case "ja-tracert-003 ping -a" 0 ja-tracert-003 ping -a -n 1 172.16.40.1
    got_line 2 "Pinging 172.16.40.1 with 32 bytes of data:"
    # pathping: the header's lookup fails, phase 1's finds the name
    run_case "ja-tracert-003 pathping" 0 ja-tracert-003 pathping -q 2 172.16.40.1
    got_line 2 "Tracing route to 172.16.40.1 over a maximum of 30 hops"
    got_line 7 "  4  LAPTOP-B [172.16.40.1]"
    # without the key the header has the name
    without_lines reverse_first_lookup "$LPROFILES/ja-tracert-003.ini" "$BATS_TEST_TMPDIR/ok.ini"
    run_case "ja-tracert-003 found" 0 "$BATS_TEST_TMPDIR/ok.ini" tracert -h 1 172.16.40.1
    got_line 2 "Tracing route to LAPTOP-B [172.16.40.1]"
}

# ---- Korean -----------------------------------------------------------------

@test "Korean: the captures, a case each" {
    # ko-ping-001: no space before 바이트, and the redirected form in CP949
    same_capture ko-ping-001 exact 0 ko-ping-001 ping --lang ko-KR 192.168.0.33
    run_case "ko-ping-001 redirected" 0 ko-ping-001 ping --lang ko-KR --crlf 192.168.0.33
    capture ko-ping-001 exact && got_in_codepage CP949
    # ko-ping-002: average 29
    same_capture ko-ping-002 exact 0 ko-ping-002 ping --lang ko-KR 8.8.8.8
    # ko-ping-003: a named target, four timeouts
    same_capture ko-ping-003 leading_blank 1 ko-ping-003 ping --lang ko-KR registry.local
    # ko-ping-005: -f -l 1473 (the source lost the indent of the packets line)
    run_case ko-ping-005 1 ko-ping-005 ping --lang ko-KR -f -l 1473 google.com
    capture ko-ping-005 exact && sub_line_start '패킷: ' '    패킷: ' && got_is
    # ko-tracert-001: the two-line header, (으)로
    same_capture ko-tracert-001 exact 0 ko-tracert-001 tracert --lang ko-KR daum.net
    # ko-tracert-002: dns.google
    same_capture ko-tracert-002 exact 0 ko-tracert-002 tracert --lang ko-KR dns.google
}

# ---- Windows versions (English) ---------------------------------------------

@test "English, the Windows versions: the captures, a case each" {
    # ping-023: --windows 7: 'Bad option', two empty lines, the Windows 7 usage
    run_case ping-023 1 - ping --windows 7 -d
    # The Go raw string began with a newline of its own: not ping's.
    slurp "$EXPECTED/ping-023.txt" && drop_line 1 && got_is
    # --windows xp: an empty line after 'Pinging ...' (windows-output.md, ping-016)
    run_case "ping-016 --windows xp" 0 fr-ping-001 ping --windows xp -n 1 1.1.1.1
    got_line 2 "Pinging 1.1.1.1 with 32 bytes of data:"
    got_line 3 ""
    got_line 4 "Reply from 1.1.1.1: bytes=32 time=91ms TTL=55"
    # --windows 10 is the default
    run_case "--windows 10" 0 fr-ping-001 ping --windows 10 -n 1 1.1.1.1
    local w10=$NM_GOT
    run_case "no --windows" 0 fr-ping-001 ping -n 1 1.1.1.1
    REPLY=$w10
    got_is
}

# ---- the profiles, the options ----------------------------------------------

@test "the profiles are what make-profiles.sh writes from captures.spec" {
    mkdir "$BATS_TEST_TMPDIR/gen"
    sh "$LPROFILES/make-profiles.sh" "$BATS_TEST_TMPDIR/gen"
    same_files "$BATS_TEST_TMPDIR/gen" "$LPROFILES"
}

@test "NETMIMIC_LANG and NETMIMIC_WINDOWS; the command line wins; empty is ignored" {
    NETMIMIC_LANG=fr-FR NETMIMIC_WINDOWS=11 same_capture fr-ping-003 exact 0 fr-ping-003 ping b2.hello.vous
    NETMIMIC_LANG=de-DE same_capture fr-ping-003 exact 0 fr-ping-003 ping --lang fr-FR --windows=11 \
        b2.hello.vous
    NETMIMIC_LANG= run_case "empty NETMIMIC_LANG" 0 - ping '-?'
    got_line_like 2 'Usage: ping *'
}

@test "--lang=en-US is the default: the same bytes as without it" {
    run_case "no --lang" 0 fr-ping-001 ping 1.1.1.1
    local plain=$NM_GOT
    run_case "--lang=en-US" 0 fr-ping-001 ping --lang=en-US 1.1.1.1
    REPLY=$plain
    got_is
    got_has 'Reply from 1.1.1.1: bytes=32 time=91ms TTL=55'
}

@test "usage and option errors are in the language too (the writer opens before parsing)" {
    run_case "zh-CN -d" 1 - ping --lang zh-CN -d
    got_line 1 '选项 -d 不正确。'
    got_line_like 3 '用法: ping *'
}

@test "--encoding oem writes the console form in the code page; utf-8 the redirected form in UTF-8" {
    run_case "--encoding oem" 0 ru-ping-001 ping --lang ru-RU --encoding oem yandex.ru
    slurp "$EXPECTED/ru-ping-001.cp866.txt" && drop_cr && got_is
    run_case "--encoding=utf-8" 0 ru-ping-001 ping --lang ru-RU --crlf --encoding=utf-8 yandex.ru
    slurp "$EXPECTED/ru-ping-001.txt" && got_is
}

@test "bad --lang, --encoding, --windows: one line on stderr, nothing on stdout, exit 2" {
    bad_option "--lang de" '' ping --lang de 10.0.0.1
    bad_option "--lang=DE-de" '' ping --lang=DE-de 10.0.0.1
    bad_option "--encoding cp850" '' ping --encoding cp850 10.0.0.1
    bad_option "--windows 8" '' ping --windows 8 10.0.0.1
    bad_option "--windows=XP" '' ping --windows=XP 10.0.0.1
    bad_option "--lang" '' ping --lang 10.0.0.1
    bad_option "--lang xx-XX" \
        "tracert: --lang: no language 'xx-XX' (en-US de-DE es-ES fr-FR ja-JP ko-KR pt-BR ru-RU zh-CN)" \
        tracert --lang xx-XX 10.0.0.1
    bad_option "--encoding latin1" "pathping: --encoding: 'latin1' is not utf-8 or oem" \
        pathping --encoding latin1 10.0.0.1
    # the variable that gave the value is named (issue 12)
    NETMIMIC_WINDOWS=vista bad_option "NETMIMIC_WINDOWS=vista" \
        "ping: NETMIMIC_WINDOWS: 'vista' is not 11, 10, 7 or xp" ping 10.0.0.1
}
