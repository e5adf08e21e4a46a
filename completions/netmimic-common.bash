# netmimic-common.bash - the bash completion that tracert, ping and pathping
# share (sourced by completions/TOOL.bash, installed beside them).
#
# Completes a tool's Windows options (also as /x), netmimic's long options,
# and from the profile in effect: host names after --from, scenario names
# after --scenario, link names after --down, and the devices' names and
# addresses as the target and in source-route host lists.  The names come
# from the tool itself: `netmimic words`, run by the netmimic installed beside
# the tool being completed, which finds the profile as the tool does
# (--profile on the command line, $NETMIMIC_PROFILE, profiles/ of a build
# tree, the data directory the tools were built for) and reads it with the
# tools' own loader.

# The netmimic that agrees with the tool being completed: the one in the
# directory of its executable (links resolved: /usr/bin/netmimic-ping is
# /usr/lib/netmimic/bin/ping), else the one on PATH.
_netmimic_inspector() {
    local exe
    exe=$(type -P -- "${COMP_WORDS[0]}" 2>/dev/null)
    [[ -n $exe ]] && exe=$(readlink -f -- "$exe" 2>/dev/null)
    if [[ -n $exe && -x ${exe%/*}/netmimic ]]; then
        printf '%s\n' "${exe%/*}/netmimic"
    else
        type -P netmimic
    fi
}

# The --profile given on the command line in COMP_WORDS, if any.
_netmimic_profile() {
    local i w
    for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
        w=${COMP_WORDS[i]}
        if [[ $w == --profile=?* ]]; then
            w=${w#--profile=}
        elif [[ $w == --profile ]]; then
            # "--profile FILE", or "--profile = FILE" when '=' breaks words
            w=${COMP_WORDS[i + 1]-}
            [[ $w == = ]] && w=${COMP_WORDS[i + 2]-}
        else
            continue
        fi
        # bash expands a leading ~/ before the tool sees it; COMP_WORDS has it raw
        # shellcheck disable=SC2088 # the raw text is wanted
        local tilde='~/'
        [[ $w == "$tilde"* ]] && w=$HOME/${w#"$tilde"}
        printf '%s\n' "$w"
        return
    done
}

# Prints the names of one kind of object of the profile in effect, one a
# line, as `netmimic words KIND` gives them: hosts, devices, links,
# scenarios, targets (every device's names and addresses, localhost).
# NETMIMIC_FROM is ignored: a stale host must not hide the names.
_netmimic_profile_names() {
    local inspector profile
    inspector=$(_netmimic_inspector) || return 0
    profile=$(_netmimic_profile)
    local -a args=(words)
    [[ -n $profile ]] && args+=(--profile "$profile")
    NETMIMIC_FROM='' NETMIMIC_TIMING='' "$inspector" "${args[@]}" "$1" 2>/dev/null
}

# Sets COMPREPLY to the words of the list on stdin (one a line) that start
# with CUR, each preceded by PREFIX.  mapfile, not COMPREPLY=($(...)): a word
# such as '-?' must not be expanded as a file name pattern.
_netmimic_reply() {
    local prefix=$1 cur=$2 w
    COMPREPLY=()
    while IFS= read -r w; do
        [[ -n $w && $w == "$cur"* ]] && COMPREPLY+=("$prefix$w")
    done
}

# The values of --lang: the catalogues built in (common/render/lang/*.msg).
_netmimic_langs='en-US de-DE es-ES fr-FR ja-JP ko-KR pt-BR ru-RU zh-CN'

# The completion itself, shared by ping and pathping: WINDOWS is the list of
# the tool's Windows options (as -x), VALUED the list of those that take a
# number or an address, for which there is nothing to offer.  Host lists
# (-j, -k, -g) and the target are completed with the devices' names and
# addresses.
_netmimic_complete() {
    local -a windows valued
    read -r -a windows <<<"$1"
    read -r -a valued <<<"$2"
    local cur prev
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    # A long option's value: "--opt value", "--opt=value" as one word (the
    # reply then keeps the "--opt=" part), or "--opt = value" when '=' is in
    # COMP_WORDBREAKS (readline then completes only the part after '=').
    local opt='' prefix=''
    if [[ $cur == --*=* ]]; then
        opt=${cur%%=*}
        cur=${cur#*=}
        prefix=$opt=
    elif [[ $cur == = && $prev == --* ]]; then
        opt=$prev
        cur=
    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
        opt=${COMP_WORDS[COMP_CWORD - 2]}
    elif [[ $prev == --* ]]; then
        opt=$prev
    fi

    case $opt in
    --from)
        _netmimic_reply "$prefix" "$cur" < <(_netmimic_profile_names hosts)
        return 0
        ;;
    --scenario)
        _netmimic_reply "$prefix" "$cur" < <(_netmimic_profile_names scenarios)
        return 0
        ;;
    --down)
        _netmimic_reply "$prefix" "$cur" < <(_netmimic_profile_names links)
        return 0
        ;;
    --profile | --json)
        compopt -o filenames 2>/dev/null
        _netmimic_reply "$prefix" "" < <(compgen -f -- "$cur")
        return 0
        ;;
    --seed | --interrupt-after | --break-after)
        return 0
        ;;
    --lang)
        # shellcheck disable=SC2086 # one word per language
        _netmimic_reply "$prefix" "$cur" < <(printf '%s\n' $_netmimic_langs)
        return 0
        ;;
    --encoding)
        _netmimic_reply "$prefix" "$cur" < <(printf '%s\n' utf-8 oem)
        return 0
        ;;
    --windows)
        _netmimic_reply "$prefix" "$cur" < <(printf '%s\n' 11 10 7 xp)
        return 0
        ;;
    esac

    # Windows options that take a number or an address: nothing to offer.
    local v
    for v in "${valued[@]}"; do
        [[ $prev == "$v" || $prev == "/${v#-}" ]] && return 0
    done

    local long=(--profile= --from= --seed= --down= --scenario= --json= --crlf --realtime
        --lang= --encoding= --windows= --interrupt-after= --break-after=)
    case $cur in
    --*)
        _netmimic_reply "" "$cur" < <(printf '%s\n' "${long[@]}")
        # a long option that takes a value: no space after its '='
        [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
        ;;
    -*)
        _netmimic_reply "" "$cur" < <(printf '%s\n' "${windows[@]}" "${long[@]}")
        ;;
    /*)
        _netmimic_reply "" "$cur" < <(printf '%s\n' "${windows[@]/#-//}")
        ;;
    *)
        # the target, or a host of a source route: the names of the devices,
        # and localhost, which every host answers itself
        _netmimic_reply "" "$cur" < <(_netmimic_profile_names targets)
        ;;
    esac
    return 0
}
