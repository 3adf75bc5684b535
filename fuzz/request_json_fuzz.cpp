// The API's request bodies (server/request_json.h) on any bytes: no crash, no exception,
// no undefined behaviour; an entry the boundary accepts is one the core accepts too (the
// store's CHECK constraints never see what the boundary should have refused).
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app/builtin_catalog.h"
#include "core/entry.h"
#include "fuzz_check.h"
#include "server/request_json.h"

namespace {

using limber::core::Instant;
using limber::core::LocalTime;

const limber::core::Now kNow{
    .instant = Instant{std::chrono::seconds{1795777200}},
    .local = LocalTime{std::chrono::seconds{1795777200 + 3600}},
};

const limber::core::Catalog& catalog() {
  static const limber::core::Catalog kCatalog = *limber::app::builtin_catalog();
  return kCatalog;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);  // NOLINT
  auto object = limber::server::parse_object(body, "{}");
  if (!object)
    return 0;
  if (auto entry = limber::server::entry_from_json(*object, kNow, catalog())) {
    auto valid = limber::core::validate(*entry);
    limber::fuzz::check(valid.has_value(), "an entry the API accepts is a valid entry",
                        valid ? "" : valid.error().message);
    // What the API answers with must be writable as JSON (valid UTF-8 in every text).
    const nlohmann::json note = entry->note;
    (void)note.dump();
  }
  (void)limber::server::answers_from_json(*object);
  (void)limber::server::preferences_from_json(*object);
  for (const char* key : {"days", "limit"}) {
    if (const auto it = object->find(key); it != object->end() && it->is_string()) {
      const auto text = it->get<std::string>();
      (void)limber::server::int_param(text, key, 7, 1, 3650);
    }
  }
  return 0;
}
