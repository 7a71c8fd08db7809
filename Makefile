# weft: a timebank coordinator suite in C.
#
#   make run     install what is missing, build, start the stack with a demo
#                timebank on 127.0.0.1:$(PORT) (foreground; Ctrl-C stops it)
#   make stop    stop a stack left running in the background
#   make test    build with sanitizers, start a private stack on free ports,
#                run every test layer, stop it; non-zero on any failure
#   make fuzz    run the parser fuzz driver (FUZZ_SECONDS, default 60)
#   make deps    install Debian and npm packages (as root), skip what is there
#   make install install the programs, templates, SQL and man pages under PREFIX
#   make docs    regenerate the parts of docs/ read out of the code's tables

PORT		?= 8080
PREFIX		?= /usr/local
FUZZ_SECONDS	?= 60
VAR		?= var/run

PKGS		 = fcgi libctemplate libmariadb libargon2
PKG_CFLAGS	:= $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS	:= $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN		 = -Wall -Wextra -Werror
HARDEN		 = -fstack-protector-strong -fPIE
CFLAGS_REL	 = -std=c17 -O2 -g -D_FORTIFY_SOURCE=2 $(WARN) $(HARDEN)
CFLAGS_TEST	 = -std=c17 -O1 -g -fno-omit-frame-pointer \
		   -fsanitize=address,undefined -fno-sanitize-recover=undefined \
		   $(WARN) $(HARDEN)
CXXFLAGS_REL	 = -std=c++17 -O2 -g -D_FORTIFY_SOURCE=2 $(WARN) $(HARDEN)
CXXFLAGS_TEST	 = -std=c++17 -O1 -g -fno-omit-frame-pointer \
		   -fsanitize=address,undefined $(WARN) $(HARDEN)
LDFLAGS_REL	 = -pie -Wl,-z,relro,-z,now
LDFLAGS_TEST	 = -pie -Wl,-z,relro,-z,now -fsanitize=address,undefined
CPPFLAGS	+= -D_GNU_SOURCE -Icgi-bin/common $(PKG_CFLAGS)

COMMON_C	:= $(sort $(wildcard cgi-bin/common/*.c))
COMMON_CC	 = cgi-bin/common/tmpl_shim.cc
COMMON_H	:= $(wildcard cgi-bin/common/*.h)
PROGRAMS	 = account members exchanges
TOOLS		 = weft-passwd
# Built from tools/NAME.c for the build and its tests, never installed.
DEV_TOOLS	 = weft-docs
UNIT_TESTS	:= $(basename $(notdir $(wildcard tests/unit/test_*.c)))
TEMPLATES	:= $(shell find templates -name '*.tpl' 2>/dev/null | sort)

# Two builds side by side: release (var/build) for `make run`, and the
# sanitizer build (var/build-test) that `make test` runs.
REL		 = var/build
TST		 = var/build-test

.PHONY: all build build-test deps run stop test unit fuzz lint-templates \
	install clean bench docs

all: build

build: $(addprefix $(REL)/,$(PROGRAMS) $(TOOLS) $(DEV_TOOLS)) lint-templates

build-test: $(addprefix $(TST)/,$(PROGRAMS) $(TOOLS) $(DEV_TOOLS)) \
	$(addprefix $(TST)/tests/,$(UNIT_TESTS)) lint-templates

# ---- objects -------------------------------------------------------------

$(REL)/obj/%.o: cgi-bin/%.c $(COMMON_H) $(wildcard cgi-bin/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS_REL) -c -o $@ $<
$(REL)/obj/%.o: cgi-bin/%.cc $(COMMON_H)
	@mkdir -p $(dir $@)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS_REL) -c -o $@ $<
$(TST)/obj/%.o: cgi-bin/%.c $(COMMON_H) $(wildcard cgi-bin/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS_TEST) -c -o $@ $<
$(TST)/obj/%.o: cgi-bin/%.cc $(COMMON_H)
	@mkdir -p $(dir $@)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS_TEST) -c -o $@ $<
$(REL)/obj/tools/%.o: tools/%.c $(COMMON_H)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS_REL) -c -o $@ $<
$(TST)/obj/tools/%.o: tools/%.c $(COMMON_H)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS_TEST) -c -o $@ $<
$(TST)/obj/tests/%.o: tests/unit/%.c $(COMMON_H)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS_TEST) -Wno-unused-parameter -c -o $@ $<

COMMON_OBJ_REL	 = $(patsubst cgi-bin/%.c,$(REL)/obj/%.o,$(COMMON_C)) \
		   $(REL)/obj/common/tmpl_shim.o
COMMON_OBJ_TST	 = $(patsubst cgi-bin/%.c,$(TST)/obj/%.o,$(COMMON_C)) \
		   $(TST)/obj/common/tmpl_shim.o

$(REL)/libweft.a: $(COMMON_OBJ_REL)
	rm -f $@ && ar rcs $@ $^
$(TST)/libweft.a: $(COMMON_OBJ_TST)
	rm -f $@ && ar rcs $@ $^

# ---- programs (linked with g++ for ctemplate's C++ runtime) --------------
# A program is cgi-bin/NAME.c, or every .c of cgi-bin/NAME/ once the area
# has outgrown one file.

prog_src = $(or $(wildcard cgi-bin/$(1)/*.c),cgi-bin/$(1).c)
define prog_rule
$(1)/$(2): $$(patsubst cgi-bin/%.c,$(1)/obj/%.o,$$(call prog_src,$(2))) \
    $(1)/libweft.a
	$$(CXX) $(3) -o $$@ $$^ $$(PKG_LIBS)
endef
$(foreach p,$(PROGRAMS) $(TOOLS),\
    $(eval $(call prog_rule,$(REL),$(p),$$(LDFLAGS_REL)))\
    $(eval $(call prog_rule,$(TST),$(p),$$(LDFLAGS_TEST))))
define tool_rule
$(1)/$(2): $(1)/obj/tools/$(2).o $(1)/libweft.a
	$$(CXX) $(3) -o $$@ $$^ $$(PKG_LIBS)
endef
$(foreach t,$(DEV_TOOLS),\
    $(eval $(call tool_rule,$(REL),$(t),$$(LDFLAGS_REL)))\
    $(eval $(call tool_rule,$(TST),$(t),$$(LDFLAGS_TEST))))
$(TST)/tests/%: $(TST)/obj/tests/%.o $(TST)/libweft.a
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS_TEST) -o $@ $^ $(PKG_LIBS) -lcmocka

# ---- templates: every one auto-escaped and well-formed -------------------

lint-templates: $(REL)/templates.ok
$(REL)/templates.ok: $(TEMPLATES)
	@mkdir -p $(REL)/tpl-lint
	@for t in $(TEMPLATES); do \
		head -n 1 "$$t" | grep -q '^{{%AUTOESCAPE context="HTML"}}' || \
		    { echo "$$t: must start with {{%AUTOESCAPE context=\"HTML\"}}"; exit 1; }; \
		ctemplate-make_tpl_varnames_h -q -t templates -o $(REL)/tpl-lint \
		    "$${t#templates/}" || { echo "$$t: template syntax error"; exit 1; }; \
	done
	@touch $@

# ---- docs: the parts read out of the code's tables ------------------------
# Each generated part of docs/ is marked with the command that prints it;
# tests/run.sh fails when one differs from what the tables give now.

docs: $(REL)/weft-docs
	tools/docs.sh $(REL)

# ---- dependencies --------------------------------------------------------

APT_PKGS = build-essential pkg-config clang libclang-rt-14-dev \
	libfcgi-dev libctemplate-dev libmariadb-dev libargon2-dev \
	libcmocka-dev mariadb-server nginx-light wrk chromium ca-certificates \
	procps
NODE_MAJOR = 20

deps:
	@missing=$$(for p in $(APT_PKGS); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		    grep -q 'install ok installed' || echo $$p; done; \
		command -v npm >/dev/null || echo nodejs npm); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" != 0 ]; then \
			echo "weft needs these Debian packages: $$missing"; \
			echo "run 'make deps' as root (or apt-get install them)"; exit 1; \
		fi; \
		echo "installing: $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		    apt-get install -y -qq $$missing; \
	fi
	@# Debian 12's nodejs is 18; the tests need node >= $(NODE_MAJOR)
	@# (playwright-core, node --test-timeout).  Debian has no newer
	@# one, so take the official build that npm ships as a package.
	@if ! node -e 'process.exit(+process.versions.node.split(".")[0] >= $(NODE_MAJOR) ? 0 : 1)'; then \
		if [ "$$(id -u)" != 0 ]; then \
			echo "weft's tests need node >= $(NODE_MAJOR), this is $$(node --version)"; \
			echo "run 'make deps' as root to install it under /usr/local"; exit 1; \
		fi; \
		pkg=node-linux-$$(node -p process.arch)@$(NODE_MAJOR); \
		echo "installing: $$pkg (npm) in /usr/local, node $$(node --version) is too old"; \
		npm install -g --no-audit --no-fund --loglevel=error $$pkg || exit 1; \
		hash -r; node -e 'process.exit(+process.versions.node.split(".")[0] >= $(NODE_MAJOR) ? 0 : 1)' || \
		    { echo "node on PATH is still $$(node --version) ($$(command -v node)): put /usr/local/bin first"; exit 1; }; \
	fi
	@if [ ! -d tests/node_modules/playwright-core ] || \
	    [ ! -d tests/node_modules/axe-core ]; then \
		cd tests && npm ci --no-audit --no-fund --loglevel=error; \
	fi

# ---- running -------------------------------------------------------------

# run, test, fuzz and bench call make again after deps: the pkg-config
# flags above are read when make starts, which on a fresh machine is
# before deps has installed the libraries they describe.
run: deps
	$(MAKE) build
	cgi-bin/weft-stack run $(VAR) --port $(PORT) --bin $(REL) --demo

stop:
	cgi-bin/weft-stack stop $(VAR)

test: deps
	$(MAKE) build-test
	tests/run.sh $(TST)

unit: build-test
	tests/run.sh $(TST) --unit-only

# ---- fuzzing (libFuzzer, clang) ------------------------------------------

FUZZ_SRC = tests/fuzz/fuzz_http.c cgi-bin/common/http.c cgi-bin/common/buf.c \
	cgi-bin/common/valid.c
$(TST)/fuzz_http: $(FUZZ_SRC) $(COMMON_H)
	@mkdir -p $(dir $@)
	clang -std=c17 -g -O1 $(WARN) -D_GNU_SOURCE -Icgi-bin/common \
	    -fsanitize=fuzzer,address,undefined -o $@ $(FUZZ_SRC)

fuzz: deps
	$(MAKE) $(TST)/fuzz_http
	@mkdir -p var/fuzz-corpus
	$(TST)/fuzz_http -max_total_time=$(FUZZ_SECONDS) -max_len=8192 \
	    var/fuzz-corpus tests/fuzz/corpus

# ---- benchmark (issue 5) -------------------------------------------------
# `make bench [SCALE=1k|10k|100k|1M] [SCALES="1k 10k 100k 1M"]
# [BENCH_DURATION=10] [BENCH_CONNS="8 32"]`: the release build on a private
# stack in /tmp, against nginx static and a bare FastCGI responder; results
# in var/bench/results.{txt,csv}.  Never part of `make test`.  Other knobs
# (environment): see tests/bench/run.sh.

SCALE		?= 10k
SCALES		?= $(SCALE)
BENCH_DURATION	?= 10
BENCH_CONNS	?= 8 32
BENCH_LIBS	:= $(shell pkg-config --libs fcgi 2>/dev/null)

$(REL)/bench-bare: tests/bench/bare.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS_REL) $(LDFLAGS_REL) -o $@ $< $(BENCH_LIBS)

bench: deps
	$(MAKE) build $(REL)/bench-bare
	SCALES="$(SCALES)" BENCH_DURATION="$(BENCH_DURATION)" \
	    BENCH_CONNS="$(BENCH_CONNS)" BENCH_BIN=$(REL) \
	    BENCH_BARE=$(REL)/bench-bare tests/bench/run.sh

# ---- install -------------------------------------------------------------

install: build
	install -d $(DESTDIR)$(PREFIX)/lib/weft $(DESTDIR)$(PREFIX)/share/weft
	install -m 0755 $(addprefix $(REL)/,$(PROGRAMS) $(TOOLS)) \
	    $(DESTDIR)$(PREFIX)/lib/weft/
	cp -R templates sql nginx $(DESTDIR)$(PREFIX)/share/weft/
	install -d $(DESTDIR)$(PREFIX)/share/man/man5 \
	    $(DESTDIR)$(PREFIX)/share/man/man8
	install -m 0644 docs/weft.conf.5 $(DESTDIR)$(PREFIX)/share/man/man5/
	install -m 0644 docs/weft.8 $(DESTDIR)$(PREFIX)/share/man/man8/

clean:
	rm -rf $(REL) $(TST)

.SECONDARY:
