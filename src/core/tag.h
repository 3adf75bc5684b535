// Tags: short words a person puts on an entry to say what went with it ("lifting",
// "long-drive"), so that later they can see what tends to come before a flare (issue 15).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace limber::core {

inline constexpr std::size_t kMaxTagLength = 30;
inline constexpr std::size_t kMaxTags = 5;  // per entry

// The rule, in words a person reads in an error: "1 to 30 letters a-z or digits, ...".
std::string tag_rule();

// Reads one tag typed by a person: spaces around it are dropped, capitals become small
// letters and spaces or '_' inside become '-' ("Long Drive" is "long-drive"). What is left
// must be 1 to kMaxTagLength characters a-z and 0-9, words joined by single hyphens;
// kInvalidInput naming the tag and the rule otherwise.
Result<std::string> check_tag(std::string_view text);

// Checks an entry's tags: each by check_tag, duplicates (after normalising) dropped, in the
// order given; more than kMaxTags is kInvalidInput.
Result<std::vector<std::string>> check_tags(std::span<const std::string> tags);

// Whether `tags` holds `tag` (already normalised).
bool has_tag(std::span<const std::string> tags, std::string_view tag);

}  // namespace limber::core
