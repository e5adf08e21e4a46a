# fish completion for netmimic's tracert.
#
# Windows options -d -h -j -w -R -S -4 -6 -? (also as /x), the long options, and from the
# profile in effect the hosts, scenarios, links and targets.  The work is
# done by netmimic-common.fish, installed beside this file (fish loads one
# file per command).  It completes the command it is installed as: tracert,
# or netmimic-tracert in the Debian package.

source (path dirname -- (path resolve -- (status filename)))/netmimic-common.fish
__netmimic_complete_tool (path change-extension '' -- (path basename -- (status filename))) \
    '-d -h -j -w -R -S -4 -6 -?' '-h -w -S'
