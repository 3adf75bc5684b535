// The CSV reader (core/diary_csv.h) on any file: no crash, no undefined behaviour, and a
// file it accepts is written back as CSV that reads back as the same entries (the
// export/import round trip a backup relies on).
#include <cstdint>
#include <string>
#include <string_view>

#include "app/builtin_catalog.h"
#include "core/diary_csv.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The catalog built into limber: session rows name its exercises.
  static const limber::core::Catalog catalog = *limber::app::builtin_catalog();
  const std::string_view text(reinterpret_cast<const char*>(data), size);  // NOLINT
  auto entries = limber::core::diary_from_csv(text, catalog);
  if (!entries)
    return 0;
  const std::string written = limber::core::diary_to_csv(*entries);
  auto again = limber::core::diary_from_csv(written, catalog);
  limber::fuzz::check(again.has_value(), "an accepted CSV is written as CSV that reads back",
                      again ? "" : again.error().message + "\n" + written);
  limber::fuzz::check(again->size() == entries->size(), "the same number of entries", written);
  for (std::size_t i = 0; i < entries->size(); ++i) {
    const auto& before = (*entries)[i];
    const auto& after = (*again)[i];
    limber::fuzz::check(before.id == after.id && before.same_content(after),
                        "each entry reads back the same", "row " + std::to_string(i + 1));
  }
  return 0;
}
