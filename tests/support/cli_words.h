// The terminal's words, for tests that prove they do not reach the page (issue #13,
// finding 2): "limber function rate", "limber doctor", "--mobility".
#pragma once

#include <regex>
#include <string>

namespace limber::testing {

inline bool speaks_cli(const std::string& text) {
  static const std::regex kCommand(
      R"(limber (log|check|today|session|function|history|doctor|report|export|import|serve|)"
      R"(watch|prefs|muscles|episode|exercises|backup|restore|edit|delete|progress|status|devices)\b|)"
      R"(--[a-z])");
  return std::regex_search(text, kCommand);
}

}  // namespace limber::testing
