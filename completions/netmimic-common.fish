# netmimic-common.fish - the fish completion that tracert, ping, pathping and
# netmimic share (sourced by TOOL.fish, installed beside them).
#
# What the bash completion offers (netmimic-common.bash): a tool's Windows
# options as -x and as /x, the long options, and from the profile in
# effect: hosts after --from, scenarios after --scenario, links after
# --down, the devices' names and addresses as the target and in host lists.
# The names come from `netmimic words`, run by the netmimic beside the
# command's executable, which reads the profile the tool would read.

# The netmimic beside the command being completed (links resolved), else
# the one on PATH.
function __netmimic_inspector
    set -l exe (command -s -- (commandline -opc)[1])
    if test -n "$exe"
        set -l dir (path dirname -- (path resolve -- $exe))
        if test -x $dir/netmimic
            echo $dir/netmimic
            return
        end
    end
    command -s netmimic
end

# The names of KIND (hosts, devices, links, scenarios, targets) of the
# profile in effect: --profile on the line, else what the tool finds.
# NETMIMIC_FROM is ignored: a stale host must not hide the names.
function __netmimic_words -a kind
    set -l inspector (__netmimic_inspector)
    test -n "$inspector"; or return
    set -l tokens (commandline -opc)
    set -l profile
    for i in (seq 2 (count $tokens))
        switch $tokens[$i]
            case '--profile=?*'
                set profile (string replace -- --profile= '' $tokens[$i])
            case --profile
                set -q tokens[(math $i + 1)]; and set profile $tokens[(math $i + 1)]
        end
    end
    # the tool sees ~/ expanded; the line has it raw
    set profile (string replace -r -- '^~/' "$HOME/" $profile)
    set -l args words
    test -n "$profile"; and set args words --profile $profile
    NETMIMIC_FROM= NETMIMIC_TIMING= $inspector $args $kind 2>/dev/null
end

# Whether the word being completed is a /x option.
function __netmimic_slash
    string match -q -- '/*' (commandline -ct)
end

# Whether the word before is one of the options named (as -x), given as /x:
# fish knows -x takes a value, but not /x.
function __netmimic_after_slash
    set -l prev (commandline -opc)[-1]
    string match -q -- '/*' $prev; or return 1
    contains -- (string replace -- / - $prev) $argv
end

# The completions of tool CMD: WINDOWS its Windows options (as -x), VALUED
# those that take a number or an address (nothing to offer after them).
function __netmimic_complete_tool -a cmd windows valued
    set -l windows (string split -n ' ' -- $windows)
    set -l valued (string split -n ' ' -- $valued)
    complete -c $cmd -f
    complete -c $cmd -l from -x -a '(__netmimic_words hosts)' -d 'the host it runs on'
    complete -c $cmd -l scenario -x -a '(__netmimic_words scenarios)' -d 'a scenario of the profile'
    complete -c $cmd -l down -x -a '(__netmimic_words links)' -d 'a link taken down'
    complete -c $cmd -l profile -r -F -d 'the profile (file or directory)'
    complete -c $cmd -l json -r -F -d 'write the JSON record'
    complete -c $cmd -l seed -x -d 'the seed of the random draws'
    complete -c $cmd -l interrupt-after -x -d 'Ctrl+C after N echo results'
    complete -c $cmd -l break-after -x -d 'Ctrl+Break after N echo results (ping)'
    complete -c $cmd -l lang -x -a 'en-US de-DE es-ES fr-FR ja-JP ko-KR pt-BR ru-RU zh-CN' \
        -d 'the language of Windows'
    complete -c $cmd -l encoding -x -a 'utf-8 oem' -d 'the bytes of the text'
    complete -c $cmd -l windows -x -a '11 10 7 xp' -d 'the Windows version'
    complete -c $cmd -l crlf -d 'CR LF line ends'
    complete -c $cmd -l realtime -d 'pace the output like the real tool'
    for o in $windows
        set -l letter (string sub -s 2 -- $o)
        if contains -- $o $valued
            complete -c $cmd -s $letter -x
        else
            complete -c $cmd -s $letter
        end
    end
    # escaped: -a's words are expanded, and /? would be a glob
    complete -c $cmd -n __netmimic_slash \
        -a (string join ' ' -- (string escape -- (string replace -- - / $windows)))
    # the target, or a host of a source route (-j, -k, -g)
    complete -c $cmd -n "not __netmimic_slash; and not __netmimic_after_slash $valued" \
        -a '(__netmimic_words targets)'
end
