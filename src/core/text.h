// Text typed by a person (a note, a relief's name, an activity): what limber stores is
// UTF-8, counted in characters, free of control characters (issue 11, defects 2 and 9).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace limber::core {

enum class Lines { kOne, kMany };

// Checks text typed by a person: UTF-8, at most `max_characters` characters (code points,
// not bytes), and no control characters but tab, and newline when `lines` is kMany.
// Control characters would reach a terminal as commands (ESC starts an escape sequence, and
// so does U+009B in some) or hide text, so DEL and U+0080-U+009F are refused as well.
// kInvalidInput naming `what` ("note") otherwise. Returns the text.
Result<std::string> check_text(std::string text, std::size_t max_characters, std::string_view what,
                               Lines lines);

// The words of a list typed by a person or stored by limber ("deep-abs,glutes", "yoga, pilates",
// "lower-back neck:3"): separated by commas, spaces or both; empty words are dropped, so
// "a,,b " is two words. The views point into `text`. The one splitter for every such list
// (options, stored preferences); callers decide what a word means ("none", duplicates).
std::vector<std::string_view> split_list(std::string_view text);

// A word of a protocol or of limber's own vocabulary (a host name, a day, a yes or no) in
// lower case: only A-Z change, whatever the locale, so text in other scripts is kept as is.
std::string ascii_lower(std::string_view text);
// Whether two such words are equal but for the case of A-Z ("Host" and "host").
bool ascii_iequal(std::string_view a, std::string_view b);

// Text made safe to put inside XML or its kin (an SVG's title, a notification's body markup):
// & < > and " become entities; everything else is kept as it is.
std::string escape_xml(std::string_view text);

}  // namespace limber::core
