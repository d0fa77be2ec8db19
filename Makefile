# yusuan — GNU make + pkg-config. Targets:
#   make            build bin/yusuan (release)
#   make demo       install missing packages, build, render the bundled example
#   make test       install missing packages, build with ASan+UBSan, run every test
#   make bench      measure throughput and memory, write BENCHMARKS.md
#   make fuzz       build the libFuzzer targets into build/fuzz/ (clang; fuzz/README.md)
#   make fuzz-smoke build them and run each ~10 s on its seeds (part of make test)
#   make install PREFIX=/usr/local
#   make clean
PREFIX ?= /usr/local
CC ?= cc
PKGS := yaml-0.1 jansson libzip expat xlsxwriter pangocairo cairo-pdf sqlite3 libpq
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lm

WARN := -Wall -Wextra -Wshadow -Wno-unused-parameter -Wformat -Wno-format-truncation -Wstrict-prototypes
DATADIR_DEFAULT ?= $(CURDIR)/data
BASE_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) $(PKG_CFLAGS) -DYS_DATADIR='"$(DATADIR_DEFAULT)"'

SRC := $(sort $(wildcard src/*/*.c))
CLI_SRC := $(filter src/cli/%,$(SRC))
LIB_SRC := $(filter-out src/cli/%,$(SRC))

# Two builds side by side: release (bin/) and sanitized (build/asan/).
REL_OBJ := $(LIB_SRC:src/%.c=build/rel/%.o)
REL_CLI := $(CLI_SRC:src/%.c=build/rel/%.o)
ASAN_OBJ := $(LIB_SRC:src/%.c=build/asan/%.o)
ASAN_CLI := $(CLI_SRC:src/%.c=build/asan/%.o)
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)

.PHONY: all demo test bench install clean deps deps-test unit check-build fuzz fuzz-smoke
all: bin/yusuan

deps:
	@sh scripts/setup.sh

deps-test:
	@sh scripts/setup.sh --test

build/rel/%.o: src/%.c $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O2 -g -c $< -o $@

build/asan/%.o: src/%.c $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O1 -g $(SAN) -c $< -o $@

build/rel/libyusuan.a: $(REL_OBJ)
	ar rcs $@ $^

build/asan/libyusuan.a: $(ASAN_OBJ)
	ar rcs $@ $^

bin/yusuan: $(REL_CLI) build/rel/libyusuan.a
	@mkdir -p bin
	$(CC) -o $@ $^ $(PKG_LIBS)

build/asan/yusuan: $(ASAN_CLI) build/asan/libyusuan.a
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)

build/asan/tests/%: tests/unit/%.c build/asan/libyusuan.a
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O1 -g $(SAN) -Isrc $< -o $@ build/asan/libyusuan.a \
		$(PKG_LIBS) $(shell pkg-config --libs cmocka)

# The fault-injection build (src/base/fault.h): sanitized like build/asan/,
# with every allocation of our code counted so that the Nth can fail, and
# output writes that fail at the Nth (tests/e2e/93-fault.sh).
FAULT_OBJ := $(LIB_SRC:src/%.c=build/fault/%.o)
FAULT_CLI := $(CLI_SRC:src/%.c=build/fault/%.o)
FAULT_FLAGS := -DYS_FAULT -include src/base/fault.h

build/fault/%.o: src/%.c $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(FAULT_FLAGS) -O1 -g $(SAN) -c $< -o $@

build/fault/libyusuan.a: $(FAULT_OBJ)
	ar rcs $@ $^

build/fault/yusuan: $(FAULT_CLI) build/fault/libyusuan.a
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)

# The mutation tester (tests/mutate.c), run by tests/e2e/85-mutants.sh. It
# checks hundreds of mutants per document: the release build keeps make
# test short (every rule it runs is also run under the sanitizers by the
# other tests).
build/rel/mutate: tests/mutate.c build/rel/libyusuan.a
	$(CC) $(BASE_CFLAGS) -O2 -g -Isrc $< -o $@ build/rel/libyusuan.a $(PKG_LIBS)

demo: deps
	@$(MAKE) --no-print-directory -j$$(nproc) bin/yusuan
	@mkdir -p out
	./bin/yusuan render examples/pingxiang-zonggonghui-2023 -f all -o out
	./bin/yusuan check examples/pingxiang-zonggonghui-2023
	@echo "已生成 / written: out/711-平乡县总工会-2023.{json,md,csv,html,xlsx,docx,pdf}"

test: deps-test
	@$(MAKE) --no-print-directory -j$$(nproc) build/asan/yusuan $(UNIT_BIN) bin/yusuan build/rel/gen_lines build/rel/mutate $(FUZZ_BIN) build/fault/yusuan
	@sh tests/run.sh

bench: deps
	@$(MAKE) --no-print-directory bin/yusuan build/rel/gen_lines
	@sh bench/run.sh

build/rel/gen_lines: bench/gen_lines.c
	@mkdir -p build/rel
	$(CC) -std=c11 -O2 -Wall -Wextra -o $@ $<

# Fuzzing (fuzz/README.md): the library instrumented for coverage with
# ASan+UBSan, one libFuzzer binary per fuzz/fuzz_*.c.
FUZZ_CC ?= clang
FUZZ_WARN := -Wno-unknown-warning-option
FUZZ_SAN := $(FUZZ_WARN) -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
FUZZ_OBJ := $(LIB_SRC:src/%.c=build/fuzz/%.o)
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)

fuzz: $(FUZZ_BIN)

# Every target for FUZZ_SMOKE_SECS (10) seconds on fuzz/corpus/<target>/;
# tests/e2e/95-fuzz-smoke.sh runs the same inside make test.
fuzz-smoke: $(FUZZ_BIN)
	@sh fuzz/smoke.sh

build/fuzz/%.o: src/%.c $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(BASE_CFLAGS) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c $< -o $@

build/fuzz/libyusuan.a: $(FUZZ_OBJ)
	ar rcs $@ $^

build/fuzz/fuzz_%: fuzz/fuzz_%.c build/fuzz/libyusuan.a $(wildcard fuzz/*.h)
	$(FUZZ_CC) $(BASE_CFLAGS) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer $< -o $@ \
		build/fuzz/libyusuan.a $(PKG_LIBS)

install: bin/yusuan
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/yusuan
	install -m 755 bin/yusuan $(DESTDIR)$(PREFIX)/bin/yusuan.bin
	cp -r data/* $(DESTDIR)$(PREFIX)/share/yusuan/
	printf '#!/bin/sh\nYUSUAN_DATA="$${YUSUAN_DATA:-%s}" exec "%s" "$$@"\n' \
		"$(PREFIX)/share/yusuan" "$(PREFIX)/bin/yusuan.bin" > $(DESTDIR)$(PREFIX)/bin/yusuan
	chmod 755 $(DESTDIR)$(PREFIX)/bin/yusuan

clean:
	rm -rf build bin out
