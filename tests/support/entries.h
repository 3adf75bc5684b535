// Diary entries for tests, built in one place: a pain rating at a moment with its score
// and regions, a walk, a relief, an exercise session; then a note, an offset or an id on
// top. Each suite keeps only its own words for days ("day 3 of the test diary").
#pragma once

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/entry.h"

namespace limber::testing {

// Where it hurts, no region rated on its own: unrated({Region::kNeck, Region::kLowerBack}).
inline std::vector<core::RegionRating> unrated(std::initializer_list<core::Region> regions) {
  std::vector<core::RegionRating> ratings;
  ratings.reserve(regions.size());
  for (const core::Region region : regions)
    ratings.push_back({region, std::nullopt});
  return ratings;
}

// A pain rating of `pain` (0-10) at `at`, recorded at UTC+0 with no note.
inline core::Entry pain_entry(core::Instant at, int pain,
                              std::vector<core::RegionRating> regions = {},
                              std::optional<core::Mobility> mobility = std::nullopt) {
  core::Entry entry;
  entry.at = at;
  entry.detail = core::PainRecord{*core::PainScore::from_int(pain), std::move(regions), mobility,
                                  std::nullopt};
  return entry;
}

inline core::Entry walk_entry(core::Instant at, int minutes) {
  core::Entry entry;
  entry.at = at;
  entry.detail = core::WalkRecord{minutes};
  return entry;
}

inline core::Entry relief_entry(core::Instant at, core::ReliefKind kind, std::string name = "") {
  core::Entry entry;
  entry.at = at;
  entry.detail = core::ReliefRecord{kind, std::move(name)};
  return entry;
}

// A session of `minutes` with pain `before` and `after` it (0-10).
inline core::Entry session_entry(core::Instant at, int before, int after,
                                 std::vector<std::string> exercises = {"yoga-cat-cow"},
                                 int minutes = 10) {
  core::Entry entry;
  entry.at = at;
  entry.detail = core::SessionRecord{std::move(exercises), *core::PainScore::from_int(before),
                                     *core::PainScore::from_int(after), minutes};
  return entry;
}

// The same entry with a note, a local offset, tags, or a stored id.
inline core::Entry noted(core::Entry entry, std::string note) {
  entry.note = std::move(note);
  return entry;
}

inline core::Entry recorded_at(core::Entry entry, std::chrono::seconds utc_offset) {
  entry.utc_offset = utc_offset;
  return entry;
}

inline core::Entry tagged(core::Entry entry, std::vector<std::string> tags) {
  entry.tags = std::move(tags);
  return entry;
}

inline core::Entry with_id(core::Entry entry, std::int64_t id) {
  entry.id = id;
  return entry;
}

// Day n of a test diary that began on 1 October 2026 (n may be negative).
inline std::chrono::local_days october_day(int n) {
  return std::chrono::local_days{std::chrono::year{2026} / std::chrono::October / 1} +
         std::chrono::days{n};
}

// The moment `hour` o'clock on a local day, for diaries kept at UTC+0.
inline core::Instant at_hour(std::chrono::local_days day, int hour) {
  return core::Instant{(day + std::chrono::hours{hour}).time_since_epoch()};
}

}  // namespace limber::testing
