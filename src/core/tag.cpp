#include "core/tag.h"

#include <algorithm>

#include <fmt/format.h>

namespace limber::core {
namespace {

bool letter_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool well_formed(std::string_view tag) {
  if (tag.empty() || tag.size() > kMaxTagLength || tag.front() == '-' || tag.back() == '-')
    return false;
  for (std::size_t i = 0; i < tag.size(); ++i) {
    if (tag[i] == '-') {
      if (tag[i - 1] == '-')
        return false;
    } else if (!letter_or_digit(tag[i])) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string tag_rule() {
  return fmt::format(
      "a tag is 1 to {} letters a-z or digits, with single hyphens between words, like "
      "lifting or long-drive",
      kMaxTagLength);
}

Result<std::string> check_tag(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  const auto last = text.find_last_not_of(' ');
  const std::string_view trimmed =
      first == std::string_view::npos ? std::string_view() : text.substr(first, last - first + 1);
  std::string tag;
  tag.reserve(trimmed.size());
  for (const char c : trimmed) {
    if (c >= 'A' && c <= 'Z') {
      tag += static_cast<char>(c - 'A' + 'a');
    } else if (c == ' ' || c == '_') {
      tag += '-';
    } else {
      tag += c;
    }
  }
  if (!well_formed(tag)) {
    // The tag as typed, cut short: a long paste should not fill the screen.
    const std::string shown(text.substr(0, kMaxTagLength + 10));
    return fail(ErrorCode::kInvalidInput, fmt::format("'{}' is not a tag: {}", shown, tag_rule()));
  }
  return tag;
}

Result<std::vector<std::string>> check_tags(std::span<const std::string> tags) {
  std::vector<std::string> out;
  for (const std::string& text : tags) {
    LIMBER_TRY_ASSIGN(std::string tag, check_tag(text));
    if (!has_tag(out, tag))
      out.push_back(std::move(tag));
  }
  if (out.size() > kMaxTags) {
    return fail(
        ErrorCode::kInvalidInput,
        fmt::format("{} tags is too many for one entry: use at most {}", out.size(), kMaxTags));
  }
  return out;
}

bool has_tag(std::span<const std::string> tags, std::string_view tag) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

}  // namespace limber::core
