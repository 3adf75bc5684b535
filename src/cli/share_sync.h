// `limber serve` shares as the person logs (issue 17, docs/clinic.md "Sharing from limber"):
// when the diary shares with a clinic, a thread of its own sends what is new or changed at
// the start and then whenever the diary changed, checked every kShareSyncEvery, on its own
// connection to the diary, off the requests' path, so a log never waits for the clinic.
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <ostream>
#include <thread>

namespace limber::cli {

inline constexpr std::chrono::seconds kShareSyncEvery{20};

class ShareSyncer {
 public:
  // Starts the thread; it ends at once when the diary shares with no clinic.
  ShareSyncer(std::filesystem::path data_dir, std::ostream& log);
  ShareSyncer(const ShareSyncer&) = delete;
  ShareSyncer& operator=(const ShareSyncer&) = delete;
  ShareSyncer(ShareSyncer&&) = delete;
  ShareSyncer& operator=(ShareSyncer&&) = delete;
  // Stops the thread, after a send in flight.
  ~ShareSyncer();

 private:
  void run();

  std::filesystem::path data_dir_;
  std::ostream& log_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace limber::cli
