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
TEST_HELPERS := $(BIN)/netmimic-seedsearch $(BIN)/test-dist $(BIN)/test-addr

DEB_PKGS := libiniparser-dev bats bats-support bats-assert mandoc jq
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps test test-plain test-san demo clean install bench

all: $(TOOLS:%=$(BIN)/%)

HEADERS    := $(wildcard common/*/*.h)

$(BUILD)/common/%.o: common/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tools/%.o: tools/%.c $(HEADERS) | $(BUILD)/tools
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%.o: tests/%.c $(HEADERS) | $(BUILD)/tests/unit
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

# The suite runs twice: a normal build, then one under ASan and UBSan.
test: deps
	$(MAKE) test-plain
	$(MAKE) test-san

test-plain: all $(TEST_HELPERS)
	NETMIMIC_BIN=$(CURDIR)/$(BIN) bats tests

test-san:
	$(MAKE) BUILD=build-san BIN=bin-san SAN=1 all \
	  bin-san/netmimic-seedsearch bin-san/test-dist bin-san/test-addr
	NETMIMIC_BIN=$(CURDIR)/bin-san bats tests

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
	install -m 644 profiles/*.ini man/netmimic-json.schema.json $(DESTDIR)$(DATADIR)
	install -m 644 man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 man/*.5 $(DESTDIR)$(PREFIX)/share/man/man5
	install -m 644 completions/netmimic-common.bash \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	for t in $(TOOLS); do install -m 644 completions/$$t.bash \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/$$t; done

clean:
	rm -rf build build-san bin bin-san
