#!/usr/bin/env bats
# json.bats - the --json record of a run (man/netmimic-json.5): valid
# against man/netmimic-json.schema.json, and telling the same story as the
# Windows text it accompanies (same hops, same printed times, same
# statistics), for the seed document's runs with their recorded seeds; every
# loss reason from a small profile; escaping; bad input.

load lib/common
load lib/blocks
load lib/json

LOSSES=$TEST_PROFILES/json/losses.ini

@test "json: every trace of the seed document, valid and the same as its text" {
    local d=$BATS_TEST_TMPDIR
    TRACE_TXT=() TRACE_JSON=() TRACE_WANT=
    each_block check_trace
    awk -f "$TESTS_DIR/lib/text-hops.awk" "${TRACE_TXT[@]}" >"$d/want"
    printf %s "$TRACE_WANT" >>"$d/want"
    json_query "$d/got" "per_record($JQ_HOPS), per_record($JQ_TRACE_SETTING)" "${TRACE_JSON[@]}"
    same_bytes "$d/got" "$d/want"
}

@test "json: every ping of the seed rows, valid and the same as its text" {
    PING_JSON=() PING_WANT=
    each_block check_ping
    printf %s "$PING_WANT" >"$BATS_TEST_TMPDIR/want"
    json_query "$BATS_TEST_TMPDIR/got" "per_record($JQ_PING)" "${PING_JSON[@]}"
    same_bytes "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
}

@test "json: ping -R over IPv6 names the target as the text does; the host itself answers" {
    local f=$BATS_TEST_TMPDIR/r
    "$BIN/ping" --profile "$TEST_PROFILES/ipv6/chain.ini" --seed 1 -n 2 -R --json "$f.json" \
        srv.example.net >"$f.txt"
    REPLY=
    ping_text_lines r "$f.txt"
    # the echo went via the target back to the host, which answered it
    printf '%sr|2001:db8:2::80 pc 13.5\nr|2001:db8:2::80 pc 13.5\n' "$REPLY" >"$f.want"
    json_query "$f.got" "per_record($JQ_PING),
        per_record(.responses[] | \"\(.response_ip) \(.device) \(.rtt_exact_ms)\")" "$f.json"
    same_bytes "$f.got" "$f.want"
}

@test "json: pathping's phase 1 and table are the text's" {
    local d=$BATS_TEST_TMPDIR
    "$BIN/pathping" -n -q 10 --seed 1 --json "$d/p.json" 10.2.30.10 >"$d/p.txt"
    # phase 1 ("  N  ADDR", the silent "  N     *        *        *") and
    # the table's nodes: hop, RTT, lost/sent to here, node lost/sent, address
    pathping_text_lines "$d/p.txt"
    printf '%sp|true\n' "$REPLY" >"$d/want"
    json_query "$d/got" 'per_record(.hops[] | "\(.hop) \(.printed // "*")"),
        per_record(.statistics[]
                   | "\(.hop) \(.rtt)ms \(.lost) \(.sent) \(.node_lost) \(.sent) \(.printed)"),
        per_record([.measurements[] | .probes | length] == [10])' "$d/p.json"
    same_bytes "$d/got" "$d/want"
}

@test "json: the Windows text is the same with and without --json" {
    local tool i=0 d=$BATS_TEST_TMPDIR
    for tool in "tracert --from loc1-vm --seed 5 10.10.30.4" "ping --seed 5 -n 3 10.2.30.10" \
                "pathping --seed 5 -q 4 -n 10.17.30.4"; do
        i=$((i + 1))
        # shellcheck disable=SC2086
        "$BIN/"$tool >"$d/plain$i" || true
        # shellcheck disable=SC2086
        "$BIN/"$tool --json "$d/r$i.json" >"$d/with$i" || true
        same_bytes "$d/with$i" "$d/plain$i"
    done
    json_valid "$d/r1.json" "$d/r2.json" "$d/r3.json"
}

@test "json: NETMIMIC_JSON names the file; --json wins over it" {
    NETMIMIC_JSON=$BATS_TEST_TMPDIR/env.json "$BIN/tracert" --seed 1 -h 2 10.11.30.4 >/dev/null
    NETMIMIC_JSON=$BATS_TEST_TMPDIR/env2.json "$BIN/tracert" --seed 1 -h 2 \
        --json "$BATS_TEST_TMPDIR/opt.json" 10.11.30.4 >/dev/null
    [ -s "$BATS_TEST_TMPDIR/opt.json" ] && [ ! -e "$BATS_TEST_TMPDIR/env2.json" ]
    json_valid "$BATS_TEST_TMPDIR/env.json"
}

# loss_of TARGET WANT [OPTIONS...]: ping's last echo to TARGET on the loss
# profile must have lost for WANT, "reason device link on_reply"; its record
# is l-TARGET.json, for one jq after all of them.
loss_of() {
    local target=$1 want=$2
    shift 2
    "$BIN/ping" --profile "$LOSSES" --seed 1 -n 2 "$@" --json "$BATS_TEST_TMPDIR/l-$target.json" \
        "$target" >/dev/null || true
    LOSS_JSON+=("$BATS_TEST_TMPDIR/l-$target.json")
    LOSS_WANT+="l-$target|$want"$'\n'
}

@test "json: every loss reason, from tests/profiles/json/losses.ini" {
    local d=$BATS_TEST_TMPDIR
    LOSS_JSON=() LOSS_WANT=
    loss_of 10.0.30.4   "link_loss null l-lossy false"
    loss_of 10.0.38.4   "link_loss null l-b true"
    loss_of 10.0.31.4   "reply_loss trl null true"
    loss_of 10.0.32.4   "rate_limit trate null true"
    # the rate limit let the first reply through
    LOSS_WANT+="l-10.0.32.4|reply timeout"$'\n'
    loss_of 10.0.33.4   "silent tsil null true"
    loss_of 10.0.34.4   "reply_ttl_expired tttl null true"
    loss_of 10.0.41.4   "no_route_to_source tnrs null true"
    loss_of 10.0.37.4   "too_late null null true"
    loss_of 192.0.2.1   "no_route_out r1 null false"
    loss_of 10.0.33.9   "neighbor_miss r2 null false"
    loss_of 10.0.33.255 "broadcast r2 null false"
    loss_of 10.0.40.1   "not_forwarding trl null false"
    loss_of 10.0.50.1   "loop r6 null false"
    # no route back: r2 answers hop 2 from 172.16.12.2, which r1 cannot
    # reach; TTL expiry: hop 1 is r1 answering time exceeded
    "$BIN/tracert" --profile "$LOSSES" --seed 1 -h 2 --json "$d/t.json" 10.0.30.4 >/dev/null
    LOSS_WANT+="t|no_route_back r1 r2 172.16.12.2"$'\n'
    LOSS_WANT+="t|no_route_back r1 r2 172.16.12.2"$'\n'
    LOSS_WANT+="t|no_route_back r1 r2 172.16.12.2"$'\n'
    LOSS_WANT+="t|time_to_live_exceeded r1 10.0.1.1"$'\n'
    printf %s "$LOSS_WANT" >"$d/want"
    json_query "$d/got" 'per_record(
        if .tool == "ping" then
            (.responses[-1].loss | "\(.reason) \(.device) \(.link) \(.on_reply)"),
            (select(.destination_ip == "10.0.32.4") | [.responses[].type] | join(" "))
        else
            (.hops[1].probes[] | .loss | "\(.reason) \(.device) \(.responder) \(.reply_ip)"),
            (.hops[0].probes[0] | "\(.type) \(.device) \(.ip)")
        end)' "${LOSS_JSON[@]}" "$d/t.json"
    same_bytes "$d/got" "$d/want"
}

@test "json: pathping records its probes with the same reasons" {
    "$BIN/pathping" --profile "$LOSSES" --seed 1 -n -q 2 --json "$BATS_TEST_TMPDIR/p.json" \
        10.0.30.4 >/dev/null
    echo "p|no_route_back no_route_back no_route_back" >"$BATS_TEST_TMPDIR/want"
    json_query "$BATS_TEST_TMPDIR/got" 'per_record(.hops[1].probes | map(.loss.reason) | join(" "))' \
        "$BATS_TEST_TMPDIR/p.json"
    same_bytes "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
}

@test "json: jc's ping and traceroute members are in the record, with jc's types" {
    command -v jc >/dev/null
    local d=$BATS_TEST_TMPDIR
    "$BIN/ping" --seed 1 -n 3 --json "$d/p.json" loc1-vm >/dev/null
    # a trace whose last hop has a reverse name (shared/corpus/tracert-009.txt)
    "$BIN/tracert" --profile "$TEST_PROFILES/corpus/tracert-009.ini" --seed 1 \
        --json "$d/t.json" google.com >/dev/null
    json_query "$d/fields" "per_record($JQ_FIELDS), per_record(select(.tool == \"ping\")
        | \"=values \(.data_bytes) \(.destination_name) \(.responses[0].ttl)\")" "$d/p.json" "$d/t.json"
    record_fields "$d/fields"
    jc_agree ping p pattern duplicates round_trip_ms_stddev \
        responses.unparsed_line responses.timestamp responses.duplicate responses.vr \
        responses.hl responses.tos responses.len responses.id responses.flg responses.off \
        responses.pro responses.cks responses.src responses.dst
    jc_agree traceroute t hops.probes.annotation hops.probes.asn
    # the values as the text shows them
    assert_equal "${FIELDS[p|=values]}" "32 loc1-vm 124"
}

@test "json: strings are escaped; UTF-8 passes, invalid bytes become U+FFFD" {
    local name=$'bad\x01"\\\t\xc3\xa9\xff' text=
    tool_run tracert "$BATS_TEST_TMPDIR/out" --json "$BATS_TEST_TMPDIR/e.json" "$name"
    assert_equal "$status" 1
    IFS= read -r -d '' text <"$BATS_TEST_TMPDIR/e.json" || true
    [[ $text == *'"bad\u0001\"\\\té\ufffd"'* ]]
    echo "e|unresolved 1" >"$BATS_TEST_TMPDIR/want"
    json_query "$BATS_TEST_TMPDIR/got" 'per_record("\(.failure) \(.exit_status)")' \
        "$BATS_TEST_TMPDIR/e.json"
    same_bytes "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
}

@test "json: a file that cannot be created: one line on stderr, exit 2, nothing on stdout" {
    local tool
    for tool in tracert ping pathping; do
        tool_run "$tool" "$BATS_TEST_TMPDIR/out" --json /nonexistent/dir/r.json 10.11.30.4
        assert_equal "$status" 2
        [ ! -s "$BATS_TEST_TMPDIR/out" ]
        echo "$tool: --json: cannot write '/nonexistent/dir/r.json': No such file or directory" \
            >"$BATS_TEST_TMPDIR/want"
        same_bytes "$BATS_TEST_TMPDIR/out.err" "$BATS_TEST_TMPDIR/want"
    done
    tool_run tracert "$BATS_TEST_TMPDIR/out" --json
    assert_equal "$status" 2
    echo "tracert: option --json needs a value" >"$BATS_TEST_TMPDIR/want"
    same_bytes "$BATS_TEST_TMPDIR/out.err" "$BATS_TEST_TMPDIR/want"
}

@test "json: a file that cannot be written to the end is exit 3" {
    [ -w /dev/full ] || skip "no /dev/full"
    tool_run tracert "$BATS_TEST_TMPDIR/out" --seed 1 -h 1 --json /dev/full 10.11.30.4
    assert_equal "$status" 3
    echo "tracert: --json: cannot write '/dev/full': No space left on device" \
        >"$BATS_TEST_TMPDIR/want"
    same_bytes "$BATS_TEST_TMPDIR/out.err" "$BATS_TEST_TMPDIR/want"
}
