#!/usr/bin/env bats
# install.bats - `make install` and `make uninstall`: after a build for
# another prefix, the installed tools find their installed profile and the
# installed completions find it through them; with DESTDIR the files go to
# their places and uninstall removes every one.  Then the Debian package:
# built with dpkg-buildpackage, its file list, lintian.
#
# The builds use their own BUILD and BIN directories under the test's
# temporary directory: the tree's bin/, which the other tests run, is not
# touched; the four install tests share one build.  The .deb of an
# unchanged tree is taken from build/deb-cache/; CI's clean clone builds
# it.  So built, on the project's 2-core machine shared with other
# sessions (load 11 to 14), the file took 44 to 63 s (20 to 23 s of CPU):
# the install tests about 6 s (2 s of CPU), the .deb's build about 13 s
# of CPU (10 of them compiling with Debian's flags, which no other build of
# the suite uses), lintian about 5.

load lib/common

bats_require_minimum_version 1.5.0

# The file tests the Makefile and the package, not the tools' memory: it
# builds its own plain tree and runs none of BIN's programs, so the suite's
# sanitizer pass and make test-valgrind skip it.
sanitizer_pass() {
    [[ $BIN == */bin-san ]]
}

setup_file() {
    sanitizer_pass || under_valgrind && return 0
    export WORK=$BATS_FILE_TMPDIR/work INSTALL_PREFIX=$BATS_FILE_TMPDIR/prefix
    mkdir -p "$WORK"
    # Every test installs from one build, for INSTALL_PREFIX: the first
    # install compiles it (DESTDIR and COMMAND_PREFIX change no object),
    # after a build for another prefix, whose objects and tools install must
    # make again for its own.  That build is the tree's plain one (make
    # test's, for /usr/local), copied with its times, when there is one;
    # else one for /nonexistent/prefix, made here.
    if [ -f "$ROOT_DIR/build/datadir.stamp" ] && [ -f "$ROOT_DIR/build/libnetmimic.a" ]; then
        cp -a "$ROOT_DIR/build" "$WORK/build"
        rm -rf "$WORK/build/deb-cache"
        mkdir "$WORK/bin"
        local t
        for t in tracert ping pathping netmimic; do
            [ ! -f "$ROOT_DIR/bin/$t" ] || cp -a "$ROOT_DIR/bin/$t" "$WORK/bin/"
        done
    else
        make -C "$ROOT_DIR" -s -j2 BUILD="$WORK/build" BIN="$WORK/bin" PREFIX=/nonexistent/prefix \
            all >"$WORK/build.log" 2>&1
    fi
    local datadir
    read -r datadir <"$WORK/build/datadir.stamp"
    [ "$datadir" != "$INSTALL_PREFIX/share/netmimic" ]
}

setup() {
    if under_valgrind; then
        skip "make test-valgrind: install.bats runs none of BIN's programs (its builds are its own), valgrind would check nothing"
    fi
    if sanitizer_pass; then
        skip "install.bats runs in the plain pass only (its builds are its own)"
    fi
}

# mk ARGS...: make in the tree with the test's own build directories.
mk() {
    make -C "$ROOT_DIR" -s -j2 BUILD="$WORK/build" BIN="$WORK/bin" "$@"
}

# A clean environment: no profile, host or seed from outside, the tools
# installed under PREFIX first on PATH.
in_prefix() {
    local prefix=$1
    shift
    env -u NETMIMIC_PROFILE -u NETMIMIC_FROM PATH="$prefix/bin:/usr/bin:/bin" "$@"
}

@test "install PREFIX=DIR after a build for another prefix: the tools find DIR's profile" {
    local prefix=$INSTALL_PREFIX
    mk PREFIX="$prefix" install
    run in_prefix "$prefix" netmimic words profile
    assert_success
    assert_output "$prefix/share/netmimic/azure-interop.ini"
    run in_prefix "$prefix" tracert -d -h 2 10.2.30.10
    assert_success
    assert_line --index 0 "Tracing route to 10.2.30.10 over a maximum of 2 hops"
    # every shipped profile is there, and the other one loads
    local p
    for p in "$ROOT_DIR"/profiles/*.ini; do
        cmp "$p" "$prefix/share/netmimic/${p##*/}"
    done
    run in_prefix "$prefix" ping --profile "$prefix/share/netmimic/home.ini" -n 1 router.home
    assert_success
    # each is read from its compiled twin, installed beside it: the build's
    # twins match the installed tools and the installed texts
    for p in "$ROOT_DIR"/profiles/*.ini; do
        p=$prefix/share/netmimic/${p##*/}
        NETMIMIC_TIMING=1 in_prefix "$prefix" tracert --profile "$p" -h 1 127.0.0.1 \
            >/dev/null 2>"$BATS_TEST_TMPDIR/timing" || true
        grep -q " (twin ${p%.ini}.nmp), " "$BATS_TEST_TMPDIR/timing"
    done
}

@test "installed completions (bash, zsh, fish) hold no path and find the profile through the tools" {
    local prefix=$INSTALL_PREFIX
    mk PREFIX="$prefix" install
    run grep -rl -e "$prefix" -e /usr/local "$prefix/share/bash-completion" "$prefix/share/zsh" \
        "$prefix/share/fish"
    assert_output ""
    local comp=$prefix/share/bash-completion/completions
    run in_prefix "$prefix" bash -c 'source "$1"; COMP_WORDS=(tracert --from sp); COMP_CWORD=2
        _netmimic_tracert; printf "%s\n" "${COMPREPLY[@]}"' _ "$comp/tracert"
    assert_output spoke-vm
    if command -v zsh >/dev/null; then
        run in_prefix "$prefix" zsh -f "$TESTS_DIR/lib/zsh-complete.zsh" \
            "$prefix/share/zsh/site-functions" ping --scenario er
        assert_output er1-primary-down
    fi
    if command -v fish >/dev/null; then
        HOME=$BATS_TEST_TMPDIR run in_prefix "$prefix" fish --no-config -c \
            'set -p fish_complete_path $argv[1]; complete -C "pathping --down loc1-er"' \
            "$prefix/share/fish/vendor_completions.d"
        assert_output --regexp '^loc1-er1-primary'
    fi
}

# The files install puts under PREFIX (relative to it), sorted.
expected_files() {
    local prefix=$1 t
    {
        for t in tracert ping pathping netmimic netmimic-genprofile; do echo "bin/$t"; done
        for t in "$ROOT_DIR"/profiles/*.ini; do
            t=${t##*/}
            echo "share/netmimic/$t"
            echo "share/netmimic/${t%.ini}.nmp"
        done
        echo share/netmimic/netmimic-json.schema.json
        for t in tracert ping pathping; do echo "share/man/man1/$prefix$t.1"; done
        echo share/man/man1/netmimic.1
        echo share/man/man5/netmimic-profile.5
        echo share/man/man5/netmimic-json.5
        for t in tracert ping pathping; do
            echo "share/bash-completion/completions/$prefix$t"
            echo "share/fish/vendor_completions.d/$prefix$t.fish"
        done
        echo share/bash-completion/completions/netmimic
        echo share/bash-completion/completions/netmimic-common.bash
        echo share/fish/vendor_completions.d/netmimic.fish
        echo share/fish/vendor_completions.d/netmimic-common.fish
        echo share/zsh/site-functions/_netmimic
    } | LC_ALL=C sort
}

@test "install DESTDIR=D PREFIX=P: every file in its place, uninstall removes them all" {
    local dest=$BATS_TEST_TMPDIR/dest
    local root=$dest$INSTALL_PREFIX
    mk DESTDIR="$dest" PREFIX="$INSTALL_PREFIX" install
    run bash -c 'cd "$1" && find . -type f | sed "s|^\./||" | LC_ALL=C sort' _ "$root"
    assert_output "$(expected_files '')"
    [ -x "$root/bin/tracert" ]
    [ ! -x "$root/share/netmimic/home.ini" ]
    head -1 "$root/share/zsh/site-functions/_netmimic" | grep -qx '#compdef tracert ping pathping netmimic'
    mk DESTDIR="$dest" PREFIX="$INSTALL_PREFIX" uninstall
    run find "$dest" -type f
    assert_output ""
    [ ! -d "$root/share/netmimic" ]
}

@test "install COMMAND_PREFIX=netmimic-: completions and man pages under the netmimic- names" {
    local dest=$BATS_TEST_TMPDIR/dest
    local root=$dest$INSTALL_PREFIX
    mk DESTDIR="$dest" PREFIX="$INSTALL_PREFIX" COMMAND_PREFIX=netmimic- install
    run bash -c 'cd "$1" && find . -type f | sed "s|^\./||" | LC_ALL=C sort' _ "$root"
    assert_output "$(expected_files netmimic-)"
    head -1 "$root/share/zsh/site-functions/_netmimic" |
        grep -qx '#compdef netmimic-tracert netmimic-ping netmimic-pathping netmimic'
    run bash -c 'source "$1"; complete -p netmimic-ping' _ \
        "$root/share/bash-completion/completions/netmimic-ping"
    assert_output "complete -F _netmimic_ping netmimic-ping"
    mk DESTDIR="$dest" PREFIX="$INSTALL_PREFIX" COMMAND_PREFIX=netmimic- uninstall
    run find "$dest" -type f
    assert_output ""
}

# ---- the Debian package ------------------------------------------------------------

@test "debian: dpkg-buildpackage builds a lintian-clean .deb with the files in Debian's places" {
    local tool
    for tool in dpkg-buildpackage dh lintian; do
        command -v "$tool" >/dev/null ||
            skip "$tool is missing: the Debian build tools (dpkg-dev, debhelper, lintian; make deps-test)"
    done
    # a copy of the tree (without the build trees, which debian/rules' make
    # clean would remove): dpkg-buildpackage writes beside the source
    local src=$BATS_TEST_TMPDIR/deb/src
    mkdir -p "$src"
    tree_tar() {
        tar -C "$ROOT_DIR" --exclude='./build*' --exclude='./bin*' --exclude=./.git "$@" -cf - .
    }
    tree_tar | tar -C "$src" -xf -
    # The package of the same tree (the same names, modes and bytes, built by
    # the same dpkg-buildpackage) is kept in build/deb-cache/ and not built
    # again: the build is most of this file's time.  Its checks below run.
    local key cache
    key=$({
        dpkg-buildpackage --version | head -1
        tree_tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner | sha256sum
    } | sha256sum)
    cache=$ROOT_DIR/build/deb-cache/${key%% *}
    if [ -f "$cache/done" ]; then
        cp "$cache"/netmimic*_* "$BATS_TEST_TMPDIR/deb/"
    else
        (cd "$src" && dpkg-buildpackage -us -uc -b) >"$BATS_TEST_TMPDIR/deb/log" 2>&1 || {
            tail -30 "$BATS_TEST_TMPDIR/deb/log" >&2
            return 1
        }
        if [ -d "$ROOT_DIR/build" ]; then
            rm -rf "$ROOT_DIR/build/deb-cache"
            mkdir -p "$cache" && cp "$BATS_TEST_TMPDIR"/deb/netmimic*_* "$cache/" && touch "$cache/done"
        fi
    fi
    local deb
    deb=$(echo "$BATS_TEST_TMPDIR"/deb/netmimic_*_*.deb)
    [ -f "$deb" ]
    run bash -c 'dpkg-deb -c "$1" | awk "{ print \$6 \$7 \$8 }" | sed "s|^\./||" | LC_ALL=C sort' _ "$deb"
    # the tools in /usr/lib/netmimic/bin, links in /usr/bin; no ping, tracert
    # or pathping on the system's PATH
    assert_line usr/lib/netmimic/bin/ping
    assert_line usr/lib/netmimic/bin/tracert
    assert_line usr/lib/netmimic/bin/pathping
    assert_line usr/lib/netmimic/bin/netmimic
    assert_line "usr/bin/netmimic-ping->../lib/netmimic/bin/ping"
    assert_line "usr/bin/netmimic-tracert->../lib/netmimic/bin/tracert"
    assert_line "usr/bin/netmimic-pathping->../lib/netmimic/bin/pathping"
    assert_line "usr/bin/netmimic->../lib/netmimic/bin/netmimic"
    refute_line --regexp '^usr/bin/(ping|tracert|pathping)'
    refute_line --regexp '^usr/(local|share/man/man1/ping)'
    # profiles, man pages, completions in Debian's places
    assert_line usr/share/netmimic/azure-interop.ini
    assert_line usr/share/netmimic/home.ini
    assert_line usr/share/netmimic/azure-interop.nmp
    assert_line usr/share/netmimic/home.nmp
    assert_line usr/share/netmimic/netmimic-json.schema.json
    assert_line usr/share/man/man1/netmimic-ping.1.gz
    assert_line usr/share/man/man1/netmimic.1.gz
    assert_line usr/share/man/man5/netmimic-profile.5.gz
    assert_line usr/share/bash-completion/completions/netmimic-ping
    assert_line usr/share/bash-completion/completions/netmimic-common.bash
    assert_line usr/share/zsh/vendor-completions/_netmimic
    assert_line usr/share/fish/vendor_completions.d/netmimic-ping.fish
    assert_line usr/share/doc/netmimic/copyright
    # the tools were built for /usr/share/netmimic
    dpkg-deb -x "$deb" "$BATS_TEST_TMPDIR/deb/root"
    grep -q /usr/share/netmimic "$BATS_TEST_TMPDIR/deb/root/usr/lib/netmimic/bin/tracert"
    # lintian: no error or warning but those debian/README.Debian explains
    # (as root, lintian says it is not recommended, on stderr: not a finding).
    # All its checks, on the .changes (both .debs, the .buildinfo): about 5 s
    # of CPU, 2 of them its start (one check alone costs that), the dearest
    # check documentation/manual, which renders each man page with man.
    run bash -c 'lintian --suppress-tags bogus-mail-host,bogus-mail-host-in-debian-changelog \
        "$@" 2>&1 | grep -v "^running with root privileges"' _ "$BATS_TEST_TMPDIR"/deb/netmimic_*_*.changes
    assert_output ""
}
