# text-hops.awk - tracert's hop lines of each text file given, one a line:
# "NAME|HOP|FIELD|FIELD|FIELD|REST", NAME the file's name without directory
# and .txt, a field "*", "<1 ms" or "N ms", REST the address text or the
# message: what json.bats' JQ_HOPS makes of the record.  One awk for all
# the files of a test.
/^ *[0-9]+  / {
    name = FILENAME; sub(/.*\//, "", name); sub(/\.txt$/, "", name)
    line = $0; sub(/^ +/, "", line)
    n = split(line, t, / +/); out = name "|" t[1]; i = 2
    for (f = 0; f < 3 && i <= n; f++) {
        if (t[i] == "*") { out = out "|*"; i++ }
        else if (t[i + 1] == "ms") { out = out "|" t[i] " ms"; i += 2 }
        else break
    }
    rest = t[i]; for (i++; i <= n; i++) rest = rest " " t[i]
    print out "|" rest
}
