#include "core/mobility.h"

#include <array>

#include "core/vocabulary.h"

namespace limber::core {
namespace {

constexpr std::array<std::string_view, 4> kIds = {"lie", "stand", "walk", "move"};
constexpr std::array<std::string_view, 4> kDescriptions = {
    "cannot stand up straight yet",
    "can stand up straight, walking is hard",
    "can walk for several minutes",
    "can move freely, with daily life mostly back",
};

}  // namespace

std::string_view to_string(Mobility mobility) {
  return kIds.at(static_cast<std::size_t>(mobility));
}

std::string_view describe(Mobility mobility) {
  return kDescriptions.at(static_cast<std::size_t>(mobility));
}

std::span<const std::string_view> mobility_ids() {
  return kIds;
}

Result<Mobility> parse_mobility(std::string_view text) {
  // The first phase's id, for one vocabulary (issue #12, item 13): `rest` is `lie`.
  if (text == "rest")
    return Mobility::kLie;
  return parse_name(text, kIds, "mobility").transform([](std::size_t i) {
    return static_cast<Mobility>(i);
  });
}

}  // namespace limber::core
