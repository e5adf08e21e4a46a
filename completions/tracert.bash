# bash completion for netmimic's tracert                     -*- shell-script -*-
#
# Windows options -d -h -j -w -R -S -4 -6 -? (also as /x), the long options.
# The work is done by netmimic-common.bash, installed beside this file
# (bash-completion loads one file per command, so each sources it).
# It completes the command it is installed as: tracert, or netmimic-tracert
# in the Debian package (whose tracert is /usr/lib/netmimic/bin/tracert).

# shellcheck source=completions/netmimic-common.bash
. "${BASH_SOURCE[0]%/*}/netmimic-common.bash" || return

_netmimic_tracert() {
    _netmimic_complete '-d -h -j -w -R -S -4 -6 -?' \
        '-h -w -S'
}

_netmimic_as=${BASH_SOURCE[0]##*/}
complete -F _netmimic_tracert "${_netmimic_as%.bash}"
unset _netmimic_as
