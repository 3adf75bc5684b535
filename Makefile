# Two commands for people: `make run` and `make test`. The rest is CMake presets.
.PHONY: run test setup release dev asan bench lint clean

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

# Install, build with AddressSanitizer and UndefinedBehaviorSanitizer, run every suite.
test: setup
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@ctest --preset asan -j $(JOBS)

dev: setup
	@cmake --workflow --preset dev

# The speed figures in docs/benchmarks.md.
bench: release
	@bench/run

clean:
	rm -rf build
