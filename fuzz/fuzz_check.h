// A harness's own check: a property that must hold for every input. When it does not,
// the input is a finding, reported and ended like a crash (libFuzzer saves the input).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace limber::fuzz {

inline void check(bool holds, const char* property, const std::string& detail) {
  if (holds)
    return;
  std::fprintf(stderr, "fuzz check failed: %s: %s\n", property, detail.c_str());
  std::abort();
}

}  // namespace limber::fuzz
