# bash completion for netmimic's ping                     -*- shell-script -*-
#
# Windows options -t -a -n -l -f -i -v -r -s -j -k -w -R -S -c -p -4 -6 -? (also as /x), the long options.
# The work is done by netmimic-common.bash, installed beside this file
# (bash-completion loads one file per command, so each sources it).

# shellcheck source=completions/netmimic-common.bash
. "${BASH_SOURCE[0]%/*}/netmimic-common.bash" || return

_ping() {
    _netmimic_complete '-t -a -n -l -f -i -v -r -s -j -k -w -R -S -c -p -4 -6 -?' \
        '-n -l -i -v -r -s -w -S -c'
}

complete -F _ping ping
