#include "cli/share_sync.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/assigned_exercises.h"
#include "app/builtin_catalog.h"
#include "app/data_dir.h"
#include "app/share_service.h"
#include "cli/retry_report.h"
#include "cli/share_https.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/share_store.h"

namespace limber::cli {

ShareSyncer::ShareSyncer(std::filesystem::path data_dir, std::ostream& log)
    : data_dir_(std::move(data_dir)), log_(log), thread_([this] { run(); }) {}

ShareSyncer::~ShareSyncer() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void ShareSyncer::run() {
  auto db = store::Database::open(data_dir_ / app::kDiaryFileName, {});
  if (!db)
    return;
  const auto now = [] {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  };
  app::ShareService share(*db, https_call(data_dir_), now);
  const app::AssignedExercises assigned(*db, https_call(data_dir_), now,
                                        app::builtin_catalog_files());
  std::int64_t seen = -1;
  RetryReport sending;
  RetryReport fetching;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    // PRAGMA data_version changes when another connection (the server's) commits.
    const auto version = store::pragma(*db, "PRAGMA data_version");
    const auto clinic = store::ShareStore(*db).clinic();
    if (!clinic || !*clinic || !version)
      return;  // shares with no clinic: nothing to do while this server runs
    if (*version != seen) {
      seen = *version;
      if (auto sent = share.sync(); !sent) {
        if (sending.failed(sent.error().message)) {
          fmt::print(log_, "limber serve: sharing with {} waits: {}\n", (*clinic)->url,
                     sent.error().message);
        }
        seen = -1;  // try again at the next turn
      } else if (sending.succeeded()) {
        fmt::print(log_, "limber serve: sharing with {} works again: what waited is sent\n",
                   (*clinic)->url);
      }
    }
    // Each turn, as the therapist may assign at any time; an unchanged list costs a 304.
    if (const auto fetched = assigned.fetch(); !fetched) {
      if (fetching.failed(fetched.error().message)) {
        fmt::print(log_, "limber serve: your therapist's exercises wait: {}\n",
                   fetched.error().message);
      }
    } else if (fetching.succeeded()) {
      fmt::print(log_, "limber serve: your therapist's exercises arrive again\n");
    }
    lock.lock();
    wake_.wait_for(lock, kShareSyncEvery, [this] { return stopping_; });
  }
}

}  // namespace limber::cli
