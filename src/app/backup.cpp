#include "app/backup.h"

#include <algorithm>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "store/private_files.h"

namespace limber::app {

namespace {

constexpr std::string_view kDailyPrefix = "limber-";
constexpr std::string_view kDailySuffix = ".db";

std::string iso_day(std::chrono::year_month_day day) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()),
                     static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
}

// limber-YYYY-MM-DD.db: exactly, so the copies made before migrations are not counted.
bool is_daily_copy(const std::string& name) {
  if (name.size() != kDailyPrefix.size() + 10 + kDailySuffix.size() ||
      !name.starts_with(kDailyPrefix) || !name.ends_with(kDailySuffix)) {
    return false;
  }
  const std::string_view day = std::string_view(name).substr(kDailyPrefix.size(), 10);
  for (std::size_t i = 0; i < day.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? day[i] != '-' : (day[i] < '0' || day[i] > '9'))
      return false;
  }
  return true;
}

void prune_daily_copies(const std::filesystem::path& folder) {
  std::error_code ec;
  std::vector<std::filesystem::path> copies;
  for (const auto& item : std::filesystem::directory_iterator(folder, ec)) {
    if (is_daily_copy(item.path().filename().string()))
      copies.push_back(item.path());
  }
  if (copies.size() <= static_cast<std::size_t>(kDailyCopiesKept))
    return;
  std::sort(copies.begin(), copies.end());  // the names sort by day
  for (std::size_t i = 0; i + kDailyCopiesKept < copies.size(); ++i)
    std::filesystem::remove(copies[i], ec);
}

}  // namespace

std::filesystem::path backup_folder(const std::filesystem::path& data_dir) {
  return data_dir / kBackupFolderName;
}

std::filesystem::path daily_copy_path(const std::filesystem::path& folder,
                                      std::chrono::year_month_day day) {
  return folder / fmt::format("{}{}{}", kDailyPrefix, iso_day(day), kDailySuffix);
}

bool daily_copy_due(const std::filesystem::path& folder, std::chrono::year_month_day day) {
  std::error_code ec;
  return !std::filesystem::exists(daily_copy_path(folder, day), ec);
}

core::Result<store::DiaryFileFacts> backup_diary(const store::Database& db,
                                                 const std::filesystem::path& to) {
  LIMBER_TRY(store::copy_diary(db, to));
  auto facts = store::check_diary_file(to);
  if (!facts) {
    return core::fail(facts.error().code,
                      fmt::format("the copy {} did not check out ({}): the diary itself may be "
                                  "damaged",
                                  to.string(), facts.error().message),
                      core::Remedy::kCheckDiary);
  }
  return facts;
}

core::Result<void> make_daily_copy(const store::Database& db, const std::filesystem::path& folder,
                                   std::chrono::year_month_day day) {
  store::Tightened ignored;
  LIMBER_TRY(store::make_private_folder(folder, ignored));
  LIMBER_TRY(backup_diary(db, daily_copy_path(folder, day)));
  prune_daily_copies(folder);
  return {};
}

core::Result<Restored> restore_diary(const store::Database& db, const std::filesystem::path& file,
                                     std::chrono::year_month_day today) {
  auto facts = store::check_diary_file(file);
  if (!facts) {
    return core::fail(facts.error().code,
                      fmt::format("{}; nothing was changed", facts.error().message));
  }
  const std::string base = db.path().string() + ".before-restore-" + iso_day(today);
  std::filesystem::path previous = base;
  std::error_code ec;
  for (int n = 2; std::filesystem::exists(previous, ec); ++n)
    previous = fmt::format("{}-{}", base, n);
  // Not checked: a damaged diary is what one restores over. When SQLite cannot read it to
  // copy it, the file itself is kept.
  if (auto kept = store::copy_diary(db, previous); !kept) {
    std::filesystem::copy_file(db.path(), previous, ec);
    if (ec) {
      return core::fail(core::ErrorCode::kIo,
                        fmt::format("cannot keep the diary as it was in {} ({}); nothing was "
                                    "changed",
                                    previous.string(), ec.message()));
    }
    std::filesystem::permissions(
        previous, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  }
  LIMBER_TRY(store::replace_content(db, file));
  return Restored{*facts, previous};
}

}  // namespace limber::app
