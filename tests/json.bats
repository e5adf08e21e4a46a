#!/usr/bin/env bats
# json.bats - the --json record of a run (man/netmimic-json.5): valid
# against man/netmimic-json.schema.json, and telling the same story as the
# Windows text it accompanies (same hops, same printed times, same
# statistics), for the seed document's runs with their recorded seeds; every
# loss reason from a small profile; escaping; bad input.

load lib/common
load lib/blocks

SCHEMA=$ROOT_DIR/man/netmimic-json.schema.json
LOSSES=$TEST_PROFILES/json/losses.ini

# validate FILE: no error from the schema check.
validate() {
    run jq -r --slurpfile schema "$SCHEMA" -f "$TESTS_DIR/lib/schema.jq" "$1"
    assert_success
    assert_output ""
}

# tracert's hop lines, one a line: "HOP|FIELD|FIELD|FIELD|REST", where a
# field is "*", "<1 ms" or "N ms" and REST the address text or the message.
text_hops() {
    awk '/^ *[0-9]+  / {
        line = $0; sub(/^ +/, "", line)
        n = split(line, t, / +/); out = t[1]; i = 2
        for (f = 0; f < 3 && i <= n; f++) {
            if (t[i] == "*") { out = out "|*"; i++ }
            else if (t[i + 1] == "ms") { out = out "|" t[i] " ms"; i += 2 }
            else break
        }
        rest = t[i]; for (i++; i <= n; i++) rest = rest " " t[i]
        print out "|" rest }' "$1"
}

# The same lines built from the record.
json_hops() {
    jq -r '.hops[] | ([.hop | tostring] + [.probes[] | .rtt_text | select(. != null)]
           + [if .reports then .printed + " reports: " else (.printed // "Request timed out.") end])
           | join("|")' "$1"
}

# check_trace ROW...: the trace of a blocks.tsv row, text and record.
check_trace() {
    local name=$1 tool=$2 from=$3 target=$4 opts=$5 seed=$6
    [ "$tool" = tracert ] || return 0
    # shellcheck disable=SC2086
    "$BIN/tracert" --from "$from" $opts --seed "$seed" --json "$BATS_TEST_TMPDIR/$name.json" \
        "$target" >"$BATS_TEST_TMPDIR/$name.txt"
    block_expected "$name" >"$BATS_TEST_TMPDIR/$name.want"
    assert_same_file "$BATS_TEST_TMPDIR/$name.txt" "$BATS_TEST_TMPDIR/$name.want"
    validate "$BATS_TEST_TMPDIR/$name.json"
    text_hops "$BATS_TEST_TMPDIR/$name.txt" >"$BATS_TEST_TMPDIR/$name.text-hops"
    json_hops "$BATS_TEST_TMPDIR/$name.json" >"$BATS_TEST_TMPDIR/$name.json-hops"
    [ -s "$BATS_TEST_TMPDIR/$name.text-hops" ]
    assert_same_file "$BATS_TEST_TMPDIR/$name.json-hops" "$BATS_TEST_TMPDIR/$name.text-hops"
    # the setting, and the exact RTT truncates to the printed one
    run jq -r --arg from "$from" --arg seed "$seed" --arg target "$target" '
        [.tool == "tracert", .host == $from, (.seed | tostring) == $seed,
         .destination_ip == $target, .exit_status == 0,
         ([.hops[].probes[] | select(.rtt != null) | (.rtt_exact_ms | floor) == .rtt] | all),
         ([.hops[].probes[] | select(.rtt == null) | .loss != null] | all)] | all' \
        "$BATS_TEST_TMPDIR/$name.json"
    assert_output true
}

@test "json: every trace of the seed document, valid and the same as its text" {
    each_block check_trace
}

# echo_lines_agree F: each echo line of ping's text F.txt, "Reply from A:
# [bytes=N ]time=Nms..." (IPv4 and IPv6 forms) or the time-out, is the
# record F.json's response: response_ip and time_text.
echo_lines_agree() {
    local f=$1
    sed -En 's/^Reply from (.*): (bytes=[0-9]+ )?(time[<=][0-9]+ms).*/\1 \3/p;
             s/^Request timed out\.$/timeout/p' "$f.txt" >"$f.text-lines"
    jq -r '.responses[] | if .type == "reply" then "\(.response_ip) \(.time_text)"
                          else .type end' "$f.json" >"$f.json-lines"
    [ -s "$f.text-lines" ]
    assert_same_file "$f.json-lines" "$f.text-lines"
}

# check_ping ROW...: a ping row, its replies and statistics in both.
check_ping() {
    local name=$1 tool=$2 from=$3 target=$4 opts=$5 seed=$6 f
    [ "$tool" = ping ] || return 0
    f=$BATS_TEST_TMPDIR/$name
    # shellcheck disable=SC2086
    "$BIN/ping" --from "$from" $opts --seed "$seed" --json "$f.json" "$target" >"$f.txt" || true
    block_expected "$name" >"$f.want"
    assert_same_file "$f.txt" "$f.want"
    validate "$f.json"
    echo_lines_agree "$f"
    sed -n 's/.*Sent = \([0-9]*\), Received = \([0-9]*\), .*(\([0-9]*\)% loss).*/\1 \2 \3/p;
            s/.*Minimum = \([0-9]*\)ms, Maximum = \([0-9]*\)ms, Average = \([0-9]*\)ms/\1 \2 \3/p' \
        "$f.txt" >"$f.text-stats"
    jq -r '"\(.packets_transmitted) \(.packets_received) \(.packet_loss_percent)",
           (select(.round_trip_ms_min != null)
            | "\(.round_trip_ms_min) \(.round_trip_ms_max) \(.round_trip_ms_avg)")' \
        "$f.json" >"$f.json-stats"
    assert_same_file "$f.json-stats" "$f.text-stats"
}

@test "json: every ping of the seed rows, valid and the same as its text" {
    each_block check_ping
}

@test "json: ping -R over IPv6 names the target as the text does; the host itself answers" {
    local f=$BATS_TEST_TMPDIR/r
    "$BIN/ping" --profile "$TEST_PROFILES/ipv6/chain.ini" --seed 1 -n 2 -R --json "$f.json" \
        srv.example.net >"$f.txt"
    validate "$f.json"
    echo_lines_agree "$f"
    # the echo went via the target back to the host, which answered it
    run jq -r '.responses[] | "\(.response_ip) \(.device) \(.rtt_exact_ms)"' "$f.json"
    assert_output "$(printf '2001:db8:2::80 pc 13.5\n%.0s' 1 2)"
}

@test "json: pathping's phase 1 and table are the text's" {
    "$BIN/pathping" -n -q 10 --seed 1 --json "$BATS_TEST_TMPDIR/p.json" 10.2.30.10 \
        >"$BATS_TEST_TMPDIR/p.txt"
    validate "$BATS_TEST_TMPDIR/p.json"
    # phase 1: "  N  ADDR" and the silent "  N     *        *        *"
    sed -n 's/^ *\([0-9]*\)  \([0-9.]*\)$/\1 \2/p; s/^ *\([0-9]*\)  *\* .*/\1 */p' \
        "$BATS_TEST_TMPDIR/p.txt" | sed '1d' >"$BATS_TEST_TMPDIR/text-path"
    jq -r '.hops[] | "\(.hop) \(.printed // "*")"' "$BATS_TEST_TMPDIR/p.json" \
        >"$BATS_TEST_TMPDIR/json-path"
    assert_same_file "$BATS_TEST_TMPDIR/json-path" "$BATS_TEST_TMPDIR/text-path"
    # the table's nodes: hop, RTT, lost/sent to here, node lost/sent, address
    awk '/^ *[0-9]+ +[0-9]+ms/ { gsub(/[\/=%]/, " "); print $1, $2, $3, $4, $6, $7, $9 }' \
        "$BATS_TEST_TMPDIR/p.txt" >"$BATS_TEST_TMPDIR/text-rows"
    jq -r '.statistics[] | "\(.hop) \(.rtt)ms \(.lost) \(.sent) \(.node_lost) \(.sent) \(.printed)"' \
        "$BATS_TEST_TMPDIR/p.json" >"$BATS_TEST_TMPDIR/json-rows"
    [ -s "$BATS_TEST_TMPDIR/text-rows" ]
    assert_same_file "$BATS_TEST_TMPDIR/json-rows" "$BATS_TEST_TMPDIR/text-rows"
    run jq '[.measurements[] | .probes | length] == [10]' "$BATS_TEST_TMPDIR/p.json"
    assert_output true
}

@test "json: the Windows text is the same with and without --json" {
    local tool
    for tool in "tracert --from loc1-vm --seed 5 10.10.30.4" "ping --seed 5 -n 3 10.2.30.10" \
                "pathping --seed 5 -q 4 -n 10.17.30.4"; do
        # shellcheck disable=SC2086
        "$BIN/"$tool >"$BATS_TEST_TMPDIR/plain" || true
        # shellcheck disable=SC2086
        "$BIN/"$tool --json "$BATS_TEST_TMPDIR/r.json" >"$BATS_TEST_TMPDIR/with" || true
        assert_same_file "$BATS_TEST_TMPDIR/with" "$BATS_TEST_TMPDIR/plain"
        validate "$BATS_TEST_TMPDIR/r.json"
    done
}

@test "json: NETMIMIC_JSON names the file; --json wins over it" {
    NETMIMIC_JSON=$BATS_TEST_TMPDIR/env.json "$BIN/tracert" --seed 1 -h 2 10.11.30.4 >/dev/null
    validate "$BATS_TEST_TMPDIR/env.json"
    NETMIMIC_JSON=$BATS_TEST_TMPDIR/env2.json "$BIN/tracert" --seed 1 -h 2 \
        --json "$BATS_TEST_TMPDIR/opt.json" 10.11.30.4 >/dev/null
    [ -s "$BATS_TEST_TMPDIR/opt.json" ] && [ ! -e "$BATS_TEST_TMPDIR/env2.json" ]
}

# loss_of TARGET [OPTIONS...]: "reason device link on_reply" of ping's
# last echo to TARGET on the loss profile.
loss_of() {
    local target=$1
    shift
    "$BIN/ping" --profile "$LOSSES" --seed 1 -n 2 "$@" --json "$BATS_TEST_TMPDIR/l.json" \
        "$target" >/dev/null || true
    validate "$BATS_TEST_TMPDIR/l.json"
    run jq -r '.responses[-1].loss | "\(.reason) \(.device) \(.link) \(.on_reply)"' \
        "$BATS_TEST_TMPDIR/l.json"
}

@test "json: every loss reason, from tests/profiles/json/losses.ini" {
    loss_of 10.0.30.4;   assert_output "link_loss null l-lossy false"
    loss_of 10.0.38.4;   assert_output "link_loss null l-b true"
    loss_of 10.0.31.4;   assert_output "reply_loss trl null true"
    loss_of 10.0.32.4;   assert_output "rate_limit trate null true"
    loss_of 10.0.33.4;   assert_output "silent tsil null true"
    loss_of 10.0.34.4;   assert_output "reply_ttl_expired tttl null true"
    loss_of 10.0.41.4;   assert_output "no_route_to_source tnrs null true"
    loss_of 10.0.37.4;   assert_output "too_late null null true"
    loss_of 192.0.2.1;   assert_output "no_route_out r1 null false"
    loss_of 10.0.33.9;   assert_output "neighbor_miss r2 null false"
    loss_of 10.0.33.255; assert_output "broadcast r2 null false"
    loss_of 10.0.40.1;   assert_output "not_forwarding trl null false"
    loss_of 10.0.50.1;   assert_output "loop r6 null false"
    # the rate limit let the first reply through
    loss_of 10.0.32.4
    run jq -r '[.responses[].type] | join(" ")' "$BATS_TEST_TMPDIR/l.json"
    assert_output "reply timeout"
    # no route back: r2 answers hop 2 from 172.16.12.2, which r1 cannot reach
    "$BIN/tracert" --profile "$LOSSES" --seed 1 -h 2 --json "$BATS_TEST_TMPDIR/t.json" \
        10.0.30.4 >/dev/null
    validate "$BATS_TEST_TMPDIR/t.json"
    run jq -r '.hops[1].probes[] | .loss | "\(.reason) \(.device) \(.responder) \(.reply_ip)"' \
        "$BATS_TEST_TMPDIR/t.json"
    assert_output "$(printf 'no_route_back r1 r2 172.16.12.2\n%.0s' 1 2 3)"
    # TTL expiry: hop 1 is r1 answering time exceeded
    run jq -r '.hops[0].probes[0] | "\(.type) \(.device) \(.ip)"' "$BATS_TEST_TMPDIR/t.json"
    assert_output "time_to_live_exceeded r1 10.0.1.1"
}

@test "json: pathping records its probes with the same reasons" {
    "$BIN/pathping" --profile "$LOSSES" --seed 1 -n -q 2 --json "$BATS_TEST_TMPDIR/p.json" \
        10.0.30.4 >/dev/null
    validate "$BATS_TEST_TMPDIR/p.json"
    run jq -r '.hops[1].probes | map(.loss.reason) | join(" ")' "$BATS_TEST_TMPDIR/p.json"
    assert_output "no_route_back no_route_back no_route_back"
}

# jc_fields PARSER: "PATH TYPE" for each member of jc's schema of PARSER,
# read from `jc -h --PARSER` (Debian's jc); a member of an array's objects
# is ARRAY.MEMBER.
jc_fields() {
    jc -h --"$1" | awk '
        /^Schema:/ { on = 1; next }
        !on { next }
        /^[A-Z]/ { exit }
        /"[a-z_0-9]+": *\[/ { match($0, /"[a-z_0-9]+"/); stack[++n] = substr($0, RSTART + 1, RLENGTH - 2); next }
        /^ *\]/ { n--; next }
        /"[a-z_0-9]+": *[a-z]+/ {
            match($0, /"[a-z_0-9]+"/); key = substr($0, RSTART + 1, RLENGTH - 2)
            t = substr($0, RSTART + RLENGTH); sub(/^: */, "", t); sub(/[^a-z].*/, "", t)
            p = ""; for (i = 1; i <= n; i++) p = p stack[i] "."
            print p key, t }'
}

# record_fields FILE: "PATH TYPE" for every value in the record, TYPE one
# of integer, float, string, boolean, null; array indices left out.
record_fields() {
    jq -r 'paths(type != "object" and type != "array") as $p | getpath($p) as $v
           | ($p | map(select(type == "string")) | join(".")) + " " +
             ($v | if type == "number" then (if . == floor then "integer" else "float" end)
                   else type end)' "$1" | sort -u
}

# jc_agree PARSER RECORD ABSENT...: every member of jc's PARSER schema is in
# RECORD with a value of jc's type (a float may be whole), or is one of the
# ABSENT members (netmimic-json(5) says why), which the record must not have.
jc_agree() {
    local parser=$1 record=$2 path type got
    shift 2
    record_fields "$record" >"$BATS_TEST_TMPDIR/ours"
    jc_fields "$parser" >"$BATS_TEST_TMPDIR/jc"
    [ "$(wc -l <"$BATS_TEST_TMPDIR/jc")" -gt 5 ]
    while read -r path type; do
        if [[ " $* " == *" $path "* ]]; then
            ! grep -q "^$path " "$BATS_TEST_TMPDIR/ours" || {
                echo "$parser: $path is listed as absent but the record has it" >&2
                return 1
            }
            continue
        fi
        got=$(awk -v p="$path" '$1 == p && $2 != "null" { print $2 }' "$BATS_TEST_TMPDIR/ours" |
              sort -u | tr '\n' ' ')
        case "$type:$got" in
            integer:"integer " | float:"float " | float:"integer " | float:"float integer " | \
                string:"string " | boolean:"boolean ") ;;
            *)  echo "$parser: jc's $path is $type, the record has '$got'" >&2
                return 1 ;;
        esac
    done <"$BATS_TEST_TMPDIR/jc"
}

@test "json: jc's ping and traceroute members are in the record, with jc's types" {
    command -v jc >/dev/null
    "$BIN/ping" --seed 1 -n 3 --json "$BATS_TEST_TMPDIR/p.json" loc1-vm >/dev/null
    jc_agree ping "$BATS_TEST_TMPDIR/p.json" pattern duplicates round_trip_ms_stddev \
        responses.unparsed_line responses.timestamp responses.duplicate responses.vr \
        responses.hl responses.tos responses.len responses.id responses.flg responses.off \
        responses.pro responses.cks responses.src responses.dst
    # a trace whose last hop has a reverse name (shared/corpus/tracert-009.txt)
    "$BIN/tracert" --profile "$TEST_PROFILES/corpus/tracert-009.ini" --seed 1 \
        --json "$BATS_TEST_TMPDIR/t.json" google.com >/dev/null
    jc_agree traceroute "$BATS_TEST_TMPDIR/t.json" hops.probes.annotation hops.probes.asn
    # the values as the text shows them
    run jq -r '"\(.data_bytes) \(.destination_name) \(.responses[0].ttl)"' "$BATS_TEST_TMPDIR/p.json"
    assert_output "32 loc1-vm 124"
}

@test "json: strings are escaped; UTF-8 passes, invalid bytes become U+FFFD" {
    local name=$'bad\x01"\\\t\xc3\xa9\xff'
    run "$BIN/tracert" --json "$BATS_TEST_TMPDIR/e.json" "$name"
    assert_equal "$status" 1
    validate "$BATS_TEST_TMPDIR/e.json"
    grep -qF '"bad\u0001\"\\\té\ufffd"' "$BATS_TEST_TMPDIR/e.json"
    run jq -r '"\(.failure) \(.exit_status)"' "$BATS_TEST_TMPDIR/e.json"
    assert_output "unresolved 1"
}

@test "json: a file that cannot be created: one line on stderr, exit 2, nothing on stdout" {
    local tool
    for tool in tracert ping pathping; do
        tool_run "$tool" "$BATS_TEST_TMPDIR/out" --json /nonexistent/dir/r.json 10.11.30.4
        assert_equal "$status" 2
        [ ! -s "$BATS_TEST_TMPDIR/out" ]
        assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" \
            "$tool: --json: cannot write '/nonexistent/dir/r.json': No such file or directory"
    done
    tool_run tracert "$BATS_TEST_TMPDIR/out" --json
    assert_equal "$status" 2
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" "tracert: option --json needs a value"
}

@test "json: a file that cannot be written to the end is exit 3" {
    [ -w /dev/full ] || skip "no /dev/full"
    tool_run tracert "$BATS_TEST_TMPDIR/out" --seed 1 -h 1 --json /dev/full 10.11.30.4
    assert_equal "$status" 3
    assert_equal "$(cat "$BATS_TEST_TMPDIR/out.err")" \
        "tracert: --json: cannot write '/dev/full': No space left on device"
}
