// The catalog's stop block as it goes into a test's catalog JSON: every exercise needs it
// (core::kStopBlock), so a fixture that makes its own catalog entry writes this list.
#pragma once

#include <string>

#include "core/exercise.h"

namespace limber::testing {

// "\"Stop if ...\", \"Stop if ...\", \"Stop if ...\"": the inside of a JSON list.
inline std::string stop_block_json() {
  std::string out;
  for (const std::string_view sentence : core::kStopBlock) {
    if (!out.empty())
      out += ", ";
    out += '"';
    out += sentence;
    out += '"';
  }
  return out;
}

}  // namespace limber::testing
