#include "app/entry_json.h"

#include <nlohmann/json.hpp>

#include "app/json_writer.h"
#include "core/time_parse.h"

namespace limber::app {
namespace {

// The one mapping of an entry to JSON; the nlohmann forms below parse what it writes.
void write_entry(JsonWriter& json, const core::Entry& entry) {
  json.begin_object();
  json.key("id").value(entry.id);
  json.key("kind").value(core::to_string(entry.kind()));
  json.key("at").value(core::format_iso(entry.at, entry.utc_offset));
  if (!entry.client_id.empty())
    json.key("client_id").value(entry.client_id);
  if (const auto* pain = std::get_if<core::PainRecord>(&entry.detail)) {
    json.key("pain").value(pain->pain.value());
    json.key("pain_words").value(pain->pain.words());
    json.key("regions").begin_array();
    for (const core::RegionRating& rating : pain->regions) {
      json.begin_object();
      json.key("region").value(core::to_string(rating.region));
      json.key("name").value(core::info(rating.region).display);
      if (rating.pain)
        json.key("pain").value(rating.pain->value());
      json.end_object();
    }
    json.end_array();
    json.key("mobility");
    if (pain->mobility) {
      json.value(core::to_string(*pain->mobility));
    } else {
      json.null();
    }
    json.key("leg_pain_spreads");
    if (pain->leg_pain_spreads) {
      json.raw(*pain->leg_pain_spreads ? "true" : "false");
    } else {
      json.null();
    }
  } else if (const auto* relief = std::get_if<core::ReliefRecord>(&entry.detail)) {
    json.key("relief").value(core::to_string(relief->kind));
    json.key("name").value(relief->name);
  } else if (const auto* walk = std::get_if<core::WalkRecord>(&entry.detail)) {
    json.key("minutes").value(walk->minutes);
  } else if (const auto* session = std::get_if<core::SessionRecord>(&entry.detail)) {
    json.key("exercises").begin_array();
    for (const std::string& id : session->exercises)
      json.value(id);
    json.end_array();
    json.key("pain_before").value(session->pain_before.value());
    json.key("pain_after").value(session->pain_after.value());
    json.key("minutes").value(session->minutes);
  }
  json.key("note").value(entry.note);
  json.key("tags").begin_array();
  for (const std::string& tag : entry.tags)
    json.value(tag);
  json.end_array();
  json.end_object();
}

}  // namespace

std::string to_json_text(std::span<const core::Entry> entries) {
  std::string out;
  out.reserve(entries.size() * 200 + 4);
  JsonWriter json(out);
  json.begin_array();
  for (const core::Entry& entry : entries) {
    out += '\n';
    write_entry(json, entry);
  }
  out += entries.empty() ? "]" : "\n]";
  return out;
}

nlohmann::json to_json(const core::Entry& entry) {
  std::string out;
  JsonWriter json(out);
  write_entry(json, entry);
  return nlohmann::json::parse(out);
}

nlohmann::json to_json(std::span<const core::Entry> entries) {
  return nlohmann::json::parse(to_json_text(entries));
}

}  // namespace limber::app
