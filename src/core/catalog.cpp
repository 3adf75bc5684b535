#include "core/catalog.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/json_position.h"
#include "core/suggest.h"

namespace limber::core {
namespace {

using nlohmann::json;

// Reading one entry: each problem becomes "<file>: <id>: <problem>", and for a file from a
// therapist "<file>, line N: <id>: <problem>", N the line of the field named by `key`.
class EntryReader {
 public:
  EntryReader(const CatalogFile& file, std::size_t index, const json& entry)
      : file_(file), index_(index), entry_(entry) {
    if (entry.contains("id") && entry["id"].is_string())
      id_ = entry["id"].get<std::string>();
  }

  // `key` the field ("level", or "dose/reps" inside the dose); empty for the whole exercise.
  [[nodiscard]] Unexpected error(std::string_view key, const std::string& problem) const {
    if (!file_.from_therapist)
      return fail(ErrorCode::kBadFile, fmt::format("{}: {}: {}", file_.name, id_, problem));
    std::vector<std::string> path = {"exercises", std::to_string(index_)};
    for (std::string_view rest = key; !rest.empty();) {
      const auto slash = rest.find('/');
      path.emplace_back(rest.substr(0, slash));
      rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    }
    // A field that is missing is reported at its exercise.
    auto offset = json_member_offset(file_.text, path);
    while (!offset && path.size() > 2) {
      path.pop_back();
      offset = json_member_offset(file_.text, path);
    }
    return fail(ErrorCode::kBadFile,
                fmt::format("{}, line {}: {}: {}", file_.name,
                            text_position(file_.text, offset.value_or(0)).line, id_, problem));
  }

  Result<std::string> text(const char* key) const {
    if (!entry_.contains(key) || !entry_[key].is_string() ||
        entry_[key].get<std::string>().empty()) {
      return error(key, fmt::format("'{}' must be a non-empty string", key));
    }
    return entry_[key].get<std::string>();
  }

  // `parent`: "dose" for a number inside the dose.
  Result<int> number(const json& object, const char* key, int low, int high,
                     std::string_view parent = "") const {
    const std::string path = parent.empty() ? std::string(key) : fmt::format("{}/{}", parent, key);
    if (!object.contains(key) || !object[key].is_number_integer()) {
      return error(path, fmt::format("'{}' must be a whole number", key));
    }
    const auto value = object[key].get<std::int64_t>();
    if (value < low || value > high) {
      return error(path, fmt::format("'{}' is {}: use {} to {}", key, value, low, high));
    }
    return static_cast<int>(value);
  }

  Result<std::vector<std::string>> texts(const char* key, std::size_t min_count) const {
    if (!entry_.contains(key) || !entry_[key].is_array()) {
      return error(key, fmt::format("'{}' must be a list", key));
    }
    std::vector<std::string> out;
    for (const json& item : entry_[key]) {
      if (!item.is_string() || item.get<std::string>().empty()) {
        return error(key, fmt::format("'{}' holds something that is not a sentence", key));
      }
      out.push_back(item.get<std::string>());
    }
    if (out.size() < min_count)
      return error(key, fmt::format("'{}' needs at least {}", key, min_count));
    return out;
  }

  template <class T, class Parse>
  Result<std::vector<T>> words(const char* key, Parse parse, std::size_t min_count) const {
    LIMBER_TRY_ASSIGN(auto items, texts(key, min_count));
    std::vector<T> out;
    for (const std::string& item : items) {
      auto value = parse(item);
      if (!value)
        return error(key, fmt::format("'{}': {}", key, value.error().message));
      if (std::find(out.begin(), out.end(), *value) != out.end()) {
        return error(key, fmt::format("'{}' names '{}' twice", key, item));
      }
      out.push_back(*value);
    }
    return out;
  }

  [[nodiscard]] const json& entry() const { return entry_; }

 private:
  const CatalogFile& file_;
  std::size_t index_;
  const json& entry_;
  std::string id_ = "(no id)";
};

Result<Dose> read_dose(const EntryReader& reader) {
  if (!reader.entry().contains("dose") || !reader.entry()["dose"].is_object()) {
    return reader.error("dose", "'dose' must be an object");
  }
  const json& dose_json = reader.entry()["dose"];
  Dose dose;
  const bool hold = dose_json.contains("hold_seconds");
  const bool reps = dose_json.contains("reps");
  if (hold == reps)
    return reader.error("dose", "'dose' needs exactly one of hold_seconds and reps");
  if (hold) {
    LIMBER_TRY_ASSIGN(auto seconds, reader.number(dose_json, "hold_seconds", 5, 120, "dose"));
    dose.hold_seconds = seconds;
  } else {
    LIMBER_TRY_ASSIGN(auto count, reader.number(dose_json, "reps", 1, 30, "dose"));
    dose.reps = count;
  }
  auto sets = reader.number(dose_json, "sets", 1, 5, "dose");
  if (!sets)
    return Unexpected(sets.error());
  LIMBER_TRY_ASSIGN(auto rest, reader.number(dose_json, "rest_seconds", 0, 120, "dose"));
  dose.sets = *sets;
  dose.rest_seconds = rest;
  return dose;
}

Result<Exercise> read_exercise(const CatalogFile& file, std::size_t index, Style file_style,
                               const json& entry) {
  const EntryReader reader(file, index, entry);
  if (!entry.is_object())
    return reader.error("", "each exercise must be an object");
  Exercise exercise;
  auto id = reader.text("id");
  auto name = reader.text("name");
  auto summary = reader.text("summary");
  auto style = reader.text("style");
  auto position = reader.text("position");
  for (const auto* text : {&id, &name, &summary, &style, &position}) {
    if (!*text)
      return Unexpected(text->error());
  }
  exercise.id = *id;
  exercise.name = *name;
  exercise.summary = *summary;
  auto parsed_style = parse_style(*style);
  if (!parsed_style)
    return reader.error("style", parsed_style.error().message);
  if (*parsed_style != file_style) {
    return reader.error("style", fmt::format("style '{}' does not match the file's style '{}'",
                                             *style, to_string(file_style)));
  }
  exercise.style = *parsed_style;
  if (!exercise.id.starts_with(fmt::format("{}-", *style))) {
    return reader.error("id", fmt::format("the id must start with '{}-'", *style));
  }
  auto parsed_position = parse_position(*position);
  if (!parsed_position)
    return reader.error("position", parsed_position.error().message);
  exercise.position = *parsed_position;
  auto level = reader.number(entry, "level", 1, 5);
  auto minutes = reader.number(entry, "minutes", 1, 15);
  if (!level)
    return Unexpected(level.error());
  if (!minutes)
    return Unexpected(minutes.error());
  exercise.level = *level;
  exercise.minutes = *minutes;
  auto dose = read_dose(reader);
  if (!dose)
    return Unexpected(dose.error());
  exercise.dose = *dose;
  auto phases = reader.words<Phase>("phases", parse_phase, 1);
  auto steps = reader.texts("steps", 1);
  auto cues = reader.texts("cues", 1);
  auto stop_if = reader.texts("stop_if", 1);
  auto strengthens = reader.words<Muscle>("strengthens", parse_muscle, 0);
  auto relaxes = reader.words<Muscle>("relaxes", parse_muscle, 0);
  auto eases = reader.words<Region>("eases", parse_region, 1);
  if (!phases)
    return Unexpected(phases.error());
  if (!steps)
    return Unexpected(steps.error());
  if (!cues)
    return Unexpected(cues.error());
  if (!stop_if)
    return Unexpected(stop_if.error());
  for (const std::string_view sentence : kStopBlock) {
    if (std::find(stop_if->begin(), stop_if->end(), sentence) == stop_if->end()) {
      return reader.error(
          "stop_if",
          fmt::format(
              "'stop_if' lacks the stop block sentence \"{}\": every exercise carries the whole "
              "stop block (core::kStopBlock), word for word",
              sentence));
    }
  }
  if (!strengthens)
    return Unexpected(strengthens.error());
  if (!relaxes)
    return Unexpected(relaxes.error());
  if (!eases)
    return Unexpected(eases.error());
  if (strengthens->empty() && relaxes->empty()) {
    return reader.error("strengthens", "name at least one muscle group it strengthens or relaxes");
  }
  exercise.phases = std::move(*phases);
  exercise.steps = std::move(*steps);
  exercise.cues = std::move(*cues);
  exercise.stop_if = std::move(*stop_if);
  exercise.strengthens = std::move(*strengthens);
  exercise.relaxes = std::move(*relaxes);
  exercise.eases = std::move(*eases);
  if (entry.contains("tensions_nerves")) {
    if (!entry["tensions_nerves"].is_boolean())
      return reader.error("tensions_nerves", "'tensions_nerves' must be true or false");
    exercise.tensions_nerves = entry["tensions_nerves"].get<bool>();
  }
  exercise.from_therapist = file.from_therapist;
  return exercise;
}

// "therapist.json, line 3, column 7: not valid JSON" for a file a person wrote.
Unexpected not_json(const CatalogFile& file) {
  if (!file.from_therapist)
    return fail(ErrorCode::kBadFile, fmt::format("{}: not valid JSON", file.name));
  const auto offset = json_error_offset(file.text);
  if (!offset) {
    return fail(ErrorCode::kBadFile,
                fmt::format(R"({}: not an exercise file: it must be one object in braces, )"
                            R"({{"style": "basics", "exercises": [...]}})",
                            file.name));
  }
  const TextPosition at = text_position(file.text, *offset);
  return fail(ErrorCode::kBadFile,
              fmt::format("{}, line {}, column {}: not valid JSON there (look for a missing "
                          "comma, quote or bracket just before it)",
                          file.name, at.line, at.column));
}

}  // namespace

Result<Catalog> Catalog::parse(std::span<const CatalogFile> files) {
  Catalog catalog;
  std::set<std::string> ids;
  for (const CatalogFile& file : files) {
    const json document = json::parse(file.text, nullptr, false);
    if (document.is_discarded() || !document.is_object())
      return not_json(file);
    if (!document.contains("style") || !document["style"].is_string() ||
        !document.contains("exercises") || !document["exercises"].is_array()) {
      return fail(ErrorCode::kBadFile,
                  fmt::format(R"({}: needs "style" and a list "exercises")", file.name));
    }
    auto style = parse_style(document["style"].get<std::string>());
    if (!style) {
      return fail(ErrorCode::kBadFile, fmt::format("{}: {}", file.name, style.error().message));
    }
    for (std::size_t index = 0; index < document["exercises"].size(); ++index) {
      LIMBER_TRY_ASSIGN(auto exercise,
                        read_exercise(file, index, *style, document["exercises"][index]));
      if (!ids.insert(exercise.id).second) {
        return fail(ErrorCode::kBadFile,
                    fmt::format("{}: {}: the id is used twice", file.name, exercise.id));
      }
      catalog.exercises_.push_back(std::move(exercise));
    }
  }
  return catalog;
}

const Exercise* Catalog::find(std::string_view id) const {
  for (const Exercise& exercise : exercises_) {
    if (exercise.id == id)
      return &exercise;
  }
  return nullptr;
}

Result<const Exercise*> Catalog::get(std::string_view id) const {
  if (const Exercise* exercise = find(id))
    return exercise;
  std::vector<std::string_view> ids;
  ids.reserve(exercises_.size());
  for (const Exercise& exercise : exercises_)
    ids.push_back(exercise.id);
  return fail(ErrorCode::kNotFound,
              fmt::format("there is no exercise '{}'.{}", id, did_you_mean(id, ids)),
              Remedy::kListExercises);
}

}  // namespace limber::core
