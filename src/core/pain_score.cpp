#include "core/pain_score.h"

#include <array>
#include <charconv>
#include <string>

#include <fmt/core.h>

namespace limber::core {

Result<PainScore> PainScore::from_int(int value) {
  if (value < kMin || value > kMax) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("pain {} is out of range: use a whole number from 0 (no pain) to 10 "
                            "(worst imaginable)",
                            value));
  }
  return PainScore(value);
}

Result<PainScore> PainScore::parse(std::string_view text) {
  int value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("pain '{}' is not a whole number: use 0 (no pain) to 10 (worst "
                            "imaginable), for example 6",
                            text));
  }
  return from_int(value);
}

std::string_view PainScore::words() const {
  static constexpr std::array<std::string_view, 11> kWords = {
      "no pain",          "very mild",   "mild",    "uncomfortable", "moderate",
      "distracting",      "distressing", "intense", "very intense",  "severe",
      "worst imaginable",
  };
  return kWords.at(static_cast<std::size_t>(value_));
}

}  // namespace limber::core
