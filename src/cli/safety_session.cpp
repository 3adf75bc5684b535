#include "cli/safety_session.h"

#include <charconv>
#include <ostream>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/data_dir.h"

namespace limber::cli {
namespace {

// The same rule as the session's own connection (cli.cpp): LIMBER_BUSY_TIMEOUT_MS, else 5 s.
std::chrono::milliseconds busy_timeout(const app::GetEnv& env) {
  if (auto text = env("LIMBER_BUSY_TIMEOUT_MS")) {
    int value = 0;
    const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec == std::errc() && ptr == text->data() + text->size() && value >= 0) {
      return std::chrono::milliseconds{value};
    }
  }
  return std::chrono::milliseconds{5000};
}

std::optional<std::string> data_dir_flag(const CLI::App& command) {
  const CLI::App* root = &command;
  while (root->get_parent() != nullptr)
    root = root->get_parent();
  const CLI::Option* option = root->get_option_no_throw("--data-dir");
  if (option == nullptr || option->count() == 0)
    return std::nullopt;
  return option->results().front();
}

}  // namespace

core::Result<std::unique_ptr<SafetySession>> open_safety(Session& session,
                                                         const CLI::App& command) {
  auto dir = app::data_dir(data_dir_flag(command), session.env());
  if (!dir)
    return core::Unexpected(dir.error());
  auto db = store::Database::open(*dir / app::kDiaryFileName,
                                  store::OpenOptions{busy_timeout(session.env())});
  if (!db)
    return core::Unexpected(db.error());
  return std::make_unique<SafetySession>(std::move(*db), session.now());
}

core::Result<void> disclaimer_once(const app::ScreeningService& screening, std::ostream& out) {
  auto due = screening.disclaimer_due();
  if (!due)
    return core::Unexpected(due.error());
  if (!*due)
    return {};
  fmt::print(out, "About limber\n{}\n\n", app::disclaimer());
  return screening.mark_disclaimer_shown();
}

}  // namespace limber::cli
