// The time parser (core/time_parse.h) on any text: no crash, no undefined behaviour, and
// every moment it accepts is written back in ISO 8601 that reads back as the same moment.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "core/time_parse.h"
#include "fuzz_check.h"

namespace {

using limber::core::Instant;
using limber::core::LocalTime;

// Friday 27 November 2026, 12:00 in Berlin (UTC+1).
const limber::core::Now kNow{
    .instant = Instant{std::chrono::seconds{1795777200}},
    .local = LocalTime{std::chrono::seconds{1795777200 + 3600}},
};

void round_trip(Instant at, std::chrono::seconds offset, std::string_view from) {
  const std::string written = limber::core::format_iso(at, offset);
  auto read = limber::core::parse_iso_offset(written);
  limber::fuzz::check(
      read.has_value(), "a parsed time is written as ISO 8601 that reads back",
      std::string(from) + " -> " + written + ": " + (read ? "" : read.error().message));
  limber::fuzz::check(read->at == at && read->utc_offset == offset,
                      "the ISO 8601 written reads back as the same moment",
                      std::string(from) + " -> " + written);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);  // NOLINT
  if (auto spec = limber::core::parse_time(text, kNow)) {
    if (const auto* at = std::get_if<Instant>(&*spec))
      round_trip(*at, kNow.utc_offset(), text);
    (void)limber::core::not_in_future(
        std::holds_alternative<Instant>(*spec) ? std::get<Instant>(*spec) : kNow.instant, kNow);
  }
  if (auto parsed = limber::core::parse_iso_offset(text))
    round_trip(parsed->at, parsed->utc_offset, text);
  if (auto offset = limber::core::parse_offset(text)) {
    const std::string written = limber::core::format_offset(*offset);
    auto again = limber::core::parse_offset(written);
    limber::fuzz::check(again.has_value() && *again == *offset,
                        "an offset is written as it was read",
                        std::string(text) + " -> " + written);
  }
  return 0;
}
