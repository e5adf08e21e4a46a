# bash completion for netmimic's ping                     -*- shell-script -*-
#
# Windows options -t -a -n -l -f -i -v -r -s -j -k -w -R -S -c -p -4 -6 -? (also as /x), the long options.
# The work is done by netmimic-common.bash, installed beside this file
# (bash-completion loads one file per command, so each sources it).
# It completes the command it is installed as: ping, or netmimic-ping
# in the Debian package (whose ping is /usr/lib/netmimic/bin/ping).

# shellcheck source=completions/netmimic-common.bash
. "${BASH_SOURCE[0]%/*}/netmimic-common.bash" || return

_netmimic_ping() {
    _netmimic_complete '-t -a -n -l -f -i -v -r -s -j -k -w -R -S -c -p -4 -6 -?' \
        '-n -l -i -v -r -s -w -S -c'
}

_netmimic_as=${BASH_SOURCE[0]##*/}
complete -F _netmimic_ping "${_netmimic_as%.bash}"
unset _netmimic_as
