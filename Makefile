# netmimic: three Windows network tools answering from a simulated network.
# One static library of common/ serves every front end in tools/.

CC       ?= cc
# The sanitizer and fuzzing trees (SAN=1, FUZZ=1) compile at -O1 with line
# tables only (-g1), which is what their reports need (file:line in each
# frame), in about half the compile time of -O2 -g: make test builds both
# from scratch (the sanitizer tree's build fell from 27 to 14 s of CPU).
ifneq ($(filter 1,$(SAN) $(FUZZ)),)
CFLAGS   ?= -O1 -g1
endif
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -Wall -Wextra -Werror -pthread
CPPFLAGS += -Icommon -I/usr/include/iniparser \
            -DNETMIMIC_DATADIR='"$(DATADIR)"'
LDLIBS   += -liniparser -lm -pthread

# Where `make install` puts things.  DATADIR is compiled into the tools (the
# installed default profile); BINDIR may be a private directory (the Debian
# package's /usr/lib/netmimic/bin).  COMMAND_PREFIX is what tracert, ping
# and pathping are called on the user's PATH: empty for the tools' own names,
# netmimic- for the Debian package's /usr/bin/netmimic-ping links; their
# completions are registered and their man pages installed under that name.
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/netmimic
MANDIR   ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
COMMAND_PREFIX ?=
BUILD    ?= build
BIN      ?= bin

# The tools are linked statically (STATIC=1, the default): on a small
# profile a run is mostly a process start, and the dynamic loader's work for
# libc, libiniparser and libm is a third of it (make bench).  STATIC=0 links
# them dynamically, as a distribution's package does.
STATIC   ?= 1

# SAN=1 builds with AddressSanitizer and UndefinedBehaviorSanitizer (which
# need the dynamic loader).  Their run-time libraries are linked in (gcc's
# -static-libasan; clang's default): loading libasan.so and the C++ library
# it needs was a third of every sanitized run's start, and the suite starts
# thousands.  Not position-independent: a PIE's start relocates every
# pointer of its data, the runtime's included, page by page (190 of a run's
# 2,870 page faults, which cost about 20 us each on the project's VMs).
ifeq ($(SAN),1)
CFLAGS   += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -fno-pie
LDFLAGS  += -fsanitize=address,undefined -no-pie \
            $(if $(findstring clang,$(CC)),,-static-libasan -static-libubsan)
STATIC   := 0
endif
TOOL_LDFLAGS := $(if $(filter 1,$(STATIC)),-static)

TOOLS      := tracert ping pathping netmimic
COMMON_SRC := $(wildcard common/*/*.c)
COMMON_OBJ := $(COMMON_SRC:common/%.c=$(BUILD)/common/%.o)
LIB        := $(BUILD)/libnetmimic.a
TEST_HELPERS := $(BIN)/netmimic-seedsearch $(BIN)/test-dist $(BIN)/test-addr \
                $(BIN)/test-routing $(BIN)/test-strmap $(BIN)/netmimic-runstat \
                $(BIN)/test-render $(BIN)/test-compiled

DEB_PKGS := libiniparser-dev bats bats-support bats-assert mandoc jq graphviz python3 jc
# Only the tests need these: the shells whose completions tests/completion.bats
# runs, and the Debian build tools with which tests/install.bats builds the
# package and checks it with lintian.
DEB_TEST_PKGS := zsh fish debhelper dpkg-dev fakeroot lintian
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps deps-test test test-plain test-san test-tree test-tree-san test-tree-dual demo clean \
        install uninstall bench FORCE fuzz fuzz-smoke fuzz-build fuzz-deps fuzz-tree

# Each shipped profile's compiled twin (common/profile/twin.h): the tools
# read BIN/twins/NAME.nmp in place of profiles/NAME.ini while its header
# records the text's exact bytes and this build; make install puts them
# beside the installed profiles.  The default profile's tracert is then
# mostly its process start (make bench).
TWINS := $(patsubst profiles/%.ini,$(BIN)/twins/%.nmp,$(wildcard profiles/*.ini))

all: $(TOOLS:%=$(BIN)/%) $(TWINS)

# Compiled from the text (NETMIMIC_TWINS=0: never from an earlier twin).
$(BIN)/twins/%.nmp: profiles/%.ini $(BIN)/netmimic
	@mkdir -p $(@D)
	NETMIMIC_TWINS=0 $(BIN)/netmimic --profile $< compile $@

HEADERS    := $(wildcard common/*/*.h)

# Keep the objects that only pattern rules name (tools/*.o, the unit tests'):
# deleted as intermediates, they were compiled again by every make test.
.SECONDARY:

# The message catalogues, turned into C at build time by POSIX awk (no python
# on a bare machine); en-US.msg first: it defines the message identities.
GEN        := $(BUILD)/gen
MSG_SRC    := common/render/lang/en-US.msg \
              $(filter-out %/en-US.msg,$(sort $(wildcard common/render/lang/*.msg)))
CPPFLAGS   += -I$(GEN)
COMMON_OBJ += $(GEN)/render/msg_table.o
HEADERS    += $(GEN)/render/msg_ids.h

# A file is replaced only when its text changes, so that a new translation
# recompiles the table alone, not every file that includes msg_ids.h.
$(GEN)/render/stamp: $(MSG_SRC) common/render/lang/genmsg.awk
	@mkdir -p $(@D)
	awk -v ids=$(@D)/msg_ids.h.new -v table=$(@D)/msg_table.c.new \
	  -f common/render/lang/genmsg.awk $(MSG_SRC)
	for f in msg_ids.h msg_table.c; do \
	  cmp -s $(@D)/$$f.new $(@D)/$$f && rm $(@D)/$$f.new || mv $(@D)/$$f.new $(@D)/$$f; \
	done
	touch $@

$(GEN)/render/msg_ids.h $(GEN)/render/msg_table.c: $(GEN)/render/stamp ;

$(GEN)/render/msg_table.o: $(GEN)/render/msg_table.c $(HEADERS)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# DATADIR's value is kept in a stamp that is rewritten only when it changes,
# and profile.c (the one file that uses it) depends on it: a build with
# another PREFIX or DATADIR recompiles it, whatever was built before.
DATADIR_STAMP := $(BUILD)/datadir.stamp
$(DATADIR_STAMP): FORCE
	@mkdir -p $(@D)
	@printf '%s\n' '$(DATADIR)' | cmp -s - $@ || printf '%s\n' '$(DATADIR)' >$@
$(BUILD)/common/profile/profile.o $(BUILD)/common/profile/twin.o: $(DATADIR_STAMP)

# A compiled profile's build identity: a hash of what decides its layout
# (the model's headers, dist.c's trees, the byte helpers and the compiled*
# sources), and the version; a change to any of them makes the files of
# earlier builds "compiled by another netmimic".
VERSION      := $(shell sed -n '1s/.*(\(.*\)).*/\1/p' debian/changelog)
COMPILED_SRC := $(sort $(wildcard common/model/*.h common/base/bytes.[ch] \
                  common/profile/compiled*.[ch])) common/model/dist.c
BUILD_ID     := $(shell cat $(COMPILED_SRC) | sha256sum | cut -c1-16)
$(BUILD)/common/profile/compiled_write.o: CPPFLAGS += -DNETMIMIC_BUILD_ID='"$(BUILD_ID)"' \
                                            -DNETMIMIC_VERSION='"$(VERSION)"'
$(BUILD)/common/profile/compiled_write.o: $(COMPILED_SRC) debian/changelog

$(BUILD)/common/%.o: common/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tools/%.o: tools/%.c $(HEADERS) | $(BUILD)/tools
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%.o: tests/%.c $(HEADERS) $(wildcard tests/unit/*.h) | $(BUILD)/tests/unit
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(LIB): $(COMMON_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BIN)/%: $(BUILD)/tools/%.o $(LIB) | $(BIN)
	$(CC) $(LDFLAGS) $(TOOL_LDFLAGS) -o $@ $^ $(LDLIBS)

$(BIN)/netmimic-seedsearch: $(BUILD)/tests/seedsearch.o $(LIB) | $(BIN)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BIN)/test-%: $(BUILD)/tests/unit/test_%.o $(LIB) | $(BIN)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The route computation's differential test links the former one.
$(BIN)/test-routing: $(BUILD)/tests/unit/test_routing.o \
                     $(BUILD)/tests/unit/reference_routing.o $(LIB) | $(BIN)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BIN)/test-strmap: $(BUILD)/tests/unit/test_strmap.o $(LIB) | $(BIN)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The benchmark's stopwatch: wall time and peak memory of one command.
$(BIN)/netmimic-runstat: $(BUILD)/tests/runstat.o | $(BIN)
	$(CC) $(LDFLAGS) -o $@ $^

$(BUILD)/tools $(BUILD)/tests/unit $(BIN):
	mkdir -p $@

# Installs the Debian packages the build (deps) or the tests (deps-test) need,
# only those missing.
deps-test: DEB_PKGS += $(DEB_TEST_PKGS)
deps deps-test:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# Every test checks both builds, the normal one and the one under ASan and
# UBSan, in one pass: the suite's NETMIMIC_BIN is bin-dual/, where each
# program is a link to tests/lib/dual.c's runner, which runs the normal
# build's program as the test sees it, then the sanitizer build's, and fails
# the test (exit 125) on a sanitizer report or a difference between the two
# (exit status; for seeded runs the bytes written to files).  The two trees,
# the runner and the fuzz harnesses are built side by side, then
# tests/lib/suite.sh runs the bats files in TEST_JOBS lanes (one bats run a
# file, the logs printed whole at the end; see the script) while the fuzz
# smoke run (a second a harness, one core) goes on beside them; its log
# is printed after the suite's.  test-plain and test-san run the suite on
# one build alone.
TEST_JOBS ?= 2
SAN_HELPERS := $(TEST_HELPERS:$(BIN)/%=bin-san/%)
DUAL_BIN := bin-dual
DUAL_PROGRAMS := $(TOOLS) $(TEST_HELPERS:$(BIN)/%=%)
DUAL_ENV := NETMIMIC_DUAL_A=$(abspath $(BIN)) NETMIMIC_DUAL_B=$(abspath bin-san)

test: deps-test fuzz-deps
	$(MAKE) -j$(TEST_JOBS) test-tree test-tree-san test-tree-dual fuzz-tree
	@mkdir -p build-fuzz; \
	tests/fuzz/run.sh --smoke bin-fuzz $(SMOKE_SECONDS) $(FUZZ_NAMES) >build-fuzz/smoke.log 2>&1 & fuzz=$$!; \
	$(DUAL_ENV) tests/lib/suite.sh -j $(TEST_JOBS) dual=$(DUAL_BIN); suite=$$?; \
	wait $$fuzz; smoke=$$?; \
	echo "# ---- make fuzz-smoke (beside the suite)"; cat build-fuzz/smoke.log; \
	[ $$suite = 0 ] && [ $$smoke = 0 ]

test-plain: test-tree
	tests/lib/suite.sh -j $(TEST_JOBS) plain=$(BIN)

test-san: test-tree-san
	tests/lib/suite.sh -j $(TEST_JOBS) san=bin-san

test-tree: all $(TEST_HELPERS)

test-tree-san:
	$(MAKE) BUILD=build-san BIN=bin-san SAN=1 all $(SAN_HELPERS)

# The runner, static (a run of it is a process start more per tool run),
# and its links, one per program of BIN.
test-tree-dual: $(DUAL_BIN)/netmimic-dual
	@for p in $(DUAL_PROGRAMS); do ln -sfn netmimic-dual $(DUAL_BIN)/$$p; done

$(DUAL_BIN)/netmimic-dual: tests/lib/dual.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) $(TOOL_LDFLAGS) -o $@ $<

# The suite with every program under valgrind: memory errors and leaks fail
# the run (tests/valgrind-bin.sh).  Slow, about 3 s a run on a loaded 2-core
# machine: VALGRIND_TESTS picks the bats files (default: all of them).  The
# files run one at a time through tests/lib/suite.sh, which prints a line as
# each ends; the target fails if a test failed or valgrind reported anything.
VALGRIND_TESTS ?= tests
VALGRIND_JOBS ?= 1
.PHONY: test-valgrind
test-valgrind: DEB_PKGS += valgrind
# valgrind cannot follow a static binary's malloc: a dynamic build of its own.
test-valgrind: deps
	$(MAKE) BUILD=build-vg BIN=bin-vg STATIC=0 all $(TEST_HELPERS:$(BIN)/%=bin-vg/%)
	tests/valgrind-bin.sh make bin-vg build-vg/valgrind/bin build-vg/valgrind/log
	tests/lib/suite.sh -j $(VALGRIND_JOBS) valgrind=build-vg/valgrind/bin \
	  $(filter %.bats,$(VALGRIND_TESTS)); s=$$?; \
	  tests/valgrind-bin.sh check build-vg/valgrind/log && exit $$s

# The main job: from the default host, trace every other site of the network.
demo: deps all
	@tests/demo.sh $(BIN)

bench: all $(TEST_HELPERS)
	tests/bench.sh $(BIN)

# The tools under their own names in BINDIR, every shipped profile and the
# record's schema in DATADIR, the man pages, and the completions for bash,
# zsh and fish, registered for $(COMMAND_PREFIX)TOOL (the bash and fish
# files take the name they are installed under; zsh's #compdef line is
# rewritten).  The completions ask the netmimic beside the tool for the
# profile's names, so nothing of PREFIX is written into them.
WIN_TOOLS := tracert ping pathping
INSTALLED_BIN := $(TOOLS:%=$(BINDIR)/%) $(BINDIR)/netmimic-genprofile
INSTALLED_DATA := $(patsubst profiles/%,$(DATADIR)/%,$(wildcard profiles/*.ini)) \
                  $(TWINS:$(BIN)/twins/%=$(DATADIR)/%) \
                  $(DATADIR)/netmimic-json.schema.json
INSTALLED_MAN := $(WIN_TOOLS:%=$(MANDIR)/man1/$(COMMAND_PREFIX)%.1) $(MANDIR)/man1/netmimic.1 \
                 $(patsubst man/%,$(MANDIR)/man5/%,$(wildcard man/*.5))
INSTALLED_COMP := $(BASHCOMPDIR)/netmimic-common.bash $(BASHCOMPDIR)/netmimic \
                  $(WIN_TOOLS:%=$(BASHCOMPDIR)/$(COMMAND_PREFIX)%) \
                  $(ZSHCOMPDIR)/_netmimic \
                  $(FISHCOMPDIR)/netmimic-common.fish $(FISHCOMPDIR)/netmimic.fish \
                  $(WIN_TOOLS:%=$(FISHCOMPDIR)/$(COMMAND_PREFIX)%.fish)
ZSH_NAMES := $(WIN_TOOLS:%=$(COMMAND_PREFIX)%) netmimic

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	  $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(TOOLS:%=$(BIN)/%) tools/netmimic-genprofile $(DESTDIR)$(BINDIR)
	install -m 644 profiles/*.ini $(TWINS) man/netmimic-json.schema.json $(DESTDIR)$(DATADIR)
	install -m 644 man/netmimic.1 $(DESTDIR)$(MANDIR)/man1
	install -m 644 man/*.5 $(DESTDIR)$(MANDIR)/man5
	install -m 644 completions/netmimic-common.bash $(DESTDIR)$(BASHCOMPDIR)
	install -m 644 completions/netmimic.bash $(DESTDIR)$(BASHCOMPDIR)/netmimic
	install -m 644 completions/netmimic-common.fish completions/netmimic.fish \
	  $(DESTDIR)$(FISHCOMPDIR)
	for t in $(WIN_TOOLS); do \
	  install -m 644 completions/$$t.bash $(DESTDIR)$(BASHCOMPDIR)/$(COMMAND_PREFIX)$$t && \
	  install -m 644 completions/$$t.fish \
	    $(DESTDIR)$(FISHCOMPDIR)/$(COMMAND_PREFIX)$$t.fish && \
	  install -m 644 man/$$t.1 $(DESTDIR)$(MANDIR)/man1/$(COMMAND_PREFIX)$$t.1 || exit 1; \
	done
	sed '1s/^#compdef .*/#compdef $(ZSH_NAMES)/' completions/_netmimic \
	  >$(DESTDIR)$(ZSHCOMPDIR)/_netmimic
	chmod 644 $(DESTDIR)$(ZSHCOMPDIR)/_netmimic

# Removes what install put, then the directories of netmimic's own.
uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED_BIN) $(INSTALLED_DATA) $(INSTALLED_MAN) \
	  $(INSTALLED_COMP))
	rmdir $(DESTDIR)$(DATADIR) 2>/dev/null || true

clean:
	rm -rf build build-san bin bin-san build-fuzz bin-fuzz build-vg bin-vg bin-dual

# ---- fuzzing: libFuzzer harnesses (tests/fuzz/, run by tests/fuzz/run.sh) ---
# The core is built again with clang's coverage instrumentation and ASan and
# UBSan (build-fuzz/); each harness links it with libFuzzer.  'make fuzz'
# runs every harness for FUZZ_SECONDS, one at a time; 'make fuzz-smoke'
# replays the kept findings and runs each for SMOKE_SECONDS (in make test).
# One second: a harness still runs every seed and kept finding first (libFuzzer
# reads its whole corpus before the clock is looked at), and what costs in a
# smoke run is that start; 3 s a harness took 34 s of CPU, 1 s 20 s.
FUZZ_CC      := clang-14
FUZZ_PKGS    := clang-14 libclang-rt-14-dev
FUZZ_SECONDS ?= 60
SMOKE_SECONDS ?= 1
FUZZ_NAMES   := profile compiled cli dist addr json msg
FUZZ_SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_OBJ     := $(addprefix $(BUILD)/tests/fuzz/,support.o tools.o tool_tracert.o \
                  tool_ping.o tool_pathping.o tool_netmimic.o)

ifeq ($(FUZZ),1)
CFLAGS   += -fsanitize=fuzzer-no-link $(FUZZ_SAN)
LDFLAGS  += -fsanitize=fuzzer $(FUZZ_SAN) -Wl,--wrap=die,--wrap=fopen,--wrap=fclose,--wrap=pthread_create
endif

$(BUILD)/tests/fuzz/%.o: tests/fuzz/%.c $(wildcard tests/fuzz/*.h) $(wildcard tools/*.c) $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests/fuzz $(CFLAGS) -c -o $@ $<

.PRECIOUS: $(BUILD)/tests/fuzz/%.o
$(BIN)/fuzz-%: $(BUILD)/tests/fuzz/fuzz_%.o $(FUZZ_OBJ) $(LIB) | $(BIN)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

fuzz-deps:
	@$(MAKE) --no-print-directory deps DEB_PKGS="$(FUZZ_PKGS)"

fuzz-build: fuzz-deps
	$(MAKE) fuzz-tree

fuzz-tree:
	$(MAKE) BUILD=build-fuzz BIN=bin-fuzz FUZZ=1 CC=$(FUZZ_CC) $(FUZZ_NAMES:%=bin-fuzz/fuzz-%)

fuzz: fuzz-build
	tests/fuzz/run.sh bin-fuzz $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-smoke: fuzz-build
	tests/fuzz/run.sh --smoke bin-fuzz $(SMOKE_SECONDS) $(FUZZ_NAMES)
