# weft: a timebank coordinator suite in C.
#
#   make run     install what is missing, build, start the stack with a demo
#                timebank on 127.0.0.1:$(PORT) (foreground; Ctrl-C stops it)
#   make stop    stop a stack left running in the background
#   make test    build with sanitizers, start a private stack on free ports,
#                run every test layer, stop it; non-zero on any failure
#   make fuzz    run every fuzz driver, FUZZ_SECONDS each (default 60)
#   make deps    install Debian and npm packages (as root), skip what is there
#   make deps-host  only what a host that serves needs (WEB=nginx|apache)
#   make install install the programs, tools, templates, SQL, docs, the web
#                servers' and systemd's files under PREFIX (DESTDIR too)
#   make test-hosting  the slow hosting tests (several stacks, a Galera
#                cluster, network namespaces): not part of `make test`
#   make nginx-conf  write the programs' locations into nginx/weft.conf
#   make apache-conf the same into apache/weft.conf
#   make docs    regenerate the parts of docs/ read out of the code's tables

PORT		?= 8080
PREFIX		?= /usr/local
FUZZ_SECONDS	?= 60
VAR		?= var/run

PKGS		 = fcgi libctemplate libmariadb libargon2 libcurl
PKG_CFLAGS	:= $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS	:= $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN		 = -Wall -Wextra -Wmissing-field-initializers -Werror
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
# The programs are the rows of cgi-bin/programs (the manifest); the tools
# are built and installed beside them.
PROGRAMS	:= $(shell tools/weft-programs names)
ifeq ($(PROGRAMS),)
$(error cgi-bin/programs: no programs (see the error above))
endif
FASTCGI		:= $(shell tools/weft-programs names fastcgi)
TOOLS		 = weft-passwd weft-migrate weft-admin
# Built from tools/NAME.c for the build and its tests, never installed.
DEV_TOOLS	 = weft-docs weft-phrases
UNIT_TESTS	:= $(basename $(notdir $(wildcard tests/unit/test_*.c)))
TEMPLATES	:= $(shell find templates -name '*.tpl' 2>/dev/null | sort)
PHRASES		:= $(wildcard templates/phrases/*.en)
C_SOURCES	:= $(shell find cgi-bin -name '*.c' -o -name '*.h' -o -name '*.cc' \
		    -o -name routes.def | sort)

# Two builds side by side: release (var/build) for `make run`, and the
# sanitizer build (var/build-test) that `make test` runs.
REL		 = var/build
TST		 = var/build-test

.PHONY: all build build-test deps deps-host run stop test unit fuzz fuzz-build security \
	lint-templates lint-phrases lint install clean bench nginx-conf \
	apache-conf docs test-hosting

all: build

build: $(addprefix $(REL)/,$(PROGRAMS) $(TOOLS) $(DEV_TOOLS)) lint-templates \
	lint-phrases

build-test: $(addprefix $(TST)/,$(PROGRAMS) $(TOOLS) $(DEV_TOOLS)) \
	$(addprefix $(TST)/tests/,$(UNIT_TESTS)) lint-templates lint-phrases

# ---- objects -------------------------------------------------------------

AREA_H		:= $(wildcard cgi-bin/*/*.h cgi-bin/*/routes.def)

$(REL)/obj/%.o: cgi-bin/%.c $(COMMON_H) $(AREA_H)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS_REL) -c -o $@ $<
$(REL)/obj/%.o: cgi-bin/%.cc $(COMMON_H)
	@mkdir -p $(dir $@)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS_REL) -c -o $@ $<
$(TST)/obj/%.o: cgi-bin/%.c $(COMMON_H) $(AREA_H)
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

# weft-migrate's default migrations directory, where `make install` puts
# them (-d overrides it).
$(REL)/obj/weft-migrate.o $(TST)/obj/weft-migrate.o: \
    CPPFLAGS += -DWEFT_SQL_DIR='"$(PREFIX)/share/weft/sql"'

# Every area's route table, without its handlers, in the common library
# (app_areas[] of app.h): each program's layout offers every area's menu
# entries, each where its viewer may use it.  One table per FastCGI
# program (a daemon has no routes), in the order of the manifest.
AREA_ROUTES	 = $(foreach p,$(FASTCGI),cgi-bin/$(p)/routes.def)
GEN		 = var/gen

$(GEN)/app_areas.c: Makefile cgi-bin/programs
	@mkdir -p $(dir $@)
	@{ echo '/* Generated by the Makefile from cgi-bin/programs; do not edit. */'; \
	  echo '#define APP_HANDLER(f) .handler = NULL'; echo '#include "app.h"'; \
	  for p in $(FASTCGI); do \
		echo "static const struct route $${p}_routes[] = {"; \
		echo "#include \"$$p/routes.def\""; echo '};'; \
	  done; \
	  echo 'const struct app_area app_areas[] = {'; \
	  for p in $(FASTCGI); do \
		echo "	{ \"$$p\", $${p}_routes,"; \
		echo "	    sizeof($${p}_routes) / sizeof($${p}_routes[0]) },"; \
	  done; \
	  echo '};'; \
	  echo 'const size_t app_nareas = sizeof(app_areas) /'; \
	  echo '    sizeof(app_areas[0]);'; } > $@.tmp && mv $@.tmp $@
$(REL)/obj/gen/app_areas.o: $(GEN)/app_areas.c $(COMMON_H) $(AREA_ROUTES)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Icgi-bin $(CFLAGS_REL) -c -o $@ $<
$(TST)/obj/gen/app_areas.o: $(GEN)/app_areas.c $(COMMON_H) $(AREA_ROUTES)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Icgi-bin $(CFLAGS_TEST) -c -o $@ $<

COMMON_OBJ_REL	 = $(patsubst cgi-bin/%.c,$(REL)/obj/%.o,$(COMMON_C)) \
		   $(REL)/obj/common/tmpl_shim.o $(REL)/obj/gen/app_areas.o
COMMON_OBJ_TST	 = $(patsubst cgi-bin/%.c,$(TST)/obj/%.o,$(COMMON_C)) \
		   $(TST)/obj/common/tmpl_shim.o $(TST)/obj/gen/app_areas.o

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
# The one unescaped kind of value is rendered markup (tmpl_set_markup()).
# A textarea's value is pre_escape'd: escaped like :h, its line breaks kept
# (:h makes them spaces, and a re-rendered form would lose them).

lint-templates: $(REL)/templates.ok
$(REL)/templates.ok: $(TEMPLATES)
	@mkdir -p $(REL)/tpl-lint
	@for t in $(TEMPLATES); do \
		head -n 1 "$$t" | grep -q '^{{%AUTOESCAPE context="HTML"}}' || \
		    { echo "$$t: must start with {{%AUTOESCAPE context=\"HTML\"}}"; exit 1; }; \
		! grep -noE '\{\{[^}]*:none[^}]*\}\}' "$$t" | grep -vE '_HTML:none\}\}$$' || \
		    { echo "$$t: :none only on a NAME_HTML (tmpl_set_markup())"; exit 1; }; \
		! grep -nE '\}\}</textarea>' "$$t" | grep -vE ':pre_escape\}\}</textarea>' || \
		    { echo "$$t: a textarea holds {{NAME:pre_escape}}: the HTML escaping turns line breaks into spaces"; exit 1; }; \
		ctemplate-make_tpl_varnames_h -q -t templates -o $(REL)/tpl-lint \
		    "$${t#templates/}" || { echo "$$t: template syntax error"; exit 1; }; \
	done
	@touch $@

# ---- phrases: every key used is defined, once (tools/weft-phrases.c) ----

# Every template carries phrase markers, not English: English outside a
# marker fails the build, naming each piece and its line.
lint-phrases: $(REL)/phrases.ok
$(REL)/phrases.ok: $(REL)/weft-phrases $(PHRASES) $(TEMPLATES) $(C_SOURCES)
	@$(REL)/weft-phrases templates/phrases $(C_SOURCES) --strict $(TEMPLATES)
	@touch $@

# ---- docs: the parts read out of the code's tables ------------------------
# Each generated part of docs/ is marked with the command that prints it;
# tests/run.sh fails when one differs from what the tables give now.

docs: $(REL)/weft-docs
	tools/docs.sh $(REL)

# ---- dependencies --------------------------------------------------------

APT_PKGS = build-essential pkg-config clang libclang-rt-14-dev \
	libfcgi-dev libctemplate-dev libmariadb-dev libargon2-dev \
	libcmocka-dev libcurl4-openssl-dev python3-aiosmtpd mariadb-server nginx-light wrk chromium ca-certificates \
	procps apache2 galera-4 iproute2 openssl systemd
NODE_MAJOR = 20

# A host that only serves (docs/deploy.md) needs what builds and runs the
# programs, not the tests' browser, compilers of the fuzz build, Galera or
# node: `make deps-host`, with WEB=nginx (the default) or WEB=apache.  It
# installs one web server, so that the other does not take port 80 first.
HOST_PKGS = build-essential pkg-config libfcgi-dev libctemplate-dev \
	libmariadb-dev libargon2-dev libcurl4-openssl-dev mariadb-server \
	ca-certificates procps openssl systemd
WEB	?= nginx
WEB_PKG	 = $(if $(filter apache,$(WEB)),apache2,$(if $(filter nginx,$(WEB)),nginx-light,$(error WEB is nginx or apache, not $(WEB))))

# $(call apt_install,PACKAGES,EXTRA): install those of PACKAGES that are not
# installed, and what the shell command EXTRA prints, as root.
define apt_install
	@missing=$$(for p in $(1); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		    grep -q 'install ok installed' || echo $$p; done; \
		$(or $(2),true)); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" != 0 ]; then \
			echo "weft needs these Debian packages: $$missing"; \
			echo "run 'make $@' as root (or apt-get install them)"; exit 1; \
		fi; \
		echo "installing: $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		    apt-get install -y -qq $$missing; \
	fi
endef

deps-host:
	$(call apt_install,$(HOST_PKGS) $(WEB_PKG))

deps:
	$(call apt_install,$(APT_PKGS),command -v npm >/dev/null || echo nodejs npm)
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
	    [ ! -d tests/node_modules/axe-core ] || \
	    [ ! -d tests/node_modules/html-validate ]; then \
		cd tests && npm ci --no-audit --no-fund --loglevel=error; \
	fi

# ---- running -------------------------------------------------------------

# run, test, fuzz and bench call make again after deps: the pkg-config
# flags above are read when make starts, which on a fresh machine is
# before deps has installed the libraries they describe.
run: deps
	$(MAKE) build
	tools/weft-stack run $(VAR) --port $(PORT) --bin $(REL) --demo

stop:
	tools/weft-stack stop $(VAR)

# The release build too: -O2 sees what -O1 does not (format truncation).
test: deps
	$(MAKE) build build-test
	tests/run.sh $(TST)

unit: build-test
	tests/run.sh $(TST) --unit-only

# The size limits (files, functions) and no citation of files outside the
# repo; tests/run.sh runs both too.
lint:
	tests/lint/sizes.sh
	tests/lint/citations.sh

# ---- fuzzing (libFuzzer, clang) ------------------------------------------
# One driver per tests/fuzz/fuzz_NAME.c, seeded from tests/fuzz/corpus/NAME/
# (`make fuzz FUZZERS=route` runs one).  The common library is compiled
# again by clang with the fuzzer's coverage and the sanitizers, the
# ctemplate shim included (a driver links what it reaches of it); drivers
# link with clang++ for ctemplate's C++ runtime.
# fuzz_route looks paths up in the programs' own route tables (app_areas[]).

FUZZERS		?= $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_OBJ	 = $(TST)/fuzz-obj
FUZZ_FLAGS	 = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
		   -fno-sanitize-recover=undefined $(WARN)

$(FUZZ_OBJ)/%.o: cgi-bin/common/%.c $(COMMON_H)
	@mkdir -p $(dir $@)
	clang $(CPPFLAGS) -std=c17 $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link \
	    -c -o $@ $<
$(FUZZ_OBJ)/tmpl_shim.o: $(COMMON_CC) $(COMMON_H)
	@mkdir -p $(dir $@)
	clang++ $(CPPFLAGS) -std=c++17 $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link \
	    -c -o $@ $<
$(FUZZ_OBJ)/app_areas.o: $(GEN)/app_areas.c $(COMMON_H) $(AREA_ROUTES)
	@mkdir -p $(dir $@)
	clang $(CPPFLAGS) -Icgi-bin -std=c17 $(FUZZ_FLAGS) \
	    -fsanitize=fuzzer-no-link -c -o $@ $<
$(FUZZ_OBJ)/libweft.a: $(patsubst cgi-bin/common/%.c,$(FUZZ_OBJ)/%.o,$(COMMON_C)) \
    $(FUZZ_OBJ)/tmpl_shim.o $(FUZZ_OBJ)/app_areas.o
	rm -f $@ && ar rcs $@ $^
$(FUZZ_OBJ)/fuzz_%.o: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(COMMON_H)
	@mkdir -p $(dir $@)
	clang $(CPPFLAGS) -std=c17 $(FUZZ_FLAGS) -fsanitize=fuzzer -c -o $@ $<
$(TST)/fuzz_%: $(FUZZ_OBJ)/fuzz_%.o $(FUZZ_OBJ)/libweft.a
	clang++ -fsanitize=fuzzer,address,undefined -o $@ $^ $(PKG_LIBS)

fuzz-build: $(addprefix $(TST)/fuzz_,$(FUZZERS))

fuzz: deps
	$(MAKE) fuzz-build
	@for f in $(FUZZERS); do \
		echo "== fuzz_$$f: $(FUZZ_SECONDS) s"; \
		mkdir -p var/fuzz-corpus/$$f && \
		$(TST)/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -max_len=8192 \
		    var/fuzz-corpus/$$f tests/fuzz/corpus/$$f || exit 1; \
	done

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
# `make install [PREFIX=/usr/local] [DESTDIR=/tmp/pkg]`: give the same
# PREFIX to `make build` (weft-migrate's default migrations directory is
# built in).  INSTALL_FROM=DIR installs a build made already (the tests
# install their sanitizer build) instead of making the release one.
# Nothing outside DESTDIR is touched: the user, the config directory and
# the units' activation are docs/deploy.md's commands, run once.

SYSCONFDIR	?= /etc
LIBDIR		 = $(PREFIX)/lib/weft
DATADIR		 = $(PREFIX)/share/weft
DOCDIR		 = $(PREFIX)/share/doc/weft
UNITDIR		?= $(PREFIX)/lib/systemd/system
INSTALL_FROM	?=
IBIN		 = $(or $(INSTALL_FROM),$(REL))
# Where the shipped files name the default install's paths.
SUBST		 = sed -e 's|@LIBDIR@|$(LIBDIR)|g' -e 's|@DATADIR@|$(DATADIR)|g' \
		   -e 's|@DOCDIR@|$(DOCDIR)|g' -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' \
		   -e 's|/usr/local/share/weft|$(DATADIR)|g'
ADMIN_TOOLS	 = weft-admin weft-migrate weft-passwd weft-backup

install: $(if $(INSTALL_FROM),,build)
	@for p in $(PROGRAMS) $(TOOLS); do \
		[ -x $(IBIN)/$$p ] || { echo "$(IBIN)/$$p is not built"; exit 1; }; \
	done
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(DATADIR) \
	    $(DESTDIR)$(PREFIX)/sbin $(DESTDIR)$(DOCDIR) $(DESTDIR)$(UNITDIR) \
	    $(DESTDIR)$(PREFIX)/lib/sysusers.d $(DESTDIR)$(PREFIX)/lib/tmpfiles.d \
	    $(DESTDIR)$(DATADIR)/nginx $(DESTDIR)$(DATADIR)/apache \
	    $(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/man/man8
	install -m 0755 $(addprefix $(IBIN)/,$(PROGRAMS) $(TOOLS)) \
	    $(DESTDIR)$(LIBDIR)/
	install -m 0755 tools/weft-backup $(DESTDIR)$(LIBDIR)/
	for t in $(ADMIN_TOOLS); do \
		ln -sf ../lib/weft/$$t $(DESTDIR)$(PREFIX)/sbin/$$t || exit 1; \
	done
	rm -rf $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/sql
	cp -R templates sql $(DESTDIR)$(DATADIR)/
	chmod -R u=rwX,go=rX $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/sql
	install -m 0644 cgi-bin/programs $(DESTDIR)$(DATADIR)/programs
	$(SUBST) nginx/weft.conf >$(DESTDIR)$(DATADIR)/nginx/weft.conf
	$(SUBST) apache/weft.conf >$(DESTDIR)$(DATADIR)/apache/weft.conf
	install -m 0644 docs/*.md $(DESTDIR)$(DOCDIR)/
	install -m 0644 docs/weft.conf.5 $(DESTDIR)$(PREFIX)/share/man/man5/
	install -m 0644 docs/weft.8 $(DESTDIR)$(PREFIX)/share/man/man8/
	$(SUBST) systemd/weft@.service.in >$(DESTDIR)$(UNITDIR)/weft@.service
	$(SUBST) systemd/weft@.socket.in >$(DESTDIR)$(UNITDIR)/weft@.socket
	$(SUBST) systemd/weft-daemon@.service.in \
	    >$(DESTDIR)$(UNITDIR)/weft-daemon@.service
	tools/weft-programs systemd-target >$(DESTDIR)$(UNITDIR)/weft.target
	$(SUBST) systemd/sysusers.conf \
	    >$(DESTDIR)$(PREFIX)/lib/sysusers.d/weft.conf
	$(SUBST) systemd/tmpfiles.conf \
	    >$(DESTDIR)$(PREFIX)/lib/tmpfiles.d/weft.conf

# The production server blocks' FastCGI locations, from the manifest; the
# programs' sockets are under /run/weft there.
nginx-conf:
	tools/weft-programs nginx /run/weft <nginx/weft.conf >nginx/weft.conf.tmp
	mv nginx/weft.conf.tmp nginx/weft.conf
apache-conf:
	tools/weft-programs apache /run/weft <apache/weft.conf >apache/weft.conf.tmp
	mv apache/weft.conf.tmp apache/weft.conf

# ---- hosting tests --------------------------------------------------------
# Each tests/hosting/*.test.mjs starts stacks of its own (a Galera cluster,
# app hosts in network namespaces), so they take minutes and run here,
# not in `make test` (tests/hosting/README.md says which runs where).

# `make security [SECURITY=--short]`: sqlmap and wapiti against a private
# stack (tests/security/run.sh, docs/security.md); their Debian packages
# are installed here, not by `make deps`: `make test` does not need them.
SECURITY_PKGS = sqlmap wapiti
security: deps
	$(MAKE) deps APT_PKGS="$(APT_PKGS) $(SECURITY_PKGS)"
	$(MAKE) build-test
	tests/security/run.sh $(TST) $(SECURITY)

test-hosting: deps
	$(MAKE) build-test
	tests/hosting/run.sh $(TST)

clean:
	rm -rf $(REL) $(TST) $(GEN)

.SECONDARY:
