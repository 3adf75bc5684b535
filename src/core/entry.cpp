#include "core/entry.h"

#include <array>

#include <fmt/core.h>

#include "core/tag.h"
#include "core/text.h"
#include "core/time_parse.h"
#include "core/vocabulary.h"

namespace limber::core {
namespace {

constexpr std::array<std::string_view, 4> kKinds = {"pain", "relief", "walk", "session"};

}  // namespace

std::string_view to_string(EntryKind kind) {
  return kKinds.at(static_cast<std::size_t>(kind));
}

Result<EntryKind> parse_entry_kind(std::string_view text) {
  return parse_name(text, kKinds, "entry kind").transform([](std::size_t i) {
    return static_cast<EntryKind>(i);
  });
}

Result<int> walk_minutes(int minutes) {
  if (minutes < 1 || minutes > kMaxWalkMinutes) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("walk of {} minutes is out of range: use 1 to {} minutes", minutes,
                            kMaxWalkMinutes));
  }
  return minutes;
}

Result<std::string> check_client_id(std::string id) {
  const bool well_formed =
      id.size() >= kMinClientIdLength && id.size() <= kMaxClientIdLength &&
      id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") ==
          std::string::npos;
  if (!well_formed) {
    return fail(
        ErrorCode::kInvalidInput,
        fmt::format("'{}' is not an entry id a device may give: use {} to {} letters, "
                    "digits and '-', such as a UUID",
                    id.substr(0, kMaxClientIdLength + 1), kMinClientIdLength, kMaxClientIdLength));
  }
  return id;
}

Result<Entry> validate(Entry entry) {
  if (!entry.client_id.empty()) {
    LIMBER_TRY_ASSIGN(entry.client_id, check_client_id(std::move(entry.client_id)));
  }
  LIMBER_TRY(check_moment(entry.at, entry.utc_offset));
  auto note = check_text(std::move(entry.note), kMaxNoteLength, "note", Lines::kMany);
  if (!note)
    return Unexpected(note.error());
  entry.note = std::move(*note);
  LIMBER_TRY_ASSIGN(entry.tags, check_tags(entry.tags));
  if (auto* pain = std::get_if<PainRecord>(&entry.detail)) {
    auto regions = unique_regions(std::move(pain->regions));
    if (!regions)
      return Unexpected(regions.error());
    pain->regions = std::move(*regions);
  } else if (auto* relief = std::get_if<ReliefRecord>(&entry.detail)) {
    auto name = check_text(std::move(relief->name), kMaxNameLength, "name", Lines::kOne);
    if (!name)
      return Unexpected(name.error());
    relief->name = std::move(*name);
  } else if (const auto* walk = std::get_if<WalkRecord>(&entry.detail)) {
    if (auto minutes = walk_minutes(walk->minutes); !minutes) {
      return Unexpected(minutes.error());
    }
  } else if (const auto* session = std::get_if<SessionRecord>(&entry.detail)) {
    if (session->minutes < 1 || session->minutes > kMaxSessionMinutes) {
      return fail(ErrorCode::kInvalidInput,
                  fmt::format("a session of {} minutes is out of range: use 1 to {}",
                              session->minutes, kMaxSessionMinutes));
    }
    if (session->exercises.empty() || session->exercises.size() > kMaxSessionExercises) {
      return fail(ErrorCode::kInvalidInput,
                  fmt::format("a session lists 1 to {} exercises", kMaxSessionExercises));
    }
    for (const std::string& id : session->exercises) {
      const bool well_formed =
          !id.empty() && id.size() <= 80 &&
          id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
      if (!well_formed) {
        return fail(ErrorCode::kInvalidInput,
                    fmt::format("'{}' is not an exercise id: ids look like yoga-cat-cow", id));
      }
    }
  }
  return entry;
}

}  // namespace limber::core
