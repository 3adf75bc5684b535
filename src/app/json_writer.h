// A small streaming JSON writer for the hot paths (a year of diary as JSON in a few ms),
// where building an nlohmann::json tree first would cost more than the query. Writes
// compact JSON into a string; keys and values are escaped as RFC 8259 requires, and text
// that is not UTF-8 is written with U+FFFD in place of what cannot be read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace limber::app {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& null();
  // Writes `text`, already valid JSON, as one value.
  JsonWriter& raw(std::string_view text);

 private:
  void separate();

  std::string& out_;
  bool first_ = true;  // no value yet at the current nesting level
  bool after_key_ = false;
};

}  // namespace limber::app
