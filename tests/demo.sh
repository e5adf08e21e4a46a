#!/usr/bin/env bash
# demo.sh - the main job on the default profile: from the default host, trace
# a host of every other site, as the seed document does.  The sites, their
# hosts and the default host are read from the profile, not listed here.
#   usage: tests/demo.sh [BIN_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/bin}
profile=${NETMIMIC_PROFILE:-$root/profiles/azure-interop.ini}

# Prints "site address" for every host of the profile, then "default HOST".
hosts() {
    awk '
        function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
        /^[ \t]*\[/ { s = trim($0); gsub(/[][]/, "", s); split(s, w, " ")
                      net = w[1] == "network"; dev = w[1] == "device" ? w[2] : ""; next }
        /=/ { key = trim(substr($0, 1, index($0, "=") - 1))
              val = trim(substr($0, index($0, "=") + 1)) }
        net && key == "default_host" { print "default", val }
        dev != "" && key == "kind" { kind[dev] = val }
        dev != "" && key == "site" { site[dev] = val }
        dev != "" && key == "interfaces" { split(val, f, /[ \t\/]+/); addr[dev] = f[2]
                                            order[n++] = dev }
        { key = "" }
        END { for (i = 0; i < n; i++) { d = order[i]
                  if (kind[d] == "host") print site[d], addr[d], d } }
    ' "$profile"
}

from=$(hosts | awk '$1 == "default" { print $2 }')
from=${NETMIMIC_FROM:-$from}
home=$(hosts | awk -v h="$from" '$3 == h { print $1 }')
echo "netmimic demo: tracert from $from (site $home) to every other site"
hosts | awk -v home="$home" '$1 != "default" && $1 != home && !seen[$1]++ { print $2 }' |
while read -r addr; do
    echo
    echo "C:\\>tracert $addr"
    "$bin/tracert" --profile "$profile" --from "$from" "$addr"
done
