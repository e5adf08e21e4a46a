# bash completion for netmimic                                -*- shell-script -*-
#
# The commands, each command's options, and from the profile in effect:
# hosts after --from, scenarios after --scenario, links after --down,
# devices as routes' DEVICE, the devices' names and addresses as explain's
# and --to's target, the kinds of words, a file as compile's OUTPUT.  The profile helpers are
# netmimic-common.bash's, installed beside.

# shellcheck source=completions/netmimic-common.bash
. "${BASH_SOURCE[0]%/*}/netmimic-common.bash" || return

# The options of COMMAND, one a line (as netmimic's usage lists them).
_netmimic_options() {
    case $1 in
    hosts | scenarios | words | compile) printf '%s\n' --profile= --help ;;
    links | check) printf '%s\n' --profile= --scenario= --down= --help ;;
    routes) printf '%s\n' --profile= --scenario= --down= --help ;;
    explain) printf '%s\n' --profile= --from= --scenario= --down= --max-hops= -4 -6 --help ;;
    graph) printf '%s\n' --profile= --from= --to= --scenario= --down= --svg --help ;;
    esac
}

_netmimic() {
    local cur prev cmd='' i nargs=0 opt='' prefix=''
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()
    # the command, and how many operands come before the word
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        --profile | --from | --scenario | --down | --to | --max-hops) ((i++)) ;;
        -*) ;;
        *) if [[ -z $cmd ]]; then cmd=${COMP_WORDS[i]}; else ((nargs++)); fi ;;
        esac
    done
    if [[ $cur == --*=* ]]; then
        opt=${cur%%=*}
        cur=${cur#*=}
        prefix=$opt=
    elif [[ $prev == --* ]]; then
        opt=$prev
    fi
    case $opt in
    --from) _netmimic_reply "$prefix" "$cur" < <(_netmimic_profile_names hosts); return 0 ;;
    --scenario) _netmimic_reply "$prefix" "$cur" < <(_netmimic_profile_names scenarios); return 0 ;;
    --down) _netmimic_reply "$prefix" "$cur" < <(_netmimic_profile_names links); return 0 ;;
    --to) _netmimic_reply "$prefix" "$cur" < <(_netmimic_profile_names targets); return 0 ;;
    --profile)
        compopt -o filenames 2>/dev/null
        _netmimic_reply "$prefix" "" < <(compgen -f -- "$cur")
        return 0
        ;;
    --max-hops) return 0 ;;
    esac
    if [[ -z $cmd ]]; then
        _netmimic_reply "" "$cur" < <(printf '%s\n' hosts links scenarios routes explain \
            check graph words compile --profile= --help)
        return 0
    fi
    if [[ $cur == -* ]]; then
        _netmimic_reply "" "$cur" < <(_netmimic_options "$cmd")
        [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
        return 0
    fi
    case $cmd:$nargs in
    routes:0) _netmimic_reply "" "$cur" < <(_netmimic_profile_names devices) ;;
    explain:0) _netmimic_reply "" "$cur" < <(_netmimic_profile_names targets) ;;
    words:0)
        _netmimic_reply "" "$cur" < <(printf '%s\n' hosts devices links scenarios targets profile)
        ;;
    compile:0) # OUTPUT: a file to write
        compopt -o filenames 2>/dev/null
        _netmimic_reply "" "" < <(compgen -f -- "$cur")
        ;;
    esac
    return 0
}

complete -F _netmimic netmimic
