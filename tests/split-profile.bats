#!/usr/bin/env bats
# split-profile.bats - a profile given as a directory: every *.ini file of it,
# in name order, is a part of one profile (--profile DIR, NETMIMIC_PROFILE=DIR).
# A split profile answers byte for byte as the one file it was split from;
# a message about bad input names the part the section came from.

load lib/common

bats_require_minimum_version 1.5.0

BAD=$TEST_PROFILES/bad

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
}

# split_profile FILE DIR N: writes FILE's sections into DIR, N sections per
# part, as DIR/part-01.ini, part-02.ini, ...; the lines before the first
# section go with it.
split_profile() {
    mkdir -p "$2"
    awk -v dir="$2" -v per="$3" '
        /^\[/ { if (n++ % per == 0) { if (out) close(out); out = sprintf("%s/part-%02d.ini", dir, ++part) } }
        { if (!out) head = head $0 "\n"; else { if (head != "") { printf "%s", head > out; head = "" } print > out } }' "$1"
}

# same_output TOOL ARGS...: TOOL ARGS on the default profile and on its
# split copy in split/ give the same stdout, byte for byte, and exit 0.
same_output() {
    local tool=$1
    shift
    tool_run "$tool" one.txt --profile "$PROFILE" "$@"
    assert_exit 0 one.txt
    tool_run "$tool" split.txt --profile split "$@"
    assert_exit 0 split.txt
    assert_same_file split.txt one.txt
}

# split_fails MESSAGE: tracert on the split profile in split/ is refused
# with exactly "tracert: MESSAGE", exit 2, nothing on stdout.
split_fails() {
    run --separate-stderr "$BIN/tracert" --profile split --seed 1 10.0.1.2
    assert_equal "$stderr" "tracert: $1"
    assert_equal "$output" ""
    assert_equal "$status" 2
}

# The base profile split in parts of two sections: part-01.ini holds
# [network] and [site s1], part-02.ini the devices h1 and r1, part-03.ini r2
# and link l1, part-04.ini link l2 and session s2, part-05.ini scenario sc1.
split_base() {
    split_profile "$BAD/base.ini" split 2
}

@test "split: the default profile in parts of three sections, several parts" {
    split_profile "$PROFILE" split 3
    [ "$(ls split | wc -l)" -gt 10 ]
}

@test "split: tracert, failover and -d give the same bytes as the one file" {
    split_profile "$PROFILE" split 3
    same_output tracert --from spoke-vm --seed 1008 10.2.30.10
    same_output tracert --from loc1-vm --scenario er1-primary-down --seed 320 10.10.30.4
    same_output tracert --crlf -d --seed 7 10.17.30.4
}

@test "split: ping and pathping give the same bytes as the one file" {
    split_profile "$PROFILE" split 3
    same_output ping --from loc2-vm --seed 2 10.10.30.4
    same_output pathping -n -q 10 --seed 1 10.2.30.10
}

@test "split: one section per part gives the same bytes" {
    split_profile "$PROFILE" split 1
    same_output tracert --from loc1-vm --seed 5 10.17.30.4
}

@test "split: NETMIMIC_PROFILE names a directory too" {
    split_profile "$PROFILE" split 3
    tool_run tracert one.txt --profile "$PROFILE" --seed 1 10.11.30.4
    NETMIMIC_PROFILE=split tool_run tracert split.txt --seed 1 10.11.30.4
    assert_exit 0 split.txt
    assert_same_file split.txt one.txt
}

@test "split: a trailing slash, hidden files and other names are not parts" {
    split_base
    printf '[device h1]\n' >split/.hidden.ini
    printf '[device h1]\n' >split/notes.txt
    printf '[device h1]\n' >split/part-06.ini.orig
    run --separate-stderr "$BIN/tracert" --profile split/ --seed 1 -d 10.0.1.2
    assert_equal "$stderr" ""
    assert_equal "$status" 0
    assert_line --index 2 '  2    <1 ms    <1 ms    <1 ms  10.0.1.2'
}

@test "split: parts are read in name order" {
    # the base's parts renamed so that name order puts r2's part first: the
    # devices' order changes, not the answer
    split_base
    mv split/part-03.ini split/a.ini
    run --separate-stderr "$BIN/tracert" --profile split --seed 1 -d 10.0.1.2
    assert_equal "$status" 0
    mv split/a.ini split/part-03.ini
    printf '[device r2]\n' >split/part-00.ini
    split_fails "split/part-03.ini: [device r2]: defined twice (split/part-00.ini line 1 and split/part-03.ini line 1)"
}

@test "split bad: a directory without a part" {
    mkdir split
    : >split/readme.txt
    split_fails "split: cannot read profile: no *.ini file in the directory"
}

@test "split bad: a part that is not a regular file" {
    split_base
    mkdir split/part-09.ini
    split_fails "split/part-09.ini: cannot read profile: not a regular file"
}

@test "split bad: a syntax error names its part and line" {
    split_base
    printf 'kind = host\nthis is not a key\n' >>split/part-03.ini
    split_fails "split/part-03.ini: line $(wc -l <split/part-03.ini): syntax error: 'this is not a key'"
}

@test "split bad: a bad value names the part of its section" {
    split_base
    sed -i 's/^asn = 65002$/asn = x/' split/part-03.ini
    split_fails "split/part-03.ini: [device r2] asn: 'x' is not a whole number from 1 to 4294967295"
}

@test "split bad: a key given twice in a section of a later part" {
    split_base
    printf 'a = h1.eth0\n' >>split/part-03.ini
    split_fails "split/part-03.ini: [link l1] a: given twice (lines 6 and 9)"
}

@test "split bad: a reference resolved after all parts names the part of its section" {
    # [link l2] is in part-04.ini; its end is checked once every part is read
    split_base
    sed -i 's/^b = r2.lan$/b = r9.lan/' split/part-04.ini
    split_fails "split/part-04.ini: [link l2] b: no [device r9]"
}

@test "split bad: a device's check names its part, whatever part is read last" {
    split_base
    sed -i 's/^routes = .*/routes = 0.0.0.0\/0 via 10.0.0.9/' split/part-02.ini
    split_fails "split/part-02.ini: [device h1] routes: next hop 10.0.0.9 is not at the far end of any link of 'h1'"
}

@test "split bad: a section defined in two parts names both" {
    split_base
    printf '\n[device r1]\nasn = 65009\n' >>split/part-05.ini
    split_fails "split/part-05.ini: [device r1]: defined twice (split/part-02.ini line 8 and split/part-05.ini line 4)"
}

@test "split bad: the same section spelled with other case and blanks" {
    split_base
    printf '[Device   R1]\n' >split/part-06.ini
    split_fails "split/part-06.ini: [Device   R1]: defined twice (split/part-02.ini line 8 and split/part-06.ini line 1)"
}

@test "split bad: [network] in two parts" {
    split_base
    printf '[network]\ndefault_host = h1\n' >split/part-06.ini
    split_fails "split/part-06.ini: [network]: defined twice (split/part-01.ini line 6 and split/part-06.ini line 1)"
}

@test "split bad: no part has [network]" {
    split_base
    sed -i '/^\[network\]/,/^$/d' split/part-01.ini
    split_fails "split: [network]: missing section"
}

@test "split bad: a key before any section of a part" {
    split_base
    sed -i '1i stray = 1' split/part-04.ini
    split_fails "split/part-04.ini: [] stray: key outside any section"
}

# Parts are read ahead on a second thread, in any order of completion: the
# error reported is still the first one in part order, on every run.
# generated_parts: a generated network of 40 parts in split/
generated_parts() {
    "$ROOT_DIR/tools/netmimic-genprofile" --sites 200 --out split
    [ "$(ls split | wc -l)" -eq 40 ]
}

@test "split bad: of two syntax errors in two parts, the first part's is reported, every time" {
    generated_parts
    printf 'first error\n' >>split/part-00003.ini
    printf 'last error\n' >>split/part-00040.ini
    for run in 1 2 3 4 5; do
        split_fails "split/part-00003.ini: line $(wc -l <split/part-00003.ini): syntax error: 'first error'"
    done
}

@test "split bad: a bad value in an early part comes before a syntax error in a later one" {
    generated_parts
    sed -i 's/^asn = "64513"$/asn = "x"/' split/part-00001.ini
    printf 'oops\n' >>split/part-00002.ini
    for run in 1 2 3 4 5; do
        split_fails "split/part-00001.ini: [device r2] asn: 'x' is not a whole number from 1 to 4294967295"
    done
}

@test "split bad: a FIFO among many parts is refused, not waited on" {
    generated_parts
    rm split/part-00030.ini
    mkfifo split/part-00030.ini
    run --separate-stderr timeout 20 "$BIN/tracert" --profile split --seed 1 10.0.1.2
    assert_equal "$stderr" "tracert: split/part-00030.ini: cannot read profile: not a regular file"
    assert_equal "$status" 2
}
