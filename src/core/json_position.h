// Where something is in a JSON text, as a person reads it: line and column. For errors in
// files a person wrote (an exercise file from their therapist, issue 15), so the message
// names the line to fix. nlohmann::json keeps no positions; this walks the text again,
// only when there is an error to report.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace limber::core {

struct TextPosition {
  std::size_t line = 1;    // from 1
  std::size_t column = 1;  // from 1, in characters (UTF-8 code points)
};

// The line and column of byte `offset` of `text` (an offset past the end is the end).
TextPosition text_position(std::string_view text, std::size_t offset);

// The byte offset where a JSON text stops being valid JSON, or nullopt when it is valid.
std::optional<std::size_t> json_error_offset(std::string_view text);

// The byte offset of the member `path` names in a valid JSON text: each step a key of an
// object or, for an array, an index written in digits ({"exercises", "2", "dose", "reps"}
// is the key "reps" of the third exercise's dose). The offset is that of the key's opening
// quote (of the value, for an array element, or of the whole text for an empty path);
// nullopt when the path is not there.
std::optional<std::size_t> json_member_offset(std::string_view text,
                                              std::span<const std::string> path);

}  // namespace limber::core
