// The local time zone in tests. The C library reads it from TZ, so a test that needs one
// zone sets TZ for its own scope and puts the old value back; `make test` runs the CLI, API
// and report suites again under TZ=Asia/Tokyo, America/New_York and Europe/Berlin
// (tests/CMakeLists.txt), so the fixtures keep a zone they are given, and a test that
// expects a time writes it with local_iso. For the app layer and outward.
#pragma once

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

#include "app/local_time.h"
#include "core/time_parse.h"

namespace limber::testing {

// The zone the suite runs in: TZ when ctest sets it, UTC otherwise (so a run by hand is the
// same on every machine).
inline void use_suite_time_zone() {
  if (std::getenv("TZ") == nullptr)  // NOLINT(concurrency-mt-unsafe)
    setenv("TZ", "UTC0", 1);         // NOLINT(concurrency-mt-unsafe)
  tzset();
}

// TZ=zone for the life of this object, then the previous TZ again (tzset both ways).
class ScopedTimeZone {
 public:
  explicit ScopedTimeZone(const char* zone) {
    if (const char* old = std::getenv("TZ"))  // NOLINT(concurrency-mt-unsafe)
      old_ = old;
    setenv("TZ", zone, 1);  // NOLINT(concurrency-mt-unsafe)
    tzset();
  }
  ~ScopedTimeZone() {
    if (old_) {
      setenv("TZ", old_->c_str(), 1);  // NOLINT(concurrency-mt-unsafe)
    } else {
      unsetenv("TZ");  // NOLINT(concurrency-mt-unsafe)
    }
    tzset();
  }
  ScopedTimeZone(const ScopedTimeZone&) = delete;
  ScopedTimeZone& operator=(const ScopedTimeZone&) = delete;
  ScopedTimeZone(ScopedTimeZone&&) = delete;
  ScopedTimeZone& operator=(ScopedTimeZone&&) = delete;

 private:
  std::optional<std::string> old_;
};

// How the JSON writes `at` in the suite's zone: "2026-11-21T21:00:00+09:00" in Tokyo.
inline std::string local_iso(core::Instant at) {
  return core::format_iso(at, app::utc_offset_at(at));
}

// A wall-clock reading placed in the suite's zone, as the JSON writes it:
// local_iso("2026-11-20T21:00") is "2026-11-20T21:00:00-05:00" in New York in November.
inline std::string local_iso(std::string_view reading) {
  const auto spec = core::parse_time(reading, {});
  return local_iso(app::from_local(std::get<core::LocalTime>(spec.value())));
}

}  // namespace limber::testing
