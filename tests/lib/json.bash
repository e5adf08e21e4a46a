# json.bash - json.bats' helpers: the record checked by one jq process for
# many runs, the Windows text read by the shell.  A jq costs tens of
# milliseconds of CPU on the project's loaded machines, and the file
# started up to five a run (schema, hops, settings ...); now a test starts
# one jq, for all its records, and one awk for all its traces' texts.
# Outside the test file, so that bats' trace of each command
# (lib/common.bash) skips the loops.  Load after lib/common and lib/blocks.

# shellcheck disable=SC2034,SC2016 # the JQ_ programs are the test file's, for jq
SCHEMA=$ROOT_DIR/man/netmimic-json.schema.json

# same_bytes GOT WANT: the two files are the same bytes (read by the shell;
# a cmp only for a file with a NUL, which read cannot take whole, and for
# the diff of a failure).
same_bytes() {
    local got='' want=''
    if ! IFS= read -r -d '' got <"$1" && ! IFS= read -r -d '' want <"$2"; then
        [[ $got == "$want" ]] && return 0
    fi
    assert_same_file "$1" "$2"
}

# block_want NAME: REPLY is a file with block NAME's expected text: the
# block itself when lib/blocks.bash's block_expected would print it as it
# is, else its corrected text made in $BATS_TEST_TMPDIR.
block_want() {
    local text=
    REPLY=$PINGS_DIR/$1.txt
    [ -f "$REPLY" ] && return 0
    REPLY=$BLOCKS_DIR/$1.txt
    IFS= read -r -d '' text <"$REPLY" || true
    if [ "$1" = loc2-to-spoke ] || [[ $'\n'$text == *$'\nPinging '* ]]; then
        REPLY=$BATS_TEST_TMPDIR/$1.want
        block_expected "$1" >"$REPLY"
    fi
}

# ping_text_lines NAME FILE: appends to REPLY ping's text FILE as the record
# must tell it: each echo line "NAME|ADDRESS time<1ms" (or time=Nms; IPv4
# and IPv6 forms) or "NAME|timeout", then "NAME|SENT RECEIVED LOSS%" and,
# with round-trip lines, "NAME|MIN MAX AVERAGE"; fails without echo lines.
ping_text_lines() {
    local name=$1 line echoes='' stats=''
    local reply='^Reply from (.*): (bytes=[0-9]+ )?(time[<=][0-9]+ms)'
    local sent='Sent = ([0-9]*), Received = ([0-9]*), .*\(([0-9]*)% loss\)'
    local rtt='Minimum = ([0-9]*)ms, Maximum = ([0-9]*)ms, Average = ([0-9]*)ms'
    while IFS= read -r line; do
        if [[ $line =~ $reply ]]; then
            echoes+="$name|${BASH_REMATCH[1]} ${BASH_REMATCH[3]}"$'\n'
        elif [[ $line == 'Request timed out.' ]]; then
            echoes+="$name|timeout"$'\n'
        elif [[ $line =~ $sent || $line =~ $rtt ]]; then
            stats+="$name|${BASH_REMATCH[1]} ${BASH_REMATCH[2]} ${BASH_REMATCH[3]}"$'\n'
        fi
    done <"$2"
    REPLY+=$echoes$stats
    [ -n "$echoes" ]
}

# The record's side of the checks, jq programs for json_query's per_record:
# tracert's hop lines as text_hops.awk makes them from the text ...
JQ_HOPS='.hops[] | ([.hop | tostring] + [.probes[] | .rtt_text | select(. != null)]
         + [if .reports then .printed + " reports: " else (.printed // "Request timed out.") end])
         | join("|")'
# ... ping's echo lines and statistics as ping_text_lines makes them.
JQ_PING='(.responses[] | if .type == "reply" then "\(.response_ip) \(.time_text)" else .type end),
         "\(.packets_transmitted) \(.packets_received) \(.packet_loss_percent)",
         (select(.round_trip_ms_min != null)
          | "\(.round_trip_ms_min) \(.round_trip_ms_max) \(.round_trip_ms_avg)")'

# json_query OUT PROGRAM FILE...: one jq over the records FILE...; OUT gets
# every schema error of every record first ("NAME: ERROR", NAME the file's
# name without directory and .json; none when all are valid), then what
# PROGRAM prints.  PROGRAM's input is the array of records ({name, doc});
# per_record(F) prints "NAME|LINE" for each line F gives of each record.
json_query() {
    local out=$1 program=$2
    shift 2
    jq -nr -L "$TESTS_DIR/lib" --slurpfile schema "$SCHEMA" "include \"schema\";
        def per_record(f): .[] | .name as \$n | .doc | f | \"\(\$n)|\(.)\";
        [inputs | {name: (input_filename | sub(\".*/\"; \"\") | sub(\"[.]json\$\"; \"\")), doc: .}]
        | (.[] | .name as \$n | .doc | schema_errors(\$schema[0]) | \"\(\$n): \(.)\"),
          ($program)" "$@" >"$out"
}

# json_valid FILE...: the records are valid (one jq for all).
json_valid() {
    json_query "$BATS_TEST_TMPDIR/errors" empty "$@"
    same_bytes "$BATS_TEST_TMPDIR/errors" /dev/null
}

# pathping_text_lines FILE: REPLY is pathping's text FILE as the record must
# tell it: phase 1's hops after the source, "p|N ADDR" or "p|N *", then the
# table's nodes, "p|HOP RTT LOST SENT NODE_LOST SENT ADDR"; fails without
# table rows.
pathping_text_lines() {
    local line path='' rows='' first=1
    local -a w
    while IFS= read -r line; do
        if [[ $line =~ ^\ *[0-9]+\ +[0-9]+ms ]]; then
            read -ra w <<<"${line//[\/=%]/ }"
            rows+="p|${w[0]} ${w[1]} ${w[2]} ${w[3]} ${w[5]} ${w[6]} ${w[8]}"$'\n'
        fi
        if [[ $line =~ ^\ *([0-9]*)\ \ ([0-9.]*)$ ]]; then
            line="${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
        elif [[ $line =~ ^\ *([0-9]*)\ \ *\*\  ]]; then
            line="${BASH_REMATCH[1]} *"
        else
            continue
        fi
        # the first is hop 0, the source
        [ "$first" = 1 ] && first=0 && continue
        path+="p|$line"$'\n'
    done <"$1"
    REPLY=$path$rows
    [ -n "$rows" ]
}

# check_trace ROW...: each_block's tracert rows run, their texts the blocks';
# TRACE_TXT and TRACE_JSON get the files, TRACE_WANT the settings line the
# record must have: tool, host, seed, target, exit status, each exact RTT
# truncating to the printed one, a loss for each probe without, some hop.
check_trace() {
    local name=$1 tool=$2 from=$3 target=$4 opts=$5 seed=$6 f
    [ "$tool" = tracert ] || return 0
    f=$BATS_TEST_TMPDIR/$name
    # shellcheck disable=SC2086
    "$BIN/tracert" --from "$from" $opts --seed "$seed" --json "$f.json" "$target" >"$f.txt"
    block_want "$name"
    same_bytes "$f.txt" "$REPLY"
    TRACE_TXT+=("$f.txt")
    TRACE_JSON+=("$f.json")
    TRACE_WANT+="$name|tracert $from $seed $target 0 true true true"$'\n'
}
JQ_TRACE_SETTING='"\(.tool) \(.host) \(.seed) \(.destination_ip) \(.exit_status) \(
    [.hops[].probes[] | select(.rtt != null) | (.rtt_exact_ms | floor) == .rtt] | all) \(
    [.hops[].probes[] | select(.rtt == null) | .loss != null] | all) \(.hops | length > 0)"'

# check_ping ROW...: each_block's ping rows run, their texts the blocks';
# PING_JSON gets the records, PING_WANT what JQ_PING must print of them.
check_ping() {
    local name=$1 tool=$2 from=$3 target=$4 opts=$5 seed=$6 f
    [ "$tool" = ping ] || return 0
    f=$BATS_TEST_TMPDIR/$name
    # shellcheck disable=SC2086
    "$BIN/ping" --from "$from" $opts --seed "$seed" --json "$f.json" "$target" >"$f.txt" || true
    block_want "$name"
    same_bytes "$f.txt" "$REPLY"
    PING_JSON+=("$f.json")
    REPLY=
    ping_text_lines "$name" "$f.txt"
    PING_WANT+=$REPLY
}

# ---- jc's schemas ------------------------------------------------------------

# For per_record: "PATH TYPE" for every value in the record, TYPE one of
# integer, float, string, boolean, null; array indices left out.
JQ_FIELDS='paths(type != "object" and type != "array") as $p | getpath($p) as $v
    | ($p | map(select(type == "string")) | join(".")) + " " +
      ($v | if type == "number" then (if . == floor then "integer" else "float" end)
            else type end)'

# record_fields FILE: json_query's output of JQ_FIELDS (and of lines
# "NAME|=KEY TEXT", kept as FIELDS[NAME|=KEY]) into FIELDS: FIELDS[NAME|PATH]
# the types PATH has in record NAME, each as "|TYPE|"; fails on anything
# else (a schema error).
declare -gA FIELDS
record_fields() {
    local line key
    FIELDS=()
    while IFS= read -r line; do
        if [[ $line =~ ^([^|:]+\|=[a-z]+)\ (.*)$ ]]; then
            FIELDS[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}
        elif [[ $line =~ ^([^|:]+\|[^ ]+)\ ([a-z]+)$ ]]; then
            key=${BASH_REMATCH[1]}
            [[ ${FIELDS[$key]:-} == *"|${BASH_REMATCH[2]}|"* ]] ||
                FIELDS[$key]+="|${BASH_REMATCH[2]}|"
        else
            echo "not a field: $line" >&2
            return 1
        fi
    done <"$1"
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

# jc_agree PARSER NAME ABSENT...: every member of jc's PARSER schema is in
# record NAME (record_fields' FIELDS) with a value of jc's type (a float
# may be whole), or is one of the ABSENT members (netmimic-json(5) says
# why), which the record must not have.
jc_agree() {
    local parser=$1 name=$2 path type got t n=0
    shift 2
    jc_fields "$parser" >"$BATS_TEST_TMPDIR/jc"
    while read -r path type; do
        n=$((n + 1))
        if [[ " $* " == *" $path "* ]]; then
            [ -z "${FIELDS[$name|$path]+set}" ] || {
                echo "$parser: $path is listed as absent but the record has it" >&2
                return 1
            }
            continue
        fi
        # the non-null types, sorted, as "T T "
        got=
        for t in boolean float integer string; do
            [[ ${FIELDS[$name|$path]:-} == *"|$t|"* ]] && got+="$t "
        done
        case "$type:$got" in
            integer:"integer " | float:"float " | float:"integer " | float:"float integer " | \
                string:"string " | boolean:"boolean ") ;;
            *)  echo "$parser: jc's $path is $type, the record has '$got'" >&2
                return 1 ;;
        esac
    done <"$BATS_TEST_TMPDIR/jc"
    [ "$n" -gt 5 ]
}
