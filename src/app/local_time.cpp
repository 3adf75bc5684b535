#include "app/local_time.h"

#include <ctime>
#include <variant>

namespace limber::app {

std::chrono::seconds utc_offset_at(core::Instant at) {
  const std::time_t t = at.time_since_epoch().count();
  std::tm local{};
  localtime_r(&t, &local);
  return std::chrono::seconds{local.tm_gmtoff};
}

core::Now local_now(core::Instant at) {
  return {at, core::to_local(at, utc_offset_at(at))};
}

core::Instant from_local(core::LocalTime local) {
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss clock{local - day};
  std::tm tm{};
  tm.tm_year = static_cast<int>(date.year()) - 1900;
  tm.tm_mon = static_cast<int>(static_cast<unsigned>(date.month())) - 1;
  tm.tm_mday = static_cast<int>(static_cast<unsigned>(date.day()));
  tm.tm_hour = static_cast<int>(clock.hours().count());
  tm.tm_min = static_cast<int>(clock.minutes().count());
  tm.tm_sec = static_cast<int>(clock.seconds().count());
  tm.tm_isdst = -1;
  return core::Instant{std::chrono::seconds{std::mktime(&tm)}};
}

core::Result<core::Instant> read_time(std::string_view text, const core::Now& now) {
  LIMBER_TRY_ASSIGN(auto spec, core::parse_time(text, now));
  if (const auto* local = std::get_if<core::LocalTime>(&spec)) {
    // Refused before mktime sees it: year 1 or 1800 is a typing mistake, not a moment.
    LIMBER_TRY(core::check_moment(core::Instant{local->time_since_epoch()}, {}));
  }
  const core::Instant at = std::holds_alternative<core::Instant>(spec)
                               ? std::get<core::Instant>(spec)
                               : from_local(std::get<core::LocalTime>(spec));
  return core::not_in_future(at, now);
}

}  // namespace limber::app
