#!/usr/bin/env bats
# locale-ipv6.bats - localized Windows over IPv6.
#
# The IPv6 captures of ../shared/corpus-locale rated ok or minor are
# reproduced byte for byte, as tests/locale.bats does for the IPv4 ones:
# tests/expected/locale/NAME.txt is the capture minus its "# source:" line,
# the repairs of documented damage are made here and listed in
# tests/expected/locale/SOURCES, and tests/profiles/locale/NAME.ini
# (make-profiles.sh, from captures.spec) is an IPv6 chain pinning every
# value shown.
#
# Then ping's IPv6 forms in every language, over the dual-stack chain
# (tests/profiles/ipv6/chain.ini: srv answers in 13.5 ms, ::1 in less than
# 1 ms).  Where a localized IPv6 capture exists the expected line is that
# capture's form with this run's address and time (the file named on each
# row); the other rows (texts marked unconfirmed in their catalogue, listed
# in the man pages) only check that a reply line naming the address is
# printed, not its wording.

load lib/common
load lib/locale

CHAIN=$TEST_PROFILES/ipv6/chain.ini

# same_as NAME: the output is the capture NAME, verbatim.
same_as() {
    assert_same_file "$OUT" "$EXPECTED/$1.txt"
}

# The redirected form of a console-form file on stdin, in code page CP:
# CRLF line ends and the text in the code page.
in_codepage() {
    sed 's/$/\r/' | iconv -f UTF-8 -t "$1"
}

# ---- the captures -----------------------------------------------------------

@test "de-ping-001: ping example.com -6: Antwort von X: Zeit=23ms, no Bytes= or TTL=" {
    on de-ping-001 ping --lang de-DE example.com -6
    assert_exit 0 "$OUT"
    same_as de-ping-001
}

@test "de-ping-015: -S, the IPv6 source in the header (von ...); the leading empty line restored" {
    on de-ping-015 ping --lang de-DE -S 3001:4cb0:0:f282:ddf1:bec9:1e0:bfa9 google.de
    assert_exit 0 "$OUT"
    { echo; cat "$EXPECTED/de-ping-015.txt"; } >"$WANT"
    assert_same_file "$OUT" "$WANT"
}

@test "fr-ping-006: a named IPv6 target, temps=52 ms (the 2023 build's plain spaces)" {
    on fr-ping-006 ping --lang fr-FR google.com
    assert_exit 0 "$OUT"
    same_as fr-ping-006
}

@test "pt-BR-ping-005: an IPv6 literal, the packets line wrapped after 'de'" {
    on pt-BR-ping-005 ping --lang pt-BR 2001::11
    assert_exit 0 "$OUT"
    same_as pt-BR-ping-005
}

@test "pt-BR-ping-006: a named IPv6 target" {
    on pt-BR-ping-006 ping --lang pt-BR youtube.com
    assert_exit 0 "$OUT"
    same_as pt-BR-ping-006
}

@test "pt-BR-tracert-001: IPv6 hops, three silent ones, one answering once" {
    on pt-BR-tracert-001 tracert --lang pt-BR youtube.com
    assert_exit 0 "$OUT"
    same_as pt-BR-tracert-001
}

@test "pt-BR-tracert-001, redirected: CRLF, CP850, the hop lines' trailing blank" {
    on pt-BR-tracert-001 tracert --lang pt-BR --crlf youtube.com
    assert_exit 0 "$OUT"
    # A hop line ends with a blank in the redirected form, a timeout line
    # does not (de-tracert-003, es-tracert-002: SOURCES).
    sed -E 's/^( +[0-9]+ .*[0-9a-f:]+)$/\1 /' "$EXPECTED/pt-BR-tracert-001.txt" |
        in_codepage CP850 >"$WANT"
    assert_same_file "$OUT" "$WANT"
    grep -q $'conclu\xa1do\\.\r$' "$OUT"
}

@test "ru-ping-004: an IPv6 literal: время=58мс, (0% потерь) without a comma" {
    on ru-ping-004 ping --lang ru-RU 2001:db8:acad:3::1
    assert_exit 0 "$OUT"
    same_as ru-ping-004
}

@test "ru-ping-004, redirected: CRLF, CP866, the IPv6 reply lines' trailing blank" {
    on ru-ping-004 ping --lang ru-RU --crlf 2001:db8:acad:3::1
    assert_exit 0 "$OUT"
    # An IPv6 reply line ends with a blank in the redirected form
    # (../shared/docs/windows-output.md section 4).
    sed -E 's/^(Ответ от .*мс)$/\1 /' "$EXPECTED/ru-ping-004.txt" | in_codepage CP866 >"$WANT"
    assert_same_file "$OUT" "$WANT"
    grep -q $'^\x8e\xe2\xa2\xa5\xe2 \xae\xe2 2001:db8:acad:3::1: ' "$OUT"
}

@test "ja-tracert-004: tracert -h 10 to an IPv6 literal: the one-line header joined by 。" {
    on ja-tracert-004 tracert --lang ja-JP -h 10 2606:4700:4700::1111
    assert_exit 0 "$OUT"
    same_as ja-tracert-004
}

@test "ja-ping-007, its first capture: ping -n 1 of an IPv6 resolver, 時間 =19ms" {
    on ja-ping-007 ping --lang ja-JP -n 1 2606:4700:4700::1111
    assert_exit 0 "$OUT"
    same_as ja-ping-007
}

@test "ja-ping-007, its second capture: ping -n 1 of an IPv6 address that never answers, no round-trip block" {
    on ja-ping-007-loss ping --lang ja-JP -n 1 2001:db8::1
    assert_exit 1 "$OUT"
    same_as ja-ping-007-loss
}

@test "zh-CN-ping-010 (Windows 7): a name on the LAN, its link-local address with the zone %12" {
    on zh-CN-ping-010 ping --lang zh-CN --windows 7 TC
    assert_exit 0 "$OUT"
    same_as zh-CN-ping-010
    # the zone is the PC's interface index (eth0%12), not its place (1)
    sed 's/^interfaces = eth0%12 /interfaces = eth0 /' "$LPROFILES/zh-CN-ping-010.ini" \
        >"$BATS_TEST_TMPDIR/place.ini"
    tool_run ping "$OUT" --profile "$BATS_TEST_TMPDIR/place.ini" --seed 1 -n 1 TC
    assert_equal "$(sed -n 3p "$OUT")" "Reply from fe80::f8da:96d0:e61d:d7b7%1: time<1ms"
}

# ---- the forms in every language --------------------------------------------

# LANG ping-line-3 [capture]
reply_rows() {
    cat <<'ROWS'
en-US|Reply from 2001:db8:2::80: time=13ms|ping-018
de-DE|Antwort von 2001:db8:2::80: Zeit=13ms|de-ping-001
fr-FR|Réponse de 2001:db8:2::80 : temps=13 ms|fr-ping-006
pt-BR|Resposta de 2001:db8:2::80: tempo=13ms|pt-BR-ping-005
ru-RU|Ответ от 2001:db8:2::80: время=13мс|ru-ping-004
ROWS
}

@test "IPv6 replies in the languages whose captures show them" {
    local lang want src
    while IFS='|' read -r lang want src; do
        tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$CHAIN" --lang "$lang" -n 1 srv.example.net
        assert_exit 0 "$BATS_TEST_TMPDIR/out"
        assert_equal "$(sed -n 3p "$BATS_TEST_TMPDIR/out")" "$want"
    done < <(reply_rows)
}

@test "IPv6 sub-millisecond replies: zh-CN as zh-CN-ping-010, es-ES as INDEX.md's parser fixture" {
    tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$CHAIN" --lang zh-CN -n 1 ::1
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_equal "$(sed -n 3p "$BATS_TEST_TMPDIR/out")" "来自 ::1 的回复: 时间<1ms"
    tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$CHAIN" --lang es-ES -n 1 ::1
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_equal "$(sed -n 3p "$BATS_TEST_TMPDIR/out")" "Respuesta desde ::1: tiempo<1m"
}

@test "IPv6 replies and General failure. in every language (unconfirmed texts: printed, not compared)" {
    local lang
    for lang in en-US de-DE fr-FR es-ES pt-BR ru-RU zh-CN ja-JP ko-KR; do
        for target in srv.example.net ::1; do
            tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$CHAIN" --lang "$lang" -n 1 "$target"
            assert_exit 0 "$BATS_TEST_TMPDIR/out"
            addr=$target
            [ "$target" = srv.example.net ] && addr=2001:db8:2::80
            sed -n 3p "$BATS_TEST_TMPDIR/out" | grep -qF "$addr"
        done
        tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$CHAIN" --lang "$lang" -n 1 ::
        assert_exit 1 "$BATS_TEST_TMPDIR/out"
        [ -n "$(sed -n 3p "$BATS_TEST_TMPDIR/out")" ]
    done
    # French of 24H2 and later: a no-break space before the colon
    tool_run ping "$BATS_TEST_TMPDIR/out" --profile "$CHAIN" --lang fr-FR --windows 11 -n 1 srv.example.net
    assert_exit 0 "$BATS_TEST_TMPDIR/out"
    assert_equal "$(sed -n 3p "$BATS_TEST_TMPDIR/out")" "Réponse de 2001:db8:2::80"$'\u00a0'": temps=13 ms"
}
