#include "core/relief.h"

#include <array>

#include "core/vocabulary.h"

namespace limber::core {
namespace {

constexpr std::array<std::string_view, 5> kIds = {"medication", "cream", "heat", "cold", "other"};

}  // namespace

std::string_view to_string(ReliefKind kind) {
  return kIds.at(static_cast<std::size_t>(kind));
}

std::span<const std::string_view> relief_ids() {
  return kIds;
}

Result<ReliefKind> parse_relief(std::string_view text) {
  return parse_name(text, kIds, "relief").transform([](std::size_t i) {
    return static_cast<ReliefKind>(i);
  });
}

}  // namespace limber::core
