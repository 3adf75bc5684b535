# Two commands for people: `make run` and `make test`. The rest is CMake presets.
.PHONY: clinic run test tsan-check tidy-check release-check fuzz setup release dev asan bench lint clean deb

JOBS ?= $(shell nproc)

setup:
	@scripts/setup

release: setup
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

# What `make run` runs, and nothing else: not the test and benchmark programs (issue 16).
PROGRAMS = limber limber-watch limber_tls limber_draw

# Install, build optimized, start the companion: today's status in the terminal, then the
# web app (limber serve prints its address and opens the browser; Ctrl+C stops it).
run: setup
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target $(PROGRAMS)
	@./build/release/limber status
	@./build/release/limber serve

# Install, build with AddressSanitizer and UndefinedBehaviorSanitizer, run every suite
# (the fuzz harnesses replay their corpora there); then the threaded suites under
# ThreadSanitizer, clang-tidy over what changed, and the programs `make run` installs.
test: setup
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@ctest --preset asan -j $(JOBS)
	@$(MAKE) --no-print-directory tsan-check
	@$(MAKE) --no-print-directory tidy-check
	@$(MAKE) --no-print-directory release-check

# The server's worker threads and the diary thread they hand work to, and the watcher's
# event loop, under ThreadSanitizer: only those two suites (and the programs they run) are
# built, and only they run (labels server and watch; the other zones are asan's).
tsan-check:
	@cmake --preset tsan >/dev/null
	@cmake --build --preset tsan -j $(JOBS) --target server_tests watch_tests
	@ctest --preset tsan -j $(JOBS) -L '^(server|watch)$$'

# clang-tidy over the C++ files changed against the merge base with main (TIDY_BASE), with
# asan's compile commands; `make lint` checks every file.
tidy-check:
	@scripts/check-tidy --changed build/asan

lint:
	@scripts/check-format
	@scripts/check-tidy build/asan

# The release preset's programs, built as `make run` builds them: what they link, and a
# smoke test of each (tests/release/check); then the .deb made from them, through lintian,
# dpkg -i and dpkg --purge (tests/package/check, docs/packaging.md).
release-check:
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target $(PROGRAMS) limber_docs_gz
	@tests/release/check build/release
	@tests/package/check build/release

# The .deb in build/package/package/, linked with Debian's shared libraries as Debian's
# policy asks (the package preset: no LIMBER_LEAN_STARTUP), checked (docs/packaging.md).
deb: setup
	@cmake --preset package >/dev/null
	@cmake --build --preset package -j $(JOBS) --target $(PROGRAMS) limber_docs_gz
	@tests/package/check build/package

# The fuzz harnesses (fuzz/, docs/fuzzing.md) with clang's libFuzzer, FUZZ_SECONDS each.
FUZZ_SECONDS ?= 60
fuzz: setup
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS) --target fuzz_time_parse fuzz_diary_csv \
	  fuzz_request_json fuzz_cli
	@fuzz/run build/fuzz $(FUZZ_SECONDS)

dev: setup
	@cmake --workflow --preset dev

# limber-clinic (issue 17) on a throwaway PostgreSQL 15 cluster, for a trial: prints a
# therapist's login and serves https://127.0.0.1:8443/; Ctrl+C stops it and removes the
# cluster (docs/clinic.md).
clinic: release
	@scripts/clinic-trial build/release

# The speed figures in docs/benchmarks.md.
bench: release
	@bench/run

clean:
	rm -rf build
