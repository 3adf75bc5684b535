#include "cli/typed_text.h"

#include <fmt/format.h>

#include "core/utf8.h"

namespace limber::cli {

core::Result<void> check_typed_text(std::string_view text, std::string_view option) {
  const std::size_t bad = core::utf8::first_invalid(text);
  if (bad == core::utf8::kValid)
    return {};
  return core::fail(
      core::ErrorCode::kInvalidInput,
      fmt::format("{} is not UTF-8 text: byte {} ({}) cannot be read. Set your terminal to "
                  "UTF-8 (for example LANG=C.UTF-8) and type it again",
                  option, bad + 1, core::utf8::describe_byte(text, bad)));
}

core::Result<void> check_typed_option(const std::optional<std::string>& text,
                                      std::string_view option) {
  return text ? check_typed_text(*text, option) : core::Result<void>{};
}

}  // namespace limber::cli
