# netmimic: three Windows network tools answering from a simulated network.
# One static library of common/ serves every front end in tools/.

CC       ?= cc
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -Wall -Wextra -Werror
CPPFLAGS += -Icommon -I/usr/include/iniparser \
            -DNETMIMIC_DATADIR='"$(DATADIR)"'
LDLIBS   += -liniparser -lm

PREFIX   ?= /usr/local
DATADIR  ?= $(PREFIX)/share/netmimic
BUILD    ?= build
BIN      ?= bin

# SAN=1 builds with AddressSanitizer and UndefinedBehaviorSanitizer.
ifeq ($(SAN),1)
CFLAGS   += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=address,undefined
endif

TOOLS      := tracert ping pathping netmimic
COMMON_SRC := $(wildcard common/*/*.c)
COMMON_OBJ := $(COMMON_SRC:common/%.c=$(BUILD)/common/%.o)
LIB        := $(BUILD)/libnetmimic.a
TEST_HELPERS := $(BIN)/netmimic-seedsearch $(BIN)/test-dist $(BIN)/test-addr \
                $(BIN)/test-routing $(BIN)/test-strmap $(BIN)/netmimic-runstat \
                $(BIN)/test-render

DEB_PKGS := libiniparser-dev bats bats-support bats-assert mandoc jq
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps test test-plain test-san test-tree test-tree-san demo clean install bench

all: $(TOOLS:%=$(BIN)/%)

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
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

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

# Installs the Debian packages the build and the tests need, only if missing.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# The suite runs twice: on the normal build and on one under ASan and UBSan.
# Both trees are built side by side, then tests/lib/suite.sh runs the bats
# files of both builds in TEST_JOBS lanes (one bats run a file, the logs
# printed whole at the end; see the script).
TEST_JOBS ?= 2
SAN_HELPERS := $(TEST_HELPERS:$(BIN)/%=bin-san/%)

test: deps
	$(MAKE) -j$(TEST_JOBS) test-tree test-tree-san
	tests/lib/suite.sh -j $(TEST_JOBS) plain=$(BIN) san=bin-san

test-plain: test-tree
	tests/lib/suite.sh -j $(TEST_JOBS) plain=$(BIN)

test-san: test-tree-san
	tests/lib/suite.sh -j $(TEST_JOBS) san=bin-san

test-tree: all $(TEST_HELPERS)

test-tree-san:
	$(MAKE) BUILD=build-san BIN=bin-san SAN=1 all $(SAN_HELPERS)

# The main job: from the default host, trace every other site of the network.
demo: deps all
	@tests/demo.sh $(BIN)

bench: all $(TEST_HELPERS)
	tests/bench.sh $(BIN)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR) \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 755 $(TOOLS:%=$(BIN)/%) $(DESTDIR)$(PREFIX)/bin
	install -m 755 tools/netmimic-genprofile $(DESTDIR)$(PREFIX)/bin
	install -m 644 profiles/*.ini man/netmimic-json.schema.json $(DESTDIR)$(DATADIR)
	install -m 644 man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 man/*.5 $(DESTDIR)$(PREFIX)/share/man/man5
	install -m 644 completions/netmimic-common.bash \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	for t in $(TOOLS); do install -m 644 completions/$$t.bash \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/$$t; done

clean:
	rm -rf build build-san bin bin-san
