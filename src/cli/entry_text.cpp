#include "cli/entry_text.h"

#include <ctime>
#include <vector>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "core/utf8.h"

namespace limber::cli {
namespace {

// The reading's own fields, for fmt's strftime-like specs. Never hand fmt a sys_time: fmt 9
// formats it through localtime, which applied the UTC offset a second time.
std::tm as_shown(core::LocalTime local) {
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss clock{local - day};
  std::tm shown{};
  shown.tm_year = static_cast<int>(date.year()) - 1900;
  shown.tm_mon = static_cast<int>(static_cast<unsigned>(date.month())) - 1;
  shown.tm_mday = static_cast<int>(static_cast<unsigned>(date.day()));
  shown.tm_wday = static_cast<int>(std::chrono::weekday{day}.c_encoding());
  shown.tm_hour = static_cast<int>(clock.hours().count());
  shown.tm_min = static_cast<int>(clock.minutes().count());
  shown.tm_sec = static_cast<int>(clock.seconds().count());
  return shown;
}

}  // namespace

std::string describe(const core::Entry& entry) {
  std::vector<std::string> parts;
  if (const auto* pain = std::get_if<core::PainRecord>(&entry.detail)) {
    parts.push_back(fmt::format("pain {}/10, {}", pain->pain.value(), pain->pain.words()));
    std::vector<std::string> regions;
    for (const core::RegionRating& rating : pain->regions) {
      std::string text(core::info(rating.region).display);
      if (rating.pain)
        text += fmt::format(" {}/10", rating.pain->value());
      regions.push_back(std::move(text));
    }
    if (!regions.empty())
      parts.push_back(fmt::format("{}", fmt::join(regions, ", ")));
    if (pain->leg_pain_spreads) {
      parts.emplace_back(*pain->leg_pain_spreads ? "leg pain shoots, tingles or goes below the knee"
                                                 : "leg pain stays put");
    }
    if (pain->mobility)
      parts.emplace_back(core::describe(*pain->mobility));
  } else if (const auto* relief = std::get_if<core::ReliefRecord>(&entry.detail)) {
    parts.push_back(relief->name.empty()
                        ? fmt::format("relief: {}", core::to_string(relief->kind))
                        : fmt::format("relief: {} ({})", core::to_string(relief->kind),
                                      core::utf8::sanitize(relief->name)));
  } else if (const auto* walk = std::get_if<core::WalkRecord>(&entry.detail)) {
    parts.push_back(fmt::format("walked {} min", walk->minutes));
  } else if (const auto* session = std::get_if<core::SessionRecord>(&entry.detail)) {
    parts.push_back(fmt::format("session {} min, {} exercise{}, pain {} → {}", session->minutes,
                                session->exercises.size(),
                                session->exercises.size() == 1 ? "" : "s",
                                session->pain_before.value(), session->pain_after.value()));
  }
  // Text stored before limber checked it shows U+FFFD where it cannot be read.
  if (!entry.note.empty())
    parts.push_back(fmt::format("\"{}\"", core::utf8::sanitize(entry.note)));
  if (!entry.tags.empty())
    parts.push_back(fmt::format("tagged {}", fmt::join(entry.tags, ", ")));
  return fmt::format("{}", fmt::join(parts, " · "));
}

std::string day_heading(core::LocalTime local) {
  return fmt::format("{:%A %d %B %Y}", as_shown(local));
}

std::string clock_time(core::LocalTime local) {
  return fmt::format("{:%H:%M}", as_shown(local));
}

std::string short_time(core::LocalTime local) {
  return fmt::format("{:%a %d %b %H:%M}", as_shown(local));
}

}  // namespace limber::cli
