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
        /^\[/ { dev = ""; if ($1 == "[device") { dev = $2; sub(/\]$/, "", dev) } }
        /^\[network\]/ { net = 1 } /^\[/ && !/^\[network\]/ { net = 0 }
        net && $1 == "default_host" { print "default", $3 }
        dev != "" && $1 == "kind" { kind[dev] = $3 }
        dev != "" && $1 == "site" { site[dev] = $3 }
        dev != "" && $1 == "interfaces" { split($4, a, "/"); addr[dev] = a[1]; order[n++] = dev }
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
