// A pain rating on the 0-10 numeric rating scale (NPRS): 0 is no pain, 10 the worst
// imaginable. A PainScore cannot hold anything else.
#pragma once

#include <compare>
#include <string_view>

#include "core/result.h"

namespace limber::core {

class PainScore {
 public:
  static constexpr int kMin = 0;
  static constexpr int kMax = 10;

  constexpr PainScore() = default;  // 0, no pain

  // Returns the score, or kInvalidInput naming the range when `value` is outside 0-10.
  static Result<PainScore> from_int(int value);
  // Parses a whole number typed by a person ("6"); rejects "6.5", "six", "11".
  static Result<PainScore> parse(std::string_view text);

  [[nodiscard]] int value() const { return value_; }
  // "no pain", "mild", ... "worst imaginable": the words shown beside the number.
  [[nodiscard]] std::string_view words() const;

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy misreads a defaulted <=> in use
  friend auto operator<=>(const PainScore&, const PainScore&) = default;

 private:
  explicit constexpr PainScore(int value) : value_(value) {}
  int value_ = 0;
};

}  // namespace limber::core
