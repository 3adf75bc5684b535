// "Did you mean ...?" for unknown names typed by a person.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace limber::core {

// Edit distance (insertions, deletions, substitutions, adjacent swaps), case-insensitive.
int edit_distance(std::string_view a, std::string_view b);

// Returns the candidate closest to `word` when it is close enough to be a likely typo
// (about a third of the word's letters apart or less, or equal once '-' and '_' are dropped),
// otherwise nullopt.
std::optional<std::string_view> closest(std::string_view word,
                                        std::span<const std::string_view> candidates);

// " Did you mean 'x'?" or "" when nothing is close; ready to append to a message.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace limber::core
