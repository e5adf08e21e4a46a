#!/usr/bin/env bats
# locale-messages.bats - the catalogue texts no capture of tests/locale.bats
# shows (error replies, -S, unknown names, pathping, the XP texts, ...),
# each printed in the situation that calls for it and compared with the text
# ../shared/corpus-locale/INDEX.md gives in its message tables (written out
# here, not taken from the program).  Most are marked unconfirmed in the
# catalogues: the index knows them from parsers, fixtures and simulators.
# Over the networks of tests/profiles/locale/.

load lib/common

LPROFILES=$TEST_PROFILES/locale
EXPECTED=$TESTS_DIR/expected/locale

setup() {
    OUT=$BATS_TEST_TMPDIR/out
}

# line_is N TEXT TOOL PROFILE ARGS...: line N of TOOL's output over PROFILE
# is exactly TEXT.
line_is() {
    local n=$1 text=$2 tool=$3 profile=$4
    shift 4
    tool_run "$tool" "$OUT" --profile "$LPROFILES/$profile.ini" --seed 1 "$@"
    assert_equal "$(cat "$OUT.err")" ""
    assert_equal "$(sed -n "${n}p" "$OUT")" "$text"
}

# An error reply: line 3 of "ping -n 1" over PROFILE to TARGET in LANG.
reply_is() {
    line_is 3 "$1" ping "$2" --lang "$3" -n 1 "${@:4}"
}

@test "Destination host unreachable, as a reply, in every language that has it" {
    reply_is "Antwort von 10.27.146.29: Zielhost nicht erreichbar." es-ping-006 de-DE 10.27.146.3
    reply_is "Resposta de 10.27.146.29: Host de destino inacessível." es-ping-006 pt-BR 10.27.146.3
    reply_is "Ответ от 10.27.146.29: Заданный узел недоступен." es-ping-006 ru-RU 10.27.146.3
    reply_is "来自 10.27.146.29 的回复: 无法访问目标主机。" es-ping-006 zh-CN 10.27.146.3
    reply_is $'Réponse de 10.27.146.29\u00a0: Impossible de joindre l’hôte de destination.' \
        es-ping-006 fr-FR --windows 11 10.27.146.3
    # Japanese and Korean: no source at all; the catalogues' unconfirmed
    # texts (tests/locale-unconfirmed.bats), in the frame the captures give.
    reply_is "10.27.146.29 からの応答: 宛先ホストに到達できません。" es-ping-006 ja-JP 10.27.146.3
    reply_is "10.27.146.29의 응답: 대상 호스트에 연결할 수 없습니다." es-ping-006 ko-KR 10.27.146.3
}

@test "Destination net unreachable" {
    reply_is "Antwort von 10.1.1.1: Zielnetz nicht erreichbar." net-unreach de-DE 10.9.9.9
    reply_is "Réponse de 10.1.1.1 : Impossible de joindre le réseau de destination." net-unreach \
        fr-FR 10.9.9.9
    reply_is "来自 10.1.1.1 的回复: 目标网无法访问。" net-unreach zh-CN 10.9.9.9
}

@test "TTL expired in transit" {
    reply_is "Réponse de 134.108.11.254 : TTL expiré lors du transit." de-ping-009 fr-FR -i 1 \
        134.108.190.10
    reply_is "来自 134.108.11.254 的回复: TTL 传输中过期。" de-ping-009 zh-CN -i 1 134.108.190.10
}

@test "Packet needs to be fragmented but DF set, in German (de-ping-007's line)" {
    line_is 3 "$(sed -n 3p "$EXPECTED/de-ping-007.txt")" ping ko-ping-005 --lang de-DE -n 1 \
        -f -l 2000 google.com
}

# last_is TEXT TOOL PROFILE ARGS...: the last line of TOOL's output is TEXT.
last_is() {
    local text=$1 tool=$2 profile=$3
    shift 3
    tool_run "$tool" "$OUT" --profile "$LPROFILES/$profile.ini" --seed 1 "$@"
    assert_equal "$(tail -n 1 "$OUT")" "$text"
}

@test "the packets line when no echo left the PC: German drops its comma (de-ping-007), no other" {
    last_is "    (100% Verlust)" ping ko-ping-005 --lang de-DE -n 1 -f -l 2000 google.com
    last_is "    (100% Verlust)" ping de-ping-002 --lang de-DE -n 1 -S 10.9.9.9 example.com
    # echoes that left and were lost, as in de-ping-012: the comma
    last_is "    (100% Verlust)," ping timeouts --lang de-DE -n 1 -w 10 10.200.0.9
    # XP's one-line form has no variant of its own: the XP line
    last_is "    Pakete: Gesendet = 1, Empfangen = 0, Verloren = 1 (100% Verlust)," \
        ping ko-ping-005 --lang de-DE --windows xp -n 1 -f -l 2000 google.com
    # Korean after the same error (ko-ping-005), English (ping-011)
    last_is "    패킷: 보냄 = 1, 받음 = 0, 손실 = 1 (100% 손실)," \
        ping ko-ping-005 --lang ko-KR -n 1 -f -l 1473 google.com
    last_is "    Packets: Sent = 1, Received = 0, Lost = 1 (100% loss)," \
        ping ko-ping-005 -n 1 -f -l 1473 google.com
}

@test "-S: the header with the source, and a foreign source: transmit failed" {
    # de-ping-015's header (there over IPv6): "von SRC".
    line_is 2 "Ping wird ausgeführt für example.com [159.69.238.82] von 10.9.9.9 mit 32 Bytes Daten:" \
        ping de-ping-002 --lang de-DE -n 1 -S 10.9.9.9 example.com
    assert_equal "$(sed -n 3p "$OUT")" "PING: Fehler bei der Übertragung. Allgemeiner Fehler."
    line_is 2 "Ping wird ausgeführt für 159.69.238.82 von 192.168.0.100 mit 32 Bytes Daten:" \
        ping de-ping-002 --lang de-DE -n 1 -S 192.168.0.100 159.69.238.82
    line_is 2 "Pinging example.com [159.69.238.82] from 10.9.9.9 with 32 bytes of data:" \
        ping de-ping-002 -n 1 -S 10.9.9.9 example.com
    line_is 3 "PING: error en la transmisión. Error general." ping de-ping-002 --lang es-ES -n 1 \
        -S 10.9.9.9 example.com
    line_is 3 "PING : échec de la transmission. Défaillance générale." ping de-ping-002 \
        --lang fr-FR -n 1 -S 10.9.9.9 example.com
    line_is 3 "PING: сбой передачи. Общий сбой." ping de-ping-002 --lang ru-RU -n 1 -S 10.9.9.9 \
        example.com
    line_is 3 "PING：传输失败。常见故障。" ping de-ping-002 --lang zh-CN -n 1 -S 10.9.9.9 example.com
}

@test "ping: a name that does not resolve" {
    line_is 1 'Ping-Anforderung konnte Host "nowhere.example" nicht finden. Überprüfen Sie den Namen, und versuchen Sie es erneut.' \
        ping de-ping-002 --lang de-DE nowhere.example
    assert_exit 1 "$OUT"
    line_is 1 "La solicitud de ping no pudo encontrar el host nowhere.example. Compruebe el nombre y vuelva a intentarlo." \
        ping de-ping-002 --lang es-ES nowhere.example
    line_is 1 "При проверке связи не удалось обнаружить узел nowhere.example. Проверьте имя узла и повторите попытку." \
        ping de-ping-002 --lang ru-RU nowhere.example
    line_is 1 "Ping 请求找不到主机 nowhere.example。请检查该名称，然后重试。" ping de-ping-002 \
        --lang zh-CN nowhere.example
}

@test "tracert: a name that does not resolve" {
    line_is 1 'Der Zielname "nowhere.example" konnte nicht aufgelöst werden.' tracert de-ping-002 \
        --lang de-DE nowhere.example
    assert_exit 1 "$OUT"
    line_is 1 "Не удается разрешить системное имя узла nowhere.example." tracert de-ping-002 \
        --lang ru-RU nowhere.example
}

@test "tracert: the one-line header of an address" {
    line_is 2 "Routenverfolgung zu 10.0.3.6 über maximal 30 Hops" tracert ja-tracert-001 \
        --lang de-DE -d 10.0.3.6
    line_is 2 "Traza a la dirección 10.0.3.6 sobre un máximo de 30 saltos" tracert ja-tracert-001 \
        --lang es-ES -d 10.0.3.6
    line_is 2 "Трассировка маршрута к 10.0.3.6 с максимальным числом прыжков 30" tracert \
        ja-tracert-001 --lang ru-RU -d 10.0.3.6
    line_is 2 "通过最多 30 个跃点跟踪到 10.0.3.6 的路由" tracert ja-tracert-001 --lang zh-CN -d 10.0.3.6
}

@test "tracert: the two-line header of a name" {
    line_is 3 "avec un maximum de 30 sauts :" tracert ja-tracert-001 --lang fr-FR apache-svr
    assert_equal "$(sed -n 2p "$OUT")" "Détermination de l’itinéraire vers apache-svr [10.0.3.6]"
    line_is 2 "Rastreando a rota para apache-svr [10.0.3.6]" tracert ja-tracert-001 --lang pt-BR \
        apache-svr
    assert_equal "$(sed -n 3p "$OUT")" "com no máximo 30 saltos:"
}

@test "tracert: Russian '<1 мс' keeps the English field width (ref 46931930085)" {
    line_is 5 "  1    <1 мс     1 ms     1 ms  10.0.2.1" tracert ja-tracert-001 --lang ru-RU \
        apache-svr
}

@test "tracert: a router reports an unreachable host" {
    line_is 5 "  2  10.27.146.29  meldet: Zielhost nicht erreichbar." tracert es-ping-006 \
        --lang de-DE 10.27.146.3
}

@test "pathping in German and Chinese: header, computing line" {
    line_is 2 "Routenverfolgung zu qq.com [111.161.64.40]" pathping zh-CN-pathping-002 \
        --lang de-DE -q 1 -p 1 qq.com
    assert_equal "$(sed -n 3p "$OUT")" "über maximal 30 Abschnitte:"
    assert_equal "$(sed -n 10p "$OUT")" "Berechnung der Statistiken dauert ca. 0 Sekunden..."
    line_is 2 "Routenverfolgung zu 111.161.64.40 über maximal 30 Abschnitte" pathping \
        zh-CN-pathping-002 --lang de-DE -n -q 1 -p 1 111.161.64.40
    line_is 2 "通过最多 30 个跃点跟踪到 111.161.64.40 的路由" pathping zh-CN-pathping-002 \
        --lang zh-CN -n -q 1 -p 1 111.161.64.40
}

@test "ping: bad values in Chinese" {
    line_is 1 "选项 -n 的值有错误，有效范围从 1 到 4294967295。" ping de-ping-002 --lang zh-CN -n 0 \
        example.com
    assert_exit 1 "$OUT"
}

@test "French, Windows 10 and 11: a named target, time<1ms, no-break spaces" {
    line_is 2 "Envoi d’une requête 'ping' sur b2.hello.vous [1.1.1.1] avec 32 octets de données :" \
        ping fr-ping-003 --lang fr-FR -n 1 b2.hello.vous
    line_is 3 "Réponse de 127.0.0.1 : octets=32 temps<1ms TTL=128" ping pt-BR-ping-008 \
        --lang fr-FR -n 1 127.0.0.1
    line_is 3 $'Réponse de 127.0.0.1\u00a0: octets=32 temps<1ms TTL=128' ping pt-BR-ping-008 \
        --lang fr-FR --windows 11 -n 1 127.0.0.1
    assert_equal "$(sed -n 2p "$OUT")" \
        $'Envoi d’une requête \'Ping\'  127.0.0.1 avec 32 octets de données\u00a0:'
}

@test "Portuguese: a named target" {
    line_is 2 "Disparando b2.hello.vous [1.1.1.1] com 32 bytes de dados:" ping fr-ping-003 \
        --lang pt-BR -n 1 b2.hello.vous
}

@test "--windows xp: German de-ping-006 (doubtful: rebuilt from HTML), Spanish and English named" {
    tool_run ping "$OUT" --profile "$LPROFILES/de-ping-006.ini" --seed 1 --lang de-DE \
        --windows xp www.schule.de
    assert_exit 0 "$OUT"
    assert_same_file "$OUT" "$EXPECTED/de-ping-006.txt"
    tool_run ping "$OUT" --profile "$LPROFILES/de-ping-006.ini" --seed 1 --lang de-DE \
        --windows xp -n 1 192.76.176.140
    assert_equal "$(sed -n 2,3p "$OUT")" "Ping 192.76.176.140 mit 32 Bytes Daten:"
    line_is 2 "Haciendo ping a www.schule.de [192.76.176.140] con 32 bytes de datos:" ping \
        de-ping-006 --lang es-ES --windows xp -n 1 www.schule.de
    assert_equal "$(sed -n 3p "$OUT")" ""
    line_is 2 "Pinging www.schule.de [192.76.176.140] with 32 bytes of data:" ping de-ping-006 \
        --windows xp -n 1 www.schule.de
    assert_equal "$(sed -n 3p "$OUT")" ""
}
