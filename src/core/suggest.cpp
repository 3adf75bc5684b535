#include "core/suggest.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace limber::core {
namespace {

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '-' && c != '_' && c != ' ')
      out.push_back(lower(c));
  }
  return out;
}

}  // namespace

int edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance over three rows.
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<int> before(m + 1);
  std::vector<int> previous(m + 1);
  std::vector<int> current(m + 1);
  for (std::size_t j = 0; j <= m; ++j)
    previous[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1])) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

std::optional<std::string_view> closest(std::string_view word,
                                        std::span<const std::string_view> candidates) {
  std::optional<std::string_view> best;
  int best_distance = 0;
  const std::string squeezed = squeeze(word);
  for (std::string_view candidate : candidates) {
    if (!squeezed.empty() && squeeze(candidate) == squeezed)
      return candidate;
    const int distance = edit_distance(word, candidate);
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  const int allowed = std::max(1, (static_cast<int>(word.size()) + 2) / 3);
  if (best && best_distance <= allowed)
    return best;
  return std::nullopt;
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  const auto match = closest(word, candidates);
  if (!match)
    return {};
  return " Did you mean '" + std::string(*match) + "'?";
}

}  // namespace limber::core
