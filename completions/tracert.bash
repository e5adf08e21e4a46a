# bash completion for netmimic's tracert                     -*- shell-script -*-
#
# Windows options -d -h -j -w -R -S -4 -6 -? (also as /x), the long options.
# The work is done by netmimic-common.bash, installed beside this file
# (bash-completion loads one file per command, so each sources it).

# shellcheck source=completions/netmimic-common.bash
. "${BASH_SOURCE[0]%/*}/netmimic-common.bash" || return

_tracert() {
    _netmimic_complete '-d -h -j -w -R -S -4 -6 -?' \
        '-h -w -S'
}

complete -F _tracert tracert
