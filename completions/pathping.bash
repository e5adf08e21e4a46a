# bash completion for netmimic's pathping                     -*- shell-script -*-
#
# Windows options -g -h -i -n -p -q -w -4 -6 -? (also as /x), the long options.
# The work is done by netmimic-common.bash, installed beside this file
# (bash-completion loads one file per command, so each sources it).

# shellcheck source=completions/netmimic-common.bash
. "${BASH_SOURCE[0]%/*}/netmimic-common.bash" || return

_pathping() {
    _netmimic_complete '-g -h -i -n -p -q -w -4 -6 -?' \
        '-h -i -p -q -w'
}

complete -F _pathping pathping
