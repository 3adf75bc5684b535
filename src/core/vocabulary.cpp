#include "core/vocabulary.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/suggest.h"

namespace limber::core {

Result<std::size_t> parse_name(std::string_view text, std::span<const std::string_view> names,
                               std::string_view what) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text)
      return i;
  }
  return fail(ErrorCode::kInvalidInput,
              fmt::format("unknown {} '{}'.{} Use one of: {}", what, text,
                          did_you_mean(text, names), fmt::join(names, ", ")));
}

}  // namespace limber::core
