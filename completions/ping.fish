# fish completion for netmimic's ping.
#
# Windows options -t -a -n -l -f -i -v -r -s -j -k -w -R -S -c -p -4 -6 -?
# (also as /x), the long options, and from the profile in effect the hosts, scenarios, links and targets.  The work is
# done by netmimic-common.fish, installed beside this file (fish loads one
# file per command).  It completes the command it is installed as: ping,
# or netmimic-ping in the Debian package.

source (path dirname -- (path resolve -- (status filename)))/netmimic-common.fish
__netmimic_complete_tool (path change-extension '' -- (path basename -- (status filename))) \
    '-t -a -n -l -f -i -v -r -s -j -k -w -R -S -c -p -4 -6 -?' '-n -l -i -v -r -s -w -S -c'
