#!/bin/sh
# unconfirmed.sh TOOL - the catalogue texts no capture confirms (marked ? in
# common/render/lang/LANG.msg) that TOOL prints, as mdoc lines for the
# LANGUAGES section of man/TOOL.1.  tests/docs.bats checks that each man
# page holds exactly this list (between its "unconfirmed" comment lines).
#   sh common/render/lang/unconfirmed.sh ping
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
tool=$1

awk -v tool="$tool" '
# Which tools print message ID.
function printed_by(id) {
    if (id ~ /^(tracert|ping|pathping)\./)
        return substr(id, 1, index(id, ".") - 1)
    if (id ~ /^(host_unreach|net_unreach|timed_out)$/) return "ping tracert"
    if (id ~ /^(unresolved_system|trace_complete)$/) return "tracert pathping"
    if (id ~ /^(invalid_option)$/) return "tracert pathping"
    if (id ~ /^(bad_value|missing_value|family_only)$/) return "tracert ping pathping"
    return "ping"
}
# A catalogue text as mdoc: \u00a0 is a no-break space, backslashes and
# double quotes escaped; a text of several lines is shown by its first.
function mdoc(s) {
    gsub(/\\u00a0/, "\001", s)
    gsub(/\\"/, "\002", s)
    gsub(/\\\\/, "\003", s)
    gsub(/\\/, "\\e", s)
    gsub(/\001/, "\\~", s)
    gsub(/\002/, "\\(dq", s)
    gsub(/\003/, "\\e", s)
    return s
}
function emit() {
    if (id != "" && first != "" && index(" " printed_by(id) " ", " " tool " "))
        printf ".It %s Cm %s\n.Ql \"%s%s\\&\"\n", lang, head, mdoc(first), more ? " ..." : ""
    id = ""
}
/^@lang / { emit(); lang = $2; next }
/^[ \t]+"/ {
    if (id != "") {
        s = $0; sub(/^[ \t]+"/, "", s); sub(/"[ \t]*$/, "", s)
        if (first == "") first = s; else more = 1
    }
    next
}
/^[a-z0-9_.]+(@[a-z0-9]+)?[?]([ \t]|$)/ {
    emit()
    head = $1; sub(/[?]$/, "", head)
    id = head; sub(/@.*/, "", id)
    first = ""; more = 0
    rest = $0; sub(/^[^ \t]+[ \t]*/, "", rest)
    if (rest != "") { sub(/^"/, "", rest); sub(/"[ \t]*$/, "", rest); first = rest }
    next
}
/^[a-z0-9_.]/ { emit() }
END { emit() }
' "$dir/en-US.msg" $(ls "$dir"/*.msg | grep -v '/en-US\.msg$')
