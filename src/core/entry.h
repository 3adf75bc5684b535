// A diary entry: something that happened at a moment. People log several times a day,
// so every entry has its own time. Three kinds: a pain rating (with where it hurts and
// how well they move), a relief used (a log, never advice), and a walk taken.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/clock.h"
#include "core/mobility.h"
#include "core/pain_score.h"
#include "core/region.h"
#include "core/relief.h"
#include "core/result.h"

namespace limber::core {

struct PainRecord {
  PainScore pain;
  std::vector<RegionRating> regions;
  std::optional<Mobility> mobility;
  // For pain in a thigh or calf: does it shoot, tingle, or go below the knee? Unanswered
  // is treated as yes by the plan (issue #20: leg pain is often a nerve's, not a spasm's).
  std::optional<bool> leg_pain_spreads;

  friend bool operator==(const PainRecord&, const PainRecord&) = default;
};

struct ReliefRecord {
  ReliefKind kind = ReliefKind::kOther;
  std::string name;  // what it was, in the person's words; may be empty

  friend bool operator==(const ReliefRecord&, const ReliefRecord&) = default;
};

struct WalkRecord {
  int minutes = 0;

  friend bool operator==(const WalkRecord&, const WalkRecord&) = default;
};

// An exercise session: guided by `limber session`, or done elsewhere (a class, a video) and
// logged afterwards. Pain before and after is what lets the plan spot a flare.
struct SessionRecord {
  std::vector<std::string> exercises;  // catalog ids, in the order done
  PainScore pain_before;
  PainScore pain_after;
  int minutes = 0;  // a session stopped early lists only what was done

  friend bool operator==(const SessionRecord&, const SessionRecord&) = default;
};

using EntryDetail = std::variant<PainRecord, ReliefRecord, WalkRecord, SessionRecord>;

enum class EntryKind { kPain, kRelief, kWalk, kSession };

std::string_view to_string(EntryKind kind);
Result<EntryKind> parse_entry_kind(std::string_view text);

struct Entry {
  std::int64_t id = 0;  // 0 until stored
  Instant at;
  std::chrono::seconds utc_offset{0};  // local offset when it was recorded
  EntryDetail detail;
  std::string note;
  // The id the device that made the entry gave it (a UUID made by the phone's page), empty
  // when none: a device that sends the same entry twice (an answer lost on the way) finds
  // the one already made instead of a second (issue 14).
  std::string client_id;
  // Short words for what went with it ("lifting", "long-drive"): core/tag.h says what a tag
  // may be; at most kMaxTags, in the order given (issue 15).
  std::vector<std::string> tags;

  [[nodiscard]] EntryKind kind() const { return static_cast<EntryKind>(detail.index()); }
  [[nodiscard]] LocalTime local_time() const { return to_local(at, utc_offset); }

  // Same content, ids aside: used to spot an entry imported twice.
  [[nodiscard]] bool same_content(const Entry& other) const {
    return at == other.at && utc_offset == other.utc_offset && detail == other.detail &&
           note == other.note && tags == other.tags;
  }
};

inline constexpr int kMaxWalkMinutes = 600;
inline constexpr std::size_t kMaxNoteLength = 2000;
inline constexpr std::size_t kMaxNameLength = 120;
inline constexpr int kMaxSessionMinutes = 180;
inline constexpr std::size_t kMaxSessionExercises = 40;
inline constexpr std::size_t kMinClientIdLength = 8;
inline constexpr std::size_t kMaxClientIdLength = 64;

// Validates walk minutes typed by a person: 1 to kMaxWalkMinutes.
// (Session minutes: 1 to kMaxSessionMinutes, checked by validate.)
Result<int> walk_minutes(int minutes);
// Checks an id made by a device: kMinClientIdLength to kMaxClientIdLength ASCII letters,
// digits and '-' (a UUID fits). Returns it.
Result<std::string> check_client_id(std::string id);
// Checks every invariant the store relies on (a moment from 1970 on with an offset within
// +-14:00, text lengths, no control characters other than newline and tab in notes, walk
// minutes, unique regions, tags by core/tag.h). Returns the entry, its tags normalised.
Result<Entry> validate(Entry entry);

}  // namespace limber::core
