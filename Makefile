# Two commands for people: `make run` and `make test`. The rest is CMake presets.
.PHONY: run test release-check fuzz setup release dev asan bench lint clean

JOBS ?= $(shell nproc)

setup:
	@scripts/setup

release: setup
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

# Install, build optimized, start the companion: today's status in the terminal, then the
# web app (limber serve prints its address and opens the browser; Ctrl+C stops it).
run: release
	@./build/release/limber status
	@./build/release/limber serve

# Install, build with AddressSanitizer and UndefinedBehaviorSanitizer, run every suite
# (the fuzz harnesses replay their corpora there); then check the programs `make run`
# installs.
test: setup
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@ctest --preset asan -j $(JOBS)
	@$(MAKE) --no-print-directory release-check

# The release preset's programs, built as `make run` builds them: what they link, and a
# smoke test of each (tests/release/check).
release-check:
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target limber limber-watch
	@tests/release/check build/release

# The fuzz harnesses (fuzz/, docs/fuzzing.md) with clang's libFuzzer, FUZZ_SECONDS each.
FUZZ_SECONDS ?= 60
fuzz: setup
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS) --target fuzz_time_parse fuzz_diary_csv \
	  fuzz_request_json fuzz_cli
	@fuzz/run build/fuzz $(FUZZ_SECONDS)

dev: setup
	@cmake --workflow --preset dev

# The speed figures in docs/benchmarks.md.
bench: release
	@bench/run

clean:
	rm -rf build
