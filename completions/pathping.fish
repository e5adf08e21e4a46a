# fish completion for netmimic's pathping.
#
# Windows options -g -h -i -n -p -q -w -4 -6 -? (also as /x), the long options, and from the
# profile in effect the hosts, scenarios, links and targets.  The work is
# done by netmimic-common.fish, installed beside this file (fish loads one
# file per command).  It completes the command it is installed as: pathping,
# or netmimic-pathping in the Debian package.

source (path dirname -- (path resolve -- (status filename)))/netmimic-common.fish
__netmimic_complete_tool (path change-extension '' -- (path basename -- (status filename))) \
    '-g -h -i -n -p -q -w -4 -6 -?' '-h -i -p -q -w'
