# bash completion for netmimic's pathping                     -*- shell-script -*-
#
# Windows options -g -h -i -n -p -q -w -4 -6 -? (also as /x), the long options.
# The work is done by netmimic-common.bash, installed beside this file
# (bash-completion loads one file per command, so each sources it).
# It completes the command it is installed as: pathping, or netmimic-pathping
# in the Debian package (whose pathping is /usr/lib/netmimic/bin/pathping).

# shellcheck source=completions/netmimic-common.bash
. "${BASH_SOURCE[0]%/*}/netmimic-common.bash" || return

_netmimic_pathping() {
    _netmimic_complete '-g -h -i -n -p -q -w -4 -6 -?' \
        '-h -i -p -q -w'
}

_netmimic_as=${BASH_SOURCE[0]##*/}
complete -F _netmimic_pathping "${_netmimic_as%.bash}"
unset _netmimic_as
