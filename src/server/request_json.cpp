#include "server/request_json.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "app/local_time.h"
#include "core/region.h"
#include "core/suggest.h"
#include "core/tag.h"
#include "core/utf8.h"
#include "server/remedy_text.h"

namespace limber::server {
namespace {

using core::ErrorCode;
using core::fail;
using core::Result;
using core::Unexpected;
using nlohmann::json;

Unexpected invalid(std::string message) {
  return fail(ErrorCode::kInvalidInput, std::move(message));
}

// Refuses fields that are not in `allowed`, suggesting the closest: a typo in a field name
// must not be silently dropped from someone's diary.
Result<void> only_fields(const json& object, std::span<const std::string_view> allowed,
                         std::string_view what) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return invalid(fmt::format(R"(unknown field "{}" for {}.{} Fields: {})", key, what,
                                 core::did_you_mean(key, allowed), fmt::join(allowed, ", ")));
    }
  }
  return {};
}

// A whole number in field `key`; `example` shows the form wanted (`"pain": 5`).
Result<int> int_field(const json& object, std::string_view key, std::string_view example) {
  const json& value = object.at(std::string(key));
  if (!value.is_number_integer()) {
    return invalid(fmt::format(R"("{}" must be a whole number, like {})", key, example));
  }
  if (value.is_number_unsigned() &&
      value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<int>::max())) {
    return invalid(fmt::format(R"("{}" is far out of range: use a number like {})", key, example));
  }
  const auto number = value.get<std::int64_t>();
  if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max())
    return invalid(fmt::format(R"("{}" is far out of range: use a number like {})", key, example));
  return static_cast<int>(number);
}

Result<std::string> string_field(const json& object, std::string_view key,
                                 std::string_view example) {
  const json& value = object.at(std::string(key));
  if (!value.is_string())
    return invalid(fmt::format(R"("{}" must be text in quotes, like {})", key, example));
  return value.get<std::string>();
}

Result<core::PainScore> pain_field(const json& object, std::string_view key) {
  LIMBER_TRY_ASSIGN(auto number,
                    int_field(object, key, fmt::format(R"("{}": 5 (0 no pain to 10 worst))", key)));
  auto pain = core::PainScore::from_int(number);
  if (!pain && key != "pain")
    return invalid(fmt::format(R"("{}": {})", key, pain.error().message));
  return pain;
}

Result<core::RegionRating> region_item(const json& item) {
  if (item.is_string())
    return core::parse_region_rating(item.get<std::string>());
  if (!item.is_object()) {
    return invalid(
        R"(each item of "regions" is a region name ("lower-back", "neck:3") or an object )"
        R"({"region": "neck", "pain": 3})");
  }
  static constexpr std::array<std::string_view, 2> kFields = {"region", "pain"};
  LIMBER_TRY(only_fields(item, kFields, "a region"));
  if (!item.contains("region"))
    return invalid(R"(a region object needs "region": {"region": "neck", "pain": 3})");
  LIMBER_TRY_ASSIGN(auto name, string_field(item, "region", R"("region": "neck")"));
  LIMBER_TRY_ASSIGN(auto region, core::parse_region(name));
  core::RegionRating rating{region, std::nullopt};
  if (item.contains("pain") && !item.at("pain").is_null()) {
    auto pain = pain_field(item, "pain");
    if (!pain)
      return Unexpected(pain.error());
    rating.pain = *pain;
  }
  return rating;
}

Result<core::EntryDetail> pain_detail(const json& body) {
  if (!body.contains("pain")) {
    return invalid(R"(a pain entry needs "pain", 0 (no pain) to 10 (worst imaginable): )"
                   R"({"pain": 5, "regions": ["lower-back"]})");
  }
  auto pain = pain_field(body, "pain");
  if (!pain)
    return Unexpected(pain.error());
  core::PainRecord record{*pain, {}, std::nullopt, std::nullopt};
  if (body.contains("regions")) {
    const json& regions = body.at("regions");
    if (!regions.is_array()) {
      return invalid(R"("regions" must be a list, like "regions": ["lower-back", "neck"])");
    }
    for (const json& item : regions) {
      LIMBER_TRY_ASSIGN(auto rating, region_item(item));
      record.regions.push_back(rating);
    }
    LIMBER_TRY_ASSIGN(auto unique, core::unique_regions(std::move(record.regions)));
    record.regions = std::move(unique);
  }
  if (body.contains("mobility") && !body.at("mobility").is_null()) {
    LIMBER_TRY_ASSIGN(auto text, string_field(body, "mobility", R"("mobility": "stand")"));
    auto mobility = core::parse_mobility(text);
    if (!mobility)
      return Unexpected(mobility.error());
    record.mobility = *mobility;
  }
  if (body.contains("leg_pain_spreads") && !body.at("leg_pain_spreads").is_null()) {
    if (!body.at("leg_pain_spreads").is_boolean()) {
      return invalid(R"("leg_pain_spreads" must be true (the leg pain shoots, tingles or goes )"
                     R"(below the knee), false (it stays put) or null (not said))");
    }
    if (!core::names_a_leg(record.regions)) {
      return invalid(R"("leg_pain_spreads" goes with pain in a thigh or calf: add it to )"
                     R"("regions")");
    }
    record.leg_pain_spreads = body.at("leg_pain_spreads").get<bool>();
  }
  return record;
}

Result<core::EntryDetail> relief_detail(const json& body) {
  if (!body.contains("relief")) {
    return invalid(R"(a relief entry needs "relief": medication, cream, heat, cold or other, like )"
                   R"({"kind": "relief", "relief": "heat"})");
  }
  LIMBER_TRY_ASSIGN(auto text, string_field(body, "relief", R"("relief": "heat")"));
  LIMBER_TRY_ASSIGN(auto kind, core::parse_relief(text));
  core::ReliefRecord record{kind, ""};
  if (body.contains("name")) {
    auto name = string_field(body, "name", R"("name": "ibuprofen gel")");
    if (!name)
      return Unexpected(name.error());
    record.name = std::move(*name);
  }
  return record;
}

Result<core::EntryDetail> walk_detail(const json& body) {
  if (!body.contains("minutes"))
    return invalid(R"(a walk needs "minutes": {"kind": "walk", "minutes": 15})");
  LIMBER_TRY_ASSIGN(auto minutes, int_field(body, "minutes", R"("minutes": 15)"));
  LIMBER_TRY_ASSIGN(auto valid, core::walk_minutes(minutes));
  return core::WalkRecord{valid};
}

Result<core::EntryDetail> session_detail(const json& body, const core::Catalog& catalog) {
  for (const std::string_view key : {"exercises", "pain_before", "pain_after", "minutes"}) {
    if (!body.contains(std::string(key))) {
      return invalid(
          fmt::format(R"(a session needs "{}": {{"kind": "session", "exercises": ["basics-..."], )"
                      R"("pain_before": 5, "pain_after": 4, "minutes": 12}})",
                      key));
    }
  }
  core::SessionRecord record;
  const json& exercises = body.at("exercises");
  if (!exercises.is_array())
    return invalid(R"("exercises" must be a list of exercise ids, like ["basics-pelvic-tilt"])");
  for (const json& item : exercises) {
    if (!item.is_string())
      return invalid(R"(each exercise is an id in quotes, like "basics-pelvic-tilt")");
    auto exercise = catalog.get(item.get<std::string>());
    if (!exercise)
      return invalid(explain(exercise.error()));
    record.exercises.push_back((*exercise)->id);
  }
  LIMBER_TRY_ASSIGN(auto before, pain_field(body, "pain_before"));
  LIMBER_TRY_ASSIGN(auto after, pain_field(body, "pain_after"));
  auto minutes = int_field(body, "minutes", R"("minutes": 12)");
  if (!minutes)
    return Unexpected(minutes.error());
  record.pain_before = before;
  record.pain_after = after;
  record.minutes = *minutes;
  return record;
}

template <class T, class Parse>
Result<std::vector<T>> id_list(const json& body, std::string_view key, Parse parse,
                               std::string_view example) {
  const json& value = body.at(std::string(key));
  if (!value.is_array())
    return invalid(fmt::format(R"("{}" must be a list, like "{}": {})", key, key, example));
  std::vector<T> out;
  for (const json& item : value) {
    if (!item.is_string()) {
      return invalid(
          fmt::format(R"(each item of "{}" is a name in quotes, like {})", key, example));
    }
    LIMBER_TRY_ASSIGN(auto parsed, parse(item.get<std::string>()));
    if (std::find(out.begin(), out.end(), parsed) == out.end())
      out.push_back(parsed);
  }
  return out;
}

}  // namespace

Result<json> parse_object(std::string_view body, std::string_view example) {
  // JSON is UTF-8 (RFC 8259, section 8.1): say where it is not, rather than "not JSON".
  if (const std::size_t bad = core::utf8::first_invalid(body); bad != core::utf8::kValid) {
    return invalid(
        fmt::format("the request body is not UTF-8 text: byte {} ({}) cannot be read; "
                    "send the JSON encoded as UTF-8",
                    bad + 1, core::utf8::describe_byte(body, bad)));
  }
  json parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded()) {
    return invalid(
        fmt::format("the request body is not valid JSON: send one object, like {}", example));
  }
  if (!parsed.is_object()) {
    return invalid(
        fmt::format("the request body must be one JSON object in braces, like {}", example));
  }
  return parsed;
}

Result<core::Entry> entry_from_json(const json& body, const core::Now& now,
                                    const core::Catalog& catalog) {
  core::EntryKind kind = core::EntryKind::kPain;
  if (body.contains("kind")) {
    LIMBER_TRY_ASSIGN(auto text, string_field(body, "kind", R"("kind": "walk")"));
    LIMBER_TRY_ASSIGN(auto parsed, core::parse_entry_kind(text));
    kind = parsed;
  } else if (!body.contains("pain")) {
    return invalid(R"(say what to log: {"pain": 5, "regions": ["lower-back"]}, or "kind": )"
                   R"("relief", "walk" or "session" with their fields)");
  }

  static constexpr std::array<std::string_view, 9> kPainFields = {
      "kind", "at", "note", "tags", "pain", "regions", "mobility", "leg_pain_spreads", "client_id"};
  static constexpr std::array<std::string_view, 7> kReliefFields = {
      "kind", "at", "note", "tags", "relief", "name", "client_id"};
  static constexpr std::array<std::string_view, 6> kWalkFields = {"kind", "at",      "note",
                                                                  "tags", "minutes", "client_id"};
  static constexpr std::array<std::string_view, 9> kSessionFields = {
      "kind",        "at",         "note",    "tags",     "exercises",
      "pain_before", "pain_after", "minutes", "client_id"};
  std::span<const std::string_view> fields = kPainFields;
  switch (kind) {
    case core::EntryKind::kPain:
      break;
    case core::EntryKind::kRelief:
      fields = kReliefFields;
      break;
    case core::EntryKind::kWalk:
      fields = kWalkFields;
      break;
    case core::EntryKind::kSession:
      fields = kSessionFields;
      break;
  }
  const std::string what = fmt::format("a {} entry", core::to_string(kind));
  LIMBER_TRY(only_fields(body, fields, what));

  core::Entry entry;
  entry.at = now.instant;
  if (body.contains("at") && !body.at("at").is_null()) {
    LIMBER_TRY_ASSIGN(auto text, string_field(body, "at", R"("at": "2026-11-20T21:00:00+01:00")"));
    auto at = app::read_time(text, now);
    if (!at)
      return Unexpected(at.error());
    entry.at = *at;
  }
  if (body.contains("note")) {
    auto note = string_field(body, "note", R"("note": "after lifting a box")");
    if (!note)
      return Unexpected(note.error());
    entry.note = std::move(*note);
  }
  if (body.contains("tags") && !body.at("tags").is_null()) {
    LIMBER_TRY_ASSIGN(
        entry.tags, id_list<std::string>(
                        body, "tags", [](const std::string& text) { return core::check_tag(text); },
                        R"(["lifting", "long-drive"])"));
  }
  if (body.contains("client_id") && !body.at("client_id").is_null()) {
    LIMBER_TRY_ASSIGN(
        auto text,
        string_field(body, "client_id", R"("client_id": "0b9e4f0e-6f3c-4a0e-9d5e-2f1a7c3b8d21")"));
    auto id = core::check_client_id(std::move(text));
    if (!id)
      return invalid(fmt::format(R"("client_id": {})", id.error().message));
    entry.client_id = std::move(*id);
  }
  Result<core::EntryDetail> detail = core::PainRecord{};
  switch (kind) {
    case core::EntryKind::kPain:
      detail = pain_detail(body);
      break;
    case core::EntryKind::kRelief:
      detail = relief_detail(body);
      break;
    case core::EntryKind::kWalk:
      detail = walk_detail(body);
      break;
    case core::EntryKind::kSession:
      detail = session_detail(body, catalog);
      break;
  }
  if (!detail)
    return Unexpected(detail.error());
  entry.detail = std::move(*detail);
  return core::validate(std::move(entry));
}

Result<std::vector<core::Answer>> answers_from_json(const json& body) {
  static constexpr std::array<std::string_view, 2> kFields = {"answers", "correct"};
  LIMBER_TRY(only_fields(body, kFields, "the safety check"));
  if (!body.contains("answers") || !body.at("answers").is_object()) {
    return invalid(
        R"(send the answers as an object of question ids and true or false: {"answers": )"
        R"({"bladder": false, "bowel": false, ...}} (GET /api/check lists the questions))");
  }
  const json& given = body.at("answers");
  std::vector<std::pair<core::Flag, bool>> said;
  for (const auto& [key, value] : given.items()) {
    LIMBER_TRY_ASSIGN(auto flag, core::parse_flag(key));
    if (core::info(flag).source != core::FlagSource::kQuestion) {
      return invalid(fmt::format(
          R"("{}" is read from the diary, not asked: leave it out of the answers)", key));
    }
    if (!value.is_boolean()) {
      return invalid(fmt::format(
          R"(the answer to "{}" must be true (yes) or false (no), without quotes)", key));
    }
    said.emplace_back(flag, value.get<bool>());
  }
  std::vector<core::Answer> answers;
  bool ended = false;
  for (const core::Flag flag : core::asked_flags()) {
    const auto found = std::find_if(said.begin(), said.end(),
                                    [&](const auto& pair) { return pair.first == flag; });
    if (found == said.end()) {
      if (ended)
        continue;
      return invalid(fmt::format(
          R"(the question "{}" has no answer: answer every question true or false (if you are )"
          R"(not sure, true): "{}": false)",
          core::to_string(flag), core::to_string(flag)));
    }
    answers.push_back({flag, found->second});
    if (found->second && core::ends_questions(flag))
      ended = true;
  }
  return answers;
}

Result<PreferencesChange> preferences_from_json(const json& body) {
  static constexpr std::array<std::string_view, 3> kFields = {"styles", "weak", "tight"};
  LIMBER_TRY(only_fields(body, kFields, "the preferences"));
  PreferencesChange change;
  if (body.contains("styles")) {
    auto styles = id_list<core::Style>(body, "styles", core::parse_style, R"(["yoga", "ballet"])");
    if (!styles)
      return Unexpected(styles.error());
    change.styles = std::move(*styles);
  }
  if (body.contains("weak")) {
    auto weak = id_list<core::Muscle>(body, "weak", core::parse_muscle, R"(["deep-abs"])");
    if (!weak)
      return Unexpected(weak.error());
    change.weak = std::move(*weak);
  }
  if (body.contains("tight")) {
    auto tight = id_list<core::Muscle>(body, "tight", core::parse_muscle, R"(["hip-flexors"])");
    if (!tight)
      return Unexpected(tight.error());
    change.tight = std::move(*tight);
  }
  if (!change.styles && !change.weak && !change.tight) {
    return invalid(R"(say what to change: {"styles": ["yoga"]}, {"weak": ["deep-abs"], "tight": )"
                   R"(["hip-flexors"]} (an empty list clears it))");
  }
  return change;
}

Result<int> int_param(std::optional<std::string_view> text, std::string_view name, int fallback,
                      int min, int max) {
  if (!text)
    return fallback;
  int value = 0;
  const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || ec != std::errc() || ptr != text->data() + text->size() || value < min ||
      value > max) {
    return invalid(fmt::format("?{}={} is not a whole number from {} to {}, like ?{}={}", name,
                               *text, min, max, name, fallback));
  }
  return value;
}

}  // namespace limber::server
