# fish completion for netmimic.
#
# The commands, each command's options (as its usage lists them), and from
# the profile in effect: hosts after --from, scenarios after --scenario,
# links after --down, devices as routes' DEVICE, targets after --to and as
# explain's TARGET, the kinds of words, a file as compile's OUTPUT.  The
# profile helpers are netmimic-common.fish's, installed beside.

source (path dirname -- (path resolve -- (status filename)))/netmimic-common.fish

# The command on the line and how many operands it has so far, as "CMD N"
# (nothing before the command).
function __netmimic_command
    set -l tokens (commandline -opc)
    set -l cmd
    set -l nargs 0
    set -l skip 0
    for t in $tokens[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        switch $t
            case --profile --from --scenario --down --to --max-hops
                set skip 1
            case '-*'
            case '*'
                if test -z "$cmd"
                    set cmd $t
                else
                    set nargs (math $nargs + 1)
                end
        end
    end
    echo "$cmd" $nargs
end

# Whether the command is one of those named; with -0, also that it has no
# operand yet.
function __netmimic_in
    set -l state (string split ' ' -- (__netmimic_command))
    if test "$argv[1]" = -0
        test "$state[2]" = 0; or return 1
        set -e argv[1]
    end
    contains -- "$state[1]" $argv
end

complete -c netmimic -f
complete -c netmimic -n "__netmimic_in ''" \
    -a 'hosts links scenarios routes explain check graph words compile'
complete -c netmimic -l profile -r -F -d 'the profile (file or directory)'
complete -c netmimic -l help -d 'the usage'
complete -c netmimic -n '__netmimic_in links check routes explain graph' \
    -l scenario -x -a '(__netmimic_words scenarios)' -d 'a scenario of the profile'
complete -c netmimic -n '__netmimic_in links check routes explain graph' \
    -l down -x -a '(__netmimic_words links)' -d 'a link taken down'
complete -c netmimic -n '__netmimic_in explain graph' \
    -l from -x -a '(__netmimic_words hosts)' -d 'the host the flow starts at'
complete -c netmimic -n '__netmimic_in graph' -l to -x -a '(__netmimic_words targets)' \
    -d 'the flow drawn in red'
complete -c netmimic -n '__netmimic_in graph' -l svg -d 'render with Graphviz'
complete -c netmimic -n '__netmimic_in explain' -l max-hops -x -d 'at most this many hops'
complete -c netmimic -n '__netmimic_in explain' -s 4 -d 'IPv4'
complete -c netmimic -n '__netmimic_in explain' -s 6 -d 'IPv6'
complete -c netmimic -n '__netmimic_in -0 routes' -a '(__netmimic_words devices)'
complete -c netmimic -n '__netmimic_in -0 explain' -a '(__netmimic_words targets)'
complete -c netmimic -n '__netmimic_in -0 words' -a 'hosts devices links scenarios targets profile'
complete -c netmimic -n '__netmimic_in -0 compile' -F -d 'the compiled profile to write'
