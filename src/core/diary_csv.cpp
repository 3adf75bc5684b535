#include "core/diary_csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/csv.h"
#include "core/tag.h"
#include "core/time_parse.h"
#include "core/utf8.h"

namespace limber::core {
namespace {

enum Column : std::size_t {
  kId,
  kKind,
  kDate,
  kTime,
  kOffset,
  kPain,
  kRegions,
  kMobility,
  kRelief,
  kName,
  kMinutes,
  kNote,
  kExercises,
  kPainBefore,
  kPainAfter,
  kTags,
  kColumnCount,
};

constexpr std::array<std::string_view, kColumnCount> kColumns = {
    "id",     "kind", "date",    "time", "utc_offset", "pain",        "regions",    "mobility",
    "relief", "name", "minutes", "note", "exercises",  "pain_before", "pain_after", "tags"};

// Columns added after the first format: a file without them (an older export) still reads.
// Up to pain_before, a session's pain after went in `pain`; pain_after holds it since
// (issue #12, item 14), and an older file still reads. Tags came with issue 15.
bool optional_column(std::size_t column) {
  return column == kExercises || column == kPainBefore || column == kPainAfter || column == kTags;
}

constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);

bool needs_guard(std::string_view text) {
  const auto first = text.find_first_not_of('\'');
  if (first == std::string_view::npos)
    return false;
  const char c = text[first];
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

Unexpected row_error(std::size_t line, std::string_view column, const std::string& message) {
  return fail(ErrorCode::kBadFile, fmt::format("line {}, column {}: {}", line, column, message));
}

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size())
    return std::nullopt;
  return value;
}

// A file that is not UTF-8 is refused before any row is read, naming the line, and saying
// what it looks like: a spreadsheet on Windows saves "CSV" as Windows-1252 or UTF-16.
Result<void> check_encoding(std::string_view text) {
  constexpr std::string_view kFix =
      "save it as UTF-8 (in a spreadsheet: Save As, \"CSV UTF-8\") and import it again";
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF") ||
      text.find('\0') != std::string_view::npos) {
    return fail(ErrorCode::kBadFile,
                fmt::format("the file is not UTF-8 text (it holds zero bytes, so it looks like "
                            "UTF-16): {}",
                            kFix));
  }
  const std::size_t bad = utf8::first_invalid(text);
  if (bad == utf8::kValid)
    return {};
  const std::string_view before = text.substr(0, bad);
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t line_start =
      before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  const std::size_t column = utf8::count(before.substr(line_start)) + 1;
  return fail(ErrorCode::kBadFile,
              fmt::format("line {}, character {} is not UTF-8 text (byte {}){}: {}", line, column,
                          utf8::describe_byte(text, bad),
                          utf8::single_byte_guess(text, bad)
                              ? "; the file looks like it was saved as Windows-1252 or Latin-1"
                              : "",
                          kFix));
}

// The items of a cell such as "lower-back|neck:3"; an empty cell has none. An empty item (a
// '|' at either end, or two in a row) is refused rather than dropped.
Result<std::vector<std::string_view>> split_bars(std::string_view cell, std::string_view example) {
  std::vector<std::string_view> items;
  if (cell.empty())
    return items;
  while (true) {
    const auto bar = cell.find('|');
    const std::string_view item = cell.substr(0, bar);
    if (item.empty()) {
      return fail(ErrorCode::kBadFile,
                  fmt::format("an empty item: a '|' at the start or the end, or two in a row; "
                              "separate the items with one '|', like {}",
                              example));
    }
    items.push_back(item);
    if (bar == std::string_view::npos)
      return items;
    cell.remove_prefix(bar + 1);
  }
}

// Maps header names to positions; every column must be there, once, and nothing else.
Result<std::array<std::size_t, kColumnCount>> read_header(const CsvRecord& header) {
  std::array<std::size_t, kColumnCount> position{};
  position.fill(kAbsent);
  std::array<bool, kColumnCount> seen{};
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string& name = header.fields[i];
    std::size_t column = kColumnCount;
    for (std::size_t c = 0; c < kColumnCount; ++c) {
      if (kColumns.at(c) == name)
        column = c;
    }
    if (column == kColumnCount) {
      return fail(ErrorCode::kBadFile,
                  fmt::format("line {}: unknown column '{}': the header must be {}", header.line,
                              name, fmt::join(kColumns, ",")));
    }
    if (seen.at(column)) {
      return fail(ErrorCode::kBadFile,
                  fmt::format("line {}: column '{}' appears twice", header.line, name));
    }
    seen.at(column) = true;
    position.at(column) = i;
  }
  for (std::size_t c = 0; c < kColumnCount; ++c) {
    if (!seen.at(c) && !optional_column(c)) {
      return fail(ErrorCode::kBadFile,
                  fmt::format("line {}: the column '{}' is missing: the header must be {}",
                              header.line, kColumns.at(c), fmt::join(kColumns, ",")));
    }
  }
  return position;
}

class RowReader {
 public:
  RowReader(const CsvRecord& record, const std::array<std::size_t, kColumnCount>& position)
      : record_(record), position_(position) {}

  [[nodiscard]] const std::string& cell(Column column) const {
    static const std::string kEmpty;
    const std::size_t at = position_.at(column);
    return at == kAbsent ? kEmpty : record_.fields.at(at);
  }
  [[nodiscard]] std::size_t line() const { return record_.line; }

  [[nodiscard]] Unexpected error(Column column, const std::string& message) const {
    return row_error(record_.line, kColumns.at(column), message);
  }

  // The cells that must be empty for this kind of entry.
  [[nodiscard]] Result<bool> require_empty(std::initializer_list<Column> columns,
                                           std::string_view kind) const {
    for (Column column : columns) {
      if (!cell(column).empty()) {
        return error(column, fmt::format("must be empty for a {} entry", kind));
      }
    }
    return true;
  }

 private:
  const CsvRecord& record_;
  const std::array<std::size_t, kColumnCount>& position_;
};

Result<EntryDetail> read_pain(const RowReader& row) {
  auto pain = PainScore::parse(row.cell(kPain));
  if (!pain)
    return row.error(kPain, pain.error().message);
  PainRecord record{*pain, {}, std::nullopt, std::nullopt};
  auto regions = split_bars(row.cell(kRegions), "lower-back|neck:3");
  if (!regions)
    return row.error(kRegions, regions.error().message);
  for (const std::string_view region : *regions) {
    auto rating = parse_region_rating(region);
    if (!rating)
      return row.error(kRegions, rating.error().message);
    record.regions.push_back(*rating);
  }
  if (!row.cell(kMobility).empty()) {
    auto mobility = parse_mobility(row.cell(kMobility));
    if (!mobility)
      return row.error(kMobility, mobility.error().message);
    record.mobility = *mobility;
  }
  if (auto empty = row.require_empty(
          {kRelief, kName, kMinutes, kExercises, kPainBefore, kPainAfter}, "pain");
      !empty) {
    return Unexpected(empty.error());
  }
  return record;
}

Result<EntryDetail> read_relief(const RowReader& row) {
  auto kind = parse_relief(row.cell(kRelief));
  if (!kind)
    return row.error(kRelief, kind.error().message);
  if (auto empty = row.require_empty(
          {kPain, kRegions, kMobility, kMinutes, kExercises, kPainBefore, kPainAfter}, "relief");
      !empty) {
    return Unexpected(empty.error());
  }
  return ReliefRecord{*kind, unguard_formula(row.cell(kName))};
}

Result<EntryDetail> read_walk(const RowReader& row) {
  const auto minutes = parse_int(row.cell(kMinutes));
  if (!minutes || *minutes < 1 || *minutes > kMaxWalkMinutes) {
    return row.error(kMinutes, fmt::format("'{}' is not a walk length: use 1 to {} minutes",
                                           row.cell(kMinutes), kMaxWalkMinutes));
  }
  if (auto empty = row.require_empty(
          {kPain, kRegions, kMobility, kRelief, kName, kExercises, kPainBefore, kPainAfter},
          "walk");
      !empty) {
    return Unexpected(empty.error());
  }
  return WalkRecord{static_cast<int>(*minutes)};
}

Result<EntryDetail> read_session(const RowReader& row, const Catalog& catalog) {
  auto before = PainScore::parse(row.cell(kPainBefore));
  if (!before)
    return row.error(kPainBefore, before.error().message);
  // pain_after, or `pain` in a file written before pain_after existed; not both.
  const bool own_column = !row.cell(kPainAfter).empty();
  if (own_column && !row.cell(kPain).empty())
    return row.error(kPain, "must be empty for a session entry: its pain after goes in pain_after");
  const Column after_column = own_column || row.cell(kPain).empty() ? kPainAfter : kPain;
  auto after = PainScore::parse(row.cell(after_column));
  if (!after)
    return row.error(after_column, after.error().message);
  const auto minutes = parse_int(row.cell(kMinutes));
  if (!minutes || *minutes < 1 || *minutes > kMaxSessionMinutes) {
    return row.error(kMinutes, fmt::format("'{}' is not a session length: use 1 to {} minutes",
                                           row.cell(kMinutes), kMaxSessionMinutes));
  }
  SessionRecord session{{}, *before, *after, static_cast<int>(*minutes)};
  auto ids = split_bars(row.cell(kExercises), "yoga-cat-cow|basics-pelvic-tilt");
  if (!ids)
    return row.error(kExercises, ids.error().message);
  for (const std::string_view id : *ids) {
    // The plan and the report read these ids: one limber does not know would be a session
    // nobody can show (issue 11, defect 9).
    auto exercise = catalog.get(id);
    if (!exercise)
      return row.error(kExercises, exercise.error().message);
    session.exercises.emplace_back(id);
  }
  if (session.exercises.empty())
    return row.error(kExercises, "list the exercises done, a|b|c");
  if (auto empty = row.require_empty({kRegions, kMobility, kRelief, kName}, "session"); !empty) {
    return Unexpected(empty.error());
  }
  return session;
}

Result<Entry> read_row(const RowReader& row, const Catalog& catalog) {
  Entry entry;
  if (!row.cell(kId).empty()) {
    const auto id = parse_int(row.cell(kId));
    if (!id || *id < 1) {
      return row.error(kId, fmt::format("'{}' is not an entry number: use a whole number from 1, "
                                        "or leave it empty for a new entry",
                                        row.cell(kId)));
    }
    entry.id = *id;
  }
  const std::string when =
      fmt::format("{}T{}{}", row.cell(kDate), row.cell(kTime), row.cell(kOffset));
  auto at = parse_iso_offset(when);
  if (!at) {
    return row.error(kDate, fmt::format("cannot read the date '{}', time '{}' and offset '{}': use "
                                        "2026-11-20, 21:00:00 and +01:00",
                                        row.cell(kDate), row.cell(kTime), row.cell(kOffset)));
  }
  entry.at = at->at;
  entry.utc_offset = at->utc_offset;
  auto kind = parse_entry_kind(row.cell(kKind));
  if (!kind)
    return row.error(kKind, kind.error().message);
  Result<EntryDetail> detail = *kind == EntryKind::kPain     ? read_pain(row)
                               : *kind == EntryKind::kRelief ? read_relief(row)
                               : *kind == EntryKind::kWalk   ? read_walk(row)
                                                             : read_session(row, catalog);
  if (!detail)
    return Unexpected(detail.error());
  entry.detail = std::move(*detail);
  entry.note = unguard_formula(row.cell(kNote));
  auto tags = split_bars(row.cell(kTags), "lifting|long-drive");
  if (!tags)
    return row.error(kTags, tags.error().message);
  for (const std::string_view text : *tags) {
    auto tag = check_tag(text);
    if (!tag)
      return row.error(kTags, tag.error().message);
    entry.tags.push_back(std::move(*tag));
  }
  auto valid = validate(std::move(entry));
  if (!valid) {
    return fail(ErrorCode::kBadFile, fmt::format("line {}: {}", row.line(), valid.error().message));
  }
  return valid;
}

std::vector<std::string> write_row(const Entry& entry) {
  std::vector<std::string> cells(kColumnCount);
  cells[kId] = entry.id == 0 ? "" : std::to_string(entry.id);
  cells[kKind] = to_string(entry.kind());
  const std::string iso = format_iso(entry.at, entry.utc_offset);  // 2026-11-20T21:00:00+01:00
  cells[kDate] = iso.substr(0, 10);
  cells[kTime] = iso.substr(11, 8);
  cells[kOffset] = iso.substr(19);
  if (const auto* pain = std::get_if<PainRecord>(&entry.detail)) {
    cells[kPain] = std::to_string(pain->pain.value());
    std::vector<std::string> regions;
    for (const RegionRating& rating : pain->regions)
      regions.push_back(format_region_rating(rating));
    cells[kRegions] = fmt::format("{}", fmt::join(regions, "|"));
    if (pain->mobility)
      cells[kMobility] = to_string(*pain->mobility);
  } else if (const auto* relief = std::get_if<ReliefRecord>(&entry.detail)) {
    cells[kRelief] = to_string(relief->kind);
    cells[kName] = guard_formula(utf8::sanitize(relief->name));
  } else if (const auto* walk = std::get_if<WalkRecord>(&entry.detail)) {
    cells[kMinutes] = std::to_string(walk->minutes);
  } else if (const auto* session = std::get_if<SessionRecord>(&entry.detail)) {
    cells[kPainBefore] = std::to_string(session->pain_before.value());
    cells[kPainAfter] = std::to_string(session->pain_after.value());
    cells[kMinutes] = std::to_string(session->minutes);
    cells[kExercises] = fmt::format("{}", fmt::join(session->exercises, "|"));
  }
  // Text stored before limber checked it may not be UTF-8: the export shows U+FFFD there,
  // so that the file can be imported again (issue 11, defect 2).
  cells[kNote] = guard_formula(utf8::sanitize(entry.note));
  cells[kTags] = fmt::format("{}", fmt::join(entry.tags, "|"));
  return cells;
}

}  // namespace

std::span<const std::string_view> diary_csv_columns() {
  return kColumns;
}

std::string guard_formula(std::string_view text) {
  return needs_guard(text) ? "'" + std::string(text) : std::string(text);
}

std::string unguard_formula(std::string_view text) {
  if (text.starts_with('\'') && needs_guard(text.substr(1)))
    text.remove_prefix(1);
  return std::string(text);
}

std::string diary_to_csv(std::span<const Entry> entries) {
  std::string out = csv_record(std::vector<std::string>(kColumns.begin(), kColumns.end()));
  for (const Entry& entry : entries)
    out += csv_record(write_row(entry));
  return out;
}

Result<std::vector<Entry>> diary_from_csv(std::string_view text, const Catalog& catalog) {
  LIMBER_TRY(check_encoding(text));
  LIMBER_TRY_ASSIGN(auto records, parse_csv(text));
  if (records.empty()) {
    return fail(ErrorCode::kBadFile,
                fmt::format("the file is empty: a limber CSV starts with the header {}",
                            fmt::join(kColumns, ",")));
  }
  LIMBER_TRY_ASSIGN(auto position, read_header(records.front()));
  std::vector<Entry> entries;
  entries.reserve(records.size() - 1);
  for (std::size_t i = 1; i < records.size(); ++i) {
    const CsvRecord& record = (records)[i];
    if (record.fields.size() != records.front().fields.size()) {
      return fail(ErrorCode::kBadFile,
                  fmt::format("line {}: {} fields where the header has {}: check for a missing "
                              "or extra comma, or quote fields that hold commas",
                              record.line, record.fields.size(), records.front().fields.size()));
    }
    LIMBER_TRY_ASSIGN(auto entry, read_row(RowReader(record, position), catalog));
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace limber::core
